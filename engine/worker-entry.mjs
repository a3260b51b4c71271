// The worker thread's entry, in plain JavaScript: it lets the thread load the
// engine's TypeScript through tsx, whatever started the main thread (the CLI, a
// test, or the Next.js server).
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
