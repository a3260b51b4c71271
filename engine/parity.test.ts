// onnxruntime-node must reproduce PyTorch's logits within 1e-3: for the shipped
// model (against the fixture its export wrote from PyTorch), and for a fresh export
// made here with Debian's PyTorch (skipped, saying so, where PyTorch is absent).
// For a model with a cache contract, a block pass against a fresh dual cache must agree too,
// and so must block-causal decoding through the prefix cache with training's block diffusion pass.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { DEFAULT_MODEL_DIR, SHIPPED_MODEL_DIRS } from "./defaults.ts";
import { readModelFolder } from "./manifest.ts";
import { blockIds } from "./sampler.ts";
import { DenoiserSession } from "./session.ts";

interface Fixture {
  ids: number[];
  positions: number[];
  vocab: number;
  logits_f32_base64: string;
  block?: [number, number];
  block_ids?: number[];
  block_logits_f32_base64?: string;
  /** [request length, block length, the block's first position] */
  causal?: [number, number, number];
  causal_ids?: number[];
  causal_logits_f32_base64?: string;
}

const floats = (b64: string) => new Float32Array(new Uint8Array(Buffer.from(b64, "base64")).buffer);

function maxAbsDifference(a: Float32Array, b: Float32Array): number {
  assert.equal(a.length, b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

/** The largest difference from PyTorch: at the fixture's positions, and (with a cache) over its block. */
async function differences(modelDir: string): Promise<{ full: number; block?: number; causal?: number; causalSettled?: number; causalAllSettled?: number }> {
  const fx = JSON.parse(readFileSync(join(modelDir, "parity.json"), "utf8")) as Fixture;
  const session = await DenoiserSession.load(readModelFolder(modelDir));
  try {
    const ids = Int32Array.from(fx.ids);
    const { data, vocab } = await session.forward(ids, fx.positions);
    assert.equal(vocab, fx.vocab);
    const full = maxAbsDifference(data, floats(fx.logits_f32_base64));
    const cache = session.cache;
    if (!cache || !fx.block) return { full };
    const [lo, hi] = fx.block;
    await cache.refresh(ids, [lo]);
    ids.set(fx.block_ids!, lo);
    const blockPositions = Array.from({ length: hi - lo }, (_, i) => lo + i);
    const blockLogits = await cache.block(ids, lo, hi, blockPositions);
    const block = maxAbsDifference(blockLogits.data, floats(fx.block_logits_f32_base64!));
    if (!fx.causal) return { full, block };
    // The request, then each settled block kept in turn, then the half-masked block against them.
    const [start, size, from] = fx.causal;
    const prefix = session.prefix!;
    const next = (a: number) => (a < start ? start : a + size);
    const noisy = Int32Array.from(fx.ids);
    noisy.set(fx.causal_ids!, from);
    const causalPositions = Array.from({ length: size }, (_, i) => from + i);
    const expected = floats(fx.causal_logits_f32_base64!);
    for (let a = 0; a < from; a = next(a)) await prefix.run(noisy, a, next(a), [], 0, next(a) - a);
    const causal = maxAbsDifference((await prefix.run(noisy, from, from + size, causalPositions)).data, expected);
    if (!prefix.settles) return { full, block, causal };
    // Again in a cache of its own, with the last settled block kept in the half-masked block's pass.
    let a = 0;
    for (; next(a) < from; a = next(a)) await prefix.run(noisy, a, next(a), [], 1, next(a) - a);
    const merged = await prefix.run(noisy, a, from + size, causalPositions, 1, from - a);
    const causalSettled = maxAbsDifference(merged.data, expected);
    if (!prefix.settlesBlocks) return { full, block, causal, causalSettled };
    // Again, all the settled text (the request and every block before) kept in that one pass.
    const all = await prefix.run(noisy, 0, from + size, causalPositions, 0, from, blockIds(0, from + size, start, size));
    return { full, block, causal, causalSettled, causalAllSettled: maxAbsDifference(all.data, expected) };
  } finally {
    await session.release();
  }
}

for (const dir of SHIPPED_MODEL_DIRS) {
  test(`the shipped model ${dir}: ONNX logits match PyTorch's within 1e-3`, async () => {
    const d = await differences(dir);
    assert.ok(d.full < 1e-3, `max |onnx - torch| = ${d.full}`);
    if (d.block !== undefined) assert.ok(d.block < 1e-3, `block pass: max |onnx - torch| = ${d.block}`);
    if (d.causal !== undefined) assert.ok(d.causal < 1e-3, `block-causal pass: max |onnx - torch| = ${d.causal}`);
    if (d.causalSettled !== undefined) assert.ok(d.causalSettled < 1e-3, `block-causal pass with the settled block: max |onnx - torch| = ${d.causalSettled}`);
    if (d.causalAllSettled !== undefined) assert.ok(d.causalAllSettled < 1e-3, `block-causal pass with all the settled text: max |onnx - torch| = ${d.causalAllSettled}`);
  });
}

const hasTorch = spawnSync("/usr/bin/python3", ["-c", "import torch"]).status === 0;

test("a fresh export runs in onnxruntime-node with PyTorch's logits, with and without its cache", { skip: hasTorch ? false : "Debian's python3-torch is not installed" }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "unmask-parity-"));
  const manifest = JSON.parse(readFileSync(join(DEFAULT_MODEL_DIR, "manifest.json"), "utf8"));
  writeFileSync(join(dir, "manifest.json"), JSON.stringify({ ...manifest, id: "parity-test" }));
  copyFileSync(join(DEFAULT_MODEL_DIR, "tokenizer.json"), join(dir, "tokenizer.json"));
  // The export writes the model's side of the contract into the manifest (ONNX names, cache shape).
  execFileSync("/usr/bin/python3", ["models/recipe/export.py", "--random", "300", "--out", dir], { stdio: "pipe" });
  const d = await differences(dir);
  assert.ok(d.full < 1e-3, `max |onnx - torch| = ${d.full}`);
  assert.ok(d.block !== undefined && d.block < 1e-3, `block pass: max |onnx - torch| = ${d.block}`);
  assert.ok(d.causal !== undefined && d.causal < 1e-3, `block-causal pass: max |onnx - torch| = ${d.causal}`);
  assert.ok(d.causalSettled !== undefined && d.causalSettled < 1e-3, `block-causal pass with the settled block: max |onnx - torch| = ${d.causalSettled}`);
  assert.ok(d.causalAllSettled !== undefined && d.causalAllSettled < 1e-3, `block-causal pass with all the settled text: max |onnx - torch| = ${d.causalAllSettled}`);
});
