// The models a request may name: the folders under models/ that hold a valid manifest.
// A model id is a plain folder name, never a path; resolving one cannot leave models/,
// whatever the request says and wherever a symbolic link inside points.
import { readdirSync, realpathSync } from "node:fs";
import { join, relative, isAbsolute } from "node:path";
import { readModelFolder, type Manifest, type ModelFolder } from "../engine/manifest.ts";

export const MODELS_DIR = "models";

/** Lowercase letters, digits, '.', '_' and '-', starting with a letter or digit (so never '.' or '..'). */
export const MODEL_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export class UnknownModelError extends Error {}

export interface ModelInfo {
  id: string;
  maxSequenceLength: number;
  defaults: Manifest["defaults"];
}

/** The real path of `path`, when it exists and lies inside the real directory `root`. */
function realInside(root: string, path: string): string | null {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return null;
  }
  const rel = relative(root, real);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? real : null;
}

/**
 * The model folder `id` names under `root`. Throws UnknownModelError unless `id` is a plain
 * folder name, the folder (links resolved) lies inside `root`, its manifest is valid and
 * states the same id, and the manifest, ONNX file and tokenizer all lie inside the folder.
 */
export function resolveModel(id: string, root = MODELS_DIR): ModelFolder {
  if (!MODEL_ID.test(id)) throw new UnknownModelError("not a model id");
  const unknown = new UnknownModelError(`there is no model '${id}'`);
  // turbopackIgnore: the models are read at run time, not traced into the build.
  const dir = realInside(realpathSync(/*turbopackIgnore: true*/ root), join(/*turbopackIgnore: true*/ root, id));
  if (!dir || !realInside(dir, join(dir, "manifest.json"))) throw unknown;
  let folder: ModelFolder;
  try {
    folder = readModelFolder(dir);
  } catch {
    throw new UnknownModelError(`the model '${id}' has an invalid manifest`);
  }
  if (folder.manifest.id !== id || !realInside(dir, folder.onnxPath) || !realInside(dir, folder.tokenizerPath)) throw unknown;
  return folder;
}

/** Every model under `root`, by id. */
export function listModels(root = MODELS_DIR): ModelInfo[] {
  return readdirSync(/*turbopackIgnore: true*/ root)
    .filter((name) => MODEL_ID.test(name))
    .sort()
    .flatMap((id) => {
      try {
        const { manifest } = resolveModel(id, root);
        return [{ id, maxSequenceLength: manifest.maxSequenceLength, defaults: manifest.defaults }];
      } catch (e) {
        if (e instanceof UnknownModelError) return []; // tooling folders (corpus/, recipe/) and broken models
        throw e;
      }
    });
}
