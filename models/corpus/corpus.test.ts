// The corpus generator: deterministic for a seed, self-contained apps, and every
// family's sample passes its own check in real Chromium (and a broken app does not).
import assert from "node:assert/strict";
import { test } from "node:test";
import { launchCheckChromium } from "../../lib/chromium.ts";
import { useAppChecker } from "../../lib/checker-fixture.ts";
import { firstScriptError } from "../../engine/script-guard.ts";
import { FAMILIES } from "./families/index.ts";
import { drawSample, EXTERNAL_URL } from "./generate.ts";
import { MAX_APP_CHARS } from "./length.ts";

// The browser the corpus build checks in (the headless shell, one process for the app frame).
const checker = useAppChecker(launchCheckChromium);

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

test("the engine's script guard passes every sample, whole and cut at each line", () => {
  // A false alarm would make the sampler rewrite text that was right (engine/script-guard.ts).
  for (const f of FAMILIES) {
    for (let i = 0; i < 4; i++) {
      const { sample } = drawSample(f, 7, i, 1);
      for (const html of [sample.html, sample.edit?.html ?? ""]) {
        for (let cut = html.indexOf("\n"); cut >= 0; cut = html.indexOf("\n", cut + 1)) {
          assert.equal(firstScriptError(html.slice(0, cut + 1)), -1, `${sample.id} cut after ${html.slice(cut - 40, cut)}`);
        }
        assert.equal(firstScriptError(html), -1, `${sample.id} whole`);
      }
    }
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

/** Check `family`'s first sample (seed 1) broken by `breakIt`, and expect a rejection that says `why`. */
async function expectRejected(family: string, breakIt: (html: string) => string, why: RegExp): Promise<void> {
  const f = FAMILIES.find((x) => x.name === family)!;
  const { sample, app } = drawSample(f, 1, 0);
  const broken = breakIt(sample.html);
  assert.notEqual(broken, sample.html, `${family}: the breakage no longer applies to the generated app`);
  const r = await checker().check(broken, (run) => f.check(run, app), 4000);
  assert.equal(r.ok, false, `${family}: a broken app passes`);
  assert.match(r.errors.join("; "), why);
}

const withoutScripts = (html: string) => html.replace(/<script>[\s\S]*?<\/script>/g, "");

test("a broken app fails its check", async () => {
  await expectRejected("chat", (h) => h.replace(/form\.addEventListener|document\.getElementById\("form"\)\.addEventListener/, "void "), /./);
});

// Each is also accepted unbroken (above): the faster checking keeps telling them apart.
const BUGS: [family: string, bug: string, breakIt: (html: string) => string, why: RegExp][] = [
  ["stopwatch", "keeps running after Stop", (h) => h.replace(/(elapsed \+= Date\.now\(\) - startedAt;\s*)running = false;/, "$1"), /still runs after Stop/],
  ["pomodoro", "counts up", (h) => h.replace("left--", "left++"), /counting up/],
  ["calculator", "adds when asked to multiply", (h) => h.replace('if (op === "*") return a * b;', 'if (op === "*") return a + b;'), /6 \* 7 = shows "13"/],
  ["snake", "keeps the old score on restart", (h) => h.replace("scoreEl.textContent = 0;", ""), /restart does not reset/],
  ["todo", "lists nothing added", (h) => h.replace("this.tasks.push({ text, done: false });", ""), /is not listed after adding it/],
];
for (const [family, bug, breakIt, why] of BUGS) {
  test(`a ${family} app fails its check without its script, and when it ${bug}`, async () => {
    await expectRejected(family, withoutScripts, /./);
    await expectRejected(family, breakIt, why);
  });
}
