// A kanban board with To Do, Doing and Done columns; cards move with buttons
// (optionally by drag and drop).
import type { Frame } from "playwright-core";
import { esc, jsStr, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import { addEntry, deleteEntry, entryWith } from "../list-steps.ts";
import { button, eventually, exists, pickOption, shownNumbers, storageHolds, visibleText } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

type Card = [text: string, col: number];

interface KanbanOptions {
  theme: Theme;
  title: string;
  columns: string[];
  seeds: Card[];
  approach: "state" | "dom";
  move: "arrows" | "select";
  arrows: [left: string, right: string];
  labels: [left: string, right: string];
  del: boolean;
  counts: boolean;
  drag: boolean;
  save: boolean;
  layout: "grid" | "scroll" | "stack";
  formInColumn: boolean;
  placeholder: string;
  addLabel: string;
  key: string;
}

const SEED_SETS: Card[][] = [
  [["Design the logo", 0], ["Write the docs", 1], ["Set up the repo", 2]],
  [["Buy paint", 0], ["Clean the garage", 0], ["Fix the fence", 1]],
  [["Read chapter 4", 0], ["Math homework", 1], ["Science project", 2]],
  [["Book the venue", 2], ["Send invites", 1], ["Order the cake", 0]],
  [["Plan the sprint", 0], ["Review pull requests", 1]],
];

function css(o: KanbanOptions): string {
  const board =
    o.layout === "grid"
      ? `#board{display:grid;grid-template-columns:repeat(3,1fr);gap:16px}`
      : o.layout === "scroll"
        ? `#board{display:flex;gap:16px;overflow-x:auto}\n.column{flex:0 0 260px}`
        : `#board{display:flex;flex-direction:column;gap:16px;max-width:560px}`;
  return `main{padding:20px}
h1{margin:0 0 12px;font-size:24px}
#add{display:flex;gap:8px;margin-bottom:16px}
#add input{flex:1;padding:8px;border:1px solid var(--border);border-radius:var(--radius);background:var(--surface);color:var(--text)}
#add button{padding:8px 14px;border:0;border-radius:var(--radius);background:var(--accent);color:var(--accent-text)}
${board}
.column{background:var(--surface);border:1px solid var(--border);border-radius:var(--radius);padding:12px;min-height:160px}
.column h2{margin:0 0 10px;font-size:16px;display:flex;justify-content:space-between}${o.counts ? `\n.count{color:var(--muted);font-weight:normal}` : ""}
.cards{display:flex;flex-direction:column;gap:8px}
.card{display:flex;justify-content:space-between;align-items:center;gap:6px;padding:8px 10px;background:var(--bg);border:1px solid var(--border);border-left:3px solid var(--accent);border-radius:var(--radius)${o.drag ? ";cursor:grab" : ""}}
.card button,.card select{border:1px solid var(--border);border-radius:var(--radius);background:var(--surface);color:var(--text);padding:2px 6px}${
    o.approach === "dom" && o.move === "arrows" ? `\n.column:first-child .left,.column:last-child .right{visibility:hidden}` : ""
  }`;
}

function addForm(o: KanbanOptions): string {
  return `<form id="add">
<input id="text" placeholder="${esc(o.placeholder)}" aria-label="New card">
<button type="submit">${esc(o.addLabel)}</button>
</form>`;
}

function body(o: KanbanOptions): string {
  const top = o.formInColumn ? "" : `\n${addForm(o)}`;
  if (o.approach === "state") return `<main>\n<h1>${esc(o.title)}</h1>${top}\n<div id="board"></div>\n</main>`;
  const cols = o.columns.map(
    (name, i) =>
      `<section class="column">\n<h2>${esc(name)}${o.counts ? ` <span class="count">0</span>` : ""}</h2>${i === 0 && o.formInColumn ? `\n${addForm(o)}` : ""}\n<div class="cards"></div>\n</section>`,
  );
  return `<main>\n<h1>${esc(o.title)}</h1>${top}\n<div id="board">\n${cols.join("\n")}\n</div>\n</main>`;
}

function seedCode(o: KanbanOptions): string {
  return JSON.stringify(o.seeds.map(([text, col]) => ({ text, col }))).replace(/\},\{/g, "}, {");
}

function scriptState(o: KanbanOptions): string {
  const [left, right] = o.arrows;
  const [ll, rl] = o.labels;
  const controls =
    o.move === "arrows"
      ? `(c > 0 ? '<button data-move="-1" aria-label="${ll}">${left}</button>' : "") +
        (c < columns.length - 1 ? '<button data-move="1" aria-label="${rl}">${right}</button>' : "")`
      : `'<select aria-label="Move to">' + columns.map((n, k) => \`<option value="\${k}"\${k === c ? " selected" : ""}>\${n}</option>\`).join("") + "</select>"`;
  return `const columns = ${JSON.stringify(o.columns)};
let cards = ${o.save ? `JSON.parse(localStorage.getItem(${jsStr(o.key)}) || "null") || ` : ""}${seedCode(o)};
const board = document.getElementById("board");
function esc(s) {
  return s.replace(/[&<>"]/g, (c) => "&#" + c.charCodeAt(0) + ";");
}
function render() {${o.save ? `\n  localStorage.setItem(${jsStr(o.key)}, JSON.stringify(cards));` : ""}
  board.innerHTML = columns.map((name, c) => {
    const list = cards.filter((card) => card.col === c);
    return \`<section class="column" data-col="\${c}"><h2>\${name}${o.counts ? ` <span class="count">\${list.length}</span>` : ""}</h2><div class="cards">\` +
      list.map((card) => \`<div class="card" data-id="\${cards.indexOf(card)}"${o.drag ? ` draggable="true"` : ""}><span>\${esc(card.text)}</span><span>\` +
        ${controls}${o.del ? ` +\n        '<button data-del="1" aria-label="Delete">&times;</button>'` : ""} +
        "</span></div>").join("") + "</div></section>";
  }).join("");
}
function cardOf(el) {
  return cards[Number(el.closest(".card").dataset.id)];
}
board.addEventListener("click", (e) => {
  const b = e.target.closest("button");
  if (!b) return;${o.del ? `\n  if (b.dataset.del) cards.splice(cards.indexOf(cardOf(b)), 1);\n  else cardOf(b).col += Number(b.dataset.move);` : `\n  cardOf(b).col += Number(b.dataset.move);`}
  render();
});${o.move === "select" ? `\nboard.addEventListener("change", (e) => {\n  cardOf(e.target).col = Number(e.target.value);\n  render();\n});` : ""}${
    o.drag
      ? `\nboard.addEventListener("dragstart", (e) => e.dataTransfer.setData("text/plain", e.target.dataset.id));
board.addEventListener("dragover", (e) => e.preventDefault());
board.addEventListener("drop", (e) => {
  const col = e.target.closest(".column");
  if (!col) return;
  e.preventDefault();
  cards[Number(e.dataTransfer.getData("text/plain"))].col = Number(col.dataset.col);
  render();
});`
      : ""
  }
document.getElementById("add").addEventListener("submit", (e) => {
  e.preventDefault();
  const input = document.getElementById("text");
  if (!input.value.trim()) return;
  cards.push({ text: input.value.trim(), col: 0 });
  input.value = "";
  render();
});
render();`;
}

function scriptDom(o: KanbanOptions): string {
  const [left, right] = o.arrows;
  const [ll, rl] = o.labels;
  const controls =
    o.move === "arrows"
      ? `  card.append(
    button("${left}", "${ll}", "left", () => move(card, -1)),
    button("${right}", "${rl}", "right", () => move(card, 1))${o.del ? `,\n    button("&times;", "Delete", "del", () => {\n      card.remove();\n      update();\n    })` : ""}
  );`
      : `  const select = document.createElement("select");
  select.setAttribute("aria-label", "Move to");
  columns.forEach((name, i) => select.add(new Option(name, i, false, i === col)));
  select.addEventListener("change", () => {
    lists[select.value].appendChild(card);
    update();
  });
  card.appendChild(select);${o.del ? `\n  const del = document.createElement("button");\n  del.innerHTML = "&times;";\n  del.setAttribute("aria-label", "Delete");\n  del.onclick = () => {\n    card.remove();\n    update();\n  };\n  card.appendChild(del);` : ""}`;
  const needButton = o.move === "arrows";
  return `${o.move === "select" ? `const columns = ${JSON.stringify(o.columns)};\n` : ""}const lists = document.querySelectorAll(".cards");${o.drag ? `\nlet dragged = null;` : ""}${
    needButton
      ? `\nfunction button(html, label, cls, onClick) {
  const b = document.createElement("button");
  b.innerHTML = html;
  b.className = cls;
  b.setAttribute("aria-label", label);
  b.addEventListener("click", onClick);
  return b;
}`
      : ""
  }
function addCard(text, col) {
  const card = document.createElement("div");
  card.className = "card";${o.drag ? `\n  card.draggable = true;\n  card.addEventListener("dragstart", () => (dragged = card));` : ""}
  const span = document.createElement("span");
  span.textContent = text;
  card.appendChild(span);
${controls}
  lists[col].appendChild(card);
  update();
}${
    o.move === "arrows"
      ? `\nfunction move(card, step) {
  const col = [...lists].indexOf(card.parentElement) + step;
  if (col < 0 || col >= lists.length) return;
  lists[col].appendChild(card);
  update();
}`
      : ""
  }
function update() {${o.counts ? `\n  lists.forEach((list) => {\n    list.parentElement.querySelector(".count").textContent = list.children.length;\n  });` : ""}
}${
    o.drag
      ? `\nlists.forEach((list) => {
  const column = list.parentElement;
  column.addEventListener("dragover", (e) => e.preventDefault());
  column.addEventListener("drop", (e) => {
    e.preventDefault();
    if (dragged) list.appendChild(dragged);${o.move === "select" ? `\n    if (dragged) dragged.querySelector("select").value = [...lists].indexOf(list);` : ""}
    update();
  });
});`
      : ""
  }
document.getElementById("add").addEventListener("submit", (e) => {
  e.preventDefault();
  const input = document.getElementById("text");
  if (!input.value.trim()) return;
  addCard(input.value.trim(), 0);
  input.value = "";
});
${o.seeds.map(([t, c]) => `addCard(${jsStr(t)}, ${c});`).join("\n")}`;
}

/**
 * The column (an index into `columns`) that shows `text`, or -1: the column whose
 * heading is the only one inside the nearest ancestor of the text that holds one.
 */
function columnOf(frame: Frame, text: string, columns: string[]): Promise<number> {
  return frame.evaluate(
    ([text, columns]) => {
      const all = Array.from(document.querySelectorAll("body *")).filter((e) => !e.closest("select, option, textarea, button, script, style"));
      const owns = all.map((e) => Array.from(e.childNodes, (n) => (n.nodeType === 3 ? n.textContent : "")).join("").trim());
      const heads = columns.map((c) => all.filter((e, i) => owns[i].toLowerCase().startsWith(c.toLowerCase())).pop());
      const card = all.filter((e, i) => owns[i].includes(text)).pop();
      for (let a = card?.parentElement; a; a = a.parentElement) {
        const inside = heads.map((h, i) => (h && a.contains(h) ? i : -1)).filter((i) => i >= 0);
        if (inside.length === 1) return inside[0];
        if (inside.length > 1) return -1;
      }
      return -1;
    },
    [text, columns] as const,
  );
}

export const kanban = defineFamily<KanbanOptions>({
  name: "kanban",
  options(rng) {
    const approach = rng.pick(["state", "dom"] as const);
    const save = approach === "state" && rng.chance(0.4);
    const arrows = rng.pick([["&larr;", "&rarr;"], ["&lsaquo;", "&rsaquo;"], ["&#9664;", "&#9654;"], ["&laquo;", "&raquo;"]] as const);
    return {
      theme: randomTheme(rng),
      title: rng.pick(["Kanban Board", "Kanban", "Task Board", "Project Board", "My Board", "Sprint Board"]),
      columns: rng.chance(0.7) ? ["To Do", "Doing", "Done"] : ["To Do", "In Progress", "Done"],
      seeds: save || rng.chance(0.25) ? [] : rng.pick(SEED_SETS),
      approach,
      move: rng.chance(0.7) ? "arrows" : "select",
      arrows: [arrows[0], arrows[1]],
      labels: rng.pick([["Move left", "Move right"], ["Move back", "Move forward"]] as const).slice() as [string, string],
      del: rng.chance(0.5),
      counts: rng.chance(0.5),
      drag: rng.chance(0.35),
      save,
      layout: rng.pick(["grid", "grid", "scroll", "stack"] as const),
      formInColumn: approach === "dom" && rng.chance(0.4),
      placeholder: rng.pick(["New task...", "Add a card", "What needs doing?", "Card title"]),
      addLabel: rng.pick(["Add", "Add card", "Add task", "+ Add"]),
      key: rng.pick(["kanban", "kanban-board", "board-cards"]),
    };
  },
  render(o) {
    return page({
      title: o.title,
      theme: o.theme,
      css: css(o),
      body: body(o),
      script: o.approach === "state" ? scriptState(o) : o.counts ? scriptDom(o) : scriptDom(o).replace(/\n\s*update\(\);/g, "").replace("\nfunction update() {\n}", ""),
    });
  },
  features(o) {
    return [
      `move:${o.move}`,
      ...(o.del ? ["delete"] : []),
      ...(o.counts ? ["counts"] : []),
      ...(o.drag ? ["drag"] : []),
      ...(o.save ? ["save"] : []),
    ];
  },
  request(o, rng) {
    const cols = `${o.columns[0]}, ${o.columns[1]} and ${o.columns[2]}`;
    const subject = rng.pick([`a kanban board`, `a kanban board with ${cols} columns`, `a simple task board`, `a kanban app`, `a project board with ${cols} columns`]);
    const f: string[] = [];
    if (!subject.includes(" columns")) f.push(rng.pick([`${cols} columns`, `columns for ${cols}`]));
    const extra: string[] = [];
    if (o.move === "arrows") extra.push(rng.pick(["buttons to move cards between columns", "arrow buttons to move cards left and right"]));
    else extra.push(rng.pick(["a dropdown on each card to pick its column", "a select menu to move cards"]));
    extra.push(rng.pick(["a form to add cards", "an input to add new tasks"]));
    if (o.del) extra.push(rng.pick(["a delete button on each card", "a way to remove cards"]));
    if (o.counts) extra.push(rng.pick(["a card count on each column", "the number of cards in each column"]));
    if (o.drag) extra.push(rng.pick(["drag and drop", "drag and drop between columns"]));
    if (o.save) extra.push(rng.pick(["localStorage saving", "cards saved in local storage"]));
    if (o.theme.dark && rng.chance(0.5)) extra.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? f : [...f, ...extra]);
  },
  edits: [
    { id: "add-delete", requests: ["add a delete button to each card", "let me remove cards"], appliesTo: (o) => !o.del, apply: (o) => ({ ...o, del: true }) },
    { id: "add-counts", requests: ["show how many cards are in each column", "add a count to each column"], appliesTo: (o) => !o.counts, apply: (o) => ({ ...o, counts: true }) },
    { id: "add-drag", requests: ["add drag and drop", "let me drag cards between columns"], appliesTo: (o) => !o.drag, apply: (o) => ({ ...o, drag: true }) },
    { id: "add-save", requests: ["save the board in localStorage", "make the cards persist"], appliesTo: (o) => o.approach === "state" && !o.save, apply: (o) => ({ ...o, save: true }) },
    { id: "use-select", requests: ["use a dropdown to move cards instead of arrows", "replace the arrow buttons with a column select"], appliesTo: (o) => o.move === "arrows", apply: (o) => ({ ...o, move: "select" }) },
  ],
  async check(app, o) {
    const cards = await app.frame.locator(".card").count();
    if (cards !== o.seeds.length) throw new Error(`expected ${o.seeds.length} seed cards, saw ${cards}`);
    await drive(app, { columns: o.columns, del: o.del, counts: o.counts, drag: o.drag, save: o.save });
  },
  async requestCheck(app, request) {
    const named = /(to ?do),? (.+?) and (done)/i.exec(request);
    await drive(app, {
      columns: named ? [named[1], named[2], named[3]] : ["To Do", "Doing", "Done"],
      del: /delete|remove/i.test(request),
      counts: /count|number of cards/i.test(request),
      drag: /drag/i.test(request),
      save: /local ?storage|saved/i.test(request),
    });
  },
});

