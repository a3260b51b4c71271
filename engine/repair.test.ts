// Repair by infilling: what each try edits and masks, when a refill counts as mended, and the default
// model mending an app whose script reads a constant it never declared.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { DEFAULT_MODEL_DIR, SHIPPED_DEFAULT_MODEL_DIR } from "./defaults.ts";
import { Engine } from "./engine.ts";
import { addFormFields, closeOpenAttributes, closeRawText, declareImplicitGlobals, fieldTextToValue, mended, newForClassCalls, repairEdit, type Refill } from "./repair.ts";
import { firstMissingEntry } from "./missing-entry.ts";
import { firstMissingMethod } from "./missing-method.ts";
import { firstScriptError, firstScriptMistake } from "./script-guard.ts";

const slip = "<body><p id=\"a\"></p>\n<script>\nconst a = 1;\nconst b = 2;\nfoo(a b);\nconst c = 3;\nconst d = 4;\n</script>";
const undeclared = "<body>\n<script>\nconst LIMIT = 3;\nfunction f() {\n  return Math.min(MAX, 2);\n}\n</script>";

const mistake = (html: string) => firstScriptMistake(html)!;
/** The `fix`th try at the app's first mistake, which must be an edit (not a choice). */
const edit = (html: string, fix: number, at = mistake(html)) => {
  const e = repairEdit(html, at, fix);
  assert.ok(e && "spans" in e, `try ${fix} is an edit`);
  return e as Refill;
};
const refilled = (html: string, fix: number) => {
  const span = edit(html, fix).spans[0];
  return html.slice(span.start, span.end);
};

/** A model's repair of `app` for `request`, run to its end (the shipped default model's unless told). */
async function repairToEnd(app: string, request: string, modelDir = SHIPPED_DEFAULT_MODEL_DIR) {
  const engine = await Engine.load(modelDir);
  try {
    const repair = engine.repair(app, request);
    let e = await repair.next();
    while (!e.done) e = await repair.next();
    return e.value;
  } finally {
    await engine.close();
  }
}

test("a slip's line is refilled, then the lines around it, one more each side a try, three at most", () => {
  assert.equal(refilled(slip, 0), "foo(a b);");
  assert.equal(refilled(slip, 1), "const b = 2;\nfoo(a b);\nconst c = 3;");
  assert.equal(refilled(slip, 2), "const a = 1;\nconst b = 2;\nfoo(a b);\nconst c = 3;\nconst d = 4;");
  assert.equal(edit(slip, 0).spans[0].length, undefined, "as many tokens as the line has");
  assert.ok(repairEdit(slip, mistake(slip), 3));
  assert.equal(repairEdit(slip, mistake(slip), 4), null);
});

test("a name nothing declares: its line, room for a declaration at the top of its script, wider lines, then a declaration by rule", () => {
  assert.equal(undeclared.slice(mistake(undeclared).at, mistake(undeclared).at + 3), "MAX");
  assert.equal(refilled(undeclared, 0), "  return Math.min(MAX, 2);");
  const room = edit(undeclared, 1);
  assert.equal(room.text, undeclared, "nothing else edited");
  assert.equal(room.spans[0].start, room.spans[0].end, "an insertion");
  assert.equal(undeclared.slice(room.spans[0].start, room.spans[0].start + 16), "const LIMIT = 3;", "at the top of the script");
  assert.ok(room.spans[0].length! >= 6, "room for `const MAX = 6;` and its line break");
  assert.equal(refilled(undeclared, 2), "function f() {\n  return Math.min(MAX, 2);\n}");
  assert.deepEqual(edit(undeclared, 3).spans, []);
  assert.match(edit(undeclared, 3).text, /<script>\nlet MAX = null;\nconst LIMIT = 3;/, "nothing in its use says what it holds");
  assert.equal(repairEdit(undeclared, mistake(undeclared), 4), null, "then nothing: it is given up");
});

