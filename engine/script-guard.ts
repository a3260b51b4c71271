// A guard for the apps the model writes: where, in the settled start of an HTML document,
// its scripts first go wrong in a way that is certain already. The sampler re-masks the text
// from there and bans the token that broke it (guided decoding). Three mistakes are caught:
// - a JavaScript syntax error: a single-token slip (a missing comma, a stray parenthesis) is
//   the commonest way a generated app fails, one uncaught SyntaxError and no script runs;
// - document.getElementById of an id that no element has: a null, and the first
//   addEventListener on it throws. A script inside <body> may only name ids written before it.
// - a name that a finished script reads and nothing declares (script-names.ts): a ReferenceError.
import { parse } from "acorn";
import { firstUndeclared, redeclaredFunction, scriptNames, type ScriptNames } from "./script-names.ts";

const SCRIPT_OPEN = /<script\b([^>]*)>/gi;
const SCRIPT_CLOSE = /<\/script/i;
/** Script types a browser runs as JavaScript (no type at all is the common case). */
const JS_TYPE = /\btype\s*=\s*["']?(?:module|text\/javascript|application\/javascript)\b/i;
/** Errors that a later line may still close: a template literal or a comment running on. */
const RUNS_ON = /^Unterminated (template|comment)/;
/** Whether a script tag's attributes make it inline JavaScript: no src, and no type or a JavaScript one. */
const inlineJavaScript = (attributes: string) => !/\bsrc\s*=/i.test(attributes) && (!/\btype\s*=/i.test(attributes) || JS_TYPE.test(attributes));
/** An element id given in markup (also markup inside a script's strings) or set by a script. */
const ID_GIVEN = /\bid\s*=\s*\\?["']([^"'\\]+)|\.id\s*=\s*["'`]([^"'`]+)/g;
/**
 * A lookup by id: the literal's text so far (group 2), then either the start of a template
 * substitution (group 3) or its closing quote (group 4) and the next character after spaces
 * (group 5; "+" joins more to it, "" when nothing follows yet). Either way may be absent: the
 * literal is still being written.
 */
