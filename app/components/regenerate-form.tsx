"use client";
import { useId, useState } from "react";

export interface RegenerateChoice {
  instruction?: string;
  /** Tokens to write in place of the selection; unset: as many as it has now. */
  length?: number;
}

interface RegenerateFormProps {
  /** Characters selected, to say what will be rewritten. */
  characters: number;
  onSubmit: (choice: RegenerateChoice) => void;
  onCancel: () => void;
}

/** What to ask for when a selection is regenerated: an optional instruction, an optional new length. */
export function RegenerateForm({ characters, onSubmit, onCancel }: RegenerateFormProps) {
  const id = useId();
  const [instruction, setInstruction] = useState("");
  const [length, setLength] = useState("");

  return (
    <form
      aria-label="Regenerate selection"
      className="absolute top-full right-0 z-20 mt-1 flex w-72 flex-col gap-2 rounded border border-slate-300 bg-white p-3 text-xs shadow-lg dark:border-slate-700 dark:bg-slate-900"
      onKeyDown={(e) => e.key === "Escape" && onCancel()}
      onSubmit={(e) => {
        e.preventDefault();
        const tokens = Number(length);
        onSubmit({ instruction: instruction.trim() || undefined, length: length && tokens >= 1 ? Math.round(tokens) : undefined });
      }}
    >
      <p className="text-slate-600 dark:text-slate-300">The {characters} selected characters are masked and written again by the model.</p>
      <label htmlFor={`${id}-instruction`} className="font-medium">
        Instruction (optional)
      </label>
      <input
        id={`${id}-instruction`}
        autoFocus
        value={instruction}
        onChange={(e) => setInstruction(e.target.value)}
        placeholder="e.g. make the button red"
        className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-950"
      />
      <label htmlFor={`${id}-length`} className="font-medium">
        Length in tokens (optional)
      </label>
      <input
        id={`${id}-length`}
        type="number"
        min={1}
        value={length}
        onChange={(e) => setLength(e.target.value)}
        placeholder="as long as the selection"
        className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-950"
      />
      <div className="flex justify-end gap-1">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn border-blue-600 bg-blue-600 text-white hover:bg-blue-700 dark:bg-blue-600">
          Regenerate
        </button>
      </div>
    </form>
  );
}
