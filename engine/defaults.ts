// Where the shipped default model lives, relative to the repository root.
export const DEFAULT_MODEL_DIR = process.env.UNMASK_MODEL_DIR ?? "models/unmask-tiny";
