// The browser's calls to the conversation routes (app/api/conversations).
import type { BrowserVersionKind } from "./conversation-schemas.ts";
import type { Conversation, ConversationDetail, Version } from "./db.ts";

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { ...init, headers: init?.body ? { "Content-Type": "application/json" } : undefined });
  if (!res.ok) throw new Error(((await res.json().catch(() => ({}))) as { error?: string }).error ?? `HTTP ${res.status}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

const base = "/api/conversations";

export const conversationsApi = {
  list: () => call<{ conversations: Conversation[] }>(base).then((r) => r.conversations),
  create: () => call<Conversation>(base, { method: "POST", body: "{}" }),
  get: (id: string) => call<ConversationDetail>(`${base}/${id}`),
  rename: (id: string, title: string) => call<Conversation>(`${base}/${id}`, { method: "PATCH", body: JSON.stringify({ title }) }),
  remove: (id: string) => call<void>(`${base}/${id}`, { method: "DELETE" }),
  // keepalive: an edit saved as the page closes still arrives.
  addVersion: (id: string, html: string, kind: BrowserVersionKind = "edit") =>
    call<Version>(`${base}/${id}/versions`, { method: "POST", body: JSON.stringify({ html, kind }), keepalive: true }),
  restore: (id: string, versionId: number) => call<Version>(`${base}/${id}/versions/${versionId}/restore`, { method: "POST" }),
};
