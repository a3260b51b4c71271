// Which region of an artifact the workspace regenerates by infilling ("Regenerate selection",
// "Fix" on an error), and how the text looks once that region is masked.
import { MASK_GLYPH } from "../engine/glyph.ts";
import type { InfillRequest } from "./infill.ts";

/** Lines either side of a failing line that "Fix" regenerates with it. */
export const FIX_CONTEXT_LINES = 1;
/** How much of an error message goes into the fix's instruction. */
const FIX_MESSAGE_CHARS = 300;
/** Roughly how many characters of an artifact one token holds (for the placeholder shown before the first frame). */
const CHARS_PER_TOKEN = 3;

export interface Span {
  start: number;
  end: number;
}

/** A selected span refilled with `length` tokens (by default as many as it has now), for an optional instruction. */
export function regionRequest(text: string, span: Span, o: { instruction?: string; length?: number } = {}): InfillRequest {
  const instruction = o.instruction?.trim();
  return {
    text,
    spans: [{ start: span.start, end: span.end, ...(o.length ? { length: o.length } : {}) }],
    ...(instruction ? { instruction } : {}),
  };
}

/**
 * Lines `line - around` to `line + around` (counted from 1, clamped to the text) as
 * character offsets: from the first one's start to the last one's end, its newline kept.
 */
export function lineSpan(text: string, line: number, around: number): Span {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  const first = Math.min(Math.max(1, line - around), starts.length);
  const last = Math.min(Math.max(1, line + around), starts.length);
  const end = last < starts.length ? starts[last] - 1 : text.length;
  return { start: starts[first - 1], end };
}

export const fixInstruction = (message: string) => `fix the error: ${message.slice(0, FIX_MESSAGE_CHARS)}`;

/** The infill for an error reported at `line`: that line and its neighbours, for the error's message. */
export function fixRequest(text: string, line: number, message: string): InfillRequest {
  return regionRequest(text, lineSpan(text, line, FIX_CONTEXT_LINES), { instruction: fixInstruction(message) });
}

/**
 * The text with each span of the request masked, as the canvas shows it before the engine's
 * first frame: `length` placeholders where the request says how many tokens, else an estimate.
 */
export function maskedText(r: InfillRequest): string {
  let out = "";
  let at = 0;
  for (const s of [...r.spans].sort((a, b) => a.start - b.start)) {
    const length = s.length ?? Math.max(1, Math.round((s.end - s.start) / CHARS_PER_TOKEN));
    out += r.text.slice(at, s.start) + MASK_GLYPH.repeat(length);
    at = s.end;
  }
  return out + r.text.slice(at);
}
