// Check steps for apps that keep a list of entries (tasks, notes, cards, habits,
// expenses): add one, find it, mark it done, delete it. They find things by role and
// text, so they work on an app whoever wrote it.
import type { Frame, Locator } from "playwright-core";
import { button, eventually, exists, REACT_MS, textField, until } from "./tolerant.ts";

/** Names of an entry's delete button: words, or an × sign (ideally with an aria-label). */
export const DELETE = /delete|remove|^x$|^\u00d7$|\u2715|\u2716|\u{1f5d1}/iu;

/** Names of the button that adds what was typed. */
const ADD = /add|save|create|post|submit|^\+/i;

/** True once `text` shows on the page (outside the fields it was typed into). */
export function shows(frame: Frame, text: string, ms = REACT_MS): Promise<boolean> {
  return until(frame, (t) => document.body.innerText.includes(t), text, "", ms).then(
    () => true,
    () => false,
  );
}

/**
 * Type `text` into `field` (the first text field by default) and submit it: Enter in
 * a one-line field, else the add button. Throws when the text does not show up.
 */
export async function addEntry(frame: Frame, text: string, field: Locator = textField(frame), add: Locator = button(frame, ADD)): Promise<void> {
  await field.fill(text);
  const multiline = await field.evaluate((e) => e.tagName === "TEXTAREA");
  if (!multiline) await field.press("Enter");
  if (multiline || !(await shows(frame, text, 1500))) await add.click();
  if (!(await shows(frame, text))) throw new Error(`"${text}" is not listed after adding it`);
}

/** The innermost element that shows `text` and holds `part` (a locator relative to it). */
export function entryWith(frame: Frame, text: string, part: Locator): Locator {
  return frame.locator("*", { hasText: text, has: part }).last();
}

/** What marks an entry as done: its markup and the look of its text. */
function look(frame: Frame, text: string): Promise<string> {
  return frame.getByText(text).first().evaluate((e) => {
    const s = getComputedStyle(e);
    return (e.closest("li, tr") ?? e.parentElement ?? e).outerHTML + s.textDecorationLine + s.color + s.opacity;
  });
}

/** Mark the entry showing `text` done (its checkbox, else a click on it) and expect it to look done. */
export async function markDone(frame: Frame, text: string): Promise<void> {
  const box = entryWith(frame, text, frame.getByRole("checkbox"));
  const before = await look(frame, text);
  if (await exists(box)) await box.getByRole("checkbox").first().check();
  else await frame.getByText(text).first().click();
  await eventually(async () => ((await look(frame, text)) !== before) || undefined, `"${text}" does not look done after checking it off`);
}

/** Delete the entry showing `text` with its own delete button, and expect it gone. */
export async function deleteEntry(frame: Frame, text: string): Promise<void> {
  const del = frame.getByRole("button", { name: DELETE });
  await entryWith(frame, text, del).getByRole("button", { name: DELETE }).first().click();
  await until(frame, (t) => !document.body.innerText.includes(t), text, `"${text}" is still listed after deleting it`);
}
