import { randomUUID } from "node:crypto";
import { engine } from "@/lib/engine";
import { startJob } from "@/lib/engine-start";
import { FimCompletionRequest, fimCompletion, fimJob, middleOf, openaiError } from "@/lib/openai";
import { openaiBody, servedModel } from "@/lib/openai-http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Fill in the middle: prompt + suffix -> the text between them, by masked infilling. */
export async function POST(request: Request) {
  const body = await openaiBody(request, FimCompletionRequest);
  if ("response" in body) return body.response;
  const { job, options } = fimJob(body.data);
  const served = await servedModel(body.data.model);
  if ("response" in served) return served.response;
  const { model } = served;
  const started = await startJob(engine().run(job, options, request.signal), openaiError, true);
  if ("response" in started) return started.response;
  for await (const e of started.events) {
    if (e.type === "done") {
      const middle = middleOf(e.artifact, body.data.prompt, body.data.suffix ?? "");
      return Response.json(fimCompletion(`fim-${randomUUID()}`, model, middle, e.stats));
    }
  }
  return Response.json(openaiError("the infill ended without a result", "server_error"), { status: 500 });
}
