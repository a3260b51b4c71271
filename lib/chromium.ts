// Launching Debian's Chromium for Playwright (tests, corpus checks, the eval).
// Playwright's own browser download cannot work on these machines.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Debian's chromium-headless-shell: the same Blink and V8 as /usr/bin/chromium without the browser UI. */
const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";

/** What checks apps (corpus build and its tests): the headless shell where installed, else Chromium. */
export const CHECK_CHROMIUM_PATH = process.env.CHECK_CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : CHROMIUM_PATH);

/**
 * A browser for driving many apps one after another: the headless shell, and the
 * sandboxed app frame in its host page's process (Chromium otherwise gives each
 * sandboxed frame a process of its own). The sandbox itself (opaque origin, CSP,
 * flags) is enforced by Blink either way; this only saves CPU: the corpus build
 * checks ~1.3x as many apps a second on a loaded 2-core machine.
 */
export function launchCheckChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHECK_CHROMIUM_PATH, args: [...CHROMIUM_ARGS, "--disable-site-isolation-trials"], headless: true });
}
