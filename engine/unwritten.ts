// What the model made in an app's markup and never came back to in its script, as a part to
// write (Engine.writeMissing): its detectors are missing-entry.ts, unwritten-output.ts,
// missing-method.ts, unwired-button.ts and unheard-keys.ts; this file holds what they share.
import type { Node } from "acorn";
import { fullAncestor } from "acorn-walk";
import type { inlineScripts } from "./script-names.ts";

/** A statement that wires a control: a lookup by id, or a name, then `.addEventListener(`. */
const WIRING = /^(document\.getElementById\([^)]*\)|[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*)\.addEventListener\(/;

/** A part the model left unwritten, and how it is written: on from a lead, inserted at a place. */
export interface Unwritten {
  /** What is missing: the table's entry, the slot's id, the method's name, the button's id. */
  key: string;
  /**
   * Where it may go, likeliest first: the part is inserted at `at`, and the model writes on from
   * its `lead` (`\n  document.getElementById("count").textContent =`).
   */
  places: { at: number; lead: string }[];
  /** The most tokens it may take. */
  room: number;
  /** The part of what the model wrote on from a lead that completes it, or null where it did not. */
  end: (written: string) => string | null;
}

/** The indentation of the line of `text` that holds offset `at`. */
export function indentAt(text: string, at: number): string {
  return /^[ \t]*/.exec(text.slice(text.lastIndexOf("\n", at) + 1))![0];
}

/** The id a tag's attributes give, if any. */
export function idOf(attributes: string): string | undefined {
  return /\bid\s*=\s*["']([^"']+)["']/i.exec(attributes)?.[1];
}

/** The classes a tag's attributes give. */
export function classesOf(attributes: string): string[] {
  return (/\bclass\s*=\s*["']([^"']*)["']/i.exec(attributes)?.[1] ?? "").split(/\s+/).filter(Boolean);
}

/** The page's markup alone: `html` without its scripts. */
export function withoutScripts(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script>/gi, "");
}

/** The contents of the string literals of `code` (quotes and backticks, one line each). */
export function stringLiterals(code: string): string[] {
  return [...code.matchAll(/(["'`])((?:\\.|(?!\1)[^\\\n])*)\1/g)].map((m) => m[2]);
}

/**
 * The last statement that wires a control (`document.getElementById("start").addEventListener(...)`,
 * `startBtn.addEventListener(...)`) where the script sets itself up: at its top level, or in a
 * function or method of its own (a constructor, an init), not inside a handler. Its start and
 * end in the page: where a handler the model left unwritten goes.
 */
export function lastWiring(scripts: ReturnType<typeof inlineScripts>): { start: number; end: number } | null {
  let last: { start: number; end: number } | null = null;
  for (const { from, code, scope } of scripts) {
    fullAncestor(scope.block as unknown as Node, (node, _state, ancestors) => {
      if (node.type !== "ExpressionStatement") return;
      const text = code.slice(node.start, node.end);
      if (!WIRING.test(text)) return;
      const inHandler = ancestors.slice(0, -1).some((a, i) => a.type === "ArrowFunctionExpression" || (a.type === "FunctionExpression" && ancestors[i - 1]?.type !== "MethodDefinition"));
      if (!inHandler && (!last || from + node.start > last.start)) last = { start: from + node.start, end: from + node.end };
    });
  }
  return last;
}

/**
 * A handler written on from `addEventListener("click",`: one line that closes the call, or up to
 * `});` at the statement's indent. Not a call closed at once (`addEventListener("click",);`
 * parses, and throws when it runs: a listener is missing).
 */
export function handlerEnd(written: string, indent: string): string | null {
  const first = written.split("\n")[0].trimEnd();
  if (first.endsWith(");")) return first.slice(0, -2).trim() ? first : null;
  const close = `\n${indent}});`;
  const at = written.indexOf(close);
  return at < 0 ? null : written.slice(0, at + close.length);
}
