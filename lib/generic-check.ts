// The check any generated app must pass, whatever was asked: it shows something,
// and it reacts when used (typing into its first text field, else clicking its
// first button, else pressing keys changes the page or its canvas).
import type { AppRun } from "./app-check.ts";

async function snapshot(run: AppRun): Promise<string> {
  return run.frame.evaluate(() => {
    const canvases = Array.from(document.querySelectorAll("canvas")).map((c) => {
      try {
        return c.toDataURL().length + ":" + c.toDataURL().slice(-64);
      } catch {
        return "";
      }
    });
    // Field values count, except the one we type into: our typing is not the app reacting.
    const fields = Array.from(document.querySelectorAll("input,textarea,select")).filter((e) => !(e as unknown as { __probed?: boolean }).__probed);
    return document.body.innerHTML + "|" + canvases.join(",") + "|" + fields.map((e) => (e as HTMLInputElement).value).join(",");
  });
}

export async function genericCheck(run: AppRun): Promise<void> {
  const { frame, page } = run;
  const visible = await frame.evaluate(() => document.body.innerText.trim().length > 0 || !!document.querySelector("canvas"));
  if (!visible) throw new Error("the app shows nothing");
  const field = frame.locator("input[type=text]:visible, input:not([type]):visible, textarea:visible").first();
  const button = frame.locator("button:visible").first();
  if (await field.count()) await field.evaluate((e) => ((e as unknown as { __probed: boolean }).__probed = true));
  const before = await snapshot(run);
  if (await field.count()) {
    await field.fill("hello 42");
    await field.press("Enter");
    if ((await snapshot(run)) === before && (await button.count())) await button.click();
  } else if (await button.count()) {
    await button.click();
  } else {
    await frame.locator("body").click();
    for (const key of ["ArrowUp", "ArrowRight", " ", "Enter"]) await page.keyboard.press(key);
  }
  await page.waitForTimeout(1500);
  if ((await snapshot(run)) === before) throw new Error("the app does not react to input");
}
