// npm run corpus -- --n N --out DIR [--seed S] [--families a,b] [--concurrency C] [--unchecked]
// Draws N samples round-robin over the families, checks every one in Chromium
// (and both sides of an edit pair), and writes DIR/corpus.jsonl and DIR/report.json.
// The checks are CPU-bound (Playwright's round trips, not waiting): they run in the
// headless shell (lib/chromium.ts launchCheckChromium) on several pages at once, so
// that one app's waits (timers, animations) overlap another's work.
// --unchecked keeps only the static checks (length, no URL): a quick draft corpus for
// training experiments on a busy machine; its report says `checked: false`.
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { AppChecker } from "../../lib/app-check.ts";
import { launchCheckChromium } from "../../lib/chromium.ts";
import { FAMILIES } from "./families/index.ts";
import { drawSample, EXTERNAL_URL, normalisedHash, type Drawn, type Sample } from "./generate.ts";
import type { BaseOptions, Family } from "./types.ts";
import { MAX_APP_CHARS, lengthHistogram } from "./length.ts";
import { DEFAULT_MODEL_DIR } from "../../engine/defaults.ts";
import { readModelFolder } from "../../engine/manifest.ts";
import { TextCodec } from "../../engine/tokenizer.ts";

const { values } = parseArgs({
  options: {
    n: { type: "string", default: "400" },
    out: { type: "string", default: "models/corpus/out" },
    seed: { type: "string", default: "1" },
    families: { type: "string" },
    /** Pages checking apps at once: on 2 cores, 6 beats 2 by ~1.25x and 10 gains nothing more. */
    concurrency: { type: "string", default: "6" },
    /** Extra shares for some families, e.g. "chat:4" draws four chat apps per round. */
    weights: { type: "string" },
    unchecked: { type: "boolean", default: false },
  },
});
// Stack traces through tsx's source maps cost ~10% of this process's CPU (Playwright
// captures one per call); check errors are reported by message.
process.setSourceMapsEnabled(false);
const n = Number(values.n);
const seed = Number(values.seed);
const wanted = values.families?.split(",");
const families = FAMILIES.filter((f) => !wanted || wanted.includes(f.name));
if (!families.length) throw new Error(`no family matches --families ${values.families}`);

const weights = new Map((values.weights?.split(",") ?? []).map((w) => [w.split(":")[0], Number(w.split(":")[1])]));
const slots = families.flatMap((f) => Array<Family<BaseOptions>>(weights.get(f.name) ?? 1).fill(f));
const drawnPerFamily = new Map<string, number>();
const drawn: Drawn[] = [];
for (let i = 0; i < n; i++) {
  const family = slots[i % slots.length];
  const index = drawnPerFamily.get(family.name) ?? 0;
  drawnPerFamily.set(family.name, index + 1);
  drawn.push(drawSample(family, seed, index));
}

const codec = await TextCodec.load(readModelFolder(DEFAULT_MODEL_DIR).tokenizerPath);
const started = Date.now();
const browser = values.unchecked ? null : await launchCheckChromium();
const accepted: Sample[] = [];
const rejections: { id: string; reason: string }[] = [];
let done = 0;

function versionsOf({ sample: s, app, edited }: Drawn): [string, BaseOptions][] {
  return s.edit && edited ? [[s.html, app], [s.edit.html, edited]] : [[s.html, app]];
}

function staticReason(d: Drawn): string | null {
  for (const [html] of versionsOf(d)) {
    if (html.length > MAX_APP_CHARS) return `too long: ${html.length} chars`;
    if (EXTERNAL_URL.test(html)) return "contains an external URL";
  }
  return null;
}

/** Outcomes of the checks run so far, by app and options: an app drawn twice is checked once. */
const checked = new Map<string, Promise<string | null>>();
const checkMs = new Map<string, number[]>();

function checkVersion(checker: AppChecker, family: Family<BaseOptions>, html: string, o: BaseOptions): Promise<string | null> {
  const key = createHash("sha1").update(`${family.name}\n${JSON.stringify(o)}\n${html}`).digest("hex");
  let outcome = checked.get(key);
  if (!outcome) {
    outcome = checker.check(html, (run) => family.check(run, o)).then((r) => {
      checkMs.set(family.name, [...(checkMs.get(family.name) ?? []), r.ms]);
      return r.ok ? null : r.errors.join("; ");
    });
    checked.set(key, outcome);
  }
  return outcome;
}

async function checkSample(checker: AppChecker | null, d: Drawn): Promise<string | null> {
  const reason = staticReason(d);
  if (reason || !checker) return reason;
  const family = families.find((f) => f.name === d.sample.family)!;
  for (const [html, o] of versionsOf(d)) {
    const failed = await checkVersion(checker, family, html, o);
    if (failed) return failed;
  }
  return null;
}

const queue = drawn.slice();
async function worker() {
  const checker = browser && (await AppChecker.open(browser));
  for (let d = queue.shift(); d; d = queue.shift()) {
    const reason = await checkSample(checker, d);
    if (reason) {
      rejections.push({ id: d.sample.id, reason });
      process.stderr.write(`\nrejected ${d.sample.id}: ${reason.slice(0, 300)}\n`);
    }
    else accepted.push(d.sample);
    done++;
    if (done % 25 === 0 || done === drawn.length)
      process.stderr.write(`\r${done}/${drawn.length} checked, ${rejections.length} rejected, ${((Date.now() - started) / 1000).toFixed(0)}s   `);
  }
  await checker?.close();
}
await Promise.all(Array.from({ length: Number(values.concurrency) }, worker));
await browser?.close();
process.stderr.write("\n");

accepted.sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }));
mkdirSync(values.out!, { recursive: true });
writeFileSync(join(values.out!, "corpus.jsonl"), accepted.map((s) => JSON.stringify(s)).join("\n") + "\n");
const perFamily = Object.fromEntries(
  families.map((f) => {
    const ms = checkMs.get(f.name) ?? [];
    return [f.name, {
      accepted: accepted.filter((s) => s.family === f.name).length,
      rejected: rejections.filter((r) => r.id.startsWith(`${f.name}-`)).length,
      // Wall time of one check (its page's share of a loaded machine, waits included).
      meanCheckMs: ms.length ? Math.round(ms.reduce((a, b) => a + b, 0) / ms.length) : null,
    }];
  }),
);
const report = {
  seed,
  checked: !values.unchecked,
  families: families.length,
  samples: accepted.length,
  distinct: new Set(accepted.map((s) => normalisedHash(s.html))).size,
  editPairs: accepted.filter((s) => s.kind === "edit").length,
  heldout: accepted.filter((s) => s.split === "heldout").length,
  rejected: rejections.length,
  checks: [...checkMs.values()].flat().length,
  passRate: accepted.length / drawn.length,
  lengths: lengthHistogram(accepted.map((s) => s.html.length), 500),
  // In the shipped model's tokens (its tokenizer was trained on this corpus).
  tokenLengths: lengthHistogram(await Promise.all(accepted.map(async (s) => (await codec.encode(s.html)).length)), 128),
  perFamily,
  rejections: rejections.slice(0, 50),
  wallSeconds: (Date.now() - started) / 1000,
  concurrency: values.unchecked ? 0 : Number(values.concurrency),
};
writeFileSync(join(values.out!, "report.json"), JSON.stringify(report, null, 2) + "\n");
console.log(JSON.stringify({ ...report, lengths: undefined, perFamily: undefined, rejections: report.rejections.slice(0, 5) }));
