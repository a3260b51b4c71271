// The ports of the servers the browser tests run against, in one place so that they never collide.
const port = Number(process.env.E2E_PORT ?? 3100);
/** The workspace on the fast model: every test of the workspace's plumbing (playwright.config.ts starts it). */
export const FAST_SERVER = `http://127.0.0.1:${port}`;
/** The server the durability test starts, kills and starts again itself. */
export const DURABILITY_PORT = port + 1;
/** The workspace on the shipped default model: the tests that need an app that works (playwright.config.ts starts it). */
export const DEFAULT_MODEL_SERVER = `http://127.0.0.1:${port + 2}`;
