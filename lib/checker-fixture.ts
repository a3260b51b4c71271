// For node:test files that check apps in Chromium: one browser and one checker per
// file, opened before the first test and closed after the last.
import { after, before } from "node:test";
import type { Browser } from "playwright-core";
import { AppChecker } from "./app-check.ts";
import { launchChromium } from "./chromium.ts";

/** `launch`: the browser to check in (the corpus tests use the corpus build's). */
export function useAppChecker(launch: () => Promise<Browser> = launchChromium): () => AppChecker {
  let browser: Browser;
  let checker: AppChecker;
  before(async () => {
    browser = await launch();
    checker = await AppChecker.open(browser);
  });
  after(async () => {
    await checker.close();
    await browser.close();
  });
  return () => checker;
}
