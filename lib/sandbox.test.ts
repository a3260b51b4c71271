// The sandbox runtime in real Chromium: the CSP blocks the network, the bridge
// reports errors with the artifact's own line numbers, storage works in the opaque origin.
import assert from "node:assert/strict";
import { test } from "node:test";
import { useAppChecker } from "./checker-fixture.ts";
import { ARTIFACT_CSP, buildSrcdoc } from "./sandbox.ts";

const checker = useAppChecker();

test("the CSP and the bridge come before the artifact's own code", () => {
  const doc = buildSrcdoc("<!DOCTYPE html><html><body><script>x()</script></body></html>", "n1");
  assert.ok(doc.startsWith("<!DOCTYPE html><meta http-equiv=\"Content-Security-Policy\""));
  assert.ok(doc.indexOf(ARTIFACT_CSP) < doc.indexOf("x()"));
  assert.ok(ARTIFACT_CSP.includes("connect-src 'none'") && ARTIFACT_CSP.includes("default-src 'none'"));
});

const ERROR_ON_LINE_5 = `<!DOCTYPE html>
<html>
<body>
<script>
throw new Error("boom");
</script>
</body>
</html>`;

test("an uncaught error is reported with the artifact's line number", async () => {
  const r = await checker().check(ERROR_ON_LINE_5, async ({ page }) => {
    await page.waitForFunction(() => (window as unknown as { __bridge: unknown[] }).__bridge.length > 0);
    const line = await page.evaluate(() => (window as unknown as { __bridge: { line: number }[] }).__bridge[0].line);
    assert.equal(line, 5);
  });
  assert.ok(r.errors.some((e) => e.includes("boom")), r.errors.join("; "));
});

test("storage works in the opaque origin, and the network is blocked", async () => {
  const app = `<!DOCTYPE html><html><body><p id="out"></p><script>
localStorage.setItem("k", "v");
fetch("http://127.0.0.1:9/x").then(function () { document.getElementById("out").textContent = "reached"; }, function () { document.getElementById("out").textContent = "blocked"; });
</script></body></html>`;
  const r = await checker().check(app, async ({ frame }) => {
    await frame.waitForFunction(() => document.getElementById("out")!.textContent !== "");
    assert.equal(await frame.evaluate(() => localStorage.getItem("k")), "v");
    assert.equal(await frame.locator("#out").textContent(), "blocked");
  });
  // The blocked fetch is itself reported as a CSP console error: that is the point.
  assert.ok(r.errors.every((e) => /Content Security Policy|Failed to fetch|connect-src/i.test(e)), r.errors.join("; "));
});

test("submitting a form never reloads the app (its state stays); the app's own submit handler still runs", async () => {
  const app = `<!DOCTYPE html><html><body><ul id="list"></ul>
<form id="f"><input id="new"><button type="submit">Add</button></form>
<form id="g"><input id="q"><button type="submit">Go</button></form>
<script>
window.added = 0;
document.getElementById("g").addEventListener("submit", function () { window.added++; });
</script></body></html>`;
  const r = await checker().check(app, async ({ frame }) => {
    await frame.evaluate(() => ((window as unknown as { mark: number }).mark = 1));
    await frame.locator("#new").fill("milk");
    await frame.locator("#new").press("Enter");
    await frame.getByRole("button", { name: "Add" }).click();
    await frame.getByRole("button", { name: "Go" }).click();
    assert.equal(await frame.evaluate(() => (window as unknown as { mark?: number }).mark), 1, "the same page, not a reloaded one");
    assert.equal(await frame.evaluate(() => (window as unknown as { added: number }).added), 1);
    assert.equal(await frame.locator("#new").inputValue(), "milk");
  });
  assert.deepEqual(r.errors, []);
});
