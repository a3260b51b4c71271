"use client";
import { useState } from "react";

interface ComposerProps {
  busy: boolean;
  onSend: (message: string) => void;
  onStop: () => void;
}

/** The message box: Enter or Ctrl/Cmd+Enter sends, Shift+Enter starts a new line; Stop while busy. */
export function Composer({ busy, onSend, onStop }: ComposerProps) {
  const [draft, setDraft] = useState("");

  function send() {
    const message = draft.trim();
    if (!message || busy) return;
    setDraft("");
    onSend(message);
  }

  return (
    <form
      className="flex shrink-0 items-end gap-2 border-t border-slate-200 p-3 dark:border-slate-800"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <textarea
        aria-label="Message"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            send();
          }
        }}
        placeholder="Describe an app, e.g. Build a simulated chat app"
        rows={2}
        className="min-w-0 flex-1 resize-none rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
      />
      {busy ? (
        <button type="button" onClick={onStop} className="btn-primary bg-slate-700 hover:bg-slate-800" aria-label="Stop generating" title="Stop (Esc)">
          Stop
        </button>
      ) : (
        <button type="submit" className="btn-primary" disabled={!draft.trim()}>
          Send
        </button>
      )}
    </form>
  );
}
