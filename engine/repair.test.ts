// Repair by infilling: what each try edits and masks, when a refill counts as mended, and the default
// model mending an app whose script reads a constant it never declared.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { SHIPPED_DEFAULT_MODEL_DIR } from "./defaults.ts";
import { Engine } from "./engine.ts";
import { mended, repairEdit } from "./repair.ts";
import { firstScriptError, firstScriptMistake } from "./script-guard.ts";

const slip = "<body><p id=\"a\"></p>\n<script>\nconst a = 1;\nconst b = 2;\nfoo(a b);\nconst c = 3;\nconst d = 4;\n</script>";
const undeclared = "<body>\n<script>\nconst LIMIT = 3;\nfunction f() {\n  return Math.min(MAX, 2);\n}\n</script>";

const mistake = (html: string) => firstScriptMistake(html)!;
const refilled = (html: string, fix: number) => {
  const span = repairEdit(html, mistake(html), fix).spans[0];
  return html.slice(span.start, span.end);
};

test("a slip's line is refilled, then the lines around it, one more each side a try", () => {
  assert.equal(refilled(slip, 0), "foo(a b);");
  assert.equal(refilled(slip, 1), "const b = 2;\nfoo(a b);\nconst c = 3;");
  assert.equal(refilled(slip, 2), "const a = 1;\nconst b = 2;\nfoo(a b);\nconst c = 3;\nconst d = 4;");
  assert.equal(repairEdit(slip, mistake(slip), 0).spans[0].length, undefined, "as many tokens as the line has");
});

test("a name nothing declares: its line, then room for a declaration at the top of its script, then wider lines", () => {
  assert.equal(undeclared.slice(mistake(undeclared).at, mistake(undeclared).at + 3), "MAX");
  assert.equal(refilled(undeclared, 0), "  return Math.min(MAX, 2);");
  const room = repairEdit(undeclared, mistake(undeclared), 1);
  assert.equal(room.text, undeclared, "nothing else edited");
  assert.equal(room.spans[0].start, room.spans[0].end, "an insertion");
  assert.equal(undeclared.slice(room.spans[0].start, room.spans[0].start + 16), "const LIMIT = 3;", "at the top of the script");
  assert.ok(room.spans[0].length! >= 6, "room for `const MAX = 6;` and its line break");
  assert.equal(refilled(undeclared, 2), "function f() {\n  return Math.min(MAX, 2);\n}");
});

test("an id no element has: the element its script's use asks for is added, then its line is refilled", () => {
  const page = (markup: string, script: string) => `<body>\n<main>\n${markup}\n</main>\n<script>\n${script}\n</script>`;
  const added = (markup: string, script: string) => {
    const html = page(markup, script);
    const edit = repairEdit(html, mistake(html), 0);
    assert.deepEqual(edit.spans, [], "nothing for the model to write");
    assert.equal(firstScriptMistake(edit.text), null, "the script finds it");
    return edit.text.slice(0, edit.text.indexOf("<script"));
  };
  const clicked = `const runBtn = document.getElementById("runBtn");\nrunBtn.addEventListener("click", () => {});`;
  assert.equal(added('<button id="step">Step</button> <span>x</span>', clicked), page('<button id="step">Step</button>\n<button id="runBtn" type="button">Run</button> <span>x</span>', "").split("<script")[0], "after the last control, labelled from its id");
  assert.equal(added("<p>hi</p>", `document.getElementById("new-game").onclick = () => {};`), page("<p>hi</p>", "").split("<script")[0].replace("</main>\n", '</main>\n<button id="new-game" type="button">New game</button>\n'));
  assert.match(added("<p>hi</p>", `this.q = document.getElementById("search");\nconst q = this.q.value.trim();`), /<input id="search">\n$/);
  assert.match(added("<p>hi</p>", `const on = document.getElementById("dark").checked;`), /<input type="checkbox" id="dark">/);
  assert.match(added("<p>hi</p>", `const ctx = document.getElementById("board").getContext("2d");`), /<canvas id="board"/);
  assert.match(added('<input id="a">', `document.getElementById("count").textContent = "3";`), /<\/main>\n<div id="count"><\/div>\n$/, "a box, just before the script");
  const html = page("<p>hi</p>", `document.getElementById("count").textContent = 3;`);
  assert.equal(refilled(html, 1), `document.getElementById("count").textContent = 3;`);
});

