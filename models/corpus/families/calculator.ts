// A calculator with the four basic operations: either a keypad calculator (immediate
// execution, a class, or an expression with precedence) or two number inputs with
// operation buttons; optionally backspace, percent, sign, keyboard input and history.
import { esc, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import type { Rng } from "../rng.ts";
import { randomTheme, type Theme } from "../theme.ts";
import type { Frame } from "playwright-core";
import { button, exists, findOutput, pickOption, visibleText } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

interface CalculatorOptions {
  theme: Theme;
  title: string;
  mode: "keypad" | "inputs";
  logic: "immediate" | "class" | "expression";
  wiring: "delegation" | "generated" | "each";
  opUi: "buttons" | "select";
  symbols: "math" | "ascii";
  order: "calc" | "phone";
  display: "div" | "input";
  back: boolean;
  percent: boolean;
  sign: boolean;
  keyboard: boolean;
  history: boolean;
  layout: "card" | "center";
}

interface Key {
  k: string;
  html: string;
  name: string;
  cls?: string;
}

function opKeys(o: CalculatorOptions): Record<string, Key> {
  const m = o.symbols === "math";
  return {
    "+": { k: "+", html: "+", name: "+", cls: "op" },
    "-": { k: "-", html: m ? "&minus;" : "-", name: m ? "\u2212" : "-", cls: "op" },
    "*": { k: "*", html: m ? "&times;" : "*", name: m ? "\u00d7" : "*", cls: "op" },
    "/": { k: "/", html: m ? "&divide;" : "/", name: m ? "\u00f7" : "/", cls: "op" },
  };
}

function keys(o: CalculatorOptions): Key[][] {
  const op = opKeys(o);
  const d = (k: string): Key => ({ k, html: k, name: k });
  const extras: Key[] = [];
  if (o.back) extras.push({ k: "back", html: "&larr;", name: "\u2190", cls: "fn" });
  if (o.percent) extras.push({ k: "%", html: "%", name: "%", cls: "fn" });
  const top: Key[] = [{ k: "C", html: "C", name: "C", cls: extras.length === 0 ? "fn w3" : extras.length === 1 ? "fn w2" : "fn" }, ...extras, op["/"]];
  const digits = o.order === "calc" ? ["789", "456", "123"] : ["123", "456", "789"];
  const rows = digits.map((r, i) => [...r].map(d).concat([op[["*", "-", "+"][i]]]));
  const zero = { ...d("0"), cls: o.sign ? undefined : "w2" };
  const last: Key[] = [...(o.sign ? [{ k: "neg", html: "&plusmn;", name: "\u00b1", cls: "fn" }] : []), zero, d("."), { k: "=", html: "=", name: "=", cls: "eq" }];
  return [top, ...rows, last];
}

function css(o: CalculatorOptions): string {
  const shell =
    o.layout === "card"
      ? `.calc{max-width:${o.mode === "keypad" ? 320 : 400}px;margin:40px auto;padding:20px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius)}`
      : `body{min-height:100vh;display:flex;align-items:center;justify-content:center}\n.calc{width:${o.mode === "keypad" ? 300 : 380}px}`;
  const hist = o.history ? `\n#history{list-style:none;padding:0;margin:12px 0 0;max-height:120px;overflow-y:auto;color:var(--muted);font-size:14px}\n#history li{padding:2px 0}` : "";
  if (o.mode === "inputs") {
    return `${shell}
h1{margin:0 0 16px;font-size:22px}
input,select{width:100%;padding:10px;margin-bottom:10px;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text);font:inherit}
.ops{display:flex;gap:8px}
button{flex:1;padding:10px;border:0;border-radius:var(--radius);background:var(--accent);color:var(--accent-text);font-size:18px}
#result{margin-top:16px;font-size:24px;font-weight:bold}${hist}`;
  }
  return `${shell}
h1{margin:0 0 12px;font-size:20px}
#display{display:block;width:100%;padding:14px;margin-bottom:12px;text-align:right;font-size:32px;min-height:64px;overflow-x:auto;background:var(--bg);color:var(--text);border:1px solid var(--border);border-radius:var(--radius);font-family:inherit}
.keys{display:grid;grid-template-columns:repeat(4,1fr);gap:8px}
.keys button{padding:16px 0;font-size:20px;border:1px solid var(--border);border-radius:var(--radius);background:var(--surface);color:var(--text)}
.keys button:active{filter:brightness(.9)}
.keys .op,.keys .eq{background:var(--accent);color:var(--accent-text);border-color:var(--accent)}
.keys .fn{color:var(--muted)}
.w2{grid-column:span 2}
.w3{grid-column:span 3}${hist}`;
}

function keyButton(key: Key, o: CalculatorOptions): string {
  const attr = o.wiring === "delegation" || o.wiring === "each" ? ` data-k="${key.k}"` : "";
  return `<button${key.cls ? ` class="${key.cls}"` : ""}${attr}>${key.html}</button>`;
}

function body(o: CalculatorOptions): string {
  const hist = o.history ? `\n<ul id="history"></ul>` : "";
  if (o.mode === "inputs") {
    const op = opKeys(o);
    const ops =
      o.opUi === "buttons"
        ? `<div class="ops">\n${["+", "-", "*", "/"].map((k) => `<button data-op="${k}">${op[k].html}</button>`).join("\n")}\n</div>`
        : `<select id="op">\n${["+", "-", "*", "/"].map((k) => `<option value="${k}">${op[k].html}</option>`).join("\n")}\n</select>\n<div class="ops"><button id="calc">Calculate</button></div>`;
    return `<div class="calc">
<h1>${esc(o.title)}</h1>
<input id="a" type="number" placeholder="First number">
<input id="b" type="number" placeholder="Second number">
${ops}
<div id="result">Result: -</div>${hist}
</div>`;
  }
  const display = o.display === "div" ? `<div id="display">0</div>` : `<input id="display" value="0" readonly>`;
  const grid = o.wiring === "generated" ? `<div class="keys" id="keys"></div>` : `<div class="keys" id="keys">\n${keys(o).map((r) => r.map((k) => keyButton(k, o)).join("")).join("\n")}\n</div>`;
  return `<div class="calc">
<h1>${esc(o.title)}</h1>
${display}
${grid}${hist}
</div>`;
}

const FORMAT = `function format(n) {
  return isFinite(n) ? String(Math.round(n * 1e10) / 1e10) : "Error";
}`;

const COMPUTE = `function compute(a, b, op) {
  if (op === "+") return a + b;
  if (op === "-") return a - b;
  if (op === "*") return a * b;
  return a / b;
}`;

function logHistory(o: CalculatorOptions, text: string, pad: string): string {
  if (!o.history) return "";
  return `\n${pad}const li = document.createElement("li");\n${pad}li.textContent = ${text};\n${pad}document.getElementById("history").prepend(li);`;
}

function setDisplay(o: CalculatorOptions, v: string): string {
  return o.display === "div" ? `display.textContent = ${v};` : `display.value = ${v};`;
}

function immediate(o: CalculatorOptions): string {
  return `const display = document.getElementById("display");
let cur = "0";
let prev = null;
let op = null;
let fresh = false;
${COMPUTE}
${FORMAT}
function press(k) {
  if (/\\d/.test(k)) {
    cur = cur === "0" || fresh ? k : cur + k;
    fresh = false;
  } else if (k === ".") {
    if (fresh) cur = "0";
    fresh = false;
    if (!cur.includes(".")) cur += ".";
  } else if (k === "C") {
    cur = "0";
    prev = op = null;${o.back ? `\n  } else if (k === "back") {\n    cur = cur.length > 1 ? cur.slice(0, -1) : "0";` : ""}${o.percent ? `\n  } else if (k === "%") {\n    cur = format(Number(cur) / 100);` : ""}${o.sign ? `\n  } else if (k === "neg") {\n    cur = format(-Number(cur));` : ""}
  } else if (k === "=") {
    if (op === null) return;
    const r = format(compute(prev, Number(cur), op));${logHistory(o, `prev + " " + op + " " + cur + " = " + r`, "    ")}
    cur = r;
    prev = op = null;
    fresh = true;
  } else {
    if (op !== null && !fresh) cur = format(compute(prev, Number(cur), op));
    prev = Number(cur);
    op = k;
    fresh = true;
  }
  ${setDisplay(o, "cur")}
}`;
}

function classLogic(o: CalculatorOptions): string {
  return `class Calculator {
  constructor(display) {
    this.display = display;
    this.clear();
  }
  clear() {
    this.cur = "0";
    this.prev = null;
    this.op = null;
    this.fresh = false;
  }
  digit(d) {
    if (this.fresh) this.cur = "0";
    this.fresh = false;
    if (d === "." && this.cur.includes(".")) return;
    this.cur = this.cur === "0" && d !== "." ? d : this.cur + d;
  }
  operator(op) {
    if (this.op && !this.fresh) this.equals();
    this.prev = Number(this.cur);
    this.op = op;
    this.fresh = true;
  }
  equals() {
    if (!this.op) return;
    const a = this.prev;
    const b = Number(this.cur);
    let r = this.op === "+" ? a + b : this.op === "-" ? a - b : this.op === "*" ? a * b : a / b;
    r = isFinite(r) ? String(Math.round(r * 1e10) / 1e10) : "Error";${logHistory(o, `a + " " + this.op + " " + b + " = " + r`, "    ")}
    this.cur = r;
    this.op = null;
    this.fresh = true;
  }
  press(k) {
    if (/[\\d.]/.test(k)) this.digit(k);
    else if (k === "C") this.clear();
    else if (k === "=") this.equals();${o.back ? `\n    else if (k === "back") this.cur = this.cur.slice(0, -1) || "0";` : ""}${o.percent ? `\n    else if (k === "%") this.cur = String(Number(this.cur) / 100);` : ""}${o.sign ? `\n    else if (k === "neg") this.cur = String(-Number(this.cur));` : ""}
    else this.operator(k);
    this.display.${o.display === "div" ? "textContent" : "value"} = this.cur;
  }
}
const calc = new Calculator(document.getElementById("display"));
const press = (k) => calc.press(k);`;
}

function expression(o: CalculatorOptions): string {
  const sym = o.symbols === "math" ? `.replace(/\\*/g, "\\u00d7").replace(/\\//g, "\\u00f7")` : "";
  return `const display = document.getElementById("display");
let expr = "";
let done = false;
${FORMAT}
function calculate(s) {
  const parts = ("0" + s).match(/\\d*\\.?\\d+|[-+*/]/g);
  const terms = [Number(parts[0])];
  for (let i = 1; i < parts.length; i += 2) {
    const op = parts[i];
    const n = Number(parts[i + 1]);
    if (op === "*") terms.push(terms.pop() * n);
    else if (op === "/") terms.push(terms.pop() / n);
    else terms.push(op === "-" ? -n : n);
  }
  return terms.reduce((a, b) => a + b, 0);
}
function press(k) {
  if (k === "C") {
    expr = "";${o.back ? `\n  } else if (k === "back") {\n    expr = done ? "" : expr.slice(0, -1);` : ""}
  } else if (k === "=") {
    if (!expr || done) return;
    const r = format(calculate(expr.replace(/[-+*/]$/, "")));${logHistory(o, `expr + " = " + r`, "    ")}
    expr = r;
  } else if ("+-*/".includes(k)) {
    if (expr === "Error") expr = "";
    if (!expr && k !== "-") return;
    expr = expr.replace(/[-+*/]$/, "") + k;
  } else {
    if (done) expr = "";
    if (k === "." && /\\.\\d*$/.test(expr)) return;
    expr += k;
  }
  done = k === "=";
  ${setDisplay(o, `(expr || "0")${sym}`)}
}`;
}

function wiring(o: CalculatorOptions): string {
  if (o.wiring === "delegation")
    return `document.getElementById("keys").addEventListener("click", (e) => {\n  const k = e.target.dataset.k;\n  if (k) press(k);\n});`;
  if (o.wiring === "each")
    return `document.querySelectorAll("#keys button").forEach(function (b) {\n  b.addEventListener("click", function () {\n    press(b.dataset.k);\n  });\n});`;
  const rows = keys(o).map((r) => r.map((k) => (k.cls ? `[${JSON.stringify(k.k)}, ${JSON.stringify(k.html)}, ${JSON.stringify(k.cls)}]` : JSON.stringify(k.k))).join(", ")).map((r) => `[${r}]`);
  return `const layout = [\n  ${rows.join(",\n  ")},\n];
const keysEl = document.getElementById("keys");
layout.flat().forEach((key) => {
  const [k, label, cls] = Array.isArray(key) ? key : [key, key, ""];
  const b = document.createElement("button");
  b.innerHTML = label;
  if (cls) b.className = cls;
  b.addEventListener("click", () => press(k));
  keysEl.appendChild(b);
});`;
}

function keyboard(o: CalculatorOptions): string {
  if (!o.keyboard) return "";
  const extra = [...(o.percent ? ["%"] : [])].join("");
  return `\ndocument.addEventListener("keydown", (e) => {
  const map = { Enter: "=", Escape: "C"${o.back ? `, Backspace: "back"` : ""} };
  const k = map[e.key] || e.key;
  if (/^[\\d.+\\-*/=${extra}]$/.test(k) || map[e.key]) {
    e.preventDefault();
    press(k);
  }
});`;
}

function inputsScript(o: CalculatorOptions): string {
  const symbols = o.symbols === "math" ? `\nconst symbols = { "+": "+", "-": "\\u2212", "*": "\\u00d7", "/": "\\u00f7" };` : "";
  const calc = `function calculate(op) {
  const a = parseFloat(document.getElementById("a").value);
  const b = parseFloat(document.getElementById("b").value);
  const out = document.getElementById("result");
  if (isNaN(a) || isNaN(b)) {
    out.textContent = "Please enter two numbers";
    return;
  }
  if (op === "/" && b === 0) {
    out.textContent = "Cannot divide by zero";
    return;
  }
  const r = Math.round(compute(a, b, op) * 1e10) / 1e10;
  out.textContent = "Result: " + r;${logHistory(o, `a + " " + ${o.symbols === "math" ? "symbols[op]" : "op"} + " " + b + " = " + r`, "  ")}
}`;
  const wire =
    o.opUi === "buttons"
      ? o.wiring === "delegation"
        ? `document.querySelector(".ops").addEventListener("click", (e) => {\n  if (e.target.dataset.op) calculate(e.target.dataset.op);\n});`
        : `document.querySelectorAll("[data-op]").forEach((b) => {\n  b.addEventListener("click", () => calculate(b.dataset.op));\n});`
      : `document.getElementById("calc").addEventListener("click", () => {\n  calculate(document.getElementById("op").value);\n});`;
  return `${COMPUTE}${symbols}\n${calc}\n${wire}`;
}

function script(o: CalculatorOptions): string {
  if (o.mode === "inputs") return inputsScript(o);
  const logic = o.logic === "class" ? classLogic(o) : o.logic === "expression" ? expression(o) : immediate(o);
  return `${logic}\n${wiring(o)}${keyboard(o)}`;
}

function render(o: CalculatorOptions): string {
  return page({ title: o.title, theme: o.theme, css: css(o), body: body(o), script: script(o) });
}

function fits(o: CalculatorOptions): boolean {
  return render(o).length <= 4000;
}

function draw(rng: Rng): CalculatorOptions {
  const mode = rng.chance(0.75) ? "keypad" : "inputs";
  const logic = rng.pick(["immediate", "class", "expression"] as const);
  const keypad = mode === "keypad";
  return {
    theme: randomTheme(rng),
    title: rng.pick(["Calculator", "Simple Calculator", "Calc", "Basic Calculator", "Pocket Calculator"]),
    mode,
    logic,
    wiring: rng.pick(["delegation", "generated", "each"] as const),
    opUi: rng.pick(["buttons", "select"] as const),
    symbols: rng.pick(["math", "ascii"] as const),
    order: rng.chance(0.8) ? "calc" : "phone",
    display: rng.pick(["div", "input"] as const),
    back: keypad && rng.chance(0.45),
    percent: keypad && logic !== "expression" && rng.chance(0.3),
    sign: keypad && logic !== "expression" && rng.chance(0.3),
    keyboard: keypad && rng.chance(0.35),
    history: rng.chance(0.3),
    layout: rng.pick(["card", "center"] as const),
  };
}

export const calculator = defineFamily<CalculatorOptions>({
  name: "calculator",
  options(rng) {
    const o = draw(rng);
    const optional = rng.shuffle(["history", "keyboard", "sign", "percent", "back"] as const);
    while (!fits(o)) o[optional.find((k) => o[k])!] = false;
    return o;
  },
  render,
  features(o) {
    return [
      o.mode === "inputs" ? "inputs" : "keypad",
      ...(o.mode === "keypad" && o.logic === "expression" ? ["precedence"] : []),
      ...(o.back ? ["backspace"] : []),
      ...(o.percent ? ["percent"] : []),
      ...(o.sign ? ["sign"] : []),
      ...(o.keyboard ? ["keyboard"] : []),
      ...(o.history ? ["history"] : []),
    ];
  },
  request(o, rng) {
    const subject =
      o.mode === "keypad"
        ? rng.pick(["a calculator", "a simple calculator", "a calculator app", "a basic calculator with a keypad", "a calculator with the four basic operations", "a pocket calculator"])
        : rng.pick(["a simple calculator with two number inputs", "a calculator where I type two numbers and pick an operation", "a basic two-number calculator"]);
    const f: string[] = [];
    if (!subject.includes("four") && rng.chance(0.5)) f.push(rng.pick(["add, subtract, multiply and divide", "the four basic operations", "+, -, * and /"]));
    if (o.mode === "keypad" && o.logic === "expression") f.push(rng.pick(["the whole expression shown in the display", "operator precedence"]));
    if (o.back) f.push(rng.pick(["a backspace key", "a delete key to remove the last digit"]));
    if (o.percent) f.push(rng.pick(["a percent key", "a % button"]));
    if (o.sign) f.push(rng.pick(["a +/- key", "a key to flip the sign"]));
    if (o.keyboard) f.push(rng.pick(["keyboard support", "typing with the keyboard"]));
    if (o.history) f.push(rng.pick(["a history of calculations", "a list of past results"]));
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-history", requests: ["add a history of calculations", "show my previous calculations"], appliesTo: (o) => !o.history && fits({ ...o, history: true }), apply: (o) => ({ ...o, history: true }) },
    { id: "add-backspace", requests: ["add a backspace button", "let me delete the last digit"], appliesTo: (o) => o.mode === "keypad" && !o.back && fits({ ...o, back: true }), apply: (o) => ({ ...o, back: true }) },
    { id: "add-keyboard", requests: ["let me type with the keyboard", "add keyboard support"], appliesTo: (o) => o.mode === "keypad" && !o.keyboard && fits({ ...o, keyboard: true }), apply: (o) => ({ ...o, keyboard: true }) },
    { id: "add-percent", requests: ["add a percent button", "add a % key"], appliesTo: (o) => o.mode === "keypad" && o.logic !== "expression" && !o.percent && fits({ ...o, percent: true }), apply: (o) => ({ ...o, percent: true }) },
  ],
  async check(app, o) {
    await drive(app, { ...o, precedence: o.mode === "keypad" ? o.logic === "expression" : undefined });
  },
  async requestCheck(app, request) {
    await drive(app, {
      precedence: /precedence|whole expression/i.test(request) || undefined,
      back: /backspace|delete key/i.test(request),
      percent: /percent|%/i.test(request),
      sign: /\+\/-|flip the sign/i.test(request),
      keyboard: /keyboard/i.test(request),
      history: /history|past results/i.test(request),
    });
  },
});

interface Wants {
  /** Whether 2 + 3 * 4 must give 14 (true) or 20 (false); undefined: either. */
  precedence?: boolean;
  back: boolean;
  percent: boolean;
  sign: boolean;
  keyboard: boolean;
  history: boolean;
}

/** Names of the keys (and operation buttons) a calculator may use. */
const KEY: Record<string, RegExp> = {
  "+": /^\+$|^plus$|^add$/i,
  "-": /^[-\u2212\u2013]$|^minus$|^subtract$/i,
  "*": /^[*\u00d7x]$|^times$|^multiply$/i,
  "/": /^[/\u00f7]$|^divide$/i,
  "=": /^=$|^equals$/i,
  ".": /^[.,]$|^point$|^decimal$/i,
  C: /^(C|AC|CE|clear)$/i,
  back: /^(\u2190|\u232b|del|back|backspace|delete)$/i,
  "%": /^%$|^percent$/i,
  neg: /^(\u00b1|\+\/-|neg|negate)$/i,
};

const ends = (n: string) => new RegExp(`(^|[^\\d.])${n.replace(".", "\\.")}$`);

/** Calculate like a user: with the keypad, or with two number fields and an operation. */
async function drive({ page, frame }: AppUnderTest, want: Wants): Promise<void> {
  const keypad = await exists(button(frame, KEY["="]));
  if (!keypad) return twoNumbers(frame, want.history);
  const press = async (seq: string) => {
    for (const k of seq.split(" ")) await button(frame, KEY[k] ?? new RegExp(`^${k}$`)).click();
  };
  const hasClear = await exists(button(frame, KEY.C));
  const clear = async () => {
    if (hasClear) await press("C");
  };
  await clear();
  const display = await findOutput(frame, () => press("7"), /7$/, "pressing 7 does not show 7");
  const expect = async (seq: string, result: string | string[]) => {
    await clear();
    await press(seq);
    const got = await display();
    if (![result].flat().some((r) => ends(r).test(got))) throw new Error(`${seq} shows "${got}", expected ${[result].flat().join(" or ")}`);
  };
  await expect("1 2 + 7 =", "19");
  await expect("6 * 7 =", "42");
  await expect("9 - 4 =", "5");
  await expect("8 / 2 =", "4");
  await expect("1 . 5 + 2 =", "3.5");
  await expect("2 + 3 * 4 =", want.precedence === undefined ? ["14", "20"] : want.precedence ? "14" : "20");
  if (want.back) await expect("1 2 3 back", "12");
  if (want.percent) await expect("5 0 %", "0.5");
  if (want.sign) await expect("5 neg", "-5");
  if (want.history && !/(^|\D)19(\D|$)/.test(await visibleText(frame))) throw new Error("the history does not list 12 + 7 = 19");
  if (want.keyboard) {
    await clear();
    await frame.locator("body").click({ position: { x: 2, y: 2 } });
    await page.keyboard.type("3*4");
    await page.keyboard.press("Enter");
    if (!ends("12").test(await display())) throw new Error(`typing 3*4 Enter shows "${await display()}"`);
  }
}

/** Two number fields and an operation (buttons, or a select and a button). */
async function twoNumbers(frame: Frame, history: boolean): Promise<void> {
  const [a, b] = [frame.getByRole("spinbutton").nth(0), frame.getByRole("spinbutton").nth(1)];
  const select = frame.getByRole("combobox").first();
  const run = async (x: string, op: string, y: string) => {
    await a.fill(x);
    await b.fill(y);
    if (await exists(select)) {
      await pickOption(select, KEY[op]);
      await button(frame, /calculate|compute|^=$|equals/i).click();
    } else await button(frame, KEY[op]).click();
  };
  const result = await findOutput(frame, () => run("12", "+", "7"), ends("19"), "12 + 7 does not show 19");
  for (const [x, op, y, want] of [["9", "-", "4", "5"], ["6", "*", "7", "42"], ["1.5", "/", "0.5", "3"]]) {
    await run(x, op, y);
    const got = await result();
    if (!ends(want).test(got)) throw new Error(`${x} ${op} ${y} shows "${got}", expected ${want}`);
  }
  if (history && !/(^|\D)19(\D|$)/.test(await visibleText(frame))) throw new Error("the history does not list 12 + 7 = 19");
}
