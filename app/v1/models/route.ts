import { engine } from "@/lib/engine";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The model this server runs, in OpenAI's list format. */
export async function GET() {
  const id = await engine().whenReady();
  return Response.json({ object: "list", data: [{ id, object: "model", created: 0, owned_by: "unmask" }] });
}
