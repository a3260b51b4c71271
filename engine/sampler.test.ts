// The sampler's rules, checked against the references in design.md (LLaDA's
// generate.py, Fast-dLLM's threshold rule) with small scripted denoisers whose
// logits we choose, so each rule is tested in isolation.
import assert from "node:assert/strict";
import { test } from "node:test";
import { denoise, EOT_TAIL, transferSchedule, type Denoiser, type SamplerOptions } from "./sampler.ts";

const MASK = 0;
const EOT = 1;
const VOCAB = 16;

/** A denoiser whose logits at each position come from `row(pos, canvas)`. */
function scripted(row: (pos: number, canvas: ArrayLike<number>) => number[]): Denoiser & { calls: number } {
  return {
    calls: 0,
    async forward(ids, positions) {
      this.calls++;
      const data = new Float32Array(positions.length * VOCAB);
      positions.forEach((p, i) => data.set(row(p, ids), i * VOCAB));
      return { data, vocab: VOCAB };
    },
  };
}

/** Logits that put probability `p` on `token` and spread the rest evenly. */
function peaked(token: number, p: number): number[] {
  const rest = (1 - p) / (VOCAB - 1);
  return Array.from({ length: VOCAB }, (_, v) => Math.log(v === token ? p : rest));
}

function canvasOf(prompt: number[], gen: number): Int32Array {
  const c = new Int32Array(prompt.length + gen).fill(MASK);
  c.set(prompt);
  return c;
}

const base: SamplerOptions = { blockLength: 64, remasking: "low_confidence", temperature: 0, seed: 1 };

test("transfer schedule spreads masks evenly, remainder to the earliest steps", () => {
  assert.deepEqual(transferSchedule(10, 4), [3, 3, 2, 2]);
  assert.deepEqual(transferSchedule(32, 32), Array(32).fill(1));
  assert.deepEqual(transferSchedule(5, 8), [1, 1, 1, 1, 1, 0, 0, 0]);
  for (const [m, s] of [[37, 5], [128, 7], [3, 3]]) assert.equal(transferSchedule(m, s).reduce((a, b) => a + b), m);
});

test("fixed steps commit exactly the scheduled number of masks per step", async () => {
  const model = scripted((pos) => peaked(2 + (pos % 10), 0.3 + (pos % 7) / 10));
  const canvas = canvasOf([5, 6, 7], 20);
  const counts: number[] = [];
  for await (const s of denoise(model, canvas, 3, { mask: MASK, eot: EOT }, { ...base, blockLength: 20, steps: 6 })) counts.push(s.committed.length);
  assert.deepEqual(counts, transferSchedule(20, 6));
  assert.equal(model.calls, 6);
});

test("request tokens and committed tokens never change", async () => {
  let flip = 0;
  // A fickle model: its favourite token everywhere changes on every call.
  const model = scripted((pos) => peaked(2 + ((pos + flip) % 12), 0.5 + (pos % 5) / 10));
  const prompt = [9, 8, 7, 6];
  const canvas = canvasOf(prompt, 24);
  let before = Array.from(canvas);
  for await (const s of denoise(model, canvas, prompt.length, { mask: MASK, eot: EOT }, { ...base, steps: 12, temperature: 0.8 })) {
    flip++;
    for (let i = 0; i < canvas.length; i++) {
      if (before[i] !== MASK) assert.equal(canvas[i], before[i], `position ${i} changed after it was set`);
      else if (canvas[i] !== MASK) assert.ok(s.committed.includes(i), `position ${i} changed without being committed`);
    }
    before = Array.from(canvas);
  }
  assert.deepEqual(Array.from(canvas.subarray(0, 4)), prompt);
  assert.ok(!canvas.includes(MASK));
});

test("positions beyond the current block are never committed early", async () => {
  // Later positions are far more confident, yet blocks go left to right.
  const model = scripted((pos) => peaked(3, Math.min(0.99, 0.2 + pos / 40)));
  const canvas = canvasOf([5], 24);
  const blockOf = (pos: number) => Math.floor((pos - 1) / 8);
  let current = 0;
  for await (const s of denoise(model, canvas, 1, { mask: MASK, eot: EOT }, { ...base, blockLength: 8, steps: 12 })) {
    const blocks = new Set(s.committed.map(blockOf));
    assert.equal(blocks.size, 1, "one step commits inside one block");
    const [b] = blocks;
    assert.ok(b >= current, "blocks advance left to right");
    if (b > current) {
      for (let i = 1 + current * 8; i < 1 + (current + 1) * 8; i++) assert.notEqual(canvas[i], MASK, "a block finishes before the next starts");
      current = b;
    }
  }
});

