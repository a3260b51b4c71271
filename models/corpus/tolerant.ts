// Finding and driving an app's parts the way its user would: by role, label and
// visible text rather than by id or class, so that a check works on an app whoever
// wrote it (the corpus generator or a model).
import type { Frame, Locator } from "playwright-core";

/** How long an app may take to react to one action (the machine may be loaded). */
export const REACT_MS = 2000;

/** Fields a user types text into. */
const TEXT_FIELDS = ["input[type=text]", "input[type=search]", "input:not([type])", "textarea"].map((s) => `${s}:visible`).join(", ");

// Finding the parts.

/** The `nth` visible text field (0: the first). */
export function textField(scope: Frame | Locator, nth = 0): Locator {
  return scope.locator(TEXT_FIELDS).nth(nth);
}

/** The first visible button whose accessible name matches. */
export function button(scope: Frame | Locator, name: RegExp): Locator {
  return scope.getByRole("button", { name }).filter({ visible: true }).first();
}

/** The first visible form field (input, select or textarea) whose label matches. */
export function labelled(frame: Frame, label: RegExp): Locator {
  return frame.getByLabel(label).and(frame.locator("input, select, textarea")).filter({ visible: true }).first();
}

export async function exists(l: Locator): Promise<boolean> {
  return (await l.count()) > 0;
}

/**
 * Find a board's cells and mark them data-cell="0", "1", ...: with `n`, the children of
 * an element with exactly `n` children, else `n` table cells; without, the children of
 * the element with the most children. Returns how many were marked.
 */
export function markCells(frame: Frame, n?: number): Promise<number> {
  return frame.evaluate((n) => {
    const all = Array.from(document.querySelectorAll("body *")).filter((e) => !["UL", "OL", "SELECT", "TBODY"].includes(e.tagName));
    const board = n ? all.filter((e) => e.children.length === n).pop() : all.reduce((a, b) => (b.children.length > a.children.length ? b : a), document.body);
    const cells = board ? Array.from(board.children) : Array.from(document.querySelectorAll("td"));
    if (n && cells.length !== n) return 0;
    cells.forEach((c, i) => c.setAttribute("data-cell", String(i)));
    return cells.length;
  }, n);
}

/** Cell `i` of the board `markCells` marked. */
export function cell(frame: Frame, i: number): Locator {
  return frame.locator(`[data-cell="${i}"]`);
}

// Reading what the app shows.

/**
 * The page's visible text: what a user reads. No hidden elements and no field values;
 * of a select only the chosen option (innerText would list every option).
 */
export function visibleText(frame: Frame): Promise<string> {
  return frame.evaluate(() =>
    Array.from(document.querySelectorAll("select")).reduce((text, s) => text.replace(s.innerText, s.selectedOptions[0]?.text ?? ""), document.body.innerText),
  );
}