test("by rule, a value is declared as its use reads it, and a function is a choice of the script's own", () => {
  const page = (script: string) => `<body>\n<button id="go">Go</button>\n<script>\n${script}\n</script>`;
  const declared = (script: string) => {
    const html = page(script);
    return edit(html, 3).text.split("\n")[3];
  };
  assert.equal(declared("document.onkeydown = (e) => { keys[e.key] = true; };"), "let keys = {};");
  assert.equal(declared("function f(i) { return grid[i].length; }"), "let grid = [];");
  assert.equal(declared("go.onclick = () => alert(flagMode ? 1 : 2);"), "let flagMode = false;");
  assert.equal(declared("go.onclick = () => { score += 1; };"), "let score = 0;");
  assert.equal(declared('go.onclick = () => alert(mode === "dark");'), 'let mode = "";');
  const html = page("function step() {}\nfunction draw(a, b) {}\nconst pause = () => {};\nsetInterval(evolve, 150);\ngo.addEventListener(\"click\", evolve);");
  const choice = repairEdit(html, mistake(html), 3);
  assert.ok(choice && "choices" in choice);
  const texts = choice.choices.map((c) => c.text);
  assert.deepEqual(texts.map((t) => t.match(/setInterval\((\w+)/)![1]), ["step", "pause"], "the functions that take no more arguments than it gets");
  assert.match(texts[0], /setInterval\(step, 150\);\ngo.addEventListener\("click", step\);/, "every use renamed");
  assert.deepEqual(choice.choices[0].spans.map(([a, b]) => texts[0].slice(a, b)), ["step", "step"]);
  assert.equal(firstScriptMistake(texts[1]), null);
  assert.equal(repairEdit(page("function draw(a, b) {}\nsetInterval(evolve, 150);"), mistake(page("function draw(a, b) {}\nsetInterval(evolve, 150);")), 3), null, "no function fits");
});

test("a name a script assigns without declaring it and reads is declared at the top of that script", () => {
  const html = '<body>\n<script>\nconst a = 1;\nfunction lap(t) { show(t - lastLap); lastLap = t; }\nfunction reset() { lastLap = 0; seen = 1; }\n</script>\n<script>let other = 2;</script>';
  assert.equal(firstScriptMistake(html, { given: ["show"] }), null, "a sloppy script's implicit global is no mistake");
  assert.equal(declareImplicitGlobals(html), html.replace("<script>\n", "<script>\nlet lastLap = 0;\n"), "read: declared; `seen` is only written");
  const elsewhere = html.replace("let other = 2;", "var lastLap;");
  assert.equal(declareImplicitGlobals(elsewhere), elsewhere, "another script declares it");
});

test("a title or textarea left open is closed where its first line ends, before it swallows the page", () => {
  assert.equal(closeRawText("<head>\n<title>Memory Game\n\n<style>a{}</style>\n</head>"), "<head>\n<title>Memory Game</title>\n\n<style>a{}</style>\n</head>");
  assert.equal(closeRawText('<textarea id="n">\n</div>\n<script>'), '<textarea id="n"></textarea>\n</div>\n<script>');
  const fine = "<title>Notes</title>\n<textarea>**bold** and <b>html</b>\n</textarea>\n<p>x</p>";
  assert.equal(closeRawText(fine), fine, "closed ones, and markup a textarea may hold, are left alone");
});

test("an attribute whose quote is left open at the end of its line is closed there, with its tag", () => {
  // The dev quote app: the script after it was read as the attribute's value, and never ran.
  assert.equal(closeOpenAttributes('<div id="counter\n\n</div>\n<script>\nnext();\n</script>'), '<div id="counter">\n\n</div>\n<script>\nnext();\n</script>');
  assert.equal(closeOpenAttributes('<main>\n<button id="\n<div id="list"></div>'), '<main>\n\n<div id="list"></div>', "a tag with nothing in its open quote is dropped");
  assert.equal(closeOpenAttributes("<input type='text' placeholder='Name\n<p>"), "<input type='text' placeholder='Name'>\n<p>");
  const fine = '<div class="a"\n  id="b">x</div>\n<a href="#" title="c">d</a>\n<script>\nel.innerHTML = `<p class="${cls}\n">`;\nconst s = \'<a href="\' + url + \'">\';\n</script>';
  assert.equal(closeOpenAttributes(fine), fine, "closed quotes across lines, and scripts, are left alone");
});

test("text a script writes into a text field or text area is written to its value", () => {
  // A fresh held-out calculator: its display is an input, and its text is never shown.
  const calc = '<input id="display" value="0" readonly>\n<p id="out"></p>\n<script>\nconst display = document.getElementById("display");\nfunction show(x) {\n  display.textContent = x;\n  document.getElementById("out").textContent = x;\n}\n</script>';
  assert.equal(fieldTextToValue(calc), calc.replace("display.textContent", "display.value"));
  const tip = '<input type="number" id="people" value="1">\n<script>\ndocument.getElementById("people").innerText = "1";\n</script>';
  assert.equal(fieldTextToValue(tip), tip.replace(".innerText", ".value"));
  const fine = '<input id="name">\n<span id="label"></span>\n<p>name.textContent = "x"</p>\n<script>\nconst name = document.getElementById("name");\nif (name.textContent === "") label.textContent = "?";\n</script>';
  assert.equal(fieldTextToValue(fine), fine, "comparisons, other elements and text outside scripts are left alone");
});

test("a class called like a function is called with new", () => {
  // A fresh recipe scaler ended its script with `Scaler();`, which throws at once.
  const scaler = "<script>\nclass Scaler {\n  constructor() { this.n = 2; }\n}\nconst s = Scaler();\n</script><script>\nScaler();\n</script>";
  assert.equal(newForClassCalls(scaler), scaler.replace("= Scaler()", "= new Scaler()").replace("\nScaler();", "\nnew Scaler();"));
  const fine = "<script>\nclass Board {}\nconst b = new Board();\nfunction Board2() {}\nBoard2();\nb.Board();\n</script>";
  assert.equal(newForClassCalls(fine), fine, "new calls, functions and methods are left alone");
});

test("the fields a script reads from its form and the form lacks are added, before its submit button", () => {
  const page = (form: string, script: string) => `<body>\n${form}\n<script>\n${script}\n</script>`;
  const form = '<form id="book">\n<input name="name">\n<button type="button">Menu</button>\n<button>Book</button>\n</form>';
  const script = 'book.onsubmit = function (e) { out.textContent = this.elements.name.value + this.elements.date.value + this.elements["people"].value + this.elements.length; };';
  assert.equal(
    addFormFields(page(form, script)),
    page(form.replace("<button>Book", '<input name="date" type="date" placeholder="Date" aria-label="Date">\n<input name="people" type="number" min="1" placeholder="People" aria-label="People">\n<button>Book'), script),
  );
  const whole = page(form.replace('<input name="name">', '<input name="name"><input id="date"><select name="people"></select>'), script);
  assert.equal(addFormFields(whole), whole, "every field there, by name or id");
  const two = page(form + "\n<form></form>", script);
  assert.equal(addFormFields(two), two, "two forms: which one is meant is not known");
});

test("an id no element has: the element its script's use asks for is added, then its line is refilled", () => {
  const page = (markup: string, script: string) => `<body>\n<main>\n${markup}\n</main>\n<script>\n${script}\n</script>`;
  const added = (markup: string, script: string) => {
    const html = page(markup, script);
    const added = edit(html, 0);
    assert.deepEqual(added.spans, [], "nothing for the model to write");
    assert.equal(firstScriptMistake(added.text), null, "the script finds it");
    return added.text.slice(0, added.text.indexOf("<script"));
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

test("an id no element has goes to an unused control of the kind asked for that names the same action", () => {
  const page = (markup: string) => `<body>\n${markup}\n<script>\nconst runBtn = document.getElementById("run");\nrunBtn.addEventListener("click", go);\ndocument.getElementById("step").onclick = go;\nfunction go() {}\n</script>`;
  const reused = (markup: string) => {
    const e = repairEdit(page(markup), mistake(page(markup)), 0);
    return e && "choices" in e ? e.choices.map((c) => c.text.match(/getElementById\("(\w+)"\)/)![1]) : null;
  };
  assert.deepEqual(reused('<button id="start">Start</button><button id="begin">Go</button><button id="step">Step</button><button id="pause">Pause</button>'), ["start", "begin"]);
  assert.equal(reused('<button id="clear">Clear</button><button id="step">Step</button>'), null, "no unused button starts anything: one is added");
  assert.equal(reused('<button id="start" onclick="go()">Start</button>'), null, "one with a handler is in use");
  assert.equal(reused('<input id="start">'), null, "not a button");
  const html = page('<button id="start">Start</button><button id="step">Step</button>');
  const e = repairEdit(html, mistake(html), 0);
  assert.ok(e && "choices" in e);
  const [{ text, spans }] = e.choices;
  assert.deepEqual(spans.map(([a, b]) => text.slice(a, b)), ["start"]);
  assert.equal(firstScriptMistake(text), null);
});

test("a name that holds an element by its look: its lookup is declared, of the id that reads like it", () => {
  const page = (markup: string) => `<body>\n${markup}\n<script>\nconst a = 1;\nresetBtn.onclick = () => a;\n</script>`;
  const declared = (markup: string) => {
    const declaration = edit(page(markup), 0);
    assert.deepEqual(declaration.spans, []);
    return declaration.text.split("\n")[3];
  };
  assert.equal(declared('<button id="reset">Reset</button>'), 'const resetBtn = document.getElementById("reset");');
  assert.equal(declared('<button id="reset-btn">Reset</button>'), 'const resetBtn = document.getElementById("reset-btn");');
  const html = page("<p>no such button</p>");
  const both = edit(html, 0);
  assert.match(both.text, /<button id="reset" type="button">Reset<\/button>\n<script>\nconst resetBtn = document.getElementById\("reset"\);\n/, "the id its name says, and the element");
  assert.ok(mended(html, mistake(html), both.end, both.text));
  const added = edit(page("<p>x</p>").replace("const a = 1;", 'const resetBtn = document.getElementById("reset");\nconst a = 1;'), 0, { at: 0, kind: "syntax" });
  assert.equal(added.spans[0].start, 0, "a syntax mistake gets no quick fix");
  assert.equal(refilled(undeclared, 0), "  return Math.min(MAX, 2);", "other names get none");
});

test("a refill counts as mended only where the first mistake is gone or past it", () => {
  const room = edit(undeclared, 1);
  const top = room.spans[0].start;
  const insert = (line: string) => undeclared.slice(0, top) + line + undeclared.slice(top);
  assert.ok(mended(undeclared, mistake(undeclared), room.end, insert("const MAX = 6;\n")));
  assert.ok(!mended(undeclared, mistake(undeclared), room.end, insert("const MIN = 6;\n")), "the same mistake, moved down by the insertion");
  assert.ok(!mended(undeclared, mistake(undeclared), room.end, insert("const MAX = ;\n")), "a new mistake in the refill");
  const line = edit(slip, 0).spans[0];
  assert.ok(!mended(slip, mistake(slip), line.end, slip.slice(0, line.start) + "foo(a, b));" + slip.slice(line.end)), "another slip in the refill");
  assert.ok(mended(slip, mistake(slip), line.end, slip.slice(0, line.start) + "alert(a, b);" + slip.slice(line.end)));
  const lookup = '<body>\n<script>\nfoo();\ndocument.getElementById("go").onclick = foo;\n</script>';
  const added = edit(lookup, 0);
  assert.ok(mended(lookup, mistake(lookup), added.end, added.text), "the element added; the name read before it is another mistake, hidden until now");
  const two = "<body>\n<script>\nfunction next() {}\nsetInterval(step, 530 - speedEl.value);\nonclick = step;\n</script>";
  const renamed = two.replaceAll("step", "next");
  assert.ok(mended(two, mistake(two), two.lastIndexOf("step") + 4, renamed), "every use renamed; speedEl, inside the edit, was a mistake before it");
  assert.ok(!mended(two, mistake(two), two.lastIndexOf("step") + 4, two.replaceAll("step", "stepp")), "the name renamed to another undeclared one");
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

test("a value the model cannot declare is declared by its use, and the repair goes on to the next mistake", { timeout: 120_000 }, async () => {
  // A held-out minesweeper as the default model wrote it: `flagMode` read in a click handler and
  // declared nowhere, then `resetBtn` (the New game button, id "reset") never looked up.
  const app = readFileSync("engine/testdata/minesweeper-undeclared.html", "utf8");
  assert.deepEqual([firstScriptMistake(app)?.name, firstScriptMistake(app, { given: ["flagMode"] })?.name], ["flagMode", "resetBtn"]);
  const repaired = await repairToEnd(app, "minesweeper game");
  assert.match(repaired.artifact, /\nlet flagMode = false;\n/);
  assert.match(repaired.artifact, /\nconst resetBtn = document\.getElementById\("reset"\);\n/);
  assert.equal(firstScriptMistake(repaired.artifact), null);
});

test("a function the app names and never wrote becomes the one of its own the model finds likeliest there", { timeout: 120_000 }, async () => {
  // A dev game of life as the default model wrote it: Start and Pause buttons, and a script that
  // toggles a `run` button; `function step()` generates, and the timer calls `evolve`, the Step
  // button `nextGeneration`, neither of them written.
  const app = readFileSync("engine/testdata/life-misnamed.html", "utf8");
  const mistakes = [firstScriptMistake(app), firstScriptMistake(app, { given: ["run"] }), firstScriptMistake(app, { given: ["run", "evolve"] })];
  assert.deepEqual(mistakes.map((m) => m?.name), ["run", "evolve", "nextGeneration"]);
  const repaired = await repairToEnd(app, "Conway's game of life with start and pause");
  assert.match(repaired.artifact, /const runBtn = document\.getElementById\("start"\);/, "the unused Start button, not a new one");
  assert.equal(repaired.artifact.match(/<button/g)!.length, app.match(/<button/g)!.length);
  assert.match(repaired.artifact, /setInterval\(step, 150\)/);
  assert.match(repaired.artifact, /getElementById\("step"\)\.addEventListener\("click", step\)/);
  assert.equal(firstScriptMistake(repaired.artifact), null);
});

test("an app too long for the model to read whole is left as it is, not failed", { timeout: 60_000 }, async () => {
  const filler = Array.from({ length: 900 }, (_, i) => `w${i}`).join(" ");
  const app = `<body>\n<p>${filler}</p>\n<script>\nfoo(a b);\n</script>`;
  const repaired = await repairToEnd(app, "an app", DEFAULT_MODEL_DIR);
  assert.equal(repaired.artifact, app);
  assert.equal(repaired.repairs, 0);
});

test("the default model writes the line that fills a slot its todo app's markup made and its script never filled", { timeout: 120_000 }, async () => {
  // A fresh held-out todo as the default model wrote it: a `<span id="count">` under the list, never written.
  const app = readFileSync("engine/testdata/todo-uncounted.html", "utf8");
  assert.equal(firstScriptMistake(app), null);
  const repaired = await repairToEnd(app, "simple task manager, a counter of tasks");
  const line = /\n {2}document\.getElementById\("count"\)\.textContent = (.+);\n/.exec(repaired.artifact);
  assert.ok(line, "the count is written");
  assert.match(line[1], /\btasks\b/, "from the tasks");
  assert.equal(repaired.artifact.replace(line[0], "\n"), app, "nothing else changed");
  assert.ok(repaired.artifact.indexOf(line[0]) < repaired.artifact.indexOf("function add("), "inside render");
  assert.equal(repaired.repairs, 1);
  assert.ok(repaired.forwardPasses > 0);
  assert.equal(firstScriptMistake(repaired.artifact), null);
});

test("the default model writes the method its drawing app's class calls and never wrote", { timeout: 120_000 }, async () => {
  // A fresh held-out drawing board as the default model wrote it: `this.fit()` on every resize, and no fit.
  const app = readFileSync("engine/testdata/drawing-unfitted.html", "utf8");
  const repaired = await repairToEnd(app, "Let's make a drawing board with a color picker and adjustable brush with a small color palette and a label showing the current size");
  const fit = /\n {2}fit\(\) \{\n[\s\S]*?\n {2}\}/.exec(repaired.artifact);
  assert.ok(fit, "fit is written");
  assert.match(fit[0], /this\.canvas\.width = /);
  assert.equal(repaired.artifact.replace(fit[0], ""), app, "nothing else changed");
  assert.equal(firstMissingMethod(repaired.artifact), null);
  assert.equal(firstScriptMistake(repaired.artifact), null);
});

test("the default model wires the buttons its drawing app made and never wired", { timeout: 120_000 }, async () => {
  // A fresh held-out sketch pad as the default model wrote it: it keeps a history of strokes, and its Undo and Clear buttons do nothing.
  const app = readFileSync("engine/testdata/drawing-unwired.html", "utf8");
  const repaired = await repairToEnd(app, "Let's make a sketch pad where I can draw with the mouse, pick a color and change the brush size with an undo button, a button to clear the canvas");
  const undo = /\ndocument\.getElementById\("undo"\)\.addEventListener\("click", [\s\S]*?\n\}\);/.exec(repaired.artifact);
  assert.ok(undo, "Undo is wired");
  assert.match(undo[0], /history\.pop\(\)/, "from the history the app keeps");
  assert.match(repaired.artifact, /\ndocument\.getElementById\("clear"\)\.addEventListener\("click", [\s\S]*?(clearRect|fillRect)/);
  assert.equal(repaired.repairs, 2);
  assert.equal(firstScriptMistake(repaired.artifact), null);
});

test("a button's handler that calls a method its class never wrote is not kept", { timeout: 120_000 }, async () => {
  // A fresh held-out chat as the default model wrote it: its Clear button does nothing; asked, the model wires it to a `this.clear()` the class lacks.
  const app = readFileSync("engine/testdata/chat-unwired.html", "utf8");
  const repaired = await repairToEnd(app, "Could you code a chatbot page including a bot that answers hello and help, the time on each message and a button to clear the chat?");
  assert.equal(repaired.artifact, app);
  assert.equal(repaired.repairs, 0);
  assert.ok(repaired.forwardPasses > 0, "it was asked");
});

test("the default model writes the entries its converter's table lacks for the tabs it offers", { timeout: 120_000 }, async () => {
  // A fresh held-out converter as the default model wrote it: tabs for length, weight and
  // temperature, a table of temperature, speed and volume; Length threw at once.
  const app = readFileSync("engine/testdata/converter-missing.html", "utf8");
  const repaired = await repairToEnd(app, "converter for speed, temperature, length and weight, a category select, a list of all conversions");
  assert.match(repaired.artifact, /\n {2}length: \[\["m", "Meters", 1\], .*\],\n/);
  assert.match(repaired.artifact, /\n {2}weight: \[\["kg", "Kilograms", 1\], .*\],\n/);
  assert.equal(repaired.repairs, 2);
  assert.equal(firstMissingEntry(repaired.artifact), null);
  assert.equal(firstScriptMistake(repaired.artifact), null);
});

test("the default model writes the key handler its stopwatch's request asked for and its script never had", { timeout: 120_000 }, async () => {
  // A fresh held-out stopwatch as the default model wrote it: buttons for everything, no key handler.
  const app = readFileSync("engine/testdata/stopwatch-unheard.html", "utf8");
  const repaired = await repairToEnd(app, "I need a simple stopwatch. It should have a lap button, keyboard controls (space, R to reset) and start/stop and reset.");
  const handler = /\ndocument\.addEventListener\("keydown", [\s\S]*?\n\}\);/.exec(repaired.artifact);
  assert.ok(handler, "a key handler");
  assert.match(handler[0], /Space|" "/, "for Space");
  assert.match(handler[0], /"r"|"R"|KeyR/, "and R");
  assert.equal(repaired.repairs, 1);
  assert.equal(firstScriptMistake(repaired.artifact), null);
});
