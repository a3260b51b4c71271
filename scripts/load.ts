// npx tsx scripts/load.ts [--url http://127.0.0.1:3000] [--clients 58]
// Load on a running Unmask server (`npm start`, or `npx next start`): many generations
// at once, each must complete or be refused with 429 and Retry-After, while /api/health
// keeps answering fast; then a client that disconnects must free the engine within a step.
// Prints the figures as a table and one JSON line.
import { parseArgs } from "node:util";
import { readRequests } from "../models/eval/harness.ts";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:3000" },
    clients: { type: "string", default: "58" },
    prompts: { type: "string", default: "../shared/eval/dev-prompts.jsonl" },
  },
});
const base = values.url!;
const prompts = readRequests(values.prompts!).map((r) => r.prompt);

type Outcome = "completed" | "refused" | "failed";

/** One generation over SSE: completed (a `done` event), refused (429 with Retry-After) or failed. */
async function generate(message: string, signal?: AbortSignal, onFrame?: () => void): Promise<Outcome> {
  const res = await fetch(`${base}/api/generate`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ message }),
    signal,
  });
  if (res.status === 429) return res.headers.get("retry-after") ? "refused" : "failed";
  if (!res.ok || !res.body) return "failed";
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let seen = "";
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    seen += r.value;
    if (r.value.includes('"type":"frame"')) onFrame?.();
  }
  return seen.includes('"type":"done"') ? "completed" : "failed";
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

// 1. Load: every client at once, with /api/health polled throughout.
const health: number[] = [];
let healthFailures = 0;
let loading = true;
const poller = (async () => {
  while (loading) {
    const t0 = performance.now();
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    health.push(performance.now() - t0);
    if (!ok) healthFailures++;
    await new Promise((r) => setTimeout(r, 50));
  }
})();
const started = performance.now();
const outcomes = await Promise.all(
  Array.from({ length: Number(values.clients) }, (_, i) => generate(prompts[i % prompts.length]).catch((): Outcome => "failed")),
);
const loadSeconds = (performance.now() - started) / 1000;
loading = false;
await poller;
const count = (o: Outcome) => outcomes.filter((x) => x === o).length;

// 2. Disconnect: the next generation in line must start within about a step of the abort.
const frames: number[] = [];
const first = new AbortController();
const running = generate(prompts[0], first.signal, () => frames.push(performance.now())).catch(() => "aborted");
while (frames.length < 3) await new Promise((r) => setTimeout(r, 5));
const stepMs = frames[2] - frames[1];
let nextFrameAt = 0;
const next = generate(prompts[1], undefined, () => (nextFrameAt ||= performance.now()));
await new Promise((r) => setTimeout(r, 100));
const abortedAt = performance.now();
first.abort();
await running;
await next;
const freedMs = nextFrameAt - abortedAt;

const figures = {
  clients: outcomes.length,
  completed: count("completed"),
  refused429: count("refused"),
  failed: count("failed"),
  loadSeconds: +loadSeconds.toFixed(1),
  healthRequests: health.length,
  healthFailures,
  healthP50Ms: +percentile(health, 50).toFixed(1),
  healthP99Ms: +percentile(health, 99).toFixed(1),
  stepMs: +stepMs.toFixed(0),
  slotFreedMs: +freedMs.toFixed(0),
};
console.log(`| figure | value |\n| --- | --- |\n${Object.entries(figures).map(([k, v]) => `| ${k} | ${v} |`).join("\n")}`);
console.log(JSON.stringify(figures));
if (figures.failed || figures.healthFailures) process.exitCode = 1;
