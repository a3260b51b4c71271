// The two servers the browser tests run against (playwright.config.ts starts both).
const port = Number(process.env.E2E_PORT ?? 3100);
/** The workspace on the fast model: every test of the workspace's plumbing. */
export const FAST_SERVER = `http://127.0.0.1:${port}`;
/** The workspace on the shipped default model: the tests that need an app that works. */
export const DEFAULT_MODEL_SERVER = `http://127.0.0.1:${port + 1}`;