interface Wants {
  columns: string[];
  del: boolean;
  counts: boolean;
  drag: boolean;
  save: boolean;
}

const FORWARD = /right|forward|next|\u2192|\u203a|\u25b6|\u00bb|>/i;
const BACK = /left|back|prev|\u2190|\u2039|\u25c0|\u00ab|</i;

/** Add a card and move it across the columns like a user (and use each wanted feature). */
async function drive({ frame }: AppUnderTest, want: Wants): Promise<void> {
  const inColumn = (text: string, col: number, what: string) =>
    eventually(async () => ((await columnOf(frame, text, want.columns)) === col) || undefined, `${what} (the card is not in ${want.columns[col]})`);
  const text = await visibleText(frame);
  for (const c of want.columns) if (!text.toLowerCase().includes(c.toLowerCase())) throw new Error(`no "${c}" column`);
  const add = async (card: string) => {
    await addEntry(frame, card);
    await inColumn(card, 0, "a new card does not go to the first column");
  };
  const a = "Fix the login bug";
  await add(a);
  const numbers = await shownNumbers(frame);
  const move = async (col: number, name: RegExp) => {
    const select = entryWith(frame, a, frame.getByRole("combobox"));
    if (await exists(select)) await pickOption(select.getByRole("combobox").first(), new RegExp(`^${want.columns[col]}$`, "i"));
    else await entryWith(frame, a, frame.getByRole("button", { name })).getByRole("button", { name }).first().click();
    await inColumn(a, col, "moving a card does not move it");
  };
  await move(1, FORWARD);
  await move(2, FORWARD);
  await move(1, BACK);
  if (want.counts && (await shownNumbers(frame)) === numbers) throw new Error("the column counts do not change when a card moves");
  if (want.drag) {
    const b = "Plan the launch";
    await add(b);
    // Onto the column's visible name (an <option> of a column select may say it too).
    await frame.getByText(b).first().dragTo(frame.getByText(want.columns[2]).filter({ visible: true }).last());
    await inColumn(b, 2, "drag and drop does not move the card");
  }
  if (want.save && !(await storageHolds(frame, a))) throw new Error("the cards are not saved to localStorage");
  if (want.del) await deleteEntry(frame, a);
}
