// The standalone page: the artifact stays inside the sandboxed iframe, whatever its text.
// (e2e/workspace.spec.ts opens one in Chromium.)
import assert from "node:assert/strict";
import { test } from "node:test";
import { HOST_PAGE_CSP_META, SANDBOX_FLAGS } from "./sandbox.ts";
import { standalonePage } from "./standalone.ts";

test("the page is one sandboxed iframe, and the artifact cannot break out of its srcdoc attribute", () => {
  const hostile = `<p title="x">"></iframe><script>parent.document.body.innerHTML='owned'</script>&amp;</p>`;
  const page = standalonePage(hostile, `My "app" <1>`, "n1");
  assert.equal(page.match(/<iframe /g)?.length, 1);
  assert.ok(page.includes(`sandbox="${SANDBOX_FLAGS}"`));
  assert.ok(!page.includes("allow-same-origin"));
  assert.ok(page.indexOf(HOST_PAGE_CSP_META) < page.indexOf("<iframe"), "the host page policy (no frame navigates anywhere) comes first");
  assert.ok(!page.includes("<script>"), "the artifact's markup is escaped into the attribute");
  assert.ok(page.includes("<title>My &quot;app&quot; &lt;1&gt;</title>"));
});
