// What every route handler does at its edge: read, parse and validate, and answer errors as JSON.
import type { z } from "zod";

/** The largest request body a route reads. */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * A request's body parsed as JSON, or why not: 415 unless it is sent as application/json
 * (which also keeps out other sites' plain form posts, since a page cannot send that type
 * elsewhere without a CORS preflight), 413 when it is larger than `maxBytes` (never reading
 * more than that), 400 when it is not UTF-8 JSON.
 */
export async function readJson(request: Request, maxBytes = MAX_BODY_BYTES): Promise<{ json: unknown } | { status: 400 | 413 | 415; message: string }> {
  const type = request.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (type !== "application/json") return { status: 415, message: "send the body as application/json" };
  const tooLarge = { status: 413, message: `the body is larger than ${maxBytes} bytes` } as const;
  if (Number(request.headers.get("content-length")) > maxBytes) return tooLarge;
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = request.body?.getReader();
    for (let r = await reader?.read(); reader && r && !r.done; r = await reader.read()) {
      size += r.value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return tooLarge;
      }
      chunks.push(r.value);
    }
    return { json: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks))) };
  } catch {
    return { status: 400, message: "the body is not JSON" };
  }
}

/** The validated value, or a 400 response naming what is wrong. */
export function validate<T>(schema: z.ZodType<T>, value: unknown): { data: T; error?: undefined } | { error: Response } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { data: parsed.data };
  return { error: Response.json({ error: parsed.error.issues.map((i) => i.message).join("; ") || "invalid request" }, { status: 400 }) };
}

/** A request's JSON body, validated; or the error response readJson or the schema calls for. */
export async function validateBody<T>(request: Request, schema: z.ZodType<T>): Promise<{ data: T; error?: undefined } | { error: Response }> {
  const body = await readJson(request);
  if ("status" in body) return { error: Response.json({ error: body.message }, { status: body.status }) };
  return validate(schema, body.json);
}

export function notFound(what: string): Response {
  return Response.json({ error: `${what} not found` }, { status: 404 });
}
