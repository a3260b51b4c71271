// The training recipe's own tests (test_train.py: block diffusion's pass over [clean | noisy]
// gives each block what the engine's prefix cache gives it; the loss's weighting; weights
// recovered from an exported graph), run with
// Debian's PyTorch, skipped, saying so, where it is absent.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";

const hasTorch = spawnSync("/usr/bin/python3", ["-c", "import torch"]).status === 0;

test("the training objective's unit tests pass", { skip: hasTorch ? false : "Debian's python3-torch is not installed" }, () => {
  const run = spawnSync("/usr/bin/python3", ["-m", "unittest", "test_train"], { cwd: "models/recipe", encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /Ran [1-9]\d* tests?[\s\S]*OK/);
});
