// A BMI calculator: weight and height (metric, imperial, or a unit switch; number
// inputs or sliders) give the BMI; optionally its category, a colour gauge and the
// healthy weight range. Live updates or a Calculate button.
import { esc, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import type { Rng } from "../rng.ts";
import { randomTheme, type Theme } from "../theme.ts";
import { button, exists, expectNumbers, labelled, looks, pickOption, setField, visibleText } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

interface BmiOptions {
  theme: Theme;
  title: string;
  units: "metric" | "imperial" | "switch";
  sliders: boolean;
  category: boolean;
  names: [string, string, string, string];
  colors: boolean;
  gauge: boolean;
  range: boolean;
  live: boolean;
  layout: "card" | "split" | "plain";
  style: "functions" | "class" | "object";
}

const NAMES: [string, string, string, string][] = [
  ["Underweight", "Normal", "Overweight", "Obese"],
  ["Underweight", "Healthy weight", "Overweight", "Obesity"],
  ["Underweight", "Normal weight", "Overweight", "Obese"],
];
const COLORS = ["#3b82f6", "#16a34a", "#f59e0b", "#dc2626"];

function css(o: BmiOptions): string {
  const shell =
    o.layout === "card"
      ? `.app{max-width:400px;margin:40px auto;padding:24px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius)}`
      : o.layout === "split"
        ? `.app{max-width:720px;margin:40px auto;padding:0 20px;display:grid;grid-template-columns:1fr 1fr;gap:24px;align-items:start}\n.app h1{grid-column:1/-1}\n.result{margin-top:0}`
        : `.app{max-width:440px;margin:0 auto;padding:24px}`;
  return `${shell}
h1{margin:0 0 16px;font-size:24px}
label{display:block;margin:12px 0 6px;color:var(--muted);font-size:14px}
input,select{width:100%;padding:10px;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text);font:inherit}${o.sliders ? `\ninput[type=range]{padding:0;accent-color:var(--accent)}` : ""}${o.units !== "metric" ? `\n.row{display:flex;gap:8px}` : ""}${o.live ? "" : `\nbutton{margin-top:16px;width:100%;padding:12px;border:0;border-radius:var(--radius);background:var(--accent);color:var(--accent-text)}`}
.result{margin-top:20px;padding:20px;text-align:center;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius)}
#bmi{font-size:48px;font-weight:bold}${o.category ? `\n#category{font-size:18px;margin-top:4px}` : ""}${o.gauge ? `\n.gauge{position:relative;height:12px;margin:16px 0 4px;border-radius:6px;background:linear-gradient(90deg,${COLORS[0]} 0 14%,${COLORS[1]} 14% 40%,${COLORS[2]} 40% 60%,${COLORS[3]} 60%)}\n#marker{position:absolute;top:-4px;width:4px;height:20px;background:var(--text);left:0;transition:left .3s}` : ""}${o.range ? `\n#range{color:var(--muted);font-size:14px;margin-top:8px}` : ""}`;
}

function metricInputs(o: BmiOptions): string {
  if (o.sliders)
    return `<label for="kg">Weight: <span id="kg-val">70</span> kg</label>\n<input id="kg" type="range" min="30" max="200" value="70">\n<label for="cm">Height: <span id="cm-val">170</span> cm</label>\n<input id="cm" type="range" min="120" max="220" value="170">`;
  return `<label for="kg">Weight (kg)</label>\n<input id="kg" type="number" min="1" placeholder="70">\n<label for="cm">Height (cm)</label>\n<input id="cm" type="number" min="1" placeholder="175">`;
}

function imperialInputs(): string {
  return `<label for="lb">Weight (lb)</label>\n<input id="lb" type="number" min="1" placeholder="150">\n<label>Height</label>\n<div class="row"><input id="ft" type="number" min="0" placeholder="ft" aria-label="Feet"><input id="in" type="number" min="0" placeholder="in" aria-label="Inches"></div>`;
}

function body(o: BmiOptions): string {
  let inputs: string;
  if (o.units === "metric") inputs = metricInputs(o);
  else if (o.units === "imperial") inputs = imperialInputs();
  else
    inputs = `<label for="units">Units</label>\n<select id="units"><option value="metric">Metric (kg, cm)</option><option value="imperial">Imperial (lb, ft)</option></select>\n<div id="metric">\n${metricInputs(o)}\n</div>\n<div id="imperial" hidden>\n${imperialInputs()}\n</div>`;
  return `<div class="app">
<h1>${esc(o.title)}</h1>
<div class="form">
${inputs}${o.live ? "" : `\n<button id="calc">Calculate</button>`}
</div>
<div class="result">
<div>Your BMI</div>
<div id="bmi">--</div>${o.category ? `\n<div id="category"></div>` : ""}${o.gauge ? `\n<div class="gauge"><div id="marker"></div></div>` : ""}${o.range ? `\n<div id="range"></div>` : ""}
</div>
</div>`;
}

function readInputs(o: BmiOptions, pad: string): string {
  const metric = `${pad}kg = parseFloat(document.getElementById("kg").value);\n${pad}m = parseFloat(document.getElementById("cm").value) / 100;`;
  const imperial = `${pad}kg = parseFloat(document.getElementById("lb").value) * 0.453592;\n${pad}m = ((parseFloat(document.getElementById("ft").value) || 0) * 12 + (parseFloat(document.getElementById("in").value) || 0)) * 0.0254;`;
  const body =
    o.units === "metric" ? metric : o.units === "imperial" ? imperial : `${pad}if (document.getElementById("units").value === "metric") {\n${metric.replace(/^/gm, "  ")}\n${pad}} else {\n${imperial.replace(/^/gm, "  ")}\n${pad}}`;
  return `${pad}let kg, m;\n${body}`;
}

function categoryCode(o: BmiOptions, pad: string): string {
  const n = o.names;
  return `${pad}const i = bmi < 18.5 ? 0 : bmi < 25 ? 1 : bmi < 30 ? 2 : 3;${o.category ? `\n${pad}const cat = document.getElementById("category");\n${pad}cat.textContent = ${JSON.stringify(n).replace(/","/g, '", "')}[i];${o.colors ? `\n${pad}cat.style.color = ${JSON.stringify(COLORS).replace(/","/g, '", "')}[i];` : ""}` : ""}`;
}

function updateBody(o: BmiOptions, pad: string): string {
  const rangeText =
    o.units === "metric"
      ? `(18.5 * m * m).toFixed(1) + " - " + (24.9 * m * m).toFixed(1) + " kg"`
      : o.units === "imperial"
        ? `(18.5 * m * m / 0.453592).toFixed(1) + " - " + (24.9 * m * m / 0.453592).toFixed(1) + " lb"`
        : `range(m)`;
  const usesI = o.category || o.gauge;
  return `${readInputs(o, pad)}${o.sliders ? `\n${pad}document.getElementById("kg-val").textContent = document.getElementById("kg").value;\n${pad}document.getElementById("cm-val").textContent = document.getElementById("cm").value;` : ""}
${pad}if (!(kg > 0 && m > 0)) {
${pad}  document.getElementById("bmi").textContent = "--";
${pad}  return;
${pad}}
${pad}const bmi = kg / (m * m);
${pad}document.getElementById("bmi").textContent = bmi.toFixed(1);${usesI ? `\n${categoryCode(o, pad)}` : ""}${o.gauge ? `\n${pad}document.getElementById("marker").style.left = Math.min(100, Math.max(0, (bmi - 15) / 25 * 100)) + "%";` : ""}${o.range ? `\n${pad}document.getElementById("range").textContent = "Healthy weight: " + ${rangeText};` : ""}`;
}

function rangeFn(o: BmiOptions): string {
  if (!(o.range && o.units === "switch")) return "";
  return `function range(m) {
  const f = document.getElementById("units").value === "metric" ? 1 : 0.453592;
  const unit = f === 1 ? " kg" : " lb";
  return (18.5 * m * m / f).toFixed(1) + " - " + (24.9 * m * m / f).toFixed(1) + unit;
}
`;
}

function unitSwitch(o: BmiOptions, call: string): string {
  if (o.units !== "switch") return "";
  return `\ndocument.getElementById("units").addEventListener("change", (e) => {
  document.getElementById("metric").hidden = e.target.value !== "metric";
  document.getElementById("imperial").hidden = e.target.value === "metric";
  ${call};
});`;
}

function wire(o: BmiOptions, fn: string): string {
  return o.live
    ? `document.querySelectorAll("input").forEach((el) => el.addEventListener("input", ${fn}));`
    : `document.getElementById("calc").addEventListener("click", ${fn});`;
}

function script(o: BmiOptions): string {
  const init = o.sliders && o.live ? "update" : "";
  if (o.style === "class") {
    return `${rangeFn(o)}class BmiCalculator {
  constructor() {
    ${wire(o, "() => this.update()")}${unitSwitch(o, "this.update()").replace(/\n/g, "\n    ")}${init ? "\n    this.update();" : ""}
  }
  update() {
${updateBody(o, "    ")}
  }
}
new BmiCalculator();`;
  }
  if (o.style === "object") {
    return `${rangeFn(o)}const app = {
  update() {
${updateBody(o, "    ")}
  },
};
${wire(o, "() => app.update()")}${unitSwitch(o, "app.update()")}${init ? "\napp.update();" : ""}`;
  }
  return `${rangeFn(o)}function update() {
${updateBody(o, "  ")}
}
${wire(o, "update")}${unitSwitch(o, "update()")}${init ? "\nupdate();" : ""}`;
}

function render(o: BmiOptions): string {
  return page({ title: o.title, theme: o.theme, css: css(o), body: body(o), script: script(o) });
}

function fits(o: BmiOptions): boolean {
  return render(o).length <= 4000;
}

function draw(rng: Rng): BmiOptions {
  const units = rng.pick(["metric", "metric", "imperial", "switch"] as const);
  const category = rng.chance(0.7);
  return {
    theme: randomTheme(rng),
    title: rng.pick(["BMI Calculator", "Body Mass Index", "BMI Check", "Calculate Your BMI", "BMI"]),
    units,
    sliders: units === "metric" && rng.chance(0.3),
    category,
    names: rng.pick(NAMES),
    colors: category && rng.chance(0.5),
    gauge: rng.chance(0.3),
    range: rng.chance(0.3),
    live: rng.chance(0.6),
    layout: rng.pick(["card", "split", "plain"] as const),
    style: rng.pick(["functions", "class", "object"] as const),
  };
}

export const bmi = defineFamily<BmiOptions>({
  name: "bmi",
  options(rng) {
    for (;;) {
      const o = draw(rng);
      if (fits(o) && render(o).length >= 1500) return o;
    }
  },
  render,
  features(o) {
    return [
      `units:${o.units}`,
      ...(o.sliders ? ["sliders"] : []),
      ...(o.category ? ["category"] : []),
      ...(o.colors ? ["colors"] : []),
      ...(o.gauge ? ["gauge"] : []),
      ...(o.range ? ["healthy-range"] : []),
      ...(o.live ? [] : ["calculate-button"]),
    ];
  },
  request(o, rng) {
    const subject = rng.pick(["a BMI calculator", "a body mass index calculator", "a BMI checker", "a simple BMI calculator"]);
    const f: string[] = [];
    if (o.units === "metric") f.push(rng.pick(["kg and cm", "metric units"]));
    if (o.units === "imperial") f.push(rng.pick(["pounds, feet and inches", "imperial units"]));
    if (o.units === "switch") f.push(rng.pick(["a metric/imperial switch", "both metric and imperial units"]));
    if (o.sliders) f.push(rng.pick(["sliders for weight and height", "range sliders"]));
    if (o.category) f.push(rng.pick(["the weight category", "a label like underweight, normal or overweight"]));
    if (o.colors) f.push(rng.pick(["a colour for each category", "color coded categories"]));
    if (o.gauge) f.push(rng.pick(["a colour scale with a marker", "a visual BMI gauge"]));
    if (o.range) f.push(rng.pick(["the healthy weight range for my height", "a healthy weight range"]));
    if (!o.live) f.push(rng.pick(["a calculate button", "a button to calculate"]));
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    const shown = rng.chance(0.25) ? f.filter((x) => /units|kg|pounds|switch/.test(x)) : f;
    return phrase(rng, subject, o.units === "metric" && shown.length === 1 && rng.chance(0.5) ? [] : shown);
  },
  edits: [
    { id: "add-category", requests: ["show the weight category too", "tell me if it is normal or overweight"], appliesTo: (o) => !o.category && fits({ ...o, category: true }), apply: (o) => ({ ...o, category: true }) },
    { id: "add-gauge", requests: ["add a colour scale that shows where I am", "add a visual gauge"], appliesTo: (o) => !o.gauge && fits({ ...o, gauge: true }), apply: (o) => ({ ...o, gauge: true }) },
    { id: "add-range", requests: ["show the healthy weight range for my height", "add the healthy weight range"], appliesTo: (o) => !o.range && fits({ ...o, range: true }), apply: (o) => ({ ...o, range: true }) },
    { id: "imperial", requests: ["add imperial units too", "let me switch between metric and imperial"], appliesTo: (o) => o.units === "metric" && fits({ ...o, units: "switch", sliders: false }), apply: (o) => ({ ...o, units: "switch", sliders: false }) },
    { id: "live", requests: ["update the result as I type", "calculate it live without the button"], appliesTo: (o) => !o.live && fits({ ...o, live: true }), apply: (o) => ({ ...o, live: true }) },
  ],
  async check(app, o) {
    await drive(app, { units: o.units, category: o.category, range: o.range, looks: o.colors || o.gauge });
  },
  async requestCheck(app, request) {
    await drive(app, {
      units: /switch|both/i.test(request) ? "switch" : /imperial|pound|feet/i.test(request) ? "imperial" : /metric|kg/i.test(request) ? "metric" : undefined,
      category: /categor|underweight/i.test(request),
      range: /healthy weight range|healthy range/i.test(request),
      looks: /colou?r|gauge/i.test(request),
    });
  },
});

interface Wants {
  /** Which units to use; undefined: whichever the app has. */
  units?: "metric" | "imperial" | "switch";
  category: boolean;
  range: boolean;
  /** A colour or a gauge marker changes with the BMI. */
  looks: boolean;
}

const CATEGORY = [/under/i, /normal|healthy/i, /over/i, /obes/i];

/** Enter weights and heights like a user; the BMI (and category, range) must show. */
async function drive({ frame }: AppUnderTest, want: Wants): Promise<void> {
  const calc = button(frame, /calculate|compute/i);
  const enter = async (values: [RegExp, string][], bmi: number, category: number) => {
    for (const [label, v] of values) await setField(labelled(frame, label), v);
    if (await exists(calc)) await calc.click();
    await expectNumbers(frame, `${values.map(([, v]) => v).join(", ")} gives a BMI of ${bmi}`, [bmi], 0.06);
    if (want.category && !CATEGORY[category].test(await visibleText(frame))) throw new Error(`a BMI of ${bmi} shows no category like ${CATEGORY[category].source}`);
  };
  const metric = (kg: string, cm: string, bmi: number, category: number) => enter([[/weight|kg/i, kg], [/height|cm/i, cm]], bmi, category);
  const imperial = async () => {
    await enter([[/weight|lb|pound/i, "154"], [/feet|ft/i, "5"], [/inch/i, "9"]], 22.7, 1);
    if (want.range) await expectNumbers(frame, "the healthy range for 5 ft 9", [125.3, 168.6], 0.6);
  };
  const units = want.units ?? ((await exists(labelled(frame, /kg|kilo/i))) ? "metric" : "imperial");
  if (units === "imperial") return imperial();
  await metric("70", "175", 22.9, 1);
  if (want.range) await expectNumbers(frame, "the healthy range for 175 cm", [56.7, 76.3], 0.6);
  const normal = await looks(frame);
  await metric("100", "170", 34.6, 3);
  if (want.looks && (await looks(frame)) === normal) throw new Error("nothing but the text changes between a normal and an obese BMI");
  await metric("50", "180", 15.4, 0);
  if (units === "switch") {
    await pickOption(labelled(frame, /unit/i), /imperial|lb/i);
    await imperial();
  }
}
