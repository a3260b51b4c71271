// Generate an app for each request and check it in Chromium: the shared core of
// `npm run eval` (pass rates) and `npm run bench` (speed at each sampler setting).
// Every app gets the generic check; an app for a request whose kind names a corpus
// family also gets that family's request check, and passes only if both pass.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Engine, GenerateOptions, Stats } from "../../engine/engine.ts";
import type { AppChecker, AppRun } from "../../lib/app-check.ts";
import { genericCheck } from "../../lib/generic-check.ts";
import { asksForDark, looksDark } from "../corpus/checks.ts";
import { FAMILIES } from "../corpus/families/index.ts";
import type { Sample } from "../corpus/generate.ts";

export interface EvalRequest {
  id: string;
  kind?: string;
  prompt: string;
}

export interface EvalRow extends Stats {
  id: string;
  kind: string;
  ok: boolean;
  /** Whether the generic check passed. */
  generic: boolean;
  /** Whether the family's request check passed; absent when the kind names no family. */
  family?: boolean;
  errors: string[];
}

export function readRequests(file: string, limit?: number): EvalRequest[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalRequest)
    .slice(0, limit);
}

/**
 * The held-out split of a corpus file (one sample per line), as requests of their family's kind,
 * taken round-robin over the families (the corpus is sorted by family): a `limit` below the
 * split's size still spreads over as many families as it can.
 */
export function readHeldout(file: string, limit?: number): EvalRequest[] {
  const byFamily = new Map<string, EvalRequest[]>();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const s = JSON.parse(line) as Sample;
    if (s.split !== "heldout") continue;
    if (!byFamily.has(s.family)) byFamily.set(s.family, []);
    byFamily.get(s.family)!.push({ id: s.id, kind: s.family, prompt: s.prompt });
  }
  return roundRobin(byFamily, limit);
}

/** The first of each family's items, then the second of each, and so on: at most `limit` in all. */
export function roundRobin<T>(byFamily: Map<string, T[]>, limit?: number): T[] {
  const queues = [...byFamily.values()];
  const out: T[] = [];
  for (let round = 0; queues.some((q) => round < q.length); round++) for (const q of queues) if (round < q.length) out.push(q[round]);
  return out.slice(0, limit);
}

/** The corpus family a request's kind names (the dev prompts' kinds are family names), if any. */
function familyOf(kind: string | undefined) {
  return FAMILIES.find((f) => f.name === kind);
}

/**
 * The check of what a request of a family's kind asked for: the family's request check, and a
 * dark page where it asked for a dark theme (the theme axis every family shares; the families'
 * own checks leave it out).
 */
export function requestCheck(r: EvalRequest): (run: AppRun) => Promise<void> {
  const family = familyOf(r.kind)!;
  return async (run) => {
    await family.requestCheck(run, r.prompt);
    if (asksForDark(r.prompt) && !(await looksDark(run.frame))) throw new Error("a dark theme was asked for and the page is light");
  };
}

/** Generates and checks one app per request; writes each app to outDir when given. */
export async function generateAndCheck(
  engine: Engine,
  checker: AppChecker,
  requests: EvalRequest[],
  options: GenerateOptions,
  onRow: (row: EvalRow) => void = () => {},
  outDir?: string,
): Promise<EvalRow[]> {
  const rows: EvalRow[] = [];
  for (const r of requests) {
    let artifact = "";
    let stats: Stats | undefined;
    for await (const e of engine.generate({ request: r.prompt }, options)) if (e.type === "done") ({ artifact, stats } = e);
    if (outDir) writeFileSync(join(outDir, `${r.id}.html`), artifact);
    const generic = await checker.check(artifact, genericCheck);
    const asked = familyOf(r.kind) ? await checker.check(artifact, requestCheck(r)) : undefined;
    const errors = [...generic.errors.slice(0, 2).map((e) => `generic: ${e}`), ...(asked?.errors ?? []).slice(0, 2).map((e) => `${r.kind}: ${e}`)];
    rows.push({ id: r.id, kind: r.kind ?? "", ok: generic.ok && (asked?.ok ?? true), generic: generic.ok, family: asked?.ok, errors, ...stats! });
    onRow(rows.at(-1)!);
  }
  return rows;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return 0;
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
