import { health } from "@/lib/health";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET -> {ok, model, queue}: answered at once, without loading the model. */
export function GET() {
  const h = health();
  return Response.json(h, { status: h.ok ? 200 : 503 });
}
