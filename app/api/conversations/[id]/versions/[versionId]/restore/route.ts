import { ConversationId, VersionId } from "@/lib/conversation-schemas";
import { db } from "@/lib/db";
import { notFound, validate } from "@/lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST -> a new current version that copies this earlier one. */
export async function POST(_request: Request, { params }: { params: Promise<{ id: string; versionId: string }> }) {
  const p = await params;
  const id = validate(ConversationId, p.id);
  if (id.error) return id.error;
  const versionId = validate(VersionId, p.versionId);
  if (versionId.error) return versionId.error;
  const restored = db().restore(id.data, versionId.data);
  return restored ? Response.json(restored, { status: 201 }) : notFound("version");
}
