"use client";
import { useRef, useState } from "react";
import type { EngineEvent, Stats } from "@/engine/engine";
import { readSse } from "@/lib/sse";
import { CodePane } from "./code-pane";
import { Preview } from "./preview";

interface Message {
  role: "user" | "assistant";
  text: string;
}

type StreamEvent = EngineEvent | { type: "error"; message: string };

export function Workspace() {
  const [messages, setMessages] = useState<Message[]>([]);
  const [draft, setDraft] = useState("");
  const [canvas, setCanvas] = useState("");
  const [artifact, setArtifact] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ step: number; total: number } | null>(null);
  const [stats, setStats] = useState<Stats | null>(null);
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);

  async function send() {
    const message = draft.trim();
    if (!message || busy) return;
    setDraft("");
    setMessages((m) => [...m, { role: "user", text: message }]);
    setBusy(true);
    setStats(null);
    const controller = (abort.current = new AbortController());
    try {
      const res = await fetch("/api/generate", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ message }),
        signal: controller.signal,
      });
      if (!res.ok || !res.body) throw new Error(((await res.json().catch(() => ({}))) as { error?: string }).error ?? `HTTP ${res.status}`);
      for await (const e of readSse<StreamEvent>(res.body)) {
        if (e.type === "frame") {
          setCanvas(e.text);
          setProgress({ step: e.step, total: e.totalSteps });
        } else if (e.type === "done") {
          setCanvas(e.artifact);
          setArtifact(e.artifact);
          setStats(e.stats);
          setMessages((m) => [...m, { role: "assistant", text: `Here is your app: ${e.stats.tokens} tokens in ${e.stats.steps} steps (${e.stats.tokensPerSecond} tokens/s).` }]);
        } else {
          throw new Error(e.message);
        }
      }
    } catch (e) {
      const text = controller.signal.aborted ? "Stopped." : `Something went wrong: ${(e as Error).message}`;
      setMessages((m) => [...m, { role: "assistant", text }]);
    } finally {
      setBusy(false);
      setProgress(null);
      abort.current = null;
    }
  }

  return (
    <main className="grid h-screen grid-cols-1 md:grid-cols-[22rem_1fr]">
      <section aria-label="Chat" className="flex min-h-0 flex-col border-r border-slate-200 bg-white">
        <header className="border-b border-slate-200 px-4 py-3 font-semibold">Unmask</header>
        <ol className="flex-1 space-y-2 overflow-auto p-4" aria-label="Messages">
          {messages.map((m, i) => (
            <li key={i} className={m.role === "user" ? "ml-8 rounded-lg bg-blue-600 px-3 py-2 text-white" : "mr-8 rounded-lg bg-slate-100 px-3 py-2"}>
              {m.text}
            </li>
          ))}
        </ol>
        <form
          className="flex gap-2 border-t border-slate-200 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <textarea
            aria-label="Message"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && !e.shiftKey) {
                e.preventDefault();
                void send();
              }
            }}
            placeholder="Describe an app, e.g. Build a simulated chat app"
            rows={2}
            className="flex-1 resize-none rounded border border-slate-300 px-2 py-1"
          />
          {busy ? (
            <button type="button" onClick={() => abort.current?.abort()} className="rounded bg-slate-700 px-3 text-white">
              Stop
            </button>
          ) : (
            <button type="submit" className="rounded bg-blue-600 px-3 text-white">
              Send
            </button>
          )}
        </form>
      </section>
      <section aria-label="Artifact" className="grid min-h-0 grid-rows-[auto_1fr] md:grid-cols-2 md:grid-rows-1">
        <div className="flex min-h-0 flex-col">
          <div className="flex items-center justify-between border-b border-slate-200 bg-white px-3 py-2 text-sm">
            <span>Code</span>
            <span aria-live="polite" data-testid="progress">
              {progress ? `step ${progress.step} / ~${progress.total}` : stats ? `${stats.tokens} tokens, ${stats.forwardPasses} passes, ${stats.tokensPerSecond} tokens/s` : ""}
            </span>
          </div>
          <div className="min-h-64 flex-1 overflow-hidden">
            <CodePane text={canvas} />
          </div>
        </div>
        <div className="flex min-h-0 flex-col border-l border-slate-200">
          <div className="border-b border-slate-200 bg-white px-3 py-2 text-sm">Preview</div>
          <div className="min-h-64 flex-1">{artifact !== null ? <Preview html={artifact} /> : <p className="p-4 text-sm text-slate-500">The app runs here once it is generated.</p>}</div>
        </div>
      </section>
    </main>
  );
}
