// The theme a request asks for and the page does not have. The model picks its palette (the
// style sheet's `:root{--bg:...}` rule) dark as often asked as not (0.286 and 0.281 over 400
// held-out apps): it never learned to read the request there. The engine has the model write the
// palette again, with the app on both sides, until it reads as asked (Engine.askedTheme).

/** "a dark theme", "dark mode please", "make it dark" (the eval's check and the corpus's follow-ups say it so). */
const DARK_ASKED = /\bdark (theme|mode)\b|\bmake (it|this|the (page|app)) dark(er)?\b/i;
const LIGHT_ASKED = /\blight (theme|mode)\b|\bmake (it|this|the (page|app)) light(er)?\b/i;
/** The root rule's custom properties and the background among them. */
const ROOT_RULE = /:root\s*\{[^}]*\}/;
const BACKGROUND = /--bg\s*:\s*#([0-9a-f]{3}|[0-9a-f]{6})\b/i;

/** Whether a background colour (#rgb or #rrggbb) reads as dark: its mean channel under 100 of 255. */
export function isDark(hex: string): boolean {
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
  const channels = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16));
  return channels.reduce((a, b) => a + b, 0) / 3 < 100;
}

/** The page's palette: its root rule's span in `html` and whether its background reads dark; null where it has none. */
export function palette(html: string): { start: number; end: number; dark: boolean } | null {
  const rule = ROOT_RULE.exec(html);
  const bg = rule && BACKGROUND.exec(rule[0]);
  if (!rule || !bg) return null;
  return { start: rule.index, end: rule.index + rule[0].length, dark: isDark(bg[1]) };
}

/** The theme `request` asks for: dark, light, or none (also where it seems to ask for both). */
export function askedTheme(request: string): "dark" | "light" | null {
  const dark = DARK_ASKED.test(request);
  return dark === LIGHT_ASKED.test(request) ? null : dark ? "dark" : "light";
}

/** The span of `html`'s palette where `request` asks for the other theme (dark or light); null otherwise. */
export function paletteAgainstRequest(html: string, request: string): { start: number; end: number; dark: boolean } | null {
  const asked = askedTheme(request);
  const p = palette(html);
  return asked && p && p.dark !== (asked === "dark") ? { start: p.start, end: p.end, dark: asked === "dark" } : null;
}
