// The checker's own behaviour: what an app sees of it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { useAppChecker } from "./checker-fixture.ts";

const checker = useAppChecker();

/** An app that shows three draws of Math.random when it loads, and three more on a click. */
const DICE = `<!DOCTYPE html><html><body><p id="out"></p><button id="roll">Roll</button><script>
const out = document.getElementById("out");
const draw = () => [1, 2, 3].map(() => Math.random().toFixed(6)).join(" ");
out.textContent = draw();
document.getElementById("roll").onclick = () => (out.textContent += " | " + draw());
</script></body></html>`;

async function rolls(): Promise<string> {
  let seen = "";
  const r = await checker().check(DICE, async ({ frame }) => {
    await frame.locator("#roll").click();
    seen = await frame.locator("#out").innerText();
  });
  assert.ok(r.ok, r.errors.join("; "));
  return seen;
}

test("Math.random is seeded afresh in every check: the same app draws the same numbers each time", async () => {
  const first = await rolls();
  const draws = first.split(/ \| | /);
  assert.equal(draws.length, 6);
  assert.equal(new Set(draws).size, 6, `six different draws: ${first}`);
  assert.ok(draws.every((d) => Number(d) >= 0 && Number(d) < 1), first);
  assert.equal(await rolls(), first);
  assert.equal(await rolls(), first);
});
