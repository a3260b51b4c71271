import assert from "node:assert/strict";
import { test } from "node:test";
import { alternatives, decisionPoints, firstDifference, withoutEachFeature } from "./decisions.ts";
import { FAMILIES } from "./families/index.ts";
import { drawSample } from "./generate.ts";

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
    // Each point: some other app agrees with this one up to it and differs there.
    const others = alternatives(family, drawn.app);
    for (const p of points) {
      assert.ok(others.some((other) => other.slice(0, p) === html.slice(0, p) && other[p] !== html[p]), `${family.name}: ${p} is no decision`);
    }
  }
});

test("a feature the app has is a decision too: where the app without it would part from it", () => {
  let withFeatures = 0;
  for (const family of FAMILIES) {
    for (let i = 0; i < 6; i++) {
      const drawn = drawSample(family, 201, i);
      for (const without of withoutEachFeature(family, drawn.app)) {
        withFeatures++;
        // An edit turns the app without the feature back into this very app.
        assert.ok(family.edits.some((e) => e.appliesTo(without) && family.render(e.apply(without)) === drawn.sample.html), family.name);
        const html = family.render(without);
        assert.ok(decisionPoints(family, drawn).includes(firstDifference(drawn.sample.html, html)), `${family.name}: no point where the feature begins`);
      }
    }
  }
  assert.ok(withFeatures > FAMILIES.length, `only ${withFeatures} features found in ${FAMILIES.length * 6} apps`);
});
