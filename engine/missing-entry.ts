// A table the script looks choices up in that lacks some the markup offers: a converter's tabs
// for length, weight and temperature, and a `UNITS` object holding temperature, speed and
// volume. Picking Length throws (`UNITS[cat].map` of undefined). Four of five fresh converters
// went wrong so: the model wrote the tabs, then a table of other categories. The engine has the
// model write each missing entry at the table's end (Engine.repair).
import type { Node } from "acorn";
import { inlineScripts } from "./script-names.ts";
import { indentAt, withoutScripts, type Unwritten } from "./unwritten.ts";

type ObjectNode = Node & { properties: (Node & { key: { type: string; name?: string; value?: unknown }; computed: boolean })[] };

/**
 * The first entry missing from a table of `html`'s inline scripts (other than the keys in `skip`,
 * as `TABLE.key`), with where it goes; null if none. A table is an object literal a top-level
 * `const` holds and the scripts index by a value (`UNITS[cat]`); its choices are the values of
 * one data attribute across the markup (`data-cat="length"`) or of one select's options, at
 * least two, some of which it holds and some not.
 */
export function firstMissingEntry(html: string, skip: string[] = []): Unwritten | null {
  const scripts = inlineScripts(html);
  const code = scripts.map((s) => s.code).join("\n");
  const offered = choices(html);
  for (const { from, code: source, scope } of scripts) {
    for (const statement of (scope.block as unknown as { body: Node[] }).body) {
      const declarator = statement.type === "VariableDeclaration" ? (statement as Node & { declarations: (Node & { id: { name?: string }; init: Node | null })[] }).declarations[0] : null;
      const table = declarator?.id.name;
      if (!table || declarator.init?.type !== "ObjectExpression" || !new RegExp(String.raw`\b${table.replace(/\$/g, "\\$")}\[`).test(code)) continue;
      const object = declarator.init as ObjectNode;
      const keys = object.properties.map((p) => (p.computed ? undefined : (p.key.name ?? p.key.value)));
      const last = object.properties.at(-1);
      if (!last || keys.some((k) => typeof k !== "string")) continue;
      const set = offered.find((values) => values.some((v) => keys.includes(v)) && values.some((v) => !keys.includes(v)));
      const key = set?.find((v) => !keys.includes(v) && !skip.includes(`${table}.${v}`));
      if (!key) continue;
      const trailingComma = source.slice(last.end, object.end - 1).includes(",");
      const at = from + (trailingComma ? source.indexOf(",", last.end) + 1 : last.end);
      const indent = indentAt(source, last.start);
      const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
      return { key: `${table}.${key}`, places: [{ at, lead: `${trailingComma ? "" : ","}\n${indent}${name}:` }], room: 96, end: entryEnd };
    }
  }
  return null;
}

/** The markup's sets of choices: each data attribute's values, each select's option values (two or more, outside scripts). */
function choices(html: string): string[][] {
  const markup = withoutScripts(html);
  const byAttribute = new Map<string, string[]>();
  for (const m of markup.matchAll(/\sdata-([\w-]+)\s*=\s*["']([^"']+)["']/gi)) byAttribute.set(m[1], [...(byAttribute.get(m[1]) ?? []), m[2]]);
  const selects = [...markup.matchAll(/<select\b[\s\S]*?<\/select>/gi)].map((s) => [...s[0].matchAll(/<option\b[^>]*\bvalue\s*=\s*["']([^"']+)["']/gi)].map((o) => o[1]));
  return [...byAttribute.values(), ...selects].map((values) => [...new Set(values)]).filter((values) => values.length >= 2);
}

/** An entry written on from its key: the rest of its line, its value (and the comma after it). */
function entryEnd(written: string): string | null {
  const line = written.split("\n")[0].trimEnd();
  return line.trim() ? line : null;
}
