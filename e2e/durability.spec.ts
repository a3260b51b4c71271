// Durability: the server is killed with SIGKILL in the middle of a generation and started
// again on the same data folder; every message and version saved before the kill is still
// there, byte for byte, and the cut-off request has a reply marked interrupted.
import { expect, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { FAST_MODEL_DIR } from "../engine/defaults.ts";
import { SERVER_STOPPED_REPLY } from "../lib/replies.ts";
import { DURABILITY_PORT } from "./servers.ts";

const PORT = DURABILITY_PORT;
const BASE = `http://127.0.0.1:${PORT}`;
const DATA = resolve("test-results/durability-data");

/** `next start` (of the build the suite already made) on its own port and data folder. */
async function startServer(): Promise<ChildProcess> {
  // Its own process group, so that the kill reaches every process the server runs in.
  const server = spawn("npx", ["next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, UNMASK_DATA_DIR: DATA, UNMASK_MODEL_DIR: FAST_MODEL_DIR },
    detached: true,
    stdio: "ignore",
  });
  for (const end = Date.now() + 60_000; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) {
    const up = await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false);
    if (up) return server;
  }
  process.kill(-server.pid!, "SIGKILL");
  throw new Error("the server did not start within 60 s");
}

function kill(server: ChildProcess): Promise<void> {
  const exited = new Promise<void>((r) => server.once("exit", () => r()));
  process.kill(-server.pid!, "SIGKILL");
  return exited;
}

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${BASE}${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
}

/** Reads a generation's event stream until `until` accepts an event; returns that event. */
async function readEvents(res: Response, until: (e: { type: string }) => boolean): Promise<{ type: string }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error("the stream ended first");
    buffered += decoder.decode(value, { stream: true });
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    for (const line of lines) {
      if (!line.startsWith("data: ")) continue;
      const event = JSON.parse(line.slice(6));
      if (until(event)) return event;
    }
  }
}

test("SIGKILL mid-generation loses nothing saved, and the cut-off request is marked interrupted", async () => {
  rmSync(DATA, { recursive: true, force: true });
  let server = await startServer();
  try {
    const { id } = (await (await post("/api/conversations", { title: "Durable" })).json()) as { id: string };
    // A finished generation (request, reply, version) and a manual edit on top of it.
    const done = await readEvents(await post("/api/generate", { message: "Build a simulated chat app", conversationId: id }), (e) => e.type === "done");
    expect(done.type).toBe("done");
    // The edit is a whole app, so that refining it takes many passes (a tiny page was refined
    // before the test could look).
    const edited = readFileSync(new URL("../engine/testdata/chat-app.html", import.meta.url), "utf8");
    expect((await post(`/api/conversations/${id}/versions`, { html: edited, kind: "edit" })).status).toBe(201);
    const before = await (await fetch(`${BASE}/api/conversations/${id}`)).json();

    // A follow-up, cut off by SIGKILL as soon as it has streamed its first frame.
    const cut = await post("/api/generate", { message: "add a clear button", conversationId: id });
    await readEvents(cut, (e) => e.type === "frame");
    await kill(server);

    server = await startServer();
    const after = await (await fetch(`${BASE}/api/conversations/${id}`)).json();
    expect(after.versions).toEqual(before.versions);
    expect(after.versions.map((v: { kind: string }) => v.kind)).toEqual(["generate", "edit"]);
    expect(after.messages.slice(0, -2)).toEqual(before.messages);
    expect(after.messages.at(-2)).toMatchObject({ role: "user", text: "add a clear button" });
    expect(after.messages.at(-1)).toMatchObject({ role: "assistant", status: "interrupted", text: SERVER_STOPPED_REPLY });
  } finally {
    await kill(server);
  }
});
