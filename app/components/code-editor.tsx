"use client";
import Editor from "@monaco-editor/react";
import { useEffect, useRef } from "react";
import { monacoTheme } from "./monaco";
import type { Theme } from "@/app/hooks/use-theme";

/** A selected span of the code, as character offsets. */
export interface CodeSelection {
  start: number;
  end: number;
}

interface CodeEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** The selection as it changes (null when nothing is selected): what a region action works on. */
  onSelectionChange: (selection: CodeSelection | null) => void;
  theme: Theme;
}

/** The artifact's code in Monaco. Client-only: load it with next/dynamic and `ssr: false`. */
export function CodeEditor({ value, onChange, onSelectionChange, theme }: CodeEditorProps) {
  const onSelection = useRef(onSelectionChange);
  useEffect(() => {
    onSelection.current = onSelectionChange;
  }, [onSelectionChange]);
  // The selection goes away with the editor (while a canvas streams in its place).
  useEffect(() => () => onSelection.current(null), []);

  return (
    <Editor
      value={value}
      language="html"
      theme={monacoTheme(theme)}
      onChange={(v) => onChange(v ?? "")}
      onMount={(editor) => {
        editor.onDidChangeCursorSelection(({ selection }) => {
          const model = editor.getModel();
          if (!model) return;
          const start = model.getOffsetAt(selection.getStartPosition());
          const end = model.getOffsetAt(selection.getEndPosition());
          onSelection.current(start === end ? null : { start, end });
        });
      }}
      loading={<p className="p-3 text-sm text-slate-500">Loading the editor…</p>}
      options={{
        ariaLabel: "Code editor",
        minimap: { enabled: false },
        fontSize: 12,
        wordWrap: "on",
        scrollBeyondLastLine: false,
        automaticLayout: true,
        tabSize: 2,
      }}
    />
  );
}
