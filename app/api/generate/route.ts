import { engine } from "@/lib/engine";
import { startJob } from "@/lib/engine-start";
import { GenerateInConversationRequest } from "@/lib/conversation-schemas";
import { db } from "@/lib/db";
import { messageJob } from "@/lib/follow-up";
import { notFound, validateBody } from "@/lib/http";
import { recordGeneration } from "@/lib/record-generation";
import { SSE_HEADERS, sseStream } from "@/lib/sse";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * POST {message, conversationId?} -> a stream of engine events: frames, then the finished
 * artifact. With a conversation id, the exchange and the artifact are saved there; when
 * that conversation already has an artifact, the message refines it.
 */
export async function POST(request: Request) {
  const body = await validateBody(request, GenerateInConversationRequest);
  if (body.error) return body.error;
  const { message, seed, conversationId } = body.data;
  if (conversationId && !db().get(conversationId)) return notFound("conversation");
  const { job, kind } = messageJob(message, conversationId ? db().head(conversationId)?.html : undefined);
  const started = await startJob(engine().run(job, { seed }, request.signal));
  if ("response" in started) return started.response;
  const events = conversationId ? recordGeneration(db(), conversationId, message, kind, started.events, request.signal) : started.events;
  const stream = sseStream(events, (e) => ({ type: "error", message: (e as Error).message }));
  return new Response(stream, { headers: SSE_HEADERS });
}
