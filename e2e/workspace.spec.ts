// The workspace in Chromium: conversations, the Monaco editor, the sandboxed preview and
// its console, versions. Flows that need a working app start from one made through the API
// (or typed in), never from what the model writes from scratch: only the generation tests
// ask the model for a whole app, and any output passes there. Regenerating a line of a
// working app is the model's work, and the app must still work after it.
import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

const app = (heading: string) => `<!DOCTYPE html>
<html>
<body>
<h1 id="heading">${heading}</h1>
</body>
</html>`;

/** A conversation with one version per html, made through the API. */
async function seed(request: APIRequestContext, title: string, ...versions: string[]): Promise<string> {
  const created = await request.post("/api/conversations", { data: { title } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  for (const html of versions) expect((await request.post(`/api/conversations/${id}/versions`, { data: { html } })).status()).toBe(201);
  return id;
}

const messages = (page: Page) => page.getByRole("list", { name: "Messages" }).getByRole("listitem");
const preview = (page: Page) => page.frameLocator('iframe[title="App preview"]');
const editor = (page: Page) => page.locator(".monaco-editor").first();

/**
 * Opens a conversation and waits for its first paint: the editor's bundle is large,
 * and a busy 2-core machine may take a while to run it the first time.
 */
async function openConversation(page: Page, id: string, heading: string) {
  await page.goto(`/?c=${id}`);
  await expect(editor(page)).toBeVisible({ timeout: 60_000 });
  await expect(preview(page).locator("#heading")).toHaveText(heading, { timeout: 30_000 });
}

/** Replaces the code in Monaco as a person would: select all, then type (inserted at once). */
async function replaceCode(page: Page, html: string) {
  await editor(page).locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(html);
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

test("ask: the canvas denoises with a step counter, then the artifact opens in Monaco and the preview, saved as v1", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Message", { exact: true }).fill("Build a simulated chat app");
  await page.getByLabel("Message", { exact: true }).press("ControlOrMeta+Enter");
  await expect(page.getByTestId("progress")).toContainText(/step \d+ \/ ~\d+ · \d+ tokens\/s · (about (\d+ min )?\d+ s left|almost done)/, { timeout: 60_000 });
  await expect(page.getByRole("button", { name: "Stop generating" })).toBeVisible();
  await shot(page, "ask-streaming");

  await expect(page.getByTitle("App preview")).toBeVisible({ timeout: 200_000 });
  await expect(editor(page)).toBeVisible({ timeout: 60_000 });
  await expect(messages(page).filter({ hasText: "Here is your app" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Versions 1$/ })).toBeVisible();
  expect(new URL(page.url()).searchParams.get("c")).toBeTruthy();
  await expect(page.getByRole("navigation", { name: "Conversations" }).locator("[aria-current=page]")).toHaveText("Build a simulated chat app");
  await shot(page, "ask-done");

  // A reload keeps the conversation: the exchange, the artifact and its version.
  await page.reload();
  await expect(messages(page).filter({ hasText: "Build a simulated chat app" })).toBeVisible({ timeout: 30_000 });
  await expect(messages(page).filter({ hasText: "Here is your app" })).toBeVisible();
  await expect(page.getByTitle("App preview")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Versions 1$/ })).toBeVisible();
});

