// The HTTP edge of the /v1 routes: bodies read with a size limit and validated,
// the served model checked, errors in OpenAI's format, and SSE ending in [DONE].
import type { z } from "zod";
import { engine } from "./engine.ts";
import { readJson } from "./http.ts";
import { openaiError } from "./openai.ts";
import { SSE_HEADERS, sseStream } from "./sse.ts";

const fail = (status: number, message: string, type = "invalid_request_error") => ({ response: Response.json(openaiError(message, type), { status }) });

/** The request's JSON body (read as every route reads it: lib/http.ts) validated against `schema`, or the error response to send. */
export async function openaiBody<T>(request: Request, schema: z.ZodType<T>): Promise<{ data: T } | { response: Response }> {
  const body = await readJson(request);
  if ("status" in body) return fail(body.status, body.message);
  const parsed = schema.safeParse(body.json);
  if (!parsed.success) return fail(400, parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  return { data: parsed.data };
}

/** The id of the model this server runs, or a 404 when the request names another. */
export async function servedModel(requested: string | undefined): Promise<{ model: string } | { response: Response }> {
  const model = await engine().whenReady();
  if (requested && requested !== model) return fail(404, `The model '${requested}' does not exist; this server runs '${model}'`, "not_found_error");
  return { model };
}

/** An OpenAI-style event stream: one `data:` line per chunk, then `data: [DONE]`. */
export function sseWithDone(chunks: AsyncIterable<unknown>): Response {
  const stream = sseStream(chunks, (e) => openaiError((e as Error).message, "server_error"), "[DONE]");
  return new Response(stream, { headers: SSE_HEADERS });
}
