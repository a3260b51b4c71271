"use client";
import type { Version } from "@/lib/db";

const KIND_LABELS: Record<Version["kind"], string> = {
  generate: "generated",
  regenerate: "region regenerated",
  fix: "fixed",
  edit: "edited",
  refine: "refined",
  restore: "restored",
};

/** "v3", counting from the conversation's first version. */
export const versionLabel = (versions: Version[], id: number | null) => `v${versions.findIndex((v) => v.id === id) + 1}`;

interface VersionsPanelProps {
  versions: Version[];
  onCompare: (versionId: number) => void;
  onRestore: (versionId: number) => void;
  disabled: boolean;
}

/** Every version of the artifact, newest first: compare one with the current one, or restore it. */
export function VersionsPanel({ versions, onCompare, onRestore, disabled }: VersionsPanelProps) {
  const head = versions.at(-1);
  return (
    <aside aria-label="Versions" className="flex w-64 shrink-0 flex-col border-l border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <h2 className="panel-bar font-medium">Versions</h2>
      {versions.length === 0 && <p className="p-3 text-sm text-slate-500">No versions yet.</p>}
      <ol className="min-h-0 flex-1 overflow-auto">
        {versions
          .map((v, i) => ({ v, label: `v${i + 1}` }))
          .reverse()
          .map(({ v, label }) => (
            <li key={v.id} className="border-b border-slate-100 px-3 py-2 text-sm dark:border-slate-800">
              <div className="flex items-baseline gap-2">
                <span className="font-mono font-medium">{label}</span>
                <span className="text-slate-600 dark:text-slate-300">
                  {KIND_LABELS[v.kind]}
                  {v.kind === "restore" && ` from ${versionLabel(versions, v.parentId)}`}
                </span>
                <time className="ml-auto text-xs text-slate-400" dateTime={new Date(v.createdAt).toISOString()}>
                  {new Date(v.createdAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}
                </time>
              </div>
              {v === head ? (
                <p className="mt-1 text-xs text-blue-600 dark:text-blue-300">current</p>
              ) : (
                <div className="mt-1 flex gap-1">
                  <button type="button" className="btn" disabled={disabled || v.id < 0} onClick={() => onCompare(v.id)} aria-label={`Compare ${label} with the current version`}>
                    Compare
                  </button>
                  <button type="button" className="btn" disabled={disabled || v.id < 0} onClick={() => onRestore(v.id)} aria-label={`Restore ${label}`}>
                    Restore
                  </button>
                </div>
              )}
            </li>
          ))}
      </ol>
    </aside>
  );
}
