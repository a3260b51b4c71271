// Check steps for apps that show a running time (stopwatches, timers, clocks): read
// the time they show and watch it run or stand still.
import type { Frame } from "playwright-core";
import { eventually, REACT_MS, visibleText } from "./tolerant.ts";

/** A time as apps show it: 12:05, 00:01:07.25, 1:02.3 or 4.56. */
export const TIME = /\d+(?::\d{2})+(?:[.,]\d+)?|\d+[.,]\d+/;

/** The page's text with the parts of each time joined ("12\n:\n05" when each part is its own box). */
export async function timeText(frame: Frame): Promise<string> {
  return (await visibleText(frame)).replace(/(\d)\s*:\s*(\d)/g, "$1:$2");
}

/** The first time the page shows ("" when none). */
export async function shownTime(frame: Frame): Promise<string> {
  return TIME.exec(await timeText(frame))?.[0] ?? "";
}

/** Wait until the time shown differs from `from`; returns the new time. */
export function timeChanges(frame: Frame, from: string, message: string, ms = REACT_MS): Promise<string> {
  return eventually(async () => {
    const t = await shownTime(frame);
    return t && t !== from ? t : undefined;
  }, message, ms);
}

/** Expect the time shown to stand still for `ms`; returns it. */
export async function timeStays(frame: Frame, message: string, ms = 400): Promise<string> {
  const t = await shownTime(frame);
  await frame.waitForTimeout(ms);
  if ((await shownTime(frame)) !== t) throw new Error(message);
  return t;
}

/** True when a time reads zero (00:00.00, 0:00). */
export function isZero(time: string): boolean {
  return /^[0:.,]+$/.test(time);
}

/** A time in seconds ("01:05" is 65, "1:00:00" is 3600). */
export function seconds(time: string): number {
  return time.split(":").reduce((s, part) => s * 60 + parseFloat(part.replace(",", ".")), 0);
}
