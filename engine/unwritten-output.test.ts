// Slots the markup makes and no script fills: which count, and where the line that fills one goes.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { firstUnwrittenOutput } from "./unwritten-output.ts";

/** A todo app whose render function writes the list and never the count its markup shows. */
const todo = (script = "", markup = '<span id="count"></span>') => `<body>
<ul id="list"></ul>
<div class="bar">${markup}</div>
<script>
let tasks = [];
function render() {
  document.getElementById("list").innerHTML = tasks.map((t) => "<li>" + t + "</li>").join("");
  localStorage.setItem("tasks", JSON.stringify(tasks));
}
function add(t) {
  tasks.push(t);
  render();
}
${script}
render();
</script>`;

test("an empty element no script names: its line goes after the render function's last write into the page", () => {
  const html = todo();
  const slot = firstUnwrittenOutput(html)!;
  assert.equal(slot.key, "count");
  assert.equal(slot.places[0].lead, '\n  document.getElementById("count").textContent =');
  assert.ok(html.slice(0, slot.places[0].at).endsWith('.join("");'), "after the list is written, before it is saved");
  assert.equal(firstUnwrittenOutput(html, ["count"]), null, "skipped");
  assert.equal(firstUnwrittenOutput(todo("", '<strong id="left">0</strong>'))?.key, "left", "a number shown is a slot too");
});

test("the line kept is the statement's, where it ends on its line and writes no element as text", () => {
  const slot = firstUnwrittenOutput(todo())!;
  assert.equal(slot.end(" tasks.length + \" left\";\n}\nfunction add() {"), ' tasks.length + " left";');
  assert.equal(slot.end(" tasks.length +\n  1;"), null, "runs past its line");
  assert.equal(slot.end(' document.getElementById("list");\n'), null, "an element");
});

test("a slot the scripts fill some other way is left alone", () => {
  assert.equal(firstUnwrittenOutput(todo('document.getElementById("count").textContent = "0";')), null, "looked up by id");
  assert.equal(firstUnwrittenOutput(todo("count.textContent = tasks.length;")), null, "read as the window's property of its id");
  assert.equal(firstUnwrittenOutput(todo('document.querySelector(".total").textContent = "";', '<span id="count" class="total"></span>')), null, "by its class");
  const built = todo('function check(name) { document.getElementById(name + "-error").textContent = "Required"; }', '<span id="email-error"></span>');
  assert.equal(firstUnwrittenOutput(built), null, "an id the script builds from a string");
  const scores = todo('function win(p) { document.getElementById("score" + p).textContent = 1; }', '<b id="scoreX">0</b>');
  assert.equal(firstUnwrittenOutput(scores), null, "or begins with one");
  assert.equal(firstUnwrittenOutput(todo("", '<span id="count" onclick="count.textContent = 1"></span>')), null, "named by an inline handler");
  assert.equal(firstUnwrittenOutput(todo("", '<span id="count">3 tasks</span>')), null, "text of its own: no slot");
});

test("no render function called from two places, no line to write", () => {
  const once = todo().replace("  render();\n}", "}");
  assert.equal(firstUnwrittenOutput(once), null);
  assert.equal(firstUnwrittenOutput('<body><span id="count"></span><script>\nfunction render() {}\nrender();\nrender();\n</script>'), null, "it writes nothing into the page");
});

test("the default model's todo app that never wrote its count: one slot, in render", () => {
  const html = readFileSync("engine/testdata/todo-uncounted.html", "utf8");
  const slot = firstUnwrittenOutput(html)!;
  assert.equal(slot.key, "count");
  assert.ok(html.slice(0, slot.places[0].at).endsWith("list.appendChild(li);\n  });"));
});
