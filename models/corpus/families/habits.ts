// A habit tracker: habits as rows, the days of the week as toggles.
import { esc, jsStr, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import { addEntry, DELETE, deleteEntry, entryWith } from "../list-steps.ts";
import { button, eventually, exists, looks, shownNumbers, storageHolds, visibleText } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

type Habit = [name: string, days: number[]];

interface HabitOptions {
  theme: Theme;
  title: string;
  seeds: Habit[];
  sundayFirst: boolean;
  approach: "state" | "dom";
  cell: "checkbox" | "button";
  layout: "table" | "cards";
  data: "bools" | "indices";
  count: boolean;
  progress: boolean;
  bar: boolean;
  del: boolean;
  reset: boolean;
  save: boolean;
  placeholder: string;
  addLabel: string;
  key: string;
}

const HABITS = ["Drink water", "Exercise", "Read", "Sleep 8 hours", "Walk 10k steps", "Journal", "Stretch", "No sugar", "Practice guitar", "Study"];
const WEEK = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** How many of the optional extras an app has: at most three, to stay compact. */
function extras(o: HabitOptions): number {
  return [o.count, o.progress, o.bar, o.del, o.reset].filter(Boolean).length;
}

function days(o: HabitOptions): string[] {
  return o.sundayFirst ? ["Sun", ...WEEK.slice(0, 6)] : WEEK;
}

function css(o: HabitOptions): string {
  const cellCss =
    o.cell === "checkbox"
      ? `input[type=checkbox]{width:20px;height:20px;accent-color:var(--accent);cursor:pointer}`
      : `.day{width:34px;height:34px;border-radius:50%;border:1px solid var(--border);background:var(--bg);color:var(--muted)}
.day[aria-pressed=true]{background:var(--accent);border-color:var(--accent);color:var(--accent-text)}`;
  const layout =
    o.layout === "table"
      ? `table{width:100%;border-collapse:collapse;background:var(--surface);border-radius:var(--radius)}
th,td{padding:8px;text-align:center;border-bottom:1px solid var(--border)}
td:first-child{text-align:left}`
      : `.habit{display:flex;flex-wrap:wrap;align-items:center;gap:6px;padding:12px;margin-bottom:10px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius)}
.name{flex:1 0 100%;font-weight:bold}`;
  return `main{max-width:${o.layout === "table" ? 720 : 480}px;margin:30px auto;padding:0 16px}
h1{font-size:24px}
form{display:flex;gap:8px;margin-bottom:16px}
form input{flex:1;padding:8px;border:1px solid var(--border);border-radius:var(--radius);background:var(--surface);color:var(--text)}
.btn{padding:8px 14px;border:0;border-radius:var(--radius);background:var(--accent);color:var(--accent-text)}
${layout}
${cellCss}${o.count ? `\n.count{color:var(--muted);min-width:40px}` : ""}${o.del ? `\n.del{border:0;background:none;color:var(--muted);font-size:18px}` : ""}${
    o.bar ? `\n.bar{height:10px;background:var(--border);border-radius:5px;overflow:hidden}\n#fill{height:100%;width:0;background:var(--accent);transition:width .3s}` : ""
  }`;
}

function body(o: HabitOptions): string {
  const list =
    o.layout === "table"
      ? `<table>\n<thead><tr><th>Habit</th>${days(o).map((d) => `<th>${d}</th>`).join("")}${o.count ? "<th>Done</th>" : ""}${o.del ? "<th></th>" : ""}</tr></thead>\n<tbody id="habits"></tbody>\n</table>`
      : `<div id="habits"></div>`;
  return `<main>
<h1>${esc(o.title)}</h1>
<form id="add">
<input id="name" placeholder="${esc(o.placeholder)}" aria-label="Habit name">
<button class="btn" type="submit">${esc(o.addLabel)}</button>
</form>
${list}${o.progress ? `\n<p id="progress"></p>` : ""}${o.bar ? `\n<div class="bar"><div id="fill"></div></div>` : ""}${o.reset ? `\n<p><button id="reset" class="btn" type="button">Reset week</button></p>` : ""}
</main>`;
}

function seedData(o: HabitOptions): string {
  const rows = o.seeds.map(([name, d]) =>
    o.data === "bools" ? `{ name: ${jsStr(name)}, done: [${[0, 1, 2, 3, 4, 5, 6].map((i) => d.includes(i)).join(", ")}] }` : `{ name: ${jsStr(name)}, days: [${d.join(", ")}] }`,
  );
  return rows.length ? `[\n  ${rows.join(",\n  ")}\n]` : "[]";
}

/** JS for "is day j done for habit h", "toggle it", "how many days" and "a new habit" in the chosen data shape. */
function dataOps(o: HabitOptions) {
  return o.data === "bools"
    ? { isDone: (h: string, j: string) => `${h}.done[${j}]`, toggle: (h: string, j: string) => `${h}.done[${j}] = !${h}.done[${j}];`, count: (h: string) => `${h}.done.filter(Boolean).length`, fresh: (n: string) => `{ name: ${n}, done: [false, false, false, false, false, false, false] }`, clear: (h: string) => `${h}.done.fill(false)` }
    : {
        isDone: (h: string, j: string) => `${h}.days.includes(${j})`,
        toggle: (h: string, j: string) => `${h}.days = ${h}.days.includes(${j}) ? ${h}.days.filter((d) => d !== ${j}) : ${h}.days.concat(${j});`,
        count: (h: string) => `${h}.days.length`,
        fresh: (n: string) => `{ name: ${n}, days: [] }`,
        clear: (h: string) => `(${h}.days = [])`,
      };
}

function scriptState(o: HabitOptions): string {
  const ops = dataOps(o);
  const table = o.layout === "table";
  const wrap = (s: string) => (table ? `<td>${s}</td>` : s);
  const cell =
    o.cell === "checkbox"
      ? `<input type="checkbox" aria-label="\${d}" data-h="\${i}" data-d="\${j}"\${${ops.isDone("h", "j")} ? " checked" : ""}>`
      : `<button class="day" aria-label="\${d}" aria-pressed="\${${ops.isDone("h", "j")}}" data-h="\${i}" data-d="\${j}">\${d[0]}</button>`;
  const row = table
    ? `\`<tr class="habit"><td>\${esc(h.name)}</td>\` +`
    : `\`<div class="habit"><span class="name">\${esc(h.name)}</span>\` +`;
  const tail = [o.count ? wrap(`<span class="count">\${${ops.count("h")}}/7</span>`) : "", o.del ? wrap(`<button class="del" data-del="\${i}" aria-label="Delete habit">&times;</button>`) : ""].join("");
  const event = o.cell === "checkbox" ? "change" : "click";
  return `const days = ${JSON.stringify(days(o))};
let habits = ${o.save ? `JSON.parse(localStorage.getItem(${jsStr(o.key)}) || "null") || ` : ""}${seedData(o)};
const list = document.getElementById("habits");
function esc(s) {
  return s.replace(/[&<>"]/g, (c) => "&#" + c.charCodeAt(0) + ";");
}
function render() {
  list.innerHTML = habits.map((h, i) =>
    ${row}
    days.map((d, j) => \`${wrap(cell)}\`).join("") +
    \`${tail}${table ? "</tr>" : "</div>"}\`
  ).join("");${
    o.progress || o.bar
      ? `\n  const done = habits.reduce((sum, h) => sum + ${ops.count("h")}, 0);
  const pct = habits.length ? Math.round((done / (habits.length * 7)) * 100) : 0;${o.progress ? `\n  document.getElementById("progress").textContent = "This week: " + pct + "% done";` : ""}${o.bar ? `\n  document.getElementById("fill").style.width = pct + "%";` : ""}`
      : ""
  }${o.save ? `\n  localStorage.setItem(${jsStr(o.key)}, JSON.stringify(habits));` : ""}
}
list.addEventListener("${event}", (e) => {
  const t = e.target;${o.del && event === "click" ? `\n  if (t.dataset.del) habits.splice(Number(t.dataset.del), 1);\n  else if (t.dataset.d) {` : `\n  if (t.dataset.d) {`}
    const h = habits[Number(t.dataset.h)];
    const j = Number(t.dataset.d);
    ${ops.toggle("h", "j")}
  }
  render();
});${
    o.del && o.cell === "checkbox"
      ? `\nlist.addEventListener("click", (e) => {\n  if (!e.target.dataset.del) return;\n  habits.splice(Number(e.target.dataset.del), 1);\n  render();\n});`
      : ""
  }
document.getElementById("add").addEventListener("submit", (e) => {
  e.preventDefault();
  const input = document.getElementById("name");
  if (!input.value.trim()) return;
  habits.push(${ops.fresh("input.value.trim()")});
  input.value = "";
  render();
});${o.reset ? `\ndocument.getElementById("reset").addEventListener("click", () => {\n  habits.forEach((h) => ${ops.clear("h")});\n  render();\n});` : ""}
render();`;
}

function scriptDom(o: HabitOptions): string {
  const table = o.layout === "table";
  const cellTag = o.cell === "checkbox" ? "input" : "button";
  const isOn = o.cell === "checkbox" ? `c.checked` : `c.getAttribute("aria-pressed") === "true"`;
  const make =
    o.cell === "checkbox"
      ? `    const c = document.createElement("input");
    c.type = "checkbox";
    c.checked = done.includes(j);
    c.addEventListener("change", update);`
      : `    const c = document.createElement("button");
    c.className = "day";
    c.textContent = d[0];
    c.setAttribute("aria-pressed", done.includes(j));
    c.addEventListener("click", () => {
      c.setAttribute("aria-pressed", c.getAttribute("aria-pressed") !== "true");
      update();
    });`;
  const put = (el: string) => (table ? `row.insertCell().appendChild(${el});` : `row.appendChild(${el});`);
  return `const days = ${JSON.stringify(days(o))};
const list = document.getElementById("habits");
function addHabit(name, done) {
  const row = document.createElement("${table ? "tr" : "div"}");
  row.className = "habit";
  const label = document.createElement("span");
  label.className = "name";
  label.textContent = name;
  ${put("label")}
  days.forEach((d, j) => {
${make}
    c.setAttribute("aria-label", d);
    ${put("c")}
  });${o.count ? `\n  const count = document.createElement("span");\n  count.className = "count";\n  ${put("count")}` : ""}${
    o.del
      ? `\n  const del = document.createElement("button");\n  del.className = "del";\n  del.innerHTML = "&times;";\n  del.setAttribute("aria-label", "Delete habit");\n  del.addEventListener("click", () => {\n    row.remove();\n    update();\n  });\n  ${put("del")}`
      : ""
  }
  list.appendChild(row);
  update();
}
function update() {
  let done = 0;
  const rows = list.querySelectorAll(".habit");
  rows.forEach((row) => {
    const n = [...row.querySelectorAll("${cellTag}${o.cell === "button" ? ".day" : ""}")].filter((c) => ${isOn}).length;
    done += n;${o.count ? `\n    row.querySelector(".count").textContent = n + "/7";` : ""}
  });${o.progress || o.bar ? `\n  const pct = rows.length ? Math.round((done / (rows.length * 7)) * 100) : 0;` : ""}${o.progress ? `\n  document.getElementById("progress").textContent = "This week: " + pct + "% done";` : ""}${
    o.bar ? `\n  document.getElementById("fill").style.width = pct + "%";` : ""
  }
}
document.getElementById("add").addEventListener("submit", (e) => {
  e.preventDefault();
  const input = document.getElementById("name");
  if (!input.value.trim()) return;
  addHabit(input.value.trim(), []);
  input.value = "";
});${
    o.reset
      ? `\ndocument.getElementById("reset").addEventListener("click", () => {\n  list.querySelectorAll("${cellTag}${o.cell === "button" ? ".day" : ""}").forEach((c) => ${o.cell === "checkbox" ? `(c.checked = false)` : `c.setAttribute("aria-pressed", false)`});\n  update();\n});`
      : ""
  }${o.seeds.map(([n, d]) => `\naddHabit(${jsStr(n)}, [${d.join(", ")}]);`).join("")}`;
}

export const habits = defineFamily<HabitOptions>({
  name: "habits",
  options(rng) {
    const approach = rng.pick(["state", "dom"] as const);
    const save = approach === "state" && rng.chance(0.4);
    const extras = rng.sample(["count", "progress", "bar", "del", "reset"], rng.int(0, 3));
    return {
      theme: randomTheme(rng),
      title: rng.pick(["Habit Tracker", "Weekly Habits", "My Habits", "Habit Week", "Daily Habits"]),
      seeds: rng.chance(0.7) ? rng.sample(HABITS, rng.int(1, 3)).map((n): Habit => [n, rng.sample([0, 1, 2, 3, 4, 5, 6], rng.int(0, 4)).sort()]) : [],
      sundayFirst: rng.chance(0.3),
      approach,
      cell: rng.pick(["checkbox", "button"] as const),
      layout: rng.pick(["table", "cards"] as const),
      data: rng.pick(["bools", "indices"] as const),
      count: extras.includes("count"),
      progress: extras.includes("progress"),
      bar: extras.includes("bar"),
      del: extras.includes("del"),
      reset: extras.includes("reset"),
      save,
      placeholder: rng.pick(["New habit...", "Add a habit", "e.g. Drink water", "Habit name"]),
      addLabel: rng.pick(["Add", "Add habit", "+ Add"]),
      key: rng.pick(["habits", "habit-tracker", "weekly-habits"]),
    };
  },
  render(o) {
    return page({ title: o.title, theme: o.theme, css: css(o), body: body(o), script: o.approach === "state" ? scriptState(o) : scriptDom(o) });
  },
  features(o) {
    return [
      ...(o.count ? ["count"] : []),
      ...(o.progress ? ["progress"] : []),
      ...(o.bar ? ["bar"] : []),
      ...(o.del ? ["delete"] : []),
      ...(o.reset ? ["reset"] : []),
      ...(o.save ? ["save"] : []),
      ...(o.sundayFirst ? ["sunday-first"] : []),
    ];
  },
  request(o, rng) {
    const subject = rng.pick(["a habit tracker", "a weekly habit tracker", "a habit tracker for the days of the week", "a simple habit tracking app", "a habit checklist for the week"]);
    const f: string[] = [];
    f.push(o.cell === "checkbox" ? rng.pick(["a checkbox for each day", "checkboxes for Monday to Sunday"]) : rng.pick(["a toggle button for each day of the week", "clickable day circles"]));
    f.push(rng.pick(["a form to add habits", "a way to add new habits"]));
    if (o.count) f.push(rng.pick(["a count of days done for each habit", "an X/7 counter per habit"]));
    if (o.progress) f.push(rng.pick(["the overall percentage for the week", "a weekly completion percentage"]));
    if (o.bar) f.push(rng.pick(["a progress bar", "a bar showing weekly progress"]));
    if (o.del) f.push(rng.pick(["a delete button for each habit", "a way to remove habits"]));
    if (o.reset) f.push(rng.pick(["a reset week button", "a button to clear the week"]));
    if (o.save) f.push(rng.pick(["localStorage saving", "habits saved in local storage"]));
    if (o.sundayFirst) f.push("weeks starting on Sunday");
    if (o.layout === "table" && rng.chance(0.3)) f.push("a table layout");
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-count", requests: ["show how many days each habit was done", "add a counter per habit"], appliesTo: (o) => !o.count && extras(o) < 3, apply: (o) => ({ ...o, count: true }) },
    { id: "add-progress", requests: ["show the weekly percentage", "add the overall progress for the week"], appliesTo: (o) => !o.progress && extras(o) < 3, apply: (o) => ({ ...o, progress: true }) },
    { id: "add-bar", requests: ["add a progress bar", "show the week's progress as a bar"], appliesTo: (o) => !o.bar && extras(o) < 3, apply: (o) => ({ ...o, bar: true }) },
    { id: "add-delete", requests: ["let me delete habits", "add a delete button to each habit"], appliesTo: (o) => !o.del && extras(o) < 3, apply: (o) => ({ ...o, del: true }) },
    { id: "add-reset", requests: ["add a button to reset the week", "let me clear all the checks"], appliesTo: (o) => !o.reset && extras(o) < 3, apply: (o) => ({ ...o, reset: true }) },
    { id: "sunday-first", requests: ["start the week on Sunday", "make Sunday the first day"], appliesTo: (o) => !o.sundayFirst, apply: (o) => ({ ...o, sundayFirst: true }) },
  ],
  async check(app, o) {
    const rows = await app.frame.locator(".habit").count();
    if (rows !== o.seeds.length) throw new Error(`expected ${o.seeds.length} seed habits, saw ${rows}`);
    await drive(app, { count: o.count, progress: o.progress, bar: o.bar, del: o.del, reset: o.reset, save: o.save, sundayFirst: o.sundayFirst });
  },
  async requestCheck(app, request) {
    await drive(app, {
      count: /count|x\/7/i.test(request),
      progress: /percentage/i.test(request),
      bar: /progress bar|bar showing/i.test(request),
      del: /delete|remove/i.test(request),
      reset: /reset|clear the week/i.test(request),
      save: /local ?storage|saved/i.test(request),
      sundayFirst: /sunday/i.test(request),
    });
  },
});

type Wants = Record<"count" | "progress" | "bar" | "del" | "reset" | "save" | "sundayFirst", boolean>;

/** Add a habit and tick days of its week like a user (and use each wanted feature). */
async function drive({ frame }: AppUnderTest, want: Wants): Promise<void> {
  const name = "Meditate";
  await addEntry(frame, name);
  const boxes = entryWith(frame, name, frame.getByRole("checkbox").nth(6)).getByRole("checkbox");
  const toggles = (await exists(boxes)) ? boxes : entryWith(frame, name, frame.getByRole("button").nth(6)).getByRole("button").filter({ hasNotText: DELETE });
  if ((await toggles.count()) < 7) throw new Error("the new habit has no toggle for each day of the week");
  const states = () => toggles.evaluateAll((ts) => ts.map((t) => `${(t as HTMLInputElement).checked}|${t.getAttribute("aria-pressed")}|${t.className}|${t.getAttribute("style")}`));
  const start = await states();
  const numbers = await shownNumbers(frame);
  const looked = await looks(frame);
  for (const d of [0, 2, 5]) await toggles.nth(d).click();
  await eventually(async () => {
    const now = await states();
    return now.every((s, i) => (s !== start[i]) === [0, 2, 5].includes(i)) || undefined;
  }, "clicking a day does not mark it (or marks another)");
  await toggles.nth(2).click();
  await eventually(async () => ((await states())[2] === start[2]) || undefined, "clicking a marked day does not unmark it");
  if ((want.count || want.progress) && (await shownNumbers(frame)) === numbers) throw new Error("the habit's count of days done does not change");
  if (want.progress && !/\d+(\.\d+)? ?%/.test(await visibleText(frame))) throw new Error("no weekly percentage");
  if (want.bar && (await looks(frame)) === looked) throw new Error("no progress bar grows");
  if (want.sundayFirst) {
    const first = await toggles.first().evaluate((t) => `${t.getAttribute("aria-label")} ${t.getAttribute("title")} ${(t as HTMLElement).innerText}`);
    if (!/sun/i.test(first) && !/sun[\s\S]*mon/i.test(await visibleText(frame))) throw new Error("the week does not start on Sunday");
  }
  if (want.save && !(await storageHolds(frame, name))) throw new Error("the habits are not saved to localStorage");
  if (want.reset) {
    await button(frame, /reset|clear/i).click();
    await eventually(async () => ((await states()).join() === start.join()) || undefined, "reset does not clear the week");
  }
  if (want.del) await deleteEntry(frame, name);
}
