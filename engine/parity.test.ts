// onnxruntime-node must reproduce PyTorch's logits within 1e-3: for the shipped
// model (against the fixture its export wrote from PyTorch), and for a fresh export
// made here with Debian's PyTorch (skipped, saying so, where PyTorch is absent).
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { DEFAULT_MODEL_DIR } from "./defaults.ts";
import { readModelFolder } from "./manifest.ts";
import { DenoiserSession } from "./session.ts";

interface Fixture {
  ids: number[];
  positions: number[];
  vocab: number;
  logits_f32_base64: string;
}

async function maxDifference(modelDir: string): Promise<number> {
  const fx = JSON.parse(readFileSync(join(modelDir, "parity.json"), "utf8")) as Fixture;
  const expected = new Float32Array(new Uint8Array(Buffer.from(fx.logits_f32_base64, "base64")).buffer);
  const session = await DenoiserSession.load(readModelFolder(modelDir));
  const { data, vocab } = await session.forward(Int32Array.from(fx.ids), fx.positions);
  await session.release();
  assert.equal(vocab, fx.vocab);
  assert.equal(data.length, fx.positions.length * vocab);
  let worst = 0;
  for (let i = 0; i < data.length; i++) worst = Math.max(worst, Math.abs(data[i] - expected[i]));
  return worst;
}

test("the shipped model's ONNX logits match PyTorch's within 1e-3", async () => {
  const diff = await maxDifference(DEFAULT_MODEL_DIR);
  assert.ok(diff < 1e-3, `max |onnx - torch| = ${diff}`);
});

const hasTorch = spawnSync("/usr/bin/python3", ["-c", "import torch"]).status === 0;

test("a fresh export runs in onnxruntime-node with PyTorch's logits", { skip: hasTorch ? false : "Debian's python3-torch is not installed" }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "unmask-parity-"));
  execFileSync("/usr/bin/python3", ["models/recipe/export.py", "--random", "300", "--out", dir], { stdio: "pipe" });
  const manifest = JSON.parse(readFileSync(join(DEFAULT_MODEL_DIR, "manifest.json"), "utf8"));
  const inputs = { ids: "input_ids", positions: "positions" };
  writeFileSync(join(dir, "manifest.json"), JSON.stringify({ ...manifest, id: "parity-test", inputs }));
  copyFileSync(join(DEFAULT_MODEL_DIR, "tokenizer.json"), join(dir, "tokenizer.json"));
  const diff = await maxDifference(dir);
  assert.ok(diff < 1e-3, `max |onnx - torch| = ${diff}`);
});
