// The shipped default model is block-causal (block diffusion): it generates through an exact
// cache of the settled text, so the cache changes the cost of a pass, never its numbers.
import assert from "node:assert/strict";
import { test } from "node:test";
import { SHIPPED_DEFAULT_MODEL_DIR } from "./defaults.ts";
import { Engine, type EngineEvent } from "./engine.ts";

async function last(events: AsyncIterable<EngineEvent>): Promise<EngineEvent> {
  let end: EngineEvent | undefined;
  for await (const e of events) end = e;
  return end!;
}

test("the default model writes the same text through its prefix cache as running the settled text again each pass, in fewer passes", { timeout: 300_000 }, async () => {
  const engine = await Engine.load(SHIPPED_DEFAULT_MODEL_DIR);
  try {
    assert.equal(engine.manifest.attention, "block-causal");
    const request = { request: "Build a simulated chat app" };
    const options = { genLength: 64, syntaxGuard: false };
    const cached = await last(engine.generate(request, options));
    const uncached = await last(engine.generate(request, { ...options, cache: false }));
    assert.ok(cached.type === "done" && uncached.type === "done");
    assert.ok(cached.artifact.startsWith("<!DOCTYPE html>"), cached.artifact.slice(0, 80));
    assert.equal(cached.artifact, uncached.artifact);
    assert.ok(cached.stats.forwardPasses < uncached.stats.forwardPasses, `${cached.stats.forwardPasses} vs ${uncached.stats.forwardPasses} passes`);
  } finally {
    await engine.close();
  }
});
