import { expect, test, type Page } from "@playwright/test";
import type { PoolEvent } from "../engine/pool.ts";
import { readSse } from "../lib/sse.ts";
import { DEFAULT_MODEL_SERVER } from "./servers.ts";

async function ask(page: Page, request: string, server = "/") {
  await page.goto(server);
  await page.getByLabel("Message", { exact: true }).fill(request);
  await page.getByLabel("Message", { exact: true }).press("Enter");
}

test("a request streams a denoising canvas, then runs the artifact in a locked-down iframe", async ({ page }) => {
  await page.goto("/");
  // Record whether the code pane ever shows masked positions while it denoises
  // (frames can come faster than a poll).
  await page.evaluate(() => {
    const w = window as unknown as { sawMask: boolean };
    w.sawMask = false;
    new MutationObserver(() => {
      if (document.querySelector("[data-testid=code] .mask")) w.sawMask = true;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByLabel("Message", { exact: true }).fill("Build a simulated chat app");
  await page.getByLabel("Message", { exact: true }).press("Enter");
  const preview = page.getByTitle("App preview");
  await expect(preview).toBeVisible({ timeout: 200_000 });
  const sandbox = (await preview.getAttribute("sandbox")) ?? "";
  expect(sandbox.split(" ")).toContain("allow-scripts");
  expect(sandbox).not.toContain("allow-same-origin");
  expect(sandbox).not.toContain("allow-top-navigation");
  expect(await preview.getAttribute("srcdoc")).toContain("Content-Security-Policy");
  await expect(page.locator("[data-testid=code] .mask")).toHaveCount(0);
  await expect(page.getByRole("listitem").filter({ hasText: "Here is your app" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sawMask: boolean }).sawMask)).toBe(true);
});

test("a request behind others shows its place in the queue, and runs as soon as their clients go away", async ({ page, baseURL }) => {
  // Other clients' generations: the first one running, the rest waiting.
  const others = new AbortController();
  const post = (message: string) =>
    fetch(`${baseURL}/api/generate`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ message }), signal: others.signal });
  const running = await post("Build a counter");
  for await (const e of readSse<PoolEvent>(running.body!)) if (e.type === "frame") break;
  const waiting = await Promise.all(["Make a todo list", "A stopwatch"].map(post));
  expect(waiting.map((r) => r.status)).toEqual([200, 200]);

  await ask(page, "Build a simulated chat app");
  await expect(page.getByTestId("progress")).toHaveText(/^Queued \(\d+ ahead\)$/, { timeout: 30_000 });
  others.abort();
  await expect(page.getByTestId("progress")).toContainText(/step \d+ \/ ~\d+/, { timeout: 10_000 });
});

// On the shipped default model: the fast model the other tests use writes no working app.
test("the generated chat app answers a typed message", async ({ page }) => {
  test.setTimeout(600_000);
  const started = Date.now();
  await ask(page, "Build a simulated chat app", DEFAULT_MODEL_SERVER);
  const preview = page.getByTitle("App preview");
  await expect(preview).toBeVisible({ timeout: 540_000 });
  const app = page.frameLocator('iframe[title="App preview"]');
  const input = app.locator("input[type=text], textarea").first();
  await input.fill("hello from the e2e test");
  await input.press("Enter");
  await expect(app.getByText("hello from the e2e test").first()).toBeVisible();
  await expect(page.getByTestId("console")).not.toContainText("Error");
  await page.screenshot({ path: "test-results/chat-artifact.png" });
  console.log(`e2e: request to a working chat app in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

test("an app the default model leaves broken is written again, more carefully, and the progress line says so", async ({ page }) => {
  test.setTimeout(600_000);
  // At the default threshold (0.9) the default model's coffee shop page garbles a tag (an end tag
  // with attributes: markup-check.ts); it is written again at 0.95, and that page runs cleanly.
  await page.goto(DEFAULT_MODEL_SERVER);
  await page.evaluate(() => {
    const w = window as unknown as { sawRewrite: boolean };
    w.sawRewrite = false;
    new MutationObserver(() => {
      if (document.querySelector("[data-testid=progress]")?.textContent?.startsWith("writing it again, more carefully")) w.sawRewrite = true;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByLabel("Message", { exact: true }).fill("Landing page for a coffee shop");
  await page.getByLabel("Message", { exact: true }).press("Enter");
  await expect(page.getByTitle("App preview")).toBeVisible({ timeout: 540_000 });
  expect(await page.evaluate(() => (window as unknown as { sawRewrite: boolean }).sawRewrite)).toBe(true);
  await expect(page.getByTestId("console")).not.toContainText("Error");
});
