// An expense tracker: add expenses with a category, list them, and show the total.
import type { Frame } from "playwright-core";
import { esc, jsStr, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import { deleteEntry, shows } from "../list-steps.ts";
import { button, eventually, expectNumbers, labelled, newLines, numbers, storageHolds, textField, until, visibleText } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

type Expense = [desc: string, amount: number, cat: number];

interface ExpenseOptions {
  theme: Theme;
  title: string;
  categories: string[];
  seeds: Expense[];
  currency: "USD" | "EUR" | "GBP";
  format: "fixed" | "intl";
  style: "functions" | "class";
  layout: "stack" | "split";
  list: "table" | "list";
  del: boolean;
  byCategory: boolean;
  filter: boolean;
  budget: boolean;
  save: boolean;
  error: boolean;
  addLabel: string;
  key: string;
}

const CATEGORY_SETS = [
  ["Food", "Transport", "Bills", "Fun", "Other"],
  ["Groceries", "Rent", "Travel", "Health", "Shopping"],
  ["Food", "Home", "Car", "Entertainment"],
  ["Meals", "Transport", "Utilities", "Leisure", "Misc"],
];

const SEED_NAMES = [["Coffee", "Sandwich", "Pizza"], ["Train ticket", "Taxi", "Fuel"], ["Phone bill", "Electricity", "Internet"], ["Cinema", "Concert", "Books"]];

const SYMBOL: Record<ExpenseOptions["currency"], string> = { USD: "$", EUR: "\\u20ac", GBP: "\\u00a3" };

function css(o: ExpenseOptions): string {
  const shell =
    o.layout === "split"
      ? `main{display:grid;grid-template-columns:300px 1fr;gap:24px;max-width:900px;margin:30px auto;padding:0 16px}`
      : `main{max-width:600px;margin:30px auto;padding:0 16px}`;
  const list =
    o.list === "table"
      ? `table{width:100%;border-collapse:collapse}
th,td{padding:8px;border-bottom:1px solid var(--border);text-align:left}
td:nth-child(3){text-align:right}`
      : `#list{list-style:none;padding:0;margin:0}
#list li{display:flex;gap:8px;padding:10px;border-bottom:1px solid var(--border)}
#list .desc{flex:1}`;
  return `${shell}
h1{font-size:24px;margin:0 0 12px}
.panel{background:var(--surface);border:1px solid var(--border);border-radius:var(--radius);padding:16px}
form{display:grid;gap:8px}
input,select{padding:8px;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text);font:inherit}
.btn{padding:9px;border:0;border-radius:var(--radius);background:var(--accent);color:var(--accent-text)}
#total{font-size:22px;font-weight:bold;margin:12px 0}
${list}
.tag{font-size:13px;color:var(--muted)}${o.del ? `\n.del{border:0;background:none;color:var(--muted);font-size:18px}` : ""}${o.error ? `\n#error{color:#dc2626;margin:0}` : ""}${
    o.byCategory ? `\n#cats{padding:0;list-style:none;color:var(--muted)}` : ""
  }${o.budget ? `\n.over{color:#dc2626}` : ""}`;
}

function body(o: ExpenseOptions): string {
  const opts = o.categories.map((c) => `<option>${esc(c)}</option>`).join("");
  const list =
    o.list === "table"
      ? `<table>\n<thead><tr><th>Description</th><th>Category</th><th>Amount</th>${o.del ? "<th></th>" : ""}</tr></thead>\n<tbody id="list"></tbody>\n</table>`
      : `<ul id="list"></ul>`;
  return `<main>
<section class="panel">
<h1>${esc(o.title)}</h1>
<form id="form">
<input id="desc" placeholder="Description">
<input id="amount" type="number" step="0.01" min="0" placeholder="Amount">
<select id="category" aria-label="Category">${opts}</select>
<button class="btn" type="submit">${esc(o.addLabel)}</button>${o.error ? `\n<p id="error" role="alert"></p>` : ""}
</form>
<div id="total"></div>${o.budget ? `\n<label>Budget <input id="budget" type="number" min="0" value="100"></label>\n<p id="remaining"></p>` : ""}${o.byCategory ? `\n<ul id="cats"></ul>` : ""}
</section>
<section>${o.filter ? `\n<select id="filter" aria-label="Filter by category"><option value="">All</option>${opts}</select>` : ""}
${list}
</section>
</main>`;
}

function fmtCode(o: ExpenseOptions): string {
  return o.format === "intl"
    ? `const fmt = (n) => n.toLocaleString("${o.currency === "GBP" ? "en-GB" : "en-US"}", { style: "currency", currency: "${o.currency}" });`
    : `const fmt = (n) => "${SYMBOL[o.currency]}" + n.toFixed(2);`;
}

function seeds(o: ExpenseOptions): string {
  const rows = o.seeds.map(([d, a, c]) => `{ desc: ${jsStr(d)}, amount: ${a}, category: ${jsStr(o.categories[c])} }`);
  return rows.length > 1 ? `[\n  ${rows.join(",\n  ")}\n]` : `[${rows.join("")}]`;
}

function validate(o: ExpenseOptions, ind: string, desc: string, amount: string): string {
  const fail = o.error
    ? `{\n${ind}  ${o.style === "class" ? "this.error" : "error"}.textContent = "Enter a description and an amount above 0.";\n${ind}  return;\n${ind}}\n${ind}${o.style === "class" ? "this.error" : "error"}.textContent = "";`
    : `return;`;
  return `if (!${desc} || !(${amount} > 0)) ${fail}`;
}

function scriptFunctions(o: ExpenseOptions): string {
  const row =
    o.list === "table"
      ? `\`<tr><td>\${esc(e.desc)}</td><td><span class="tag">\${e.category}</span></td><td>\${fmt(e.amount)}</td>${o.del ? `<td><button class="del" data-i="\${expenses.indexOf(e)}" aria-label="Delete">&times;</button></td>` : ""}</tr>\``
      : `\`<li><span class="desc">\${esc(e.desc)}</span><span class="tag">\${e.category}</span><span>\${fmt(e.amount)}</span>${o.del ? `<button class="del" data-i="\${expenses.indexOf(e)}" aria-label="Delete">&times;</button>` : ""}</li>\``;
  return `${fmtCode(o)}
let expenses = ${o.save ? `JSON.parse(localStorage.getItem(${jsStr(o.key)}) || "null") || ` : ""}${seeds(o)};
const list = document.getElementById("list");${o.error ? `\nconst error = document.getElementById("error");` : ""}
function esc(s) {
  return s.replace(/[&<>"]/g, (c) => "&#" + c.charCodeAt(0) + ";");
}
function render() {${o.filter ? `\n  const f = document.getElementById("filter").value;\n  const shown = expenses.filter((e) => !f || e.category === f);` : ""}
  list.innerHTML = ${o.filter ? "shown" : "expenses"}.map((e) => ${row}).join("");
  const total = expenses.reduce((sum, e) => sum + e.amount, 0);
  document.getElementById("total").textContent = "Total: " + fmt(total);${
    o.budget
      ? `\n  const left = Number(document.getElementById("budget").value) - total;
  const rem = document.getElementById("remaining");
  rem.textContent = (left < 0 ? "Over budget: " : "Remaining: ") + fmt(Math.abs(left));
  rem.classList.toggle("over", left < 0);`
      : ""
  }${
    o.byCategory
      ? `\n  const sums = {};
  expenses.forEach((e) => (sums[e.category] = (sums[e.category] || 0) + e.amount));
  document.getElementById("cats").innerHTML = Object.keys(sums).map((c) => \`<li>\${c}: \${fmt(sums[c])}</li>\`).join("");`
      : ""
  }${o.save ? `\n  localStorage.setItem(${jsStr(o.key)}, JSON.stringify(expenses));` : ""}
}
document.getElementById("form").addEventListener("submit", (e) => {
  e.preventDefault();
  const desc = document.getElementById("desc");
  const amount = document.getElementById("amount");
  ${validate(o, "  ", "desc.value.trim()", "Number(amount.value)")}
  expenses.push({ desc: desc.value.trim(), amount: Number(amount.value), category: document.getElementById("category").value });
  desc.value = "";
  amount.value = "";
  render();
});${o.del ? `\nlist.addEventListener("click", (e) => {\n  const b = e.target.closest(".del");\n  if (!b) return;\n  expenses.splice(Number(b.dataset.i), 1);\n  render();\n});` : ""}${o.filter ? `\ndocument.getElementById("filter").addEventListener("change", render);` : ""}${o.budget ? `\ndocument.getElementById("budget").addEventListener("input", render);` : ""}
render();`;
}

function scriptClass(o: ExpenseOptions): string {
  const cell = o.list === "table" ? (x: string) => `row.insertCell().append(${x});` : (x: string) => `row.append(${x});`;
  const text = (value: string, cls: string) => (o.list === "table" ? `row.insertCell().textContent = ${value};` : cell(`this.span(${value}, "${cls}")`));
  return `${fmtCode(o)}