test("threshold: every candidate at or above it is committed, and at least one per step", async () => {
  // Positions 2, 5 and 9 are sure (0.95); the rest are not (0.2).
  const sure = new Set([2, 5, 9]);
  const model = scripted((pos) => peaked(4, sure.has(pos) ? 0.95 : 0.2));
  const canvas = canvasOf([7, 7], 10);
  const steps: number[][] = [];
  for await (const s of denoise(model, canvas, 2, { mask: MASK, eot: EOT }, { ...base, threshold: 0.9 })) steps.push(s.committed);
  assert.deepEqual(steps[0], [2, 5, 9]);
  for (const c of steps.slice(1)) assert.equal(c.length, 1, "below the threshold, exactly the best one is committed");
  assert.equal(steps.length, 1 + 7);
});

test("greedy: the first of equally likely tokens is proposed, with its probability as confidence", async () => {
  // Tokens 3 and 5 tie; a -Infinity logit (a banned token) counts as probability 0. Position 2's
  // pair has 0.46 each, position 3's 0.44: only position 2 reaches the 0.45 threshold at first.
  const model = scripted((pos) => {
    const tied = pos === 2 ? 0.46 : 0.44;
    const rest = (1 - 2 * tied) / (VOCAB - 3);
    return Array.from({ length: VOCAB }, (_, v) => (v === 6 ? -Infinity : Math.log(v === 3 || v === 5 ? tied : rest)));
  });
  const canvas = canvasOf([7, 7], 2);
  const steps: number[][] = [];
  for await (const s of denoise(model, canvas, 2, { mask: MASK, eot: EOT }, { ...base, threshold: 0.45 })) steps.push(s.committed);
  assert.deepEqual(steps, [[2], [3]]);
  assert.deepEqual([...canvas], [7, 7, 3, 3]);
});

test("end-of-text: masks after a committed end-of-text become end-of-text at once", async () => {
  // The model is sure the text ends at position 6 and unsure of everything else.
  const model = scripted((pos) => (pos === 6 ? peaked(EOT, 0.99) : peaked(3, 0.4)));
  const canvas = canvasOf([9, 9], 30);
  const first = await denoise(model, canvas, 2, { mask: MASK, eot: EOT }, { ...base, threshold: 0.9 }).next();
  assert.ok(!first.done);
  assert.deepEqual(first.value.committed, Array.from({ length: 26 }, (_, i) => 6 + i));
  assert.ok(Array.from(canvas.subarray(6)).every((t) => t === EOT));
  assert.equal(first.value.masksLeft, 4);
});

test("after the end of text, passes read only a short end-of-text tail", async () => {
  const lengths: number[] = [];
  const inner = scripted((pos) => (pos === 6 ? peaked(EOT, 0.99) : peaked(3, 0.4)));
  const model: Denoiser = { forward: (ids, positions) => (lengths.push(ids.length), inner.forward(ids, positions)) };
  const canvas = canvasOf([9, 9], 100);
  for await (const _ of denoise(model, canvas, 2, { mask: MASK, eot: EOT }, { ...base, blockLength: 100, threshold: 0.9 }));
  assert.equal(lengths[0], 102);
  assert.ok(lengths.slice(1).every((n) => n === 6 + 1 + EOT_TAIL), lengths.join(","));
});

test("sampling with a temperature is deterministic for a seed", async () => {
  const run = async (seed: number) => {
    const model = scripted((pos) => peaked(2 + (pos % 3), 0.4));
    const canvas = canvasOf([5], 16);
    for await (const _ of denoise(model, canvas, 1, { mask: MASK, eot: EOT }, { ...base, steps: 8, temperature: 1, seed }));
    return Array.from(canvas);
  };
  assert.deepEqual(await run(7), await run(7));
  assert.notDeepEqual(await run(7), await run(8));
});

test("an aborted signal stops denoising before the next forward pass", async () => {
  const model = scripted(() => peaked(3, 0.5));
  const controller = new AbortController();
  const canvas = canvasOf([5], 16);
  const it = denoise(model, canvas, 1, { mask: MASK, eot: EOT }, { ...base, steps: 16, signal: controller.signal });
  await it.next();
  controller.abort();
  await assert.rejects(it.next(), { name: "AbortError" });
  assert.equal(model.calls, 1);
});

