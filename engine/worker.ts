// The engine's worker thread: loads the model once and runs one job at a
// time, so the web server's thread keeps answering while the model computes.
import { parentPort, workerData } from "node:worker_threads";
import { EngineInputError } from "./errors.ts";
import { Engine, type EngineEvent, type GenerateOptions, type Job } from "./engine.ts";

export type ToWorker = { type: "run"; id: number; job: Job; options: GenerateOptions } | { type: "abort"; id: number };

export type FromWorker =
  | { type: "ready"; modelId: string }
  | { type: "event"; id: number; event: EngineEvent }
  | { type: "error"; id: number; message: string; aborted: boolean; input: boolean }
  | { type: "end"; id: number };

const port = parentPort!;
const { modelDir, threads } = workerData as { modelDir: string; threads: number };
const engine = await Engine.load(modelDir, threads);
const running = new Map<number, AbortController>();

async function run(id: number, job: Job, options: GenerateOptions) {
  const controller = new AbortController();
  running.set(id, controller);
  try {
    for await (const event of engine.run(job, options, controller.signal)) {
      port.postMessage({ type: "event", id, event } satisfies FromWorker);
      // A forward pass blocks this thread, so an abort sent during one is read only on a
      // turn of the event loop: take one here, before the next step checks the signal.
      await new Promise((r) => setImmediate(r));
    }
    port.postMessage({ type: "end", id } satisfies FromWorker);
  } catch (e) {
    const input = e instanceof EngineInputError;
    port.postMessage({ type: "error", id, message: (e as Error).message, aborted: controller.signal.aborted, input } satisfies FromWorker);
  } finally {
    running.delete(id);
  }
}

port.on("message", (m: ToWorker) => {
  if (m.type === "run") void run(m.id, m.job, m.options);
  else running.get(m.id)?.abort();
});
port.postMessage({ type: "ready", modelId: engine.manifest.id } satisfies FromWorker);
