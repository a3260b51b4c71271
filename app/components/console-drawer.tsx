"use client";
import type { BridgeMessage } from "@/lib/sandbox";

export type ConsoleEntry = Exclude<BridgeMessage, { kind: "ready" }>;

export const isError = (e: ConsoleEntry) => e.kind === "error" || e.level === "error";

function describe(e: ConsoleEntry): string {
  if (e.kind === "console") return e.text;
  return `Error${e.line ? ` (line ${e.line}${e.column ? `, column ${e.column}` : ""})` : ""}: ${e.text}`;
}

/** What the artifact's console said: logs, and errors with the artifact's own line numbers. */
export function ConsoleDrawer({ entries, open }: { entries: ConsoleEntry[]; open: boolean }) {
  return (
    <div
      id="preview-console"
      role="log"
      aria-label="Console"
      data-testid="console"
      hidden={!open}
      className="h-36 shrink-0 overflow-auto border-t border-slate-200 bg-slate-50 px-2 py-1 font-mono text-xs dark:border-slate-800 dark:bg-slate-900"
    >
      {entries.length === 0 ? (
        <span className="text-slate-400">Console is empty</span>
      ) : (
        entries.map((e, i) => (
          <div
            key={i}
            className={
              isError(e)
                ? "text-red-600 dark:text-red-400"
                : e.kind === "console" && e.level === "warn"
                  ? "text-amber-700 dark:text-amber-300"
                  : "text-slate-700 dark:text-slate-300"
            }
          >
            {describe(e)}
          </div>
        ))
      )}
    </div>
  );
}
