// Repair. A block-causal model writes left to right and cannot look ahead, so an app may end
// with a script that still goes wrong (script-guard.ts): a name that nothing declares, an
// element the markup never gave, a slip the guard gave up on. The engine then edits the app:
// by rule where the script's own use says what is missing, by letting the model refill part of
// it with the whole app on both sides (its bidirectional infilling), or by letting the model
// choose among a few edits. This file says what each try edits, masks or offers, and whether
// it mended the mistake; and the tidy-ups of a finished app that no check reports.
import type { Node } from "acorn";
import { simple } from "acorn-walk";
import type { InfillSpan } from "./engine.ts";
import { declaredFunctions, nameUse } from "./name-use.ts";
import { inlineScripts } from "./script-names.ts";
import { firstScriptMistake, givenIds, type MistakeChecks, type ScriptMistake } from "./script-guard.ts";

/**
 * What the guard still checks while the model writes an app that is repaired afterwards:
 * syntax alone. Ids and names are the repair's, which adds what the script used and never gave.
 */
export const GUARD_BEFORE_REPAIR: MistakeChecks = { ids: false, names: false };
/**
 * Edits kept after a generation, at most; and refills that mend nothing, at most (the model's
 * time; the rule-made edits cost none and are tried all the same).
 */
export const MAX_REPAIRS = 8;
export const MAX_FAILED_REPAIRS = 3;
/** How far a syntax mistake's refill widens: its line, then one more line each side a try, up to this many. */
const MAX_WIDENING = 3;
/** A name that by its look holds an element, and what it is of: `history` of `historyEl`. */
const ELEMENT_HOLDER = /^([a-z][\w$]*?)(?:El|Elem|Element|Btn|Button|Input|Field|Display|Box)$/;
/** Tokens inserted for a declaration: `const MAX = 6;` and its line break are 6. */
const DECLARATION_TOKENS = 8;
/** Words that name one action on a button, for reusing an unused one (reuseElement). */
const ACTIONS = [
  ["start", "run", "play", "go", "begin", "resume", "toggle"],
  ["stop", "pause", "halt"],
  ["reset", "clear", "restart", "new"],
  ["add", "submit", "save", "create", "post", "send"],
  ["next", "forward", "skip"],
  ["prev", "previous", "back"],
  ["calc", "calculate", "compute", "convert"],
];
/** The script's functions the model weighs for a function it named and never wrote, at most. */
const MAX_CHOICES = 12;

/**
 * One try at a mistake. Either an edit, `text` (the app edited: an element added, a line
 * declared) with the `spans` the model refills in it; or `choices`, texts of which the model
 * keeps the one it finds likeliest at their `spans`. `end` is where the edit ends in the app
 * before it (mended() reads past it).
 */
export type RepairEdit = Refill | { choices: { text: string; spans: [number, number][] }[]; end: number };
export interface Refill {
  text: string;
  spans: InfillSpan[];
  end: number;
}

/**
 * The `fix`th try (from 0) at `mistake` in `text`, or null where nothing is left to try (a
 * name or id is then given up; a syntax slip ends the repair):
 * - a syntax slip: its line refilled, then the line and one more on each side, two, three;
 * - an id no element has: an unused control that names the same action, the model's choice
 *   (reuseElement); else the element added (addElement); then its line refilled;
 * - a name nothing declares: where it holds an element by its look, the lookup declared
 *   (declareElement); its line refilled; room for a line at the top of its script (the model
 *   wrote `Math.min(MAX, ...)` and never `const MAX = 6;`, which it writes there when asked);
 *   the line and one more on each side; and last a declaration that fits its use, or one of
 *   the script's functions in its place (declareByUse).
 */
export function repairEdit(text: string, mistake: ScriptMistake, fix: number): RepairEdit | null {
  const line = (widen: number) => () => lines(text, mistake.at, widen);
  const tries: (() => RepairEdit | null)[] =
    mistake.kind === "syntax"
      ? Array.from({ length: MAX_WIDENING + 1 }, (_, widen) => line(widen))
      : mistake.kind === "id"
        ? [() => reuseElement(text, mistake), () => addElement(text, mistake), line(0)]
        : [() => declareElement(text, mistake), line(0), () => roomAtTop(text, mistake), line(1), () => declareByUse(text, mistake)];
  for (const attempt of tries) {
    const edit = attempt();
    if (edit && fix-- === 0) return edit;
  }
  return null;
}

