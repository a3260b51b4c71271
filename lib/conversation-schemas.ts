// Request bodies and path parameters of the conversation routes, validated at the edge.
import { z } from "zod";
import { MAX_ARTIFACT_CHARS } from "./infill.ts";
import { GenerateRequest } from "./schemas.ts";

export const MAX_TITLE_CHARS = 120;

export const ConversationId = z.uuid("not a conversation id");
export const VersionId = z.coerce.number().int().positive("not a version id");

const Title = z.string().trim().min(1, "the title is empty").max(MAX_TITLE_CHARS, `the title is longer than ${MAX_TITLE_CHARS} characters`);

export const CreateConversationRequest = z.object({ title: Title.optional() });

export const RenameConversationRequest = z.object({ title: Title });

/** A version the browser made: a manual edit, or the result of /api/infill (a regenerated region, a fix). */
export const AddVersionRequest = z.object({
  html: z.string().max(MAX_ARTIFACT_CHARS, `the artifact is longer than ${MAX_ARTIFACT_CHARS} characters`),
  kind: z.enum(["edit", "regenerate", "fix"]).default("edit"),
});
export type BrowserVersionKind = z.infer<typeof AddVersionRequest>["kind"];

/** /api/generate's body; with a conversation id, the exchange and its artifact are saved there. */
export const GenerateInConversationRequest = GenerateRequest.extend({ conversationId: ConversationId.optional() });
