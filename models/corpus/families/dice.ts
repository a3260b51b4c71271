// A dice roller for one to N dice, with optional die type, total, history,
// roll animation, held dice and a keyboard shortcut.
import { esc, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import type { Frame } from "playwright-core";
import { button, eventually, exists, labelled, looks, newLines, numbers, REACT_MS, setField, visibleText } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

interface DiceOptions {
  theme: Theme;
  title: string;
  control: "select" | "number" | "buttons";
  max: number;
  initial: number;
  face: "pips" | "numbers" | "unicode";
  sides: boolean;
  total: boolean;
  history: boolean;
  animate: boolean;
  hold: boolean;
  keyboard: boolean;
  rollLabel: string;
  style: "functions" | "class";
  layout: "card" | "full";
  size: number;
}

const SIDES = [4, 6, 8, 10, 12, 20];
const PIPS = "[[4], [0, 8], [0, 4, 8], [0, 2, 6, 8], [0, 2, 4, 6, 8], [0, 2, 3, 5, 6, 8]]";

function extras(o: DiceOptions): number {
  return [o.sides, o.history, o.animate, o.hold, o.hold, o.keyboard, o.control === "buttons", o.face === "pips"].filter(Boolean).length;
}
const MAX_EXTRAS = 4;

function css(o: DiceOptions): string {
  const shell =
    o.layout === "card"
      ? `.app{max-width:520px;margin:8vh auto;padding:24px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius);text-align:center}`
      : `.app{min-height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:8px;padding:24px;text-align:center}`;
  const die =
    o.face === "pips"
      ? `.die{display:grid;grid-template:repeat(3,1fr)/repeat(3,1fr);width:${o.size}px;height:${o.size}px;padding:8px;background:#fff;color:#222;border:2px solid var(--border);border-radius:calc(var(--radius) + 4px)}\n.pip{border-radius:50%;margin:2px}\n.pip.on{background:currentColor}`
      : o.face === "numbers"
        ? `.die{display:flex;align-items:center;justify-content:center;width:${o.size}px;height:${o.size}px;font-size:${Math.round(o.size / 2.2)}px;font-weight:bold;background:var(--accent);color:var(--accent-text);border:0;border-radius:calc(var(--radius) + 4px)}`
        : `.die{font-size:${o.size + 16}px;line-height:1;background:none;border:0;color:var(--text);padding:0}`;
  return [
    shell,
    `h1{font-size:22px;margin:0 0 16px}`,
    `.controls{display:flex;gap:8px;justify-content:center;align-items:center;flex-wrap:wrap}`,
    `select,input{padding:8px;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text);font:inherit}`,
    `button{padding:8px 14px;border:1px solid var(--border);border-radius:var(--radius);background:var(--surface);color:var(--text)}`,
    `#roll{background:var(--accent);color:var(--accent-text);border-color:var(--accent)}`,
    `#dice{display:flex;gap:12px;justify-content:center;flex-wrap:wrap;margin:24px 0}`,
    die,
    o.hold ? `.held{outline:3px solid var(--accent)}` : "",
    o.animate ? `.rolling .die{animation:shake .3s}\n@keyframes shake{0%,100%{transform:rotate(0)}25%{transform:rotate(-15deg)}75%{transform:rotate(15deg)}}` : "",
    o.total ? `#total{font-size:20px;font-weight:bold}` : "",
    o.history ? `#history{list-style:none;padding:0;margin:16px 0 0;color:var(--muted);font-size:14px}\n#history li{padding:4px 0;border-bottom:1px solid var(--border)}` : "",
    o.hold || o.keyboard ? `.hint{color:var(--muted);font-size:13px}` : "",
  ]
    .filter(Boolean)
    .join("\n");
}

function body(o: DiceOptions): string {
  const count =
    o.control === "select"
      ? `<label>Dice <select id="count">${Array.from({ length: o.max }, (_, i) => `<option${i + 1 === o.initial ? " selected" : ""}>${i + 1}</option>`).join("")}</select></label>`
      : o.control === "number"
        ? `<label>Dice <input id="count" type="number" min="1" max="${o.max}" value="${o.initial}"></label>`
        : `<button id="minus" aria-label="Fewer dice">-</button>\n<span id="count">${o.initial}</span>\n<button id="plus" aria-label="More dice">+</button>`;
  const hints = [o.hold ? "Click a die to hold it." : "", o.keyboard ? "Press Space to roll." : ""].filter(Boolean).join(" ");
  return [
    `<div class="app">`,
    `<h1>${esc(o.title)}</h1>`,
    `<div class="controls">`,
    count,
    o.sides ? `<select id="sides" aria-label="Die type">${SIDES.map((s) => `<option value="${s}"${s === 6 ? " selected" : ""}>d${s}</option>`).join("")}</select>` : "",
    `<button id="roll">${esc(o.rollLabel)}</button>`,
    `</div>`,
    `<div id="dice"></div>`,
    o.total ? `<div id="total"></div>` : "",
    hints ? `<p class="hint">${hints}</p>` : "",
    o.history ? `<ol id="history"></ol>` : "",
    `</div>`,
  ]
    .filter(Boolean)
    .join("\n");
}

/** The body of a function (v, i) that returns the element for one die. */
function dieCode(o: DiceOptions, ind: string, held: string): string {
  const tag = o.hold ? "button" : "div";
  const lines = [`${ind}const el = document.createElement("${tag}");`, `${ind}el.className = "die"${o.hold ? ` + (${held} ? " held" : "")` : ""};`];
  if (o.face === "numbers") lines.push(`${ind}el.textContent = v;`);
  else lines.push(`${ind}el.setAttribute("aria-label", v);`);
  if (o.face === "pips") lines.push(`${ind}for (let p = 0; p < 9; p++) {\n${ind}  const pip = document.createElement("span");\n${ind}  pip.className = PIPS[v - 1].includes(p) ? "pip on" : "pip";\n${ind}  el.appendChild(pip);\n${ind}}`);
  if (o.face === "unicode") lines.push(`${ind}el.textContent = String.fromCharCode(0x2680 + v - 1);`);
  if (o.hold) lines.push(`${ind}el.dataset.index = i;`);
  lines.push(`${ind}return el;`);
  return lines.join("\n");
}

function scriptFunctions(o: DiceOptions): string {
  const el = (id: string) => `document.getElementById("${id}")`;
  const getCount =
    o.control === "buttons"
      ? `let count = ${o.initial};\nfunction setCount(n) {\n  count = Math.min(MAX, Math.max(1, n));\n  ${el("count")}.textContent = count;\n}\n${el("minus")}.addEventListener("click", function () {\n  setCount(count - 1);\n});\n${el("plus")}.addEventListener("click", function () {\n  setCount(count + 1);\n});`
      : `function getCount() {\n  return Math.min(MAX, Math.max(1, parseInt(${el("count")}.value, 10) || 1));\n}`;
  const n = o.control === "buttons" ? "count" : "getCount()";
  const sides = o.sides ? `Number(${el("sides")}.value)` : "6";
  const finish = [
    `  const sides = ${sides};`,
    o.hold
      ? `  values = Array.from({ length: ${n} }, function (_, i) {\n    return held[i] && values[i] <= sides ? values[i] : Math.floor(Math.random() * sides) + 1;\n  });\n  held = held.slice(0, values.length);`
      : `  values = Array.from({ length: ${n} }, function () {\n    return Math.floor(Math.random() * sides) + 1;\n  });`,
    `  draw();`,
    o.history
      ? `  const li = document.createElement("li");\n  li.textContent = values.join(" + ") + " = " + values.reduce(function (a, b) {\n    return a + b;\n  }, 0);\n  historyEl.prepend(li);\n  if (historyEl.children.length > 10) historyEl.lastChild.remove();`
      : "",
  ].filter(Boolean);
  const roll = o.animate
    ? `function roll() {\n  if (diceEl.classList.contains("rolling")) return;\n  diceEl.classList.add("rolling");\n  setTimeout(function () {\n    diceEl.classList.remove("rolling");\n    finish();\n  }, 300);\n}`
    : "";
  return [
    `const MAX = ${o.max};`,
    o.face === "pips" ? `const PIPS = ${PIPS};` : "",
    `const diceEl = ${el("dice")};`,
    o.history ? `const historyEl = ${el("history")};` : "",
    `let values = [];`,
    o.hold ? `let held = [];` : "",
    getCount,
    `function makeDie(v, i) {\n${dieCode(o, "  ", "held[i]")}\n}`,
    `function draw() {\n  diceEl.innerHTML = "";\n  values.forEach(function (v, i) {\n    diceEl.appendChild(makeDie(v, i));\n  });${o.total ? `\n  ${el("total")}.textContent = "Total: " + values.reduce(function (a, b) {\n    return a + b;\n  }, 0);` : ""}\n}`,
    `function ${o.animate ? "finish" : "roll"}() {\n${finish.join("\n")}\n}`,
    roll,
    `${el("roll")}.addEventListener("click", roll);`,
    o.hold ? `diceEl.addEventListener("click", function (e) {\n  const die = e.target.closest(".die");\n  if (!die) return;\n  const i = Number(die.dataset.index);\n  held[i] = !held[i];\n  die.classList.toggle("held", held[i]);\n});` : "",
    o.keyboard ? `document.addEventListener("keydown", function (e) {\n  if (e.code === "Space") {\n    e.preventDefault();\n    roll();\n  }\n});` : "",
    `roll();`,
  ]
    .filter(Boolean)
    .join("\n");
}

function scriptClass(o: DiceOptions): string {
  const $ = (id: string) => `document.getElementById("${id}")`;
  const ctor = [
    `    this.dice = ${$("dice")};`,
    o.history ? `    this.history = ${$("history")};` : "",
    `    this.values = [];`,
    o.hold ? `    this.held = [];` : "",
    o.control === "buttons" ? `    this.count = ${o.initial};\n    ${$("minus")}.addEventListener("click", () => this.setCount(this.count - 1));\n    ${$("plus")}.addEventListener("click", () => this.setCount(this.count + 1));` : "",
    `    ${$("roll")}.addEventListener("click", () => this.roll());`,
    o.hold ? `    this.dice.addEventListener("click", (e) => {\n      const die = e.target.closest(".die");\n      if (!die) return;\n      const i = Number(die.dataset.index);\n      this.held[i] = !this.held[i];\n      die.classList.toggle("held", this.held[i]);\n    });` : "",
    o.keyboard ? `    document.addEventListener("keydown", (e) => {\n      if (e.code !== "Space") return;\n      e.preventDefault();\n      this.roll();\n    });` : "",
    `    this.roll();`,
  ].filter(Boolean);
  const n = o.control === "buttons" ? "this.count" : `Math.min(${o.max}, Math.max(1, parseInt(${$("count")}.value, 10) || 1))`;
  const finish = [
    `    const sides = ${o.sides ? `Number(${$("sides")}.value)` : "6"};`,
    `    const n = ${n};`,
    o.hold
      ? `    this.values = Array.from({ length: n }, (_, i) => (this.held[i] && this.values[i] <= sides ? this.values[i] : Math.floor(Math.random() * sides) + 1));\n    this.held = this.held.slice(0, n);`
      : `    this.values = Array.from({ length: n }, () => Math.floor(Math.random() * sides) + 1);`,
    `    this.dice.replaceChildren(...this.values.map((v, i) => this.makeDie(v, i)));`,
    o.total || o.history ? `    const sum = this.values.reduce((a, b) => a + b, 0);` : "",
    o.total ? `    ${$("total")}.textContent = \`Total: \${sum}\`;` : "",
    o.history ? `    const li = document.createElement("li");\n    li.textContent = \`\${this.values.join(" + ")} = \${sum}\`;\n    this.history.prepend(li);\n    if (this.history.children.length > 10) this.history.lastChild.remove();` : "",
  ].filter(Boolean);
  const methods = [
    o.control === "buttons" ? `  setCount(n) {\n    this.count = Math.min(${o.max}, Math.max(1, n));\n    ${$("count")}.textContent = this.count;\n  }` : "",
    o.animate
      ? `  roll() {\n    if (this.dice.classList.contains("rolling")) return;\n    this.dice.classList.add("rolling");\n    setTimeout(() => {\n      this.dice.classList.remove("rolling");\n      this.finish();\n    }, 300);\n  }\n  finish() {\n${finish.join("\n")}\n  }`
      : `  roll() {\n${finish.join("\n")}\n  }`,
    `  makeDie(v, i) {\n${dieCode(o, "    ", "this.held[i]")}\n  }`,
  ].filter(Boolean);
  return `${o.face === "pips" ? `const PIPS = ${PIPS};\n` : ""}class DiceRoller {\n  constructor() {\n${ctor.join("\n")}\n  }\n${methods.join("\n")}\n}\nnew DiceRoller();`;
}

export const dice = defineFamily<DiceOptions>({
  name: "dice",
  options(rng) {
    const sides = rng.chance(0.3);
    const max = rng.pick([4, 5, 6, 6, 6, 8]);
    const o: DiceOptions = {
      theme: randomTheme(rng),
      title: rng.pick(["Dice Roller", "Roll the Dice", "Dice", "Lucky Dice", "Board Game Dice"]),
      control: rng.pick(["select", "number", "buttons"] as const),
      max,
      initial: rng.int(1, 2),
      face: sides ? "numbers" : rng.pick(["pips", "pips", "numbers", "unicode"] as const),
      sides,
      total: rng.chance(0.7),
      history: rng.chance(0.35),
      animate: rng.chance(0.35),
      hold: rng.chance(0.25),
      keyboard: rng.chance(0.3),
      rollLabel: rng.pick(["Roll", "Roll Dice", "Roll!", "Throw", "Roll the dice"]),
      style: rng.pick(["functions", "class"] as const),
      layout: rng.pick(["card", "full"] as const),
      size: rng.pick([56, 64, 72]),
    };
    for (const k of rng.shuffle(["sides", "history", "animate", "hold", "keyboard"] as const)) {
      if (extras(o) <= MAX_EXTRAS) break;
      o[k] = false;
    }
    return o;
  },
  render(o) {
    return page({ title: esc(o.title), theme: o.theme, css: css(o), body: body(o), script: o.style === "class" ? scriptClass(o) : scriptFunctions(o) });
  },
  features(o) {
    return [
      ...(o.sides ? ["sides"] : []),
      ...(o.total ? ["total"] : []),
      ...(o.history ? ["history"] : []),
      ...(o.animate ? ["animation"] : []),
      ...(o.hold ? ["hold"] : []),
      ...(o.keyboard ? ["keyboard"] : []),
      `face:${o.face}`,
    ];
  },
  request(o, rng) {
    const subject = rng.pick([`a dice roller for one to ${o.max === 6 ? "six" : o.max} dice`, "a dice roller", "a dice rolling app", `a page that rolls up to ${o.max} dice`, "a virtual dice app"]);
    const f: string[] = [];
    if (o.face === "pips" && rng.chance(0.6)) f.push(rng.pick(["dots on the dice like real dice", "real dice faces with pips"]));
    if (o.face === "numbers" && rng.chance(0.3)) f.push("the numbers shown on the dice");
    if (o.sides) f.push(rng.pick(["a choice of die type (d4 to d20)", "support for d4, d6, d8, d10, d12 and d20"]));
    if (o.total) f.push(rng.pick(["the total of the roll", "the sum shown"]));
    if (o.history) f.push(rng.pick(["a history of rolls", "a list of previous rolls"]));
    if (o.animate) f.push(rng.pick(["a shake animation", "a rolling animation"]));
    if (o.hold) f.push(rng.pick(["the option to hold dice between rolls", "click a die to keep it"]));
    if (o.keyboard) f.push(rng.pick(["space bar to roll", "a keyboard shortcut to roll"]));
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-total", requests: ["show the total", "add up the dice"], appliesTo: (o) => !o.total, apply: (o) => ({ ...o, total: true }) },
    { id: "add-history", requests: ["keep a history of rolls", "show my previous rolls"], appliesTo: (o) => !o.history && extras({ ...o, history: true }) <= MAX_EXTRAS, apply: (o) => ({ ...o, history: true }) },
    { id: "add-animation", requests: ["animate the roll", "make the dice shake when rolling"], appliesTo: (o) => !o.animate && extras({ ...o, animate: true }) <= MAX_EXTRAS, apply: (o) => ({ ...o, animate: true }) },
    { id: "add-hold", requests: ["let me hold dice between rolls", "click a die to keep it for the next roll"], appliesTo: (o) => !o.hold && extras({ ...o, hold: true }) <= MAX_EXTRAS, apply: (o) => ({ ...o, hold: true }) },
    { id: "add-keyboard", requests: ["roll with the space bar", "add a keyboard shortcut to roll"], appliesTo: (o) => !o.keyboard && extras({ ...o, keyboard: true }) <= MAX_EXTRAS, apply: (o) => ({ ...o, keyboard: true }) },
    { id: "use-pips", requests: ["show dots instead of numbers", "make the dice look like real dice with pips"], appliesTo: (o) => o.face !== "pips" && !o.sides && extras({ ...o, face: "pips" }) <= MAX_EXTRAS, apply: (o) => ({ ...o, face: "pips" }) },
  ],
  async check(app, o) {
    const first = await settled(app.frame);
    if (first.length !== o.initial) throw new Error(`${first.length} dice at first, not ${o.initial}`);
    await drive(app, { count: true, sides: o.sides, total: o.total, history: o.history, hold: o.hold, keyboard: o.keyboard });
  },
  async requestCheck(app, request) {
    await drive(app, {
      count: /(to|up to) (\w+) dice/i.test(request),
      sides: /d20|die type/i.test(request),
      total: /total|sum/i.test(request),
      history: /history|previous rolls/i.test(request),
      hold: /hold|keep/i.test(request),
      keyboard: /space|keyboard/i.test(request),
    });
  },
});

type Wants = Record<"count" | "sides" | "total" | "history" | "hold" | "keyboard", boolean>;

/**
 * The values the dice show, where the app lets them be read: an aria-label with the
 * number, a die character (\u2680 to \u2685), or a number in an element named die/dice.
 * Marks each die it reads with a data-face attribute.
 */
function faces(frame: Frame): Promise<number[]> {
  return frame.evaluate(() =>
    Array.from(document.querySelectorAll("body *"))
      .map((e) => {
        const label = e.getAttribute("aria-label") ?? "";
        const text = e.children.length ? "" : (e.textContent ?? "").trim();
        const named = /die|dice/i.test(`${e.className} ${e.id} ${e.parentElement?.className} ${e.parentElement?.id}`);
        const v = /^\d+$/.test(label) ? Number(label) : /^[\u2680-\u2685]$/.test(text) ? text.charCodeAt(0) - 0x267f : named && /^\d+$/.test(text) ? Number(text) : 0;
        if (v) e.setAttribute("data-face", "");
        return v;
      })
      .filter((v) => v > 0),
  );
}

/** The faces once no die is rolling (an animation may show passing faces). */
async function settled(frame: Frame): Promise<number[]> {
  await frame.waitForFunction(() => !document.querySelector(".rolling, .shaking, .shake"), null, { timeout: REACT_MS }).catch(() => {});
  return faces(frame);
}

/** Roll like a user (3 dice where the number can be chosen); what the dice show must change, within their range. */
async function drive({ page, frame }: AppUnderTest, want: Wants): Promise<void> {
  const roll = button(frame, /roll|throw/i);
  const shown = async () => `${await visibleText(frame)}|${await looks(frame)}|${(await faces(frame)).join()}`;
  const rollAndRead = async (act: () => Promise<void>) => {
    const before = await shown();
    await act();
    // A roll may show the same faces again, so no change is no failure yet.
    await eventually(async () => ((await shown()) !== before) || undefined, "", 800).catch(() => undefined);
    await frame.waitForTimeout(300);
    return settled(frame);
  };
  if (want.count) {
    const count = labelled(frame, /dice|count|number/i);
    if (await exists(count)) await setField(count, "3");
    // Else more/fewer buttons: step towards 3 dice, rolling to see how many there are.
    else
      for (let n = (await rollAndRead(() => roll.click())).length, i = 0; n !== 3 && i < 6; i++) {
        await button(frame, n < 3 ? /more|add|increase|^\+$/i : /fewer|less|remove|decrease|^[-\u2212]$/i).click();
        n = (await rollAndRead(() => roll.click())).length;
      }
  }
  if (want.sides) await frame.getByRole("combobox").filter({ has: frame.getByRole("option", { name: "d20" }) }).first().selectOption({ label: "d20" });
  const sides = want.sides ? 20 : 6;
  const before = await visibleText(frame);
  const seen: string[] = [];
  for (let r = 0; r < 4; r++) {
    const v = await rollAndRead(() => roll.click());
    seen.push(`${await shown()}`);
    if (!v.length) continue;
    if (want.count && v.length !== 3) throw new Error(`${v.length} dice after choosing 3`);
    if (v.some((x) => x > sides)) throw new Error(`a d${sides} shows ${v.join(", ")}`);
    if (want.total && !numbers(await visibleText(frame)).includes(v.reduce((a, b) => a + b, 0))) throw new Error(`no total of ${v.join(" + ")}`);
  }
  if (new Set(seen).size < 2) throw new Error("the dice never change when rolled");
  if (want.history && newLines(before, await visibleText(frame)).length < 3) throw new Error("four rolls do not show a history of rolls");
  if (want.hold) {
    const kept = (await faces(frame))[0];
    await frame.locator("[data-face]").first().click();
    for (let r = 0; r < 2; r++) if ((await rollAndRead(() => roll.click()))[0] !== kept) throw new Error("a held die changes when rolled");
  }
  if (want.keyboard) {
    await frame.locator("body").click({ position: { x: 2, y: 2 } });
    const before = await shown();
    for (let r = 0; r < 3 && (await shown()) === before; r++) await rollAndRead(() => page.keyboard.press("Space"));
    if ((await shown()) === before) throw new Error("Space does not roll");
  }
}
