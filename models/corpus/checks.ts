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
