"use client";
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import { buildSrcdoc, isBridgeMessage, SANDBOX_FLAGS } from "@/lib/sandbox";
import { ConsoleDrawer, isError, type ConsoleEntry, type LineError } from "./console-drawer";

const MAX_ENTRIES = 200;

interface PreviewProps {
  html: string | null;
  /** Regenerates the code around an error's line (the console's "Fix"). */
  onFix: (error: LineError) => void;
  fixDisabled: boolean;
}

/** The artifact running in a sandboxed iframe (once there is one), with its console in a drawer below. */
export function Preview({ html, onFix, fixDisabled }: PreviewProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  // Every run (new code, or a reload) gets a new nonce, so messages from an earlier run are
  // ignored, and a new iframe element (keyed by the nonce): Chromium leaves a document
  // unlaid-out (inputs 0×0, nothing painted) when a frame's srcdoc changes while its
  // previous document is still loading, as it is when the code changes just after it first came.
  const [run, setRun] = useState(() => ({ html, nonce: crypto.randomUUID() }));
  if (run.html !== html) setRun({ html, nonce: crypto.randomUUID() });
  const nonce = run.nonce;
  const srcdoc = useMemo(() => (html === null ? null : buildSrcdoc(html, nonce)), [html, nonce]);
  const [entries, setEntries] = useState<ConsoleEntry[]>([]);
  const [consoleOpen, setConsoleOpen] = useState(false);

  // A layout effect, so the listener is in place (and the old run's entries cleared) in the same
  // task that hands the frame its new document: a passive effect can run after a fast app has
  // already posted its load-time errors, losing them or clearing them.
  useLayoutEffect(() => {
    setEntries([]);
    const onMessage = (e: MessageEvent) => {
      if (!isBridgeMessage(e, frame.current?.contentWindow, nonce)) return;
      const m = e.data;
      if (m.kind !== "ready") setEntries((l) => [...l.slice(-(MAX_ENTRIES - 1)), m]);
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [srcdoc, nonce]);

  const errors = entries.filter(isError).length;
  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="panel-bar">
        <span className="font-medium">Preview</span>
        <span className="flex-1" />
        <button type="button" className="btn" disabled={srcdoc === null} onClick={() => setRun({ html, nonce: crypto.randomUUID() })} aria-label="Reload preview">
          ↻ Reload
        </button>
        <button
          type="button"
          className="btn"
          aria-pressed={consoleOpen}
          aria-controls="preview-console"
          onClick={() => setConsoleOpen((o) => !o)}
          aria-label={`Console: ${entries.length} messages, ${errors} errors`}
        >
          Console
          <span className={`min-w-4 rounded px-1 tabular-nums ${errors ? "bg-red-600 text-white" : "bg-slate-200 dark:bg-slate-700"}`}>{errors || entries.length}</span>
        </button>
      </div>
      {srcdoc === null ? (
        <p className="flex-1 p-4 text-sm text-slate-500">The app runs here once it is generated.</p>
      ) : (
        <iframe key={nonce} ref={frame} title="App preview" sandbox={SANDBOX_FLAGS} srcDoc={srcdoc} className="min-h-0 w-full flex-1 bg-white" />
      )}
      <ConsoleDrawer entries={entries} open={consoleOpen} onFix={onFix} fixDisabled={fixDisabled} />
    </div>
  );
}
