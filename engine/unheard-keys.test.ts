// Keys a request asks for and no script listens to: when the page gets a key handler, and where.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { firstUnheardKeys } from "./unheard-keys.ts";

/** A stopwatch wired by click alone; `markup` goes before its buttons. */
const stopwatch = (script = "", markup = "") => `<body>
<p id="time">0</p>${markup}
<button id="start">Start</button>
<script>
let t = 0;
const startBtn = document.getElementById("start");
startBtn.addEventListener("click", () => {
  setInterval(() => (t += 1), 1000);
});
${script}
</script>`;
const asked = "a stopwatch with keyboard controls (space, R to reset)";

test("a request for keys and no script that listens to any: the page's key handler goes after the last control wired", () => {
  const html = stopwatch();
  const part = firstUnheardKeys(html, asked)!;
  assert.equal(part.key, "keydown");
  assert.equal(part.places[0].lead, '\ndocument.addEventListener("keydown",');
  assert.ok(html.slice(0, part.places[0].at).endsWith("1000);\n});"));
  assert.equal(part.end(' (e) => {\n  if (e.code === "Space") start();\n});\nmore'), ' (e) => {\n  if (e.code === "Space") start();\n});');
  assert.equal(firstUnheardKeys(html, asked, ["keydown"]), null, "skipped");
  assert.ok(firstUnheardKeys(stopwatch("", '<input id="shown" value="0" readonly>'), asked), "a read-only display is no field to type in");
});

test("how a request asks for keys", () => {
  const html = stopwatch();
  for (const request of ["breakout with the arrow keys", "dice with the space bar to roll", "pausing with the p key", "P to pause", "space to launch the ball", "a keyboard shortcut for a new palette", "press Enter to start"])
    assert.ok(firstUnheardKeys(html, request), request);
  for (const request of ["a simple stopwatch", "a piano keyboard with note names", "a to-do list", "a quiz about space", "an API key field"])
    assert.equal(firstUnheardKeys(html, request), null, request);
});

test("a page that listens to keys already, or has a field to type in, is left alone", () => {
  assert.equal(firstUnheardKeys(stopwatch('document.onkeydown = (e) => e.key === " " && startBtn.click();'), asked), null);
  assert.equal(firstUnheardKeys(stopwatch('window.addEventListener("keyup", () => {});'), asked), null);
  assert.equal(firstUnheardKeys(stopwatch("", '<input id="name" type="text">'), asked), null);
  assert.equal(firstUnheardKeys(stopwatch("", "<textarea></textarea>"), asked), null);
});

test("the default model's stopwatch asked for keyboard controls and listening to none", () => {
  const html = readFileSync("engine/testdata/stopwatch-unheard.html", "utf8");
  assert.ok(firstUnheardKeys(html, "I need a simple stopwatch. It should have a lap button, keyboard controls (space, R to reset) and start/stop and reset."));
});
