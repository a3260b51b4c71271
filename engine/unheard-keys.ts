// Keys the request asks for and no script listens to: "a stopwatch with keyboard controls (space,
// R to reset)", and no key handler anywhere (both fresh stopwatches that asked so). The engine
// has the model write the page's key handler where the script wires its controls
// (Engine.repair), reading the request as it does.
import { inlineScripts } from "./script-names.ts";
import { handlerEnd, indentAt, lastWiring, withoutScripts, type Unwritten } from "./unwritten.ts";

/** A request for keys: "keyboard controls", "a shortcut", "the spacebar", "the p key", "space to launch", "arrow keys" (not "a piano keyboard"). */
const KEYS_ASKED = /\b((?<!(piano|musical|music) )keyboard|shortcuts?|hotkeys?|space ?bar|arrow keys?|wasd)\b|\bthe \w+ key\b|\bspace to \w+|\b(press(ing)?|hit(ting)?) (the )?(space|enter|escape|esc)\b/i;
/** "R to reset", "P to pause": a capital letter (so not "a to-do list"). */
const LETTER_KEY = /\b[A-Z] to [a-z]+/;
/** Where a person types (not a calculator's read-only display): key presses there are text, and a page-wide handler would take them. */
const TEXT_FIELD = /<textarea\b(?![^>]*\breadonly\b)|<input\b(?![^>]*\b(type\s*=\s*["']?(button|checkbox|radio|range|color|submit|reset|hidden|file|date|time)|readonly|disabled)\b)[^>]*>/i;
const KEY = "keydown";

/**
 * The page's key handler where `request` asks for keys and no script of `html` listens to any,
 * with where it goes (after the last control the scripts wire); null otherwise, or where it is in
 * `skip`, or where the page has a field to type in.
 */
export function firstUnheardKeys(html: string, request: string, skip: string[] = []): Unwritten | null {
  if (skip.includes(KEY) || !(KEYS_ASKED.test(request) || LETTER_KEY.test(request))) return null;
  const scripts = inlineScripts(html);
  const code = scripts.map((s) => s.code).join("\n");
  if (/\bkey(down|up|press)\b|\bonkey/i.test(code) || /\sonkey\w*\s*=/i.test(html) || TEXT_FIELD.test(withoutScripts(html))) return null;
  const wiring = lastWiring(scripts);
  if (!wiring) return null;
  const indent = indentAt(html, wiring.start);
  return { key: KEY, places: [{ at: wiring.end, lead: `\n${indent}document.addEventListener("keydown",` }], room: 128, end: (written) => handlerEnd(written, indent) };
}
