// Regenerating regions of an artifact (the workspace's "Regenerate selection" and "Fix"):
// the request the route accepts, and the engine job it becomes.
import { z } from "zod";
import type { Job } from "../engine/engine.ts";
import { MAX_MESSAGE_CHARS } from "./schemas.ts";

export const MAX_ARTIFACT_CHARS = 20_000;

export const InfillRequest = z
  .object({
    text: z.string().max(MAX_ARTIFACT_CHARS, `the text is longer than ${MAX_ARTIFACT_CHARS} characters`),
    spans: z
      .array(
        z.object({
          start: z.number().int().min(0),
          end: z.number().int().min(0),
          /** Tokens to write there; by default as many as the region has now. */
          length: z.number().int().min(1).max(512).optional(),
        }),
      )
      .min(1, "no span to regenerate")
      .max(8, "at most 8 spans at once"),
    instruction: z.string().trim().max(MAX_MESSAGE_CHARS).optional(),
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  })
  .refine((r) => r.spans.every((s) => s.start <= s.end && s.end <= r.text.length), { message: "a span lies outside the text" });
export type InfillRequest = z.infer<typeof InfillRequest>;

export function infillJob(r: InfillRequest): Job {
  return { kind: "infill", text: r.text, spans: r.spans, request: r.instruction };
}
