// The engine on the shipped model through onnxruntime-node: frames, stats,
// determinism, and the worker pool (abort, bounded queue).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { DEFAULT_MODEL_DIR } from "./defaults.ts";
import { Engine } from "./engine.ts";
import { MASK_GLYPH } from "./glyph.ts";
import { EnginePool, QueueFullError } from "./pool.ts";

let engine: Engine;
before(async () => {
  engine = await Engine.load(DEFAULT_MODEL_DIR);
});
after(async () => {
  await engine.close();
});

async function collect<E>(events: AsyncIterable<E>): Promise<E[]> {
  const out: E[] = [];
  for await (const e of events) out.push(e);
  return out;
}

test("generation streams one frame per forward pass and ends with the artifact and its stats", async () => {
  const events = await collect(engine.generate({ request: "Build a simulated chat app" }, { genLength: 48, steps: 12, cfgScale: 0, predictLength: false }));
  const frames = events.filter((e) => e.type === "frame");
  const done = events.at(-1)!;
  assert.equal(done.type, "done");
  // At most the 12 scheduled steps; fewer when the model ends the text early.
  assert.ok(frames.length >= 1 && frames.length <= 12, `${frames.length} frames`);
  frames.forEach((f, i) => {
    assert.equal(f.step, i + 1);
    assert.equal(f.forwardPasses, i + 1);
    assert.equal(f.totalSteps, 12);
    assert.ok(f.committed.length >= 1, "every step commits at least one position");
  });
  assert.ok(!frames.at(-1)!.text.includes(MASK_GLYPH), "the last frame has no masks left");
  if (done.type !== "done") return;
  assert.equal(done.artifact, frames.at(-1)!.text);
  assert.ok(done.stats.tokens <= 48);
  assert.equal(done.stats.forwardPasses, frames.length);
  for (const k of ["tokens", "steps", "forwardPasses", "ms", "firstFrameMs", "tokensPerSecond"] as const) assert.equal(typeof done.stats[k], "number");
});

test("predicting the length first cuts the canvas to where the model expects the text to end, for one extra pass", async () => {
  const request = { request: "Build a simulated chat app" };
  const masksAtFirstFrame = async (predictLength: boolean) => {
    const events = await collect(engine.generate(request, { genLength: 448, blockLength: 8, threshold: 0.9, cfgScale: 0, predictLength }));
    const first = events.find((e) => e.type === "frame")!;
    assert.equal(first.type, "frame");
    if (first.type !== "frame") return { masks: 0, passes: 0 };
    return { masks: first.text.split(MASK_GLYPH).length - 1 + first.committed.length, passes: first.forwardPasses };
  };
  const full = await masksAtFirstFrame(false);
  const fitted = await masksAtFirstFrame(true);
  assert.equal(full.passes, 1);
  assert.equal(fitted.passes, 2, "the length pass counts as a forward pass");
  // A chat app is 200-300 tokens: the fitted canvas is shorter than the 448 asked, yet room for one.
  assert.ok(fitted.masks < full.masks && fitted.masks >= 150, `${fitted.masks} positions fitted, ${full.masks} without`);
});

test("sampling is deterministic for a seed", async () => {
  const run = async (seed: number) => {
    const events = await collect(engine.generate({ request: "Make a todo list" }, { genLength: 32, steps: 8, temperature: 1, seed }));
    const last = events.at(-1)!;
    return last.type === "done" ? last.artifact : "";
  };
  assert.equal(await run(3), await run(3));
});

const PAGE = '<!DOCTYPE html>\n<html>\n<body>\n<button id="go">Go</button>\n<script>\nlet n = 0;\n</script>\n</body>\n</html>\n';

test("infilling rewrites only the spans, keeping the text around them byte for byte", async () => {
  const start = PAGE.indexOf("<button");
  const end = PAGE.indexOf("</button>") + "</button>".length;
  const events = await collect(engine.run({ kind: "infill", text: PAGE, spans: [{ start, end, length: 6 }] }, { steps: 3 }));
  const frames = events.filter((e) => e.type === "frame");
  const done = events.at(-1)!;
  assert.equal(done.type, "done");
  if (done.type !== "done") return;
  assert.equal(frames.length, 3);
  assert.equal(frames[0].text.split(MASK_GLYPH).length - 1, 4, "6 masks, 2 committed at the first step");
  assert.ok(done.artifact.startsWith(PAGE.slice(0, start)), done.artifact);
  assert.ok(done.artifact.endsWith(PAGE.slice(end)), done.artifact);
  assert.equal(done.stats.tokens, 6);
  await assert.rejects(collect(engine.run({ kind: "infill", text: PAGE, spans: [{ start: 5, end: 500 }] })), /bad span/);
});

