import { randomUUID } from "node:crypto";
import { engine } from "@/lib/engine";
import { startJob } from "@/lib/engine-start";
import { ChatCompletionRequest, chatChunks, chatCompletion, chatJob, openaiError } from "@/lib/openai";
import { openaiBody, servedModel, sseWithDone } from "@/lib/openai-http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** OpenAI-compatible chat completions, streamed or not; `"diffusing": true` streams the whole canvas each step. */
export async function POST(request: Request) {
  const body = await openaiBody(request, ChatCompletionRequest);
  if ("response" in body) return body.response;
  const planned = chatJob(body.data);
  if ("error" in planned) return Response.json(openaiError(planned.error, "invalid_request_error"), { status: 400 });
  const served = await servedModel(body.data.model);
  if ("response" in served) return served.response;
  const { model } = served;
  const started = await startJob(engine().run(planned.job, planned.options, request.signal), openaiError, !body.data.stream);
  if ("response" in started) return started.response;
  const id = `chatcmpl-${randomUUID()}`;
  if (body.data.stream) return sseWithDone(chatChunks(id, model, started.events, body.data.diffusing ?? false));
  for await (const e of started.events) if (e.type === "done") return Response.json(chatCompletion(id, model, e.artifact, e.stats));
  return Response.json(openaiError("the generation ended without a result", "server_error"), { status: 500 });
}
