import { engine } from "@/lib/engine";
import { startJob } from "@/lib/engine-start";
import { validateBody } from "@/lib/http";
import { InfillRequest, infillJob } from "@/lib/infill";
import { SSE_HEADERS, sseStream } from "@/lib/sse";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST {text, spans, instruction?} -> frames of the whole text as its spans fill in, then the result. */
export async function POST(request: Request) {
  const body = await validateBody(request, InfillRequest);
  if (body.error) return body.error;
  const started = await startJob(engine().run(infillJob(body.data), { seed: body.data.seed }, request.signal));
  if ("response" in started) return started.response;
  const stream = sseStream(started.events, (e) => ({ type: "error", message: (e as Error).message }));
  return new Response(stream, { headers: SSE_HEADERS });
}