// A working app from the corpus's chat family (generator seed 7, sample 0).
const CHAT_APP = readFileSync(new URL("./testdata/chat-app.html", import.meta.url), "utf8");

async function infill(text: string, start: number, end: number, length?: number): Promise<string> {
  const done = (await collect(engine.run({ kind: "infill", text, spans: [{ start, end, length }] }))).at(-1)!;
  assert.equal(done.type, "done");
  return done.type === "done" ? done.artifact : "";
}

test("infilling one line of a working app at a time brings most lines back exactly (the text keeps its own tokens around the span)", async () => {
  const lines = CHAT_APP.split("\n");
  const script = lines.indexOf("<script>");
  let exact = 0;
  let tried = 0;
  for (let l = script + 1; l < lines.length; l++) {
    if (lines[l].trim().length < 8) continue;
    // The statement without its indent, as Monaco's Home key selects it.
    const lineStart = lines.slice(0, l).join("\n").length;
    const start = lineStart + 1 + lines[l].search(/\S/);
    const out = await infill(CHAT_APP, start, lineStart + 1 + lines[l].length);
    assert.ok(out.startsWith(CHAT_APP.slice(0, lineStart)) && out.endsWith(CHAT_APP.slice(lineStart + 1 + lines[l].length)), `line ${l}: the text around it changed`);
    tried++;
    if (out === CHAT_APP) exact++;
  }
  // Encoding the text on each side of the span apart (as the engine once did) refilled 4 of 29.
  assert.ok(tried >= 25 && exact >= 0.8 * tried, `${exact} of ${tried} lines refilled exactly`);
});

test("a selection inside one token regenerates that token; an insertion point within a token keeps the text around it byte for byte", async () => {
  const word = CHAT_APP.indexOf("getElementById");
  const [lineStart, lineEnd] = [CHAT_APP.lastIndexOf("\n", word), CHAT_APP.indexOf("\n", word)];
  const inside = await infill(CHAT_APP, word + 3, word + 5);
  assert.ok(inside.startsWith(CHAT_APP.slice(0, lineStart)) && inside.endsWith(CHAT_APP.slice(lineEnd)), inside.slice(word - 40, word + 40));
  const inserted = await infill(CHAT_APP, word + 7, word + 7, 2);
  assert.ok(inserted.startsWith(CHAT_APP.slice(0, word + 7)) && inserted.endsWith(CHAT_APP.slice(word + 7)), inserted.slice(word - 20, word + 40));
  await assert.rejects(infill(CHAT_APP, word + 7, word + 7), /at least one token/);
});

test("refining re-masks a share of the artifact and denoises it again", async () => {
  const same = (await collect(engine.run({ kind: "refine", artifact: PAGE, request: "make it dark", strength: 0 }))).at(-1)!;
  assert.ok(same.type === "done" && same.artifact === PAGE && same.stats.steps === 0, "strength 0 changes nothing");
  const run = async () => (await collect(engine.run({ kind: "refine", artifact: PAGE, request: "make it dark", strength: 0.5 }, { steps: 4, seed: 4 }))).at(-1)!;
  const [a, b] = [await run(), await run()];
  assert.ok(a.type === "done" && b.type === "done");
  if (a.type !== "done" || b.type !== "done") return;
  assert.equal(a.artifact, b.artifact, "deterministic for a seed");
  assert.ok(a.stats.tokens > 5 && a.stats.steps === 4, JSON.stringify(a.stats));
});

