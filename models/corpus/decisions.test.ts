import assert from "node:assert/strict";
import { test } from "node:test";
import { decisionPoints, firstDifference } from "./decisions.ts";
import { FAMILIES } from "./families/index.ts";
import { drawSample, editsFor } from "./generate.ts";

test("firstDifference is where two texts part, or the shorter's end", () => {
  assert.equal(firstDifference("abcX", "abcY"), 3);
  assert.equal(firstDifference("abc", "abcdef"), 3);
  assert.equal(firstDifference("same", "same"), 4);
  assert.equal(firstDifference("", "x"), 0);
});

test("an app's decision points: the palette (the theme), and where each edit would change it", () => {
  for (const family of FAMILIES) {
    const drawn = drawSample(family, 201, 0);
    const html = drawn.sample.html;
    const points = decisionPoints(family, drawn);
    const palette = html.indexOf(":root{");
    const paletteEnd = html.indexOf("}", palette);
    assert.ok(points.some((p) => p > palette && p < paletteEnd), `${family.name}: no decision in the palette`);
    assert.deepEqual(points, [...new Set(points)].sort((a, b) => a - b), `${family.name}: not ascending and distinct`);
    // Each point: some edited app agrees with this one up to it and differs there.
    const edited = editsFor(family, drawn.app).map((e) => family.render(e.apply(drawn.app)));
    for (const p of points) {
      assert.ok(edited.some((other) => other.slice(0, p) === html.slice(0, p) && other[p] !== html[p]), `${family.name}: ${p} is no decision`);
    }
  }
});
