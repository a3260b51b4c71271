// The server's one engine: a worker thread with the default model, started on first use.
import { DEFAULT_MODEL_DIR } from "../engine/defaults.ts";
import { EnginePool } from "../engine/pool.ts";

const globalForEngine = globalThis as unknown as { unmaskEngine?: EnginePool };

export function engine(): EnginePool {
  // Kept on globalThis so that hot reloads in development do not start a second worker.
  globalForEngine.unmaskEngine ??= new EnginePool(DEFAULT_MODEL_DIR);
  return globalForEngine.unmaskEngine;
}

/** Generations running or waiting; 0 before the first one (asking does not start the engine). */
export function pendingGenerations(): number {
  return globalForEngine.unmaskEngine?.pending ?? 0;
}
