// Check steps that several families share.
import type { Frame } from "playwright-core";

/**
 * Click the copy button matched by `selector` and expect visible feedback on it
 * (its text matching `feedback`). The clipboard is unavailable in the sandbox, so
 * apps fall back to selecting the text; the feedback is brief, so every text the
 * button shows is recorded rather than polled for.
 */
export async function expectCopyFeedback(frame: Frame, selector: string, feedback = "^(?!Copy$)"): Promise<void> {
  await frame.evaluate((sel) => {
    const b = document.querySelector(sel)!;
    const w = window as unknown as { shown: string[] };
    w.shown = [];
    new MutationObserver(() => w.shown.push(b.textContent ?? "")).observe(b, { childList: true, characterData: true, subtree: true });
  }, selector);
  await frame.locator(selector).first().click();
  await frame
    .waitForFunction((src) => (window as unknown as { shown: string[] }).shown.some((t) => new RegExp(src).test(t)), feedback, { timeout: 2000 })
    .catch(() => {
      throw new Error("Copy gives no feedback");
    });
}
