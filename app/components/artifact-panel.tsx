"use client";
import dynamic from "next/dynamic";
import { useState } from "react";
import type { Progress } from "@/app/hooks/use-denoising-stream";
import { useArtifactEditor } from "@/app/hooks/use-artifact-editor";
import { useTheme } from "@/app/hooks/use-theme";
import type { Version } from "@/lib/db";
import { ArtifactActions } from "./artifact-actions";
import type { CodeSelection } from "./code-editor";
import { CodePane } from "./code-pane";
import { Preview } from "./preview";
import { Split } from "./split";
import { VersionDiff, type VersionPair } from "./version-diff";
import { VersionsPanel } from "./versions-panel";

// Monaco runs only in the browser.
const CodeEditor = dynamic(() => import("./code-editor").then((m) => m.CodeEditor), {
  ssr: false,
  loading: () => <p className="p-3 text-sm text-slate-500">Loading the editor…</p>,
});

const VIEWS = [
  { id: "code", label: "Code" },
  { id: "split", label: "Split" },
  { id: "preview", label: "Preview" },
] as const;
type View = (typeof VIEWS)[number]["id"];

interface ArtifactPanelProps {
  /** For the downloaded file's name and the new tab's title. */
  title: string;
  versions: Version[];
  /** The canvas while a generation streams, else null. */
  canvas: string | null;
  progress: Progress | null;
  onSaveVersion: (html: string) => Promise<void>;
  onRestore: (versionId: number) => Promise<void>;
}

/**
 * The artifact: its code (the denoising canvas while it streams, then Monaco), its
 * preview, its versions. Mount one per conversation (key it by the conversation id).
 */
export function ArtifactPanel({ title, versions, canvas, progress, onSaveVersion, onRestore }: ArtifactPanelProps) {
  const head = versions.at(-1);
  const editor = useArtifactEditor(head, onSaveVersion);
  const [theme] = useTheme();
  const [view, setView] = useState<View>("split");
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [diff, setDiff] = useState<VersionPair | null>(null);
  const [selection, setSelection] = useState<CodeSelection | null>(null);
  const streaming = canvas !== null;

  async function restore(versionId: number) {
    await editor.flush();
    await onRestore(versionId);
    setDiff(null);
  }

  const code = streaming ? (
    <CodePane text={canvas} />
  ) : diff ? (
    <VersionDiff versions={versions} pair={diff} onChange={setDiff} onClose={() => setDiff(null)} theme={theme} />
  ) : head ? (
    <CodeEditor value={editor.code} onChange={editor.edit} onSelectionChange={setSelection} theme={theme} />
  ) : (
    <p className="p-4 text-sm text-slate-500">Describe an app in the chat: its code appears here as the model writes it.</p>
  );

  const status = progress
    ? `step ${progress.step} / ~${progress.totalSteps} · ${progress.tokensPerSecond} tokens/s`
    : streaming
      ? "starting…"
      : selection
        ? `${selection.end - selection.start} characters selected`
        : "";

  return (
    <section aria-label="Artifact" className="flex h-full min-h-0 flex-col">
      {/* Wraps on a narrow screen rather than hiding buttons. */}
      <div className="panel-bar h-auto min-h-10 flex-wrap py-1.5">
        <div role="group" aria-label="View" className="flex">
          {VIEWS.map((v) => (
            <button key={v.id} type="button" className="btn -ml-px first:ml-0" aria-pressed={view === v.id} onClick={() => setView(v.id)}>
              {v.label}
            </button>
          ))}
        </div>
        <span aria-live="polite" data-testid="progress" className="min-w-0 flex-1 truncate text-xs text-slate-500 tabular-nums dark:text-slate-400">
          {status}
        </span>
        <ArtifactActions code={editor.code} title={title} />
        <button type="button" className="btn" aria-pressed={versionsOpen} aria-controls="versions" onClick={() => setVersionsOpen((o) => !o)}>
          Versions <span className="tabular-nums">{versions.length}</span>
        </button>
      </div>
      <div className="flex min-h-0 flex-1">
        <Split
          className="flex-1"
          label="Resize code and preview"
          initial={50}
          storageKey="unmask-split-code"
          // While the model writes, the canvas shows whatever the view.
          only={view === "code" ? "first" : view === "preview" && !streaming ? "second" : undefined}
          first={<div className="h-[24rem] bg-white md:h-full dark:bg-slate-950">{code}</div>}
          second={
            <div className="h-[28rem] md:h-full">
              <Preview html={head ? editor.preview : null} />
            </div>
          }
        />
        {versionsOpen && (
          <div id="versions" className="flex">
            <VersionsPanel versions={versions} disabled={streaming} onCompare={(id) => setDiff({ from: id, to: head!.id })} onRestore={(id) => void restore(id)} />
          </div>
        )}
      </div>
    </section>
  );
}