const ID_LOOKUP = /getElementById\(\s*(["'`])([^"'`$]*)(?:(\$\{)|(["'`])\s*(.?))?/g;

/**
 * The sampler's check (SamplerOptions.check) for a model whose tokens read as `pieces`: the
 * position of the token where the settled text's scripts first go wrong (as far as `checks`
 * asks), or -1.
 */
export function scriptCheck(pieces: string[], tokens: { eot: number; pad: number }, checks: MistakeChecks = {}): (canvas: Int32Array, start: number, frontier: number) => number {
  return (canvas, start, frontier) => {
    let text = "";
    const ends: number[] = []; // where each token's text ends in `text`
    for (let i = start; i < frontier && canvas[i] !== tokens.eot; i++) {
      if (canvas[i] !== tokens.pad) text += pieces[canvas[i]];
      ends.push(text.length);
    }
    const at = firstScriptMistake(text, checks)?.at ?? -1;
    if (at < 0) return -1;
    const row = ends.findIndex((e) => e > at);
    return start + (row < 0 ? ends.length - 1 : row);
  };
}

/**
 * The offset in `html` of the first certain mistake in its scripts, or -1 if every script may
 * still be, or is, right.
 * `html` is the settled start of a document: a script still open is read up to its last
 * complete line for syntax (a line cut short proves nothing), and an error there counts only if
 * it lies before the end of what was read (running out of text is not an error, the rest is
 * still to come). Names are checked in finished scripts. Inline scripts only: one with a src is
 * skipped, and then any name may be declared.
 */
export function firstScriptError(html: string): number {
  return firstScriptMistake(html)?.at ?? -1;
}

/**
 * A function one of the page's inline scripts declares twice in one scope (script-names.ts), or
 * null. Not a mistake the guard bans, since no error shows it, but the app is not the one meant:
 * the default model's dice wrote `function roll()` to roll, then a `function roll()` to animate
 * that calls `roll()`, itself, and never rolls. Scripts that fail to parse are skipped.
 */
export function firstRedeclaredFunction(html: string): string | null {
  for (const open of html.matchAll(SCRIPT_OPEN)) {
    if (!inlineJavaScript(open[1])) continue;
    const from = open.index + open[0].length;
    const close = html.slice(from).search(SCRIPT_CLOSE);
    if (close < 0) continue;
    try {
      const name = redeclaredFunction(html.slice(from, from + close), /module/i.test(open[1]));
      if (name) return name;
    } catch {
      // it does not parse: firstScriptMistake's
    }
  }
  return null;
}

/** A certain mistake in a page's scripts: where, and what. */
export interface ScriptMistake {
  at: number;
  kind: "syntax" | "id" | "name";
  /** The id looked up that no element has, or the name read that nothing declares. */
  name?: string;
}

/** What firstScriptMistake checks besides syntax (both by default). */
export interface MistakeChecks {
  /** getElementById of ids no element has. */
  ids?: boolean;
  /** Names a finished script reads and nothing declares. */
  names?: boolean;
  /** Ids and names to take as given all the same (the repair gave up on them). */
  given?: string[];
}

/** firstScriptError's mistake, with its kind; null where there is none. */
export function firstScriptMistake(html: string, checks: MistakeChecks = {}): ScriptMistake | null {
  const { ids = true, names = true, given = [] } = checks;
  const finished: { from: number; names: ScriptNames }[] = [];
  let unknowable = false; // a script with a src, or one whose names cannot be read, may declare anything
  for (const open of html.matchAll(SCRIPT_OPEN)) {
    const attributes = open[1];
    unknowable ||= /\bsrc\s*=/i.test(attributes);
    if (!inlineJavaScript(attributes)) continue;
    const from = open.index + open[0].length;
    const close = html.slice(from).search(SCRIPT_CLOSE);
    const closed = close >= 0;
    const code = closed ? html.slice(from, from + close) : html.slice(from);
    const lines = closed ? code : code.slice(0, code.lastIndexOf("\n") + 1);
    const syntax = syntaxError(lines, /module/i.test(attributes));
    const syntaxAt = !syntax || (!closed && (syntax.pos >= lines.length || RUNS_ON.test(syntax.message))) ? -1 : Math.min(syntax.pos, lines.length);
    const inBody = /<body\b/i.test(html.slice(0, open.index));
    const id = inBody && ids ? unknownId(code, html.slice(0, from + (closed ? close : code.length)), given) : null;
    if (syntaxAt >= 0 && (!id || syntaxAt <= id.at)) return { at: from + syntaxAt, kind: "syntax" };
    if (id) return { at: from + id.at, kind: "id", name: id.id };
    const read = closed && !syntax ? scriptNames(code, /module/i.test(attributes)) : undefined;
    if (read) finished.push({ from, names: read });
    unknowable ||= read === null;
  }
  return unknowable || !names ? null : undeclared(finished, html, given);
}

/**
 * The first name a finished script reads that no script declares, no element id gives and the
 * browser lacks, or null. Its offset in `html` is where the name stops being the start of one
 * that is given there (`rrunun` against `running`: its second character).
 */
function undeclared(scripts: { from: number; names: ScriptNames }[], html: string, given: string[]): ScriptMistake | null {
  const declared = new Set([...scripts.flatMap((s) => [...s.names.declared]), ...given]);
  const ids = givenIds(html);
  for (const { from, names } of scripts) {
    const name = firstUndeclared(names, declared, ids);
    if (name) return { at: from + name.start + sharedStart(name.name, [...name.visible, ...declared, ...(name.called ? [] : ids)]), kind: "name", name: name.name };
  }
  return null;
}

/** Where acorn first fails on `code`, and why; null when it parses. */
function syntaxError(code: string, module: boolean): { pos: number; message: string } | null {
  try {
    parse(code, { ecmaVersion: "latest", sourceType: module ? "module" : "script" });
    return null;
  } catch (e) {
    const pos = (e as { pos?: unknown }).pos;
    if (!(e instanceof SyntaxError) || typeof pos !== "number") throw e;
    return { pos, message: e.message };
  }
}

/**
 * The first getElementById of an id that neither `known` nor `given` gives, or null: the
 * literal's text so far, and the offset in `code` where it stops being an id given (the first
 * character that no given id continues with, or the closing quote of an id too short). A literal
 * joined to more ("score" + turn, `score${turn}`) need only start an id.
 */
function unknownId(code: string, known: string, given: string[]): { at: number; id: string } | null {
  const ids = [...givenIds(known), ...given];
  for (const m of code.matchAll(ID_LOOKUP)) {
    const [, quote, id, substitution, closing, next] = m;
    const idStart = m.index + m[0].indexOf(quote) + 1;
    // Only a literal that is closed and followed by something other than "+" is the whole id.
    const whole = closing !== undefined && next !== "" && next !== "+" && !substitution;
    if (whole ? ids.includes(id) : ids.some((given) => given.startsWith(id))) continue;
    return { at: idStart + sharedStart(id, ids), id };
  }
  return null;
}

/** The element ids `html` gives, in markup or by a script. */
export function givenIds(html: string): string[] {
  return [...html.matchAll(ID_GIVEN)].map((m) => m[1] ?? m[2]);
}

/** The length of the longest start that `name` shares with one of `given`. */
function sharedStart(name: string, given: string[]): number {
  let longest = 0;
  for (const g of given) {
    let n = 0;
    while (n < name.length && n < g.length && name[n] === g[n]) n++;
    longest = Math.max(longest, n);
  }
  return longest;
}
