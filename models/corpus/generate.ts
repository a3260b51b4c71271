// Drawing corpus samples: one app (and sometimes a follow-up edit of it) per index,
// deterministic for (seed, family, index) whatever order samples are drawn in.
import { createHash } from "node:crypto";
import { HELD_OUT_PHRASINGS } from "./phrasing.ts";
import { Rng } from "./rng.ts";
import { withDark } from "./theme.ts";
import type { BaseOptions, Edit, Family } from "./types.ts";

export interface Sample {
  id: string;
  family: string;
  split: "train" | "heldout";
  kind: "app" | "edit";
  prompt: string;
  phrasing: string;
  features: string[];
  html: string;
  /** For kind "edit": the follow-up request and the changed app. */
  edit?: { id: string; request: string; html: string };
}

const THEME_EDITS: Edit<BaseOptions>[] = [
  { id: "dark", requests: ["make it dark", "switch to a dark theme", "dark mode please", "can you make it dark?"], appliesTo: (o) => !o.theme.dark, apply: (o) => ({ ...o, theme: withDark(o.theme, true) }) },
  { id: "light", requests: ["make it light", "use a light theme", "light mode please"], appliesTo: (o) => o.theme.dark, apply: (o) => ({ ...o, theme: withDark(o.theme, false) }) },
];

/** The follow-up edits that apply to an app: its family's, and the theme's. */
export function editsFor(family: Family<BaseOptions>, o: BaseOptions): Edit<BaseOptions>[] {
  return [...family.edits, ...THEME_EDITS].filter((e) => e.appliesTo(o));
}

/** Any absolute or protocol-relative URL: an app must reach nothing outside itself. */
export const EXTERNAL_URL = /\b(?:https?|wss?|ftp):\/\/|(?:src|href|action)\s*=\s*["']?\/\//i;

/** Whitespace-insensitive content hash, for counting distinct apps. */
export function normalisedHash(text: string): string {
  return createHash("sha1").update(text.replace(/\s+/g, " ").trim()).digest("hex").slice(0, 16);
}

function bucket(text: string, buckets: number): number {
  return parseInt(createHash("sha1").update(text).digest("hex").slice(0, 8), 16) % buckets;
}

/** Held out: whole phrasing templates, and one feature combination in ten per family. */
export function splitOf(family: string, phrasing: string, features: string[]): Sample["split"] {
  if (HELD_OUT_PHRASINGS.has(phrasing)) return "heldout";
  return bucket(`${family}|${[...features].sort().join(",")}`, 10) === 0 ? "heldout" : "train";
}

/** One drawn sample with the options it was rendered from (the checks need them). */
export interface Drawn {
  sample: Sample;
  app: BaseOptions;
  edited?: BaseOptions;
}

/** A corpus sample drawn again from its id (`family-seed-index`), with the options it was rendered from. */
export function redraw(id: string, families: readonly Family<BaseOptions>[]): Drawn & { family: Family<BaseOptions> } {
  const [, name, seed, index] = /^(.+)-(\d+)-(\d+)$/.exec(id) ?? [];
  const family = families.find((f) => f.name === name);
  if (!family) throw new Error(`${id}: not a sample of a known family`);
  return { ...drawSample(family, Number(seed), Number(index)), family };
}

export function drawSample(family: Family<BaseOptions>, seed: number, index: number, editRate = 0.15): Drawn {
  const rng = new Rng(seed).fork(`${family.name}#${index}`);
  const o = family.options(rng);
  const req = family.request(o, rng);
  const features = family.features(o);
  const base = {
    id: `${family.name}-${seed}-${index}`,
    family: family.name,
    split: splitOf(family.name, req.phrasing, features),
    prompt: req.text,
    phrasing: req.phrasing,
    features,
    html: family.render(o),
  };
  const edits = editsFor(family, o);
  if (!rng.chance(editRate) || !edits.length) return { sample: { ...base, kind: "app" }, app: o };
  const e = rng.pick(edits);
  const edited = e.apply(o);
  return {
    sample: { ...base, kind: "edit", edit: { id: e.id, request: rng.pick(e.requests), html: family.render(edited) } },
    app: o,
    edited,
  };
}
