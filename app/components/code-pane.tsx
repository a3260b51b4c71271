"use client";
import { MASK_GLYPH } from "@/engine/glyph";

/** The canvas as it denoises: committed code as text, each run of masks as a placeholder bar. */
export function CodePane({ text }: { text: string }) {
  const parts = text.split(new RegExp(`(${MASK_GLYPH}+)`));
  return (
    <pre aria-label="Generated code" data-testid="code" className="h-full overflow-auto bg-white p-3 font-mono text-xs leading-5 break-all whitespace-pre-wrap text-slate-800 dark:bg-slate-950 dark:text-slate-100">
      {parts.map((p, i) =>
        p.startsWith(MASK_GLYPH) ? (
          <span key={i} className="mask" data-masked={p.length}>
            {p}
          </span>
        ) : (
          p
        ),
      )}
    </pre>
  );
}