test("logits are asked for exactly the masked positions of the current block", async () => {
  const asked: number[][] = [];
  const inner = scripted((pos) => peaked(2 + (pos % 5), 0.5));
  const model: Denoiser = { forward: (ids, positions) => (asked.push([...positions]), inner.forward(ids, positions)) };
  const canvas = canvasOf([9, 9], 16);
  canvas[5] = 7; // already written: never a candidate
  for await (const _ of denoise(model, canvas, 2, { mask: MASK, eot: EOT }, { ...base, blockLength: 8, steps: 4 }));
  assert.deepEqual(asked[0], [2, 3, 4, 6, 7, 8, 9]);
  for (const positions of asked) {
    const block = Math.floor((positions[0] - 2) / 8);
    assert.ok(positions.every((p) => Math.floor((p - 2) / 8) === block && p !== 5), positions.join(","));
  }
});

test("when infilling, an end-of-text token does not end the text", async () => {
  const model = scripted((pos) => (pos === 4 ? peaked(EOT, 0.99) : peaked(3, 0.5)));
  const canvas = canvasOf([9, 9], 10);
  const steps: number[][] = [];
  for await (const s of denoise(model, canvas, 2, { mask: MASK, eot: EOT }, { ...base, threshold: 0.9, endOfText: "keep" })) steps.push(s.committed);
  assert.deepEqual(steps[0], [4]);
  assert.equal(steps.length, 10, "one commit a step: nothing was filled after the end-of-text");
  assert.deepEqual(Array.from(canvas.subarray(5)), Array(7).fill(3));
});

test("top-p draws only from the likeliest tokens", async () => {
  const model = scripted(() => peaked(6, 0.7));
  for (const seed of [1, 2, 3, 4, 5]) {
    const canvas = canvasOf([9], 24);
    for await (const _ of denoise(model, canvas, 1, { mask: MASK, eot: EOT }, { ...base, steps: 8, temperature: 1, topP: 0.6, seed }));
    assert.deepEqual(Array.from(canvas.subarray(1)), Array(24).fill(6));
  }
  const hot = canvasOf([9], 24);
  for await (const _ of denoise(model, hot, 1, { mask: MASK, eot: EOT }, { ...base, steps: 8, temperature: 1, seed: 1 }));
  assert.ok(hot.subarray(1).some((t) => t !== 6), "without top-p, sampling draws other tokens");
});

test("classifier-free guidance runs a pass without the request and moves toward what the request adds", async () => {
  // With the request the model slightly prefers 4 over 3; without it, far more so: the request favours 3.
  const withRequest = (ids: ArrayLike<number>) => ids[0] !== MASK;
  const row = (_: number, ids: ArrayLike<number>) =>
    withRequest(ids) ? mix({ 3: 0.4, 4: 0.45 }) : mix({ 3: 0.1, 4: 0.8 });
  const plain = canvasOf([9], 4);
  const unguided = scripted(row);
  for await (const _ of denoise(unguided, plain, 1, { mask: MASK, eot: EOT }, { ...base, steps: 4 }));
  assert.deepEqual(Array.from(plain.subarray(1)), [4, 4, 4, 4]);
  const guided = canvasOf([9], 4);
  const model = scripted(row);
  let passes = 0;
  for await (const s of denoise(model, guided, 1, { mask: MASK, eot: EOT }, { ...base, steps: 4, cfgScale: 1 })) passes = s.forwardPasses;
  assert.deepEqual(Array.from(guided.subarray(1)), [3, 3, 3, 3]);
  assert.equal(passes, 8);
});

test("guidance runs through the dual cache too, keeping the conditional and unconditional canvases apart", async () => {
  const withRequest = (ids: ArrayLike<number>) => ids[0] !== MASK;
  const inner = scripted((pos, ids) => (withRequest(ids) ? mix({ 3: 0.4, 4: 0.45 }) : mix({ 3: 0.1, 4: 0.8 })));
  const calls: string[] = [];
  const model: Denoiser = {
    forward: inner.forward.bind(inner),
    cache: {
      refresh: (ids, positions, slot) => (calls.push(`refresh ${slot} ${withRequest(ids) ? "cond" : "uncond"}`), inner.forward(ids, positions)),
      block: (ids, lo, hi, positions, slot) => (calls.push(`block ${slot}`), inner.forward(ids, positions)),
    },
  };
  const guided = canvasOf([9], 4);
  for await (const _ of denoise(model, guided, 1, { mask: MASK, eot: EOT }, { ...base, blockLength: 2, steps: 4, cfgScale: 1, cache: true }));
  assert.deepEqual(Array.from(guided.subarray(1)), [3, 3, 3, 3]);
  assert.deepEqual(calls, ["refresh 0 cond", "refresh 1 uncond", "block 0", "block 1", "refresh 0 cond", "refresh 1 uncond", "block 0", "block 1"]);
});