class Tracker {
  constructor() {
    this.expenses = ${o.save ? `JSON.parse(localStorage.getItem(${jsStr(o.key)}) || "null") || ` : ""}${seeds(o).replace(/\n/g, "\n    ")};
    this.list = document.getElementById("list");${o.error ? `\n    this.error = document.getElementById("error");` : ""}
    document.getElementById("form").addEventListener("submit", (e) => this.add(e));${o.filter ? `\n    document.getElementById("filter").addEventListener("change", () => this.render());` : ""}${
      o.budget ? `\n    document.getElementById("budget").addEventListener("input", () => this.render());` : ""
    }
    this.render();
  }
  add(e) {
    e.preventDefault();
    const desc = document.getElementById("desc");
    const amount = document.getElementById("amount");
    ${validate(o, "    ", "desc.value.trim()", "Number(amount.value)")}
    this.expenses.push({ desc: desc.value.trim(), amount: Number(amount.value), category: document.getElementById("category").value });
    desc.value = "";
    amount.value = "";
    this.render();
  }
${o.list === "list" ? `  span(text, cls) {\n    const s = document.createElement("span");\n    s.textContent = text;\n    s.className = cls;\n    return s;\n  }\n` : ""}  render() {${o.filter ? `\n    const f = document.getElementById("filter").value;` : ""}
    this.list.innerHTML = "";
    this.expenses.forEach((e${o.del ? ", i" : ""}) => {${o.filter ? `\n      if (f && e.category !== f) return;` : ""}
      const row = document.createElement("${o.list === "table" ? "tr" : "li"}");
      ${o.list === "list" ? `row.append(this.span(e.desc, "desc"), this.span(e.category, "tag"), this.span(fmt(e.amount), "amount"));` : `${text("e.desc", "")}\n      ${text("e.category", "")}\n      ${text("fmt(e.amount)", "")}`}${
        o.del
          ? `\n      const del = document.createElement("button");
      del.className = "del";
      del.innerHTML = "&times;";
      del.setAttribute("aria-label", "Delete");
      del.addEventListener("click", () => {
        this.expenses.splice(i, 1);
        this.render();
      });
      ${cell("del")}`
          : ""
      }
      this.list.appendChild(row);
    });
    const total = this.expenses.reduce((sum, e) => sum + e.amount, 0);
    document.getElementById("total").textContent = "Total: " + fmt(total);${
      o.budget
        ? `\n    const left = Number(document.getElementById("budget").value) - total;
    const rem = document.getElementById("remaining");
    rem.textContent = (left < 0 ? "Over budget: " : "Remaining: ") + fmt(Math.abs(left));
    rem.classList.toggle("over", left < 0);`
        : ""
    }${
      o.byCategory
        ? `\n    const sums = {};
    this.expenses.forEach((e) => (sums[e.category] = (sums[e.category] || 0) + e.amount));
    document.getElementById("cats").innerHTML = Object.keys(sums).map((c) => "<li>" + c + ": " + fmt(sums[c]) + "</li>").join("");`
        : ""
    }${o.save ? `\n    localStorage.setItem(${jsStr(o.key)}, JSON.stringify(this.expenses));` : ""}
  }
}
new Tracker();`;
}

/** How many optional features an app has: at most two, to stay compact. */
function extras(o: ExpenseOptions): number {
  return [o.del, o.byCategory, o.filter, o.budget, o.error, o.save].filter(Boolean).length;
}

export const expenses = defineFamily<ExpenseOptions>({
  name: "expenses",
  options(rng) {
    const categories = rng.pick(CATEGORY_SETS);
    const style = rng.pick(["functions", "class"] as const);
    const ex = rng.sample(["del", "byCategory", "filter", "budget", "error", "save"], rng.int(0, 2));
    const save = ex.includes("save");
    return {
      theme: randomTheme(rng),
      title: rng.pick(["Expense Tracker", "Expenses", "My Spending", "Budget Tracker", "Spending Log"]),
      categories,
      seeds: save || rng.chance(0.4) ? [] : rng.sample([0, 1, 2, 3], rng.int(1, style === "class" ? 1 : 2)).map((k): Expense => [rng.pick(SEED_NAMES[k]), rng.int(2, 80) + rng.pick([0, 0.5, 0.25, 0.99]), k % categories.length]),
      currency: rng.pick(["USD", "USD", "EUR", "GBP"] as const),
      format: rng.pick(["fixed", "intl"] as const),
      style,
      layout: rng.pick(["stack", "split"] as const),
      list: rng.pick(["table", "list"] as const),
      del: ex.includes("del"),
      byCategory: ex.includes("byCategory"),
      filter: ex.includes("filter"),
      budget: ex.includes("budget"),
      error: ex.includes("error"),
      save,
      addLabel: rng.pick(["Add", "Add expense", "+ Add", "Save"]),
      key: rng.pick(["expenses", "expense-tracker", "spending"]),
    };
  },
  render(o) {
    return page({ title: o.title, theme: o.theme, css: css(o), body: body(o), script: o.style === "class" ? scriptClass(o) : scriptFunctions(o) });
  },
  features(o) {
    return [
      ...(o.del ? ["delete"] : []),
      ...(o.byCategory ? ["category-totals"] : []),
      ...(o.filter ? ["filter"] : []),
      ...(o.budget ? ["budget"] : []),
      ...(o.error ? ["validation"] : []),
      ...(o.save ? ["save"] : []),
    ];
  },
  request(o, rng) {
    const subject = rng.pick(["an expense tracker", "a simple expense tracker", "a spending tracker", "an app to track my expenses", "a budget and expense tracker"]);
    const f: string[] = [];
    f.push(rng.pick([`categories (${o.categories.join(", ")})`, "a category for each expense", "expense categories"]));
    f.push(rng.pick(["a total", "the total amount", "a running total"]));
    if (o.currency !== "USD" || rng.chance(0.3)) f.push(`amounts in ${o.currency === "EUR" ? "euros" : o.currency === "GBP" ? "pounds" : "dollars"}`);
    if (o.del) f.push(rng.pick(["a delete button on each expense", "a way to remove expenses"]));
    if (o.byCategory) f.push(rng.pick(["totals per category", "a breakdown by category"]));
    if (o.filter) f.push(rng.pick(["a category filter", "a dropdown to filter by category"]));
    if (o.budget) f.push(rng.pick(["a budget with the remaining amount", "a budget field that shows what is left"]));
    if (o.error) f.push(rng.pick(["an error message for invalid input", "validation of the amount"]));
    if (o.save) f.push(rng.pick(["localStorage saving", "expenses saved in local storage"]));
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? f.slice(0, 2) : f);
  },
  edits: [
    { id: "add-delete", requests: ["add a delete button to each expense", "let me remove expenses"], appliesTo: (o) => !o.del && extras(o) < 2, apply: (o) => ({ ...o, del: true }) },
    { id: "add-category-totals", requests: ["show the total for each category", "add a breakdown by category"], appliesTo: (o) => !o.byCategory && extras(o) < 2, apply: (o) => ({ ...o, byCategory: true }) },
    { id: "add-filter", requests: ["add a filter by category", "let me show only one category"], appliesTo: (o) => !o.filter && extras(o) < 2, apply: (o) => ({ ...o, filter: true }) },
    { id: "add-budget", requests: ["add a budget and show what is left", "add a monthly budget field"], appliesTo: (o) => !o.budget && extras(o) < 2, apply: (o) => ({ ...o, budget: true }) },
    { id: "add-save", requests: ["save the expenses in localStorage", "make the expenses persist"], appliesTo: (o) => !o.save && extras(o) < 2, apply: (o) => ({ ...o, save: true }) },
    { id: "euros", requests: ["show the amounts in euros", "use euros instead"], appliesTo: (o) => o.currency !== "EUR", apply: (o) => ({ ...o, currency: "EUR" }) },
  ],
  async check(app, o) {
    await drive(app, { categories: o.categories, del: o.del, byCategory: o.byCategory, filter: o.filter, budget: o.budget, error: o.error, save: o.save });
  },
  async requestCheck(app, request) {
    await drive(app, {
      categories: /\(([^)]+)\)/.exec(request)?.[1].split(", ") ?? [],
      del: /delete|remove/i.test(request),
      byCategory: /per category|breakdown/i.test(request),
      filter: /filter/i.test(request),
      budget: /budget (with|field)/i.test(request),
      error: /error|validation/i.test(request),
      save: /local ?storage|saved/i.test(request),
    });
  },
});

interface Wants {
  /** The categories the app must offer (none: any). */
  categories: string[];
  del: boolean;
  byCategory: boolean;
  filter: boolean;
  budget: boolean;
  error: boolean;
  save: boolean;
}

/** Wait until a number `delta` above one of `before` shows; returns it (a total that went up by `delta`). */
async function totalUp(frame: Frame, before: number[], delta: number, message: string): Promise<number> {
  return eventually(async () => numbers(await visibleText(frame)).find((n) => [0, ...before].some((b) => Math.abs(n - b - delta) < 0.006)), message);
}

/** Log expenses like a user (and use each wanted feature); the total must follow. */
async function drive({ frame }: AppUnderTest, want: Wants): Promise<void> {
  const category = frame.getByRole("combobox").first();
  const options = await category.locator("option").allTextContents();
  for (const c of want.categories) if (!options.some((o) => o.toLowerCase() === c.toLowerCase())) throw new Error(`no category ${c}`);
  if (options.length < 2) throw new Error("no categories to pick");
  const amount = frame.getByRole("spinbutton").or(labelled(frame, /amount/i)).first();
  const add = async (desc: string, value: string, cat: number) => {
    await textField(frame).fill(desc);
    await amount.fill(value);
    await category.selectOption({ label: options[cat] });
    await button(frame, /add|save|\+/i).click();
  };
  const start = numbers(await visibleText(frame));
  await add("Lunch", "12.50", 0);
  await add("Bus ticket", "3.25", 1);
  if (!(await shows(frame, "Bus ticket"))) throw new Error("an added expense is not listed");
  const total = await totalUp(frame, start, 15.75, "the total does not go up by 12.50 + 3.25");
  if (want.error) {
    const before = await visibleText(frame);
    await add("Nothing", "", 0);
    await eventually(async () => newLines(before, await visibleText(frame)).length || undefined, "no error message for a missing amount");
    if ((await visibleText(frame)).includes("Nothing")) throw new Error("an expense without an amount is added");
  }
  if (want.byCategory && !(await visibleText(frame)).split("\n").some((l) => l.includes(options[0]) && /\d/.test(l) && !l.includes("Lunch"))) throw new Error(`no total for ${options[0]}`);
  if (want.budget) {
    await labelled(frame, /budget/i).fill("1000");
    await expectNumbers(frame, "the remaining budget", [1000 - total]);
  }
  if (want.filter) {
    await frame.getByRole("combobox").last().selectOption({ label: options[1] });
    await until(frame, () => document.body.innerText.includes("Bus ticket") && !document.body.innerText.includes("Lunch"), null, "the category filter does not filter");
    await frame.getByRole("combobox").last().selectOption({ index: 0 });
  }
  if (want.save && !(await storageHolds(frame, "Bus ticket"))) throw new Error("the expenses are not saved to localStorage");
  if (want.del) {
    const now = numbers(await visibleText(frame));
    await deleteEntry(frame, "Lunch");
    await eventually(async () => numbers(await visibleText(frame)).some((n) => now.some((b) => Math.abs(b - n - 12.5) < 0.006)) || undefined, "deleting an expense does not lower the total");
  }
}
