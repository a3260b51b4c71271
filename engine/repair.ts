// Repair by infilling. A block-causal model writes left to right and cannot look ahead, so an
// app may end with a script that still goes wrong (script-guard.ts): a name that nothing
// declares, an element the markup never gave, a slip the guard gave up on. The engine then
// edits the app and lets the model refill part of it with the whole app on both sides (its
// bidirectional infilling); this file says what each try edits and masks, and whether a refill
// mended the mistake.
import type { InfillSpan } from "./engine.ts";
import { firstScriptMistake, givenIds, type MistakeChecks, type ScriptMistake } from "./script-guard.ts";

/**
 * What the guard still checks while the model writes an app that is repaired afterwards:
 * syntax alone. Ids and names are the repair's, which adds what the script used and never gave.
 */
export const GUARD_BEFORE_REPAIR: MistakeChecks = { ids: false, names: false };
/**
 * Edits after a generation, at most; tries that mend nothing, at most; and tries at one name or
 * id before the repair gives it up and goes on to the next mistake (a name read in a click
 * handler breaks that handler; an element looked up at the top breaks the whole script).
 */
export const MAX_REPAIRS = 8;
export const MAX_FAILED_REPAIRS = 3;
export const TRIES_PER_NAME = 2;
/** A name that by its look holds an element, and what it is of: `history` of `historyEl`. */
const ELEMENT_HOLDER = /^([a-z][\w$]*?)(?:El|Elem|Element|Btn|Button|Input|Field|Display|Box)$/;
/** Tokens inserted for a declaration: `const MAX = 6;` and its line break are 6. */
const DECLARATION_TOKENS = 8;

/**
 * One try at a mistake: `text` is the app edited (an element added), `spans` what the model
 * refills in it, and `end` where the edit ends in the app before it (mended() reads past it).
 */
export interface RepairEdit {
  text: string;
  spans: InfillSpan[];
  end: number;
}

/**
 * The `fix`th try (from 0) at `mistake` in `text`. First, where the mistake is a missing
 * element or a missing lookup of one, the quick fix that adds it (addElement, declareElement).
 * A name nothing declares: its line, then room for a line at the top of its script (the model
 * wrote `Math.min(MAX, ...)` and never `const MAX = 6;`, which it writes there when asked).
 * Otherwise, and after those: the mistake's line, then the line and one more on each side, two,
 * and so on.
 */
export function repairEdit(text: string, mistake: ScriptMistake, fix: number): RepairEdit {
  const quickFix = mistake.kind === "id" ? addElement(text, mistake) : mistake.kind === "name" ? declareElement(text, mistake) : null;
  if (quickFix && fix-- === 0) return quickFix;
  if (mistake.kind === "name" && fix === 1) {
    const top = scriptTop(text, mistake.at);
    return { text, spans: [{ start: top, end: top, length: DECLARATION_TOKENS }], end: top };
  }
  const widen = mistake.kind === "name" && fix > 1 ? fix - 1 : fix;
  let start = text.lastIndexOf("\n", mistake.at - 1) + 1;
  let end = text.indexOf("\n", mistake.at);
  if (end < 0) end = text.length;
  for (let i = 0; i < widen; i++) {
    if (start > 0) start = text.lastIndexOf("\n", start - 2) + 1;
    const next = text.indexOf("\n", end + 1);
    if (end < text.length) end = next < 0 ? text.length : next;
  }
  return { text, spans: [{ start, end }], end };
}

/** Where the first line of the script holding offset `at` starts. */
function scriptTop(text: string, at: number): number {
  return text.indexOf("\n", text.lastIndexOf("<script", at)) + 1;
}

/**
 * A name nothing declares that by its look holds an element (`historyEl`, `resetBtn`): its
 * lookup, declared at the top of its script, of the id given that reads like it, else of the
 * id its name says, with the element added (addElement). Null for other names.
 */
