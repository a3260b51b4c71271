// Each family's request check, proven on the corpus itself: it passes on the
// generator's apps with their own requests (drawn with different seeds, so different
// options, layouts and code styles), and fails on an app whose script is removed.
import assert from "node:assert/strict";
import { test } from "node:test";
import { useAppChecker } from "../../lib/checker-fixture.ts";
import { FAMILIES } from "./families/index.ts";
import { drawSample } from "./generate.ts";

const checker = useAppChecker();
// One corpus app per family here (CI time); `npm run eval -- --heldout` runs the checks on many more.
const SEEDS = [1];

/** The app as markup only: it shows what its HTML shows and reacts to nothing. */
function withoutScript(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script>/gi, "");
}

for (const f of FAMILIES) {
  test(`${f.name}: the request check passes on corpus apps and fails on a broken one`, async () => {
    for (const seed of SEEDS) {
      const { sample } = drawSample(f, seed, 0, 0);
      const r = await checker().check(sample.html, (run) => f.requestCheck(run, sample.prompt), 30000);
      assert.deepEqual(r.errors, [], `${sample.id} ("${sample.prompt}")`);
    }
    const { sample } = drawSample(f, SEEDS[0], 0, 0);
    const broken = await checker().check(withoutScript(sample.html), (run) => f.requestCheck(run, sample.prompt), 1500);
    assert.equal(broken.ok, false, `${sample.id} without its script passes`);
  });
}
