// Where a request decides an app. Each follow-up edit that applies to an app (its family's, and
// the theme's) is a thing a request could have asked for differently: the app and the app so
// changed agree up to some character and differ from it on. What comes next at that character
// depends on the request alone, given the text before it, which is the state block-by-block
// decoding is in there. Training weighs the tokens at those points more (train.py
// --decision-weight): each is one token of some 600, so the plain loss barely asks the model to
// read the request there, and the shipped model does not (it never writes a dark page when asked).
import { type Drawn, editsFor } from "./generate.ts";
import type { BaseOptions, Family } from "./types.ts";

/** The index of the first character where `a` and `b` differ (the shorter's length when one starts the other). */
export function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The characters of a drawn app's html at which a request decides it, ascending, without repeats. */
export function decisionPoints(family: Family<BaseOptions>, drawn: Drawn): number[] {
  const html = drawn.sample.html;
  const points = new Set<number>();
  for (const edit of editsFor(family, drawn.app)) {
    const changed = family.render(edit.apply(drawn.app));
    if (changed !== html) points.add(firstDifference(html, changed));
  }
  return [...points].filter((i) => i < html.length).sort((a, b) => a - b);
}
