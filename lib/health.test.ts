// /api/health's answer: the served model and the queue, without starting the engine.
import assert from "node:assert/strict";
import { basename } from "node:path";
import { test } from "node:test";
import { DEFAULT_MODEL_DIR } from "../engine/defaults.ts";
import { health } from "./health.ts";

const global = globalThis as unknown as { unmaskEngine?: { pending: number } };

test("names the default model without starting the engine", () => {
  assert.deepEqual(health(), { ok: true, model: basename(DEFAULT_MODEL_DIR), queue: 0 });
  assert.equal(global.unmaskEngine, undefined);
});

test("reports the engine's running and waiting generations", () => {
  global.unmaskEngine = { pending: 3 };
  try {
    assert.equal(health().queue, 3);
  } finally {
    delete global.unmaskEngine;
  }
});

test("is not ok when the model folder cannot be read", () => {
  const h = health("models/no-such-model");
  assert.equal(h.ok, false);
  assert.match(!h.ok ? h.error : "", /models\/no-such-model cannot be served/);
});
