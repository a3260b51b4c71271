"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ConversationDetail, Message, Version } from "@/lib/db";
import { conversationsApi } from "@/lib/conversations-client";
import { artifactReply, failedReply, STOPPED_REPLY } from "@/lib/replies";
import { useDenoisingStream } from "./use-denoising-stream";

// Messages and versions shown before the server's copies arrive get negative ids.
let localIds = 0;
const localId = () => --localIds;

function local<T extends Message | Version>(item: Omit<T, "id" | "createdAt">): T {
  return { ...item, id: localId(), createdAt: Date.now() } as T;
}

/**
 * The open conversation (named in the address as ?c=ID, so a reload reopens it): its
 * messages and versions, sending a request, and the versions the browser makes.
 * `onSaved` runs when the list of conversations may have changed (a new one, a new title).
 */
export function useConversation(onSaved: () => void) {
  const [detail, setDetail] = useState<ConversationDetail | null>(null);
  const wanted = useRef<string | null>(null);
  const { run, stop, busy, canvas, progress } = useDenoisingStream();

  /** Changes the open conversation's state, unless another one was opened meanwhile. */
  const update = useCallback((id: string, change: (d: ConversationDetail) => ConversationDetail) => {
    setDetail((d) => (d && d.id === id ? change(d) : d));
  }, []);

  const open = useCallback(async (id: string | null, known?: ConversationDetail) => {
    wanted.current = id;
    const url = new URL(window.location.href);
    if (id) url.searchParams.set("c", id);
    else url.searchParams.delete("c");
    window.history.replaceState(null, "", url);
    const next = id ? (known ?? (await conversationsApi.get(id).catch(() => null))) : null;
    if (wanted.current !== id) return;
    setDetail(next);
    if (id && !next) await open(null); // deleted meanwhile, or a stale address
  }, []);

  useEffect(() => {
    void open(new URLSearchParams(window.location.search).get("c"));
  }, [open]);

  const refetch = useCallback(async (id: string) => {
    const saved = await conversationsApi.get(id).catch(() => null);
    if (saved && wanted.current === id) setDetail(saved);
  }, []);

  const send = useCallback(
    async (message: string) => {
      let id = detail?.id;
      if (!id) {
        const created = await conversationsApi.create();
        id = created.id;
        await open(id, { ...created, messages: [], versions: [] });
        onSaved();
      }
      const conversationId = id;
      const say = (m: Omit<Message, "id" | "createdAt">) => update(conversationId, (d) => ({ ...d, messages: [...d.messages, local<Message>(m)] }));
      say({ role: "user", text: message, status: "complete", versionId: null });
      const outcome = await run("/api/generate", { message, conversationId });
      if (outcome.status === "done") {
        // Shown at once; the server saved both before it sent `done`, and the refetch brings their ids.
        const version = local<Version>({ parentId: null, kind: "generate", html: outcome.artifact });
        update(conversationId, (d) => ({ ...d, versions: [...d.versions, version] }));
        say({ role: "assistant", text: artifactReply(outcome.stats), status: "complete", versionId: version.id });
        await refetch(conversationId);
      } else {
        say({ role: "assistant", text: outcome.status === "stopped" ? STOPPED_REPLY : failedReply(outcome.message), status: "interrupted", versionId: null });
      }
      onSaved();
    },
    [detail?.id, open, update, refetch, run, onSaved],
  );

  const addVersion = useCallback(
    async (conversationId: string, html: string) => {
      const version = await conversationsApi.addVersion(conversationId, html);
      update(conversationId, (d) => ({ ...d, versions: [...d.versions, version] }));
      onSaved();
    },
    [update, onSaved],
  );

  const restore = useCallback(
    async (conversationId: string, versionId: number) => {
      const version = await conversationsApi.restore(conversationId, versionId);
      update(conversationId, (d) => ({ ...d, versions: [...d.versions, version] }));
      onSaved();
    },
    [update, onSaved],
  );

  return { detail, open, send, stop, busy, canvas, progress, addVersion, restore };
}