test("Esc stops a generation; the interrupted reply is kept after a reload", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Message", { exact: true }).fill("Build a counter");
  await page.getByLabel("Message", { exact: true }).press("Enter");
  await expect(page.getByTestId("progress")).toContainText("step", { timeout: 60_000 });
  await page.keyboard.press("Escape");
  const stopped = messages(page).filter({ hasText: "Stopped before the app was finished." });
  await expect(stopped).toBeVisible();
  await expect(page.getByRole("button", { name: "Send" })).toBeVisible();
  await expect(page.locator("[data-testid=code] .mask")).toHaveCount(0);

  // The server saves the interrupted reply as its generation winds down.
  await expect(async () => {
    await page.reload();
    await expect(stopped).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
  await expect(messages(page).filter({ hasText: "Build a counter" })).toBeVisible();
});

test("editing the code in Monaco updates the preview, and the edit becomes a version that a reload keeps", async ({ page, request }) => {
  const id = await seed(request, "Edit me", app("Before"));
  await openConversation(page, id, "Before");

  await replaceCode(page, app("After the edit"));
  await expect(preview(page).locator("#heading")).toHaveText("After the edit");
  await expect(page.getByRole("button", { name: /^Versions 2$/ })).toBeVisible({ timeout: 5000 });
  await shot(page, "edit");

  await page.reload();
  await expect(preview(page).locator("#heading")).toHaveText("After the edit", { timeout: 30_000 });
  await page.getByRole("button", { name: /^Versions \d+$/ }).click();
  await expect(page.getByRole("complementary", { name: "Versions" }).getByRole("listitem").first()).toContainText("v2edited");
});

test("versions: compare two in the diff editor, then restore the older one", async ({ page, request }) => {
  const id = await seed(request, "Versions", app("First"), app("Second"));
  await openConversation(page, id, "Second");

  await page.getByRole("button", { name: /^Versions 2$/ }).click();
  await page.getByRole("button", { name: "Compare v1 with the current version" }).click();
  const diff = page.getByTestId("diff").locator(".monaco-diff-editor");
  await expect(diff).toBeVisible();
  await expect(diff).toContainText("First");
  await expect(diff).toContainText("Second");
  await expect(page.getByRole("combobox", { name: "Compare from version" }).locator("option:checked")).toHaveText("v1");
  await expect(page.getByRole("combobox", { name: "Compare to version" }).locator("option:checked")).toHaveText("v2");
  await shot(page, "diff");

  await page.getByRole("button", { name: "Restore v1" }).click();
  await expect(preview(page).locator("#heading")).toHaveText("First");
  await expect(page.getByRole("complementary", { name: "Versions" }).getByRole("listitem").first()).toContainText("v3restored from v1");
  await expect(diff).toHaveCount(0);

  await page.reload();
  await expect(preview(page).locator("#heading")).toHaveText("First", { timeout: 30_000 });
  await expect(page.getByRole("button", { name: /^Versions 3$/ })).toBeVisible();
});

test("a console error from the artifact shows in the drawer with its line number", async ({ page, request }) => {
  const id = await seed(request, "Console", app("Quiet"));
  await openConversation(page, id, "Quiet");
  await expect(page.getByRole("button", { name: "Console: 0 messages, 0 errors" })).toBeVisible();

  await replaceCode(
    page,
    `<!DOCTYPE html>
<html>
<body>
<p id="heading">Loud</p>
<script>
console.log("hello from the app");
throw new Error("boom on line seven");
</script>
</body>
</html>`,
  );
  await expect(preview(page).locator("#heading")).toHaveText("Loud");
  const toggle = page.getByRole("button", { name: "Console: 2 messages, 1 errors" });
  await expect(toggle).toBeVisible();
  await toggle.click();
  const drawer = page.getByRole("log", { name: "Console" });
  await expect(drawer).toBeVisible();
  await expect(drawer).toContainText("hello from the app");
  await expect(drawer).toContainText("Error (line 7");
  await expect(drawer).toContainText("boom on line seven");
  await shot(page, "console-error");

  // Reload runs the app again, with a fresh console.
  await page.getByRole("button", { name: "Reload preview" }).click();
  await expect(drawer.getByText("boom on line seven")).toHaveCount(1);
});

test("preview actions: open in a new tab under the same sandbox, download the .html, copy the code", async ({ page, request, context }) => {
  const html = app(`Quotes "and" &amp; ampersands`);
  const id = await seed(request, "Actions app", html);
  await openConversation(page, id, `Quotes "and" & ampersands`);

  const [tab] = await Promise.all([context.waitForEvent("page"), page.getByRole("button", { name: "Open in a new tab" }).click()]);
  const frame = tab.locator("iframe");
  await expect(frame).toHaveAttribute("sandbox", "allow-scripts allow-forms allow-modals");
  await expect(tab.frameLocator("iframe").locator("#heading")).toHaveText(`Quotes "and" & ampersands`);
  expect(await frame.getAttribute("srcdoc")).toContain("Content-Security-Policy");
  await tab.close();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download .html" }).click()]);
  expect(download.suggestedFilename()).toBe("actions-app.html");
  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  expect(await readFile(path, "utf8")).toBe(html);

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy code" }).click();
  await expect(page.getByRole("button", { name: "Copy code" })).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(html);
});

test("conversations: create, rename, switch and delete from the sidebar; a reload keeps the changes", async ({ page, request }) => {
  const first = await seed(request, "Alpha app", app("Alpha"));
  await seed(request, "Beta app", app("Beta"));
  await openConversation(page, first, "Alpha");
  const sidebar = page.getByRole("navigation", { name: "Conversations" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alpha app");

  await sidebar.getByRole("button", { name: "Rename “Alpha app”" }).click();
  await sidebar.getByLabel("Conversation title").fill("Renamed app");
  await sidebar.getByLabel("Conversation title").press("Enter");
  await expect(sidebar.getByRole("button", { name: "Renamed app", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Renamed app");

  await sidebar.getByRole("button", { name: "Beta app", exact: true }).click();
  await expect(preview(page).locator("#heading")).toHaveText("Beta");
  await expect(sidebar.getByRole("button", { name: "Beta app", exact: true })).toHaveAttribute("aria-current", "page");

  await sidebar.getByRole("button", { name: "+ New conversation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New conversation");
  await expect(page.getByTitle("App preview")).toHaveCount(0);
  await shot(page, "sidebar");

  await sidebar.getByRole("button", { name: "Delete “Beta app”" }).click();
  await sidebar.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(sidebar.getByRole("button", { name: "Beta app", exact: true })).toHaveCount(0);

  await page.reload();
  await expect(sidebar.getByRole("button", { name: "Renamed app", exact: true })).toBeVisible();
  await expect(sidebar.getByRole("button", { name: "Beta app", exact: true })).toHaveCount(0);
  expect((await request.get(`/api/conversations/${first}`)).status()).toBe(200);
});

test("layout: resizable divider, light and dark, stacked on a narrow screen, every control named", async ({ page, request }) => {
  const id = await seed(request, "Layout", app("Layout"));
  await openConversation(page, id, "Layout");

  const divider = page.getByRole("separator", { name: "Resize code and preview" });
  const before = Number(await divider.getAttribute("aria-valuenow"));
  await divider.focus();
  await page.keyboard.press("ArrowRight");
  await expect(divider).toHaveAttribute("aria-valuenow", String(before + 5));

  const dark = (await page.evaluate(() => document.documentElement.classList.contains("dark"))) ? "light" : "dark";
  await page.getByRole("button", { name: `Switch to ${dark} theme` }).click();
  await expect(page.locator("html")).toHaveClass(dark === "dark" ? /dark/ : /^(?!.*dark)/);
  await shot(page, `theme-${dark}`);

  // Every button and field of ours has an accessible name (Monaco's own widgets aside).
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll("button, input, textarea, select, [role=separator]")]
      .filter((el) => !el.closest(".monaco-editor, .monaco-diff-editor"))
      .filter((el) => !(el.getAttribute("aria-label") || el.textContent?.trim() || (el.id && document.querySelector(`label[for="${el.id}"]`))))
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  expect(unnamed).toEqual([]);

  await page.setViewportSize({ width: 390, height: 844 });
  const chat = await page.getByRole("region", { name: "Chat" }).boundingBox();
  const artifact = await page.getByRole("region", { name: "Artifact" }).boundingBox();
  expect(chat && artifact && artifact.y >= chat.y + chat.height - 1).toBe(true);
  await expect(page.getByRole("navigation", { name: "Conversations" })).toBeHidden();
  await page.getByRole("button", { name: "Show conversations" }).click();
  await expect(page.getByRole("navigation", { name: "Conversations" })).toBeVisible();
  await shot(page, "narrow");
});

// Regions regenerated by infilling, and follow-ups refining the artifact. The model's words
// are never judged: these tests check what is masked, what is sent, what is kept, and which
// versions come of it.

const MASK = "\u2591";

interface Version {
  id: number;
  parentId: number | null;
  kind: string;
  html: string;
}

async function versionsOf(request: APIRequestContext, id: string): Promise<Version[]> {
  return ((await (await request.get(`/api/conversations/${id}`)).json()) as { versions: Version[] }).versions;
}

/** The code in the editor, as "Copy code" copies it. */
async function currentCode(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Copy code" }).click();
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Starts keeping every text the denoising canvas shows (read them with `canvasesSeen`). */
async function recordCanvases(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { canvases: string[] }).canvases = seen;
    new MutationObserver(() => {
      const text = document.querySelector("[data-testid=code]")?.textContent;
      if (text != null && text !== seen.at(-1)) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

const canvasesSeen = (page: Page) => page.evaluate(() => (window as unknown as { canvases: string[] }).canvases);

type StreamEvent = { type: "frame"; text: string } | { type: "done"; artifact: string; stats: { tokens: number } };

/** The events of a finished Server-Sent Events body. */
const sseEvents = (body: string) =>
  body
    .split("\n\n")
    .filter((l) => l.startsWith("data: "))
    .map((l) => JSON.parse(l.slice(6)) as StreamEvent);

function finished(events: StreamEvent[]): string {
  const done = events.at(-1);
  expect(done?.type).toBe("done");
  return (done as Extract<StreamEvent, { type: "done" }>).artifact;
}

/** Length of the longest common subsequence of two texts. */
function commonSubsequence(a: string, b: string): number {
  let row = new Array<number>(b.length + 1).fill(0);
  for (const ca of a) {
    const next = [0];
    for (let j = 1; j <= b.length; j++) next[j] = ca === b[j - 1] ? row[j - 1] + 1 : Math.max(row[j], next[j - 1]);
    row = next;
  }
  return row[b.length];
}

test("regenerate selection: the selected line shows as masks, fills in live by infilling into a new version, and Undo restores the exact text", async ({ page, request, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const html = `<!DOCTYPE html>
<html>
<body>
<h1 id="heading">Regenerate</h1>
<p id="note">replace this note</p>
<p>the end</p>
</body>
</html>`;
  const id = await seed(request, "Regenerate", html);
  await openConversation(page, id, "Regenerate");
  const [v1] = await versionsOf(request, id);
  const regenerate = page.getByRole("button", { name: "Regenerate selection" });
  await expect(regenerate).toBeDisabled();
  await expect(page.getByRole("button", { name: "Undo", exact: true })).toBeDisabled();

  // Select line 5 with the keyboard.
  const line = '<p id="note">replace this note</p>';
  const start = html.indexOf(line);
  const end = start + line.length;
  await editor(page).locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+Home");
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Home");
  await page.keyboard.press("Shift+End");
  await expect(page.getByTestId("selection")).toHaveText(`${line.length} characters selected`);

  await regenerate.click();
  const form = page.getByRole("form", { name: "Regenerate selection" });
  await form.getByLabel("Instruction (optional)").fill("a friendlier note");
  await form.getByLabel("Length in tokens (optional)").fill("6");
  await shot(page, "regenerate-form");
  await recordCanvases(page);
  // The request is held (then sent on, unchanged) until the masked canvas has been seen and pictured.
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route("**/api/infill", async (route) => {
    await held;
    await route.continue();
  });
  const [sent] = await Promise.all([page.waitForRequest("**/api/infill"), form.getByRole("button", { name: "Regenerate", exact: true }).click()]);
  expect(sent.postDataJSON()).toEqual({ text: html, spans: [{ start, end, length: 6 }], instruction: "a friendlier note" });
  await expect(page.getByTestId("code").locator(".mask")).toHaveAttribute("data-masked", "6");
  await expect(page.getByRole("button", { name: "Stop generating" })).toBeVisible();
  await shot(page, "regenerate-masked");
  release();
  const streamed = sseEvents(await (await sent.response())!.text());
  const result = finished(streamed);

  // A new version of kind "regenerate", made from v1, holding exactly the streamed result.
  await expect(page.getByRole("button", { name: /^Versions 2$/ })).toBeVisible({ timeout: 60_000 });
  const prefix = html.slice(0, start);
  const suffix = html.slice(end);
  expect(result.startsWith(prefix) && result.endsWith(suffix)).toBe(true);
  expect(result.slice(prefix.length, result.length - suffix.length)).not.toContain(MASK);
  const v2 = (await versionsOf(request, id)).at(-1)!;
  expect([v2.kind, v2.parentId, v2.html]).toEqual(["regenerate", v1.id, result]);
  expect(await currentCode(page)).toBe(result);
  await expect(preview(page).locator("#heading")).toHaveText("Regenerate");
  await shot(page, "regenerated");

  // The canvas showed the line as 6 masks at once, then each frame of the infill; the rest never changed.
  const canvases = await canvasesSeen(page);
  expect(canvases[0]).toBe(prefix + MASK.repeat(6) + suffix);
  const frames = streamed.flatMap((e) => (e.type === "frame" ? [e.text] : []));
  expect(frames.length).toBeGreaterThan(0);
  for (const c of canvases.slice(1)) expect(frames).toContain(c);
  for (const c of [...canvases, ...frames]) expect(c.startsWith(prefix) && c.endsWith(suffix)).toBe(true);

  // Undo: the text before the regeneration comes back exactly, as a version restored from v1.
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(page.getByRole("button", { name: /^Versions 3$/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Undo", exact: true })).toBeDisabled();
  expect(await currentCode(page)).toBe(html);
  const v3 = (await versionsOf(request, id)).at(-1)!;
  expect([v3.kind, v3.parentId, v3.html]).toEqual(["restore", v1.id, html]);
  await page.getByRole("button", { name: /^Versions 3$/ }).click();
  const list = page.getByRole("complementary", { name: "Versions" }).getByRole("listitem");
  await expect(list.nth(0)).toContainText("v3restored from v1");
  await expect(list.nth(1)).toContainText("v2region regenerated");
  await shot(page, "regenerate-undone");
});

test("regenerate selection in a working app: the regenerated line still makes the app answer a typed message", async ({ page, request }) => {
  // A working chat app from the corpus; the line that shows each message is regenerated by the model.
  const html = readFileSync(new URL("../engine/testdata/chat-app.html", import.meta.url), "utf8");
  const lines = html.split("\n");
  const line = lines.findIndex((l) => l.trim() === "this.log.appendChild(div);");
  const id = await seed(request, "Working chat", html);
  await page.goto(`/?c=${id}`);
  await expect(editor(page)).toBeVisible({ timeout: 60_000 });
  await expect(preview(page).locator("h1")).toHaveText("Messenger", { timeout: 30_000 });

  // Go to the line (long lines wrap, so arrow keys count screen rows); Monaco's Home goes to
  // its first non-blank character, so the selection is the statement.
  await editor(page).locator(".view-lines").click();
  await page.keyboard.press("Control+G");
  await page.keyboard.type(String(line + 1));
  await page.keyboard.press("Enter");
  await page.keyboard.press("Home");
  await page.keyboard.press("Shift+End");
  await expect(page.getByTestId("selection")).toHaveText(`${lines[line].trim().length} characters selected`);
  await page.getByRole("button", { name: "Regenerate selection" }).click();
  await page.getByRole("form", { name: "Regenerate selection" }).getByRole("button", { name: "Regenerate", exact: true }).click();
  await expect(page.getByRole("button", { name: /^Versions 2$/ })).toBeVisible({ timeout: 60_000 });
  const v2 = (await versionsOf(request, id)).at(-1)!;
  expect(v2.kind).toBe("regenerate");
  // Only that line may change (a selection is widened to whole tokens, here by its indent's last space).
  const [before, after] = [lines.slice(0, line).join("\n") + "\n", "\n" + lines.slice(line + 1).join("\n")];
  expect(v2.html.startsWith(before) && v2.html.endsWith(after)).toBe(true);

  const app = preview(page);
  await app.locator("input").fill("hello from the test");
  await app.locator("input").press("Enter");
  await expect(app.locator("#log")).toContainText("hello from the test");
  await expect(app.locator("#log")).toContainText("You said: hello from the test", { timeout: 10_000 });
  await shot(page, "regenerated-app-works");
});

test("Fix on a console error regenerates the lines around the failing one, as a fixed version", async ({ page, request, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const html = `<!DOCTYPE html>
<html>
<body>
<h1 id="heading">Broken</h1>
<script>
const answer = 42;
missingFunction(answer);
console.log(answer);
</script>
</body>
</html>`;
  const id = await seed(request, "Fix me", html);
  await openConversation(page, id, "Broken");
  const [v1] = await versionsOf(request, id);
  await page.getByRole("button", { name: /^Console: \d+ messages, 1 errors$/ }).click();
  const drawer = page.getByRole("log", { name: "Console" });
  await expect(drawer).toContainText("Error (line 7");
  await expect(drawer).toContainText("missingFunction is not defined");
  await shot(page, "fix-error");

  // The span sent runs from the start of line 6 to the end of line 8: the failing line and its neighbours.
  const start = html.indexOf("const answer");
  const end = html.indexOf("console.log(answer);") + "console.log(answer);".length;
  await recordCanvases(page);
  const [sent] = await Promise.all([page.waitForRequest("**/api/infill"), drawer.getByRole("button", { name: "Fix the error on line 7" }).click()]);
  const body = sent.postDataJSON() as { text: string; spans: unknown[]; instruction: string };
  expect(body.text).toBe(html);
  expect(body.spans).toEqual([{ start, end }]);
  expect(body.instruction).toMatch(/^fix the error: .*missingFunction is not defined/);
  const result = finished(sseEvents(await (await sent.response())!.text()));

  await expect(page.getByRole("button", { name: /^Versions 2$/ })).toBeVisible({ timeout: 60_000 });
  const prefix = html.slice(0, start);
  const suffix = html.slice(end);
  expect(result.startsWith(prefix) && result.endsWith(suffix)).toBe(true);
  const v2 = (await versionsOf(request, id)).at(-1)!;
  expect([v2.kind, v2.parentId, v2.html]).toEqual(["fix", v1.id, result]);
  expect(await currentCode(page)).toBe(result);
  // Masked first (lines 6 to 8 as placeholders), the rest kept.
  expect((await canvasesSeen(page))[0]).toMatch(new RegExp(`^${escapeRegExp(prefix)}${MASK}+${escapeRegExp(suffix)}$`));
  await page.getByRole("button", { name: /^Versions 2$/ }).click();
  await expect(page.getByRole("complementary", { name: "Versions" }).getByRole("listitem").first()).toContainText("v2fixed");
  await shot(page, "fixed");
});

test("a follow-up message refines the current artifact into a new version", async ({ page, request, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const html = `<!DOCTYPE html>
<html>
<body>
<h1 id="heading">Refine me</h1>
<button id="go">Count</button>
<p id="out">0</p>
<script>
let n = 0;
document.getElementById("go").onclick = () => { n += 1; document.getElementById("out").textContent = n; };
</script>
</body>
</html>`;
  const id = await seed(request, "Refine", html);
  await openConversation(page, id, "Refine me");
  const [v1] = await versionsOf(request, id);

  await page.getByLabel("Message", { exact: true }).fill("Make the heading red");
  const [sent] = await Promise.all([page.waitForRequest("**/api/generate"), page.getByLabel("Message", { exact: true }).press("Enter")]);
  expect(sent.postDataJSON()).toEqual({ message: "Make the heading red", conversationId: id });
  const events = sseEvents(await (await sent.response())!.text());
  const result = finished(events);

  await expect(messages(page).filter({ hasText: "Make the heading red" })).toBeVisible();
  await expect(messages(page).filter({ hasText: "Here is your app, refined" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("button", { name: /^Versions 2$/ })).toBeVisible();
  const v2 = (await versionsOf(request, id)).at(-1)!;
  expect([v2.kind, v2.parentId, v2.html]).toEqual(["refine", v1.id, result]);
  expect(await currentCode(page)).toBe(result);

  // A refinement re-masks part of the artifact's tokens and keeps the rest in place: some
  // tokens were rewritten, and most of the text survives (a fresh generation would share little).
  const done = events.at(-1) as Extract<StreamEvent, { type: "done" }>;
  expect(done.stats.tokens).toBeGreaterThan(0);
  expect(commonSubsequence(result, html)).toBeGreaterThan(0.5 * html.length);
  await page.getByRole("button", { name: /^Versions 2$/ }).click();
  await expect(page.getByRole("complementary", { name: "Versions" }).getByRole("listitem").first()).toContainText("v2refined");
  await shot(page, "refined");

  // A reload keeps the follow-up, its reply and the refined version.
  await page.reload();
  await expect(messages(page).filter({ hasText: "Here is your app, refined" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("button", { name: /^Versions 2$/ })).toBeVisible();
});

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
