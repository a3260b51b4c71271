// A slot the markup makes and no script fills: an empty element with an id (a task count's
// `<span id="count"></span>`) that no script names. The model writes the markup first and the
// script after, and now and then never comes back to a slot it made: three of five fresh todo
// apps showed no count. No error shows it; the page just lacks what was asked. The engine has
// the model write the missing line at the end of the page's render function (Engine.repair).
import type { Node } from "acorn";
import { inlineScripts } from "./script-names.ts";
import { classesOf, idOf, indentAt, stringLiterals, type Unwritten } from "./unwritten.ts";

/** An element that shows text, empty or holding a number: its tag, attributes and content. */
const TEXT_SLOT = /<(span|p|strong|b|em|small|output|div|h[1-6])\b([^>]*)>\s*\d*\s*<\/\1>/gi;
/** What a script writes into the page with. */
const DOM_WRITE = /\.(innerHTML|textContent|innerText|appendChild|append|replaceChildren)\b/;

/**
 * The first slot of `html` that no script fills, with where its line goes, or null: none (other
 * than the ids in `skip`), or no render function to put it in. A render function is a top-level
 * function of an inline script that writes into the page and is called from at least two
 * places, the most called one.
 */
export function firstUnwrittenOutput(html: string, skip: string[] = []): Unwritten | null {
  const scripts = inlineScripts(html);
  if (!scripts.length) return null;
  // Every script's code and every inline handler: where a slot could be named.
  const code = [...scripts.map((s) => s.code), ...[...html.matchAll(/\son\w+\s*=\s*"([^"]*)"/gi)].map((m) => m[1])].join("\n");
  const literals = stringLiterals(code);
  const slot = [...html.matchAll(TEXT_SLOT)]
    .map((m) => ({ attributes: m[2], id: idOf(m[2]) }))
    .find(({ attributes, id }) => id && !skip.includes(id) && !code.includes(id) && !classesOf(attributes).some((c) => code.includes(c)) && !couldBuild(id, literals));
  if (!slot?.id) return null;
  const render = renderFunction(scripts, code);
  if (!render) return null;
  const indent = indentAt(html, render.lastStatement);
  return { key: slot.id, places: [{ at: render.end, lead: `\n${indent}document.getElementById(${JSON.stringify(slot.id)}).textContent =` }], room: 24, end: statementEnd };
}

/**
 * A statement written on to the end of its line: the line, if it ends the statement, and does
 * not write an element as text (a fresh chart's summary got `document.getElementById("values")`,
 * which shows "[object HTMLInputElement]").
 */
function statementEnd(written: string): string | null {
  const line = written.split("\n")[0].trimEnd();
  return line.endsWith(";") && !/\b(getElementById|querySelector)\([^()]*\);$/.test(line) ? line : null;
}

/**
 * Whether the code's string literals could build `id` with something else: a part of one
 * (between template substitutions), two characters or more, that begins or ends it and is not
 * all of it (`name + "-error"` for "email-error", `"score" + turn` for "scoreX", `` `row-${i}` ``).
 */
function couldBuild(id: string, literals: string[]): boolean {
  return literals.some((literal) => literal.split(/\$\{[^}]*\}/).some((p) => p.length >= 2 && p !== id && (id.startsWith(p) || id.endsWith(p))));
}

/**
 * The page's render function: of the top-level function declarations that write into the page,
 * the one called from the most places (two at least). Where its last statement that writes into
 * the page starts and ends, as offsets in the page: the slot's line goes after it (before the
 * saving to localStorage that often ends a render).
 */
function renderFunction(scripts: ReturnType<typeof inlineScripts>, code: string): { lastStatement: number; end: number } | null {
  let best: { calls: number; lastStatement: number; end: number } | null = null;
  for (const { from, code: source, scope } of scripts) {
    for (const node of (scope.block as unknown as { body: Node[] }).body) {
      if (node.type !== "FunctionDeclaration") continue;
      const fn = node as Node & { id: { name: string }; body: { body: Node[] } };
      const last = fn.body.body.findLast((statement) => DOM_WRITE.test(source.slice(statement.start, statement.end)));
      if (!last) continue;
      const calls = [...code.matchAll(new RegExp(String.raw`\b${fn.id.name.replace(/\$/g, "\\$")}\s*\(`, "g"))].length - 1; // less its declaration
      if (calls >= 2 && (!best || calls > best.calls)) best = { calls, lastStatement: from + last.start, end: from + last.end };
    }
  }
  return best && { lastStatement: best.lastStatement, end: best.end };
}
