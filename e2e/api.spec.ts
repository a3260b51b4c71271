// The API's edge on the running server: health and the model list answer without
// loading the model, and bodies are refused with the right status and a JSON error.
import { expect, test } from "@playwright/test";
import { MAX_BODY_BYTES } from "../lib/http.ts";

test("GET /api/health names the served model and the queue", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ ok: true, model: expect.stringMatching(/\S/), queue: expect.any(Number) });
});

test("GET /api/models lists the served model with its limits and defaults", async ({ request }) => {
  const { model } = (await (await request.get("/api/health")).json()) as { model: string };
  const { models } = (await (await request.get("/api/models")).json()) as { models: unknown[] };
  expect(models).toContainEqual({
    id: model,
    maxSequenceLength: expect.any(Number),
    defaults: expect.objectContaining({ genLength: expect.any(Number), blockLength: expect.any(Number), threshold: expect.any(Number) }),
  });
});

test("a body over the limit gets 413 (under /api and /v1), one not sent as JSON 415, and one that is not JSON 400, each with a JSON error", async ({ request }) => {
  const cases: [number, { data: string; headers: Record<string, string> }][] = [
    [413, { data: JSON.stringify({ message: "x".repeat(MAX_BODY_BYTES) }), headers: { "Content-Type": "application/json" } }],
    [415, { data: JSON.stringify({ message: "Build a counter" }), headers: { "Content-Type": "text/plain" } }],
    [400, { data: '{"message": "Build a counter"', headers: { "Content-Type": "application/json" } }],
  ];
  for (const [status, body] of cases) {
    const res = await request.post("/api/generate", body);
    expect(res.status()).toBe(status);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/\S/) });
    // The OpenAI-compatible routes read bodies the same way and answer in OpenAI's error format.
    const v1 = await request.post("/v1/chat/completions", body);
    expect(v1.status()).toBe(status);
    expect(await v1.json()).toEqual({ error: expect.objectContaining({ message: expect.stringMatching(/\S/), type: "invalid_request_error" }) });
  }
});
