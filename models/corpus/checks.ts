// Check steps that several families share.
import type { Frame, Locator } from "playwright-core";
import { eventually, newLines, recordText } from "./tolerant.ts";

/**
 * Click a copy button and expect visible feedback: a new text like "Copied!" (however
 * briefly it shows) or text selected for the user to copy. The clipboard is
 * unavailable in the sandbox, so apps fall back to selecting the text.
 */
export async function expectCopyFeedback(frame: Frame, copy: Locator): Promise<void> {
  const recorded = await recordText(frame);
  await copy.click();
  await eventually(
    async () => {
      const [before, ...after] = await recorded();
      const said = after.some((t) => newLines(before, t).some((l) => /copied|ctrl|select|clipboard/i.test(l)));
      return said || (await frame.evaluate(() => (getSelection()?.toString() ?? "") !== "")) || undefined;
    },
    "Copy gives no feedback",
  );
}

/** Whether a request asks for a dark page ("a dark theme", as the corpus says it; "dark mode"). */
export function asksForDark(request: string): boolean {
  return /\bdark (theme|mode)\b/i.test(request);
}

/** Whether the page's background reads as dark: the body's colour, or the root's where the body has none. */
export async function looksDark(frame: Frame): Promise<boolean> {
  return frame.evaluate(() => {
    const colour =
      [document.body, document.documentElement].map((e) => getComputedStyle(e).backgroundColor).find((c) => !/^rgba\(.*,\s*0\)$|^transparent$/.test(c)) ?? "rgb(255, 255, 255)";
    const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).map(Number);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
  });
}
