// The syntax guard: where the settled start of a generated app's JavaScript first breaks.
import assert from "node:assert/strict";
import { test } from "node:test";
import { firstRedeclaredFunction, firstScriptError, firstScriptMistake, scriptCheck } from "./script-guard.ts";

/** The error's offset, shown as the text around it (easier to read in a failure). */
const at = (html: string) => {
  const i = firstScriptError(html);
  return i < 0 ? null : html.slice(i, i + 6);
};

test("a slip in a complete line of an open script is found where it shows", () => {
  assert.equal(at("<p>hi</p><script>\nconst a = 1;\nfoo(a b);\n"), "b);\n");
  assert.equal(at("<script>\nbtn.addEventListener('click', () => {\n  go();\n}));\n"), ");\n");
  assert.equal(at("<script>\nconst s = 'abc\nx"), "'abc\nx", "a quote is not closed by a line's end");
});

test("a line still being written, or a construct still open, is not an error", () => {
  assert.equal(at("<script>\nconst a = 1;\nfoo(a b"), null, "the last line is not complete");
  assert.equal(at("<script>\nfunction f() {\n  if (x)\n"), null);
  assert.equal(at("<script>\nconst s = `abc\n def\n"), null, "a template literal runs on over lines");
  assert.equal(at("<script>\n/* a comment\n that runs on\n"), null);
  assert.equal(at("<script>\nlist.sort((a, b) ="), null);
});

test("a closed script must parse whole: a missing brace is found at its closing tag", () => {
  assert.equal(at("<script>\nfunction f() {\n  if (x) {}\n</script>"), "</scri");
  assert.equal(at("<script>\nfunction f() {}\n</script><p>"), null);
});

test("only scripts a browser runs as JavaScript are read", () => {
  assert.equal(at("<script src='x.js'></script><script>\nlet x = ;\n</script>"), ";\n</sc");
  assert.equal(at('<script type="text/template">\n{{ x ]]\n</script>'), null);
  assert.equal(at('<script type="module">\nimport x from "./x.js";\nexport const y = 1;\n</script>'), null);
  assert.equal(at("<style>\nbody { color: red }}\n</style><p>no script</p>"), null);
});

test("an id that no element has is found where it leaves every given id", () => {
  const page = '<body><div id="time"></div><button id="start">Go</button>\n<script>\n';
  assert.equal(at(page + 'const t = document.getElementById("time");\n'), null);
  assert.equal(at(page + 'const b = document.getElementById("sta'), null, "an id still being written");
  assert.equal(at(page + 'const b = document.getElementById("toggle");\n'), 'oggle"', "it leaves \"time\" after the t");
  assert.equal(at(page + 'const b = document.getElementById("stop'), 'op', "where it leaves the ids given");
  assert.equal(at(page + 'const b = document.getElementById("tim");'), '");', "too short: the closing quote is the mistake");
  assert.equal(at(page + 'const b = document.getElementById("tim"'), null, "what follows the quote is not written yet");
  assert.equal(at(page + 'document.getElementById("st" + which);\n'), null, "a literal joined to more need only start an id");
  assert.equal(at(page + 'document.getElementById(`st${which}`);\n'), null);
  assert.equal(at(page + 'document.getElementById(`go${which}`);\n'), 'go${wh');
  assert.equal(at(page + 'list.innerHTML = \'<li id="row1">\';\nconst r = document.getElementById("row1");\n'), null, "ids in a script's markup count");
  assert.equal(at(page + 'el.id = "late";\ndocument.getElementById("late");\n'), null, "ids a script sets count");
  assert.equal(at('<head><script>\ndocument.getElementById("later");\n'), null, "a script before the body may name ids written after it");
});

