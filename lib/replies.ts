// The assistant's short replies in the chat, the same in the store and in the browser.
import type { Stats } from "../engine/engine.ts";

export function artifactReply(stats: Stats): string {
  return `Here is your app: ${stats.tokens} tokens in ${stats.steps} steps (${stats.tokensPerSecond} tokens/s).`;
}

export const STOPPED_REPLY = "Stopped before the app was finished.";

export function failedReply(message: string): string {
  return `Something went wrong: ${message}`;
}
