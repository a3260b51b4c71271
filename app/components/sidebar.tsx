"use client";
import { useState } from "react";
import type { Conversation } from "@/lib/db";

export const UNTITLED = "New conversation";

interface SidebarProps {
  conversations: Conversation[] | null;
  currentId: string | null;
  /** While a generation runs, the open conversation stays open. */
  disabled: boolean;
  onNew: () => void;
  onOpen: (id: string) => void;
  onRename: (id: string, title: string) => void;
  onDelete: (id: string) => void;
}

/** The conversations: create, switch, rename and delete. */
export function Sidebar({ conversations, currentId, disabled, onNew, onOpen, onRename, onDelete }: SidebarProps) {
  return (
    <nav aria-label="Conversations" className="flex h-full min-h-0 flex-col bg-slate-100 dark:bg-slate-900">
      <div className="panel-bar bg-transparent dark:bg-transparent">
        <span className="flex-1 font-semibold">Unmask</span>
        <button type="button" className="btn" onClick={onNew} disabled={disabled}>
          + New conversation
        </button>
      </div>
      <ul className="min-h-0 flex-1 overflow-auto p-1">
        {conversations?.length === 0 && <li className="p-2 text-sm text-slate-500">No conversations yet.</li>}
        {conversations?.map((c) => (
          <SidebarItem
            key={c.id}
            conversation={c}
            current={c.id === currentId}
            disabled={disabled}
            onOpen={() => onOpen(c.id)}
            onRename={(title) => onRename(c.id, title)}
            onDelete={() => onDelete(c.id)}
          />
        ))}
      </ul>
    </nav>
  );
}

interface SidebarItemProps {
  conversation: Conversation;
  current: boolean;
  disabled: boolean;
  onOpen: () => void;
  onRename: (title: string) => void;
  onDelete: () => void;
}

function SidebarItem({ conversation, current, disabled, onOpen, onRename, onDelete }: SidebarItemProps) {
  const [mode, setMode] = useState<"view" | "rename" | "delete">("view");
  const title = conversation.title ?? UNTITLED;

  if (mode === "rename") {
    return (
      <li className="p-1">
        <form
          className="flex gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            const value = new FormData(e.currentTarget).get("title")?.toString().trim();
            if (value) onRename(value);
            setMode("view");
          }}
        >
          <input
            name="title"
            aria-label="Conversation title"
            defaultValue={conversation.title ?? ""}
            autoFocus
            maxLength={120}
            onKeyDown={(e) => e.key === "Escape" && setMode("view")}
            className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-1 text-sm dark:border-slate-700 dark:bg-slate-950"
          />
          <button type="submit" className="btn">
            Save
          </button>
        </form>
      </li>
    );
  }

  if (mode === "delete") {
    return (
      <li className="flex items-center gap-1 rounded bg-red-50 p-1 text-sm dark:bg-red-950">
        <span className="min-w-0 flex-1 truncate">Delete “{title}”?</span>
        <button type="button" className="btn border-red-400 text-red-700 dark:text-red-300" onClick={onDelete}>
          Delete
        </button>
        <button type="button" className="btn" onClick={() => setMode("view")}>
          Cancel
        </button>
      </li>
    );
  }

  return (
    <li className={`group flex items-center rounded ${current ? "bg-white shadow-sm dark:bg-slate-800" : "hover:bg-slate-200 dark:hover:bg-slate-800"}`}>
      <button
        type="button"
        onClick={onOpen}
        disabled={disabled && !current}
        aria-current={current ? "page" : undefined}
        className="min-w-0 flex-1 truncate px-2 py-1.5 text-left text-sm disabled:opacity-50"
      >
        {title}
      </button>
      <button type="button" className="btn-icon" disabled={disabled} onClick={() => setMode("rename")} aria-label={`Rename “${title}”`} title="Rename">
        ✎
      </button>
      <button type="button" className="btn-icon" disabled={disabled} onClick={() => setMode("delete")} aria-label={`Delete “${title}”`} title="Delete">
        ×
      </button>
    </li>
  );
}
