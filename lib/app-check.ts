// Runs one generated app the way the product does (sandboxed iframe, CSP, bridge)
// in a real Chromium page, records every console error and uncaught exception, and
// lets a check drive it. Used by the corpus build and by the eval.
import type { Browser, Page } from "playwright-core";
import { Rng } from "../engine/random.ts";
import { buildSrcdoc, HOST_PAGE_CSP_META, isBridgeMessage, SANDBOX_FLAGS } from "./sandbox.ts";

export interface AppRun {
  page: Page;
  frame: import("playwright-core").Frame;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

export interface CheckResult {
  ok: boolean;
  errors: string[];
  ms: number;
}

const NONCE = "corpus-check";

/**
 * Math.random seeded afresh in every check, run right after the bridge and before the app's
 * own code. An app that rolls dice or picks a quote then takes the same path in every check
 * of it, so an eval's rows repeat run after run; with a real random source, whether the same
 * app passed was partly chance. (A Playwright init script would not do: it is not always run
 * in a srcdoc frame. `__name` is the helper tsx's compiler calls in the class's source.)
 */
const SEEDED_RANDOM = `<script>(() => { const __name = (f) => f; ${Rng.toString()}; const rng = new Rng(20261128); Math.random = () => rng.next(); })();</script>`.replace(/\n/g, " ");

/**
 * A page that embeds `html` the way the app does: the host page's CSP, the sandboxed
 * srcdoc iframe (#app) with Math.random seeded, and a listener that keeps what isBridgeMessage accepts
 * (window.__ready, and the other messages in window.__bridge).
 */
export function hostPage(html: string, nonce: string): string {
  // The bridge's script is the document's first; the app's lines keep their numbers.
  const srcdoc = buildSrcdoc(html, nonce)
    .replace("</script>", "</script>" + SEEDED_RANDOM)
    .replace(/&/g, "&amp;")
    .replace(/"/g, "&quot;");
  return `<!DOCTYPE html><html><head><meta charset="utf-8">${HOST_PAGE_CSP_META}<link rel="icon" href="data:,"><style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%}</style></head>
<body><iframe id="app" sandbox="${SANDBOX_FLAGS}" srcdoc="${srcdoc}"></iframe>
<script>window.__bridge=[];window.__ready=false;var isBridgeMessage=${isBridgeMessage.toString()};
addEventListener("message",function(e){if(!isBridgeMessage(e,document.getElementById("app").contentWindow,${JSON.stringify(nonce)}))return;if(e.data.kind==="ready")window.__ready=true;else window.__bridge.push(e.data)});</script>
</body></html>`;
}

/**
 * A reusable Chromium page for checking apps one after another: listeners are set
 * once and each check replaces the document, which is much cheaper than a new context.
 */
export class AppChecker {
  private errors: string[] = [];

  private constructor(
    private readonly browser: Browser,
    private page: Page,
  ) {
    this.listen(page);
  }

  static async open(browser: Browser): Promise<AppChecker> {
    return new AppChecker(browser, await AppChecker.newPage(browser));
  }

  private static async newPage(browser: Browser): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
    return context.newPage();
  }

  private listen(page: Page) {
    page.on("console", (m) => {
      if (m.type() === "error") this.errors.push(`console.error: ${m.text()}`);
    });
    page.on("pageerror", (e) => this.errors.push(`uncaught: ${e.message}`));
  }

  /** Load `html` in a sandboxed frame, run `drive` against it, and report. */
  async check(html: string, drive: (run: AppRun) => Promise<void>, timeoutMs = 10000): Promise<CheckResult> {
    const started = Date.now();
    const { page } = this;
    const errors: string[] = (this.errors = []);
    page.setDefaultTimeout(timeoutMs);
    try {
      await page.setContent(hostPage(html, NONCE), { waitUntil: "load", timeout: 3 * timeoutMs });
      await page.waitForFunction(() => (window as unknown as { __ready: boolean }).__ready, null, { timeout: timeoutMs });
      const frame = page.frames().find((f) => f !== page.mainFrame());
      if (!frame) throw new Error("the app frame did not load");
      await drive({ page, frame, errors });
      await page.waitForTimeout(50);
      const bridged = (await page.evaluate(() => (window as unknown as { __bridge: { kind: string; level?: string; text: string }[] }).__bridge))
        .filter((m) => m.kind === "error" || m.level === "error")
        .map((m) => m.text);
      for (const b of bridged) if (!errors.some((e) => e.includes(b))) errors.push(`bridge: ${b}`);
    } catch (e) {
      errors.push(`check failed: ${(e as Error).message.split("\n")[0]}`);
    }
    if (errors.length) {
      // A failed app may leave the page in any state: the next check gets a new one.
      await page.context().close().catch(() => {});
      this.page = await AppChecker.newPage(this.browser);
      this.listen(this.page);
    } else {
      // Stop the app's timers and handlers before the next one loads.
      await page.setContent("<!DOCTYPE html><title>idle</title>").catch(() => {});
    }
    return { ok: errors.length === 0, errors, ms: Date.now() - started };
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }
}

/** Check one app in a page of its own. */
export async function checkApp(browser: Browser, html: string, drive: (run: AppRun) => Promise<void>, timeoutMs = 10000): Promise<CheckResult> {
  const checker = await AppChecker.open(browser);
  try {
    return await checker.check(html, drive, timeoutMs);
  } finally {
    await checker.close();
  }
}
