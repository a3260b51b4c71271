// The app itself in Chromium: chat text with HTML or script in it stays text, and every
// page's policy stops its frames from navigating anywhere (lib/sandbox-security.test.ts
// proves the rest of the sandbox against hostile artifacts).
import { expect, test } from "@playwright/test";
import { buildSrcdoc, HOST_PAGE_CSP, SANDBOX_FLAGS } from "../lib/sandbox.ts";

const PAYLOAD = `<img src=x onerror=alert(1)><script>alert(2)</script><b>bold</b> & "quoted"`;

test("chat text with HTML and script in it shows as literal text, sent and reloaded, and runs nothing", async ({ page, request }) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto("/");
  const box = page.getByLabel("Message", { exact: true });
  await box.fill(PAYLOAD);
  await box.press("Enter");
  const messages = page.getByRole("list", { name: "Messages" });
  await expect(messages.getByText(PAYLOAD)).toBeVisible();

  // Once the server has saved the message, a reload shows the stored copy (and the
  // conversation's title, taken from it).
  await expect(page).toHaveURL(/[?&]c=/);
  const id = new URL(page.url()).searchParams.get("c");
  await expect
    .poll(async () => JSON.stringify(await (await request.get(`/api/conversations/${id}`)).json()), { timeout: 200_000 })
    .toContain(JSON.stringify(PAYLOAD).slice(1, -1));
  await page.reload();
  await expect(messages.getByText(PAYLOAD)).toBeVisible();

  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator("b", { hasText: "bold" })).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test("the app's pages carry the host-page policy: a frame cannot navigate itself to a URL", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.headers()["content-security-policy"]).toBe(HOST_PAGE_CSP);
  const reached: string[] = [];
  page.on("response", (r) => {
    if (r.url().includes("from-frame")) reached.push(r.url());
  });
  // An artifact framed as the preview frames it, sending data away by navigating its own frame.
  const srcdoc = buildSrcdoc(`<script>location.href = "/api/health?from-frame=secret"</script>`, "nonce");
  await page.evaluate(
    ([flags, doc]) => {
      const frame = document.createElement("iframe");
      frame.setAttribute("sandbox", flags);
      frame.srcdoc = doc;
      document.body.appendChild(frame);
    },
    [SANDBOX_FLAGS, srcdoc],
  );
  await expect.poll(() => page.frames().some((f) => f.url().startsWith("chrome-error:"))).toBe(true);
  expect(reached).toEqual([]);
});