test("a name that holds an element by its look: its lookup is declared, of the id that reads like it", () => {
  const page = (markup: string) => `<body>\n${markup}\n<script>\nconst a = 1;\nresetBtn.onclick = () => a;\n</script>`;
  const declared = (markup: string) => {
    const html = page(markup);
    const edit = repairEdit(html, mistake(html), 0);
    assert.deepEqual(edit.spans, []);
    return edit.text.split("\n")[3];
  };
  assert.equal(declared('<button id="reset">Reset</button>'), 'const resetBtn = document.getElementById("reset");');
  assert.equal(declared('<button id="reset-btn">Reset</button>'), 'const resetBtn = document.getElementById("reset-btn");');
  const html = page("<p>no such button</p>");
  const edit = repairEdit(html, mistake(html), 0);
  assert.match(edit.text, /<button id="reset" type="button">Reset<\/button>\n<script>\nconst resetBtn = document.getElementById\("reset"\);\n/, "the id its name says, and the element");
  assert.ok(mended(html, mistake(html), edit.end, edit.text));
  const added = repairEdit(page("<p>x</p>").replace("const a = 1;", 'const resetBtn = document.getElementById("reset");\nconst a = 1;'), { at: 0, kind: "syntax" }, 0);
  assert.equal(added.spans[0].start, 0, "a syntax mistake gets no quick fix");
  assert.equal(refilled(undeclared, 0), "  return Math.min(MAX, 2);", "other names get none");
});

test("a refill counts as mended only where the first mistake is gone or past it", () => {
  const room = repairEdit(undeclared, mistake(undeclared), 1);
  const top = room.spans[0].start;
  const insert = (line: string) => undeclared.slice(0, top) + line + undeclared.slice(top);
  assert.ok(mended(undeclared, mistake(undeclared), room.end, insert("const MAX = 6;\n")));
  assert.ok(!mended(undeclared, mistake(undeclared), room.end, insert("const MIN = 6;\n")), "the same mistake, moved down by the insertion");
  assert.ok(!mended(undeclared, mistake(undeclared), room.end, insert("const MAX = ;\n")), "a new mistake in the refill");
  const line = repairEdit(slip, mistake(slip), 0).spans[0];
  assert.ok(!mended(slip, mistake(slip), line.end, slip.slice(0, line.start) + "foo(a, b));" + slip.slice(line.end)), "another slip in the refill");
  assert.ok(mended(slip, mistake(slip), line.end, slip.slice(0, line.start) + "alert(a, b);" + slip.slice(line.end)));
  const lookup = '<body>\n<script>\nfoo();\ndocument.getElementById("go").onclick = foo;\n</script>';
  const edit = repairEdit(lookup, mistake(lookup), 0);
  assert.ok(mended(lookup, mistake(lookup), edit.end, edit.text), "the element added; the name read before it is another mistake, hidden until now");
});

test("the default model declares a constant its app reads and never declared", { timeout: 120_000 }, async () => {
  // A held-out dice app of the corpus with its `const MAX = 6;` line taken out.
  const app = readFileSync("engine/testdata/dice-undeclared.html", "utf8");
  assert.ok(firstScriptError(app) > 0);
  const engine = await Engine.load(SHIPPED_DEFAULT_MODEL_DIR);
  try {
    const repair = engine.repair(app, "virtual dice app, the total of the roll, a keyboard shortcut to roll, a shake animation");
    let frames = 0;
    for (let e = await repair.next(); ; e = await repair.next()) {
      if (!e.done) {
        frames++;
        continue;
      }
      assert.equal(firstScriptError(e.value.artifact), -1, "its scripts parse and every name they read is declared");
      assert.match(e.value.artifact, /\nconst MAX = \d+;\n/);
      assert.equal(e.value.repairs, 1);
      assert.ok(frames > 0 && e.value.forwardPasses >= frames);
      break;
    }
  } finally {
    await engine.close();
  }
});

test("a name the model cannot mend is given up after two tries, and the repair goes on to the next mistake", { timeout: 120_000 }, async () => {
  // A held-out minesweeper as the default model wrote it: `flagMode` read in a click handler and
  // declared nowhere, then `resetBtn` (the New game button, id "reset") never looked up.
  const app = readFileSync("engine/testdata/minesweeper-undeclared.html", "utf8");
  assert.deepEqual([firstScriptMistake(app)?.name, firstScriptMistake(app, { given: ["flagMode"] })?.name], ["flagMode", "resetBtn"]);
  const engine = await Engine.load(SHIPPED_DEFAULT_MODEL_DIR);
  try {
    const repair = engine.repair(app, "minesweeper game");
    let e = await repair.next();
    while (!e.done) e = await repair.next();
    assert.match(e.value.artifact, /\nconst resetBtn = document\.getElementById\("reset"\);\n/);
    assert.equal(firstScriptMistake(e.value.artifact, { given: ["flagMode"] }), null);
  } finally {
    await engine.close();
  }
});
