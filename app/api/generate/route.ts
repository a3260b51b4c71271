import { engine } from "@/lib/engine";
import { GenerateRequest } from "@/lib/schemas";
import { SSE_HEADERS, sseStream } from "@/lib/sse";
import { QueueFullError } from "@/engine/pool";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST {message} -> a stream of engine events: frames, then the finished artifact. */
export async function POST(request: Request) {
  const body = await request.json().catch(() => undefined);
  const parsed = GenerateRequest.safeParse(body);
  if (!parsed.success) {
    return Response.json({ error: parsed.error.issues.map((i) => i.message).join("; ") || "invalid request" }, { status: 400 });
  }
  const { message, seed } = parsed.data;
  const events = engine().generate({ request: message }, { seed }, request.signal);
  const stream = sseStream(events, (e) =>
    e instanceof QueueFullError ? { type: "error", message: e.message, retryAfter: e.retryAfterSeconds } : { type: "error", message: (e as Error).message },
  );
  return new Response(stream, { headers: SSE_HEADERS });
}