/** Logits with the given probabilities, the rest spread evenly. */
function mix(probs: Record<number, number>): number[] {
  const rest = (1 - Object.values(probs).reduce((a, b) => a + b)) / (VOCAB - Object.keys(probs).length);
  return Array.from({ length: VOCAB }, (_, v) => Math.log(probs[v] ?? rest));
}

test("with a dual cache, each block starts with a refresh and its other steps run only the block", async () => {
  const calls: string[] = [];
  const inner = scripted((pos) => peaked(2 + (pos % 5), 0.3 + (pos % 4) / 10));
  const model: Denoiser = {
    forward: (ids, positions) => (calls.push("full"), inner.forward(ids, positions)),
    cache: {
      refresh: (ids, positions) => (calls.push("refresh"), inner.forward(ids, positions)),
      block: (ids, lo, hi, positions) => {
        calls.push(`block ${lo}-${hi}`);
        assert.ok(positions.every((p) => p >= lo && p < hi));
        return inner.forward(ids, positions);
      },
    },
  };
  const cached = canvasOf([9, 9], 16);
  for await (const _ of denoise(model, cached, 2, { mask: MASK, eot: EOT }, { ...base, blockLength: 8, steps: 6, cache: true }));
  assert.deepEqual(calls, ["refresh", "block 2-10", "block 2-10", "refresh", "block 10-18", "block 10-18"]);
  // With the same logits either way, the cache changes the cost, not the result.
  const plain = canvasOf([9, 9], 16);
  for await (const _ of denoise(inner, plain, 2, { mask: MASK, eot: EOT }, { ...base, blockLength: 8, steps: 6 }));
  assert.deepEqual(Array.from(cached), Array.from(plain));
});

test("guidance: a rejected token is banned at its position and the text from it is written again", async () => {
  // The model prefers 3 everywhere, then 4; a checker allows no 3 at position 5 (say, a stray parenthesis).
  const model = scripted(() => mix({ 3: 0.6, 4: 0.3 }));
  const canvas = canvasOf([9, 9], 8);
  const steps: { committed: number[]; remasked: number[] }[] = [];
  const check = (c: Int32Array, start: number, frontier: number) => {
    for (let i = start; i < frontier; i++) if (i === 5 && c[i] === 3) return i;
    return -1;
  };
  for await (const s of denoise(model, canvas, 2, { mask: MASK, eot: EOT }, { ...base, blockLength: 4, steps: 8, check })) steps.push(s);
  assert.deepEqual(Array.from(canvas.subarray(2)), [3, 3, 3, 4, 3, 3, 3, 3]);
  const rejection = steps.find((s) => s.remasked.length);
  assert.ok(rejection, "one step masked text again");
  assert.equal(rejection.remasked[0], 5, "from the rejected token on");
  assert.ok(rejection.remasked.every((p) => p >= 5 && p < 6 + 4), rejection.remasked.join(","));
});

test("guidance never changes the request or text it was not asked to write, and gives up on errors there", async () => {
  const model = scripted(() => peaked(3, 0.6));
  const canvas = canvasOf([9, 9], 6);
  canvas[3] = 7; // fixed text, as in an infill
  let calls = 0;
  const check = (_: Int32Array, start: number, frontier: number) => (calls++, frontier > 3 ? 3 : -1);
  for await (const _ of denoise(model, canvas, 2, { mask: MASK, eot: EOT }, { ...base, blockLength: 6, steps: 6, check }));
  assert.deepEqual(Array.from(canvas), [9, 9, 3, 7, 3, 3, 3, 3]);
  assert.equal(calls, 1, "after an error it may not mend, the checker is not asked again");
});

