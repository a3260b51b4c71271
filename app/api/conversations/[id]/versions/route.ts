import { AddVersionRequest, ConversationId } from "@/lib/conversation-schemas";
import { db } from "@/lib/db";
import { notFound, validate, validateBody } from "@/lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST {html, kind?} -> a new current version made in the browser (a manual edit by default). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = validate(ConversationId, (await params).id);
  if (id.error) return id.error;
  const body = await validateBody(request, AddVersionRequest);
  if (body.error) return body.error;
  if (!db().get(id.data)) return notFound("conversation");
  return Response.json(db().addVersion(id.data, body.data.kind, body.data.html), { status: 201 });
}
