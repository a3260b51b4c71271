"use client";
import { useCallback, useRef, useState } from "react";
import type { Stats } from "@/engine/engine";
import type { PoolEvent } from "@/engine/pool";
import { readSse } from "@/lib/sse";

type StreamEvent = PoolEvent | { type: "error"; message: string };

/**
 * Where a stream stands: its place in the queue, or its step (with the time left at this pace;
 * the total is an estimate), and whether the app is being written again, more carefully.
 */
export type Progress = { queued: number } | { step: number; totalSteps: number; tokensPerSecond: number; secondsLeft: number; rewriting: boolean };

export type StreamOutcome =
  | { status: "done"; artifact: string; stats: Stats }
  | { status: "stopped" }
  | { status: "failed"; message: string };

/**
 * Reads one denoising stream (frames, then the finished text) from a route that speaks
 * the engine's SSE frames: /api/generate now, /api/infill for regenerating a region.
 * `canvas` is the text as it denoises, with MASK_GLYPH at masked positions.
 */
export function useDenoisingStream() {
  const [canvas, setCanvas] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState(false);
  const controller = useRef<AbortController | null>(null);

  /** Streams from `url`; `initial` is the canvas to show until the first frame (a region already masked). */
  const run = useCallback(async (url: string, body: unknown, initial = ""): Promise<StreamOutcome> => {
    const abort = (controller.current = new AbortController());
    setBusy(true);
    setCanvas(initial);
    setProgress(null);
    let committed = 0;
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
        signal: abort.signal,
      });
      if (!res.ok || !res.body) throw new Error(((await res.json().catch(() => ({}))) as { error?: string }).error ?? `HTTP ${res.status}`);
      for await (const e of readSse<StreamEvent>(res.body)) {
        if (e.type === "frame") {
          committed += e.committed.length;
          setCanvas(e.text);
          setProgress({
            step: e.step,
            totalSteps: e.totalSteps,
            tokensPerSecond: Math.round((committed / Math.max(1, e.elapsedMs)) * 1000),
            secondsLeft: Math.round(((e.elapsedMs / e.step) * Math.max(0, e.totalSteps - e.step)) / 1000),
            rewriting: e.rewriting ?? false,
          });
        } else if (e.type === "queued") {
          setProgress({ queued: e.position });
        } else if (e.type === "done") {
          return { status: "done", artifact: e.artifact, stats: e.stats };
        } else if (e.type === "error") {
          return { status: "failed", message: e.message };
        }
      }
      return { status: "failed", message: "the stream ended early" };
    } catch (e) {
      return abort.signal.aborted ? { status: "stopped" } : { status: "failed", message: (e as Error).message };
    } finally {
      controller.current = null;
      setBusy(false);
      setCanvas(null);
      setProgress(null);
    }
  }, []);

  const stop = useCallback(() => controller.current?.abort(), []);

  return { run, stop, busy, canvas, progress };
}
