// How people ask for an app: the same app named with different templates, terse or
// detailed, polite or blunt, sometimes with typos. Each template has an id so the
// split can hold whole phrasings out for evaluation.
import type { Rng } from "./rng.ts";
import type { Request } from "./types.ts";

type Template = (subject: string, features: string[], rng: Rng) => string;

function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function withFeatures(features: string[], lead: string): string {
  return features.length ? `${lead} ${list(features)}` : "";
}

export const TEMPLATES: Readonly<Record<string, Template>> = {
  build: (s, f) => `Build ${s}${withFeatures(f, " with")}`,
  make: (s, f) => `Make ${s}${withFeatures(f, " with")}`,
  create: (s, f) => `Create ${s}${withFeatures(f, " that has")}`,
  write: (s, f) => `Write ${s}${withFeatures(f, " with")}`,
  want: (s, f) => `I want ${s}${withFeatures(f, " with")}`,
  need: (s, f) => `I need ${s}.${f.length ? ` It should have ${list(f)}.` : ""}`,
  question: (s, f) => `Can you make ${s}${withFeatures(f, " with")}?`,
  please: (s, f) => `Please build ${s}${withFeatures(f, " with")}`,
  terse: (s, f) => [s.replace(/^(a|an) /, ""), ...f].join(", "),
  detailed: (s, f) =>
    `Build ${s} as a single HTML file.${f.map((x) => ` Include ${x}.`).join("")}`,
  could: (s, f) => `Could you code ${s}${withFeatures(f, " including")}?`,
  lets: (s, f) => `Let's make ${s}${withFeatures(f, " with")}`,
};

/** Template ids whose requests only appear in the held-out split. */
export const HELD_OUT_PHRASINGS: ReadonlySet<string> = new Set(["could", "lets"]);

const KEYBOARD_NEIGHBOURS: Record<string, string> = { a: "s", e: "r", i: "o", o: "p", t: "r", n: "m", s: "a", r: "e", l: "k", c: "v" };

/** One plausible typo: a swapped pair, a dropped letter or a neighbouring key. */
export function typo(text: string, rng: Rng): string {
  const words = text.split(" ");
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => /^[a-z]{5,}$/.test(w));
  if (!candidates.length) return text;
  const [w, i] = rng.pick(candidates);
  const k = rng.int(1, w.length - 2);
  const kind = rng.int(0, 2);
  words[i] =
    kind === 0 ? w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2)
    : kind === 1 ? w.slice(0, k) + w.slice(k + 1)
    : w.slice(0, k) + (KEYBOARD_NEIGHBOURS[w[k]] ?? w[k]) + w.slice(k + 1);
  return words.join(" ");
}

/**
 * A request for `subject` (e.g. "a simulated chat app") naming `features`
 * (e.g. "timestamps"), in a random phrasing, lower-cased now and then, with a typo
 * now and then.
 */
export function phrase(rng: Rng, subject: string, features: string[]): Request {
  const phrasing = rng.pick(Object.keys(TEMPLATES));
  let text = TEMPLATES[phrasing](subject, rng.shuffle(features), rng);
  if (rng.chance(0.2)) text = text.toLowerCase();
  if (rng.chance(0.12)) text = typo(text, rng);
  return { text, phrasing };
}
