// Buttons the markup makes and no script wires: which count, and where the handler goes.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { firstUnwiredButton } from "./unwired-button.ts";

/** A timer whose Reset button nothing wires (in `markup`, after Start). */
const timer = (script = "", markup = '<button id="reset">Reset</button>') => `<body>
<p id="time">0</p>
<button id="start">Start</button>${markup}
<script>
let t = 0;
function tick() {
  document.getElementById("time").textContent = ++t;
}
function init() {
  document.getElementById("start").addEventListener("click", () => {
    setInterval(tick, 1000);
  });
}
${script}
init();
</script>`;

test("a button with an id no script names: its click handler goes after the last control the script wires by id", () => {
  const html = timer();
  const part = firstUnwiredButton(html)!;
  assert.equal(part.key, "reset");
  assert.equal(part.places[0].lead, '\n  document.getElementById("reset").addEventListener("click",');
  assert.ok(html.slice(0, part.places[0].at).endsWith("    setInterval(tick, 1000);\n  });"), "in init, where Start is wired, not inside Start's handler");
  assert.equal(firstUnwiredButton(html, ["reset"]), null, "skipped");
});

test("the handler kept closes its call: on its first line, or with `});` at the statement's indent", () => {
  const part = firstUnwiredButton(timer())!;
  assert.equal(part.end(" reset);\n}"), " reset);");
  const block = " () => {\n    t = 0;\n    tick();\n  });";
  assert.equal(part.end(block + "\n}\ninit();"), block);
  assert.equal(part.end(" () => {\n    t = 0;"), null, "never closed");
  assert.equal(part.end(");\n}"), null, "no listener: the call would throw");
  assert.equal(part.end(" );"), null, "no listener: the call would throw");
});

test("a button the scripts may wire some other way is left alone", () => {
  assert.equal(firstUnwiredButton(timer('document.getElementById("reset").onclick = () => (t = 0);')), null, "by id");
  assert.equal(firstUnwiredButton(timer("", '<button id="reset" onclick="t = 0">Reset</button>')), null, "a handler attribute");
  assert.equal(firstUnwiredButton(timer("", '<form><button id="reset">Reset</button></form>')), null, "it submits its form");
  assert.equal(firstUnwiredButton(timer('document.querySelector(".ghost").onclick = () => (t = 0);', '<button id="reset" class="ghost">Reset</button>')), null, "by its class");
  assert.equal(firstUnwiredButton(timer('document.querySelectorAll(".bar button").forEach((b) => (b.onclick = () => (t = 0)));')), null, "buttons by a selector");
  assert.equal(firstUnwiredButton(timer('document.body.onclick = (e) => e.target.dataset.go && (t = 0);', '<button id="reset" data-go="1">Reset</button>')), null, "by its data attributes");
  assert.equal(firstUnwiredButton(timer().replace(/\n {2}document\.getElementById\("start"\)[\s\S]*?\n {2}\}\);/, "")), null, "no control wired by id to follow");
});

test("the default model's drawing app whose Undo and Clear buttons nothing wired", () => {
  const html = readFileSync("engine/testdata/drawing-unwired.html", "utf8");
  assert.equal(firstUnwiredButton(html)?.key, "undo");
  assert.equal(firstUnwiredButton(html, ["undo"])?.key, "clear");
});
