"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import { buildSrcdoc, isBridgeMessage, SANDBOX_FLAGS, type BridgeMessage } from "@/lib/sandbox";

/** The artifact running in a sandboxed iframe, with what its console said. */
export function Preview({ html }: { html: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const nonce = useMemo(() => crypto.randomUUID(), []);
  const srcdoc = useMemo(() => buildSrcdoc(html, nonce), [html, nonce]);
  const [logs, setLogs] = useState<BridgeMessage[]>([]);

  useEffect(() => {
    setLogs([]);
    const onMessage = (e: MessageEvent) => {
      if (!isBridgeMessage(e, frame.current?.contentWindow, nonce)) return;
      if (e.data.kind !== "ready") setLogs((l) => [...l.slice(-199), e.data]);
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [srcdoc, nonce]);

  const errors = logs.filter((l) => l.kind === "error" || (l.kind === "console" && l.level === "error"));
  return (
    <div className="flex h-full flex-col">
      <iframe ref={frame} title="App preview" sandbox={SANDBOX_FLAGS} srcDoc={srcdoc} className="min-h-0 flex-1 bg-white" />
      <div aria-label="Console" className="max-h-24 overflow-auto border-t border-slate-200 bg-slate-100 px-2 py-1 font-mono text-xs" data-testid="console">
        {logs.length === 0 ? (
          <span className="text-slate-400">Console is empty</span>
        ) : (
          logs.map((l, i) => (
            <div key={i} className={l.kind === "error" || (l.kind === "console" && l.level === "error") ? "text-red-600" : "text-slate-700"}>
              {l.kind === "error" ? `Error${l.line ? ` (line ${l.line})` : ""}: ${l.text}` : l.kind === "console" ? l.text : ""}
            </div>
          ))
        )}
        {errors.length > 0 && <span className="sr-only">{errors.length} errors</span>}
      </div>
    </div>
  );
}
