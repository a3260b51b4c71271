// A method a class calls on itself and never defines: `this.fit()` in a Paint class with no fit.
// It throws a TypeError as soon as that line runs. The model wrote the call, went on, and never
// came back to write the method (two fresh drawing apps, whose canvas never got its size, and a
// fresh counter that never showed its count). The engine has the model write it among the
// class's members (Engine.repair).
import type { Node } from "acorn";
import { fullAncestor } from "acorn-walk";
import { inlineScripts } from "./script-names.ts";
import { indentAt, type Unwritten } from "./unwritten.ts";

type ClassNode = Node & { superClass: Node | null; body: Node & { body: (Node & { key?: { name?: string } })[] } };

/**
 * The first method a class of `html`'s inline scripts calls on `this` and neither defines nor
 * assigns (other than the names in `skip`), with where it goes; null if none. Classes that extend
 * another are skipped: the method may be inherited.
 */
export function firstMissingMethod(html: string, skip: string[] = []): Unwritten | null {
  for (const { from, scope } of inlineScripts(html)) {
    let found: Unwritten | null = null;
    fullAncestor(scope.block as unknown as Node, (node) => {
      if (found || (node.type !== "ClassDeclaration" && node.type !== "ClassExpression")) return;
      const cls = node as ClassNode;
      const last = cls.body.body.at(-1);
      if (cls.superClass || !last) return;
      const call = missingMethod(cls, skip);
      if (!call) return;
      // After the member that calls it, where the model may go on to it (a resize method after the
      // constructor that observes the size), else after the class's last member (after the
      // constructor, a chat class goes on to the `add` it always writes next, whatever it is
      // asked). The lead ends at the name: the tokenizer joins a parenthesis to what follows it
      // (`(e)`, `()`), and a text cut inside a token sets the model writing nonsense.
      const caller = cls.body.body.find((m) => m.start <= call.start && call.start < m.end)!;
      const places = [...new Set([caller, last])].map((member) => {
        const indent = indentAt(html, from + member.start);
        return { at: from + member.end, lead: `\n${indent}${call.name}`, indent };
      });
      found = { key: call.name, places, room: 128, end: (written) => methodEnd(written, call.name, places[0].indent) };
    });
    if (found) return found;
  }
  return null;
}

/** The first call `cls` makes as `this.name(...)` from its own members of a name it never gives. */
function missingMethod(cls: ClassNode, skip: string[]): { name: string; start: number } | null {
  const given = new Set([...cls.body.body.map((m) => m.key?.name), ...skip, ...Object.getOwnPropertyNames(Object.prototype)]);
  const called: { name: string; start: number }[] = [];
  fullAncestor(cls.body, (node, _state, ancestors) => {
    const member = node as Node & { object?: Node; property?: { name?: string }; computed?: boolean };
    if (node.type !== "MemberExpression" || member.object?.type !== "ThisExpression" || member.computed || !member.property?.name) return;
    if (ownThis(ancestors, cls)) {
      const parent = ancestors[ancestors.length - 2] as Node & { left?: Node; callee?: Node };
      if (parent.type === "AssignmentExpression" && parent.left === node) given.add(member.property.name);
      else if (parent.type === "CallExpression" && parent.callee === node) called.push({ name: member.property.name, start: node.start });
    }
  });
  return called.sort((a, b) => a.start - b.start).find((c) => !given.has(c.name)) ?? null;
}

/** Whether `this` at the end of `ancestors` is an instance of `cls`: no function of its own, nor another class, between. */
function ownThis(ancestors: Node[], cls: ClassNode): boolean {
  for (let i = ancestors.length - 2; i >= 0; i--) {
    const a = ancestors[i];
    if (a.type === "FunctionExpression") return ancestors[i - 1]?.type === "MethodDefinition" && ancestors[i - 2] === cls.body;
    if (a.type === "FunctionDeclaration") return false;
    if (a.type === "ClassBody") return a === cls.body; // a field's initializer
  }
  return false;
}

/**
 * A method written on from its name: its parameters, then up to its closing brace, on a line of
 * its own at the class's indent. Not one that calls itself: asked for a counter's missing `show`,
 * the model wrote its `add` again, `this.show()` and all, which recursed without end.
 */
function methodEnd(written: string, name: string, indent: string): string | null {
  if (!written.startsWith("(")) return null;
  const close = `\n${indent}}`;
  for (let at = written.indexOf(close); at >= 0; at = written.indexOf(close, at + 1)) {
    const after = written.slice(at + close.length);
    if (after !== "" && !after.startsWith("\n")) continue;
    const method = written.slice(0, at + close.length);
    return method.includes(`this.${name}(`) ? null : method;
  }
  return null;
}
