// Names a finished script reads that nothing gives it: a ReferenceError as soon as that line runs.
// The model's commonest mistake after syntax: a name written twice over (`rrunun` for
// `running`), a variable of another function (`list`), or an element it uses and never looked
// up (`timeEl`). Scopes are eslint-scope's (what ESLint's no-undef reads). A script's top-level
// names are every script's (one global scope), and so is a name a sloppy script assigns to
// without declaring it; strict code (a class body, a module) throws there instead.
import { parse, type Node } from "acorn";
import { fullAncestor } from "acorn-walk";
import { analyze, type GlobalScope, type Reference, type Scope } from "eslint-scope";
import globals from "globals";

/** Calls that take a function and the arguments they call it with: timers none, the rest one. */
const CALLBACK_TAKERS: Record<string, number> = {
  setInterval: 0,
  setTimeout: 0,
  requestAnimationFrame: 1,
  addEventListener: 1,
  removeEventListener: 1,
  forEach: 1,
  map: 1,
  filter: 1,
  some: 1,
  every: 1,
  find: 1,
  then: 1,
};

/** What a page's scripts may always read: the language's built-ins and the browser's window. */
const BROWSER = new Set([...Object.keys(globals.builtin), ...Object.keys(globals.browser)]);

/** The global names a parsed script gives, and the names it reads that neither it nor the browser declares. */
export interface ScriptNames {
  declared: Set<string>;
  /**
   * In source order; each with the names its scope and those around it declare, and whether it
   * is called there or handed where a function goes (`setInterval(step, 100)`).
   */
  unresolved: { name: string; start: number; visible: string[]; called: boolean }[];
}

/**
 * Parse `code` (it must parse: the caller checked its syntax) and resolve its names; null where
 * eslint-scope cannot read what acorn parsed (syntax newer than it knows).
 */
export function scriptNames(code: string, module: boolean): ScriptNames | null {
  const global = globalScope(code, module);
  if (!global) return null;
  const declared = new Set([...global.variables, ...global.implicit.variables].map((v) => v.name));
  // The browser's names are never a mistake; dropped first, they leave most scripts nothing to walk for.
  const through = global.through.filter((r) => !BROWSER.has(r.identifier.name) && throwsWhenRun(r, code));
  const called = functionUses(global, new Set(through.map((r) => r.identifier as unknown as Node)));
  const unresolved = through
    .map((r) => ({ name: r.identifier.name, start: r.identifier.range![0], visible: visibleFrom(r.from), called: called.has(r.identifier as unknown as Node) }))
    .sort((a, b) => a.start - b.start);
  return { declared, unresolved };
}

/** Those of `uses` (identifiers of the script `global` reads) that are called or handed where a function goes. */
function functionUses(global: GlobalScope, uses: Set<Node>): Set<Node> {
  const out = new Set<Node>();
  if (!uses.size) return out;
  fullAncestor(global.block as unknown as Node, (node, _state, ancestors) => {
    if (uses.has(node) && callbackArgs(node, ancestors[ancestors.length - 2] as Record<string, never> & Node) !== undefined) out.add(node);
  });
  return out;
}

/** The arguments a function in `node`'s place is called with, or undefined where it is no function. */
export function callbackArgs(node: Node, parent: Record<string, never> & Node): number | undefined {
  if ((parent.type === "CallExpression" || parent.type === "NewExpression") && parent.callee === node) return (parent.arguments as unknown[]).length;
  if (parent.type === "CallExpression" && (parent.arguments as unknown[]).includes(node)) {
    const callee = parent.callee as { type: string; name?: string; property?: { name?: string } };
    return CALLBACK_TAKERS[(callee.type === "MemberExpression" ? callee.property?.name : callee.name) ?? ""];
  }
  // `button.onclick = nextGeneration`
  const left = parent.left as { type: string; property?: { name?: string } } | undefined;
  if (parent.type === "AssignmentExpression" && parent.right === node && /^on/.test(left?.property?.name ?? "")) return 1;
  return undefined;
}

/**
 * Parse `code` (it must parse) and read its scopes: the global scope, whose `through` holds the
 * references nothing declares; null where eslint-scope cannot read what acorn parsed.
 */
export function globalScope(code: string, module: boolean): GlobalScope | null {
  const sourceType = module ? "module" : "script";
  const ast = parse(code, { ecmaVersion: "latest", sourceType, ranges: true }); // eslint-scope reads ranges
  try {
    return analyze(ast as never, { ecmaVersion: 2022, sourceType }).globalScope!;
  } catch {
    return null;
  }
}

/**
 * The first function `code` declares twice in one scope, by name, or null (`code` must parse).
 * The second declaration silently replaces the first, everywhere in that scope (ESLint's
 * no-redeclare): no error shows it, but the first is never run.
 */
export function redeclaredFunction(code: string, module: boolean): string | null {
  const global = globalScope(code, module);
  const scopes: Scope[] = global ? [global] : [];
  for (const scope of scopes) {
    for (const v of scope.variables) if (v.defs.filter((d) => d.type === "FunctionName").length > 1) return v.name;
    scopes.push(...scope.childScopes);
  }
  return null;
}

/**
 * Whether an unresolved reference throws: a read does (bar `typeof x`, the one way to ask
 * whether x exists), and so does a write in strict code.
 */
function throwsWhenRun(r: Reference, code: string): boolean {
  const start = r.identifier.range![0];
  if (/\btypeof\s*$/.test(code.slice(Math.max(0, start - 20), start))) return false;
  return r.isRead() || r.from.isStrict;
}

/** The names declared in `scope` and every scope around it. */
function visibleFrom(scope: Scope | null): string[] {
  const names: string[] = [];
  for (; scope; scope = scope.upper) names.push(...scope.variables.map((v) => v.name));
  return names;
}

/**
 * The first name in `names.unresolved` (none of them the browser's) that neither `declared`
 * (every script's global names) nor an element id in `ids` (a window property) gives; null if none.
 * An element is never a function: a call of a name only an id gives throws (a held-out dice
 * app called `roll()`, its button's id, and never wrote the function), and a timer handed one
 * runs its text as code, which the sandbox forbids (a fresh game of life ran
 * `setInterval(step, ...)`, `step` its Step button's id, beside a `nextGeneration()`).
 */
export function firstUndeclared(names: ScriptNames, declared: Set<string>, ids: string[]): ScriptNames["unresolved"][number] | null {
  return names.unresolved.find((r) => !declared.has(r.name) && (r.called || !ids.includes(r.name))) ?? null;
}

/** The classic inline scripts of `html` that parse and that eslint-scope reads: where each starts and ends, its code and its global scope. */
export function inlineScripts(html: string): { from: number; close: number; code: string; scope: GlobalScope }[] {
  return [...html.matchAll(/<script(\s[^>]*)?>/gi)].flatMap((open) => {
    const from = open.index + open[0].length;
    const close = html.indexOf("</script", from);
    if (close < 0 || /\b(src|type)\s*=/i.test(open[1] ?? "")) return [];
    const code = html.slice(from, close);
    try {
      const scope = globalScope(code, false);
      return scope ? [{ from, close, code, scope }] : [];
    } catch {
      return []; // it does not parse: the repair's, not a tidy-up's
    }
  });
}
