import { expect, test } from "@playwright/test";

test("a request in chat becomes a working app in the sandboxed preview", async ({ page }) => {
  const started = Date.now();
  await page.goto("/");
  await page.getByLabel("Message").fill("Build a simulated chat app");
  await page.getByLabel("Message").press("Enter");

  // While it denoises, the code pane shows masked positions.
  await expect(page.locator("[data-testid=code] .mask").first()).toBeVisible({ timeout: 60_000 });

  const preview = page.getByTitle("App preview");
  await expect(preview).toBeVisible({ timeout: 200_000 });
  const sandbox = (await preview.getAttribute("sandbox")) ?? "";
  expect(sandbox.split(" ")).toContain("allow-scripts");
  expect(sandbox).not.toContain("allow-same-origin");
  expect(await preview.getAttribute("srcdoc")).toContain("Content-Security-Policy");
  await expect(page.locator("[data-testid=code] .mask")).toHaveCount(0);

  const app = page.frameLocator('iframe[title="App preview"]');
  const input = app.locator("input[type=text], textarea").first();
  await input.fill("hello from the e2e test");
  await input.press("Enter");
  await expect(app.getByText("hello from the e2e test").first()).toBeVisible();
  await expect(page.getByTestId("console")).not.toContainText("Error");
  await page.screenshot({ path: "test-results/chat-artifact.png" });
  console.log(`e2e: request to working app in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
