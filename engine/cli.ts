// npm run generate -- "Build a simulated chat app" --out app.html
// npm run generate -- --prompts requests.jsonl --out-dir DIR
// Options: --steps N, --block N, --threshold X, --seed N, --temperature X, --top-p X,
// --remasking low_confidence|random|margin|entropy, --gen-length N, --cache on|off, --cfg-scale X,
// --predict-length on|off, --model DIR. Unset options take the model's defaults (its manifest.json).
// Prints one JSON line of stats per artifact (the last line for it).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_MODEL_DIR } from "./defaults.ts";
import { Engine, type GenerateOptions } from "./engine.ts";
import type { Remasking } from "./sampler.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: "string" },
    prompts: { type: "string" },
    "out-dir": { type: "string" },
    model: { type: "string", default: DEFAULT_MODEL_DIR },
    steps: { type: "string" },
    block: { type: "string" },
    threshold: { type: "string" },
    seed: { type: "string" },
    temperature: { type: "string" },
    remasking: { type: "string" },
    "gen-length": { type: "string" },
    "top-p": { type: "string" },
    cache: { type: "string" },
    "cfg-scale": { type: "string" },
    "predict-length": { type: "string" },
  },
});

function num(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got "${v}"`);
  return n;
}

const REMASKING: Remasking[] = ["low_confidence", "random", "margin", "entropy"];
if (values.remasking && !REMASKING.includes(values.remasking as Remasking))
  throw new Error(`--remasking must be one of ${REMASKING.join(", ")}`);
function onOff(name: string, v: string | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  if (!["on", "off"].includes(v)) throw new Error(`--${name} must be on or off`);
  return v === "on";
}

const options: GenerateOptions = {
  steps: num("steps", values.steps),
  blockLength: num("block", values.block),
  threshold: num("threshold", values.threshold),
  seed: num("seed", values.seed),
  temperature: num("temperature", values.temperature),
  remasking: values.remasking as Remasking | undefined,
  genLength: num("gen-length", values["gen-length"]),
  topP: num("top-p", values["top-p"]),
  cache: onOff("cache", values.cache),
  cfgScale: num("cfg-scale", values["cfg-scale"]),
  predictLength: onOff("predict-length", values["predict-length"]),
};

let jobs: { id: string; prompt: string; out: string }[];
if (values.prompts) {
  if (!values["out-dir"]) throw new Error("--prompts needs --out-dir DIR");
  mkdirSync(values["out-dir"], { recursive: true });
  jobs = readFileSync(values.prompts, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; prompt: string })
    .map((r) => ({ id: r.id, prompt: r.prompt, out: join(values["out-dir"]!, `${r.id}.html`) }));
} else {
  const prompt = positionals.join(" ").trim();
  if (!prompt || !values.out) {
    console.error('usage: npm run generate -- "REQUEST" --out app.html  |  --prompts FILE.jsonl --out-dir DIR');
    process.exit(2);
  }
  jobs = [{ id: "app", prompt, out: values.out }];
}

const engine = await Engine.load(values.model!);
for (const job of jobs) {
  for await (const e of engine.generate({ request: job.prompt }, options)) {
    if (e.type === "frame") {
      process.stderr.write(`\r${job.id}: step ${e.step}/~${e.totalSteps}, ${e.forwardPasses} passes, ${Math.round(e.elapsedMs)} ms   `);
    } else {
      process.stderr.write("\n");
      writeFileSync(job.out, e.artifact);
      console.log(JSON.stringify({ id: job.id, out: job.out, ...e.stats }));
    }
  }
}
await engine.close();