test("guidance bans the token before a position whose likely tokens were all banned, and undoes the end-of-text padding it masks again", async () => {
  // Position 3 ends the text; the checker rejects whatever stands there while position 2 holds the model's favourite, 4.
  const model = scripted((pos) => (pos === 3 ? peaked(EOT, 0.5) : peaked(2 + (pos % 3), 0.5)));
  const canvas = canvasOf([9], 12);
  let rejected = 0;
  const check = (c: Int32Array, start: number, frontier: number) => (frontier > 3 && c[2] === 4 ? (rejected++, 3) : -1);
  let sawUndo = false;
  for await (const s of denoise(model, canvas, 1, { mask: MASK, eot: EOT }, { ...base, blockLength: 4, threshold: 0.9, check })) {
    if (s.remasked.some((p) => p >= 5)) sawUndo = true;
  }
  assert.equal(rejected, 5, "four bans at position 3, then one at position 2");
  assert.notEqual(canvas[2], 4);
  assert.ok(sawUndo, "the padding after a rejected end-of-text was masked again");
  assert.ok(!canvas.includes(MASK));
});

test("guidance stops after a bounded number of rejections", async () => {
  const model = scripted((pos) => peaked(2 + (pos % 3), 0.5));
  const canvas = canvasOf([9], 12);
  let rejected = 0;
  const check = (_: Int32Array, start: number, frontier: number) => (frontier > 6 ? (rejected++, 6) : -1);
  for await (const _ of denoise(model, canvas, 1, { mask: MASK, eot: EOT }, { ...base, blockLength: 4, threshold: 0.9, check }));
  assert.equal(rejected, 16);
  assert.ok(!canvas.includes(MASK));
});

/**
 * A block-causal model over `inner`'s logits: records each prefix run as "lo-hi" (+ " keep" when
 * it keeps them all, " keep N" when its first N lead the rest, " u" for the unconditional slot).
 */
function blockCausal(inner: Denoiser, calls: string[], settles = false, settlesBlocks = false): Denoiser {
  return {
    forward: () => assert.fail("a block-causal decode never runs the whole canvas"),
    prefix: {
      settles,
      settlesBlocks,
      run: (ids, lo, hi, positions, slot = 0, settled = 0, blocks) => {
        const kept = settled && blocks && blocks[0] !== blocks[settled - 1] ? ` [${Array.from(blocks.subarray(0, settled))}]` : "";
        calls.push(`${lo}-${hi}${settled === hi - lo ? " keep" : settled ? ` keep ${settled}` : ""}${kept}${slot ? " u" : ""}`);
        assert.ok(settles || settled === 0 || settled === hi - lo, "settled text runs alone unless the model allows");
        assert.ok(settlesBlocks || !kept, "settled text of several blocks runs in one pass only where the model allows");
        assert.ok(positions.every((p) => p >= lo + settled && p < hi), "logits only past the settled text");
        return inner.forward(ids.subarray(0, hi), positions);
      },
    },
  };
}

test("block-causal decoding keeps the request, then each settled block once, and runs each step on its block alone", async () => {
  const calls: string[] = [];
  const inner = scripted((pos) => peaked(2 + (pos % 5), 0.3 + (pos % 4) / 10));
  const canvas = canvasOf([9, 9, 9], 8);
  let passes = 0;
  for await (const s of denoise(blockCausal(inner, calls), canvas, 3, { mask: MASK, eot: EOT }, { ...base, blockLength: 4, steps: 4, blockCausal: true })) passes = s.forwardPasses;
  assert.deepEqual(calls, ["0-3 keep", "3-7", "3-7", "3-7 keep", "7-11", "7-11"]);
  assert.equal(passes, calls.length);
  assert.ok(!canvas.includes(MASK));

  // A model that lets settled text lead: the request and each settled block ride along in the next block's first pass.
  const settling: string[] = [];
  const again = canvasOf([9, 9, 9], 8);
  for await (const s of denoise(blockCausal(inner, settling, true), again, 3, { mask: MASK, eot: EOT }, { ...base, blockLength: 4, steps: 4, blockCausal: true })) passes = s.forwardPasses;
  assert.deepEqual(settling, ["0-7 keep 3", "3-7", "3-11 keep 4", "7-11"]);
  assert.equal(passes, settling.length);
  assert.deepEqual(Array.from(again), Array.from(canvas), "the same text in fewer passes");
});

