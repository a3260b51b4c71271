// The corpus generator: deterministic for a seed, self-contained apps, and every
// family's sample passes its own check in real Chromium (and a broken app does not).
import assert from "node:assert/strict";
import { test } from "node:test";
import { useAppChecker } from "../../lib/checker-fixture.ts";
import { FAMILIES } from "./families/index.ts";
import { drawSample, EXTERNAL_URL } from "./generate.ts";
import { MAX_APP_CHARS } from "./length.ts";

const checker = useAppChecker();

test("there are families, with distinct names", () => {
  assert.ok(FAMILIES.length >= 6, `${FAMILIES.length} families`);
  assert.equal(new Set(FAMILIES.map((f) => f.name)).size, FAMILIES.length);
});

test("drawing is deterministic for a seed and varies with it", () => {
  for (const f of FAMILIES) {
    assert.deepEqual(drawSample(f, 11, 3).sample, drawSample(f, 11, 3).sample, f.name);
    const htmls = new Set(Array.from({ length: 8 }, (_, i) => drawSample(f, 11, i).sample.html));
    assert.ok(htmls.size >= 4, `${f.name}: only ${htmls.size} distinct apps in 8 draws`);
  }
});

test("no sample reaches outside itself, and each fits the length budget", () => {
  for (const f of FAMILIES) {
    for (let i = 0; i < 25; i++) {
      const { sample } = drawSample(f, 5, i, 1);
      for (const html of [sample.html, sample.edit?.html ?? ""]) {
        assert.ok(!EXTERNAL_URL.test(html), `${sample.id} links outside itself`);
        assert.ok(!/\bfetch\(|XMLHttpRequest|WebSocket|@import/.test(html), `${sample.id} uses the network`);
        assert.ok(html.length <= MAX_APP_CHARS, `${sample.id} is ${html.length} characters`);
      }
    }
  }
});

for (const f of FAMILIES) {
  test(`a ${f.name} app passes its check in Chromium`, async () => {
    const { sample, app } = drawSample(f, 1, 0);
    const r = await checker().check(sample.html, (run) => f.check(run, app));
    assert.deepEqual(r.errors, []);
  });
}

test("a broken app fails its check", async () => {
  const chat = FAMILIES.find((f) => f.name === "chat")!;
  const { sample, app } = drawSample(chat, 1, 0);
  const broken = sample.html.replace(/form\.addEventListener|document\.getElementById\("form"\)\.addEventListener/, "void ");
  assert.notEqual(broken, sample.html);
  const r = await checker().check(broken, (run) => chat.check(run, app), 4000);
  assert.equal(r.ok, false);
});
