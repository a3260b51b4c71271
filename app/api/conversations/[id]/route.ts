import { ConversationId, RenameConversationRequest } from "@/lib/conversation-schemas";
import { db } from "@/lib/db";
import { notFound, validate, validateBody } from "@/lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

/** GET -> the conversation with its messages and versions (oldest first). */
export async function GET(_request: Request, { params }: Context) {
  const id = validate(ConversationId, (await params).id);
  if (id.error) return id.error;
  const detail = db().detail(id.data);
  return detail ? Response.json(detail) : notFound("conversation");
}

/** PATCH {title} -> the renamed conversation. */
export async function PATCH(request: Request, { params }: Context) {
  const id = validate(ConversationId, (await params).id);
  if (id.error) return id.error;
  const body = await validateBody(request, RenameConversationRequest);
  if (body.error) return body.error;
  const renamed = db().rename(id.data, body.data.title);
  return renamed ? Response.json(renamed) : notFound("conversation");
}

/** DELETE -> 204, with its messages and versions gone. */
export async function DELETE(_request: Request, { params }: Context) {
  const id = validate(ConversationId, (await params).id);
  if (id.error) return id.error;
  return db().delete(id.data) ? new Response(null, { status: 204 }) : notFound("conversation");
}
