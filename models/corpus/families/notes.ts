// A notes app: write notes, list them, and filter them with a search box.
import { esc, jsStr, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import { addEntry, deleteEntry, shows } from "../list-steps.ts";
import { button, exists, labelled, shownNumbers, storageHolds, textField, until, visibleText } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

interface Note {
  title: string;
  text: string;
}

interface NotesOptions {
  theme: Theme;
  title: string;
  titles: boolean;
  dates: boolean;
  del: boolean;
  count: boolean;
  save: boolean;
  newestFirst: boolean;
  layout: "stack" | "split" | "grid";
  style: "functions" | "class";
  dom: "html" | "elements";
  seeds: Note[];
  addLabel: string;
  placeholder: string;
  searchPlaceholder: string;
  emptyText: string;
  key: string;
}

const SEEDS: Note[] = [
  { title: "Welcome", text: "Write your first note below." },
  { title: "Shopping", text: "Bread, apples and coffee." },
  { title: "Call mom", text: "Sunday afternoon." },
  { title: "Book list", text: "Dune, Emma, The Hobbit." },
  { title: "Meeting", text: "Project sync at 10." },
  { title: "Idea", text: "A garden on the balcony." },
];

function css(o: NotesOptions): string {
  const shell =
    o.layout === "split"
      ? `.app{display:grid;grid-template-columns:280px 1fr;gap:20px;max-width:900px;margin:0 auto;padding:20px}
.side{display:flex;flex-direction:column;gap:10px}`
      : `.app{max-width:${o.layout === "grid" ? 860 : 600}px;margin:0 auto;padding:20px}
.side{display:flex;flex-direction:column;gap:10px;margin-bottom:16px}`;
  const list =
    o.layout === "grid"
      ? `#list{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:12px}`
      : `#list{display:flex;flex-direction:column;gap:10px}`;
  return `${shell}
header{display:flex;justify-content:space-between;align-items:baseline}
h1{font-size:22px;margin:0 0 8px}
form{display:flex;flex-direction:column;gap:8px}
input,textarea{font:inherit;padding:9px;border:1px solid var(--border);border-radius:var(--radius);background:var(--surface);color:var(--text)}
form button{padding:9px;border:0;border-radius:var(--radius);background:var(--accent);color:var(--accent-text)}
${list}
.note{position:relative;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius);padding:12px}${o.titles ? `\n.note h3{margin:0 0 4px;font-size:16px}` : ""}
.note p{margin:0;white-space:pre-wrap}${o.dates ? `\n.date{display:block;margin-top:6px;font-size:12px;color:var(--muted)}` : ""}${o.del ? `\n.del{position:absolute;top:6px;right:6px;border:0;background:none;color:var(--muted);font-size:18px}` : ""}
${o.count ? "#count," : ""}#empty{color:var(--muted)}`;
}

function body(o: NotesOptions): string {
  return `<main class="app">
<div class="side">
<header><h1>${esc(o.title)}</h1>${o.count ? `<span id="count"></span>` : ""}</header>
<form id="form">${o.titles ? `\n<input id="title" type="text" placeholder="Title">` : ""}
<textarea id="text" rows="3" placeholder="${esc(o.placeholder)}"></textarea>
<button type="submit">${esc(o.addLabel)}</button>
</form>
<input id="search" type="search" placeholder="${esc(o.searchPlaceholder)}" aria-label="Search notes">
</div>
<section>
<div id="list"></div>
<p id="empty" hidden>${esc(o.emptyText)}</p>
</section>
</main>`;
}

function initial(o: NotesOptions, ind: string): string {
  const seeds = JSON.stringify(o.seeds.map((s) => (o.titles ? { title: s.title, text: s.text } : { text: s.text })));
  return o.save ? `JSON.parse(localStorage.getItem(${jsStr(o.key)}) || "null") || ${seeds}` : seeds.replace(/\n/g, `\n${ind}`);
}

function newNote(o: NotesOptions, titleRef: string, textRef: string): string {
  const parts = [...(o.titles ? [`title: ${titleRef}.value.trim()`] : []), `text: ${textRef}.value.trim()`];
  if (o.dates) parts.push(`date: new Date().toLocaleString()`);
  return `{ ${parts.join(", ")} }`;
}

/** The HTML of one note for the innerHTML renderer (n: the note, i: its index). */
function noteTemplate(o: NotesOptions): string {
  return `'<div class="note">' +${o.titles ? `\n      (n.title ? "<h3>" + esc(n.title) + "</h3>" : "") +` : ""}
      "<p>" + esc(n.text) + "</p>" +${o.dates ? `\n      (n.date ? '<span class="date">' + n.date + "</span>" : "") +` : ""}${o.del ? `\n      '<button class="del" data-i="' + notes.indexOf(n) + '" aria-label="Delete note">&times;</button>' +` : ""}
      "</div>"`;
}

function scriptFunctions(o: NotesOptions): string {
  const matches = o.titles ? `(n.title + " " + n.text).toLowerCase().includes(q)` : `n.text.toLowerCase().includes(q)`;
  const build =
    o.dom === "html"
      ? `list.innerHTML = shown.map(function (n) {
    return ${noteTemplate(o)};
  }).join("");`
      : `list.innerHTML = "";
  shown.forEach(function (n) {
    const div = document.createElement("div");
    div.className = "note";${o.titles ? `\n    if (n.title) {\n      const h = document.createElement("h3");\n      h.textContent = n.title;\n      div.appendChild(h);\n    }` : ""}
    const p = document.createElement("p");
    p.textContent = n.text;
    div.appendChild(p);${o.dates ? `\n    const d = document.createElement("span");\n    d.className = "date";\n    d.textContent = n.date || "";\n    div.appendChild(d);` : ""}${o.del ? `\n    const del = document.createElement("button");\n    del.className = "del";\n    del.setAttribute("aria-label", "Delete note");\n    del.innerHTML = "&times;";\n    del.addEventListener("click", function () {\n      notes.splice(notes.indexOf(n), 1);\n      update();\n    });\n    div.appendChild(del);` : ""}
    list.appendChild(div);
  });`;
  return `let notes = ${initial(o, "")};
const list = document.getElementById("list");
const search = document.getElementById("search");
const text = document.getElementById("text");${o.titles ? `\nconst title = document.getElementById("title");` : ""}${
    o.dom === "html" ? `\nfunction esc(s) {\n  return s.replace(/[&<>"]/g, function (c) {\n    return "&#" + c.charCodeAt(0) + ";";\n  });\n}` : ""
  }
function update() {${o.save ? `\n  localStorage.setItem(${jsStr(o.key)}, JSON.stringify(notes));` : ""}
  render();
}
function render() {
  const q = search.value.trim().toLowerCase();
  const shown = notes.filter(function (n) {
    return ${matches};
  });
  ${build}
  document.getElementById("empty").hidden = shown.length > 0;${o.count ? `\n  document.getElementById("count").textContent = notes.length + (notes.length === 1 ? " note" : " notes");` : ""}
}
document.getElementById("form").addEventListener("submit", function (e) {
  e.preventDefault();
  if (!text.value.trim()) return;
  notes.${o.newestFirst ? "unshift" : "push"}(${newNote(o, "title", "text")});
  text.value = "";${o.titles ? `\n  title.value = "";` : ""}
  update();
});${o.del && o.dom === "html" ? `\nlist.addEventListener("click", function (e) {\n  const btn = e.target.closest(".del");\n  if (!btn) return;\n  notes.splice(Number(btn.dataset.i), 1);\n  update();\n});` : ""}
search.addEventListener("input", render);
render();`;
}

function scriptClass(o: NotesOptions): string {
  const matches = o.titles ? `(n.title + " " + n.text).toLowerCase().includes(q)` : `n.text.toLowerCase().includes(q)`;
  const build =
    o.dom === "html"
      ? `this.list.innerHTML = shown.map((n) => this.html(n)).join("");`
      : `this.list.replaceChildren(...shown.map((n) => this.element(n)));`;
  const html = `  html(n) {
    const esc = (s) => s.replace(/[&<>"]/g, (c) => "&#" + c.charCodeAt(0) + ";");
${o.del ? "    const notes = this.notes;\n" : ""}    return ${noteTemplate(o).replace(/\n {6}/g, "\n      ")};
  }`;
  const element = `  element(n) {
    const div = document.createElement("div");
    div.className = "note";${o.titles ? `\n    if (n.title) div.appendChild(this.make("h3", n.title));` : ""}
    div.appendChild(this.make("p", n.text));${o.dates ? `\n    div.appendChild(this.make("span", n.date || "")).className = "date";` : ""}${o.del ? `\n    const del = this.make("button", "\\u00d7");\n    del.className = "del";\n    del.setAttribute("aria-label", "Delete note");\n    del.addEventListener("click", () => this.remove(this.notes.indexOf(n)));\n    div.appendChild(del);` : ""}
    return div;
  }
  make(tag, text) {
    const el = document.createElement(tag);
    el.textContent = text;
    return el;
  }`;
  return `class NotesApp {
  constructor() {
    this.notes = ${initial(o, "    ")};
    this.list = document.getElementById("list");
    this.search = document.getElementById("search");
    this.text = document.getElementById("text");${o.titles ? `\n    this.title = document.getElementById("title");` : ""}
    document.getElementById("form").addEventListener("submit", (e) => this.add(e));
    this.search.addEventListener("input", () => this.render());${o.del && o.dom === "html" ? `\n    this.list.addEventListener("click", (e) => {\n      const btn = e.target.closest(".del");\n      if (btn) this.remove(Number(btn.dataset.i));\n    });` : ""}
    this.render();
  }
  add(e) {
    e.preventDefault();
    if (!this.text.value.trim()) return;
    this.notes.${o.newestFirst ? "unshift" : "push"}(${newNote(o, "this.title", "this.text")});
    this.text.value = "";${o.titles ? `\n    this.title.value = "";` : ""}
    this.update();
  }${o.del ? `\n  remove(i) {\n    this.notes.splice(i, 1);\n    this.update();\n  }` : ""}
  update() {${o.save ? `\n    localStorage.setItem(${jsStr(o.key)}, JSON.stringify(this.notes));` : ""}
    this.render();
  }
  render() {
    const q = this.search.value.trim().toLowerCase();
    const shown = this.notes.filter((n) => ${matches});
    ${build}
    document.getElementById("empty").hidden = shown.length > 0;${o.count ? `\n    document.getElementById("count").textContent = "Total: " + this.notes.length;` : ""}
  }
${o.dom === "html" ? html : element}
}
new NotesApp();`;
}

export const notes = defineFamily<NotesOptions>({
  name: "notes",
  options(rng) {
    const titles = rng.chance(0.5);
    const save = rng.chance(0.35);
    return {
      theme: randomTheme(rng),
      title: rng.pick(["Notes", "My Notes", "Quick Notes", "Notebook", "Scratchpad", "Note Keeper", "Jottings"]),
      titles,
      dates: rng.chance(0.4),
      del: rng.chance(0.55),
      count: rng.chance(0.4),
      save,
      newestFirst: rng.chance(0.6),
      layout: rng.pick(["stack", "split", "grid"] as const),
      style: rng.pick(["functions", "class"] as const),
      dom: rng.pick(["html", "elements"] as const),
      seeds: !save && rng.chance(0.6) ? rng.sample(SEEDS, rng.int(1, titles ? 1 : 2)) : [],
      addLabel: rng.pick(["Add note", "Add", "Save note", "Save", "+ Add note"]),
      placeholder: rng.pick(["Write a note...", "What's on your mind?", "New note", "Type your note here"]),
      searchPlaceholder: rng.pick(["Search notes...", "Search", "Filter notes", "Find a note..."]),
      emptyText: rng.pick(["No notes found.", "Nothing here yet.", "No matching notes.", "No notes."]),
      key: rng.pick(["notes", "my-notes", "notes-app", "quick-notes"]),
    };
  },
  render(o) {
    return page({
      title: o.title,
      theme: o.theme,
      css: css(o),
      body: body(o),
      script: o.style === "class" ? scriptClass(o) : scriptFunctions(o),
    });
  },
  features(o) {
    return [
      ...(o.titles ? ["titles"] : []),
      ...(o.dates ? ["dates"] : []),
      ...(o.del ? ["delete"] : []),
      ...(o.count ? ["count"] : []),
      ...(o.save ? ["save"] : []),
    ];
  },
  request(o, rng) {
    const subject = rng.pick(["a notes app", "a note taking app", "a simple notes page", "a notepad app with search", "a searchable notes list", "a notes app with a search box"]);
    const f: string[] = [];
    if (!subject.includes("search")) f.push(rng.pick(["a search box", "search", "a search bar to filter notes"]));
    if (o.titles) f.push(rng.pick(["a title for each note", "note titles"]));
    if (o.dates) f.push(rng.pick(["the date on each note", "timestamps", "the time each note was created"]));
    if (o.del) f.push(rng.pick(["a delete button on each note", "a way to delete notes"]));
    if (o.count) f.push(rng.pick(["a note count", "the number of notes shown"]));
    if (o.save) f.push(rng.pick(["localStorage saving", "notes saved in local storage", "persistence with localStorage"]));
    if (o.newestFirst && rng.chance(0.3)) f.push("newest notes first");
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    const must = subject.includes("search") ? [] : [f.shift()!];
    return phrase(rng, subject, rng.chance(0.25) ? must : [...must, ...f]);
  },
  edits: [
    { id: "add-delete", requests: ["add a delete button to each note", "let me delete notes"], appliesTo: (o) => !o.del, apply: (o) => ({ ...o, del: true }) },
    { id: "add-titles", requests: ["give each note a title", "add a title field"], appliesTo: (o) => !o.titles, apply: (o) => ({ ...o, titles: true }) },
    { id: "add-dates", requests: ["show the date on each note", "add timestamps to notes"], appliesTo: (o) => !o.dates, apply: (o) => ({ ...o, dates: true }) },
    { id: "add-count", requests: ["show how many notes there are", "add a note counter"], appliesTo: (o) => !o.count, apply: (o) => ({ ...o, count: true }) },
    { id: "add-save", requests: ["save the notes in localStorage", "make the notes persist"], appliesTo: (o) => !o.save, apply: (o) => ({ ...o, save: true }) },
  ],
  async check(app, o) {
    const n = await app.frame.locator("#list .note").count();
    if (n !== o.seeds.length) throw new Error(`expected ${o.seeds.length} notes at start, saw ${n}`);
    await drive(app, { titles: o.titles, dates: o.dates, del: o.del, count: o.count, save: o.save });
  },
  async requestCheck(app, request) {
    await drive(app, {
      titles: /title/i.test(request),
      dates: /date|timestamp|time each/i.test(request),
      del: /delete/i.test(request),
      count: /count|number of notes/i.test(request),
      save: /local ?storage|persist/i.test(request),
    });
  },
});

type Wants = Record<"titles" | "dates" | "del" | "count" | "save", boolean>;

/** Write notes like a user and search them (and use each wanted feature). */
async function drive({ frame }: AppUnderTest, want: Wants): Promise<void> {
  const search = frame.locator("input[type=search]").or(frame.getByPlaceholder(/search|filter|find/i)).or(labelled(frame, /search|filter/i)).first();
  const title = frame.getByPlaceholder(/title/i).or(labelled(frame, /title/i)).first();
  const textarea = frame.locator("textarea:visible").first();
  const body = (await exists(textarea)) ? textarea : textField(frame, (await exists(title)) ? 1 : 0);
  const numbers = await shownNumbers(frame);
  const add = async (heading: string, text: string) => {
    if (want.titles || (await exists(title))) await title.fill(heading);
    await addEntry(frame, text, body);
  };
  await add("Fruit", "buy kumquat jam");
  await add("Travel", "ride a zeppelin someday");
  if (want.titles && !(await shows(frame, "Travel"))) throw new Error("the note title is not shown");
  if (want.count && (await shownNumbers(frame)) === numbers) throw new Error("the note count does not change when notes are added");
  const only = async (query: string, shown: string[], hidden: string[], what: string) => {
    await search.fill(query);
    await until(frame, ([shown, hidden]) => shown.every((t) => document.body.innerText.includes(t)) && !hidden.some((t) => document.body.innerText.includes(t)), [shown, hidden], what);
  };
  await only("ZEPPELIN", ["zeppelin"], ["kumquat"], "search does not filter the notes");
  if (want.titles) await only("fruit", ["kumquat"], ["zeppelin"], "search does not match titles");
  await only("qqxqq", [], ["zeppelin", "kumquat"], "a search without matches still shows notes");
  await only("", ["zeppelin", "kumquat"], [], "clearing the search does not show every note");
  if (want.dates && !/\d{1,2}[:/.-]\d{1,2}|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d/i.test(await visibleText(frame))) throw new Error("the notes show no date");
  if (want.save && !(await storageHolds(frame, "zeppelin"))) throw new Error("the notes are not saved to localStorage");
  if (want.del) await deleteEntry(frame, "kumquat");
}
