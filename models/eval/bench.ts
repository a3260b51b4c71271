// npm run bench -- [--prompts FILE] [--limit N] [--out FILE] [--model DIR] [--settings "a; b"]
// The engine's speed at each sampler setting, on the same requests: tokens/s, forward
// passes per token, time to first frame, total time, peak RSS, and the pass rate of
// the apps it wrote (the eval's checks). Each setting runs in its own process, so its
// peak RSS is its own. Prints a table and writes JSON.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_MODEL_DIR } from "../../engine/defaults.ts";
import { Engine, type GenerateOptions } from "../../engine/engine.ts";
import { AppChecker } from "../../lib/app-check.ts";
import { launchChromium } from "../../lib/chromium.ts";
import { generateAndCheck, median, readRequests } from "./harness.ts";

/**
 * The settings compared. "1 token/step" (in blocks of 8, the shipped models' block) is the careful
 * reference every speed-up is measured against; "model defaults" is what the CLI and the server
 * run (the manifest's defaults). Options a row leaves unset (guidance, the cache, the predicted
 * length) take the model's defaults. Steps as many as the canvas's tokens give one token a step.
 * "no cache": a block-causal model runs the settled text again for every pass (the same numbers,
 * the cost the exact prefix cache saves); a bidirectional one reads the whole canvas each pass.
 */
const SETTINGS: Record<string, (genLength: number) => GenerateOptions> = {
  "model defaults": () => ({}),
  "model defaults, no syntax guard": () => ({ syntaxGuard: false }),
  "model defaults, no rewrite": () => ({ rewrite: false }),
  "model defaults, guidance 1": () => ({ cfgScale: 1 }),
  "model defaults, no cache": () => ({ cache: false }),
  "1 token/step": (n) => ({ steps: n, blockLength: 8 }),
  "2 tokens/step": (n) => ({ steps: Math.ceil(n / 2), blockLength: 8 }),
  "threshold 0.9": () => ({ threshold: 0.9, blockLength: 8 }),
  "threshold 0.8": () => ({ threshold: 0.8, blockLength: 8 }),
  "threshold 0.7": () => ({ threshold: 0.7, blockLength: 8 }),
  "threshold 0.9, blocks of 16": () => ({ threshold: 0.9, blockLength: 16 }),
  "threshold 0.9, blocks of 32": () => ({ threshold: 0.9, blockLength: 32 }),
};

const { values } = parseArgs({
  options: {
    prompts: { type: "string", default: "../shared/eval/dev-prompts.jsonl" },
    limit: { type: "string", default: "6" },
    out: { type: "string", default: "models/eval/out/bench.json" },
    model: { type: "string", default: DEFAULT_MODEL_DIR },
    settings: { type: "string" },
    /** Internal: run one setting in this process and print its row as JSON. */
    setting: { type: "string" },
  },
});

interface BenchRow {
  setting: string;
  tokensPerSecond: number;
  passesPerToken: number;
  firstFrameMs: number;
  totalMs: number;
  peakRssMb: number;
  passRate: number;
  tokens: number;
}

async function runSetting(name: string): Promise<BenchRow> {
  const engine = await Engine.load(values.model!);
  const browser = await launchChromium();
  const checker = await AppChecker.open(browser);
  const options = SETTINGS[name](engine.manifest.defaults.genLength);
  const rows = await generateAndCheck(engine, checker, readRequests(values.prompts!, Number(values.limit)), options);
  await checker.close();
  await browser.close();
  await engine.close();
  const tokens = rows.reduce((a, r) => a + r.tokens, 0);
  return {
    setting: name,
    tokensPerSecond: median(rows.map((r) => r.tokensPerSecond)),
    passesPerToken: +(rows.reduce((a, r) => a + r.forwardPasses, 0) / Math.max(1, tokens)).toFixed(3),
    firstFrameMs: median(rows.map((r) => r.firstFrameMs)),
    totalMs: median(rows.map((r) => r.ms)),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    passRate: rows.filter((r) => r.ok).length / rows.length,
    tokens: Math.round(tokens / rows.length),
  };
}

if (values.setting) {
  console.log(JSON.stringify(await runSetting(values.setting)));
} else {
  // Names hold commas ("model defaults, no cache"), so a list of them is split at semicolons.
  const names = values.settings?.split(";").map((n) => n.trim()) ?? Object.keys(SETTINGS);
  // Every name is checked before any runs: a typo at the end must not cost the runs before it.
  const unknown = names.filter((n) => !SETTINGS[n]);
  if (unknown.length) throw new Error(`no setting ${unknown.map((n) => `"${n}"`).join(", ")}; known: ${Object.keys(SETTINGS).join(", ")}`);
  const table: BenchRow[] = [];
  for (const name of names) {
    const args = ["--import", "tsx", "models/eval/bench.ts", "--setting", name, "--prompts", values.prompts!, "--limit", values.limit!, "--model", values.model!];
    const out = execFileSync(process.execPath, args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    table.push(JSON.parse(out.trim().split("\n").at(-1)!));
    process.stderr.write(`${name}: done\n`);
  }
  const reference = table.find((r) => r.setting === "1 token/step");
  console.log(`model ${values.model}, ${values.limit} requests from ${values.prompts}; medians per app\n`);
  console.log("| setting | tokens/s | passes/token | first frame ms | total ms | peak RSS MB | pass rate | tokens | speed-up |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const r of table) {
    const speedup = reference ? (reference.totalMs / r.totalMs).toFixed(1) + "x" : "";
    console.log(`| ${r.setting} | ${r.tokensPerSecond} | ${r.passesPerToken} | ${r.firstFrameMs} | ${r.totalMs} | ${r.peakRssMb} | ${(r.passRate * 100).toFixed(0)}% | ${r.tokens} | ${speedup} |`);
  }
  mkdirSync(dirname(values.out!), { recursive: true });
  writeFileSync(values.out!, JSON.stringify({ model: values.model, prompts: values.prompts, limit: Number(values.limit), rows: table }, null, 2));
}
