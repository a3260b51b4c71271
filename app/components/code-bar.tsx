"use client";
import { useState } from "react";
import type { CodeSelection } from "./code-editor";
import { RegenerateForm, type RegenerateChoice } from "./regenerate-form";

interface CodeBarProps {
  /** The editor's selection; null when nothing is selected (or the editor is not shown). */
  selection: CodeSelection | null;
  /** False while the code is being written or a diff is shown. */
  enabled: boolean;
  /** What the last regeneration or fix that made no version came to. */
  notice: string | null;
  onRegenerate: (selection: CodeSelection, choice: RegenerateChoice) => void;
  /** Back to the version before a regeneration or fix; null when the current version is neither. */
  undo: { label: string; run: () => void } | null;
}

/** Above the code: the selection, regenerating it (with an instruction and a length), and undoing that. */
export function CodeBar({ selection, enabled, notice, onRegenerate, undo }: CodeBarProps) {
  // The selection the form was opened for: it stays while the form has the focus.
  const [target, setTarget] = useState<CodeSelection | null>(null);
  const canRegenerate = enabled && selection !== null;

  return (
    <div className="panel-bar">
      <span aria-live="polite" data-testid="selection" className="min-w-0 flex-1 truncate text-xs text-slate-500 dark:text-slate-400">
        {notice ?? (selection ? `${selection.end - selection.start} characters selected` : "")}
      </span>
      <span className="relative">
        <button
          type="button"
          className="btn"
          disabled={!canRegenerate}
          aria-expanded={target !== null}
          title={canRegenerate ? "Mask the selected code and let the model write it again" : "Select code in the editor first"}
          onClick={() => setTarget(target ? null : selection)}
        >
          Regenerate selection
        </button>
        {target && (
          <RegenerateForm
            characters={target.end - target.start}
            onCancel={() => setTarget(null)}
            onSubmit={(choice) => {
              setTarget(null);
              onRegenerate(target, choice);
            }}
          />
        )}
      </span>
      <button type="button" className="btn" disabled={!enabled || !undo} title={undo?.label ?? "Nothing to undo"} onClick={undo?.run}>
        Undo
      </button>
    </div>
  );
}
