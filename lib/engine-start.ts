// Start an engine job before answering, so that a full queue or a job the engine
// refuses gets a proper HTTP status instead of an error inside a 200 stream.
import { EngineInputError, QueueFullError } from "../engine/errors.ts";
import type { PoolEvent } from "../engine/pool.ts";

/** How a route words an error body (its own format: {error} or OpenAI's {error: {message, type}}). */
export type ErrorBody = (message: string, type: "invalid_request_error" | "rate_limit_error") => unknown;

export const plainError: ErrorBody = (message) => ({ error: message });

/**
 * Waits for the job's first event: a queued one at once when the job has to wait, so that
 * a stream answers right away; else its first frame. `waitInQueue`, for an answer sent
 * whole, waits past the queued events for the first frame, so that input the engine
 * refuses still gets its 400. Resolves with the event stream from that event on, or with
 * the response to send instead: 429 with Retry-After when the queue is full, 400 when the
 * engine refused the job's input.
 */
export async function startJob(
  events: AsyncGenerator<PoolEvent>,
  errorBody: ErrorBody = plainError,
  waitInQueue = false,
): Promise<{ events: AsyncGenerator<PoolEvent> } | { response: Response }> {
  let first: IteratorResult<PoolEvent>;
  try {
    do first = await events.next();
    while (waitInQueue && !first.done && first.value.type === "queued");
  } catch (e) {
    if (e instanceof QueueFullError) {
      const headers = { "Retry-After": String(e.retryAfterSeconds) };
      return { response: Response.json(errorBody(e.message, "rate_limit_error"), { status: 429, headers }) };
    }
    if (e instanceof EngineInputError) return { response: Response.json(errorBody(e.message, "invalid_request_error"), { status: 400 }) };
    throw e;
  }
  async function* all() {
    try {
      if (!first.done) yield first.value;
      yield* events;
    } finally {
      await events.return(undefined); // a client gone early frees the engine
    }
  }
  return { events: all() };
}
