"use client";
import { useEffect, useRef, type ReactNode } from "react";
import type { Message } from "@/lib/db";
import { Composer } from "./composer";

interface ChatPanelProps {
  title: string;
  messages: Message[];
  busy: boolean;
  onSend: (message: string) => void;
  onStop: () => void;
  /** Buttons for the header (the sidebar toggle, the theme). */
  actions: ReactNode;
}

/** The conversation: its messages, and the composer. */
export function ChatPanel({ title, messages, busy, onSend, onStop, actions }: ChatPanelProps) {
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: "end" });
  }, [messages.length]);

  return (
    <section aria-label="Chat" className="flex h-[28rem] min-h-0 flex-col border-slate-200 bg-white md:h-full dark:border-slate-800 dark:bg-slate-900">
      <header className="panel-bar">
        <h1 className="min-w-0 flex-1 truncate font-semibold">{title}</h1>
        {actions}
      </header>
      <div className="min-h-0 flex-1 overflow-auto p-3">
        {messages.length === 0 && <p className="text-sm text-slate-500">Ask for an app. The model writes it in a few denoising passes; you can then edit it, run it and keep every version.</p>}
        <ol aria-label="Messages" className="space-y-2">
          {messages.map((m) => (
            <li
              key={m.id}
              className={
                m.role === "user"
                  ? "ml-8 rounded-lg bg-blue-600 px-3 py-2 text-sm whitespace-pre-wrap text-white"
                  : `mr-8 rounded-lg px-3 py-2 text-sm ${m.status === "interrupted" ? "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100" : "bg-slate-100 dark:bg-slate-800"}`
              }
            >
              <span className="sr-only">{m.role === "user" ? "You: " : "Unmask: "}</span>
              {m.text}
            </li>
          ))}
        </ol>
        <div ref={end} />
      </div>
      <Composer busy={busy} onSend={onSend} onStop={onStop} />
    </section>
  );
}
