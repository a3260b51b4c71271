import assert from "node:assert/strict";
import { test } from "node:test";
import { readSse, sseStream } from "./sse.ts";

async function* events() {
  yield { type: "frame", text: "a\n\nb" };
  yield { type: "done", n: 2 };
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

test("events survive the trip through a Server-Sent Events stream, even split into odd chunks", async () => {
  const bytes = new Uint8Array(await new Response(sseStream(events(), () => ({}))).arrayBuffer());
  // Re-chunk the bytes three at a time, as a slow network might deliver them.
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      for (let i = 0; i < bytes.length; i += 3) c.enqueue(bytes.slice(i, i + 3));
      c.close();
    },
  });
  assert.deepEqual(await collect(readSse(body)), [{ type: "frame", text: "a\n\nb" }, { type: "done", n: 2 }]);
});

test("an error in the source becomes a final error event", async () => {
  async function* failing() {
    yield { type: "frame" };
    throw new Error("engine busy");
  }
  const stream = sseStream(failing(), (e) => ({ type: "error", message: (e as Error).message }));
  assert.deepEqual(await collect(readSse(stream)), [{ type: "frame" }, { type: "error", message: "engine busy" }]);
});