function declareElement(text: string, mistake: ScriptMistake): RepairEdit | null {
  const name = mistake.name!;
  const base = name.match(ELEMENT_HOLDER)?.[1];
  if (!base) return null;
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
  const ids = givenIds(text);
  const id = ids.find((i) => squash(i) === squash(name)) ?? ids.find((i) => squash(i) === squash(base)) ?? base.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
  const top = scriptTop(text, mistake.at);
  const declared = text.slice(0, top) + `const ${name} = document.getElementById("${id}");\n` + text.slice(top);
  // An id no element has: the element too, in the same try (it goes in the markup, before `top`).
  return { text: ids.includes(id) ? declared : addElement(declared, { at: top, kind: "id", name: id }).text, spans: [], end: top };
}

/**
 * The element a script looks up by an id no element has, added to the markup: the kind that
 * the script's use of it asks for (a button it listens to for clicks, a field it reads the value
 * of, a canvas it draws on, else a box it writes to), on a line of its own. Controls go after
 * the markup's last control, the rest just before the script; a button's label is its id in words.
 */
function addElement(text: string, mistake: ScriptMistake): RepairEdit {
  const id = mistake.name!;
  const script = text.lastIndexOf("<script", mistake.at);
  const code = text.slice(script);
  const quoted = `getElementById\\(\\s*["'\`]${escape(id)}["'\`]\\s*\\)`;
  // The element itself, or a name it was given (`const runBtn = ...`, `this.run = ...`).
  const holder = code.match(new RegExp(`([\\w$.]+)\\s*=\\s*document\\.${quoted}`))?.[1];
  const refs = [quoted, ...(holder ? [`(?<![\\w$.])${escape(holder)}(?![\\w$])`] : [])].join("|");
  const uses = (pattern: string) => new RegExp(`(?:${refs})\\s*\\.\\s*(?:${pattern})`).test(code);
  let open: string;
  if (uses("getContext")) open = `<canvas id="${id}" width="320" height="240"></canvas>`;
  else if (uses("checked")) open = `<input type="checkbox" id="${id}">`;
  else if (uses("value|select\\(|focus\\(")) open = `<input id="${id}">`;
  else if (uses(`addEventListener\\(\\s*["'\`]click|onclick`)) open = `<button id="${id}" type="button">${label(id)}</button>`;
  else open = `<div id="${id}"></div>`;
  const control = open.startsWith("<input") || open.startsWith("<button");
  const markup = text.slice(0, script);
  const lastControl = control ? Math.max(markup.lastIndexOf("</button>"), markup.lastIndexOf("<input"), markup.lastIndexOf("</select>")) : -1;
  // After the last control, on a line of its own; else on its own line just before the script.
  const at = lastControl >= 0 ? markup.indexOf(">", lastControl) + 1 : script;
  const line = lastControl >= 0 ? "\n" + open : open + "\n";
  return { text: text.slice(0, at) + line + text.slice(at), spans: [], end: at };
}

/** A button's label from its id: `newGame`, `new-game` and `newGameBtn` read "New game". */
function label(id: string): string {
  const words = id.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[-_]+/g, " ").replace(/\s*\b(btn|button)$/i, "").trim().toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : id;
}

function escape(s: string): string {
  return s.replace(/[$.*+?^()[\]{}|\\]/g, "\\$&");
}

/**
 * Whether `refilled` (`text` with an edit ending at `editEnd` made and refilled) mended
 * `mistake` (names and ids `given` up on aside): the first mistake is gone, or lies past both the edit and the line the mistake was
 * on (a name's mistake may move within it: it is where the name leaves every name declared), or
 * is a name's where the mistake was not (names are read only once every script parses and finds
 * its elements, so that mistake is gone).
 */
export function mended(text: string, mistake: ScriptMistake, editEnd: number, refilled: string, given: string[] = []): boolean {
  const after = firstScriptMistake(refilled, { given });
  if (!after || (after.kind === "name" && mistake.kind !== "name")) return true;
  const lineEnd = text.indexOf("\n", mistake.at) < 0 ? text.length : text.indexOf("\n", mistake.at);
  return after.at >= Math.max(editEnd, lineEnd) + refilled.length - text.length;
}
