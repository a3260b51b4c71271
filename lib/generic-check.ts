// The check any generated app must pass, whatever was asked: it shows something, and it
// reacts when a person tries it. Trying it: fill in its fields, then press Enter, press its
// buttons, press what looks clickable (a pointer cursor: piano keys, board cells), drag
// across its canvas, press keys; after each, has the page or its canvas changed? An app
// with nothing to use passes on showing something. Every family's corpus apps pass it
// (generic-check.test.ts), so a failure is the app's.
import type { Locator } from "playwright-core";
import type { AppRun } from "./app-check.ts";

/** How many buttons, and how many other clickable things, are tried at most. */
const BUTTONS_TRIED = 8;
const CLICKABLES_TRIED = 4;

/** Fields a person types into: not read-only displays (a calculator's), not disabled ones. */
const EDITABLE = ["text", "search", "email", "number", "tel", "url", "password", "date", "time", "datetime-local"]
  .map((t) => `input[type=${t}]`)
  .concat(["input:not([type])", "textarea"])
  .map((f) => f + ":visible:not([readonly]):not([disabled])")
  .join(", ");

const VALUE_FOR: Record<string, string> = {
  number: "42",
  email: "robin@example.com",
  tel: "5550142",
  url: "https://example.com",
  date: "2031-05-04",
  time: "12:30",
  "datetime-local": "2031-05-04T12:30",
};

async function snapshot(run: AppRun): Promise<string> {
  return run.frame.evaluate(() => {
    const canvases = Array.from(document.querySelectorAll("canvas")).map((c) => {
      try {
        return c.toDataURL().length + ":" + c.toDataURL().slice(-64);
      } catch {
        return "";
      }
    });
    // Field values count, except those we typed into: our typing is not the app reacting.
    const fields = Array.from(document.querySelectorAll("input,textarea,select")).filter((e) => !(e as unknown as { __probed?: boolean }).__probed);
    return document.body.innerHTML + "|" + canvases.join(",") + "|" + fields.map((e) => (e as HTMLInputElement).value).join(",");
  });
}

/** Fill every editable field with a value of its type; the first one filled, if any. */
async function fillFields(fields: Locator): Promise<Locator | undefined> {
  const n = await fields.count();
  for (let i = 0; i < n; i++) {
    const field = fields.nth(i);
    const value = VALUE_FOR[(await field.getAttribute("type")) ?? ""];
    // Text is typed key by key, with a space after (a typing test scores a word at its space).
    await (value ? field.fill(value) : field.pressSequentially("hello 42 "));
  }
  return n ? fields.first() : undefined;
}

export async function genericCheck(run: AppRun): Promise<void> {
  const { frame, page } = run;
  const visible = await frame.evaluate(() => document.body.innerText.trim().length > 0 || !!document.querySelector("canvas"));
  if (!visible) throw new Error("the app shows nothing");
  const fields = frame.locator(EDITABLE);
  await fields.evaluateAll((es) => es.forEach((e) => ((e as unknown as { __probed: boolean }).__probed = true)));
  const before = await snapshot(run);
  const changed = async () => (await snapshot(run)) !== before;
  // At once, or a moment later (an app that starts a timer, as Life's Start).
  const changedSoon = async () => (await changed()) || (await page.waitForTimeout(300), await changed());
  // Held down, then let go: some reactions last only while pressed (a piano key's).
  const press = async (target: Locator) => {
    await target.hover();
    await page.mouse.down();
    const during = await changed();
    await page.mouse.up();
    return during || changedSoon();
  };
  const buttons = frame.locator("button:visible, input[type=submit]:visible, input[type=button]:visible");
  // Besides buttons and fields: what is styled to be clicked (a piano's keys, a board's cells).
  const elements = frame.locator("body *:visible");
  const pointers = await elements.evaluateAll((es) =>
    es.flatMap((e, i) => (getComputedStyle(e).cursor === "pointer" && !e.closest("button, input, select, textarea, label, a") ? [i] : [])),
  );
  const canvas = frame.locator("canvas:visible").first();
  const controls = (await fields.count()) + (await buttons.count()) + pointers.length + (await canvas.count()) + (await frame.locator("select:visible").count());
  const tries: (() => Promise<boolean>)[] = [
    async () => {
      const first = await fillFields(fields);
      return !!first && ((await changed()) || (await first.press("Enter"), await changedSoon()));
    },
    ...Array.from({ length: Math.min(BUTTONS_TRIED, await buttons.count()) }, (_, i) => () => press(buttons.nth(i))),
    ...pointers.slice(0, CLICKABLES_TRIED).map((i) => () => press(elements.nth(i))),
    async () => {
      const box = (await canvas.count()) ? await canvas.boundingBox() : null;
      if (!box) return false;
      await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6, { steps: 5 });
      await page.mouse.up();
      return changedSoon();
    },
    async () => {
      await frame.locator("body").click({ position: { x: 1, y: 1 } });
      for (const key of ["ArrowUp", "ArrowRight", " ", "Enter", "a", "s"]) {
        await page.keyboard.down(key);
        const during = await changed();
        await page.keyboard.up(key);
        if (during || (await changed())) return true;
      }
      return changedSoon();
    },
  ];
  for (const attempt of tries) if (await attempt()) return;
  await page.waitForTimeout(1500); // some apps answer late (a chat bot's reply)
  // An app with nothing to use (a clock without seconds) has nothing to react to.
  if (!(await changed()) && controls > 0) throw new Error("the app does not react to input");
}
