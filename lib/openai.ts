// The OpenAI-compatible surface (/v1): its request shapes, and engine events turned
// into OpenAI's chat.completion and text_completion objects and stream chunks.
import { z } from "zod";
import type { GenerateOptions, Job, Stats } from "../engine/engine.ts";
import { MASK_GLYPH } from "../engine/glyph.ts";
import type { PoolEvent } from "../engine/pool.ts";
import { refineJob } from "./follow-up.ts";
import { MAX_MESSAGE_CHARS } from "./schemas.ts";

const MAX_DOCUMENT_CHARS = 20_000;

const Sampling = {
  model: z.string().max(200).optional(),
  max_tokens: z.number().int().min(1).max(4096).optional(),
  temperature: z.number().min(0).max(2).optional(),
  top_p: z.number().gt(0).max(1).optional(),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  stream: z.boolean().optional(),
};

const Content = z.union([
  z.string().max(MAX_DOCUMENT_CHARS),
  z.array(z.object({ type: z.literal("text"), text: z.string().max(MAX_DOCUMENT_CHARS) })).max(16),
]);

export const ChatCompletionRequest = z.object({
  ...Sampling,
  messages: z
    .array(z.object({ role: z.enum(["system", "user", "assistant", "developer", "tool"]), content: Content.nullable().optional() }))
    .min(1, "messages is empty")
    .max(64),
  /** Inception's Mercury extension: stream the whole canvas, masks and all, at every step. */
  diffusing: z.boolean().optional(),
});
export type ChatCompletionRequest = z.infer<typeof ChatCompletionRequest>;

export const FimCompletionRequest = z.object({
  ...Sampling,
  prompt: z.string().max(MAX_DOCUMENT_CHARS),
  suffix: z.string().max(MAX_DOCUMENT_CHARS).optional(),
});
export type FimCompletionRequest = z.infer<typeof FimCompletionRequest>;

/** Tokens a fill-in-the-middle request writes when it names no max_tokens. */
const FIM_DEFAULT_TOKENS = 32;

function text(content: z.infer<typeof Content> | null | undefined): string {
  if (!content) return "";
  return typeof content === "string" ? content : content.map((p) => p.text).join("");
}

function sampling(r: { max_tokens?: number; temperature?: number; top_p?: number; seed?: number }): GenerateOptions {
  return { genLength: r.max_tokens, temperature: r.temperature, topP: r.top_p, seed: r.seed };
}

/**
 * The engine job for a chat: the last user message is the request; when an earlier
 * assistant message holds an app, the request refines it.
 */
export function chatJob(r: ChatCompletionRequest): { job: Job; options: GenerateOptions } | { error: string } {
  const lastUser = r.messages.findLastIndex((m) => m.role === "user");
  const request = lastUser >= 0 ? text(r.messages[lastUser].content).trim() : "";
  if (!request) return { error: "no user message with text" };
  if (request.length > MAX_MESSAGE_CHARS) return { error: `the last user message is longer than ${MAX_MESSAGE_CHARS} characters` };
  const artifact = r.messages
    .slice(0, lastUser)
    .filter((m) => m.role === "assistant")
    .map((m) => text(m.content))
    .findLast((t) => /<html|<!doctype/i.test(t));
  const job: Job = artifact ? refineJob(artifact, request) : { kind: "generate", conversation: { request } };
  return { job, options: sampling(r) };
}

/**
 * Fill in the middle: the text between prompt and suffix, by infilling max_tokens masks there.
 * Without a suffix, a completion: the model writes on from the prompt, at most max_tokens, and
 * ends where it ends (infilling would make the document end after exactly that many tokens).
 */
export function fimJob(r: FimCompletionRequest): { job: Job; options: GenerateOptions } {
  const suffix = r.suffix ?? "";
  const at = r.prompt.length;
  const length = r.max_tokens ?? FIM_DEFAULT_TOKENS;
  const job: Job = suffix ? { kind: "infill", text: r.prompt + suffix, spans: [{ start: at, end: at, length }] } : { kind: "continue", text: r.prompt, request: "", length };
  return { job, options: { ...sampling(r), genLength: undefined } };
}

function usage(s: Stats) {
  return { prompt_tokens: s.promptTokens, completion_tokens: s.tokens, total_tokens: s.promptTokens + s.tokens };
}

const created = () => Math.floor(Date.now() / 1000);

export function chatCompletion(id: string, model: string, content: string, stats: Stats) {
  return {
    id,
    object: "chat.completion",
    created: created(),
    model,
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop", logprobs: null }],
    usage: usage(stats),
  };
}

export function fimCompletion(id: string, model: string, middle: string, stats: Stats) {
  return {
    id,
    object: "text_completion",
    created: created(),
    model,
    choices: [{ index: 0, text: middle, finish_reason: "length", logprobs: null }],
    usage: usage(stats),
  };
}

/** The middle of an infilled document: what lies between the kept prompt and suffix. */
export function middleOf(document: string, prompt: string, suffix: string): string {
  return document.slice(prompt.length, document.length - suffix.length);
}

/**
 * chat.completion.chunk objects for a stream of engine events. Plain streams send text
 * once it is settled (the canvas up to its first mask) as deltas; with `diffusing`,
 * every step sends the whole canvas, masks included, which replaces the previous one.
 * Time spent queued sends nothing beyond the first chunk (OpenAI's format has no place for it).
 */
export async function* chatChunks(id: string, model: string, events: AsyncIterable<PoolEvent>, diffusing: boolean) {
  const chunk = (delta: object, finish: string | null = null, extra: object = {}) => ({
    id,
    object: "chat.completion.chunk",
    created: created(),
    model,
    choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
    ...extra,
  });
  yield chunk({ role: "assistant", content: "" });
  let sent = "";
  for await (const e of events) {
    if (e.type === "frame") {
      if (diffusing) yield chunk({ content: e.text });
      else {
        const cut = e.text.indexOf(MASK_GLYPH);
        const settled = cut < 0 ? e.text : e.text.slice(0, cut);
        if (settled.length > sent.length && settled.startsWith(sent)) {
          yield chunk({ content: settled.slice(sent.length) });
          sent = settled;
        }
      }
    } else if (e.type === "done") {
      const rest = diffusing ? e.artifact : e.artifact.startsWith(sent) ? e.artifact.slice(sent.length) : "";
      if (rest) yield chunk({ content: rest });
      yield chunk({}, "stop", { usage: usage(e.stats) });
    }
  }
}

/** OpenAI's error body. */
export const openaiError = (message: string, type: string) => ({ error: { message, type, param: null, code: null } });
