// A generation saved into its conversation: finished, failed, stopped, or abandoned by its reader.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import type { EngineEvent, Stats } from "../engine/engine.ts";
import type { PoolEvent } from "../engine/pool.ts";
import { ConversationStore } from "./db.ts";
import { recordGeneration } from "./record-generation.ts";
import { artifactReply, failedReply, STOPPED_REPLY } from "./replies.ts";

const dir = mkdtempSync(join(tmpdir(), "unmask-record-"));
const store = new ConversationStore(dir);
after(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const stats: Stats = { tokens: 3, promptTokens: 4, steps: 2, forwardPasses: 2, ms: 10, firstFrameMs: 5, tokensPerSecond: 300, rejections: 0, repairs: 0, rewrites: 0 };
const frame: EngineEvent = { type: "frame", step: 1, totalSteps: 2, committed: [0], text: "<p>\u2591", forwardPasses: 1, elapsedMs: 5 };

async function* events(end: "done" | "throw" | "hang"): AsyncGenerator<EngineEvent> {
  yield frame;
  if (end === "throw") throw new Error("the engine is busy; try again shortly");
  if (end === "hang") await new Promise(() => {});
  yield { type: "done", artifact: "<p>hi</p>", stats };
}

async function drain(it: AsyncIterable<PoolEvent>): Promise<string[]> {
  const types: string[] = [];
  try {
    for await (const e of it) types.push(e.type);
  } catch (e) {
    types.push(`error: ${(e as Error).message}`);
  }
  return types;
}

test("a finished generation saves the request, the artifact as a version and the reply pointing at it", async () => {
  const c = store.create();
  const recorded = recordGeneration(store, c.id, "Build a timer", "generate", events("done"), new AbortController().signal);
  assert.equal(store.detail(c.id)?.messages.length, 1, "the request is saved before the stream is read");
  assert.deepEqual(await drain(recorded), ["frame", "done"]);
  const d = store.detail(c.id)!;
  assert.deepEqual(d.versions.map((v) => [v.kind, v.html]), [["generate", "<p>hi</p>"]]);
  assert.deepEqual(d.messages.map((m) => [m.role, m.text, m.status, m.versionId]), [
    ["user", "Build a timer", "complete", null],
    ["assistant", artifactReply(stats), "complete", d.versions[0].id],
  ]);
});

test("a failed generation saves an interrupted reply with the reason, and no version", async () => {
  const c = store.create();
  const types = await drain(recordGeneration(store, c.id, "Build a timer", "generate", events("throw"), new AbortController().signal));
  assert.deepEqual(types, ["frame", "error: the engine is busy; try again shortly"]);
  const d = store.detail(c.id)!;
  assert.equal(d.versions.length, 0);
  assert.deepEqual(d.messages.at(-1), { ...d.messages.at(-1)!, text: failedReply("the engine is busy; try again shortly"), status: "interrupted" });
});

test("a generation whose reader goes away (the browser stopped it) saves an interrupted reply", async () => {
  const c = store.create();
  const controller = new AbortController();
  const recorded = recordGeneration(store, c.id, "Build a timer", "generate", events("hang"), controller.signal);
  assert.equal((await recorded.next()).value?.type, "frame");
  controller.abort();
  await recorded.return(undefined);
  const last = store.detail(c.id)!.messages.at(-1)!;
  assert.deepEqual([last.role, last.text, last.status], ["assistant", STOPPED_REPLY, "interrupted"]);
});

test("a follow-up's refinement is saved as a version of kind refine on top of the current one, with its own reply", async () => {
  const c = store.create();
  const first = store.addVersion(c.id, "generate", "<p>hello</p>");
  assert.deepEqual(await drain(recordGeneration(store, c.id, "Make it blue", "refine", events("done"), new AbortController().signal)), ["frame", "done"]);
  const d = store.detail(c.id)!;
  assert.deepEqual(d.versions.map((v) => [v.kind, v.parentId, v.html]), [
    ["generate", null, "<p>hello</p>"],
    ["refine", first.id, "<p>hi</p>"],
  ]);
  assert.deepEqual(d.messages.at(-1), { ...d.messages.at(-1)!, text: artifactReply(stats, "refine"), versionId: d.versions[1].id });
  assert.notEqual(artifactReply(stats, "refine"), artifactReply(stats));
});
