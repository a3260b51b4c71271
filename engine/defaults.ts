// The shipped models, relative to the repository root.
/** The default model: block diffusion through an exact prefix cache (an app in about 2-3 s on 2 cores); 33 of the 40 dev requests pass at its defaults, 36 at threshold 0.9. */
export const SHIPPED_DEFAULT_MODEL_DIR = "models/unmask-small";
/**
 * A smaller, faster model that writes no working app yet. The test suite drives the engine's and
 * the workspace's plumbing with it (UNMASK_MODEL_DIR in test:unit and playwright.config.ts); the default model's own
 * tests name SHIPPED_DEFAULT_MODEL_DIR.
 */
export const FAST_MODEL_DIR = "models/unmask-tiny";
export const SHIPPED_MODEL_DIRS = [SHIPPED_DEFAULT_MODEL_DIR, FAST_MODEL_DIR];
/** The model the server and the CLI run. */
export const DEFAULT_MODEL_DIR = process.env.UNMASK_MODEL_DIR ?? SHIPPED_DEFAULT_MODEL_DIR;
