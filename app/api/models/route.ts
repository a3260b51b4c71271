import { listModels } from "@/lib/models";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET -> {models: [{id, maxSequenceLength, defaults}]}: every model folder under models/. */
export function GET() {
  return Response.json({ models: listModels() });
}
