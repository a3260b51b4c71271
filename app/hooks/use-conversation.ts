"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { BrowserVersionKind } from "@/lib/conversation-schemas";
import type { ConversationDetail, Message, Version } from "@/lib/db";
import { conversationsApi } from "@/lib/conversations-client";
import { messageKind } from "@/lib/follow-up";
import type { InfillRequest } from "@/lib/infill";
import { maskedText } from "@/lib/regions";
import { artifactReply, failedReply, STOPPED_REPLY } from "@/lib/replies";
import { useDenoisingStream, type StreamOutcome } from "./use-denoising-stream";

// Messages and versions shown before the server's copies arrive get negative ids.
let localIds = 0;
const localId = () => --localIds;

function local<T extends Message | Version>(item: Omit<T, "id" | "createdAt">): T {
  return { ...item, id: localId(), createdAt: Date.now() } as T;
}

/**
 * The open conversation (named in the address as ?c=ID, so a reload reopens it): its
 * messages and versions, sending a request (a generation, or once there is an artifact a
 * refinement of it), regenerating a region, and the versions the browser makes.
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
      // The server decides the same way, from the same current version.
      const kind = messageKind(detail?.versions.at(-1)?.html);
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
        const version = local<Version>({ parentId: null, kind, html: outcome.artifact });
        update(conversationId, (d) => ({ ...d, versions: [...d.versions, version] }));
        say({ role: "assistant", text: artifactReply(outcome.stats, kind), status: "complete", versionId: version.id });
        await refetch(conversationId);
      } else {
        say({ role: "assistant", text: outcome.status === "stopped" ? STOPPED_REPLY : failedReply(outcome.message), status: "interrupted", versionId: null });
      }
      onSaved();
    },
    [detail?.id, detail?.versions, open, update, refetch, run, onSaved],
  );

  const addVersion = useCallback(
    async (conversationId: string, html: string, kind: BrowserVersionKind = "edit") => {
      const version = await conversationsApi.addVersion(conversationId, html, kind);
      update(conversationId, (d) => ({ ...d, versions: [...d.versions, version] }));
      onSaved();
    },
    [update, onSaved],
  );

  /** Regenerates the request's region by infilling (shown masked, then filling in); the result becomes a version. */
  const regenerate = useCallback(
    async (conversationId: string, request: InfillRequest, kind: Exclude<BrowserVersionKind, "edit">): Promise<StreamOutcome> => {
      const outcome = await run("/api/infill", request, maskedText(request));
      if (outcome.status !== "done") return outcome;
      // Shown at once (the editor takes it over from the canvas), replaced by the saved copy.
      const draft = local<Version>({ parentId: null, kind, html: outcome.artifact });
      update(conversationId, (d) => ({ ...d, versions: [...d.versions, draft] }));
      try {
        const version = await conversationsApi.addVersion(conversationId, outcome.artifact, kind);
        update(conversationId, (d) => ({ ...d, versions: d.versions.map((v) => (v === draft ? version : v)) }));
        onSaved();
        return outcome;
      } catch (e) {
        update(conversationId, (d) => ({ ...d, versions: d.versions.filter((v) => v !== draft) }));
        return { status: "failed", message: (e as Error).message };
      }
    },
    [run, update, onSaved],
  );

  const restore = useCallback(
    async (conversationId: string, versionId: number) => {
      const version = await conversationsApi.restore(conversationId, versionId);
      update(conversationId, (d) => ({ ...d, versions: [...d.versions, version] }));
      onSaved();
    },
    [update, onSaved],
  );

  return { detail, open, send, stop, busy, canvas, progress, addVersion, regenerate, restore };
}
