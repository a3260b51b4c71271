// An editable bar chart of monthly sales, drawn on a canvas or built from divs.
import { esc, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import { button, exists, scene, sceneChanges, shownNumbers, visibleText } from "../tolerant.ts";
import { defineFamily } from "../types.ts";

interface ChartOptions {
  theme: Theme;
  title: string;
  months: string[];
  sales: number[];
  draw: "canvas" | "divs";
  orientation: "vertical" | "horizontal";
  edit: "inputs" | "form";
  listeners: "delegation" | "each";
  prefix: string;
  suffix: string;
  button: string;
  width: number;
  height: number;
  labels: boolean;
  summary: boolean;
  highlight: boolean;
  reset: boolean;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const HIGHLIGHT = "#f59e0b";

function css(o: ChartOptions): string {
  const chart =
    o.draw === "canvas"
      ? `canvas{display:block;max-width:100%;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius)}`
      : o.orientation === "vertical"
        ? `#chart{display:flex;align-items:flex-end;gap:6px;height:270px;padding:24px 8px 0;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius)}
.col{flex:1;text-align:center}
.bar{position:relative;background:var(--accent);border-radius:var(--radius) var(--radius) 0 0}${o.labels ? `\n.bar span{position:absolute;bottom:100%;left:0;right:0;font-size:12px}` : ""}
.col small{display:block;padding:4px 0;color:var(--muted)}`
        : `#chart{display:flex;flex-direction:column;gap:6px;padding:12px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius)}
.row{display:flex;align-items:center;gap:8px}
.row small{width:36px;color:var(--muted)}
.track{flex:1;padding-right:60px}
.bar{position:relative;height:22px;background:var(--accent);border-radius:0 var(--radius) var(--radius) 0}${o.labels ? `\n.bar span{position:absolute;left:100%;padding-left:6px;font-size:12px;line-height:22px;white-space:nowrap}` : ""}`;
  const edit =
    o.edit === "inputs"
      ? `#values{display:flex;flex-wrap:wrap;gap:8px;margin-top:14px}
#values label{display:flex;flex-direction:column;font-size:13px;color:var(--muted)}
#values input{width:70px}`
      : `form{display:flex;flex-wrap:wrap;gap:8px;margin-top:14px}`;
  return `main{max-width:${o.draw === "canvas" ? o.width + 40 : 720}px;margin:0 auto;padding:20px}
h1{font-size:22px;margin:0 0 14px}
${chart}${o.highlight && o.draw === "divs" ? `\n.bar.max{background:${HIGHLIGHT}}` : ""}
${edit}
input,select,button{padding:7px 10px;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text)}
button{background:var(--accent);color:var(--accent-text);border:0}${o.summary ? `\n#summary{color:var(--muted)}` : ""}`;
}

function body(o: ChartOptions): string {
  const chart = o.draw === "canvas" ? `<canvas id="chart" width="${o.width}" height="${o.height}"></canvas>` : `<div id="chart"></div>`;
  const edit =
    o.edit === "inputs"
      ? `<div id="values"></div>`
      : `<form id="edit">
<select id="month" aria-label="Month">${o.months.map((m) => `<option>${m}</option>`).join("")}</select>
<input id="value" type="number" min="0" aria-label="Sales" required>
<button type="submit">${o.button}</button>
</form>`;
  return `<main>
<h1>${esc(o.title)}</h1>
${chart}
${edit}${o.summary ? `\n<p id="summary"></p>` : ""}${o.reset ? `\n<button id="reset" type="button">Reset data</button>` : ""}
</main>`;
}

function drawCanvas(o: ChartOptions): string {
  return `const canvas = document.getElementById("chart");
const ctx = canvas.getContext("2d");
const vars = getComputedStyle(document.documentElement);
const barColor = vars.getPropertyValue("--accent").trim();
const textColor = vars.getPropertyValue("--muted").trim();
function draw() {
  const max = Math.max(...sales, 1);
  const slot = (canvas.width - 40) / sales.length;
  const bottom = canvas.height - 28;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.font = "12px sans-serif";
  ctx.textAlign = "center";
  ctx.fillStyle = textColor;
  ctx.fillRect(30, bottom, canvas.width - 40, 1);
  sales.forEach(function (v, i) {
    const h = v / max * (bottom - 24);
    const x = 30 + i * slot + slot * 0.2;
    ctx.fillStyle = ${o.highlight ? `v === max ? "${HIGHLIGHT}" : barColor` : "barColor"};
    ctx.fillRect(x, bottom - h, slot * 0.6, h);
    ctx.fillStyle = textColor;
    ctx.fillText(months[i], x + slot * 0.3, bottom + 18);${o.labels ? `\n    ctx.fillText(fmt(v), x + slot * 0.3, bottom - h - 6);` : ""}
  });${o.summary ? "\n  summary();" : ""}
}`;
}

function drawDivs(o: ChartOptions): string {
  const hl = o.highlight ? `' + (v === max ? " max" : "") + '` : "";
  const label = o.labels ? `<span>' + fmt(v) + '</span>` : "";
  const bar =
    o.orientation === "vertical"
      ? `'<div class="col"><div class="bar${hl}" style="height:' + Math.round(v / max * 220) + 'px">${label}</div><small>' + months[i] + "</small></div>"`
      : `'<div class="row"><small>' + months[i] + '</small><div class="track"><div class="bar${hl}" style="width:' + (v / max * 100) + '%">${label}</div></div></div>'`;
  return `const chart = document.getElementById("chart");
function draw() {
  const max = Math.max(...sales, 1);
  chart.innerHTML = sales.map(function (v, i) {
    return ${bar};
  }).join("");${o.summary ? "\n  summary();" : ""}
}`;
}

function editCode(o: ChartOptions): string {
  if (o.edit === "form")
    return `document.getElementById("edit").addEventListener("submit", function (e) {
  e.preventDefault();
  const v = Number(document.getElementById("value").value);
  if (isNaN(v) || v < 0) return;
  sales[document.getElementById("month").selectedIndex] = v;
  draw();
});`;
  if (o.listeners === "delegation")
    return `const values = document.getElementById("values");
values.innerHTML = months.map(function (m, i) {
  return "<label>" + m + ' <input type="number" min="0" data-i="' + i + '" value="' + sales[i] + '"></label>';
}).join("");
values.addEventListener("input", function (e) {
  sales[Number(e.target.dataset.i)] = Math.max(0, Number(e.target.value) || 0);
  draw();
});`;
  return `const values = document.getElementById("values");
months.forEach(function (m, i) {
  const label = document.createElement("label");
  const input = document.createElement("input");
  input.type = "number";
  input.min = "0";
  input.value = sales[i];
  input.addEventListener("input", function () {
    sales[i] = Math.max(0, Number(input.value) || 0);
    draw();
  });
  label.append(m + " ", input);
  values.appendChild(label);
});`;
}

function script(o: ChartOptions): string {
  const needFmt = o.labels || o.summary;
  return `const months = ${JSON.stringify(o.months)};
const start = [${o.sales.join(", ")}];
let sales = start.slice();${needFmt ? `\nfunction fmt(v) {\n  return ${o.prefix ? `"${o.prefix}" + ` : ""}v${o.suffix ? ` + "${o.suffix}"` : ""};\n}` : ""}${o.summary ? `
function summary() {
  const total = sales.reduce(function (a, b) { return a + b; }, 0);
  const best = sales.indexOf(Math.max(...sales));
  document.getElementById("summary").textContent = "Total: " + fmt(total) + " | Average: " + fmt(Math.round(total / sales.length)) + " | Best month: " + months[best];
}` : ""}
${o.draw === "canvas" ? drawCanvas(o) : drawDivs(o)}
${editCode(o)}${o.reset ? `\ndocument.getElementById("reset").addEventListener("click", function () {\n  sales = start.slice();${o.edit === "inputs" ? `\n  values.querySelectorAll("input").forEach(function (input, i) {\n    input.value = sales[i];\n  });` : ""}\n  draw();\n});` : ""}
draw();`;
}

function render(o: ChartOptions): string {
  return page({ title: o.title, theme: o.theme, css: css(o), body: body(o), script: script(o) });
}

const fmt = (o: ChartOptions, v: number) => `${o.prefix}${v}${o.suffix}`;

type Frame = import("playwright-core").Frame;

/** Throws unless the chart shows `data`. */
async function expectBars(frame: Frame, o: ChartOptions, data: number[], what: string): Promise<void> {
  const max = Math.max(...data, 1);
  if (o.draw === "divs") {
    const sizes = await frame.evaluate(
      (horiz) => [...document.querySelectorAll(".bar")].map((b) => (horiz ? b.getBoundingClientRect().width : b.getBoundingClientRect().height)),
      o.orientation === "horizontal",
    );
    if (sizes.length !== data.length) throw new Error(`${what}: ${sizes.length} bars for ${data.length} months`);
    const top = Math.max(...sizes);
    data.forEach((v, i) => {
      if (Math.abs(sizes[i] / top - v / max) > 0.03) throw new Error(`${what}: bar ${o.months[i]} has size ${sizes[i]} of ${top}, value ${v} of ${max}`);
    });
    return;
  }
  const W = o.width, H = o.height, bottom = H - 28, slot = (W - 40) / data.length;
  const points = data.flatMap((v, i) => {
    const h = (v / max) * (bottom - 24);
    const x = Math.round(30 + i * slot + slot * 0.2 + 2);
    return [
      { i, x, y: Math.round(bottom - h + 4), inside: true },
      { i, x, y: Math.round(bottom - h - (o.labels ? 24 : 4)), inside: false },
    ];
  });
  const px = await frame.evaluate((pts) => {
    const c = document.querySelector("canvas") as HTMLCanvasElement;
    const ctx = c.getContext("2d")!;
    return pts.map((p) => Array.from(ctx.getImageData(p.x, p.y, 1, 1).data));
  }, points);
  points.forEach((p, k) => {
    const alpha = px[k][3];
    if (p.inside && alpha < 200) throw new Error(`${what}: no bar drawn for ${o.months[p.i]} at y=${p.y}`);
    if (!p.inside && alpha > 0) throw new Error(`${what}: the ${o.months[p.i]} bar is taller than its value`);
  });
}

export const chart = defineFamily<ChartOptions>({
  name: "chart",
  options(rng) {
    const n = rng.pick([6, 6, 12, 12, 12]);
    const first = n === 12 ? 0 : rng.pick([0, 6]);
    const unit = rng.pick([["$", "k"], ["$", ""], ["", " units"], ["", "k"], ["", ""]]);
    const draw = rng.pick(["canvas", "divs"] as const);
    return {
      theme: randomTheme(rng),
      title: rng.pick(["Monthly Sales", "Sales by Month", "Sales Chart", "Monthly Revenue", "Shop Sales", "Sales Overview"]),
      months: MONTHS.slice(first, first + n),
      sales: Array.from({ length: n }, () => rng.int(4, 30) * 5),
      draw,
      orientation: draw === "divs" && rng.chance(0.4) ? "horizontal" : "vertical",
      edit: rng.pick(["inputs", "form"] as const),
      listeners: rng.pick(["delegation", "each"] as const),
      prefix: unit[0],
      suffix: unit[1],
      button: rng.pick(["Update", "Set", "Save", "Apply"]),
      width: rng.pick([560, 600, 640]),
      height: rng.pick([280, 300, 320]),
      labels: rng.chance(0.55),
      summary: rng.chance(0.5),
      highlight: rng.chance(0.4),
      reset: rng.chance(0.4),
    };
  },
  render,
  features(o) {
    return [
      `draw:${o.draw}`,
      `edit:${o.edit}`,
      ...(o.orientation === "horizontal" ? ["horizontal"] : []),
      ...(o.labels ? ["labels"] : []),
      ...(o.summary ? ["summary"] : []),
      ...(o.highlight ? ["highlight"] : []),
      ...(o.reset ? ["reset"] : []),
    ];
  },
  request(o, rng) {
    const subject = rng.pick([
      "a bar chart of monthly sales that I can edit",
      "an editable bar chart of monthly sales",
      "a monthly sales bar chart where I can change the numbers",
      "a sales by month bar chart with editable values",
      "a bar chart for monthly sales that updates when I edit the data",
    ]);
    const f: string[] = [];
    if (rng.chance(0.5)) f.push(o.draw === "canvas" ? rng.pick(["the chart drawn on a canvas", "canvas rendering"]) : rng.pick(["bars made of divs", "plain HTML div bars"]));
    if (o.orientation === "horizontal") f.push(rng.pick(["horizontal bars", "bars going left to right"]));
    if (rng.chance(0.5)) f.push(o.edit === "inputs" ? rng.pick(["a number input for every month", "inputs under the chart for each month"]) : rng.pick(["a month dropdown and a value field to update a bar", "a small form to set a month's value"]));
    if (o.labels) f.push(rng.pick(["value labels on the bars", "the value shown on each bar"]));
    if (o.summary) f.push(rng.pick(["the total, average and best month", "a summary line with total and average"]));
    if (o.highlight) f.push(rng.pick(["the highest month highlighted", "the best month in a different color"]));
    if (o.reset) f.push(rng.pick(["a reset button", "a button to restore the original data"]));
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-labels", requests: ["show the values on the bars", "add value labels to the bars"], appliesTo: (o) => !o.labels, apply: (o) => ({ ...o, labels: true }) },
    { id: "add-summary", requests: ["show the total and average", "add a summary with the total, average and best month"], appliesTo: (o) => !o.summary, apply: (o) => ({ ...o, summary: true }) },
    { id: "add-highlight", requests: ["highlight the best month", "make the highest bar a different color"], appliesTo: (o) => !o.highlight, apply: (o) => ({ ...o, highlight: true }) },
    { id: "add-reset", requests: ["add a reset button", "let me restore the original numbers"], appliesTo: (o) => !o.reset, apply: (o) => ({ ...o, reset: true }) },
    { id: "use-canvas", requests: ["draw the chart on a canvas instead", "use a canvas for the chart"], appliesTo: (o) => o.draw === "divs", apply: (o) => ({ ...o, draw: "canvas", orientation: "vertical" }) },
  ],
  async check({ frame }, o) {
    await expectBars(frame, o, o.sales, "at start");
    const i = o.months.length - 2;
    const v = Math.max(...o.sales) + 15;
    const data = o.sales.map((x, k) => (k === i ? v : x));
    if (o.edit === "inputs") {
      await frame.getByLabel(o.months[i], { exact: true }).fill(String(v));
    } else {
      await frame.locator("#month").selectOption(o.months[i]);
      await frame.locator("#value").fill(String(v));
      await frame.getByRole("button", { name: o.button, exact: true }).click();
    }
    await expectBars(frame, o, data, `after setting ${o.months[i]} to ${v}`);
    if (o.labels && o.draw === "divs") {
      const t = (await frame.locator(".bar").nth(i).textContent()) ?? "";
      if (t.trim() !== fmt(o, v)) throw new Error(`label shows "${t}", expected ${fmt(o, v)}`);
    }
    if (o.highlight) {
      if (o.draw === "divs") {
        const cls = await frame.locator(".bar").nth(i).getAttribute("class");
        if (!cls?.includes("max") || (await frame.locator(".bar.max").count()) !== 1) throw new Error("the highest bar is not highlighted");
      } else {
        const slot = (o.width - 40) / data.length;
        const x = Math.round(30 + i * slot + slot * 0.5);
        const p = await frame.evaluate(([x, y]) => Array.from((document.querySelector("canvas") as HTMLCanvasElement).getContext("2d")!.getImageData(x, y, 1, 1).data), [x, o.height - 40]);
        if (p[0] !== 245 || p[1] !== 158 || p[2] !== 11) throw new Error(`the highest bar is drawn in rgb(${p.slice(0, 3)})`);
      }
    }
    if (o.summary) {
      const total = data.reduce((a, b) => a + b, 0);
      const s = (await frame.locator("#summary").textContent()) ?? "";
      if (!s.includes(`Total: ${fmt(o, total)}`) || !s.includes(o.months[i])) throw new Error(`summary shows "${s}", expected total ${fmt(o, total)} and ${o.months[i]}`);
    }
    if (o.reset) {
      await frame.locator("#reset").click();
      await expectBars(frame, o, o.sales, "after reset");
      if (o.edit === "inputs" && (await frame.getByLabel(o.months[i], { exact: true }).inputValue()) !== String(o.sales[i])) throw new Error("reset does not restore the inputs");
    }
  },
  async requestCheck({ frame }, request) {
    const numbersBefore = await shownNumbers(frame);
    const value = "987";
    const inputs = frame.getByRole("spinbutton").filter({ visible: true });
    let start: string;
    if ((await inputs.count()) >= 6) {
      start = await scene(frame);
      await inputs.nth((await inputs.count()) - 2).fill(value);
    } else {
      const month = frame.getByRole("combobox").first();
      await month.selectOption({ index: 1 });
      start = await scene(frame); // after the pick: the picked month's name is not the chart changing
      await inputs.first().fill(value);
      await button(frame, /update|set|save|apply|change|submit/i).click();
    }
    const edited = await sceneChanges(frame, start, "editing a month's value does not change the chart");
    if (/value labels|value shown on each bar/i.test(request) && !(await exists(frame.locator("canvas"))) && !(await visibleText(frame)).includes(value)) throw new Error("the bars show no value labels");
    if (/total|average/i.test(request) && (!/total/i.test(await visibleText(frame)) || (await shownNumbers(frame)) === numbersBefore)) throw new Error("no total that follows the data");
    if (/reset|restore/i.test(request)) {
      await button(frame, /reset|restore/i).click();
      await sceneChanges(frame, edited, "reset does not restore the data");
    }
  },
});
