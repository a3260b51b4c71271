// Repair by infilling. A block-causal model writes left to right and cannot look ahead, so an
// app may end with a script that still goes wrong (script-guard.ts): a name that nothing
// declares, a slip the guard gave up on. The engine then masks part of the app again and lets
// the model refill it with the whole app on both sides (its bidirectional infilling); this file
// says what each try masks and whether a refill mended the mistake.
import type { InfillSpan } from "./engine.ts";
import { firstScriptError } from "./script-guard.ts";

/**
 * Refills after a generation, at most. On the 80 dev and held-out apps every repair that held
 * came by the second try; the four tries after cost failing apps about 30 s each.
 */
export const MAX_REPAIRS = 3;
/** Tokens inserted for a declaration: `const MAX = 6;` and its line break are 6. */
const DECLARATION_TOKENS = 8;

/**
 * The `fix`th try (from 0) at the mistake at offset `at` of `text`: what to mask and refill.
 * First the mistake's line; then, where it is a name nothing declares, room for a line at the
 * top of its script (the model wrote `Math.min(MAX, ...)` and never `const MAX = 6;`, which it
 * writes there when asked); then the line and one more on each side, two, and so on.
 */
export function repairSpan(text: string, at: number, fix: number): InfillSpan {
  const undeclared = firstScriptError(text, false) !== at;
  if (undeclared && fix === 1) {
    const top = text.indexOf("\n", text.lastIndexOf("<script", at)) + 1;
    return { start: top, end: top, length: DECLARATION_TOKENS };
  }
  const widen = undeclared && fix > 1 ? fix - 1 : fix;
  let start = text.lastIndexOf("\n", at - 1) + 1;
  let end = text.indexOf("\n", at);
  if (end < 0) end = text.length;
  for (let i = 0; i < widen; i++) {
    if (start > 0) start = text.lastIndexOf("\n", start - 2) + 1;
    const next = text.indexOf("\n", end + 1);
    if (end < text.length) end = next < 0 ? text.length : next;
  }
  return { start, end };
}

/**
 * Whether `refilled` (`text` with `span` refilled) mended the mistake at offset `at` of `text`:
 * its first mistake is gone, or lies past both the refill and the line the mistake was on (a
 * name's mistake may move within it: it is where the name leaves every name declared).
 */
export function mended(text: string, at: number, span: InfillSpan, refilled: string): boolean {
  const after = firstScriptError(refilled);
  const lineEnd = text.indexOf("\n", at) < 0 ? text.length : text.indexOf("\n", at);
  return after < 0 || after >= Math.max(span.end, lineEnd) + refilled.length - text.length;
}
