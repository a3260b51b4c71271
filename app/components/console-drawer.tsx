"use client";
import type { BridgeMessage } from "@/lib/sandbox";

export type ConsoleEntry = Exclude<BridgeMessage, { kind: "ready" }>;

export const isError = (e: ConsoleEntry) => e.kind === "error" || e.level === "error";

function describe(e: ConsoleEntry): string {
  if (e.kind === "console") return e.text;
  return `Error${e.line ? ` (line ${e.line}${e.column ? `, column ${e.column}` : ""})` : ""}: ${e.text}`;
}

/** An uncaught error that names a line of the artifact: what "Fix" works on. */
export type LineError = Extract<ConsoleEntry, { kind: "error" }> & { line: number };

const hasLine = (e: ConsoleEntry): e is LineError => e.kind === "error" && e.line !== null;

interface ConsoleDrawerProps {
  entries: ConsoleEntry[];
  open: boolean;
  /** Regenerates the code around an error's line; each such error gets a "Fix" button. */
  onFix: (error: LineError) => void;
  /** While the code is being written: the buttons stay, disabled. */
  fixDisabled: boolean;
}

/** What the artifact's console said: logs, and errors with the artifact's own line numbers (with a "Fix"). */
export function ConsoleDrawer({ entries, open, onFix, fixDisabled }: ConsoleDrawerProps) {
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
            className={`flex items-start gap-2 ${
              isError(e)
                ? "text-red-600 dark:text-red-400"
                : e.kind === "console" && e.level === "warn"
                  ? "text-amber-700 dark:text-amber-300"
                  : "text-slate-700 dark:text-slate-300"
            }`}
          >
            <span className="min-w-0 flex-1 break-words">{describe(e)}</span>
            {hasLine(e) && (
              <button type="button" className="btn h-5 px-1.5" disabled={fixDisabled} onClick={() => onFix(e)} aria-label={`Fix the error on line ${e.line}`}>
                Fix
              </button>
            )}
          </div>
        ))
      )}
    </div>
  );
}
