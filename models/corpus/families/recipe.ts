// A recipe scaler: a recipe's ingredient amounts follow the number of servings
// (number input, stepper, slider or multiplier buttons); optionally fractions,
// ingredient checkboxes, the steps, and a reset button. List or table.
import { esc, jsStr, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import type { Rng } from "../rng.ts";
import { randomTheme, type Theme } from "../theme.ts";
import type { Frame } from "playwright-core";
import { button, eventually, exists, labelled, looks, setField, visibleText } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

type Ingredient = [amount: number, unit: string, name: string];

interface Recipe {
  name: string;
  servings: number;
  items: Ingredient[];
  steps: string[];
}

interface RecipeOptions {
  theme: Theme;
  recipe: Recipe;
  ui: "input" | "stepper" | "slider" | "multiplier";
  fractions: boolean;
  checkboxes: boolean;
  steps: boolean;
  reset: boolean;
  view: "list" | "table";
  build: "template" | "elements";
  style: "functions" | "class";
  layout: "card" | "plain";
}

const RECIPES: Recipe[] = [
  { name: "Pancakes", servings: 4, items: [[2, "cups", "flour"], [2, "tbsp", "sugar"], [1, "tbsp", "baking powder"], [0.5, "tsp", "salt"], [1.5, "cups", "milk"], [2, "", "eggs"], [3, "tbsp", "melted butter"]], steps: ["Mix the dry ingredients.", "Whisk in milk, eggs and butter.", "Cook on a hot pan until golden."] },
  { name: "Chocolate Chip Cookies", servings: 24, items: [[2.25, "cups", "flour"], [1, "tsp", "baking soda"], [1, "cup", "butter"], [0.75, "cup", "sugar"], [0.75, "cup", "brown sugar"], [2, "", "eggs"], [2, "cups", "chocolate chips"]], steps: ["Cream butter and sugars.", "Beat in eggs, then flour and soda.", "Fold in chips and bake 10 minutes at 375F."] },
  { name: "Guacamole", servings: 4, items: [[3, "", "avocados"], [1, "", "lime"], [0.5, "", "onion"], [2, "tbsp", "cilantro"], [1, "", "tomato"], [0.5, "tsp", "salt"]], steps: ["Mash the avocados.", "Stir in everything else.", "Season to taste."] },
  { name: "Tomato Soup", servings: 6, items: [[2, "tbsp", "olive oil"], [1, "", "onion"], [3, "", "garlic cloves"], [800, "g", "canned tomatoes"], [500, "ml", "vegetable stock"], [0.5, "cup", "cream"]], steps: ["Soften onion and garlic in oil.", "Add tomatoes and stock, simmer 20 minutes.", "Blend and stir in the cream."] },
  { name: "Pizza Dough", servings: 2, items: [[500, "g", "flour"], [325, "ml", "warm water"], [7, "g", "dry yeast"], [10, "g", "salt"], [2, "tbsp", "olive oil"]], steps: ["Dissolve the yeast in the water.", "Mix in flour, salt and oil, knead 10 minutes.", "Let it rise for an hour."] },
  { name: "Banana Smoothie", servings: 2, items: [[2, "", "bananas"], [1, "cup", "milk"], [0.5, "cup", "yogurt"], [1, "tbsp", "honey"], [4, "", "ice cubes"]], steps: ["Put everything in a blender.", "Blend until smooth."] },
  { name: "Overnight Oats", servings: 1, items: [[0.5, "cup", "rolled oats"], [0.5, "cup", "milk"], [0.25, "cup", "yogurt"], [1, "tbsp", "chia seeds"], [1, "tsp", "maple syrup"]], steps: ["Stir everything together in a jar.", "Refrigerate overnight."] },
  { name: "Vinaigrette", servings: 4, items: [[6, "tbsp", "olive oil"], [2, "tbsp", "vinegar"], [1, "tsp", "mustard"], [1, "tsp", "honey"], [0.25, "tsp", "salt"]], steps: ["Whisk vinegar, mustard, honey and salt.", "Slowly whisk in the oil."] },
];

function css(o: RecipeOptions): string {
  const shell =
    o.layout === "card"
      ? `.app{max-width:520px;margin:40px auto;padding:24px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius)}`
      : `.app{max-width:600px;margin:0 auto;padding:24px}`;
  const ctl =
    o.ui === "multiplier"
      ? `.scale{display:flex;gap:6px}\n.scale button{padding:8px 12px;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text)}\n.scale button.on{background:var(--accent);color:var(--accent-text);border-color:var(--accent)}`
      : o.ui === "stepper"
        ? `.stepper{display:flex;align-items:center;gap:10px}\n.stepper button{width:36px;height:36px;border:0;border-radius:var(--radius);background:var(--accent);color:var(--accent-text)}\n#servings{min-width:28px;text-align:center;font-size:20px;font-weight:bold}`
        : o.ui === "slider"
          ? `#servings{width:100%;accent-color:var(--accent)}`
          : `#servings{width:80px;padding:8px;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text);font:inherit}`;
  const list =
    o.view === "table"
      ? `table{width:100%;border-collapse:collapse;margin-top:16px}\ntd{padding:8px;border-bottom:1px solid var(--border)}\n.amount{text-align:right;font-weight:bold;white-space:nowrap}`
      : `#ingredients{list-style:none;padding:0;margin:16px 0}\n#ingredients li{padding:8px 0;border-bottom:1px solid var(--border)}\n.amount{font-weight:bold}`;
  return `${shell}
h1{margin:0 0 4px;font-size:26px}
.sub{color:var(--muted);margin:0 0 16px}
.controls{display:flex;align-items:center;gap:12px;flex-wrap:wrap}
${ctl}
${list}${o.checkboxes ? `\n.done{text-decoration:line-through;color:var(--muted)}` : ""}${o.reset ? `\n#reset{padding:8px 12px;border:1px solid var(--border);border-radius:var(--radius);background:none;color:var(--muted)}` : ""}${o.steps ? `\nh2{font-size:18px;margin:20px 0 8px}\nol{padding-left:20px;line-height:1.6}` : ""}`;
}

function control(o: RecipeOptions): string {
  const s = o.recipe.servings;
  if (o.ui === "multiplier")
    return `<span>Scale:</span>\n<div class="scale" id="scale"><button data-x="0.5">&frac12;x</button><button data-x="1" class="on">1x</button><button data-x="2">2x</button><button data-x="3">3x</button></div>\n<span><span id="servings">${s}</span> servings</span>`;
  if (o.ui === "stepper")
    return `<span>Servings</span>\n<div class="stepper"><button id="less" aria-label="Fewer servings">-</button><span id="servings">${s}</span><button id="more" aria-label="More servings">+</button></div>`;
  if (o.ui === "slider")
    return `<label for="servings">Servings: <strong id="count">${s}</strong></label>\n<input id="servings" type="range" min="1" max="${Math.max(12, s * 4)}" value="${s}">`;
  return `<label for="servings">Servings</label>\n<input id="servings" type="number" min="1" value="${s}">`;
}

function body(o: RecipeOptions): string {
  const r = o.recipe;
  const list = o.view === "table" ? `<table><tbody id="ingredients"></tbody></table>` : `<ul id="ingredients"></ul>`;
  return `<div class="app">
<h1>${esc(r.name)}</h1>
<p class="sub">Original recipe: ${r.servings} serving${r.servings > 1 ? "s" : ""}</p>
<div class="controls">
${control(o)}${o.reset ? `\n<button id="reset">Reset</button>` : ""}
</div>
${list}${o.steps ? `\n<h2>Steps</h2>\n<ol>\n${r.steps.map((s) => `<li>${esc(s)}</li>`).join("\n")}\n</ol>` : ""}
</div>`;
}

function formatFn(o: RecipeOptions): string {
  if (!o.fractions)
    return `function format(n) {\n  return String(Math.round(n * 100) / 100);\n}`;
  return `function format(n) {
  const whole = Math.floor(n + 0.01);
  const rest = n - whole;
  const parts = [[0.125, "1/8"], [0.25, "1/4"], [0.333, "1/3"], [0.5, "1/2"], [0.667, "2/3"], [0.75, "3/4"]];
  const near = parts.find((p) => Math.abs(rest - p[0]) < 0.03);
  if (rest < 0.03) return String(whole);
  if (!near) return String(Math.round(n * 100) / 100);
  return whole ? whole + " " + near[1] : near[1];
}`;
}

function rowTemplate(o: RecipeOptions): string {
  const amount = `'<span class="amount">' + format(it[0] * factor) + "</span> " + it[1]`;
  if (o.view === "table") {
    const box = o.checkboxes ? `'<td><input type="checkbox" aria-label="' + it[2] + '"></td>' + ` : "";
    return `${box}'<td class="amount">' + format(it[0] * factor) + "</td><td>" + it[1] + "</td><td>" + it[2] + "</td>"`;
  }
  const box = o.checkboxes ? `'<label><input type="checkbox"> ' + ` : "";
  return `${box}${amount} + " " + it[2]${o.checkboxes ? ` + "</label>"` : ""}`;
}

function renderCode(o: RecipeOptions, pad: string, self: string): string {
  const tag = o.view === "table" ? "tr" : "li";
  const list = `${self}list`;
  if (o.build === "template")
    return `${pad}${list}.innerHTML = ITEMS.map((it) => "<${tag}>" + ${rowTemplate(o)} + "</${tag}>").join("");`;
  const cells =
    o.view === "table"
      ? `${o.checkboxes ? `\n${pad}  const box = document.createElement("input");\n${pad}  box.type = "checkbox";\n${pad}  box.setAttribute("aria-label", it[2]);\n${pad}  row.insertCell().appendChild(box);` : ""}
${pad}  const amount = row.insertCell();
${pad}  amount.className = "amount";
${pad}  amount.textContent = format(it[0] * factor);
${pad}  row.insertCell().textContent = it[1];
${pad}  row.insertCell().textContent = it[2];`
      : `${o.checkboxes ? `\n${pad}  const box = document.createElement("input");\n${pad}  box.type = "checkbox";\n${pad}  row.appendChild(box);` : ""}
${pad}  const amount = document.createElement("span");
${pad}  amount.className = "amount";
${pad}  amount.textContent = format(it[0] * factor);
${pad}  row.append(${o.checkboxes ? `" ", ` : ""}amount, " " + (it[1] ? it[1] + " " : "") + it[2]);`;
  return `${pad}${list}.innerHTML = "";
${pad}for (const it of ITEMS) {
${pad}  const row = document.createElement("${tag}");${cells}
${pad}  ${list}.appendChild(row);
${pad}}`;
}

function checkCode(o: RecipeOptions, pad: string, list: string): string {
  if (!o.checkboxes) return "";
  return `\n${pad}${list}.addEventListener("change", (e) => {\n${pad}  e.target.closest("${o.view === "table" ? "tr" : "li"}").classList.toggle("done", e.target.checked);\n${pad}});`;
}

function controlCode(o: RecipeOptions, set: string, get: string, pad: string): string {
  if (o.ui === "multiplier")
    return `${pad}document.getElementById("scale").addEventListener("click", (e) => {
${pad}  if (!e.target.dataset.x) return;
${pad}  document.querySelectorAll("#scale button").forEach((b) => b.classList.toggle("on", b === e.target));
${pad}  ${set}(BASE * Number(e.target.dataset.x));
${pad}});${o.reset ? `\n${pad}document.getElementById("reset").addEventListener("click", () => {\n${pad}  document.querySelectorAll("#scale button").forEach((b) => b.classList.toggle("on", b.dataset.x === "1"));\n${pad}  ${set}(BASE);\n${pad}});` : ""}`;
  const reset = o.reset ? `\n${pad}document.getElementById("reset").addEventListener("click", () => ${set}(BASE));` : "";
  if (o.ui === "stepper")
    return `${pad}document.getElementById("less").addEventListener("click", () => ${set}(${get} - 1));\n${pad}document.getElementById("more").addEventListener("click", () => ${set}(${get} + 1));${reset}`;
  return `${pad}document.getElementById("servings").addEventListener("input", (e) => ${set}(Number(e.target.value)));${reset}`;
}

function showServings(o: RecipeOptions, v: string, pad: string): string {
  if (o.ui === "multiplier" || o.ui === "stepper") return `\n${pad}document.getElementById("servings").textContent = ${v};`;
  if (o.ui === "slider") return `\n${pad}document.getElementById("count").textContent = ${v};\n${pad}document.getElementById("servings").value = ${v};`;
  return o.reset ? `\n${pad}document.getElementById("servings").value = ${v};` : "";
}

function script(o: RecipeOptions): string {
  const r = o.recipe;
  const items = `const ITEMS = [\n${r.items.map(([a, u, n]) => `  [${a}, ${jsStr(u)}, ${jsStr(n)}],`).join("\n")}\n];`;
  const min = o.ui === "multiplier" ? "" : "Math.max(1, ";
  const close = o.ui === "multiplier" ? "" : ")";
  if (o.style === "class") {
    return `const BASE = ${r.servings};
${items}
${formatFn(o)}
class Scaler {
  constructor() {
    this.list = document.getElementById("ingredients");
    this.servings = BASE;
${controlCode(o, "this.set", "this.servings", "    ")}${checkCode(o, "    ", "this.list")}
    this.render();
  }
  set(n) {
    if (!(n > 0)) return;
    this.servings = ${min}n${close};${showServings(o, "this.servings", "    ")}
    this.render();
  }
  render() {
    const factor = this.servings / BASE;
${renderCode(o, "    ", "this.")}
  }
}
new Scaler();`;
  }
  return `const BASE = ${r.servings};
${items}
const list = document.getElementById("ingredients");
let servings = BASE;
${formatFn(o)}
function render() {
  const factor = servings / BASE;
${renderCode(o, "  ", "")}
}
function setServings(n) {
  if (!(n > 0)) return;
  servings = ${min}n${close};${showServings(o, "servings", "  ")}
  render();
}
${controlCode(o, "setServings", "servings", "")}${checkCode(o, "", "list")}
render();`;
}

function render(o: RecipeOptions): string {
  return page({ title: `${o.recipe.name} Scaler`, theme: o.theme, css: css(o), body: body(o), script: script(o) });
}

function fits(o: RecipeOptions): boolean {
  return render(o).length <= 4000;
}

function draw(rng: Rng): RecipeOptions {
  const base = rng.pick(RECIPES);
  const keep = rng.int(Math.min(4, base.items.length), base.items.length);
  const items = base.items.filter((_, i) => i < 2 || rng.chance(keep / base.items.length));
  return {
    theme: randomTheme(rng),
    recipe: { ...base, items },
    ui: rng.pick(["input", "stepper", "slider", "multiplier"] as const),
    fractions: rng.chance(0.4),
    checkboxes: rng.chance(0.35),
    steps: rng.chance(0.4),
    reset: rng.chance(0.35),
    view: rng.pick(["list", "list", "table"] as const),
    build: rng.pick(["template", "elements"] as const),
    style: rng.pick(["functions", "class"] as const),
    layout: rng.pick(["card", "plain"] as const),
  };
}

/** Parse "1 1/2", "3/4" or "2.5". */
function parseAmount(t: string): number {
  const m = t.trim().match(/^(\d+(?:\.\d+)?)?(?:\s*(\d+)\/(\d+))?$/);
  if (!m || (!m[1] && !m[2])) return NaN;
  return (m[1] ? Number(m[1]) : 0) + (m[2] ? Number(m[2]) / Number(m[3]) : 0);
}

export const recipe = defineFamily<RecipeOptions>({
  name: "recipe",
  options(rng) {
    const o = draw(rng);
    const optional = rng.shuffle(["steps", "checkboxes", "reset", "fractions"] as const);
    while (!fits(o)) o[optional.find((k) => o[k])!] = false;
    return o;
  },
  render,
  features(o) {
    return [
      `servings:${o.ui}`,
      ...(o.fractions ? ["fractions"] : []),
      ...(o.checkboxes ? ["checkboxes"] : []),
      ...(o.steps ? ["steps"] : []),
      ...(o.reset ? ["reset"] : []),
      ...(o.view === "table" ? ["table"] : []),
    ];
  },
  request(o, rng) {
    const dish = o.recipe.name.toLowerCase();
    const subject = rng.pick([
      "a recipe scaler that changes ingredient amounts by servings",
      `a recipe scaler for ${dish}`,
      "a recipe serving size calculator",
      `a ${dish} recipe where I can change the number of servings`,
      "an ingredient scaler for a recipe",
    ]);
    const f: string[] = [];
    if (o.ui === "stepper") f.push(rng.pick(["plus and minus buttons for servings", "a servings stepper"]));
    if (o.ui === "slider") f.push(rng.pick(["a servings slider", "a slider for the number of servings"]));
    if (o.ui === "multiplier") f.push(rng.pick(["half, 1x, 2x and 3x buttons", "buttons to halve, double or triple it"]));
    if (o.ui === "input") f.push(rng.pick(["a servings input", "a field for the number of servings"]));
    if (o.fractions) f.push(rng.pick(["amounts shown as fractions", "fractions like 1/2 and 3/4"]));
    if (o.checkboxes) f.push(rng.pick(["checkboxes to tick off ingredients", "a way to check off ingredients"]));
    if (o.steps) f.push(rng.pick(["the cooking steps", "the instructions below the ingredients"]));
    if (o.reset) f.push(rng.pick(["a reset button", "a button to go back to the original servings"]));
    if (o.view === "table") f.push(rng.pick(["the ingredients in a table", "an ingredient table"]));
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-fractions", requests: ["show amounts as fractions", "use fractions like 1/2 instead of decimals"], appliesTo: (o) => !o.fractions && fits({ ...o, fractions: true }), apply: (o) => ({ ...o, fractions: true }) },
    { id: "add-checkboxes", requests: ["let me check off ingredients", "add checkboxes next to the ingredients"], appliesTo: (o) => !o.checkboxes && fits({ ...o, checkboxes: true }), apply: (o) => ({ ...o, checkboxes: true }) },
    { id: "add-steps", requests: ["add the cooking steps", "show the instructions too"], appliesTo: (o) => !o.steps && fits({ ...o, steps: true }), apply: (o) => ({ ...o, steps: true }) },
    { id: "add-reset", requests: ["add a reset button", "let me go back to the original servings"], appliesTo: (o) => !o.reset && fits({ ...o, reset: true }), apply: (o) => ({ ...o, reset: true }) },
  ],
  async check(app, o) {
    const r = o.recipe;
    const texts = await app.frame.locator("#ingredients .amount").allTextContents();
    r.items.forEach(([a, , name], i) => {
      if (!(Math.abs(parseAmount(texts[i] ?? "") - a) <= (o.fractions ? Math.max(0.05, a * 0.02) : 0.006))) throw new Error(`${name} shows "${texts[i]}", expected ${a}`);
    });
    await drive(app, { checkboxes: o.checkboxes, reset: o.reset, steps: o.steps, table: o.view === "table" });
  },
  async requestCheck(app, request) {
    await drive(app, {
      checkboxes: /check/i.test(request),
      reset: /reset|original servings/i.test(request),
      steps: /steps|instructions/i.test(request),
      table: /table/i.test(request),
    });
  },
});

type Wants = Record<"checkboxes" | "reset" | "steps" | "table", boolean>;

const VULGAR: Record<string, string> = { "\u00bd": "1/2", "\u00bc": "1/4", "\u00be": "3/4", "\u2153": "1/3", "\u2154": "2/3", "\u215b": "1/8" };

/** Every amount on the page, fractions included ("1 1/2", "3/4", "\u00bd", "2.5"). */
async function amounts(frame: Frame): Promise<number[]> {
  const text = (await visibleText(frame)).replace(/[\u00bd\u00bc\u00be\u2153\u2154\u215b]/g, (c) => ` ${VULGAR[c]}`);
  return (text.match(/\d+ +\d+\/\d+|\d+\/\d+|\d+(?:\.\d+)?/g) ?? []).map(parseAmount);
}

/** Wait until the amounts change from `before`, every changed one by the same factor (and at least two change). */
async function scaled(frame: Frame, before: number[], what: string): Promise<void> {
  let after: number[] = [];
  await eventually(async () => {
    after = await amounts(frame);
    if (after.length !== before.length) return undefined;
    const ratios = before.map((b, i) => after[i] / b).filter((r, i) => before[i] && Math.abs(after[i] - before[i]) > 1e-9);
    return (ratios.length >= 2 && ratios.every((r) => Math.abs(r - ratios[0]) <= ratios[0] * 0.08)) || undefined;
  }, "").catch(() => {
    throw new Error(`${what} does not scale the amounts (${before.join(" ")} -> ${after.join(" ")})`);
  });
}

/** Change the servings like a user (a 2x button, the servings field, or its plus button); all amounts must scale alike. */
async function drive({ frame }: AppUnderTest, want: Wants): Promise<void> {
  const original = await amounts(frame);
  const double = button(frame, /^(2 ?x|x ?2|\u00d7 ?2|double)$/i);
  const servings = labelled(frame, /serving/i);
  if (await exists(double)) await double.click();
  else if (await exists(servings)) await setField(servings, String(2 * Number(await servings.inputValue())));
  else await button(frame, /more|increase|^\+$/i).click();
  await scaled(frame, original, "changing the servings");
  if (want.checkboxes) {
    const before = await looks(frame);
    await frame.getByRole("checkbox").first().check();
    await eventually(async () => ((await looks(frame)) !== before) || undefined, "ticking an ingredient does not mark it");
  }
  if (want.steps && !/steps|instructions|method|directions/i.test(await visibleText(frame))) throw new Error("no cooking steps are shown");
  if (want.table && !(await exists(frame.locator("table tr:visible")))) throw new Error("the ingredients are not in a table");
  if (want.reset) {
    await button(frame, /reset|original/i).click();
    await eventually(async () => ((await amounts(frame)).join() === original.join()) || undefined, "reset does not bring back the original amounts");
  }
}
