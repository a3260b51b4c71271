// A sortable and filterable table of employees: click a header to sort, type to filter.
import { esc, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import type { Rng } from "../rng.ts";
import { randomTheme, type Theme } from "../theme.ts";
import type { Frame } from "playwright-core";
import { button, eventually, textField, visibleText } from "../tolerant.ts";
import { defineFamily } from "../types.ts";

type Key = "name" | "dept" | "role" | "city" | "salary" | "age" | "start";
type Employee = Record<Key, string | number>;

interface TableOptions {
  theme: Theme;
  title: string;
  columns: Key[];
  labels: Record<Key, string>;
  employees: Employee[];
  depts: string[];
  money: "dollar" | "plain" | "k";
  style: "render" | "rows";
  layout: "card" | "full";
  indicators: boolean;
  deptFilter: boolean;
  count: boolean;
  striped: boolean;
  reset: boolean;
}

const FIRST = ["Ana", "Ben", "Chloe", "David", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jack", "Kira", "Liam", "Maya", "Noah", "Olga", "Pedro", "Quinn", "Rosa", "Sam", "Tara", "Umar", "Vera", "Will", "Yuki", "Zoe"];
const LAST = ["Lopez", "Smith", "Martin", "Nguyen", "Brown", "Khan", "Rossi", "Weber", "Silva", "Ito", "Novak", "Evans", "Costa", "Berg", "Patel", "Reyes"];
const DEPTS = ["Sales", "Marketing", "Engineering", "Support", "Finance", "Design", "Legal", "Operations"];
const ROLES = ["Manager", "Analyst", "Developer", "Designer", "Intern", "Lead", "Specialist", "Assistant"];
const CITIES = ["Boston", "Paris", "Berlin", "Austin", "Dublin", "Madrid", "Toronto", "Remote"];
const LABELS: Record<Key, string[]> = {
  name: ["Name", "Employee", "Full name"],
  dept: ["Department", "Team", "Dept"],
  role: ["Role", "Title", "Position"],
  city: ["City", "Office", "Location"],
  salary: ["Salary", "Pay", "Annual salary"],
  age: ["Age"],
  start: ["Started", "Start year", "Since"],
};
const NUMERIC: Key[] = ["salary", "age", "start"];

function drawEmployees(rng: Rng, n: number, depts: string[]): Employee[] {
  const names = rng.sample(FIRST, n).map((f) => `${f} ${rng.pick(LAST)}`);
  return names.map((name) => ({
    name,
    dept: rng.pick(depts),
    role: rng.pick(ROLES),
    city: rng.pick(CITIES),
    salary: rng.int(76, 280) * 500,
    age: rng.int(21, 64),
    start: rng.int(2008, 2024),
  }));
}

function fmt(o: TableOptions, k: Key, v: string | number): string {
  if (k !== "salary") return String(v);
  const n = v as number;
  return o.money === "dollar" ? "$" + n.toLocaleString("en-US") : o.money === "k" ? Math.round(n / 1000) + "k" : String(n);
}

function moneyFn(o: TableOptions): string {
  if (!o.columns.includes("salary") || o.money === "plain") return "";
  return o.money === "dollar"
    ? `function money(n) {\n  return "$" + n.toLocaleString("en-US");\n}\n`
    : `function money(n) {\n  return Math.round(n / 1000) + "k";\n}\n`;
}

const cell = (o: TableOptions, k: Key, v: string) => (k === "salary" && o.money !== "plain" ? `money(${v}.salary)` : `${v}.${k}`);
const textKeys = (o: TableOptions) => o.columns.filter((k) => !NUMERIC.includes(k));

function css(o: TableOptions): string {
  const wrap =
    o.layout === "card"
      ? `.wrap{max-width:760px;margin:24px auto;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius);padding:16px}`
      : `.wrap{padding:16px 24px}`;
  return `${wrap}
h1{font-size:22px;margin:0 0 12px}
.tools{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:12px;align-items:center}
input,select,.tools button{padding:8px 10px;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text)}
input{flex:1;min-width:160px}
table{width:100%;border-collapse:collapse}
th,td{padding:8px 10px;text-align:left;border-bottom:1px solid var(--border)}
th{cursor:pointer;user-select:none;color:var(--muted);font-size:14px}
th:hover{color:var(--accent)}${o.indicators ? `\nth.asc::after{content:" \\25B2"}\nth.desc::after{content:" \\25BC"}` : ""}${o.striped ? `\ntbody tr:nth-child(even){background:var(--bg)}` : ""}
tbody tr:hover{outline:1px solid var(--accent)}${o.count ? `\n#count{color:var(--muted);margin-left:auto}` : ""}`;
}

function body(o: TableOptions): string {
  const tools = [
    `<input id="filter" type="search" placeholder="Filter employees..." aria-label="Filter">`,
    o.deptFilter ? `<select id="dept" aria-label="Department">\n<option value="">All departments</option>\n${o.depts.map((d) => `<option>${d}</option>`).join("\n")}\n</select>` : "",
    o.reset ? `<button id="reset" type="button">Reset</button>` : "",
    o.count ? `<span id="count"></span>` : "",
  ].filter(Boolean);
  return `<div class="wrap">
<h1>${esc(o.title)}</h1>
<div class="tools">
${tools.join("\n")}
</div>
<table>
<thead><tr>${o.columns.map((k) => `<th data-key="${k}">${o.labels[k]}</th>`).join("")}</tr></thead>
<tbody></tbody>
</table>
</div>`;
}

function data(o: TableOptions): string {
  const rows = o.employees.map((e) => `  { ${o.columns.map((k) => `${k}: ${typeof e[k] === "number" ? e[k] : JSON.stringify(e[k])}`).join(", ")} }`);
  return `const employees = [\n${rows.join(",\n")}\n];`;
}

function matchExpr(o: TableOptions, v: string): string {
  const text = textKeys(o).map((k) => `${v}.${k}`).join(` + " " + `);
  return `(${text}).toLowerCase().includes(q)${o.deptFilter ? ` && (!d || ${v}.dept === d)` : ""}`;
}

function scriptRender(o: TableOptions): string {
  const q = `  const q = filter.value.trim().toLowerCase();${o.deptFilter ? `\n  const d = dept.value;` : ""}`;
  return `${data(o)}
${moneyFn(o)}let sortKey = null;
let sortDir = 1;
const tbody = document.querySelector("tbody");
const filter = document.getElementById("filter");${o.deptFilter ? `\nconst dept = document.getElementById("dept");` : ""}
function render() {
${q}
  const rows = employees.filter(function (e) {
    return ${matchExpr(o, "e")};
  });
  if (sortKey) {
    rows.sort(function (a, b) {
      const x = a[sortKey];
      const y = b[sortKey];
      return (typeof x === "number" ? x - y : x.localeCompare(y)) * sortDir;
    });
  }
  tbody.innerHTML = rows.map(function (e) {
    return "<tr>" + ${o.columns.map((k) => `"<td>" + ${cell(o, k, "e")} + "</td>"`).join(" + ")} + "</tr>";
  }).join("");${o.count ? `\n  document.getElementById("count").textContent = "Showing " + rows.length + " of " + employees.length;` : ""}
}
document.querySelector("thead").addEventListener("click", function (e) {
  const th = e.target.closest("th");
  if (!th) return;
  sortDir = sortKey === th.dataset.key ? -sortDir : 1;
  sortKey = th.dataset.key;${o.indicators ? `\n  document.querySelectorAll("th").forEach(function (h) {\n    h.className = h === th ? (sortDir === 1 ? "asc" : "desc") : "";\n  });` : ""}
  render();
});
filter.addEventListener("input", render);${o.deptFilter ? `\ndept.addEventListener("change", render);` : ""}${o.reset ? `\ndocument.getElementById("reset").addEventListener("click", function () {\n  filter.value = "";${o.deptFilter ? `\n  dept.value = "";` : ""}\n  sortKey = null;${o.indicators ? `\n  document.querySelectorAll("th").forEach(function (h) {\n    h.className = "";\n  });` : ""}\n  render();\n});` : ""}
render();`;
}

function scriptRows(o: TableOptions): string {
  return `${data(o)}
${moneyFn(o)}class EmployeeTable {
  constructor(list) {
    this.body = document.querySelector("tbody");
    this.filterInput = document.getElementById("filter");${o.deptFilter ? `\n    this.dept = document.getElementById("dept");` : ""}
    this.key = null;
    this.dir = 1;
    this.rows = list.map((e, i) => ({ e, i, tr: this.makeRow(e) }));
    this.headers = document.querySelectorAll("th");
    this.headers.forEach((th) => th.addEventListener("click", () => this.sort(th)));
    this.filterInput.addEventListener("input", () => this.filter());${o.deptFilter ? `\n    this.dept.addEventListener("change", () => this.filter());` : ""}${o.reset ? `\n    document.getElementById("reset").addEventListener("click", () => this.reset());` : ""}
    this.show();
    this.filter();
  }
  makeRow(e) {
    const tr = document.createElement("tr");
    for (const v of [${o.columns.map((k) => cell(o, k, "e")).join(", ")}]) {
      const td = document.createElement("td");
      td.textContent = v;
      tr.appendChild(td);
    }
    return tr;
  }
  show() {
    this.rows.forEach((r) => this.body.appendChild(r.tr));
  }
  sort(th) {
    const key = th.dataset.key;
    this.dir = this.key === key ? -this.dir : 1;
    this.key = key;
    this.rows.sort((a, b) => {
      const x = a.e[key];
      const y = b.e[key];
      return (typeof x === "number" ? x - y : x.localeCompare(y)) * this.dir;
    });${o.indicators ? `\n    this.headers.forEach((h) => h.classList.remove("asc", "desc"));\n    th.classList.add(this.dir === 1 ? "asc" : "desc");` : ""}
    this.show();
  }
  filter() {
    const q = this.filterInput.value.trim().toLowerCase();${o.deptFilter ? `\n    const d = this.dept.value;` : ""}${o.count ? `\n    let shown = 0;` : ""}
    for (const { e, tr } of this.rows) {
      tr.hidden = !(${matchExpr(o, "e")});${o.count ? `\n      if (!tr.hidden) shown++;` : ""}
    }${o.count ? `\n    document.getElementById("count").textContent = "Showing " + shown + " of " + this.rows.length;` : ""}
  }${o.reset ? `\n  reset() {\n    this.filterInput.value = "";${o.deptFilter ? `\n    this.dept.value = "";` : ""}\n    this.key = null;\n    this.rows.sort((a, b) => a.i - b.i);${o.indicators ? `\n    this.headers.forEach((h) => h.classList.remove("asc", "desc"));` : ""}\n    this.show();\n    this.filter();\n  }` : ""}
}
new EmployeeTable(employees);`;
}

function render(o: TableOptions): string {
  return page({ title: o.title, theme: o.theme, css: css(o), body: body(o), script: o.style === "rows" ? scriptRows(o) : scriptRender(o) });
}

const OPTIONAL = ["indicators", "deptFilter", "count", "striped", "reset"] as const;
const fits = (o: TableOptions) => render(o).length <= 4000;

/** The cells of the table rows shown. */
async function visibleRows(frame: Frame): Promise<string[][]> {
  return frame.evaluate(() =>
    [...document.querySelectorAll("tbody tr")]
      .filter((tr) => tr.getClientRects().length > 0)
      .map((tr) => [...(tr as HTMLTableRowElement).cells].map((td) => (td.textContent ?? "").trim())),
  );
}

export const table = defineFamily<TableOptions>({
  name: "table",
  options(rng) {
    const depts = rng.sample(DEPTS, rng.int(3, 5));
    const extra = rng.sample(["role", "city", "salary", "age", "start"] as Key[], rng.int(2, 3));
    const columns = (["name", "dept", "role", "city", "salary", "age", "start"] as Key[]).filter((k) => k === "name" || k === "dept" || extra.includes(k));
    if (rng.chance(0.3)) [columns[0], columns[1]] = [columns[1], columns[0]];
    const labels = Object.fromEntries(Object.entries(LABELS).map(([k, v]) => [k, rng.pick(v)])) as Record<Key, string>;
    const o: TableOptions = {
      theme: randomTheme(rng),
      title: rng.pick(["Employees", "Employee Directory", "Staff List", "Our Team", "Team Members", "People"]),
      columns,
      labels,
      employees: drawEmployees(rng, rng.int(6, 10), depts),
      depts: [...depts].sort(),
      money: rng.pick(["dollar", "plain", "k"] as const),
      style: rng.pick(["render", "rows"] as const),
      layout: rng.pick(["card", "full"] as const),
      indicators: rng.chance(0.6),
      deptFilter: rng.chance(0.45),
      count: rng.chance(0.5),
      striped: rng.chance(0.5),
      reset: rng.chance(0.35),
    };
    while (!fits(o)) {
      const on = OPTIONAL.filter((k) => o[k]);
      if (on.length && (o.employees.length <= 6 || rng.chance(0.4))) o[rng.pick(on)] = false;
      else o.employees.pop();
    }
    return o;
  },
  render,
  features(o) {
    return [
      ...(o.indicators ? ["indicators"] : []),
      ...(o.deptFilter ? ["dept-filter"] : []),
      ...(o.count ? ["count"] : []),
      ...(o.striped ? ["striped"] : []),
      ...(o.reset ? ["reset"] : []),
      ...(o.columns.includes("salary") ? ["salary"] : []),
    ];
  },
  request(o, rng) {
    const subject = rng.pick([
      "a sortable and filterable table of employees",
      "an employee table I can sort and filter",
      "a staff directory table with sorting and filtering",
      "a table of employees that sorts by clicking a column header and has a search filter",
      "a filterable, sortable employee list",
      "an employees table with sortable columns and a filter box",
    ]);
    const f: string[] = [];
    if (o.indicators) f.push(rng.pick(["arrows showing the sort direction", "sort direction indicators"]));
    if (o.deptFilter) f.push(rng.pick(["a department dropdown filter", "a select to filter by department"]));
    if (o.count) f.push(rng.pick(["a count of the shown rows", "a 'showing X of Y' counter"]));
    if (o.striped) f.push(rng.pick(["striped rows", "zebra stripes"]));
    if (o.reset) f.push(rng.pick(["a reset button", "a button to clear the filters and sorting"]));
    if (rng.chance(0.4)) f.push(`columns for ${o.columns.map((k) => o.labels[k].toLowerCase()).join(", ")}`);
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-dept-filter", requests: ["add a dropdown to filter by department", "let me filter by department too"], appliesTo: (o) => !o.deptFilter && fits({ ...o, deptFilter: true }), apply: (o) => ({ ...o, deptFilter: true }) },
    { id: "add-count", requests: ["show how many rows are visible", "add a 'showing X of Y' count"], appliesTo: (o) => !o.count && fits({ ...o, count: true }), apply: (o) => ({ ...o, count: true }) },
    { id: "add-indicators", requests: ["show arrows for the sort direction", "add sort indicators to the headers"], appliesTo: (o) => !o.indicators && fits({ ...o, indicators: true }), apply: (o) => ({ ...o, indicators: true }) },
    { id: "add-reset", requests: ["add a reset button", "add a button that clears the filter and sorting"], appliesTo: (o) => !o.reset && fits({ ...o, reset: true }), apply: (o) => ({ ...o, reset: true }) },
    { id: "add-stripes", requests: ["make the rows striped", "add zebra stripes"], appliesTo: (o) => !o.striped && fits({ ...o, striped: true }), apply: (o) => ({ ...o, striped: true }) },
  ],
  async check({ frame }, o) {
    const total = o.employees.length;
    const nameCol = o.columns.indexOf("name");
    let rows = await visibleRows(frame);
    if (rows.length !== total) throw new Error(`expected ${total} rows, got ${rows.length}`);
    const header = (k: Key) => frame.locator(`th[data-key="${k}"]`);
    const names = o.employees.map((e) => e.name as string).sort((a, b) => a.localeCompare(b));
    await header("name").click();
    rows = await visibleRows(frame);
    if (rows[0][nameCol] !== names[0]) throw new Error(`sorted by name, first row is ${rows[0][nameCol]}, expected ${names[0]}`);
    if (o.indicators) {
      const after = await header("name").evaluate((th) => getComputedStyle(th, "::after").content);
      if (!after.includes("\u25b2")) throw new Error(`no ascending indicator: ${after}`);
    }
    await header("name").click();
    rows = await visibleRows(frame);
    if (rows[0][nameCol] !== names[total - 1]) throw new Error(`second click does not sort descending (first row ${rows[0][nameCol]})`);
    const num = o.columns.find((k) => NUMERIC.includes(k));
    if (num) {
      await header(num).click();
      rows = await visibleRows(frame);
      const min = Math.min(...o.employees.map((e) => e[num] as number));
      const ok = o.employees.filter((e) => e[num] === min).map((e) => e.name);
      if (!ok.includes(rows[0][nameCol])) throw new Error(`sorted by ${num}, first row is ${rows[0][nameCol]}`);
      const col = o.columns.indexOf(num);
      if (rows[0][col] !== fmt(o, num, min)) throw new Error(`${num} cell shows ${rows[0][col]}, expected ${fmt(o, num, min)}`);
    }
    const target = o.employees[1];
    const q = (target.name as string).split(" ")[1].slice(0, 3).toLowerCase();
    const want = o.employees.filter((e) => textKeys(o).map((k) => e[k]).join(" ").toLowerCase().includes(q));
    await frame.locator("#filter").fill(q);
    rows = await visibleRows(frame);
    if (rows.length !== want.length) throw new Error(`filter "${q}" shows ${rows.length} rows, expected ${want.length}`);
    if (!rows.some((r) => r[nameCol] === target.name)) throw new Error(`filter "${q}" hides ${target.name}`);
    if (o.count) {
      const c = (await frame.locator("#count").textContent()) ?? "";
      if (!c.includes(`${want.length} of ${total}`)) throw new Error(`count shows "${c}"`);
    }
    if (o.reset) {
      await frame.locator("#reset").click();
      rows = await visibleRows(frame);
      if (rows.length !== total) throw new Error(`reset shows ${rows.length} rows`);
      if (rows[0][nameCol] !== o.employees[0].name) throw new Error("reset does not restore the original order");
      if ((await frame.locator("#filter").inputValue()) !== "") throw new Error("reset does not clear the filter");
    } else {
      await frame.locator("#filter").fill("");
    }
    if (o.deptFilter) {
      const d = o.employees[0].dept as string;
      await frame.locator("#dept").selectOption(d);
      rows = await visibleRows(frame);
      const n = o.employees.filter((e) => e.dept === d).length;
      if (rows.length !== n) throw new Error(`department ${d} shows ${rows.length} rows, expected ${n}`);
    }
  },
  async requestCheck({ frame }, request) {
    const rows = () => visibleRows(frame);
    const all = await rows();
    if (all.length < 3) throw new Error(`the table shows ${all.length} rows`);
    const heads = (await frame.locator("th").allInnerTexts()).map((h) => h.trim());
    const col = Math.max(0, heads.findIndex((h) => /name/i.test(h)));
    const header = frame.locator("th").nth(col);
    const names = () => rows().then((rs) => rs.map((r) => r[col]));
    await header.click();
    const up = await names();
    if (up.join() !== [...up].sort((a, b) => a.localeCompare(b)).join()) throw new Error(`clicking the ${heads[col]} header does not sort by it (${up.join(", ")})`);
    await header.click();
    if ((await names()).join() === up.join()) throw new Error("a second click on the header does not reverse the order");
    const query = all[1][col].split(" ").pop()!.slice(0, 3).toLowerCase();
    const filter = textField(frame);
    await filter.fill(query);
    await eventually(async () => {
      const shown = await rows();
      return shown.length && shown.length < all.length && shown.every((r) => r.join(" ").toLowerCase().includes(query)) ? true : undefined;
    }, `filtering by "${query}" does not show only the matching rows`);
    if (/showing|count/i.test(request) && !/\d+ *(of|\/) *\d+/.test(await visibleText(frame))) throw new Error("no count of the rows shown");
    if (/reset|clear the filters/i.test(request)) {
      await button(frame, /reset|clear/i).click();
      await eventually(async () => ((await rows()).length === all.length && (await filter.inputValue()) === "") || undefined, "reset does not clear the filter");
    } else await filter.fill("");
    if (/department (dropdown|filter)|filter by department/i.test(request)) {
      const select = frame.getByRole("combobox").first();
      const dept = (await select.locator("option").allTextContents()).find((d) => all.some((r) => r.includes(d)))!;
      await select.selectOption({ label: dept });
      await eventually(async () => {
        const shown = await rows();
        return shown.length && shown.every((r) => r.includes(dept)) ? true : undefined;
      }, `the department filter does not show only ${dept}`);
    }
  },
});
