// Starting a job before answering: a queued job's stream answers at once; an answer sent
// whole waits for the first frame, so the engine's refusals keep their status.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { EngineEvent } from "../engine/engine.ts";
import { EngineInputError, QueueFullError } from "../engine/errors.ts";
import type { PoolEvent } from "../engine/pool.ts";
import { startJob } from "./engine-start.ts";
import { chatChunks } from "./openai.ts";

const frame: EngineEvent = { type: "frame", step: 1, totalSteps: 1, committed: [0], text: "<p>", forwardPasses: 1, elapsedMs: 5 };
const done: EngineEvent = { type: "done", artifact: "<p>", stats: { tokens: 1, promptTokens: 2, steps: 1, forwardPasses: 1, ms: 5, firstFrameMs: 5, tokensPerSecond: 200, rejections: 0, repairs: 0, rewrites: 0 } };

/** A job that waits behind two others, then runs, or fails as it starts. */
async function* job(start: "runs" | "refused" = "runs"): AsyncGenerator<PoolEvent> {
  yield { type: "queued", position: 2 };
  yield { type: "queued", position: 1 };
  if (start === "refused") throw new EngineInputError("the request is too long");
  yield frame;
  yield done;
}

async function types(events: AsyncIterable<PoolEvent>): Promise<string[]> {
  const out: string[] = [];
  for await (const e of events) out.push(e.type === "queued" ? `queued ${e.position}` : e.type);
  return out;
}

test("a stream starts with the queued event, at once", async () => {
  const started = await startJob(job());
  assert.ok("events" in started);
  assert.deepEqual(await types(started.events), ["queued 2", "queued 1", "frame", "done"]);
});

test("an answer sent whole waits past the queue: its refusal is still a 400, and a full queue a 429 with Retry-After", async () => {
  const ran = await startJob(job(), undefined, true);
  assert.ok("events" in ran);
  assert.deepEqual(await types(ran.events), ["frame", "done"]);

  const refused = await startJob(job("refused"), undefined, true);
  assert.ok("response" in refused);
  assert.equal(refused.response.status, 400);
  assert.deepEqual(await refused.response.json(), { error: "the request is too long" });

  const full = await startJob(
    (async function* (): AsyncGenerator<PoolEvent> {
      throw new QueueFullError(5);
    })(),
  );
  assert.ok("response" in full);
  assert.equal(full.response.status, 429);
  assert.equal(full.response.headers.get("retry-after"), "5");
});

test("OpenAI stream chunks skip the time spent queued", async () => {
  const chunks = [];
  for await (const c of chatChunks("id", "m", job(), false)) chunks.push(c.choices[0]);
  assert.deepEqual(
    chunks.map((c) => [c.delta, c.finish_reason]),
    [
      [{ role: "assistant", content: "" }, null],
      [{ content: "<p>" }, null],
      [{}, "stop"],
    ],
  );
});
