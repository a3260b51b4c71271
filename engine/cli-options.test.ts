import assert from "node:assert/strict";
import { test } from "node:test";
import { parseArgs } from "node:util";
import { GENERATION_FLAGS, generationOptions } from "./cli-options.ts";

const parse = (args: string[]) => generationOptions(parseArgs({ args, options: GENERATION_FLAGS }).values);

test("generation flags become engine options; unset flags stay unset, for the model's defaults", () => {
  const o = parse(["--threshold", "0.8", "--block", "16", "--cache", "on", "--cfg-scale", "1.5", "--predict-length", "off", "--remasking", "margin", "--rewrite", "off"]);
  assert.deepEqual(
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)),
    { threshold: 0.8, blockLength: 16, cache: true, cfgScale: 1.5, predictLength: false, remasking: "margin", rewrite: false },
  );
  assert.deepEqual(Object.values(parse([])).filter((v) => v !== undefined), []);
});

test("a malformed generation flag is refused, naming it", () => {
  assert.throws(() => parse(["--steps", "many"]), /--steps must be a number, got "many"/);
  assert.throws(() => parse(["--cache", "yes"]), /--cache must be on or off/);
  assert.throws(() => parse(["--remasking", "best"]), /--remasking must be one of low_confidence, random, margin, entropy/);
});
