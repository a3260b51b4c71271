// npm run generate -- "Build a simulated chat app" --out app.html
// npm run generate -- --prompts requests.jsonl --out-dir DIR
// Options: --model DIR, and the generation flags of cli-options.ts (--steps N, --block N,
// --threshold X, --seed N, --cache on|off, ...). Unset options take the model's defaults.
// Prints one JSON line of stats per artifact (the last line for it).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_MODEL_DIR } from "./defaults.ts";
import { GENERATION_FLAGS, generationOptions } from "./cli-options.ts";
import { Engine } from "./engine.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: "string" },
    prompts: { type: "string" },
    "out-dir": { type: "string" },
    model: { type: "string", default: DEFAULT_MODEL_DIR },
    ...GENERATION_FLAGS,
  },
});
const options = generationOptions(values);

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
