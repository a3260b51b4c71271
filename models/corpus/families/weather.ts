// A weather dashboard with made-up data for five cities: pick a city to see its details.
import { esc, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import type { Rng } from "../rng.ts";
import { randomTheme, type Theme } from "../theme.ts";
import type { Frame } from "playwright-core";
import { button, eventually, textChanges, textField, visibleText } from "../tolerant.ts";
import { defineFamily } from "../types.ts";

interface City {
  name: string;
  temp: number;
  cond: string;
  hum: number;
  wind: number;
  week: number[];
}

interface WeatherOptions {
  theme: Theme;
  title: string;
  cities: City[];
  days: string[];
  layout: "grid" | "sidebar" | "tabs";
  style: "functions" | "class";
  units: boolean;
  forecast: boolean;
  search: boolean;
  sort: boolean;
  details: boolean;
  icons: boolean;
  windUnit: "km/h" | "mph" | "m/s";
}

const CITY_NAMES = [
  "Oslo", "Madrid", "Tokyo", "Cairo", "Lima", "Sydney", "Toronto", "Berlin", "Nairobi", "Reykjavik",
  "Mumbai", "Denver", "Lisbon", "Seoul", "Dublin", "Athens", "Chicago", "Vienna", "Hanoi", "Quito",
];
const CONDS = ["Sunny", "Cloudy", "Rainy", "Snowy", "Stormy", "Foggy", "Windy"];
const ICONS: Record<string, string> = { Sunny: "2600", Cloudy: "2601", Rainy: "2602", Snowy: "2744", Stormy: "26a1", Foggy: "2248", Windy: "224b" };
const WEEK = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function drawCities(rng: Rng): City[] {
  const temps = rng.sample(Array.from({ length: 38 }, (_, i) => i - 6), 5);
  return rng.sample(CITY_NAMES, 5).map((name, i) => {
    const temp = temps[i];
    const cond = temp < 1 ? rng.pick(["Snowy", "Cloudy", "Foggy"]) : temp > 24 ? rng.pick(["Sunny", "Sunny", "Cloudy", "Stormy"]) : rng.pick(CONDS.filter((c) => c !== "Snowy"));
    return { name, temp, cond, hum: rng.int(20, 95), wind: rng.int(2, 40), week: Array.from({ length: 5 }, () => temp + rng.int(-4, 4)) };
  });
}

const f2 = (t: number) => Math.round((t * 9) / 5 + 32);

function css(o: WeatherOptions): string {
  const layout = {
    grid: `main{max-width:820px;margin:0 auto;padding:16px}
#list{display:grid;grid-template-columns:repeat(auto-fill,minmax(140px,1fr));gap:10px;margin-bottom:16px}
.city{display:flex;flex-direction:column;gap:4px;padding:12px;text-align:left}
.city .big{font-size:24px}`,
    sidebar: `main{display:flex;gap:16px;max-width:860px;margin:0 auto;padding:16px;align-items:flex-start}
#list{display:flex;flex-direction:column;gap:6px;width:220px}
.city{display:flex;justify-content:space-between;padding:10px 12px}
#detail{flex:1}`,
    tabs: `main{max-width:720px;margin:0 auto;padding:16px}
#list{display:flex;flex-wrap:wrap;gap:6px;margin-bottom:16px}
.city{padding:8px 14px}`,
  }[o.layout];
  return `header{display:flex;flex-wrap:wrap;gap:8px;align-items:center;padding:12px 16px;border-bottom:1px solid var(--border)}
h1{font-size:20px;margin:0 auto 0 0}
${layout}
.city,#detail{background:var(--surface);color:var(--text);border:1px solid var(--border);border-radius:var(--radius)}
.city.active{border-color:var(--accent)}
#detail{padding:20px}
#detail h2{margin:0 0 8px}
.big{font-size:44px;font-weight:bold}
.muted{color:var(--muted)}${o.forecast ? `\n.week{display:grid;grid-template-columns:repeat(5,1fr);gap:6px;margin-top:14px}\n.day{text-align:center;padding:8px;border:1px solid var(--border)}\n.day span{display:block;color:var(--muted)}` : ""}
header button,input{padding:8px 12px;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text)}
header button{background:var(--accent);color:var(--accent-text);border:0}`;
}

function body(o: WeatherOptions): string {
  const tools = [
    o.search ? `<input id="search" type="search" placeholder="Search city" aria-label="Search city">` : "",
    o.sort ? `<button id="sort" type="button">Sort by temperature</button>` : "",
    o.units ? `<button id="unit" type="button" title="Switch units">&deg;F</button>` : "",
  ].filter(Boolean);
  return `<header><h1>${esc(o.title)}</h1>${tools.length ? "\n" + tools.join("\n") : ""}</header>
<main>
<div id="list"></div>
<section id="detail"></section>
</main>`;
}

function data(o: WeatherOptions): string {
  const rows = o.cities.map((c) => `  { name: "${c.name}", temp: ${c.temp}, cond: "${c.cond}", hum: ${c.hum}, wind: ${c.wind}${o.forecast ? `, week: [${c.week.join(", ")}]` : ""} }`);
  return `const cities = [\n${rows.join(",\n")}\n];${o.icons ? `\nconst icons = { ${[...new Set(o.cities.map((c) => c.cond))].map((c) => `${c}: "\\u${ICONS[c]}"`).join(", ")} };` : ""}${o.forecast ? `\nconst days = ${JSON.stringify(o.days)};` : ""}`;
}

function degFn(o: WeatherOptions, self: string): string {
  return o.units
    ? `return (${self}unit === "F" ? Math.round(t * 9 / 5 + 32) : t) + "\\u00b0" + ${self}unit;`
    : `return t + "\\u00b0C";`;
}

function scriptFunctions(o: WeatherOptions): string {
  const icon = o.icons ? `icons[c.cond] + " " + ` : "";
  const item =
    o.layout === "grid"
      ? `"<strong>" + ${icon}c.name + "</strong><span class=\\"big\\">" + deg(c.temp) + "</span><span class=\\"muted\\">" + c.cond + "</span>"`
      : o.layout === "sidebar"
        ? `"<span>" + ${icon}c.name + "</span><b>" + deg(c.temp) + "</b>"`
        : `${icon}c.name`;
  const filters = [
    o.search ? `  const q = document.getElementById("search").value.trim().toLowerCase();\n  rows = rows.filter(function (c) { return c.name.toLowerCase().includes(q); });` : "",
    o.sort ? `  if (byTemp) rows.sort(function (a, b) { return b.temp - a.temp; });` : "",
  ].filter(Boolean);
  return `${data(o)}
let current = cities[0];${o.units ? `\nlet unit = "C";` : ""}${o.sort ? `\nlet byTemp = false;` : ""}
const list = document.getElementById("list");
const detail = document.getElementById("detail");
function deg(t) {
  ${degFn(o, "")}
}
function shown() {
  let rows = cities.slice();${filters.length ? "\n" + filters.join("\n") : ""}
  return rows;
}
function render() {
  list.innerHTML = shown().map(function (c) {
    return '<button class="city' + (c === current ? " active" : "") + '" data-name="' + c.name + '">' + ${item} + "</button>";
  }).join("");
  const c = current;
  detail.innerHTML = "<h2>" + c.name + "</h2>" +
    '<div class="big">' + ${icon}deg(c.temp) + "</div>" +
    '<p class="muted">' + c.cond + "</p>"${o.details ? ` +\n    "<p>Humidity: " + c.hum + "% &middot; Wind: " + c.wind + " ${o.windUnit}</p>"` : ""}${o.forecast ? ` +\n    '<div class="week">' + c.week.map(function (t, i) {\n      return '<div class="day"><span>' + days[i] + "</span>" + deg(t) + "</div>";\n    }).join("") + "</div>"` : ""};
}
list.addEventListener("click", function (e) {
  const b = e.target.closest(".city");
  if (!b) return;
  current = cities.find(function (c) { return c.name === b.dataset.name; });
  render();
});${o.search ? `\ndocument.getElementById("search").addEventListener("input", render);` : ""}${o.sort ? `\ndocument.getElementById("sort").addEventListener("click", function () {\n  byTemp = !byTemp;\n  render();\n});` : ""}${o.units ? `\ndocument.getElementById("unit").addEventListener("click", function () {\n  unit = unit === "C" ? "F" : "C";\n  this.textContent = "\\u00b0" + (unit === "C" ? "F" : "C");\n  render();\n});` : ""}
render();`;
}

function scriptClass(o: WeatherOptions): string {
  const icon = o.icons ? `icons[c.cond] + " " + ` : "";
  const item =
    o.layout === "grid"
      ? `b.append(this.el("strong", ${icon}c.name), this.el("span", this.deg(c.temp), "big"), this.el("span", c.cond, "muted"));`
      : o.layout === "sidebar"
        ? `b.append(this.el("span", ${icon}c.name), this.el("b", this.deg(c.temp)));`
        : `b.textContent = ${icon}c.name;`;
  const filters = [
    o.search ? `    const q = document.getElementById("search").value.trim().toLowerCase();\n    rows = rows.filter((c) => c.name.toLowerCase().includes(q));` : "",
    o.sort ? `    if (this.byTemp) rows.sort((a, b) => b.temp - a.temp);` : "",
  ].filter(Boolean);
  return `${data(o)}
class Dashboard {
  constructor() {
    this.current = cities[0];${o.units ? `\n    this.unit = "C";` : ""}${o.sort ? `\n    this.byTemp = false;` : ""}
    this.list = document.getElementById("list");
    this.detail = document.getElementById("detail");${o.search ? `\n    document.getElementById("search").addEventListener("input", () => this.render());` : ""}${o.sort ? `\n    document.getElementById("sort").addEventListener("click", (e) => {\n      this.byTemp = !this.byTemp;\n      this.render();\n    });` : ""}${o.units ? `\n    document.getElementById("unit").addEventListener("click", (e) => {\n      this.unit = this.unit === "C" ? "F" : "C";\n      e.target.textContent = "\\u00b0" + (this.unit === "C" ? "F" : "C");\n      this.render();\n    });` : ""}
    this.render();
  }
  deg(t) {
    ${degFn(o, "this.")}
  }
  el(tag, text, cls) {
    const e = document.createElement(tag);
    e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  render() {
    let rows = cities.slice();${filters.length ? "\n" + filters.join("\n") : ""}
    this.list.innerHTML = "";
    for (const c of rows) {
      const b = document.createElement("button");
      b.className = c === this.current ? "city active" : "city";
      ${item}
      b.addEventListener("click", () => {
        this.current = c;
        this.render();
      });
      this.list.appendChild(b);
    }
    const c = this.current;
    this.detail.innerHTML = "";
    this.detail.append(this.el("h2", c.name), this.el("div", ${icon}this.deg(c.temp), "big"), this.el("p", c.cond, "muted"));${o.details ? `\n    this.detail.append(this.el("p", "Humidity: " + c.hum + "% \\u00b7 Wind: " + c.wind + " ${o.windUnit}"));` : ""}${o.forecast ? `\n    const week = this.el("div", "", "week");\n    c.week.forEach((t, i) => {\n      const d = this.el("div", this.deg(t), "day");\n      d.prepend(this.el("span", days[i]));\n      week.appendChild(d);\n    });\n    this.detail.appendChild(week);` : ""}
  }
}
new Dashboard();`;
}

function render(o: WeatherOptions): string {
  return page({ title: o.title, theme: o.theme, css: css(o), body: body(o), script: o.style === "class" ? scriptClass(o) : scriptFunctions(o) });
}

const OPTIONAL = ["units", "forecast", "search", "sort", "details", "icons"] as const;
const fits = (o: WeatherOptions) => render(o).length <= 4000;

export const weather = defineFamily<WeatherOptions>({
  name: "weather",
  options(rng) {
    const start = rng.int(0, 6);
    const o: WeatherOptions = {
      theme: randomTheme(rng),
      title: rng.pick(["Weather", "Weather Dashboard", "City Weather", "Weather Now", "Sky Watch", "World Weather", "Forecast"]),
      cities: drawCities(rng),
      days: rng.chance(0.3) ? ["Day 1", "Day 2", "Day 3", "Day 4", "Day 5"] : Array.from({ length: 5 }, (_, i) => WEEK[(start + i) % 7]),
      layout: rng.pick(["grid", "sidebar", "tabs"] as const),
      style: rng.pick(["functions", "class"] as const),
      units: rng.chance(0.5),
      forecast: rng.chance(0.5),
      search: rng.chance(0.4),
      sort: rng.chance(0.35),
      details: rng.chance(0.6),
      icons: rng.chance(0.6),
      windUnit: rng.pick(["km/h", "km/h", "mph", "m/s"] as const),
    };
    for (let on = OPTIONAL.filter((k) => o[k]); !fits(o) && on.length; on = OPTIONAL.filter((k) => o[k])) o[rng.pick(on)] = false;
    return o;
  },
  render,
  features(o) {
    return [
      `layout:${o.layout}`,
      ...(o.units ? ["units"] : []),
      ...(o.forecast ? ["forecast"] : []),
      ...(o.search ? ["search"] : []),
      ...(o.sort ? ["sort"] : []),
      ...(o.details ? ["details"] : []),
      ...(o.icons ? ["icons"] : []),
    ];
  },
  request(o, rng) {
    const subject = rng.pick([
      "a weather dashboard",
      "a weather dashboard using made-up data for five cities",
      "a weather app with fake data for 5 cities",
      "a weather page for five cities",
      "a dashboard showing the weather in five cities",
      "a mock weather dashboard",
    ]);
    const f: string[] = [];
    if (o.units) f.push(rng.pick(["a Celsius/Fahrenheit toggle", "a button to switch between C and F", "a unit toggle for the temperature"]));
    if (o.forecast) f.push(rng.pick(["a 5-day forecast", "a five day forecast for the selected city", "a small forecast for the next days"]));
    if (o.search) f.push(rng.pick(["a search box to filter cities", "a city search", "a filter for the city list"]));
    if (o.sort) f.push(rng.pick(["a button to sort cities by temperature", "sorting by temperature"]));
    if (o.details) f.push(rng.pick(["humidity and wind", "humidity and wind speed for each city"]));
    if (o.icons) f.push(rng.pick(["weather icons", "an icon for each condition"]));
    if (rng.chance(0.3)) f.push({ grid: "a grid of city cards", sidebar: "a city list on the side", tabs: "a tab for each city" }[o.layout]);
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-units", requests: ["add a Celsius/Fahrenheit toggle", "let me switch the temperatures to Fahrenheit"], appliesTo: (o) => !o.units && fits({ ...o, units: true }), apply: (o) => ({ ...o, units: true }) },
    { id: "add-forecast", requests: ["add a 5-day forecast", "show a forecast for the next five days"], appliesTo: (o) => !o.forecast && fits({ ...o, forecast: true }), apply: (o) => ({ ...o, forecast: true }) },
    { id: "add-search", requests: ["add a search box for the cities", "let me filter the cities by name"], appliesTo: (o) => !o.search && fits({ ...o, search: true }), apply: (o) => ({ ...o, search: true }) },
    { id: "add-sort", requests: ["add a button to sort by temperature", "let me sort the cities by temperature"], appliesTo: (o) => !o.sort && fits({ ...o, sort: true }), apply: (o) => ({ ...o, sort: true }) },
    { id: "add-details", requests: ["show humidity and wind too", "add humidity and wind speed"], appliesTo: (o) => !o.details && fits({ ...o, details: true }), apply: (o) => ({ ...o, details: true }) },
  ],
  async check({ frame }, o) {
    const cards = frame.locator(".city");
    const detail = frame.locator("#detail");
    if ((await cards.count()) !== 5) throw new Error(`expected 5 cities, got ${await cards.count()}`);
    const first = (await detail.textContent()) ?? "";
    if (!first.includes(o.cities[0].name)) throw new Error("the first city is not shown at start");
    const c = o.cities[2];
    await cards.filter({ hasText: c.name }).first().click();
    let text = (await detail.textContent()) ?? "";
    if (!text.includes(c.name) || !text.includes(`${c.temp}\u00b0C`)) throw new Error(`clicking ${c.name} shows "${text}"`);
    if (o.details && !text.includes(`${c.hum}%`)) throw new Error("no humidity in the details");
    if (o.forecast) {
      const days = await frame.locator("#detail .day").count();
      if (days !== 5) throw new Error(`forecast has ${days} days`);
      if (!text.includes(o.days[4])) throw new Error("forecast day names missing");
    }
    if (o.units) {
      await frame.locator("#unit").click();
      text = (await detail.textContent()) ?? "";
      if (!text.includes(`${f2(c.temp)}\u00b0F`)) throw new Error(`after the unit toggle the detail shows "${text}"`);
      await frame.locator("#unit").click();
      text = (await detail.textContent()) ?? "";
      if (!text.includes(`${c.temp}\u00b0C`)) throw new Error("toggling back does not show Celsius");
    }
    if (o.search) {
      const q = o.cities[3].name.slice(1, 4).toLowerCase();
      const want = o.cities.filter((x) => x.name.toLowerCase().includes(q)).length;
      await frame.locator("#search").fill(q);
      const got = await cards.count();
      if (got !== want) throw new Error(`search "${q}" shows ${got} cities, expected ${want}`);
      await frame.locator("#search").fill("");
      if ((await cards.count()) !== 5) throw new Error("clearing the search does not show all cities");
    }
    if (o.sort) {
      await frame.locator("#sort").click();
      const hottest = o.cities.reduce((a, b) => (b.temp > a.temp ? b : a));
      const top = (await cards.first().textContent()) ?? "";
      if (!top.includes(hottest.name)) throw new Error(`after sorting the first city is "${top}"`);
    }
  },
  async requestCheck({ frame }, request) {
    const temps = async () => ((await visibleText(frame)).match(/-?\d+(\.\d+)? ?\u00b0/g) ?? []).length;
    // Five cities: as buttons or tabs to pick from (each shows its weather), or five temperatures at once.
    const cities = frame.getByRole("tab").or(frame.getByRole("button")).filter({ visible: true }).filter({ hasNotText: /sort|\u00b0|unit|search|fahrenheit|celsius/i });
    if ((await cities.count()) >= 5) await changes(frame, () => cities.nth(2).click(), "choosing another city does not show it");
    else if ((await temps()) < 5) throw new Error("the dashboard does not show five cities");
    if (!(await temps())) throw new Error("the dashboard shows no temperature");
    const text = await visibleText(frame);
    if (/humidity|wind/i.test(request) && !(/humidity/i.test(text) && /wind/i.test(text))) throw new Error("no humidity and wind shown");
    if (/icon/i.test(request) && !/[\u2600-\u27bf\u{1f300}-\u{1f6ff}]/u.test(text)) throw new Error("no weather icons");
    if (/forecast/i.test(request) && (text.match(/\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\bday \d/gi) ?? []).length < 5) throw new Error("no five day forecast");
    if (/celsius|\bc and f\b|unit toggle/i.test(request)) {
      await button(frame, /\u00b0|fahrenheit|celsius|unit/i).click();
      const switched = await textChanges(frame, text, "the unit toggle does not change the temperatures");
      if (!/\u00b0 ?F|fahrenheit/i.test(switched)) throw new Error("the unit toggle shows no Fahrenheit");
    }
    if (/sort/i.test(request)) await changes(frame, () => button(frame, /sort/i).click(), "sorting does not reorder the cities");
    if (/search|filter/i.test(request)) {
      const before = await visibleText(frame);
      await textField(frame).fill("zzzz");
      await textChanges(frame, before, "a search without matches still shows every city");
      await textField(frame).fill("");
      await eventually(async () => ((await visibleText(frame)) === before) || undefined, "clearing the search does not show every city");
    }
  },
});

/** Run `act` and expect the page text to change. */
async function changes(frame: Frame, act: () => Promise<void>, message: string): Promise<void> {
  const before = await visibleText(frame);
  await act();
  await textChanges(frame, before, message);
}
