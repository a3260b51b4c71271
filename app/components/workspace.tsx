"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useConversation } from "@/app/hooks/use-conversation";
import { useConversations } from "@/app/hooks/use-conversations";
import { conversationsApi } from "@/lib/conversations-client";
import { ArtifactPanel } from "./artifact-panel";
import { ChatPanel } from "./chat-panel";
import { Sidebar, UNTITLED } from "./sidebar";
import { Split } from "./split";
import { ThemeToggle } from "./theme-toggle";

/** The whole page: conversations, chat, and the artifact being written, edited and run. */
export function Workspace() {
  const list = useConversations();
  const refreshList = list.refresh;
  const onSaved = useCallback(() => void refreshList(), [refreshList]);
  const conversation = useConversation(onSaved);
  const { detail, busy, stop, open } = conversation;
  const [sidebarOpen, setSidebarOpen] = useState(false);
  // The artifact panel's unsaved edits, saved before a follow-up message refines the artifact.
  const flushEdits = useRef<(() => Promise<void>) | null>(null);

  // Esc stops a generation wherever the focus is.
  useEffect(() => {
    if (!busy) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && stop();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [busy, stop]);

  async function createConversation() {
    const created = await conversationsApi.create();
    await open(created.id, { ...created, messages: [], versions: [] });
    await refreshList();
  }

  async function send(message: string) {
    await flushEdits.current?.();
    await conversation.send(message);
  }

  async function deleteConversation(id: string) {
    await list.remove(id);
    if (id === detail?.id) await open(null);
  }

  const conversationId = detail?.id ?? null;
  // The list holds the latest names (a rename, a title taken from the first request).
  const title = list.conversations?.find((c) => c.id === conversationId)?.title ?? detail?.title ?? UNTITLED;
  return (
    <div className="flex min-h-dvh flex-col md:h-dvh md:flex-row">
      <div className={`${sidebarOpen ? "block" : "hidden"} h-64 shrink-0 border-b border-slate-200 md:block md:h-full md:w-64 md:border-r md:border-b-0 dark:border-slate-800`}>
        <Sidebar
          conversations={list.conversations}
          currentId={conversationId}
          disabled={busy}
          onNew={() => void createConversation()}
          onOpen={(id) => void open(id)}
          onRename={(id, t) => void list.rename(id, t)}
          onDelete={(id) => void deleteConversation(id)}
        />
      </div>
      <Split
        className="flex-1"
        label="Resize chat and artifact"
        initial={32}
        storageKey="unmask-split-chat"
        first={
          <ChatPanel
            title={title}
            messages={detail?.messages ?? []}
            busy={busy}
            onSend={(m) => void send(m)}
            onStop={stop}
            actions={
              <>
                <button
                  type="button"
                  className="btn-icon md:hidden"
                  aria-expanded={sidebarOpen}
                  aria-label={sidebarOpen ? "Hide conversations" : "Show conversations"}
                  onClick={() => setSidebarOpen((o) => !o)}
                >
                  ☰
                </button>
                <ThemeToggle />
              </>
            }
          />
        }
        second={
          <ArtifactPanel
            key={conversationId ?? "new"}
            title={title}
            versions={detail?.versions ?? []}
            canvas={conversation.canvas}
            progress={conversation.progress}
            // Bound to this panel's conversation (it has versions only once there is one), so an
            // edit saved as the panel goes away lands where it was made.
            onSaveVersion={(html) => conversation.addVersion(conversationId!, html)}
            onRestore={(versionId) => conversation.restore(conversationId!, versionId)}
            onRegenerate={(request, kind) => conversation.regenerate(conversationId!, request, kind)}
            flushEdits={flushEdits}
          />
        }
      />
    </div>
  );
}
