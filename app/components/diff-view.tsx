"use client";
import { DiffEditor } from "@monaco-editor/react";
import { monacoTheme } from "./monaco";
import type { Theme } from "@/app/hooks/use-theme";

interface DiffViewProps {
  /** Model paths name each side's text model, so the same version keeps its model. */
  original: { path: string; html: string };
  modified: { path: string; html: string };
  theme: Theme;
}

/** Two versions side by side in Monaco's diff editor. Client-only, like CodeEditor. */
export function DiffView({ original, modified, theme }: DiffViewProps) {
  return (
    <DiffEditor
      original={original.html}
      modified={modified.html}
      originalModelPath={original.path}
      modifiedModelPath={modified.path}
      // The wrapper otherwise disposes models the diff editor still holds as it unmounts.
      keepCurrentOriginalModel
      keepCurrentModifiedModel
      language="html"
      theme={monacoTheme(theme)}
      loading={<p className="p-3 text-sm text-slate-500">Loading the diff…</p>}
      options={{
        readOnly: true,
        originalAriaLabel: "Code of the version compared from",
        ariaLabel: "Code of the version compared to",
        minimap: { enabled: false },
        fontSize: 12,
        wordWrap: "on",
        scrollBeyondLastLine: false,
        automaticLayout: true,
      }}
    />
  );
}
