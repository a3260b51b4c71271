// Generate an app for each request and check it in Chromium: the shared core of
// `npm run eval` (pass rates) and `npm run bench` (speed at each sampler setting).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Engine, GenerateOptions, Stats } from "../../engine/engine.ts";
import type { AppChecker } from "../../lib/app-check.ts";
import { genericCheck } from "../../lib/generic-check.ts";

export interface EvalRequest {
  id: string;
  kind?: string;
  prompt: string;
}

export interface EvalRow extends Stats {
  id: string;
  kind: string;
  ok: boolean;
  errors: string[];
}

export function readRequests(file: string, limit?: number): EvalRequest[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalRequest)
    .slice(0, limit);
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
    const check = await checker.check(artifact, genericCheck);
    rows.push({ id: r.id, kind: r.kind ?? "", ok: check.ok, errors: check.errors.slice(0, 3), ...stats! });
    onRow(rows.at(-1)!);
  }
  return rows;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return 0;
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