test("a name a finished script reads and nothing gives is found where it leaves every given name", () => {
  const page = '<body><div id="time"></div>\n<script>\nlet running = false;\n';
  assert.equal(at(page + "if (rrunun) tick();\nfunction tick() {}\n</script>"), "runun)", "it leaves \"running\" after the r");
  assert.equal(at(page + "if (rrunun) tick();\n"), null, "a script still open may declare it further on");
  assert.equal(at(page + "timeEl.textContent = 'x';\n</script>"), "El.tex", "it leaves the id \"time\" after \"time\"");
  assert.equal(at(page + "class Table {\n  show() { ctx = 1; }\n}\n</script>"), "ctx = ", "class bodies are strict: assigning makes no global");
  assert.equal(at(page + "function f() {\n  'use strict';\n  count = 1;\n}\n</script>"), "count ");
  assert.equal(at(page + "score += 1;\n</script>"), "score ", "+= reads the name first");
  assert.equal(at(page + "function a(list) { return list; }\nfunction b() { return list.length; }\n</script>"), "list.l", "another function's parameter");
  assert.equal(at(page + "time.textContent = '';\ntime();\n</script>"), "time()", "an element is never a function: a call of an id is found at its start");
  assert.equal(at(page + "setInterval(time, 100);\n</script>"), "time, ", "nor a timer's callback");
  assert.equal(at(page + "document.body.addEventListener('click', time);\n</script>"), "time);", "nor an event listener");
  const fine = [
    "if (running) tick();\nfunction tick() { requestAnimationFrame(tick); }", // declared later, hoisted
    "time.textContent = String(Math.PI);", // an element id is a window property
    "const { a, b: [c = d0] } = { a: 1, b: [] };\nvar d0 = 2;\nconsole.log(a, c);",
    "try { go(); } catch (err) { console.log(err.message); }\nfunction go() {}",
    "total = 3;\nalert(total);", // a sloppy-mode global
    "if (typeof maybe === 'undefined') running = true;",
    "const o = { running, key: 1, [running]: 2 };\no.other = o.key;\nouter: for (const k in o) { break outer; }",
    "class Board { #cells = []; get size() { return this.#cells.length; } }\nnew Board().size;",
    "document.addEventListener('keydown', (e) => { if (e.key === ' ') event.preventDefault(); });",
  ];
  for (const code of fine) assert.equal(at(page + code + "\n</script>"), null, code);
  assert.equal(at('<script src="lib.js"></script><script>\nChart.render();\n</script>'), null, "an external script may declare anything");
  assert.equal(at("<script>\nfunction a() { return b(); }\n</script><script>\nfunction b() {}\n</script>"), null, "scripts share one scope");
});

test("the sampler's check names the canvas position of the token where the mistake shows", () => {
  const pieces = ["<mask>", "<eot>", "<pad>", "<body><script>", "\n", "foo", "(", "a", " b", ");", "bar"];
  const check = scriptCheck(pieces, { eot: 1, pad: 2 });
  const canvas = Int32Array.from([10, 10, 3, 4, 5, 6, 7, 2, 8, 9, 4, 1, 1]); // two request tokens, then the text
  assert.equal(check(canvas, 2, 10), -1, "the line with the slip is not complete yet");
  assert.equal(check(canvas, 2, 11), 8, "\" b\" (the padding before it takes no room)");
  assert.equal(check(canvas, 2, 13), 8, "the text ends at the end-of-text");
  canvas[8] = 4; // a line break instead: "foo(a\n);\n" parses
  assert.equal(check(canvas, 2, 11), -1);
});

test("a mistake says what it is, and the check looks only for the kinds it is asked to", () => {
  const lookup = '<body><p id="a"></p>\n<script>\ndocument.getElementById("b").onclick = go;\n</script>';
  assert.deepEqual(firstScriptMistake(lookup), { at: lookup.indexOf('b")'), kind: "id", name: "b" });
  assert.deepEqual(firstScriptMistake(lookup, { ids: false }), { at: lookup.indexOf("go;"), kind: "name", name: "go" });
  assert.equal(firstScriptMistake(lookup, { ids: false, names: false }), null);
  assert.equal(firstScriptMistake("<script>\nfoo(a b);\n</script>", { ids: false, names: false })?.kind, "syntax");
  const pieces = ["<mask>", "<eot>", "<pad>", lookup];
  assert.equal(scriptCheck(pieces, { eot: 1, pad: 2 })(Int32Array.from([3]), 0, 1), 0);
  assert.equal(scriptCheck(pieces, { eot: 1, pad: 2 }, { ids: false, names: false })(Int32Array.from([3]), 0, 1), -1);
});

test("a function declared twice in one scope is found by name; one declared again in another scope is not", () => {
  const dice = "<script>\nfunction roll() { draw(); }\nfunction roll() {\n  setTimeout(function () { roll(); }, 300);\n}\n</script>";
  assert.equal(firstRedeclaredFunction(dice), "roll");
  assert.equal(firstScriptMistake(dice, { names: false }), null, "no error shows it: not the guard's");
  const nested = "<script>\nfunction draw() {}\nfunction show() {\n  function draw() {}\n  function tick() {}\n  function tick() {}\n}\n</script>";
  assert.equal(firstRedeclaredFunction(nested), "tick");
  const apart = "<script>\nfunction a() { function draw() {} }\nfunction b() { function draw() {} }\nvar c = 1;\nvar c = 2;\n</script>";
  assert.equal(firstRedeclaredFunction(apart), null);
  assert.equal(firstRedeclaredFunction("<script>\nfunction x() {}\nfunction x() {\n</script>"), null, "a script that does not parse is skipped");
  assert.equal(firstRedeclaredFunction('<script type="text/plain">\nfunction x() {}\nfunction x() {}\n</script>'), null);
});
