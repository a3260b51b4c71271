// A message's engine job: a fresh generation, or, once there is an artifact, a refinement
// of it (the chat's follow-up messages, and /v1 chats whose earlier reply holds an app).
import type { Job } from "../engine/engine.ts";

/** How much of an artifact a follow-up request re-masks when it refines it. */
export const REFINE_STRENGTH = 0.35;

export type MessageKind = "generate" | "refine";

/** A message refines the current artifact when there is one with any text; else it generates a new one. */
export function messageKind(artifact: string | undefined): MessageKind {
  return artifact?.trim() ? "refine" : "generate";
}

export function refineJob(artifact: string, request: string): Job {
  return { kind: "refine", artifact, request, strength: REFINE_STRENGTH };
}

/** The job for a message in a conversation whose current artifact is `artifact` (if any). */
export function messageJob(request: string, artifact: string | undefined): { job: Job; kind: MessageKind } {
  const kind = messageKind(artifact);
  const job: Job = kind === "refine" ? refineJob(artifact ?? "", request) : { kind: "generate", conversation: { request } };
  return { job, kind };
}
