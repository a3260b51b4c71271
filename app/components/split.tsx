"use client";
import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent, type ReactNode } from "react";

interface SplitProps {
  first: ReactNode;
  second: ReactNode;
  /** The divider's accessible name. */
  label: string;
  /** The first pane's share of the width, in percent; a dragged one is remembered under `storageKey`. */
  initial: number;
  storageKey: string;
  /** Show one pane alone (the other stays mounted, hidden). */
  only?: "first" | "second";
  className?: string;
}

const MIN = 15;
const MAX = 85;
const clamp = (p: number) => Math.min(MAX, Math.max(MIN, p));

/** Two panes side by side with a draggable divider; stacked, without it, on narrow screens. */
export function Split({ first, second, label, initial, storageKey, only, className = "" }: SplitProps) {
  const [percent, setPercent] = useState(initial);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const stored = Number(localStorage.getItem(storageKey));
    if (stored) setPercent(clamp(stored));
  }, [storageKey]);

  function resize(p: number) {
    const next = clamp(p);
    setPercent(next);
    localStorage.setItem(storageKey, String(Math.round(next)));
  }

  function onPointerMove(e: PointerEvent<HTMLDivElement>) {
    if (!e.currentTarget.hasPointerCapture(e.pointerId) || !box.current) return;
    const rect = box.current.getBoundingClientRect();
    resize(((e.clientX - rect.left) / rect.width) * 100);
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const step = { ArrowLeft: -5, ArrowRight: 5, Home: -100, End: 100 }[e.key];
    if (step === undefined) return;
    e.preventDefault();
    resize(percent + step);
  }

  const both = !only;
  return (
    <div ref={box} style={{ "--split": `${percent}%` } as CSSProperties} className={`flex min-h-0 min-w-0 flex-col md:flex-row ${className}`}>
      <div className={`min-h-0 min-w-0 ${only === "second" ? "hidden" : both ? "md:shrink-0 md:basis-(--split)" : "flex-1"}`}>{first}</div>
      {both && (
        <div
          role="separator"
          aria-label={label}
          aria-orientation="vertical"
          aria-valuenow={Math.round(percent)}
          aria-valuemin={MIN}
          aria-valuemax={MAX}
          tabIndex={0}
          onPointerDown={(e) => e.currentTarget.setPointerCapture(e.pointerId)}
          onPointerMove={onPointerMove}
          onKeyDown={onKeyDown}
          className="hidden w-1.5 shrink-0 cursor-col-resize touch-none bg-slate-200 hover:bg-blue-400 focus-visible:bg-blue-500 focus-visible:outline-none md:block dark:bg-slate-800"
        />
      )}
      <div className={`min-h-0 min-w-0 flex-1 ${only === "first" ? "hidden" : ""}`}>{second}</div>
    </div>
  );
}
