import { CreateConversationRequest } from "@/lib/conversation-schemas";
import { db } from "@/lib/db";
import { validateBody } from "@/lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET -> every conversation, most recently used first. */
export function GET() {
  return Response.json({ conversations: db().list() });
}

/** POST {title?} -> a new, empty conversation. */
export async function POST(request: Request) {
  const body = await validateBody(request, CreateConversationRequest);
  if (body.error) return body.error;
  return Response.json(db().create(body.data.title ?? null), { status: 201 });
}
