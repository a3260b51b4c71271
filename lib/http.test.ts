// Reading request bodies at the route edge: the size limit holds however the body
// arrives, only JSON sent as JSON is read, and every refusal has its status.
import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { readJson, validateBody } from "./http.ts";

const post = (body: BodyInit | null, headers: Record<string, string> = { "Content-Type": "application/json" }) =>
  new Request("http://x/api", { method: "POST", body, headers, duplex: "half" } as RequestInit);

/** A body streamed in chunks, with no Content-Length, that counts how much of it was read. */
function streamed(chunk: string, times: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(c) {
        if (pulled++ < times) c.enqueue(new TextEncoder().encode(chunk));
        else c.close();
      },
    },
    { highWaterMark: 0 }, // nothing is pulled before someone reads
  );
  return { body, pulled: () => pulled };
}

test("a JSON body sent as application/json (any case, with parameters) is parsed", async () => {
  assert.deepEqual(await readJson(post('{"a":[1,"é"]}')), { json: { a: [1, "é"] } });
  assert.deepEqual(await readJson(post("[]", { "Content-Type": "Application/JSON; charset=utf-8" })), { json: [] });
});

test("415 unless the body is sent as application/json", async () => {
  for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx", ""]) {
    assert.equal(((await readJson(post("{}", { "Content-Type": type }))) as { status: number }).status, 415, type);
  }
  assert.equal(((await readJson(post("{}", {}))) as { status: number }).status, 415);
});

test("413 for a declared length over the limit, before reading anything", async () => {
  const s = streamed("x", 10);
  const r = await readJson(post(s.body, { "Content-Type": "application/json", "Content-Length": "1000" }), 100);
  assert.equal((r as { status: number }).status, 413);
  assert.equal(s.pulled(), 0);
});

test("413 for a streamed body over the limit, having read no more than the limit and one chunk", async () => {
  const s = streamed("x".repeat(64), 1000);
  const r = await readJson(post(s.body), 256);
  assert.deepEqual(r, { status: 413, message: "the body is larger than 256 bytes" });
  assert.ok(s.pulled() <= 7, `read ${s.pulled()} chunks`);
});

test("400 for an empty body, bad JSON, or bytes that are not UTF-8", async () => {
  for (const body of ["", "{", "{'a':1}", "undefined", Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d])]) {
    assert.deepEqual(await readJson(post(body)), { status: 400, message: "the body is not JSON" }, String(body));
  }
});

test("validateBody answers a refusal or a schema failure as a JSON error with its status", async () => {
  const schema = z.object({ n: z.number({ error: "n must be a number" }) });
  const tooLarge = await validateBody(post(JSON.stringify({ n: "x".repeat(300_000) })), schema);
  assert.equal(tooLarge.error?.status, 413);
  assert.match(((await tooLarge.error?.json()) as { error: string }).error, /larger than 262144 bytes/);
  const wrong = await validateBody(post('{"n":"1"}'), schema);
  assert.equal(wrong.error?.status, 400);
  assert.deepEqual(await wrong.error?.json(), { error: "n must be a number" });
  assert.deepEqual(await validateBody(post('{"n":1}'), schema), { data: { n: 1 } });
});
