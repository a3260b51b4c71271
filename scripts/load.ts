// npx tsx scripts/load.ts [--url http://127.0.0.1:3000] [--clients 58]
// Load on a running Unmask server (`npm start`, or `npx next start`): many generations
// at once, each must complete or be refused with 429 and Retry-After, while /api/health
// keeps answering fast; then a client that disconnects must free the engine within a step.
// Prints the figures as a table and one JSON line.
import { parseArgs } from "node:util";
import type { PoolEvent } from "../engine/pool.ts";
import { readSse } from "../lib/sse.ts";
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

/**
 * One generation over SSE: completed (a `done` event), refused (429 with Retry-After) or
 * failed. `onEvent` hears each event with the time it arrived.
 */
async function generate(message: string, signal?: AbortSignal, onEvent?: (e: PoolEvent, at: number) => void): Promise<Outcome> {
  const res = await fetch(`${base}/api/generate`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ message }),
    signal,
  });
  if (res.status === 429) return res.headers.get("retry-after") ? "refused" : "failed";
  if (!res.ok || !res.body) return "failed";
  let done = false;
  for await (const e of readSse<PoolEvent>(res.body)) {
    onEvent?.(e, performance.now());
    done ||= e.type === "done";
  }
  return done ? "completed" : "failed";
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

// 2. Disconnect: a generation waiting behind a running one must start within a step (the
// one in flight) of the running one's client going away. Steps are timed by the engine's
// clock (each frame's elapsedMs); the waiting one started when its first frame arrived,
// less that frame's elapsedMs. Each trial aborts at a random moment after some steps.
async function disconnectTrial(): Promise<{ steps: number[]; freedMs: number }> {
  const steps: number[] = [];
  let lastElapsed = 0;
  let onStep = () => {};
  const first = new AbortController();
  const running = generate(prompts[0], first.signal, (e) => {
    if (e.type !== "frame") return;
    if (e.step > 1) steps.push(e.elapsedMs - lastElapsed);
    lastElapsed = e.elapsedMs;
    onStep();
  }).catch(() => "aborted");
  const enough = 10 + Math.floor(Math.random() * 20);
  await new Promise<void>((r) => (onStep = () => steps.length >= enough && r()));
  let queued = () => {};
  const isQueued = new Promise<void>((r) => (queued = r));
  let nextStartedAt = 0;
  const next = generate(prompts[1], undefined, (e, at) => {
    if (e.type === "queued") queued();
    if (e.type === "frame" && !nextStartedAt) nextStartedAt = at - e.elapsedMs;
  });
  await isQueued;
  await new Promise((r) => setTimeout(r, Math.random() * 20));
  const abortedAt = performance.now();
  first.abort();
  await running;
  await next;
  return { steps, freedMs: nextStartedAt - abortedAt };
}
const trials: Awaited<ReturnType<typeof disconnectTrial>>[] = [];
for (let i = 0; i < 5; i++) trials.push(await disconnectTrial());
const steps = trials.flatMap((t) => t.steps);
const freed = trials.map((t) => t.freedMs);

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
  stepP50Ms: +percentile(steps, 50).toFixed(0),
  stepMaxMs: +Math.max(...steps).toFixed(0),
  slotFreedMs: freed.map((ms) => Math.round(ms)).join(" "),
  slotFreedMaxMs: +Math.max(...freed).toFixed(0),
};
console.log(`| figure | value |\n| --- | --- |\n${Object.entries(figures).map(([k, v]) => `| ${k} | ${v} |`).join("\n")}`);
console.log(JSON.stringify(figures));
if (figures.failed || figures.healthFailures) process.exitCode = 1;
