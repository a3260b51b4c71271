// A button the markup makes and no script wires: `<button id="clear">Clear</button>` in a chat
// whose script never names `clear`. The model writes the markup first and the script after,
// and now and then never comes back to a button it made: pressing it does nothing. The engine
// has the model write its click handler where the script wires its other controls
// (Engine.repair), as unwritten-output.ts does for a slot no script fills.
import { inlineScripts } from "./script-names.ts";
import { classesOf, handlerEnd, idOf, indentAt, lastWiring, stringLiterals, type Unwritten } from "./unwritten.ts";

const BUTTON = /<button\b([^>]*)>/gi;

/**
 * The first button of `html` with an id that no script names nor could reach by other means
 * (other than the ids in `skip`), with where its handler goes; null if none, or where the scripts
 * wire no control by id to put it after. Not a button of a form (it submits the form), one with
 * a handler attribute, one whose classes a script names, nor any where a script's strings name
 * buttons (`.tools button`, `closest("button")`) or it reads data attributes.
 */
export function firstUnwiredButton(html: string, skip: string[] = []): Unwritten | null {
  const scripts = inlineScripts(html);
  const code = scripts.map((s) => s.code).join("\n");
  if (!scripts.length || stringLiterals(code).some((literal) => /\bbutton\b/i.test(literal))) return null;
  const forms = [...html.matchAll(/<form\b[\s\S]*?<\/form>/gi)].map((m) => [m.index, m.index + m[0].length]);
  const id = [...html.matchAll(BUTTON)]
    .map((m) => ({ at: m.index, attributes: m[1], id: idOf(m[1]) }))
    .find(({ at, attributes, id }) => {
      if (!id || skip.includes(id) || code.includes(id) || /\son\w+\s*=/i.test(attributes)) return false;
      if (forms.some(([a, b]) => a < at && at < b)) return false;
      if (/\bdata-[\w-]+\s*=/i.test(attributes) && code.includes("dataset")) return false;
      return !classesOf(attributes).some((c) => code.includes(c));
    })?.id;
  const wiring = id ? lastWiring(scripts) : null;
  if (!id || !wiring) return null;
  const indent = indentAt(html, wiring.start);
  return {
    key: id,
    places: [{ at: wiring.end, lead: `\n${indent}document.getElementById(${JSON.stringify(id)}).addEventListener("click",` }],
    room: 96,
    end: (written) => handlerEnd(written, indent),
  };
}