/** The line holding `at` and `widen` more on each side, refilled. */
function lines(text: string, at: number, widen: number): Refill {
  let start = text.lastIndexOf("\n", at - 1) + 1;
  let end = text.indexOf("\n", at);
  if (end < 0) end = text.length;
  for (let i = 0; i < widen; i++) {
    if (start > 0) start = text.lastIndexOf("\n", start - 2) + 1;
    const next = text.indexOf("\n", end + 1);
    if (end < text.length) end = next < 0 ? text.length : next;
  }
  return { text, spans: [{ start, end }], end };
}

/** Room for the model to write a line at the top of the mistake's script. */
function roomAtTop(text: string, mistake: ScriptMistake): Refill {
  const top = scriptTop(text, mistake.at);
  return { text, spans: [{ start: top, end: top, length: DECLARATION_TOKENS }], end: top };
}

/** The code of every script of `html` (one still open too), joined: where a name or an id is looked for in any of them. */
function scriptsCode(html: string): string {
  return [...html.matchAll(/<script\b[^>]*>([\s\S]*?)(?:<\/script|$)/gi)].map((m) => m[1]).join("\n");
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
function declareElement(text: string, mistake: ScriptMistake): Refill | null {
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
 * The last try at a name nothing declares, by how its script uses it (name-use.ts). A value is
 * declared at the top of its script, starting as the literal it is assigned, else as its use
 * reads it (`keys[e.key]` an object, `flagMode ? ...` false). A function, which no rule can
 * write, is one of the script's own that takes no more arguments than it gets, the one the
 * model finds likeliest in its place. Null where the script declares no such function.
 */
function declareByUse(text: string, mistake: ScriptMistake): RepairEdit | null {
  const name = mistake.name!;
  const open = text.lastIndexOf("<script", mistake.at);
  const from = text.indexOf(">", open) + 1;
  const close = text.indexOf("</script", from);
  const code = text.slice(from, close < 0 ? text.length : close);
  const module = /\btype\s*=\s*["']?module/i.test(text.slice(open, from));
  const use = nameUse(code, module, name);
  if (!use) return null;
  if (use.called === undefined) {
    const top = scriptTop(text, mistake.at);
    return { text: text.slice(0, top) + `let ${name} = ${use.initial};\n` + text.slice(top), spans: [], end: top };
  }
  const fits = declaredFunctions(code, module).filter((f) => f.params <= use.called!);
  const choices = fits.slice(0, MAX_CHOICES).map((f) => {
    let out = text.slice(0, from);
    let at = 0; // how far into `code` is copied
    const spans: [number, number][] = [];
    for (const site of use.sites) {
      out += code.slice(at, site);
      spans.push([out.length, out.length + f.name.length]);
      out += f.name;
      at = site + name.length;
    }
    return { text: out + text.slice(from + at), spans };
  });
  return choices.length ? { choices, end: from + use.sites[use.sites.length - 1] + name.length } : null;
}

/**
 * The tidy-ups of a finished app that no check reports: implicit globals declared, a runaway
 * title and a runaway attribute closed, the fields its scripts read from its form added, text
 * written into a field written to its value, `new` before a class called like a function.
 */
export function tidy(html: string): string {
  return newForClassCalls(fieldTextToValue(addFormFields(closeOpenAttributes(closeRawText(declareImplicitGlobals(html))))));
}

/** A lookup of an element by a literal id (the id: a group). */
const BY_ID = String.raw`document\.getElementById\(\s*["']([^"']+)["']\s*\)`;
/** A script's write of an element's text: a lookup (group 1) or a name (group 2), then the property (group 3). */
const TEXT_WRITE = new RegExp(String.raw`(?:${BY_ID}|\b([A-Za-z_$][\w$]*))\.(textContent|innerText)(?=\s*=[^=])`, "g");
/** A name declared as a lookup: the name, then the id. */
const LOOKUP_DECLARED = new RegExp(String.raw`\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*${BY_ID}`, "g");

/**
 * `html` with the text its scripts write into a text field or text area written to its value:
 * such a control shows its value, never its text. A fresh held-out calculator wrote its result
 * to `display.textContent`, its display an `<input readonly>`, and the display stayed "0"
 * whatever was pressed. No corpus app (of 40,000 read) writes a field's text. A name counts as
 * the field where a script declares it as `document.getElementById` of the field's id.
 */
export function fieldTextToValue(html: string): string {
  const fields = new Set([...html.matchAll(/<(?:input|textarea)\b[^>]*?\bid\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]));
  if (!fields.size) return html;
  const holders = new Map<string, string>();
  for (const m of scriptsCode(html).matchAll(LOOKUP_DECLARED)) holders.set(m[1], m[2]);
  return html.replace(TEXT_WRITE, (write: string, id: string | undefined, name: string | undefined, property: string, at: number) => {
    const field = id ?? holders.get(name!);
    return field && fields.has(field) && inScript(html, at) ? write.slice(0, -property.length) + "value" : write;
  });
}

/** What a script may read from a form's `elements` besides its fields. */
const FORM_COLLECTION = new Set(["length", "item", "namedItem"]);

/**
 * `html` with a field added to its form for each name its scripts read from `elements` that no
 * control of the form has (`this.elements.date.value` throws on submit): the dev landing page
 * wrote a signup form, then a booking script that reads a date and a party size. Only where the
 * page has one form; the fields go before its submit button, else at its end.
 */
export function addFormFields(html: string): string {
  const forms = [...html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form\s*>/gi)];
  if (forms.length !== 1) return html;
  const [form] = forms;
  const scripts = scriptsCode(html);
  const read = new Set([...scripts.matchAll(/\belements\s*(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*["'`]([^"'`]+)["'`]\s*\])/g)].map((m) => m[1] ?? m[2]));
  const given = new Set([...form[1].matchAll(/<(?:input|select|textarea|button|fieldset|output)\b[^>]*?\b(?:name|id)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]));
  const missing = [...read].filter((name) => !given.has(name) && !FORM_COLLECTION.has(name));
  if (!missing.length) return html;
  const contents = form.index + form[0].indexOf(">") + 1;
  const submit = form[1].search(/<button\b(?![^>]*\btype\s*=\s*["']?(?:button|reset))|<input\b[^>]*\btype\s*=\s*["']?submit/i);
  const at = submit >= 0 ? contents + submit : form.index + form[0].search(/<\/form\s*>$/i);
  return html.slice(0, at) + missing.map(formField).join("\n") + "\n" + html.slice(at);
}

/** A field named `name`, of the type its name says (a date, an email, a number of people), labelled from it. */
function formField(name: string): string {
  const words = label(name);
  if (/message|comment|note/i.test(name)) return `<textarea name="${name}" placeholder="${words}" aria-label="${words}"></textarea>`;
  const type = /date/i.test(name) ? "date" : /e-?mail/i.test(name) ? "email" : /phone|tel/i.test(name) ? "tel" : /people|guests|party|size|count|qty|quantity|age|amount|number/i.test(name) ? "number" : "";
  return `<input name="${name}"${type ? ` type="${type}"` : ""}${type === "number" ? ' min="1"' : ""} placeholder="${words}" aria-label="${words}">`;
}

/**
 * `html` with each `<title>` and `<textarea>` that holds markup closed where its first line
 * ends (or its markup starts). Their text runs to their closing tag, so one the model left open
 * swallows the page: it wrote `<title>Memory Game` and went on to the style, and the app showed
 * nothing.
 */
export function closeRawText(html: string): string {
  return html.replace(/(<(title|textarea)\b[^>]*>)([\s\S]*?)(?=<\/\2\s*>|$)/gi, (whole, open: string, tag: string, text: string) => {
    // A title holds no markup; a textarea may (an HTML sample), but not the page's own structure.
    const markup = text.search(tag.toLowerCase() === "title" ? /<[a-z!/]/i : /<(\/?(div|main|section|form|label|button|p|body|head|html)\b|script|style)/i);
    if (markup < 0) return whole;
    const end = Math.min(markup, text.includes("\n") ? text.indexOf("\n") : markup);
    return `${open}${text.slice(0, end)}</${tag}>${text.slice(end)}`;
  });
}

/**
 * A start tag (its name, then whole attributes) whose last attribute's quote is still open where
 * its line ends; groups: the quote, the value so far.
 */
const OPEN_ATTRIBUTE = /<[a-zA-Z][\w-]*(?:\s+[\w:-]+(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=]+))?)*\s+[\w:-]+\s*=\s*(["'])([^"'<>\n]*)(?=\n)/g;

/** Whether offset `at` of `html` lies inside a script, where a template literal may hold anything. */
function inScript(html: string, at: number): boolean {
  const open = html.lastIndexOf("<script", at);
  if (open < 0) return false;
  const close = html.indexOf("</script", open);
  return close < 0 || close > at;
}

/**
 * `html` with each attribute whose quote is left open at the end of its line closed there, and
 * its tag with it; a tag whose open quote holds nothing yet is dropped. The parser would read
 * all that follows, markup and scripts, as the attribute's value up to the next quote: the dev
 * quote app wrote `<div id="counter` and its script never ran. No corpus app breaks a line
 * inside an attribute. Scripts are left alone.
 */
export function closeOpenAttributes(html: string): string {
  return html.replace(OPEN_ATTRIBUTE, (tag: string, quote: string, value: string, at: number) => {
    if (inScript(html, at)) return tag;
    return value ? `${tag}${quote}>` : "";
  });
}

/**
 * `html` with `new` before each call of a class its scripts declare: a class called like a
 * function throws at once. A fresh recipe scaler ended its script with `Scaler();`. No corpus
 * app (of 40,000 read) calls a class.
 */
export function newForClassCalls(html: string): string {
  const scripts = inlineScripts(html);
  const classes = new Set(scripts.flatMap((s) => s.scope.variables.filter((v) => v.defs.some((d) => d.type === "ClassName")).map((v) => v.name)));
  const insertions: number[] = [];
  for (const { from, scope } of scripts) {
    simple(scope.block as unknown as Node, {
      CallExpression(node) {
        const callee = (node as unknown as { callee: Node & { name?: string } }).callee;
        if (callee.type === "Identifier" && classes.has(callee.name!)) insertions.push(from + callee.start);
      },
    });
  }
  for (const at of insertions.sort((a, b) => b - a)) html = html.slice(0, at) + "new " + html.slice(at);
  return html;
}

/**
 * `html` with each name that an inline script assigns without declaring it (a sloppy script's
 * implicit global) and also reads declared at the top of that script, as declareByUse declares
 * it. Such a script runs, but throws where it reads the name before it first assigns it: the
 * model wrote `lastLap = t` in a lap handler and read `t - lastLap` before any lap.
 */
export function declareImplicitGlobals(html: string): string {
  const scripts = inlineScripts(html);
  const declared = new Set(scripts.flatMap((s) => s.scope.variables.map((v) => v.name)));
  const insertions: [number, string][] = [];
  for (const { from, close, code, scope } of scripts) {
    const implicit = scope.implicit.variables.map((v) => v.name);
    const lines = implicit.flatMap((name) => {
      const use = nameUse(code, false, name);
      if (declared.has(name) || !use?.read) return [];
      declared.add(name); // once, in the first script that assigns it
      return [`let ${name} = ${use.initial};\n`];
    });
    const lineBreak = html.indexOf("\n", from);
    if (lines.length) insertions.push([lineBreak >= 0 && lineBreak < close ? lineBreak + 1 : from, lines.join("")]);
  }
  for (const [at, lines] of insertions.reverse()) html = html.slice(0, at) + lines + html.slice(at);
  return html;
}

/** The kinds of element a script's use of one asks for (wantedElement). */
type ElementKind = "canvas" | "checkbox" | "field" | "button" | "box";
/** Markup of controls of a kind, with their id (group 1), for reuseElement. */
const CONTROLS: Partial<Record<ElementKind, RegExp>> = {
  button: /<button\b[^>]*?\bid\s*=\s*["']([^"']+)["'][^>]*>/gi,
  field: /<(?:input|select|textarea)\b(?![^>]*\btype\s*=\s*["']?(?:checkbox|radio|button|submit))[^>]*?\bid\s*=\s*["']([^"']+)["'][^>]*>/gi,
  checkbox: /<input\b(?=[^>]*\btype\s*=\s*["']?checkbox)[^>]*?\bid\s*=\s*["']([^"']+)["'][^>]*>/gi,
};

/**
 * The element that a script's use of an id it looks up asks for: a canvas it draws on, a
 * checkbox, a field it reads the value of, a button it listens to for clicks, else a box it
 * writes to.
 */
function wantedElement(text: string, mistake: ScriptMistake): ElementKind {
  const id = mistake.name!;
  const code = text.slice(text.lastIndexOf("<script", mistake.at));
  const quoted = `getElementById\\(\\s*["'\`]${escape(id)}["'\`]\\s*\\)`;
  // The element itself, or a name it was given (`const runBtn = ...`, `this.run = ...`).
  const holder = code.match(new RegExp(`([\\w$.]+)\\s*=\\s*document\\.${quoted}`))?.[1];
  const refs = [quoted, ...(holder ? [`(?<![\\w$.])${escape(holder)}(?![\\w$])`] : [])].join("|");
  const uses = (pattern: string) => new RegExp(`(?:${refs})\\s*\\.\\s*(?:${pattern})`).test(code);
  if (uses("getContext")) return "canvas";
  if (uses("checked")) return "checkbox";
  if (uses("value|select\\(|focus\\(")) return "field";
  if (uses(`addEventListener\\(\\s*["'\`]click|onclick`)) return "button";
  return "box";
}

/**
 * An id no element has, where the markup before its script has controls of the kind the script
 * asks for that nothing else uses (no script names their id, no handler attribute): the lookups
 * renamed to each such control's id, of which the model keeps the likeliest. The model wrote
 * Start and Pause buttons, then a script that toggles one `run` button; a form's unlabelled
 * button, then a script that listens to an `add` button. Null where there is none.
 */
function reuseElement(text: string, mistake: ScriptMistake): RepairEdit | null {
  const controls = CONTROLS[wantedElement(text, mistake)];
  if (!controls) return null;
  const script = text.lastIndexOf("<script", mistake.at);
  const scripts = scriptsCode(text);
  const unused = [...text.slice(0, script).matchAll(controls)]
    .filter(([tag, id]) => !/\son\w+\s*=/i.test(tag) && !new RegExp(`["'\`#]${escape(id)}(?![\\w-])`).test(scripts))
    .map(([, id]) => id)
    .filter((id) => sameAction(id, mistake.name!));
  const lookup = new RegExp(`(getElementById\\(\\s*["'\`])${escape(mistake.name!)}(?=["'\`]\\s*\\))`, "g");
  if (text.search(lookup) < 0) return null; // a literal still joined to more: `"score" + turn`
  const choices = unused.slice(0, MAX_CHOICES).map((id) => {
    const spans: [number, number][] = [];
    let shift = 0; // how much longer the text has grown before the current lookup
    const renamed = text.replace(lookup, (_, head: string, at: number) => {
      const start = at + shift + head.length;
      spans.push([start, start + id.length]);
      shift += id.length - mistake.name!.length;
      return head + id;
    });
    return { text: renamed, spans };
  });
  return choices.length ? { choices, end: mistake.at } : null;
}

/**
 * Whether two ids name the same action: a word in common, or words of one group of synonyms
 * (`run` and `start`; not `random` and `clear`, which would wire a Clear button to randomize).
 */
function sameAction(a: string, b: string): boolean {
  const groups = (id: string) => words(id).map((w) => ACTIONS.findIndex((g) => g.includes(w))).filter((g) => g >= 0);
  return words(a).some((w) => words(b).includes(w)) || groups(a).some((g) => groups(b).includes(g));
}

/** An id's words, lower-cased, without a trailing `btn` or `button`: `newGameBtn` is new, game. */
function words(id: string): string[] {
  return label(id).toLowerCase().split(" ");
}

/**
 * The element a script looks up by an id no element has, added to the markup: the kind that
 * the script's use of it asks for (wantedElement), on a line of its own. Controls go after the
 * markup's last control, the rest just before the script; a button's label is its id in words.
 */
function addElement(text: string, mistake: ScriptMistake): Refill {
  const id = mistake.name!;
  const script = text.lastIndexOf("<script", mistake.at);
  const open = {
    canvas: `<canvas id="${id}" width="320" height="240"></canvas>`,
    checkbox: `<input type="checkbox" id="${id}">`,
    field: `<input id="${id}">`,
    button: `<button id="${id}" type="button">${label(id)}</button>`,
    box: `<div id="${id}"></div>`,
  }[wantedElement(text, mistake)];
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
 * its elements, so that mistake is gone), or is another name's that was there before (a fresh
 * game of life read `setInterval(step, 530 - speedEl.value)`: the edit of `step`, which renamed
 * every use of it, ends past `speedEl`).
 */
export function mended(text: string, mistake: ScriptMistake, editEnd: number, refilled: string, given: string[] = []): boolean {
  const after = firstScriptMistake(refilled, { given });
  if (!after || (after.kind === "name" && mistake.kind !== "name")) return true;
  // An edit of every use of a name may reach past another name's mistake that was there before it.
  if (mistake.kind === "name" && after.kind === "name" && after.name !== mistake.name && firstScriptMistake(text, { given: [...given, mistake.name!] })?.name === after.name) return true;
  const lineEnd = text.indexOf("\n", mistake.at) < 0 ? text.length : text.indexOf("\n", mistake.at);
  return after.at >= Math.max(editEnd, lineEnd) + refilled.length - text.length;
}
