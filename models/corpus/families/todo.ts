// A todo list: add tasks, and optionally check them off, delete them, count them,
// filter them, clear the finished ones and keep them in localStorage.
import { esc, jsStr, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import type { Rng } from "../rng.ts";
import type { Frame } from "playwright-core";
import { addEntry, deleteEntry, markDone, shows } from "../list-steps.ts";
import { button, shownNumbers, storageHolds, until } from "../tolerant.ts";
import { defineFamily } from "../types.ts";

interface TodoOptions {
  theme: Theme;
  title: string;
  noun: string;
  placeholder: string;
  addLabel: string;
  seed: string[];
  toggle: "none" | "checkbox" | "click";
  del: boolean;
  delLabel: "Delete" | "Remove" | "x" | "times";
  count: boolean;
  countFormat: "left" | "remaining" | "of";
  filter: boolean;
  filterLabels: [string, string, string];
  clearDone: boolean;
  clearLabel: string;
  persist: boolean;
  storageKey: string;
  layout: "card" | "full" | "bottom";
  style: "delegation" | "listeners" | "class";
  submit: "form" | "button";
}

const SEEDS = [
  ["Buy groceries", "Call the dentist", "Finish the report"],
  ["Water the plants", "Pay rent", "Go for a run"],
  ["Read a chapter", "Clean the kitchen", "Email Sam"],
  ["Book flights", "Walk the dog", "Fix the bike"],
  ["Plan the week", "Do laundry", "Practice guitar"],
];

const TITLES = ["Todo List", "My Tasks", "To-Do", "Task List", "Things To Do", "Today", "Todos", "My List"];

function css(o: TodoOptions): string {
  const shell =
    o.layout === "card"
      ? `.app{max-width:440px;margin:40px auto;padding:20px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius)}`
      : o.layout === "full"
        ? `.app{padding:24px 32px}`
        : `.app{max-width:560px;margin:0 auto;padding:20px;display:flex;flex-direction:column;min-height:100vh}\n#list{flex:1}`;
  const toggle =
    o.toggle === "click" ? `\nli span{cursor:pointer}` : o.toggle === "checkbox" ? `\nli input{width:18px;height:18px}` : "";
  return `${shell}
h1{margin:0 0 16px;font-size:24px}
.row{display:flex;gap:8px}
.row input{flex:1;padding:10px;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text)}
button{padding:8px 14px;border:0;border-radius:var(--radius);background:var(--accent);color:var(--accent-text)}
ul{list-style:none;padding:0;margin:16px 0}
li{display:flex;align-items:center;gap:10px;padding:10px;border-bottom:1px solid var(--border)}
li span{flex:1}${toggle}${o.toggle !== "none" ? `\nli.done span{text-decoration:line-through;color:var(--muted)}` : ""}${o.del ? `\n.del{background:none;color:var(--muted);padding:4px 8px}` : ""}${o.count || o.clearDone ? `\n.bar{display:flex;justify-content:space-between;align-items:center;color:var(--muted);font-size:14px}` : ""}${o.filter ? `\n#filters{display:flex;gap:6px;margin-top:12px}\n#filters button{background:none;color:var(--text);border:1px solid var(--border)}\n#filters button.on{background:var(--accent);color:var(--accent-text)}` : ""}`;
}

function body(o: TodoOptions): string {
  const form =
    o.submit === "form"
      ? `<form id="form" class="row">\n<input id="new" type="text" placeholder="${esc(o.placeholder)}" autocomplete="off">\n<button type="submit">${esc(o.addLabel)}</button>\n</form>`
      : `<div class="row">\n<input id="new" type="text" placeholder="${esc(o.placeholder)}" autocomplete="off">\n<button id="add" type="button">${esc(o.addLabel)}</button>\n</div>`;
  const [all, open, done] = o.filterLabels;
  const filters = o.filter
    ? `\n<div id="filters"><button data-f="all" class="on">${all}</button><button data-f="active">${open}</button><button data-f="done">${done}</button></div>`
    : "";
  const bar =
    o.count || o.clearDone
      ? `\n<div class="bar">${o.count ? `<span id="count"></span>` : "<span></span>"}${o.clearDone ? `<button id="clear">${esc(o.clearLabel)}</button>` : ""}</div>`
      : "";
  const list = `<ul id="list"></ul>`;
  const parts = o.layout === "bottom" ? [filters.trim(), list, form + bar] : [form + filters, list + bar];
  return `<div class="app">
<h1>${esc(o.title)}</h1>
${parts.filter(Boolean).join("\n")}
</div>`;
}

function initial(o: TodoOptions): string {
  const seed = `[${o.seed.map((t) => `{ text: ${jsStr(t)}, done: false }`).join(", ")}]`;
  return o.persist ? `JSON.parse(localStorage.getItem(${jsStr(o.storageKey)}) || "null") || ${seed}` : seed;
}

function countExpr(o: TodoOptions, tasks: string): string {
  if (o.toggle === "none") return `${tasks}.length + (${tasks}.length === 1 ? " ${o.noun}" : " ${o.noun}s")`;
  const left = `${tasks}.filter((t) => !t.done).length`;
  if (o.countFormat === "of") return `${tasks}.filter((t) => t.done).length + " of " + ${tasks}.length + " done"`;
  return `${left} + " ${o.countFormat}"`;
}

function delText(o: TodoOptions, html: boolean): string {
  if (o.delLabel === "times") return html ? "&times;" : "\\u00d7";
  return o.delLabel;
}

function ariaJs(o: TodoOptions, pad: string): string {
  return o.delLabel === "x" || o.delLabel === "times" ? `\n${pad}del.setAttribute("aria-label", "Delete");` : "";
}

const HIDDEN = `filter === "active" && t.done || filter === "done" && !t.done`;

function scriptDelegation(o: TodoOptions): string {
  const box = o.toggle === "checkbox" ? `<input type="checkbox"' + (t.done ? " checked" : "") + '>` : "";
  const del = o.del ? `<button class="del"${o.delLabel.length < 3 || o.delLabel === "times" ? ` aria-label="Delete"` : ""}>${delText(o, true)}</button>` : "";
  const cls = o.toggle !== "none" ? ` class="' + (t.done ? "done" : "") + '"` : "";
  const acts: string[] = [];
  if (o.del) acts.push(`if (e.target.classList.contains("del")) tasks.splice(i, 1);`);
  if (o.toggle === "checkbox") acts.push(`if (e.target.type === "checkbox") tasks[i].done = e.target.checked;`);
  if (o.toggle === "click") acts.push(`if (e.target.tagName === "SPAN") tasks[i].done = !tasks[i].done;`);
  const handler = acts.length
    ? `\nlist.addEventListener("click", (e) => {\n  const li = e.target.closest("li");\n  if (!li) return;\n  const i = Number(li.dataset.i);\n  ${acts.map((a, k) => (k ? "else " : "") + a).join("\n  ")}\n  else return;\n  render();\n});`
    : "";
  return `const list = document.getElementById("list");
const input = document.getElementById("new");
let tasks = ${initial(o)};${o.filter ? `\nlet filter = "all";` : ""}
function esc(s) {
  return s.replace(/[&<>"]/g, (c) => "&#" + c.charCodeAt(0) + ";");
}
function render() {
  list.innerHTML = tasks.map((t, i) =>${o.filter ? ` ${HIDDEN} ? "" :` : ""}
    '<li data-i="' + i + '"${cls}>${box}<span>' + esc(t.text) + '</span>${del}</li>'
  ).join("");${o.count ? `\n  document.getElementById("count").textContent = ${countExpr(o, "tasks")};` : ""}${o.persist ? `\n  localStorage.setItem(${jsStr(o.storageKey)}, JSON.stringify(tasks));` : ""}
}
function add() {
  const text = input.value.trim();
  if (!text) return;
  tasks.push({ text, done: false });
  input.value = "";
  render();
}
${submitCode(o, "", "")}${handler}${filterCode(o, "")}${clearCode(o, "")}
render();`;
}

function submitCode(o: TodoOptions, self: string, pad: string): string {
  if (o.submit === "form")
    return `${pad}document.getElementById("form").addEventListener("submit", (e) => {\n${pad}  e.preventDefault();\n${pad}  ${self}add();\n${pad}});`;
  const onClick = self ? "() => this.add()" : "add";
  return `${pad}document.getElementById("add").addEventListener("click", ${onClick});\n${pad}${self}input.addEventListener("keydown", (e) => {\n${pad}  if (e.key === "Enter") ${self}add();\n${pad}});`;
}

function filterCode(o: TodoOptions, pad: string): string {
  if (!o.filter) return "";
  const self = pad ? "this." : "";
  return `\n${pad}document.getElementById("filters").addEventListener("click", (e) => {
${pad}  if (!e.target.dataset.f) return;
${pad}  ${self}filter = e.target.dataset.f;
${pad}  document.querySelectorAll("#filters button").forEach((b) => b.classList.toggle("on", b === e.target));
${pad}  ${self}render();
${pad}});`;
}

function clearCode(o: TodoOptions, pad: string): string {
  if (!o.clearDone) return "";
  const self = pad ? "this." : "";
  return `\n${pad}document.getElementById("clear").addEventListener("click", () => {
${pad}  ${self}tasks = ${self}tasks.filter((t) => !t.done);
${pad}  ${self}render();
${pad}});`;
}

function scriptListeners(o: TodoOptions): string {
  const toggle =
    o.toggle === "checkbox"
      ? `\n    const box = document.createElement("input");\n    box.type = "checkbox";\n    box.checked = t.done;\n    box.addEventListener("change", function () {\n      t.done = box.checked;\n      render();\n    });\n    li.appendChild(box);`
      : "";
  const click =
    o.toggle === "click" ? `\n    span.addEventListener("click", function () {\n      t.done = !t.done;\n      render();\n    });` : "";
  const del = o.del
    ? `\n    const del = document.createElement("button");\n    del.className = "del";\n    del.textContent = "${delText(o, false)}";${ariaJs(o, "    ")}\n    del.addEventListener("click", function () {\n      tasks.splice(i, 1);\n      render();\n    });\n    li.appendChild(del);`
    : "";
  return `const list = document.getElementById("list");
const input = document.getElementById("new");
let tasks = ${initial(o)};${o.filter ? `\nlet filter = "all";` : ""}
function render() {
  list.innerHTML = "";
  tasks.forEach(function (t, i) {${o.filter ? `\n    if (${HIDDEN}) return;` : ""}
    const li = document.createElement("li");${o.toggle !== "none" ? `\n    if (t.done) li.className = "done";` : ""}${toggle}
    const span = document.createElement("span");
    span.textContent = t.text;${click}
    li.appendChild(span);${del}
    list.appendChild(li);
  });${o.count ? `\n  document.getElementById("count").textContent = ${countExpr(o, "tasks")};` : ""}${o.persist ? `\n  localStorage.setItem(${jsStr(o.storageKey)}, JSON.stringify(tasks));` : ""}
}
function add() {
  const text = input.value.trim();
  if (text === "") return;
  tasks.push({ text: text, done: false });
  input.value = "";
  render();
}
${submitCode(o, "", "")}${filterCode(o, "")}${clearCode(o, "")}
render();`;
}

function scriptClass(o: TodoOptions): string {
  const toggle =
    o.toggle === "checkbox"
      ? `\n      const box = document.createElement("input");\n      box.type = "checkbox";\n      box.checked = t.done;\n      box.onchange = () => this.toggle(t);\n      li.appendChild(box);`
      : "";
  const click = o.toggle === "click" ? `\n      span.onclick = () => this.toggle(t);` : "";
  const del = o.del
    ? `\n      const del = document.createElement("button");\n      del.className = "del";\n      del.textContent = "${delText(o, false)}";${ariaJs(o, "      ")}\n      del.onclick = () => this.remove(t);\n      li.appendChild(del);`
    : "";
  return `class TodoList {
  constructor() {
    this.list = document.getElementById("list");
    this.input = document.getElementById("new");
    this.tasks = ${initial(o)};${o.filter ? `\n    this.filter = "all";` : ""}
${submitCode(o, "this.", "    ")}${filterCode(o, "    ")}${clearCode(o, "    ")}
    this.render();
  }
  add() {
    const text = this.input.value.trim();
    if (!text) return;
    this.tasks.push({ text, done: false });
    this.input.value = "";
    this.render();
  }${o.toggle !== "none" ? `\n  toggle(t) {\n    t.done = !t.done;\n    this.render();\n  }` : ""}${o.del ? `\n  remove(t) {\n    this.tasks = this.tasks.filter((x) => x !== t);\n    this.render();\n  }` : ""}
  render() {
    this.list.innerHTML = "";
    for (const t of this.tasks) {${o.filter ? `\n      const filter = this.filter;\n      if (${HIDDEN}) continue;` : ""}
      const li = document.createElement("li");${o.toggle !== "none" ? `\n      li.classList.toggle("done", t.done);` : ""}${toggle}
      const span = document.createElement("span");
      span.textContent = t.text;${click}
      li.appendChild(span);${del}
      this.list.appendChild(li);
    }${o.count ? `\n    document.getElementById("count").textContent = ${countExpr(o, "this.tasks")};` : ""}${o.persist ? `\n    localStorage.setItem(${jsStr(o.storageKey)}, JSON.stringify(this.tasks));` : ""}
  }
}
new TodoList();`;
}

function draw(rng: Rng): TodoOptions {
  const noun = rng.pick(["task", "item", "todo"]);
  const toggle = rng.pick(["checkbox", "checkbox", "click", "none"] as const);
  const done = toggle !== "none";
  return {
    theme: randomTheme(rng),
    title: rng.pick(TITLES),
    noun,
    placeholder: rng.pick([`Add ${noun === "item" ? "an" : "a"} ${noun}...`, `New ${noun}`, "What needs to be done?", `Enter ${noun === "item" ? "an" : "a"} ${noun}`]),
    addLabel: rng.pick(["Add", "Add", `Add ${noun}`, "+", "Save"]),
    seed: rng.sample(rng.pick(SEEDS), rng.pick([0, 0, 1, 2])),
    toggle,
    del: rng.chance(0.75),
    delLabel: rng.pick(["Delete", "Remove", "x", "times"] as const),
    count: rng.chance(0.5),
    countFormat: rng.pick(["left", "remaining", "of"] as const),
    filter: done && rng.chance(0.35),
    filterLabels: rng.pick([["All", "Active", "Done"], ["All", "Open", "Completed"], ["All", "To do", "Done"]] as [string, string, string][]),
    clearDone: done && rng.chance(0.35),
    clearLabel: rng.pick(["Clear completed", "Clear done", "Remove finished"]),
    persist: rng.chance(0.3),
    storageKey: rng.pick(["todos", "tasks", "todo-list", "my-tasks"]),
    layout: rng.pick(["card", "full", "bottom"] as const),
    style: rng.pick(["delegation", "listeners", "class"] as const),
    submit: rng.pick(["form", "button"] as const),
  };
}

function render(o: TodoOptions): string {
  const script = o.style === "class" ? scriptClass(o) : o.style === "listeners" ? scriptListeners(o) : scriptDelegation(o);
  return page({ title: o.title, theme: o.theme, css: css(o), body: body(o), script });
}

/** Render cap with room for the app to stay under 4,000 characters. */
function fits(o: TodoOptions): boolean {
  return render(o).length <= 4000;
}

export const todo = defineFamily<TodoOptions>({
  name: "todo",
  options(rng) {
    const o = draw(rng);
    const optional = rng.shuffle(["persist", "clearDone", "filter", "count", "del"] as const);
    while (!fits(o)) o[optional.find((k) => o[k])!] = false;
    return o;
  },
  render,
  features(o) {
    return [
      ...(o.toggle !== "none" ? ["toggle"] : []),
      ...(o.del ? ["delete"] : []),
      ...(o.count ? ["count"] : []),
      ...(o.filter ? ["filter"] : []),
      ...(o.clearDone ? ["clear-done"] : []),
      ...(o.persist ? ["persist"] : []),
    ];
  },
  request(o, rng) {
    const subject = rng.pick(["a todo list", "a to-do app", "a task list", "a simple task manager", "a todo app", "a checklist app for my tasks"]);
    const f: string[] = [];
    if (o.toggle === "checkbox") f.push(rng.pick(["checkboxes to mark tasks done", "a way to check off tasks", "checkboxes"]));
    if (o.toggle === "click") f.push(rng.pick(["click a task to mark it done", "tasks that get crossed out when clicked"]));
    if (o.del) f.push(rng.pick(["delete buttons", "a way to delete tasks", "a remove button on each task"]));
    if (o.count) f.push(o.toggle === "none" ? rng.pick(["a task count", "a counter of tasks"]) : rng.pick(["a count of remaining tasks", "a counter of tasks left", "a progress count"]));
    if (o.filter) f.push(rng.pick(["filters for all, active and done", "filter buttons", "a filter to show only open or finished tasks"]));
    if (o.clearDone) f.push(rng.pick(["a clear completed button", "a button to remove finished tasks"]));
    if (o.persist) f.push(rng.pick(["localStorage saving", "tasks saved in localStorage", "persistence with localStorage"]));
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-delete", requests: ["add a delete button to each task", "let me delete tasks"], appliesTo: (o) => !o.del && fits({ ...o, del: true }), apply: (o) => ({ ...o, del: true }) },
    { id: "add-toggle", requests: ["let me check off tasks", "add checkboxes to mark tasks done"], appliesTo: (o) => o.toggle === "none" && fits({ ...o, toggle: "checkbox" }), apply: (o) => ({ ...o, toggle: "checkbox" }) },
    { id: "add-count", requests: ["show how many tasks are left", "add a task counter"], appliesTo: (o) => !o.count && o.toggle !== "none" && fits({ ...o, count: true }), apply: (o) => ({ ...o, count: true }) },
    { id: "add-filter", requests: ["add filters for all, active and done", "let me filter tasks by status"], appliesTo: (o) => !o.filter && o.toggle !== "none" && fits({ ...o, filter: true }), apply: (o) => ({ ...o, filter: true }) },
    { id: "add-clear-done", requests: ["add a clear completed button", "let me remove all finished tasks at once"], appliesTo: (o) => !o.clearDone && o.toggle !== "none" && fits({ ...o, clearDone: true }), apply: (o) => ({ ...o, clearDone: true }) },
    { id: "add-persist", requests: ["save the tasks in localStorage", "keep my tasks after a reload"], appliesTo: (o) => !o.persist && fits({ ...o, persist: true }), apply: (o) => ({ ...o, persist: true }) },
  ],
  async check({ frame }, o) {
    const shown = await frame.locator("li").count();
    if (shown !== o.seed.length) throw new Error(`expected ${o.seed.length} starting tasks, saw ${shown}`);
    await drive(frame, { toggle: o.toggle !== "none", del: o.del, count: o.count, filter: o.filter, clearDone: o.clearDone, persist: o.persist });
  },
  async requestCheck({ frame }, request) {
    const filter = /filter/i.test(request);
    const clearDone = /clear (completed|done)|remove (finished|completed|done)/i.test(request);
    await drive(frame, {
      toggle: filter || clearDone || /check(box| off)|mark|cross/i.test(request),
      del: /delete|remove button/i.test(request),
      count: /count/i.test(request),
      filter,
      clearDone,
      persist: /local ?storage|persist/i.test(request),
    });
  },
});

type Wants = Record<"toggle" | "del" | "count" | "filter" | "clearDone" | "persist", boolean>;

/** Add tasks and use each wanted feature on them. */
async function drive(frame: Frame, want: Wants): Promise<void> {
  const [a, b, c] = ["Walk the llama", "Call grandma", "Feed the cat"];
  let numbers = await shownNumbers(frame);
  const counts = async (what: string) => {
    const now = await shownNumbers(frame);
    if (now === numbers) throw new Error(`the task count does not change when ${what}`);
    numbers = now;
  };
  await addEntry(frame, a);
  if (want.count) await counts("a task is added");
  if (want.persist && !(await storageHolds(frame, a))) throw new Error("tasks are not saved to localStorage");
  if (want.toggle) {
    await markDone(frame, a);
    if (want.count) await counts("a task is done");
  }
  if (want.filter) {
    await addEntry(frame, b);
    const only = async (name: RegExp, on: string, off: string) => {
      await button(frame, name).click();
      await until(frame, ([on, off]) => document.body.innerText.includes(on) && !document.body.innerText.includes(off), [on, off], `the ${name.source} filter does not show only the right tasks`);
    };
    await only(/^(active|open|to ?do|pending|remaining|incomplete)$/i, b, a);
    await only(/^(done|completed?|finished)$/i, a, b);
    await button(frame, /^all$/i).click();
    if (!(await shows(frame, a)) || !(await shows(frame, b))) throw new Error("the All filter does not show every task");
  }
  if (want.clearDone) {
    await button(frame, /clear (completed|done)|remove (finished|completed|done)/i).click();
    await until(frame, (t) => !document.body.innerText.includes(t), a, "clearing finished tasks does not remove the done task");
  }
  if (want.del) {
    await addEntry(frame, c);
    await deleteEntry(frame, c);
  }
}
