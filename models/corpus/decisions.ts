// Where a request decides an app. Each follow-up edit that applies to an app (its family's, and
// the theme's) is a thing a request could have asked for differently, and so is each feature the
// app has that an edit adds (the app without it is one the request could have left it out of):
// the app and the other agree up to some character and differ from it on. What comes next at
// that character depends on the request alone, given the text before it, which is the state
// block-by-block decoding is in there. Training weighs the tokens at those points more (train.py
// --decision-weight, finetune_decisions.py): each is one token of some 600, so the plain loss
// barely asks the model to read the request there, and the shipped model does not (it never
// writes a dark page when asked).
import { type Drawn, editsFor } from "./generate.ts";
import type { BaseOptions, Family } from "./types.ts";

/** The index of the first character where `a` and `b` differ (the shorter's length when one starts the other). */
export function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The app's options with one of its features taken out: each option that is on, switched off,
 * where one of the family's edits would switch it back on and give exactly this app. */
export function withoutEachFeature(family: Family<BaseOptions>, o: BaseOptions): BaseOptions[] {
  const app = JSON.stringify(o);
  const options = o as unknown as Record<string, unknown>;
  return Object.keys(options)
    .filter((key) => options[key] === true)
    .map((key) => ({ ...o, [key]: false }))
    .filter((without) => family.edits.some((e) => e.appliesTo(without) && JSON.stringify(e.apply(without)) === app));
}

/** The apps a request could have asked for instead of this one: each applicable edit made, each feature taken out. */
export function alternatives(family: Family<BaseOptions>, o: BaseOptions): string[] {
  const changed = [...editsFor(family, o).map((e) => e.apply(o)), ...withoutEachFeature(family, o)];
  return changed.map((other) => family.render(other));
}

/** The characters of a drawn app's html at which a request decides it, ascending, without repeats. */
export function decisionPoints(family: Family<BaseOptions>, drawn: Drawn): number[] {
  const html = drawn.sample.html;
  const points = new Set<number>();
  for (const other of alternatives(family, drawn.app)) {
    if (other !== html) points.add(firstDifference(html, other));
  }
  return [...points].filter((i) => i < html.length).sort((a, b) => a - b);
}
