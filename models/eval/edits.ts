// Follow-up edits held out from training: the corpus's own app, the follow-up a person sends
// about it ("add a restart button", "make it dark"), and the options of the app as changed.
// `npm run eval -- --edits CORPUS.jsonl` sends each follow-up through the app's own follow-up job
// (lib/follow-up.ts) and checks the result as the changed app is checked: the generic check, the
// family's check of the changed options, and, for a theme edit, a page as dark or light as asked.
// It also checks the app as it was against the same: an edit that app already passes (most
// theme edits, some features the family's check cannot see) says little about the follow-up.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Engine, GenerateOptions, Stats } from "../../engine/engine.ts";
import type { AppChecker } from "../../lib/app-check.ts";
import { messageJob } from "../../lib/follow-up.ts";
import { genericCheck } from "../../lib/generic-check.ts";
import { looksDark } from "../corpus/checks.ts";
import { FAMILIES } from "../corpus/families/index.ts";
import { redraw, type Sample } from "../corpus/generate.ts";
import type { BaseOptions } from "../corpus/types.ts";
import { roundRobin } from "./harness.ts";

export interface EditCase {
  id: string;
  kind: string;
  /** The app before the follow-up, as the corpus rendered it. */
  app: string;
  request: string;
  /** The corpus's name for the edit: "add-restart", "dark". */
  edit: string;
  before: BaseOptions;
  after: BaseOptions;
}

export interface EditRow extends Stats {
  id: string;
  kind: string;
  edit: string;
  request: string;
  ok: boolean;
  /** Whether the app as it was already passes the changed app's checks. */
  unchangedOk: boolean;
  errors: string[];
}

/**
 * The held-out edit samples of a corpus file, taken round-robin over the families, each with the
 * options it was drawn from (drawn again from its id: `family-seed-index`).
 */
export function readHeldoutEdits(file: string, limit?: number): EditCase[] {
  const byFamily = new Map<string, EditCase[]>();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const s = JSON.parse(line) as Sample;
    if (s.split !== "heldout" || !s.edit) continue;
    const drawn = redraw(s.id, FAMILIES);
    if (drawn.sample.edit?.html !== s.edit.html || !drawn.edited) throw new Error(`${s.id}: the corpus file was built by another version of the corpus generator`);
    if (!byFamily.has(s.family)) byFamily.set(s.family, []);
    byFamily.get(s.family)!.push({ id: s.id, kind: s.family, app: s.html, request: s.edit.request, edit: s.edit.id, before: drawn.app, after: drawn.edited });
  }
  return roundRobin(byFamily, limit);
}

/**
 * Checks `html` as the case's changed app: the generic check, then, in a fresh load (the generic
 * check presses everything), the family's check of the changed options and the theme asked for.
 */
export async function checkEdit(checker: AppChecker, c: EditCase, html: string): Promise<{ ok: boolean; errors: string[] }> {
  const family = FAMILIES.find((f) => f.name === c.kind)!;
  const generic = await checker.check(html, genericCheck);
  const changed = await checker.check(html, async (run) => {
    await family.check(run, c.after);
    if (c.after.theme.dark !== c.before.theme.dark && (await looksDark(run.frame)) !== c.after.theme.dark) {
      throw new Error(`the page is not ${c.after.theme.dark ? "dark" : "light"}`);
    }
  });
  return { ok: generic.ok && changed.ok, errors: [...generic.errors.map((e) => `generic: ${e}`), ...changed.errors].slice(0, 2) };
}

/** Sends each case's follow-up through the app's follow-up job and checks the result; writes each to outDir when given. */
export async function editAndCheck(
  engine: Engine,
  checker: AppChecker,
  cases: EditCase[],
  options: GenerateOptions,
  onRow: (row: EditRow) => void = () => {},
  outDir?: string,
): Promise<EditRow[]> {
  const rows: EditRow[] = [];
  for (const c of cases) {
    let artifact = "";
    let stats: Stats | undefined;
    for await (const e of engine.run(messageJob(c.request, c.app).job, options)) if (e.type === "done") ({ artifact, stats } = e);
    if (outDir) writeFileSync(join(outDir, `${c.id}.edit.html`), artifact);
    const result = await checkEdit(checker, c, artifact);
    const unchanged = await checkEdit(checker, c, c.app);
    rows.push({ id: c.id, kind: c.kind, edit: c.edit, request: c.request, ok: result.ok, unchangedOk: unchanged.ok, errors: result.errors.slice(0, 2), ...stats! });
    onRow(rows.at(-1)!);
  }
  return rows;
}

/** Pass rates: over every edit, and over those the app as it was fails (the follow-up had to change it). */
export function summariseEdits(rows: EditRow[]) {
  const needed = rows.filter((r) => !r.unchangedOk);
  return {
    passed: rows.filter((r) => r.ok).length,
    total: rows.length,
    neededPassed: needed.filter((r) => r.ok).length,
    needed: needed.length,
    /** Edits the app as it was passed and the follow-up broke. */
    broken: rows.filter((r) => r.unchangedOk && !r.ok).length,
  };
}
