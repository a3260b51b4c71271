// The assistant's short replies in the chat, the same in the store and in the browser.
import type { Stats } from "../engine/engine.ts";
import type { MessageKind } from "./follow-up.ts";

/** The reply that comes with a new artifact (a generation), or with an artifact refined for a follow-up. */
export function artifactReply(stats: Stats, kind: MessageKind = "generate"): string {
  return kind === "refine"
    ? `Here is your app, refined: ${stats.tokens} tokens rewritten in ${stats.steps} steps (${stats.tokensPerSecond} tokens/s).`
    : `Here is your app: ${stats.tokens} tokens in ${stats.steps} steps (${stats.tokensPerSecond} tokens/s).`;
}

export const STOPPED_REPLY = "Stopped before the app was finished.";

/** The reply a request gets when the server stopped (crashed, was killed) while answering it. */
export const SERVER_STOPPED_REPLY = "Interrupted: the server stopped before the app was finished.";

export function failedReply(message: string): string {
  return `Something went wrong: ${message}`;
}
