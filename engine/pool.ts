// The main thread's handle on the engine: a worker thread with the model loaded,
// and a bounded queue of generations waiting for it.
//
// One worker runs one generation at a time, and concurrent requests are not batched into one
// forward pass. On the 2-core machine a pass is compute-bound: measured on unmask-small
// exported with a batch axis, a 300-token canvas costs 170 ms per canvas alone, in a batch of 2
// and in a batch of 4 (175 ms). Batching, or a second worker, would only share the same two
// cores more finely, and every waiting request would finish later.
import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import type { Conversation } from "./chat-template.ts";
import type { EngineEvent, GenerateOptions, Job } from "./engine.ts";
import { EngineInputError, QueueFullError } from "./errors.ts";
import type { FromWorker, ToWorker } from "./worker.ts";

export { QueueFullError } from "./errors.ts";

/** A job waiting for the worker, with `position` jobs ahead of it (the running one included). */
export type QueuedEvent = { type: "queued"; position: number };

/** What a pool job streams: queued events while it waits, then the engine's frames and its result. */
export type PoolEvent = EngineEvent | QueuedEvent;

interface Queued {
  id: number;
  job: Job;
  options: GenerateOptions;
  /** The position last announced to its consumer. */
  position?: number;
  push: (m: FromWorker | QueuedEvent) => void;
}

export interface PoolOptions {
  /** Generations allowed to wait beyond the one running. */
  maxQueue?: number;
  threads?: number;
  /** The repository root, where engine/worker-entry.mjs lives (the CLI and the server run from it). */
  root?: string;
}

export class EnginePool {
  private readonly worker: Worker;
  private readonly ready: Promise<string>;
  private readonly queue: Queued[] = [];
  private current: Queued | null = null;
  private loaded = false;
  private nextId = 1;
  private readonly maxQueue: number;

  constructor(modelDir: string, o: PoolOptions = {}) {
    this.maxQueue = o.maxQueue ?? 16;
    const script = resolve(o.root ?? process.cwd(), "engine/worker-entry.mjs");
    // Reflect.construct rather than `new Worker(...)`: Next's bundler rewrites the latter
    // into a bundled worker, while this one must run the engine from source through tsx.
    this.worker = Reflect.construct(Worker, [script, { workerData: { modelDir, threads: o.threads ?? 2 } }]) as Worker;
    this.ready = new Promise((ok, fail) => {
      this.worker.once("error", fail);
      this.worker.on("message", (m: FromWorker) => {
        if (m.type === "ready") {
          this.loaded = true;
          ok(m.modelId);
          this.pump();
        } else this.route(m);
      });
    });
  }

  /** Resolves with the model id once the model is loaded. */
  whenReady(): Promise<string> {
    return this.ready;
  }

  get pending(): number {
    return this.queue.length + (this.current ? 1 : 0);
  }

  /** Generate from a request: frames, then the finished artifact (see run). */
  generate(conversation: Conversation, options: GenerateOptions = {}, signal?: AbortSignal): AsyncGenerator<PoolEvent> {
    return this.run({ kind: "generate", conversation }, options, signal);
  }

  /**
   * Run a job (generate, infill, refine): a queued event at once when it has to wait and
   * another each time it moves up, then frames, then the finished text. Throws
   * QueueFullError at once when too many jobs wait; aborting `signal`, or returning
   * early, stops the job within one step or takes it out of the queue at once.
   */
  async *run(work: Job, options: GenerateOptions = {}, signal?: AbortSignal): AsyncGenerator<PoolEvent> {
    if (this.queue.length >= this.maxQueue) throw new QueueFullError(5);
    const inbox: (FromWorker | QueuedEvent)[] = [];
    let wake: (() => void) | null = null;
    const job: Queued = {
      id: this.nextId++,
      job: work,
      options,
      push: (m) => {
        inbox.push(m);
        wake?.();
      },
    };
    const leave = () => {
      if (this.withdraw(job)) job.push({ type: "error", id: job.id, message: "aborted", aborted: true, input: false });
      else if (this.current === job) this.post({ type: "abort", id: job.id });
    };
    signal?.addEventListener("abort", leave, { once: true });
    this.queue.push(job);
    this.pump();
    this.announce();
    // A model that fails to load fails every job (as the worker would, had it started).
    this.ready.catch((e: Error) => job.push({ type: "error", id: job.id, message: e.message, aborted: false, input: false }));
    try {
      for (;;) {
        while (!inbox.length) await new Promise<void>((r) => (wake = r));
        const m = inbox.shift()!;
        if (m.type === "queued") yield m;
        else if (m.type === "event") yield m.event;
        else if (m.type === "end") return;
        else if (m.type === "error") throw m.input ? new EngineInputError(m.message) : new Error(m.message);
      }
    } finally {
      signal?.removeEventListener("abort", leave);
      // A consumer that stops reading early must not leave its job waiting or the worker busy.
      leave();
    }
  }

  private pump() {
    if (!this.loaded || this.current) return;
    const job = this.queue.shift();
    // An idle worker must not keep the process alive; a busy one must.
    if (!job) {
      this.worker.unref();
      return;
    }
    this.worker.ref();
    this.current = job;
    this.post({ type: "run", id: job.id, job: job.job, options: job.options });
    this.announce();
  }

  /** Takes a waiting job out of the queue; false when it is not waiting. */
  private withdraw(job: Queued): boolean {
    const i = this.queue.indexOf(job);
    if (i < 0) return false;
    this.queue.splice(i, 1);
    this.announce();
    return true;
  }

  /** Tells every waiting job whose position changed where it now stands. */
  private announce() {
    const ahead = this.current ? 1 : 0;
    this.queue.forEach((job, i) => {
      if (job.position === ahead + i) return;
      job.position = ahead + i;
      job.push({ type: "queued", position: job.position });
    });
  }

  private route(m: FromWorker) {
    const job = this.current;
    if (!job || m.type === "ready" || m.id !== job.id) return;
    job.push(m);
    if (m.type === "end" || m.type === "error") {
      this.current = null;
      this.pump();
    }
  }

  private post(m: ToWorker) {
    this.worker.postMessage(m);
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
