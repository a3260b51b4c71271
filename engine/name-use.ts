// How a finished script uses a name that nothing declares, read from its syntax tree, for the
// repair's last try at it (repair.ts). The model reads a variable it never declared (`keys[e.key]
// = true` with no `const keys = {}`), or hands over a function by another name than the one it
// wrote (`setInterval(evolve, 150)` beside `function step()`): the first gets a declaration whose
// value fits its use, the second one of the script's own functions.
import type { Node } from "acorn";
import { fullAncestor } from "acorn-walk";
import type { Reference } from "eslint-scope";
import { callbackArgs, globalScope } from "./script-names.ts";

/** Properties that say a value is an array. */
const ARRAY_PROPERTIES = new Set(["push", "pop", "shift", "unshift", "length", "map", "forEach", "filter", "some", "every", "find", "findIndex", "includes", "indexOf", "splice", "slice", "join", "fill", "reduce", "sort", "concat"]);
const ARITHMETIC = new Set(["-", "*", "/", "%", "**", "<", ">", "<=", ">="]);

/** What a script's uses of `name` ask it to be, and where they are. */
export interface NameUse {
  /** Where each use of the name starts in the code. */
  sites: number[];
  /** Whether the script reads it (not only assigns it). */
  read: boolean;
  /** Called, or handed where a function goes: the most arguments it gets. Absent for a value. */
  called?: number;
  /** For a value, what its declaration starts it as: a literal it is assigned, else by its use. */
  initial: string;
}

/** A function the script declares at its top level, with how many parameters it takes. */
export interface DeclaredFunction {
  name: string;
  params: number;
}

/** The uses of `name` in `code` (which parses) that nothing declares, or null where there are none. */
export function nameUse(code: string, module: boolean, name: string): NameUse | null {
  const global = globalScope(code, module);
  const refs = global?.through.filter((r) => r.identifier.name === name) ?? [];
  if (!global || !refs.length) return null;
  const uses = new Set(refs.map((r) => r.identifier as unknown as Node));
  const seen = new Set<string>();
  let called: number | undefined;
  let assigned: string | undefined;
  fullAncestor(global.block as unknown as Node, (node, _state, ancestors) => {
    const at = node as Record<string, never> & Node;
    // An assignment's target is a pattern, which the walk reports only through its assignment.
    if (at.type === "AssignmentExpression" && uses.has(at.left)) {
      if (at.operator === "=") assigned ??= literal(code, at.right);
      else seen.add(valueKind(at.left, at));
    }
    if (!uses.has(node)) return;
    const parent = ancestors[ancestors.length - 2] as Record<string, never> & Node;
    const args = callbackArgs(node, parent);
    if (args !== undefined) called = Math.max(called ?? 0, args);
    else seen.add(valueKind(node, parent));
  });
  const kinds: [string, string][] = [["array", "[]"], ["object", "{}"], ["number", "0"], ["string", '""'], ["boolean", "false"]];
  const initial = assigned ?? kinds.find(([kind]) => seen.has(kind))?.[1] ?? "null";
  return { sites: refs.map((r: Reference) => r.identifier.range![0]), read: refs.some((r) => r.isRead()), ...(called !== undefined && { called }), initial };
}

/** The functions `code` declares at its top level: `function f() {}` and `const f = () => {}`. */
export function declaredFunctions(code: string, module: boolean): DeclaredFunction[] {
  const out: DeclaredFunction[] = [];
  for (const v of globalScope(code, module)?.variables ?? []) {
    const node = v.defs[0]?.node as unknown as { type: string; params?: unknown[]; init?: { type: string; params?: unknown[] } };
    const fn = node?.type === "FunctionDeclaration" ? node : /Function/.test(node?.init?.type ?? "") ? node.init : null;
    if (fn) out.push({ name: v.name, params: fn.params!.length });
  }
  return out;
}

/** What a read or write of a value says about it: array, object, number, string, boolean, or unknown. */
function valueKind(node: Node, parent: Record<string, never> & Node): string {
  switch (parent.type) {
    case "MemberExpression": {
      if (parent.object !== node) return "unknown";
      const property = parent.property as { type: string; name?: string; value?: unknown };
      if (!parent.computed) return ARRAY_PROPERTIES.has(property.name!) ? "array" : "object";
      // `grid[r]`, `items[0]` index an array; `keys[e.key]`, `seen["a"]` key an object
      return property.type === "Identifier" || typeof property.value === "number" ? "array" : "object";
    }
    case "AssignmentExpression":
      return parent.operator === "+=" && (parent.right as { value?: unknown }).value?.constructor === String ? "string" : "number";
    case "UpdateExpression":
      return "number";
    case "UnaryExpression":
      return parent.operator === "!" ? "boolean" : "number";
    case "IfStatement":
    case "ConditionalExpression":
    case "WhileStatement":
    case "LogicalExpression":
      return "boolean";
    case "BinaryExpression": {
      if (ARITHMETIC.has(parent.operator)) return "number";
      const other = (parent.left === node ? parent.right : parent.left) as { type: string; value?: unknown };
      return other.type === "Literal" ? typeof other.value : "unknown";
    }
    default:
      return "unknown";
  }
}

/** The source of `node` where it is a literal a declaration may start with, else undefined. */
function literal(code: string, node: { type: string; range?: [number, number]; elements?: unknown[]; properties?: unknown[]; argument?: { type: string } }): string | undefined {
  const simple =
    node.type === "Literal" ||
    (node.type === "ArrayExpression" && !node.elements!.length) ||
    (node.type === "ObjectExpression" && !node.properties!.length) ||
    (node.type === "UnaryExpression" && node.argument!.type === "Literal");
  return simple ? code.slice(...node.range!) : undefined;
}