/** Every number in a text, in order ("1,250.5" reads as 1250.5). */
export function numbers(text: string): number[] {
  return (text.replace(/(\d),(\d{3})/g, "$1$2").match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
}

/** The numbers the page shows, as one string to compare before and after an action. */
export async function shownNumbers(frame: Frame): Promise<string> {
  return numbers(await visibleText(frame)).join(",");
}

/** How the page looks apart from its text: every element's classes and inline style. */
export function looks(frame: Frame): Promise<string> {
  return frame.evaluate(() => Array.from(document.querySelectorAll("body *"), (e) => `${e.getAttribute("class")}|${e.getAttribute("style")}`).join(","));
}

/** Everything the page shows (text, canvases and looks) as one string to compare. */
export async function scene(frame: Frame): Promise<string> {
  const canvases = await frame.evaluate(() => Array.from(document.querySelectorAll("canvas"), (c) => c.toDataURL()).join());
  return `${await visibleText(frame)}|${canvases}|${await looks(frame)}`;
}

/** True when some localStorage value mentions `text`. */
export function storageHolds(frame: Frame, text: string): Promise<boolean> {
  return frame.evaluate((t) => {
    for (let i = 0; i < localStorage.length; i++) if ((localStorage.getItem(localStorage.key(i)!) ?? "").includes(t)) return true;
    return false;
  }, text);
}

/** The lines of `after` that `before` does not have (counting repeats). */
export function newLines(before: string, after: string): string[] {
  const left = before.split("\n");
  return after.split("\n").filter((l) => {
    const i = left.indexOf(l);
    if (i >= 0) left.splice(i, 1);
    return i < 0 && l.trim() !== "";
  });
}

/**
 * One step of finding an app's output, run in the app: "mark" notes what every element
 * shows, a pattern marks the element that changed since and now shows a match, "read"
 * reads the marked element. What an element shows is a field's value, else its text.
 */
function outputStep(step: string): string | boolean {
  const w = window as unknown as { shownBefore: Map<Element, string> };
  const all = Array.from(document.querySelectorAll("body *"));
  const texts = all.map((e) => (e instanceof HTMLInputElement || e instanceof HTMLTextAreaElement || e instanceof HTMLOutputElement ? e.value : (e.textContent ?? "")).trim());
  if (step === "read") return texts[all.findIndex((e) => e.hasAttribute("data-output"))] ?? "";
  if (step === "mark") {
    w.shownBefore = new Map(all.map((e, i) => [e, texts[i]]));
    return true;
  }
  const re = new RegExp(step);
  const hits = all.filter((e, i) => texts[i] !== w.shownBefore.get(e) && re.test(texts[i]) && !e.closest("button"));
  const leaves = hits.filter((e) => !hits.some((d) => d !== e && e.contains(d)));
  const hit = leaves.find((e) => w.shownBefore.has(e)) ?? leaves[0];
  if (!hit) return false;
  all.forEach((e) => e.removeAttribute("data-output"));
  hit.setAttribute("data-output", "");
  return true;
}

/**
 * Find where the app shows its output: run `act`, then take the element (or field)
 * that `act` changed and that now shows text matching `want` (the innermost, and one
 * that was there before where there is a choice). Returns a reader of what it shows.
 */
export async function findOutput(frame: Frame, act: () => Promise<void>, want: RegExp, message: string): Promise<() => Promise<string>> {
  await frame.evaluate(outputStep, "mark");
  await act();
  await eventually(async () => ((await frame.evaluate(outputStep, want.source)) ? true : undefined), message);
  return async () => String(await frame.evaluate(outputStep, "read"));
}

// Waiting for the app to react.

/** Call `read` until it returns something other than undefined; throw `message` when nothing comes in time. */
export async function eventually<T>(read: () => Promise<T | undefined>, message: string, ms = REACT_MS): Promise<T> {
  for (const end = Date.now() + ms; ; await new Promise((r) => setTimeout(r, 80))) {
    const v = await read();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(message);
  }
}

/** Wait until `fn(arg)` holds in the app; throw `message` when it does not in time. */
export async function until<A>(frame: Frame, fn: (arg: A) => unknown, arg: A, message: string, ms = REACT_MS): Promise<void> {
  await frame.waitForFunction(fn as (arg: unknown) => unknown, arg as unknown, { timeout: ms }).catch(() => {
    throw new Error(message);
  });
}

/** Wait until the visible text differs from `before` (a string from `visibleText`); returns it. */
export function textChanges(frame: Frame, before: string, message: string, ms = REACT_MS): Promise<string> {
  return eventually(async () => {
    const now = await visibleText(frame);
    return now !== before ? now : undefined;
  }, message, ms);
}

/** Wait until the scene differs from `before` (a string from `scene`). */
export function sceneChanges(frame: Frame, before: string, message: string, ms = REACT_MS): Promise<string> {
  return eventually(async () => {
    const now = await scene(frame);
    return now !== before ? now : undefined;
  }, message, ms);
}

/** Wait until the numbers shown include each of `amounts` (by default to within half a cent). */
export async function expectNumbers(frame: Frame, what: string, amounts: number[], tolerance = 0.006): Promise<void> {
  let shown: number[] = [];
  await eventually(async () => {
    shown = numbers(await visibleText(frame));
    return amounts.every((a) => shown.some((n) => Math.abs(n - a) <= tolerance)) || undefined;
  }, "").catch(() => {
    throw new Error(`${what}: expected ${amounts.join(" and ")} among the numbers shown (${shown.join(" ")})`);
  });
}

/**
 * Record the page's text (innerText) now and after every change, to catch messages
 * that show only briefly; the returned function reads what was recorded so far.
 */
export async function recordText(frame: Frame): Promise<() => Promise<string[]>> {
  await frame.evaluate(() => {
    const w = window as unknown as { recorded: string[] };
    w.recorded = [document.body.innerText];
    new MutationObserver(() => w.recorded.push(document.body.innerText)).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  return () => frame.evaluate(() => (window as unknown as { recorded: string[] }).recorded);
}

// Acting.

/** Pick the first option of a select whose text matches; returns its text. */
export async function pickOption(select: Locator, text: RegExp): Promise<string> {
  const label = (await select.locator("option").allTextContents()).find((t) => text.test(t.trim()));
  if (label === undefined) throw new Error(`no option like ${text.source} to pick`);
  await select.selectOption({ label });
  return label;
}

/** Set a field's value the way a user would: type it (and leave it), pick it, or drag a slider there. */
export async function setField(field: Locator, value: string): Promise<void> {
  const kind = await field.evaluate((e) => (e.tagName === "SELECT" ? "select" : (e as HTMLInputElement).type));
  if (kind === "select") await field.selectOption(value);
  else if (kind === "range" || kind === "color" || kind === "date" || kind === "datetime-local")
    await field.evaluate((e, v) => {
      (e as HTMLInputElement).value = v;
      e.dispatchEvent(new Event("input", { bubbles: true }));
      e.dispatchEvent(new Event("change", { bubbles: true }));
    }, value);
  else {
    await field.fill(value);
    await field.dispatchEvent("change");
  }
}
