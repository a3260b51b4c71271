// A unit converter over one or more categories (length, weight, temperature, volume,
// speed): from/to selects with a result, two linked fields, or a list of every unit;
// categories as tabs or a select; optionally a swap button; live or a Convert button.
import { esc, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import type { Rng } from "../rng.ts";
import { randomTheme, type Theme } from "../theme.ts";
import type { Frame, Locator } from "playwright-core";
import { button, eventually, exists, numbers, textChanges, visibleText } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

type Cat = "length" | "weight" | "temperature" | "volume" | "speed";
type Unit = [key: string, name: string, factor: number];

interface ConverterOptions {
  theme: Theme;
  title: string;
  cats: Cat[];
  units: Record<string, Unit[]>;
  design: "fromto" | "twoway" | "list";
  picker: "tabs" | "select";
  swap: boolean;
  live: boolean;
  decimals: number;
  layout: "card" | "plain";
  style: "functions" | "class";
}

const UNITS: Record<Cat, Unit[]> = {
  length: [["m", "Meters", 1], ["km", "Kilometers", 1000], ["cm", "Centimeters", 0.01], ["mm", "Millimeters", 0.001], ["mi", "Miles", 1609.344], ["yd", "Yards", 0.9144], ["ft", "Feet", 0.3048], ["in", "Inches", 0.0254]],
  weight: [["kg", "Kilograms", 1], ["g", "Grams", 0.001], ["lb", "Pounds", 0.45359237], ["oz", "Ounces", 0.028349523125], ["t", "Tonnes", 1000]],
  temperature: [["C", "Celsius", 0], ["F", "Fahrenheit", 0], ["K", "Kelvin", 0]],
  volume: [["l", "Liters", 1], ["ml", "Milliliters", 0.001], ["gal", "US gallons", 3.785411784], ["cup", "Cups", 0.2365882365], ["floz", "Fluid ounces", 0.0295735296]],
  speed: [["ms", "Meters per second", 1], ["kmh", "Km per hour", 1 / 3.6], ["mph", "Miles per hour", 0.44704], ["kn", "Knots", 0.5144444444]],
};

const CAT_NAMES: Record<Cat, string> = { length: "Length", weight: "Weight", temperature: "Temperature", volume: "Volume", speed: "Speed" };

function tempF(v: number, from: string, to: string): number {
  const c = from === "F" ? ((v - 32) * 5) / 9 : from === "K" ? v - 273.15 : v;
  return to === "F" ? (c * 9) / 5 + 32 : to === "K" ? c + 273.15 : c;
}

function css(o: ConverterOptions): string {
  const shell =
    o.layout === "card"
      ? `.app{max-width:460px;margin:40px auto;padding:24px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius)}`
      : `.app{max-width:520px;margin:0 auto;padding:24px}`;
  return `${shell}
h1{margin:0 0 16px;font-size:24px}
input,select{width:100%;padding:10px;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text);font:inherit}
.row{display:flex;gap:8px;align-items:center;margin-bottom:10px}
button{padding:10px 14px;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text)}${o.cats.length > 1 && o.picker === "tabs" ? `\n.tabs{display:flex;gap:6px;margin-bottom:16px;flex-wrap:wrap}\n.tabs button.on{background:var(--accent);color:var(--accent-text);border-color:var(--accent)}` : ""}${o.cats.length > 1 && o.picker === "select" ? `\n#cat{margin-bottom:16px}` : ""}${o.live ? "" : `\n.primary{background:var(--accent);color:var(--accent-text);border-color:var(--accent);width:100%}`}${o.design === "list" ? `\n#results{list-style:none;padding:0;margin:16px 0 0}\n#results li{display:flex;justify-content:space-between;padding:8px 0;border-bottom:1px solid var(--border)}` : `\n.result{margin-top:16px;font-size:28px;font-weight:bold;color:var(--accent)}`}`;
}

function body(o: ConverterOptions): string {
  const multi = o.cats.length > 1;
  const picker = !multi
    ? ""
    : o.picker === "tabs"
      ? `\n<div class="tabs" id="cats">${o.cats.map((c, i) => `<button data-cat="${c}"${i === 0 ? ` class="on"` : ""}>${CAT_NAMES[c]}</button>`).join("")}</div>`
      : `\n<select id="cat" aria-label="Category">${o.cats.map((c) => `<option value="${c}">${CAT_NAMES[c]}</option>`).join("")}</select>`;
  const button = o.live ? "" : `\n<button id="convert" class="primary">Convert</button>`;
  let main: string;
  if (o.design === "twoway")
    main = `<div class="row"><input id="a" type="number" value="1" aria-label="Value A"><select id="ua" aria-label="Unit A"></select></div>\n<div class="row"><input id="b" type="number" aria-label="Value B"><select id="ub" aria-label="Unit B"></select></div>`;
  else if (o.design === "list")
    main = `<div class="row"><input id="value" type="number" value="1" aria-label="Value"><select id="from" aria-label="From unit"></select></div>${button}\n<ul id="results"></ul>`;
  else
    main = `<div class="row"><input id="value" type="number" value="1" aria-label="Value"></div>\n<div class="row"><select id="from" aria-label="From unit"></select>${o.swap ? `<button id="swap" aria-label="Swap units">&#8646;</button>` : `<span>to</span>`}<select id="to" aria-label="To unit"></select></div>${button}\n<div class="result"><span id="result">-</span> <span id="unit"></span></div>`;
  return `<div class="app">
<h1>${esc(o.title)}</h1>${picker}
${main}
</div>`;
}

function data(o: ConverterOptions): string {
  const rows = o.cats.map((c) => `  ${c}: [${o.units[c].map(([k, n, f]) => `["${k}", "${n}", ${c === "temperature" ? 0 : f}]`).join(", ")}],`);
  return `const UNITS = {\n${rows.join("\n")}\n};`;
}

function convertFn(o: ConverterOptions): string {
  const temp = o.cats.includes("temperature");
  const round = `Math.round(x * 1e${o.decimals}) / 1e${o.decimals}`;
  return `function factor(cat, key) {
  return UNITS[cat].find((u) => u[0] === key)[2];
}${temp ? `\nfunction temperature(v, from, to) {
  const c = from === "F" ? (v - 32) * 5 / 9 : from === "K" ? v - 273.15 : v;
  return to === "F" ? c * 9 / 5 + 32 : to === "K" ? c + 273.15 : c;
}` : ""}
function convert(v, cat, from, to) {
  const x = ${temp ? `cat === "temperature" ? temperature(v, from, to) : ` : ""}v * factor(cat, from) / factor(cat, to);
  return ${round};
}`;
}

function fillFn(o: ConverterOptions): string {
  const selects = o.design === "twoway" ? ["ua", "ub"] : o.design === "list" ? ["from"] : ["from", "to"];
  return `function fill(cat) {
  const html = UNITS[cat].map((u) => '<option value="' + u[0] + '">' + u[1] + "</option>").join("");
  for (const id of ${JSON.stringify(selects).replace(/","/g, '", "')}) document.getElementById(id).innerHTML = html;${selects.length === 2 ? `\n  document.getElementById("${selects[1]}").selectedIndex = 1;` : ""}
}`;
}

function updateBody(o: ConverterOptions, cat: string, pad: string): string {
  const v = (id: string) => `parseFloat(document.getElementById("${id}").value)`;
  const val = (id: string) => `document.getElementById("${id}").value`;
  if (o.design === "twoway")
    return `${pad}const fromB = source === "b";
${pad}const v = parseFloat(document.getElementById(fromB ? "b" : "a").value);
${pad}const out = document.getElementById(fromB ? "a" : "b");
${pad}if (isNaN(v)) {
${pad}  out.value = "";
${pad}  return;
${pad}}
${pad}const ua = ${val("ua")};
${pad}const ub = ${val("ub")};
${pad}out.value = fromB ? convert(v, ${cat}, ub, ua) : convert(v, ${cat}, ua, ub);`;
  if (o.design === "list")
    return `${pad}const v = ${v("value")};
${pad}const from = ${val("from")};
${pad}document.getElementById("results").innerHTML = UNITS[${cat}].map((u) =>
${pad}  "<li><span>" + u[1] + '</span><strong data-unit="' + u[0] + '">' + (isNaN(v) ? "-" : convert(v, ${cat}, from, u[0])) + "</strong></li>"
${pad}).join("");`;
  return `${pad}const v = ${v("value")};
${pad}const to = document.getElementById("to");
${pad}document.getElementById("result").textContent = isNaN(v) ? "-" : convert(v, ${cat}, ${val("from")}, to.value);
${pad}document.getElementById("unit").textContent = to.options[to.selectedIndex].text;`;
}

function script(o: ConverterOptions): string {
  const multi = o.cats.length > 1;
  const twoway = o.design === "twoway";
  const cls = o.style === "class";
  const self = cls ? "this." : "";
  const catExpr = multi ? `${self}cat` : JSON.stringify(o.cats[0]);
  const update = cls ? "this.update()" : "update()";
  const pad = cls ? "    " : "  ";
  const wires: string[] = [];
  if (multi && o.picker === "tabs")
    wires.push(`document.getElementById("cats").addEventListener("click", (e) => {
  if (!e.target.dataset.cat) return;
  document.querySelectorAll("#cats button").forEach((b) => b.classList.toggle("on", b === e.target));
  ${cls ? "this.setCat" : "setCat"}(e.target.dataset.cat);
});`);
  if (multi && o.picker === "select") wires.push(`document.getElementById("cat").addEventListener("change", (e) => ${cls ? "this.setCat" : "setCat"}(e.target.value));`);
  if (twoway) {
    wires.push(`document.getElementById("a").addEventListener("input", () => ${cls ? `this.update("a")` : `update("a")`});`);
    wires.push(`document.getElementById("b").addEventListener("input", () => ${cls ? `this.update("b")` : `update("b")`});`);
    wires.push(`for (const id of ["ua", "ub"]) document.getElementById(id).addEventListener("change", () => ${cls ? `this.update("a")` : `update("a")`});`);
  } else if (o.live) {
    wires.push(`document.querySelectorAll("input, select:not(#cat)").forEach((el) => el.addEventListener("input", () => ${update}));`);
  } else {
    wires.push(`document.getElementById("convert").addEventListener("click", () => ${update});`);
  }
  if (o.swap && o.design === "fromto")
    wires.push(`document.getElementById("swap").addEventListener("click", () => {
  const from = document.getElementById("from");
  const to = document.getElementById("to");
  [from.value, to.value] = [to.value, from.value];
  ${update};
});`);
  const arg = twoway ? "source" : "";
  if (cls) {
    return `${data(o)}
${convertFn(o)}
${fillFn(o)}
class Converter {
  constructor() {${multi ? `\n    this.cat = ${JSON.stringify(o.cats[0])};` : ""}
${wires.map((w) => w.replace(/^/gm, "    ")).join("\n")}
    fill(${JSON.stringify(o.cats[0])});
    this.update(${twoway ? `"a"` : ""});
  }${multi ? `\n  setCat(cat) {\n    this.cat = cat;\n    fill(cat);\n    this.update(${twoway ? `"a"` : ""});\n  }` : ""}
  update(${arg}) {
${updateBody(o, catExpr, pad)}
  }
}
new Converter();`;
  }
  return `${data(o)}${multi ? `\nlet cat = ${JSON.stringify(o.cats[0])};` : ""}
${convertFn(o)}
${fillFn(o)}
function update(${arg}) {
${updateBody(o, catExpr, pad)}
}${multi ? `\nfunction setCat(c) {\n  cat = c;\n  fill(c);\n  update(${twoway ? `"a"` : ""});\n}` : ""}
${wires.join("\n")}
fill(${JSON.stringify(o.cats[0])});
update(${twoway ? `"a"` : ""});`;
}

function render(o: ConverterOptions): string {
  return page({ title: o.title, theme: o.theme, css: css(o), body: body(o), script: script(o) });
}

function fits(o: ConverterOptions): boolean {
  return render(o).length <= 4000;
}

function draw(rng: Rng): ConverterOptions {
  const all: Cat[] = ["length", "weight", "temperature", "volume", "speed"];
  const n = rng.pick([1, 2, 3, 3, 3, 4]);
  const cats = n === 3 && rng.chance(0.5) ? (["length", "weight", "temperature"] as Cat[]) : rng.sample(all, n);
  const units: Record<string, Unit[]> = {};
  for (const c of cats) {
    const list = UNITS[c];
    units[c] = c === "temperature" ? list : [list[0], ...rng.sample(list.slice(1), rng.int(Math.min(3, list.length - 1), list.length - 1))];
  }
  const design = rng.pick(["fromto", "fromto", "twoway", "list"] as const);
  const title = cats.length === 1 ? rng.pick([`${CAT_NAMES[cats[0]]} Converter`, `${CAT_NAMES[cats[0]]} Conversion`]) : rng.pick(["Unit Converter", "Converter", "Convert Units", "Unit Conversion"]);
  return {
    theme: randomTheme(rng),
    title,
    cats,
    units,
    design,
    picker: rng.pick(["tabs", "select"] as const),
    swap: design === "fromto" && rng.chance(0.5),
    live: design === "twoway" || rng.chance(0.65),
    decimals: rng.pick([2, 3, 4]),
    layout: rng.pick(["card", "plain"] as const),
    style: rng.pick(["functions", "class"] as const),
  };
}

function listNames(cats: Cat[]): string {
  const names = cats.map((c) => c);
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export const converter = defineFamily<ConverterOptions>({
  name: "converter",
  options(rng) {
    for (;;) {
      const o = draw(rng);
      if (fits(o)) return o;
    }
  },
  render,
  features(o) {
    return [...o.cats, `design:${o.design}`, ...(o.swap ? ["swap"] : []), ...(o.live ? [] : ["convert-button"])];
  },
  request(o, rng) {
    const names = listNames(o.cats);
    const subject =
      o.cats.length === 1
        ? rng.pick([`a ${o.cats[0]} converter`, `a ${o.cats[0]} unit converter`, `a converter for ${o.cats[0]} units`])
        : rng.pick([`a unit converter for ${names}`, `a converter for ${names}`, `a unit converter (${names})`]);
    const f: string[] = [];
    if (o.design === "twoway") f.push(rng.pick(["two fields that convert both ways", "two linked inputs"]));
    if (o.design === "list") f.push(rng.pick(["the value shown in every unit at once", "a list of all conversions"]));
    if (o.cats.length > 1) f.push(o.picker === "tabs" ? rng.pick(["tabs for the categories", "a tab per category"]) : rng.pick(["a dropdown to pick the category", "a category select"]));
    if (o.swap) f.push(rng.pick(["a swap button", "a button to swap the units"]));
    if (!o.live) f.push(rng.pick(["a convert button", "a button to convert"]));
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-swap", requests: ["add a button to swap the units", "add a swap button"], appliesTo: (o) => o.design === "fromto" && !o.swap && fits({ ...o, swap: true }), apply: (o) => ({ ...o, swap: true }) },
    { id: "live", requests: ["convert as I type", "remove the convert button and update live"], appliesTo: (o) => !o.live && fits({ ...o, live: true }), apply: (o) => ({ ...o, live: true }) },
    { id: "add-temperature", requests: ["add temperature too", "also convert temperatures"], appliesTo: (o) => !o.cats.includes("temperature") && fits({ ...o, cats: [...o.cats, "temperature"], units: { ...o.units, temperature: UNITS.temperature } }), apply: (o) => ({ ...o, cats: [...o.cats, "temperature"], units: { ...o.units, temperature: UNITS.temperature } }) },
  ],
  async check(app, o) {
    await drive(app, { cats: o.cats, swap: o.swap && o.design === "fromto", twoway: o.design === "twoway" });
  },
  async requestCheck(app, request) {
    const cats = (Object.keys(UNITS) as Cat[]).filter((c) => new RegExp(c === "weight" ? "weight|mass" : c === "length" ? "length|distance" : c, "i").test(request));
    await drive(app, { cats, swap: /swap/i.test(request), twoway: /both ways|linked/i.test(request) });
  },
});

interface Wants {
  /** The categories to convert in; none: whatever the app shows. */
  cats: Cat[];
  swap: boolean;
  /** Two linked fields that convert both ways. */
  twoway: boolean;
}

/** The unit an option's label names ("Meters", "metres (m)", "km"), if it is one of `cat`'s. */
function unitOf(label: string, cat: Cat): Unit | undefined {
  const l = label.toLowerCase().replace(/metre/g, "meter").replace(/litre/g, "liter").replace(/\(.*\)|\u00b0/g, "").trim();
  return UNITS[cat].find(([key, name]) => [key.toLowerCase(), name.toLowerCase(), name.toLowerCase().replace(/s$/, "")].includes(l));
}

const near = (got: number, want: number) => Math.abs(got - want) <= Math.max(0.006, Math.abs(want) * 0.002);

/** Convert like a user in each wanted category: pick it, pick two units, type a value; the result must show. */
async function drive({ frame }: AppUnderTest, want: Wants): Promise<void> {
  for (const cat of want.cats.length ? want.cats : (Object.keys(UNITS) as Cat[])) {
    const name = new RegExp(`^${CAT_NAMES[cat]}$`, "i");
    const tab = button(frame, name);
    if (await exists(tab)) await tab.click();
    else {
      const picker = frame.getByRole("combobox").filter({ has: frame.getByRole("option", { name }) }).first();
      if (await exists(picker)) await picker.selectOption({ label: CAT_NAMES[cat] });
    }
    const selects: Locator[] = [];
    const labels: string[][] = [];
    for (const select of await frame.getByRole("combobox").filter({ visible: true }).all()) {
      const options = await select.locator("option").allTextContents();
      if (options.filter((t) => unitOf(t, cat)).length < 2) continue;
      selects.push(select);
      labels.push(options);
    }
    if (!selects.length) {
      if (want.cats.length) throw new Error(`no ${cat} units to pick`);
      continue;
    }
    await convert(frame, cat, selects, labels, want);
    if (!want.cats.length) return;
  }
}

/** One conversion between two units of `cat` with the unit selects found, checking the result. */
async function convert(frame: Frame, cat: Cat, selects: Locator[], labels: string[][], want: Wants): Promise<void> {
  const from = labels[0].find((t) => unitOf(t, cat) === UNITS[cat][0])!;
  const to = labels.at(-1)!.find((t) => unitOf(t, cat) && unitOf(t, cat) !== UNITS[cat][0] && (cat !== "temperature" || unitOf(t, cat)![0] === "F"))!;
  const [a, b] = [unitOf(from, cat)!, unitOf(to, cat)!];
  const v = cat === "temperature" ? 100 : 3;
  const result = cat === "temperature" ? tempF(v, a[0], b[0]) : (v * a[2]) / b[2];
  const fields = frame.locator("input[type=number]:visible, input[type=text]:visible, input:not([type]):visible");
  const calc = button(frame, /convert|calculate/i);
  const shownNumbers = (typed: number) =>
    frame.evaluate((typed) => {
      const fields = Array.from(document.querySelectorAll("input")).filter((e, i) => i !== typed && e.offsetParent);
      return document.body.innerText + " " + fields.map((e) => e.value).join(" ");
    }, typed).then(numbers);
  const expect = async (typed: number, value: number, what: string) => {
    if (await exists(calc)) await calc.click();
    let shown: number[] = [];
    await eventually(async () => ((shown = await shownNumbers(typed)).some((n) => near(n, value)) ? true : undefined), "").catch(() => {
      throw new Error(`${what}: expected ${value}, the app shows ${shown.join(" ")}`);
    });
  };
  await selects[0].selectOption({ label: from });
  if (selects.length > 1) await selects[selects.length - 1].selectOption({ label: to });
  await fields.first().fill(String(v));
  const typed = await fields.first().evaluate((e) => Array.from(document.querySelectorAll("input")).indexOf(e as HTMLInputElement));
  await expect(typed, result, `${v} ${a[1]} in ${b[1]}`);
  if (want.twoway) {
    await fields.nth(1).fill(String(result));
    const other = await fields.nth(1).evaluate((e) => Array.from(document.querySelectorAll("input")).indexOf(e as HTMLInputElement));
    await expect(other, v, `${result} ${b[1]} typed in the second field, in ${a[1]}`);
  }
  if (want.swap) {
    const before = await visibleText(frame);
    await button(frame, /swap|\u21c4|\u21c6|\u2194/i).click();
    const now = await selects[0].evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.text);
    if (now !== to) throw new Error(`after swap the first unit is ${now}, not ${to}`);
    if (await exists(calc)) await calc.click();
    await textChanges(frame, before, "swapping the units does not change the result");
  }
}
