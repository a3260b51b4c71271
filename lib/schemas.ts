// Request bodies the server accepts, validated at the edge of every route.
import { z } from "zod";

export const MAX_MESSAGE_CHARS = 2000;

export const GenerateRequest = z.object({
  message: z.string().trim().min(1, "the message is empty").max(MAX_MESSAGE_CHARS, `the message is longer than ${MAX_MESSAGE_CHARS} characters`),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
});

export type GenerateRequest = z.infer<typeof GenerateRequest>;
