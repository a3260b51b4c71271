// The OpenAI-compatible surface, driven by the official `openai` npm client against
// the running server and its real engine.
import { expect, test } from "@playwright/test";
import OpenAI from "openai";
import { MASK_GLYPH } from "../engine/glyph.ts";
import { FAST_SERVER } from "./servers.ts";

const client = new OpenAI({ baseURL: `${FAST_SERVER}/v1`, apiKey: "unused", maxRetries: 0 });

test("models lists the served model", async () => {
  const models = await client.models.list();
  expect(models.data.map((m) => m.id)).toEqual(["unmask-tiny"]);
});

test("chat completions answer with the generated text and its usage", async () => {
  const r = await client.chat.completions.create({ model: "unmask-tiny", messages: [{ role: "user", content: "Build a counter app" }], max_tokens: 40, seed: 1 });
  expect(r.object).toBe("chat.completion");
  expect(r.choices[0].message.role).toBe("assistant");
  expect(typeof r.choices[0].message.content).toBe("string");
  expect(r.choices[0].message.content).not.toContain(MASK_GLYPH);
  expect(r.usage!.prompt_tokens).toBeGreaterThan(3);
  expect(r.usage!.completion_tokens).toBeLessThanOrEqual(40);
  const again = await client.chat.completions.create({ model: "unmask-tiny", messages: [{ role: "user", content: "Build a counter app" }], max_tokens: 40, seed: 1 });
  expect(again.choices[0].message.content).toBe(r.choices[0].message.content);
});

test("a plain stream sends settled text as deltas that add up to the answer", async () => {
  const body = { model: "unmask-tiny", messages: [{ role: "user" as const, content: "Build a counter app" }], max_tokens: 40, seed: 1 };
  const whole = await client.chat.completions.create(body);
  const stream = await client.chat.completions.create({ ...body, stream: true });
  let text = "";
  let finish: string | null = null;
  for await (const chunk of stream) {
    expect(chunk.object).toBe("chat.completion.chunk");
    const delta = chunk.choices[0].delta.content ?? "";
    expect(delta).not.toContain(MASK_GLYPH);
    text += delta;
    finish = chunk.choices[0].finish_reason ?? finish;
  }
  expect(finish).toBe("stop");
  expect(text).toBe(whole.choices[0].message.content);
});

test('with "diffusing": true every chunk carries the whole canvas, masks and all', async () => {
  // `diffusing` is Inception's Mercury extension, not in the client's types.
  const params: OpenAI.ChatCompletionCreateParamsStreaming & { diffusing: boolean } = {
    model: "unmask-tiny",
    messages: [{ role: "user", content: "Build a counter app" }],
    max_tokens: 32,
    stream: true,
    diffusing: true,
  };
  const stream = await client.chat.completions.create(params);
  const canvases: string[] = [];
  for await (const chunk of stream) if (chunk.choices[0].delta.content) canvases.push(chunk.choices[0].delta.content);
  expect(canvases.length).toBeGreaterThan(2);
  expect(canvases[0]).toContain(MASK_GLYPH);
  expect(canvases.at(-1)).not.toContain(MASK_GLYPH);
});

test("fill-in-the-middle writes the text between prompt and suffix", async () => {
  const prompt = "<!DOCTYPE html>\n<html>\n<body>\n<button id=\"go\">";
  const suffix = "</button>\n</body>\n</html>\n";
  const r = (await client.post("/fim/completions", { body: { model: "unmask-tiny", prompt, suffix, max_tokens: 4 } })) as {
    object: string;
    choices: { text: string }[];
    usage: { completion_tokens: number };
  };
  expect(r.object).toBe("text_completion");
  expect(typeof r.choices[0].text).toBe("string");
  expect(r.usage.completion_tokens).toBe(4);
});

test("without a suffix, a completion writes on from the prompt, at most max_tokens", async () => {
  const prompt = "<!DOCTYPE html>\n<html>\n<body>\n<h1>";
  const r = (await client.post("/fim/completions", { body: { model: "unmask-tiny", prompt, max_tokens: 6 } })) as {
    choices: { text: string }[];
    usage: { completion_tokens: number };
  };
  expect(r.choices[0].text.length).toBeGreaterThan(0);
  expect(r.usage.completion_tokens).toBeGreaterThan(0);
  expect(r.usage.completion_tokens).toBeLessThanOrEqual(6);
});

test("bad requests get OpenAI-style 4xx errors", async () => {
  await expect(client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] })).rejects.toMatchObject({ status: 404 });
  await expect(client.chat.completions.create({ model: "unmask-tiny", messages: [] })).rejects.toMatchObject({ status: 400 });
  await expect(
    client.chat.completions.create({ model: "unmask-tiny", messages: [{ role: "user", content: "x".repeat(300_000) }] }),
  ).rejects.toMatchObject({ status: 413 });
  await expect(client.post("/fim/completions", { body: { prompt: 42 } })).rejects.toMatchObject({ status: 400 });
});
