// A counter: a number with plus (and usually minus) buttons, optionally a reset,
// a step size, keyboard keys, a floor at zero, colours by sign, saving, or several
// named counters side by side.
import { esc, jsStr, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import type { Rng } from "../rng.ts";
import { randomTheme, type Theme } from "../theme.ts";
import { button, numbers, storageHolds, visibleText } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

interface CounterOptions {
  theme: Theme;
  title: string;
  start: number;
  minus: boolean;
  reset: boolean;
  step: boolean;
  keyboard: boolean;
  floor: boolean;
  colors: boolean;
  animate: boolean;
  persist: boolean;
  storageKey: string;
  names: string[];
  labels: "symbols" | "ones" | "words" | "entities";
  layout: "row" | "stack" | "card";
  style: "functions" | "delegation" | "class" | "inline";
}

const NAME_SETS = [
  ["Coffee", "Water", "Tea"],
  ["Push-ups", "Squats", "Sit-ups"],
  ["Home", "Away"],
  ["Apples", "Pears", "Plums"],
  ["Red team", "Blue team"],
  ["Cars", "Bikes", "Buses"],
];

function labels(o: CounterOptions): [inc: string, dec: string] {
  if (o.labels === "ones" && !o.step) return ["+1", "-1"];
  if (o.labels === "words") return ["Increase", "Decrease"];
  if (o.labels === "entities") return ["&plus;", "&minus;"];
  return ["+", "-"];
}

function css(o: CounterOptions): string {
  const shell =
    o.layout === "card"
      ? `.app{max-width:360px;margin:60px auto;padding:28px;text-align:center;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius)}`
      : `.app{min-height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:16px}`;
  const single = o.names.length === 0;
  return `${shell}
h1{margin:0 0 12px;font-size:22px}
button{padding:10px 18px;border:0;border-radius:var(--radius);background:var(--accent);color:var(--accent-text);font-size:18px}
button:hover{filter:brightness(1.1)}
button:active{transform:scale(.95)}
${single ? `#count{font-size:64px;font-weight:bold;margin:8px 20px;font-variant-numeric:tabular-nums}` : `.counter{display:flex;align-items:center;gap:12px;padding:10px 0;border-bottom:1px solid var(--border)}\n.counter .name{flex:1;text-align:left;min-width:120px}\n.value{min-width:40px;text-align:center;font-size:24px;font-weight:bold}`}
.controls{display:flex;gap:10px;justify-content:center;align-items:center}${o.reset ? `\n#reset{background:none;color:var(--muted);border:1px solid var(--border);margin-top:12px}` : ""}${o.step ? `\n.step{display:block;margin-top:12px;color:var(--muted)}\n.step input{width:64px;padding:6px;margin-left:6px;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text)}` : ""}${o.colors ? `\n.pos{color:#16a34a}\n.neg{color:#dc2626}` : ""}${o.animate ? `\n.pop{animation:pop .2s ease-out}\n@keyframes pop{50%{transform:scale(1.2)}}` : ""}${o.keyboard ? `\n.hint{color:var(--muted);font-size:13px;margin-top:12px}` : ""}`;
}

function btn(o: CounterOptions, which: "inc" | "dec"): string {
  const [inc, dec] = labels(o);
  const d = which === "inc" ? 1 : -1;
  const attr =
    o.style === "delegation" ? ` data-d="${d}"` : o.style === "inline" ? ` onclick="change(${d})"` : "";
  const aria = o.labels === "words" ? "" : ` aria-label="${which === "inc" ? "Increase" : "Decrease"}"`;
  return `<button id="${which}"${attr}${aria}>${which === "inc" ? inc : dec}</button>`;
}

function body(o: CounterOptions): string {
  // Several named counters are wired in script (and define no reset()), whatever the style.
  const extras = `${o.step ? `\n<label class="step">Step<input id="step" type="number" value="1" min="1"></label>` : ""}${o.reset ? `\n<button id="reset"${o.style === "inline" && !o.names.length ? ` onclick="reset()"` : ""}>Reset</button>` : ""}${o.keyboard ? `\n<p class="hint">Use the arrow keys${o.reset ? " or R to reset" : ""}</p>` : ""}`;
  if (o.names.length) {
    return `<div class="app">
<h1>${esc(o.title)}</h1>
<div id="list"></div>${extras}
</div>`;
  }
  const count = `<div id="count">${o.start}</div>`;
  const controls =
    o.layout === "row"
      ? `<div class="controls">\n${o.minus ? btn(o, "dec") + "\n" : ""}${count}\n${btn(o, "inc")}\n</div>`
      : `${count}\n<div class="controls">\n${o.minus ? btn(o, "dec") + "\n" : ""}${btn(o, "inc")}\n</div>`;
  return `<div class="app">
<h1>${esc(o.title)}</h1>
${o.layout === "row" ? `<div>\n${controls}\n</div>` : controls}${extras}
</div>`;
}

function loadExpr(o: CounterOptions): string {
  return o.persist ? `Number(localStorage.getItem(${jsStr(o.storageKey)}) || ${o.start})` : `${o.start}`;
}

function delta(o: CounterOptions, sign: string): string {
  return o.step ? `${sign}(Number(document.getElementById("step").value) || 1)` : sign === "-" ? "-1" : "1";
}

function showBody(o: CounterOptions, v: string, el: string, pad: string): string {
  const pop = o.animate ? `\n${pad}${el}.classList.remove("pop");\n${pad}void ${el}.offsetWidth;\n${pad}${el}.classList.add("pop");` : "";
  return `${pad}${el}.textContent = ${v};${o.colors ? `\n${pad}${el}.className = ${v} > 0 ? "pos" : ${v} < 0 ? "neg" : "";` : ""}${pop}${o.persist ? `\n${pad}localStorage.setItem(${jsStr(o.storageKey)}, ${v});` : ""}`;
}

function keyCode(o: CounterOptions, inc: string, dec: string, reset: string, pad: string): string {
  if (!o.keyboard) return "";
  return `\n${pad}document.addEventListener("keydown", (e) => {
${pad}  if (e.key === "ArrowUp" || e.key === "ArrowRight") ${inc};${o.minus ? `\n${pad}  if (e.key === "ArrowDown" || e.key === "ArrowLeft") ${dec};` : ""}${o.reset ? `\n${pad}  if (e.key === "r" || e.key === "R") ${reset};` : ""}
${pad}});`;
}

const floorExpr = (o: CounterOptions, v: string) => (o.floor ? `Math.max(0, ${v})` : v);

function scriptSingle(o: CounterOptions): string {
  if (o.style === "class") {
    return `class Counter {
  constructor(el) {
    this.el = el;
    this.value = ${loadExpr(o)};
    document.getElementById("inc").addEventListener("click", () => this.add(${delta(o, "")}));${o.minus ? `\n    document.getElementById("dec").addEventListener("click", () => this.add(${delta(o, "-")}));` : ""}${o.reset ? `\n    document.getElementById("reset").addEventListener("click", () => this.reset());` : ""}${keyCode(o, `this.add(${delta(o, "")})`, `this.add(${delta(o, "-")})`, "this.reset()", "    ")}
    this.show();
  }
  add(n) {
    this.value = ${floorExpr(o, "this.value + n")};
    this.show();
  }${o.reset ? `\n  reset() {\n    this.value = ${o.start};\n    this.show();\n  }` : ""}
  show() {
${showBody(o, "this.value", "this.el", "    ")}
  }
}
new Counter(document.getElementById("count"));`;
  }
  const head = `const countEl = document.getElementById("count");
let count = ${loadExpr(o)};
function show() {
${showBody(o, "count", "countEl", "  ")}
}
function change(n) {
  count = ${floorExpr(o, o.step ? `count + n * (Number(document.getElementById("step").value) || 1)` : "count + n")};
  show();
}${o.reset ? `\nfunction reset() {\n  count = ${o.start};\n  show();\n}` : ""}`;
  let wiring = "";
  if (o.style === "functions") {
    wiring = `\ndocument.getElementById("inc").addEventListener("click", function () {\n  change(1);\n});${o.minus ? `\ndocument.getElementById("dec").addEventListener("click", function () {\n  change(-1);\n});` : ""}${o.reset ? `\ndocument.getElementById("reset").addEventListener("click", reset);` : ""}`;
  } else if (o.style === "delegation") {
    wiring = `\ndocument.querySelector(".app").addEventListener("click", function (e) {\n  if (e.target.dataset.d) change(Number(e.target.dataset.d));${o.reset ? `\n  if (e.target.id === "reset") reset();` : ""}\n});`;
  }
  return `${head}${wiring}${keyCode(o, "change(1)", "change(-1)", "reset()", "")}
show();`;
}

function scriptMulti(o: CounterOptions): string {
  const [inc, dec] = labels(o);
  const init = `[${o.names.map((name) => `{ name: ${jsStr(name)}, value: ${o.start} }`).join(", ")}]`;
  const load = o.persist ? `JSON.parse(localStorage.getItem(${jsStr(o.storageKey)}) || "null") || ${init}` : init;
  const save = o.persist ? `\n  localStorage.setItem(${jsStr(o.storageKey)}, JSON.stringify(counters));` : "";
  const cls = (v: string) => (o.colors ? ` class="value' + (${v} > 0 ? " pos" : ${v} < 0 ? " neg" : "") + '"` : ` class="value"`);
  const stepMul = o.step ? ` * (Number(document.getElementById("step").value) || 1)` : "";
  return `const list = document.getElementById("list");
let counters = ${load};
function render() {
  list.innerHTML = counters.map((c, i) =>
    '<div class="counter" data-i="' + i + '"><span class="name">' + c.name + '</span>${o.minus ? `<button class="dec" data-d="-1" aria-label="Decrease">${dec}</button>` : ""}<span${cls("c.value")}>' + c.value + '</span><button class="inc" data-d="1" aria-label="Increase">${inc}</button></div>'
  ).join("");${save}
}
list.addEventListener("click", (e) => {
  const d = e.target.dataset.d;
  if (!d) return;
  const c = counters[e.target.closest(".counter").dataset.i];
  c.value = ${floorExpr(o, `c.value + Number(d)${stepMul}`)};
  render();
});${o.reset ? `\ndocument.getElementById("reset").addEventListener("click", () => {\n  counters.forEach((c) => (c.value = ${o.start}));\n  render();\n});` : ""}
render();`;
}

function render(o: CounterOptions): string {
  return page({ title: o.title, theme: o.theme, css: css(o), body: body(o), script: o.names.length ? scriptMulti(o) : scriptSingle(o) });
}

function draw(rng: Rng): CounterOptions {
  const multi = rng.chance(0.2);
  const minus = multi || rng.chance(0.85);
  const floor = minus && rng.chance(0.3);
  return {
    theme: randomTheme(rng),
    title: multi ? rng.pick(["Counters", "Tally", "Multi Counter", "Score Board"]) : rng.pick(["Counter", "Click Counter", "Tally Counter", "Simple Counter", "Count", "My Counter"]),
    start: floor || rng.chance(0.7) ? 0 : rng.pick([5, 10, 100]),
    minus,
    reset: rng.chance(0.5),
    step: rng.chance(0.25),
    keyboard: !multi && rng.chance(0.25),
    floor,
    colors: minus && !floor && rng.chance(0.3),
    animate: !multi && rng.chance(0.5),
    persist: rng.chance(0.2),
    storageKey: rng.pick(["count", "counter", "tally", "counter-value"]),
    names: multi ? rng.pick(NAME_SETS) : [],
    labels: rng.pick(["symbols", "symbols", "ones", "words", "entities"] as const),
    layout: rng.pick(["row", "stack", "card"] as const),
    style: rng.pick(["functions", "delegation", "class", "inline"] as const),
  };
}

export const counter = defineFamily<CounterOptions>({
  name: "counter",
  options(rng) {
    for (;;) {
      const o = draw(rng);
      if (render(o).length >= 1500) return o;
    }
  },
  render,
  features(o) {
    return [
      ...(o.minus ? ["minus"] : []),
      ...(o.reset ? ["reset"] : []),
      ...(o.step ? ["step"] : []),
      ...(o.keyboard ? ["keyboard"] : []),
      ...(o.floor ? ["floor"] : []),
      ...(o.colors ? ["colors"] : []),
      ...(o.persist ? ["persist"] : []),
      ...(o.names.length ? ["multi"] : []),
      ...(o.start !== 0 ? ["start"] : []),
    ];
  },
  request(o, rng) {
    const subject = o.names.length
      ? rng.pick([`a counter app with separate counters for ${o.names.slice(0, -1).join(", ")} and ${o.names[o.names.length - 1]}`, `a tally app with one counter each for ${o.names.join(", ")}`])
      : o.minus
        ? rng.pick(["a counter", "a simple counter", "a counter app", "a click counter", "a counter with plus and minus buttons", "a number counter"])
        : rng.pick(["a click counter", "a tally counter", "a counter that goes up when I click", "a simple tap counter"]);
    const f: string[] = [];
    if (o.minus && !subject.includes("minus") && !o.names.length) f.push(rng.pick(["increment and decrement buttons", "plus and minus buttons", "a minus button too"]));
    if (o.reset) f.push(rng.pick(["a reset button", "a way to reset it"]));
    if (o.step) f.push(rng.pick(["an adjustable step size", "a step input for how much to add"]));
    if (o.keyboard) f.push(rng.pick(["keyboard support with the arrow keys", "arrow key shortcuts"]));
    if (o.floor) f.push(rng.pick(["no negative numbers", "a count that never goes below zero"]));
    if (o.colors) f.push(rng.pick(["green for positive and red for negative", "colors for positive and negative values"]));
    if (o.persist) f.push(rng.pick(["localStorage saving", "the count saved in localStorage"]));
    if (o.start !== 0) f.push(`a starting value of ${o.start}`);
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? f.filter((x) => x.startsWith("a starting")) : f);
  },
  edits: [
    { id: "add-reset", requests: ["add a reset button", "let me reset the counter"], appliesTo: (o) => !o.reset, apply: (o) => ({ ...o, reset: true }) },
    { id: "add-minus", requests: ["add a minus button", "let me count down too"], appliesTo: (o) => !o.minus, apply: (o) => ({ ...o, minus: true }) },
    { id: "add-step", requests: ["let me choose the step size", "add an input for the step"], appliesTo: (o) => !o.step, apply: (o) => ({ ...o, step: true }) },
    { id: "add-floor", requests: ["don't let it go below zero", "stop the count at zero"], appliesTo: (o) => o.minus && !o.floor && !o.colors, apply: (o) => ({ ...o, floor: true }) },
    { id: "add-keyboard", requests: ["add arrow key shortcuts", "let me use the keyboard to count"], appliesTo: (o) => !o.keyboard && !o.names.length, apply: (o) => ({ ...o, keyboard: true }) },
    { id: "add-persist", requests: ["save the count in localStorage", "remember the count after a reload"], appliesTo: (o) => !o.persist, apply: (o) => ({ ...o, persist: true }) },
  ],
  async check(app, o) {
    await drive(app, o);
  },
  async requestCheck(app, request) {
    const floor = /no negative|below zero/i.test(request);
    await drive(app, {
      minus: floor || /minus|decrement|down|separate counters|one counter each/i.test(request),
      reset: /reset/i.test(request),
      step: /step/i.test(request),
      keyboard: /keyboard|arrow key/i.test(request),
      floor,
      colors: /colou?r|green|red/i.test(request),
      persist: /local ?storage|saved/i.test(request),
      start: Number(/starting value of (\d+)/i.exec(request)?.[1] ?? 0),
    });
  },
});

type Wants = Pick<CounterOptions, "minus" | "reset" | "step" | "keyboard" | "floor" | "colors" | "persist" | "start">;

const INC = /increase|increment|plus|^\+|add|up\b/i;
const DEC = /decrease|decrement|minus|^[-\u2212\u2013]|subtract|down\b/i;

/** Count with the (first) counter's buttons and keys, using each wanted feature. */
async function drive({ page, frame }: AppUnderTest, want: Wants): Promise<void> {
  const inc = button(frame, INC);
  const dec = button(frame, DEC);
  // The count is the number on the page that two clicks on plus raise by two.
  const before = numbers(await visibleText(frame));
  await inc.click();
  await inc.click();
  const after = numbers(await visibleText(frame));
  const at = after.findIndex((n, i) => after.length === before.length && n - before[i] === 2);
  if (at < 0) throw new Error("no number on the page goes up by two after two clicks on plus");
  if (before[at] !== want.start) throw new Error(`the count starts at ${before[at]}, not ${want.start}`);
  const count = async () => numbers(await visibleText(frame))[at];
  let v = after[at];
  const expectCount = async (n: number, what: string) => {
    const got = await count();
    if (got !== n) throw new Error(`after ${what} the count is ${got}, expected ${n}`);
    v = n;
  };
  // The colour of the element that shows the count (not a button's label).
  const colour = () =>
    frame.evaluate((n) => {
      const el = Array.from(document.querySelectorAll("body *")).find((e) => !e.children.length && !e.closest("button") && e.textContent!.trim() === String(n));
      return el ? getComputedStyle(el).color : "";
    }, v);
  if (want.minus) {
    await dec.click();
    await expectCount(v - 1, "a click on minus");
  }
  if (want.step) {
    const step = frame.getByRole("spinbutton").first();
    await step.fill("5");
    await inc.click();
    await expectCount(v + 5, "plus with a step of 5");
    await step.fill("1");
  }
  if (want.keyboard) {
    await frame.locator("body").click({ position: { x: 2, y: 2 } });
    await page.keyboard.press("ArrowUp");
    await expectCount(v + 1, "the up arrow key");
    if (want.minus) {
      await page.keyboard.press("ArrowDown");
      await expectCount(v - 1, "the down arrow key");
    }
  }
  if (want.persist && !(await storageHolds(frame, String(v)))) throw new Error(`the count ${v} is not saved to localStorage`);
  if (want.floor) {
    for (let i = v + 2; i > 0; i--) await dec.click();
    await expectCount(0, "counting down past zero");
  }
  if (want.colors && want.minus) {
    for (; v <= 0; v++) await inc.click();
    await expectCount(v, "counting up above zero");
    const positive = await colour();
    for (; v >= 0; v--) await dec.click();
    await expectCount(v, "counting down below zero");
    if ((await colour()) === positive) throw new Error("positive and negative counts have the same colour");
  }
  if (want.reset) {
    await inc.click();
    await button(frame, /reset|clear|zero/i).click();
    await expectCount(want.start, "reset");
  }
}
