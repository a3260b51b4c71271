// What /api/health answers: at once, without loading the model or waiting for the engine.
import { DEFAULT_MODEL_DIR } from "../engine/defaults.ts";
import { readModelFolder } from "../engine/manifest.ts";
import { pendingGenerations } from "./engine.ts";

export type Health = { ok: true; model: string; queue: number } | { ok: false; error: string; queue: number };

/** The served model's id (from its manifest alone) and how many generations run or wait. */
export function health(modelDir = DEFAULT_MODEL_DIR): Health {
  const queue = pendingGenerations();
  try {
    return { ok: true, model: readModelFolder(modelDir).manifest.id, queue };
  } catch (e) {
    return { ok: false, error: `the model in ${modelDir} cannot be served: ${(e as Error).message.split("\n")[0]}`, queue };
  }
}
