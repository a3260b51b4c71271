// Saving a generation into its conversation as it streams: the request at once,
// then the reply with its artifact version when done, or an interrupted reply
// when the generation is stopped or fails. A follow-up's refinement is saved the
// same way, as a version of kind "refine" on top of the one it refined.
import type { PoolEvent } from "../engine/pool.ts";
import type { ConversationStore } from "./db.ts";
import type { MessageKind } from "./follow-up.ts";
import { artifactReply, failedReply, STOPPED_REPLY } from "./replies.ts";

export function recordGeneration(
  store: ConversationStore,
  conversationId: string,
  request: string,
  kind: MessageKind,
  events: AsyncIterable<PoolEvent>,
  signal: AbortSignal,
): AsyncGenerator<PoolEvent> {
  store.addMessage(conversationId, { role: "user", text: request });
  return (async function* () {
    let saved = false;
    let failure: string | null = null;
    try {
      for await (const e of events) {
        if (e.type === "done") {
          // Saved before the browser hears of it, so a reload right after shows the version.
          const version = store.addVersion(conversationId, kind, e.artifact);
          store.addMessage(conversationId, { role: "assistant", text: artifactReply(e.stats, kind), versionId: version.id });
          saved = true;
        }
        yield e;
      }
    } catch (e) {
      failure = (e as Error).message;
      throw e;
    } finally {
      // Also reached when the reader cancels the stream (the browser went away).
      if (!saved) {
        const text = failure === null || signal.aborted ? STOPPED_REPLY : failedReply(failure);
        store.addMessage(conversationId, { role: "assistant", text, status: "interrupted" });
      }
    }
  })();
}
