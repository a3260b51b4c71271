// Errors the engine's callers answer differently: a full queue (try again later)
// and a job the engine cannot run as asked (the caller's input is at fault).

export class QueueFullError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("the engine is busy; try again shortly");
  }
}

export class EngineInputError extends Error {}