test("block-causal decoding keeps a whole text handed over in one pass where the model can, each token in its block", async () => {
  const inner = scripted((pos) => peaked(2 + (pos % 5), 0.3 + (pos % 4) / 10));
  // A request of 3 tokens, then 9 tokens of settled text to write on from (blocks of 4), then 7 masks.
  const handed = () => Int32Array.from([9, 9, 9, 5, 6, 7, 8, 5, 6, 7, 8, 5, ...new Array(7).fill(MASK)]);
  const blockByBlock: string[] = [];
  const canvas = handed();
  for await (const _ of denoise(blockCausal(inner, blockByBlock, true), canvas, 3, { mask: MASK, eot: EOT }, { ...base, blockLength: 4, steps: 7, blockCausal: true }));
  assert.deepEqual(blockByBlock.slice(0, 3), ["0-3 keep", "3-7 keep", "7-15 keep 4"]);
  const oneGo: string[] = [];
  const again = handed();
  for await (const _ of denoise(blockCausal(inner, oneGo, true, true), again, 3, { mask: MASK, eot: EOT }, { ...base, blockLength: 4, steps: 7, blockCausal: true }));
  assert.equal(oneGo[0], "0-15 keep 11 [0,0,0,1,1,1,1,2,2,2,2]");
  assert.equal(oneGo.length, blockByBlock.length - 2);
  assert.deepEqual(Array.from(again), Array.from(canvas));
});

test("block-causal decoding with guidance keeps the unconditional canvas apart, and re-keeps blocks that guidance masked again", async () => {
  const calls: string[] = [];
  const withRequest = (ids: ArrayLike<number>) => ids[0] !== MASK;
  const inner = scripted((_, ids) => (withRequest(ids) ? mix({ 3: 0.4, 4: 0.45 }) : mix({ 3: 0.1, 4: 0.8 })));
  const canvas = canvasOf([9], 4);
  for await (const _ of denoise(blockCausal(inner, calls), canvas, 1, { mask: MASK, eot: EOT }, { ...base, blockLength: 2, steps: 4, cfgScale: 1, blockCausal: true }));
  assert.deepEqual(Array.from(canvas.subarray(1)), [3, 3, 3, 3]);
  assert.deepEqual(calls, ["0-1 keep", "1-3", "0-1 keep u", "1-3 u", "1-3", "1-3 u", "1-3 keep", "3-5", "1-3 keep u", "3-5 u", "3-5", "3-5 u"]);

  // A checker that rejects a token once, when position 3 has settled: in the block being written
  // (3), that block is written again; in the block before (2), the cache is cut back to its start
  // and it is written and kept again.
  const expected = {
    3: ["0-1 keep", "1-3", "1-3", "1-3 keep", "3-5", "3-5", "3-5"],
    2: ["0-1 keep", "1-3", "1-3", "1-3 keep", "3-5", "1-3", "1-3 keep", "3-5", "3-5"],
  };
  for (const bad of [3, 2] as const) {
    const runs: string[] = [];
    let rejected = false;
    const check = (c: Int32Array, start: number, frontier: number) => (!rejected && frontier > 3 ? ((rejected = true), bad) : -1);
    const again = canvasOf([9], 4);
    for await (const _ of denoise(blockCausal(inner, runs), again, 1, { mask: MASK, eot: EOT }, { ...base, blockLength: 2, steps: 4, blockCausal: true, check }));
    assert.ok(rejected && !again.includes(MASK));
    assert.deepEqual(runs, expected[bad]);
  }
});

test("block-causal decoding without the cache runs the settled text again for every pass, to the same result", async () => {
  const inner = scripted((pos) => peaked(2 + (pos % 5), 0.3 + (pos % 4) / 10));
  const runs: string[] = [];
  const canvas = canvasOf([9, 9, 9], 8);
  for await (const _ of denoise(blockCausal(inner, runs), canvas, 3, { mask: MASK, eot: EOT }, { ...base, blockLength: 4, steps: 4, blockCausal: true, cache: false }));
  assert.deepEqual(runs, ["0-3 keep", "3-7", "0-3 keep", "3-7", "0-3 keep", "3-7 keep", "7-11", "0-3 keep", "3-7 keep", "7-11"]);
  const cached = canvasOf([9, 9, 9], 8);
  for await (const _ of denoise(blockCausal(inner, []), cached, 3, { mask: MASK, eot: EOT }, { ...base, blockLength: 4, steps: 4, blockCausal: true }));
  assert.deepEqual(Array.from(canvas), Array.from(cached));
});