test("writing on from a text keeps the text and adds at most the tokens asked", async () => {
  const text = PAGE.slice(0, PAGE.indexOf("<script>") + "<script>".length);
  const events = await collect(engine.run({ kind: "continue", text, request: "a counter", length: 12 }));
  const done = events.at(-1)!;
  assert.ok(done.type === "done");
  if (done.type !== "done") return;
  assert.ok(done.artifact.startsWith(text) && done.artifact.length > text.length, JSON.stringify(done.artifact.slice(text.length)));
  assert.ok(done.stats.tokens > 0 && done.stats.tokens <= 12, JSON.stringify(done.stats));
  assert.ok(events.slice(0, -1).every((e) => e.type === "frame" && e.text.startsWith(text)), "its frames show the text too");
});

test("the worker pool streams, stops on abort within a step, and bounds its queue", async () => {
  const pool = new EnginePool(DEFAULT_MODEL_DIR, { maxQueue: 1 });
  try {
    assert.equal(await pool.whenReady(), engine.manifest.id);
    const events = await collect(pool.generate({ request: "A counter" }, { genLength: 24, steps: 6 }));
    assert.deepEqual(
      events.map((e) => e.type),
      [...new Array(6).fill("frame"), "done"],
      "an idle pool starts a job at once: no queued event",
    );

    const controller = new AbortController();
    const long = pool.generate({ request: "A counter" }, { genLength: 200, steps: 200 }, controller.signal);
    const first = await long.next();
    assert.equal(first.value?.type, "frame");
    // One waiting generation fills the queue; the next is refused at once.
    const waiting = pool.generate({ request: "A clock" }, { genLength: 16, steps: 4 });
    assert.deepEqual((await waiting.next()).value, { type: "queued", position: 1 });
    const waitingDone = collect(waiting);
    await assert.rejects(pool.generate({ request: "A quiz" }).next(), QueueFullError);
    const second = await long.next();
    const stepAtAbort = second.value?.type === "frame" ? second.value.step : 0;
    controller.abort();
    // Still to come: a frame already sent, and the step in flight at the abort; no step after that.
    const after: number[] = [];
    await assert.rejects(
      (async () => {
        for await (const e of long) if (e.type === "frame") after.push(e.step);
      })(),
      /abort/i,
    );
    assert.ok(after.every((s) => s <= stepAtAbort + 2), `steps after the abort at step ${stepAtAbort}: ${after}`);
    const w = await waitingDone;
    assert.equal(w.at(-1)!.type, "done", "the queued generation runs once the aborted one stops");
  } finally {
    await pool.close();
  }
});

test("a queued job hears its position at once and each time it moves up, and leaves the queue at once on abort", async () => {
  const pool = new EnginePool(DEFAULT_MODEL_DIR);
  try {
    await pool.whenReady();
    const running = new AbortController();
    const long = pool.generate({ request: "A counter" }, { genLength: 200, steps: 200 }, running.signal);
    assert.equal((await long.next()).value?.type, "frame");
    const b = pool.generate({ request: "A clock" }, { genLength: 16, steps: 4 });
    const leaving = new AbortController();
    const c = pool.generate({ request: "A quiz" }, { genLength: 16, steps: 4 }, leaving.signal);
    const d = pool.generate({ request: "A timer" }, { genLength: 16, steps: 4 });
    assert.deepEqual((await b.next()).value, { type: "queued", position: 1 });
    assert.deepEqual((await c.next()).value, { type: "queued", position: 2 });
    assert.deepEqual((await d.next()).value, { type: "queued", position: 3 });
    const bDone = collect(b);
    const dEvents = collect(d);

    // c leaves while waiting: out of the queue at once, and d moves up.
    leaving.abort();
    assert.equal(pool.pending, 3);
    await assert.rejects(c.next(), /abort/i);

    running.abort();
    await assert.rejects(collect(long), /abort/i);
    assert.equal((await bDone).at(-1)!.type, "done");
    const events = await dEvents;
    const positions = events.flatMap((e) => (e.type === "queued" ? [e.position] : []));
    assert.deepEqual(positions, [2, 1], "d: 3 ahead (given above), then 2 when c left, then 1 when b started");
    assert.equal(events.at(-1)!.type, "done");
    assert.ok(events.findIndex((e) => e.type === "frame") > events.findLastIndex((e) => e.type === "queued"), "no queued event once it runs");
    assert.equal(pool.pending, 0);
  } finally {
    await pool.close();
  }
});
