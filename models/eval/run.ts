// npm run eval -- [--prompts FILE] [--heldout CORPUS.jsonl] [--edits CORPUS.jsonl] [--limit N] [--out DIR] [--model DIR] [the CLI's generation flags]
// Generates an app for every request (id, kind, prompt per JSON line), plus one for
// every held-out sample of a corpus file when given, with the default model; checks
// each in Chromium with the generic check and its family's request check; prints
// the pass rate overall and per kind, with tokens/s, and writes DIR/report.json.
// --edits: also sends the follow-up of every held-out edit sample of a corpus file to
// the corpus's app through the app's follow-up job, and checks the result (edits.ts).
// --limit caps the prompts, the held-out samples and the edits each.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_MODEL_DIR } from "../../engine/defaults.ts";
import { GENERATION_FLAGS, generationOptions } from "../../engine/cli-options.ts";
import { Engine } from "../../engine/engine.ts";
import { AppChecker } from "../../lib/app-check.ts";
import { launchChromium } from "../../lib/chromium.ts";
import { editAndCheck, readHeldoutEdits, summariseEdits } from "./edits.ts";
import { generateAndCheck, median, readHeldout, readRequests } from "./harness.ts";

const { values } = parseArgs({
  options: {
    prompts: { type: "string", default: "../shared/eval/dev-prompts.jsonl" },
    heldout: { type: "string" },
    edits: { type: "string" },
    limit: { type: "string" },
    out: { type: "string", default: "models/eval/out" },
    model: { type: "string", default: DEFAULT_MODEL_DIR },
    ...GENERATION_FLAGS,
  },
});

const limit = values.limit ? Number(values.limit) : undefined;
const requests = [...readRequests(values.prompts!, limit), ...(values.heldout ? readHeldout(values.heldout, limit) : [])];
mkdirSync(values.out!, { recursive: true });
const engine = await Engine.load(values.model!);
const browser = await launchChromium();
const checker = await AppChecker.open(browser);
const options = generationOptions(values);
const rows = await generateAndCheck(engine, checker, requests, options, (row) => console.log(JSON.stringify(row)), values.out);
const editRows = values.edits ? await editAndCheck(engine, checker, readHeldoutEdits(values.edits, limit), options, (row) => console.log(JSON.stringify(row)), values.out) : [];
await checker.close();
await browser.close();
await engine.close();

const byKind: Record<string, { passed: number; total: number }> = {};
for (const r of rows) {
  byKind[r.kind] ??= { passed: 0, total: 0 };
  byKind[r.kind].total++;
  if (r.ok) byKind[r.kind].passed++;
}
const passed = rows.filter((r) => r.ok).length;
const failedChecks = { generic: rows.filter((r) => !r.generic).length, family: rows.filter((r) => r.family === false).length };
const report = {
  model: values.model,
  prompts: values.prompts,
  heldout: values.heldout,
  options,
  passRate: passed / rows.length,
  passed,
  total: rows.length,
  failedChecks,
  medianTokensPerSecond: median(rows.map((r) => r.tokensPerSecond)),
  medianForwardPasses: median(rows.map((r) => r.forwardPasses)),
  byKind,
  rows,
  edits: editRows.length ? summariseEdits(editRows) : undefined,
  editRows,
};
writeFileSync(join(values.out!, "report.json"), JSON.stringify(report, null, 2));
if (rows.length) {
  console.log(`pass rate ${passed}/${rows.length} (${(report.passRate * 100).toFixed(1)}%), median ${report.medianTokensPerSecond} tokens/s`);
  console.log(`failed the generic check: ${failedChecks.generic}, failed their family's request check: ${failedChecks.family}`);
  for (const [kind, k] of Object.entries(byKind)) console.log(`  ${kind.padEnd(12)} ${k.passed}/${k.total}`);
}
if (report.edits) {
  const e = report.edits;
  console.log(`follow-up edits: ${e.passed}/${e.total} pass; of the ${e.needed} the app as it was fails, ${e.neededPassed} pass; ${e.broken} the app passed before are broken`);
}
