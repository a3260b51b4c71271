// A tip calculator: a bill, a tip percentage (preset buttons, slider, number input or
// select) and the tip and total; optionally split between people, a custom tip, a
// round-up option and a reset button. Live updates or a Calculate button.
import { esc, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import type { Rng } from "../rng.ts";
import { randomTheme, type Theme } from "../theme.ts";
import { button, exists, expectNumbers, labelled, setField } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

interface TipOptions {
  theme: Theme;
  title: string;
  currency: "$" | "euro" | "pound";
  tipUi: "buttons" | "slider" | "input" | "select";
  presets: number[];
  defaultTip: number;
  split: boolean;
  splitUi: "input" | "stepper";
  custom: boolean;
  roundUp: boolean;
  reset: boolean;
  live: boolean;
  layout: "card" | "columns" | "plain";
  style: "functions" | "class";
}

function cur(o: TipOptions, html: boolean): string {
  if (o.currency === "$") return "$";
  if (o.currency === "euro") return html ? "&euro;" : "\\u20ac";
  return html ? "&pound;" : "\\u00a3";
}

function css(o: TipOptions): string {
  const shell =
    o.layout === "card"
      ? `.app{max-width:400px;margin:40px auto;padding:24px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius)}`
      : o.layout === "columns"
        ? `.app{max-width:760px;margin:40px auto;padding:0 20px;display:grid;grid-template-columns:1fr 1fr;gap:24px}\n.app h1{grid-column:1/-1}\n.results{background:var(--surface);border:1px solid var(--border);border-radius:var(--radius);padding:20px;align-self:start}`
        : `.app{max-width:480px;margin:0 auto;padding:24px}`;
  return `${shell}
h1{margin:0 0 16px;font-size:24px}
label{display:block;margin:12px 0 6px;color:var(--muted);font-size:14px}
input,select{width:100%;padding:10px;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text);font:inherit}
button{padding:10px 14px;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text)}
.primary,.tips button.on{background:var(--accent);color:var(--accent-text);border-color:var(--accent)}${o.tipUi === "buttons" ? `\n.tips{display:flex;flex-wrap:wrap;gap:8px}\n.tips button{flex:1}` : ""}${o.tipUi === "slider" ? `\ninput[type=range]{padding:0;accent-color:var(--accent)}` : ""}${o.split && o.splitUi === "stepper" ? `\n.stepper{display:flex;align-items:center;gap:12px}\n#people{min-width:32px;text-align:center;font-size:20px}` : ""}${o.roundUp ? `\n.check{display:flex;gap:8px;align-items:center;color:var(--text)}\n.check input{width:auto}` : ""}
.results{margin-top:16px}
.line{display:flex;justify-content:space-between;padding:8px 0;border-bottom:1px solid var(--border)}
.line strong{font-size:20px}`;
}

function tipControl(o: TipOptions): string {
  const d = o.defaultTip;
  if (o.tipUi === "buttons") {
    const btns = o.presets.map((p) => `<button data-tip="${p}"${p === d ? ` class="on"` : ""}>${p}%</button>`).join("");
    return `<label>Tip</label>\n<div class="tips">${btns}</div>${o.custom ? `\n<label for="custom">Custom tip %</label>\n<input id="custom" type="number" min="0" placeholder="Custom">` : ""}`;
  }
  if (o.tipUi === "slider") return `<label for="tip">Tip: <span id="tip-label">${d}</span>%</label>\n<input id="tip" type="range" min="0" max="30" value="${d}">`;
  if (o.tipUi === "select")
    return `<label for="tip">Tip</label>\n<select id="tip">${o.presets.map((p) => `<option value="${p}"${p === d ? " selected" : ""}>${p}%</option>`).join("")}</select>`;
  return `<label for="tip">Tip %</label>\n<input id="tip" type="number" min="0" value="${d}">`;
}

function body(o: TipOptions): string {
  const people = o.split
    ? o.splitUi === "input"
      ? `\n<label for="people">Number of people</label>\n<input id="people" type="number" min="1" value="1">`
      : `\n<label>People</label>\n<div class="stepper"><button id="fewer" aria-label="Fewer people">-</button><span id="people">1</span><button id="more" aria-label="More people">+</button></div>`
    : "";
  const c = cur(o, true);
  const inputs = `<div>
<label for="bill">Bill amount</label>
<input id="bill" type="number" min="0" step="0.01" placeholder="0.00">
${tipControl(o)}${people}${o.roundUp ? `\n<label class="check"><input id="round" type="checkbox"> Round up the total</label>` : ""}${o.live ? "" : `\n<p><button id="calc" class="primary">Calculate</button></p>`}
</div>`;
  const results = `<div class="results">
<div class="line"><span>Tip</span><strong id="tip-amount">${c}0.00</strong></div>
<div class="line"><span>Total</span><strong id="total">${c}0.00</strong></div>${o.split ? `\n<div class="line"><span>Per person</span><strong id="per-person">${c}0.00</strong></div>` : ""}${o.reset ? `\n<p><button id="reset">Reset</button></p>` : ""}
</div>`;
  return `<div class="app">
<h1>${esc(o.title)}</h1>
${inputs}
${results}
</div>`;
}

function readTip(o: TipOptions, self: string): string {
  if (o.tipUi === "buttons") return o.custom ? `(parseFloat(document.getElementById("custom").value) || ${self}tip)` : `${self}tip`;
  return `parseFloat(document.getElementById("tip").value) || 0`;
}

function people(o: TipOptions, self: string): string {
  if (!o.split) return "";
  return o.splitUi === "input" ? `Math.max(1, parseInt(document.getElementById("people").value) || 1)` : `${self}people`;
}

function computeBody(o: TipOptions, self: string, pad: string): string {
  const c = cur(o, false);
  const money = (v: string) => `"${c}" + ${v}.toFixed(2)`;
  return `${pad}const bill = parseFloat(document.getElementById("bill").value) || 0;
${pad}const pct = ${readTip(o, self)};
${pad}let total = bill + bill * pct / 100;${o.roundUp ? `\n${pad}if (document.getElementById("round").checked) total = Math.ceil(total);` : ""}
${pad}document.getElementById("tip-amount").textContent = ${money("(total - bill)")};
${pad}document.getElementById("total").textContent = ${money("total")};${o.split ? `\n${pad}document.getElementById("per-person").textContent = ${money(`(total / ${people(o, self)})`)};` : ""}${o.tipUi === "slider" ? `\n${pad}document.getElementById("tip-label").textContent = pct;` : ""}`;
}

function scriptFunctions(o: TipOptions): string {
  const lines: string[] = [];
  if (o.tipUi === "buttons") lines.push(`let tip = ${o.defaultTip};`);
  if (o.split && o.splitUi === "stepper") lines.push(`let people = 1;`);
  lines.push(`function update() {\n${computeBody(o, "", "  ")}\n}`);
  if (o.tipUi === "buttons")
    lines.push(`document.querySelector(".tips").addEventListener("click", function (e) {
  if (!e.target.dataset.tip) return;
  tip = Number(e.target.dataset.tip);${o.custom ? `\n  document.getElementById("custom").value = "";` : ""}
  document.querySelectorAll(".tips button").forEach(function (b) {
    b.classList.toggle("on", b === e.target);
  });${o.live ? "\n  update();" : ""}
});`);
  if (o.split && o.splitUi === "stepper")
    lines.push(`function setPeople(n) {
  people = Math.max(1, n);
  document.getElementById("people").textContent = people;${o.live ? "\n  update();" : ""}
}
document.getElementById("fewer").addEventListener("click", function () {
  setPeople(people - 1);
});
document.getElementById("more").addEventListener("click", function () {
  setPeople(people + 1);
});`);
  if (o.live) lines.push(`document.querySelectorAll("input, select").forEach(function (el) {\n  el.addEventListener("input", update);\n});`);
  else lines.push(`document.getElementById("calc").addEventListener("click", update);`);
  if (o.reset) lines.push(resetCode(o, ""));
  return lines.join("\n");
}

function resetCode(o: TipOptions, self: string): string {
  const pad = self ? "      " : "  ";
  const parts = [`document.getElementById("bill").value = "";`];
  if (o.tipUi === "buttons") parts.push(`${self}tip = ${o.defaultTip};`, `document.querySelectorAll(".tips button").forEach((b) => b.classList.toggle("on", b.dataset.tip === "${o.defaultTip}"));`);
  else parts.push(`document.getElementById("tip").value = "${o.defaultTip}";`);
  if (o.custom && o.tipUi === "buttons") parts.push(`document.getElementById("custom").value = "";`);
  if (o.split) parts.push(o.splitUi === "input" ? `document.getElementById("people").value = "1";` : `${self}people = 1;`, ...(o.splitUi === "stepper" ? [`document.getElementById("people").textContent = "1";`] : []));
  if (o.roundUp) parts.push(`document.getElementById("round").checked = false;`);
  parts.push(`${self}update();`);
  const close = self ? "    });" : "});";
  return `${self ? "    " : ""}document.getElementById("reset").addEventListener("click", () => {\n${parts.map((p) => pad + p).join("\n")}\n${close}`;
}

function scriptClass(o: TipOptions): string {
  const stepper = o.split && o.splitUi === "stepper";
  const ctor: string[] = [];
  if (o.tipUi === "buttons") ctor.push(`    this.tip = ${o.defaultTip};`);
  if (stepper) ctor.push(`    this.people = 1;`);
  if (o.tipUi === "buttons")
    ctor.push(`    document.querySelector(".tips").addEventListener("click", (e) => {
      if (!e.target.dataset.tip) return;
      this.tip = Number(e.target.dataset.tip);${o.custom ? `\n      document.getElementById("custom").value = "";` : ""}
      document.querySelectorAll(".tips button").forEach((b) => b.classList.toggle("on", b === e.target));${o.live ? "\n      this.update();" : ""}
    });`);
  if (stepper)
    ctor.push(`    document.getElementById("fewer").addEventListener("click", () => this.setPeople(this.people - 1));\n    document.getElementById("more").addEventListener("click", () => this.setPeople(this.people + 1));`);
  if (o.live) ctor.push(`    for (const el of document.querySelectorAll("input, select")) el.addEventListener("input", () => this.update());`);
  else ctor.push(`    document.getElementById("calc").addEventListener("click", () => this.update());`);
  if (o.reset) ctor.push(resetCode(o, "this."));
  return `class TipCalculator {
  constructor() {
${ctor.join("\n")}
  }${stepper ? `\n  setPeople(n) {\n    this.people = Math.max(1, n);\n    document.getElementById("people").textContent = this.people;${o.live ? "\n    this.update();" : ""}\n  }` : ""}
  update() {
${computeBody(o, "this.", "    ")}
  }
}
new TipCalculator();`;
}

function render(o: TipOptions): string {
  return page({ title: o.title, theme: o.theme, css: css(o), body: body(o), script: o.style === "class" ? scriptClass(o) : scriptFunctions(o) });
}

function fits(o: TipOptions): boolean {
  return render(o).length <= 4000;
}

function draw(rng: Rng): TipOptions {
  const tipUi = rng.pick(["buttons", "buttons", "slider", "input", "select"] as const);
  const presets = rng.pick([[10, 15, 20], [15, 18, 20, 25], [10, 15, 20, 25], [5, 10, 15, 20]]);
  return {
    theme: randomTheme(rng),
    title: rng.pick(["Tip Calculator", "Tip Splitter", "Bill Splitter", "Tip & Split", "Gratuity Calculator", "Split the Bill"]),
    currency: rng.pick(["$", "$", "euro", "pound"] as const),
    tipUi,
    presets,
    defaultTip: rng.pick(presets.filter((p) => p !== 20)),
    split: rng.chance(0.7),
    splitUi: rng.pick(["input", "stepper"] as const),
    custom: tipUi === "buttons" && rng.chance(0.4),
    roundUp: rng.chance(0.25),
    reset: rng.chance(0.35),
    live: rng.chance(0.7),
    layout: rng.pick(["card", "columns", "plain"] as const),
    style: rng.pick(["functions", "class"] as const),
  };
}

export const tip = defineFamily<TipOptions>({
  name: "tip",
  options(rng) {
    const o = draw(rng);
    const optional = rng.shuffle(["reset", "roundUp", "custom"] as const);
    while (!fits(o)) o[optional.find((k) => o[k])!] = false;
    return o;
  },
  render,
  features(o) {
    return [
      `tip:${o.tipUi}`,
      ...(o.split ? ["split"] : []),
      ...(o.custom ? ["custom"] : []),
      ...(o.roundUp ? ["round-up"] : []),
      ...(o.reset ? ["reset"] : []),
      ...(o.live ? [] : ["calculate-button"]),
    ];
  },
  request(o, rng) {
    const subject = o.split
      ? rng.pick(["a tip calculator that splits the bill between people", "a bill splitter with tip", "a tip calculator", "a tip and split calculator"])
      : rng.pick(["a tip calculator", "a simple tip calculator", "a gratuity calculator", "a restaurant tip calculator"]);
    const f: string[] = [];
    if (o.split && subject === "a tip calculator") f.push(rng.pick(["splitting between people", "a per person amount"]));
    if (o.tipUi === "buttons") f.push(rng.pick([`tip buttons for ${o.presets.slice(0, -1).join(", ")} and ${o.presets[o.presets.length - 1]}%`, "preset tip percentage buttons"]));
    if (o.tipUi === "slider") f.push(rng.pick(["a slider for the tip percentage", "a tip slider"]));
    if (o.tipUi === "select") f.push(rng.pick(["a dropdown to pick the tip", "a tip percentage select"]));
    if (o.tipUi === "input") f.push(rng.pick(["a field for the tip percent", "a tip percentage input"]));
    if (o.split && o.splitUi === "stepper") f.push(rng.pick(["plus and minus buttons for the number of people", "a people stepper"]));
    if (o.custom) f.push(rng.pick(["a custom tip field", "a custom tip percentage"]));
    if (o.roundUp) f.push(rng.pick(["an option to round up the total", "a round up checkbox"]));
    if (o.reset) f.push(rng.pick(["a reset button", "a way to clear everything"]));
    if (!o.live) f.push(rng.pick(["a calculate button", "a button that does the calculation"]));
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-split", requests: ["let me split the bill between people", "add a number of people and show the amount per person"], appliesTo: (o) => !o.split && fits({ ...o, split: true }), apply: (o) => ({ ...o, split: true }) },
    { id: "add-reset", requests: ["add a reset button", "let me clear the form"], appliesTo: (o) => !o.reset && fits({ ...o, reset: true }), apply: (o) => ({ ...o, reset: true }) },
    { id: "add-round-up", requests: ["add an option to round up the total", "let me round the total up"], appliesTo: (o) => !o.roundUp && fits({ ...o, roundUp: true }), apply: (o) => ({ ...o, roundUp: true }) },
    { id: "live", requests: ["update the results as I type", "remove the calculate button and update live"], appliesTo: (o) => !o.live && fits({ ...o, live: true }), apply: (o) => ({ ...o, live: true }) },
  ],
  async check(app, o) {
    await drive(app, { split: o.split, custom: o.custom, roundUp: o.roundUp, reset: o.reset, defaultTip: o.defaultTip });
  },
  async requestCheck(app, request) {
    await drive(app, {
      split: /split|per person|people/i.test(request),
      custom: /custom/i.test(request),
      roundUp: /round/i.test(request),
      reset: /\breset\b|clear everything/i.test(request),
    });
  },
});

interface Wants {
  split: boolean;
  custom: boolean;
  roundUp: boolean;
  reset: boolean;
  /** The tip percentage the app starts with, where known. */
  defaultTip?: number;
}

/** Work out tips on a bill of 80 like a user, using each wanted feature; the amounts must show. */
async function drive({ frame }: AppUnderTest, want: Wants): Promise<void> {
  const calc = button(frame, /calculate|compute/i);
  const bill = labelled(frame, /bill|amount/i);
  const expect = async (what: string, ...amounts: number[]) => {
    if (await exists(calc)) await calc.click();
    await expectNumbers(frame, what, amounts);
  };
  await setField(bill, "80");
  if (want.defaultTip !== undefined) await expect(`bill 80 at the default ${want.defaultTip}%`, (80 * want.defaultTip) / 100, 80 + (80 * want.defaultTip) / 100);
  const preset = button(frame, /^20 ?%$/);
  if (await exists(preset)) await preset.click();
  else await setField(labelled(frame, /tip/i), "20");
  await expect("bill 80 at 20%", 16, 96);
  if (want.split) {
    const people = labelled(frame, /people|person|split/i);
    if (await exists(people)) await setField(people, "3");
    else for (let i = 0; i < 2; i++) await button(frame, /more|add|increase|^\+$/i).click();
    await expect("96 split between 3 people", 32);
  }
  if (want.roundUp) {
    await setField(bill, "41");
    await expect("bill 41 at 20%", 49.2);
    await labelled(frame, /round/i).check();
    await expect("bill 41 at 20% rounded up", 50);
    await setField(bill, "80");
  }
  if (want.custom) {
    await setField(labelled(frame, /custom/i), "12.5");
    await expect("a custom tip of 12.5% on 80", 10, 90);
  }
  if (want.reset) {
    await button(frame, /reset|clear/i).click();
    if ((await bill.inputValue()) !== "") throw new Error("reset does not clear the bill");
  }
}
