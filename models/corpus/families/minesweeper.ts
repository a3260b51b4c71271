// Minesweeper: open cells, numbers count the neighbouring mines, zeros open their neighbours.
import { esc, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import type { Rng } from "../rng.ts";
import { randomTheme, type Theme } from "../theme.ts";
import { button, cell, eventually, exists, markCells, scene, sceneChanges, shownNumbers, textChanges, visibleText } from "../tolerant.ts";
import { defineFamily } from "../types.ts";

interface MinesweeperOptions {
  theme: Theme;
  title: string;
  rows: number;
  cols: number;
  mines: number;
  size: number;
  flags: "none" | "right" | "toggle";
  counter: boolean;
  timer: boolean;
  safeFirst: boolean;
  levels: boolean;
  colors: boolean;
  reset: "face" | "text";
  build: "html" | "dom";
  place: "loop" | "shuffle";
  neighbors: "loops" | "offsets";
  mineSym: string;
  flagSym: string;
  layout: "card" | "plain";
}

const LEVELS = [
  ["Easy", 9, 9, 10],
  ["Medium", 12, 12, 24],
  ["Hard", 14, 18, 40],
] as const;

function css(o: MinesweeperOptions): string {
  return `${o.layout === "card" ? `.app{width:max-content;margin:24px auto;padding:16px 20px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius);text-align:center}` : `.app{width:max-content;margin:20px auto;text-align:center}`}
h1{margin:0 0 10px;font-size:24px}
.bar{display:flex;gap:12px;justify-content:center;align-items:center;margin-bottom:10px;color:var(--muted)}
.bar button,.bar select{padding:5px 10px;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text)}
#board{display:grid;grid-template-columns:repeat(${o.cols},${o.size}px);gap:2px;justify-content:center}
.cell{height:${o.size}px;padding:0;border:0;border-radius:3px;background:var(--accent);color:var(--accent-text);font-weight:bold}
.cell.open{background:var(--bg);color:var(--text)}
.cell.mine{background:#dc2626;color:#fff}${o.flags === "toggle" ? `\n#mode.on{background:var(--accent);color:var(--accent-text)}` : ""}
#msg{font-weight:bold;min-height:22px}`;
}

function body(o: MinesweeperOptions): string {
  const bar = [
    o.counter ? `<span>Mines: <b id="left">${o.mines}</b></span>` : "",
    `<button id="reset">${o.reset === "face" ? "&#9786;" : "New game"}</button>`,
    o.timer ? `<span>Time: <b id="time">0</b></span>` : "",
    o.flags === "toggle" ? `<button id="mode">Flag mode</button>` : "",
    o.levels ? `<select id="level">${LEVELS.map(([n, r, c, m]) => `<option value="${r},${c},${m}">${n}</option>`).join("")}</select>` : "",
  ].join("");
  return `<main class="app">
<h1>${esc(o.title)}</h1>
<div class="bar">${bar}</div>
<div id="board"></div>
<p id="msg"></p>${o.flags === "right" ? `\n<p class="bar">Right-click a cell to place a flag.</p>` : ""}
</main>`;
}

function script(o: MinesweeperOptions): string {
  const around =
    o.neighbors === "loops"
      ? `function around(i) {
  const r = Math.floor(i / C), c = i % C, out = [];
  for (let dr = -1; dr <= 1; dr++)
    for (let dc = -1; dc <= 1; dc++) {
      const y = r + dr, x = c + dc;
      if ((dr || dc) && y >= 0 && y < R && x >= 0 && x < C) out.push(y * C + x);
    }
  return out;
}`
      : `const OFFSETS = [[-1, -1], [-1, 0], [-1, 1], [0, -1], [0, 1], [1, -1], [1, 0], [1, 1]];
function around(i) {
  const r = Math.floor(i / C), c = i % C;
  return OFFSETS.filter(([dr, dc]) => r + dr >= 0 && r + dr < R && c + dc >= 0 && c + dc < C).map(([dr, dc]) => (r + dr) * C + c + dc);
}`;
  const plant =
    o.place === "loop"
      ? `function plant(safe) {
  for (let left = MINES; left; ) {
    const i = Math.floor(Math.random() * R * C);
    if (i !== safe && !cells[i].mine) {
      cells[i].mine = true;
      left--;
    }
  }
}`
      : `function plant(safe) {
  const spots = cells.map((_, i) => i).filter((i) => i !== safe);
  for (let k = 0; k < MINES; k++) {
    const j = k + Math.floor(Math.random() * (spots.length - k));
    [spots[k], spots[j]] = [spots[j], spots[k]];
    cells[spots[k]].mine = true;
  }
}`;
  const flagOn = o.flags !== "none";
  const build =
    o.build === "html"
      ? `  board.innerHTML = cells.map((_, i) => '<button class="cell" data-i="' + i + '"></button>').join("");`
      : `  board.innerHTML = "";
  cells.forEach((_, i) => {
    const b = document.createElement("button");
    b.className = "cell";
    b.addEventListener("click", () => ${o.flags === "toggle" ? "(flagMode ? flag(i) : open(i))" : "open(i)"});${o.flags === "right" ? `\n    b.addEventListener("contextmenu", (e) => {\n      e.preventDefault();\n      flag(i);\n    });` : ""}
    board.appendChild(b);
  });`;
  const events =
    o.build === "html"
      ? `\nboard.addEventListener("click", (e) => {
  const b = e.target.closest(".cell");
  if (b) ${o.flags === "toggle" ? "flagMode ? flag(+b.dataset.i) : open(+b.dataset.i)" : "open(+b.dataset.i)"};
});${o.flags === "right" ? `\nboard.addEventListener("contextmenu", (e) => {\n  const b = e.target.closest(".cell");\n  e.preventDefault();\n  if (b) flag(+b.dataset.i);\n});` : ""}`
      : "";
  const stop = o.timer ? `\n  clearInterval(timer);` : "";
  const face = (s: string, pad = "  ") => (o.reset === "face" ? `\n${pad}resetBtn.textContent = "\\u${s}";` : "");
  const track = o.safeFirst || o.timer;
  const count = o.counter && o.flags !== "none";
  return `${o.levels ? "let" : "const"} R = ${o.rows}, C = ${o.cols}, MINES = ${o.mines};
const board = document.getElementById("board");
const msg = document.getElementById("msg");${o.reset === "face" ? `\nconst resetBtn = document.getElementById("reset");` : ""}${o.counter ? `\nconst leftEl = document.getElementById("left");` : ""}${o.timer ? `\nconst timeEl = document.getElementById("time");` : ""}${o.colors ? `\nconst COLORS = ["", "#2563eb", "#16a34a", "#dc2626", "#7c3aed", "#b45309", "#0d9488", "#111", "#666"];` : ""}
let cells, over${track ? ", started" : ""}${count ? ", flags" : ""}${o.timer ? ", timer, seconds" : ""}${o.flags === "toggle" ? ", flagMode = false" : ""};
${around}
${plant}
function newGame() {
  cells = Array.from({ length: R * C }, () => ({ mine: false, open: false, flag: false }));${o.levels ? `\n  board.style.gridTemplateColumns = "repeat(" + C + ", ${o.size}px)";` : ""}
${build}
  over = false;${track ? "\n  started = false;" : ""}${count ? `\n  flags = 0;` : ""}${o.counter ? `\n  leftEl.textContent = MINES;` : ""}${o.timer ? `\n  clearInterval(timer);\n  seconds = 0;\n  timeEl.textContent = 0;` : ""}
  msg.textContent = "";${face("263A")}${o.safeFirst ? "" : "\n  plant(-1);"}
}
function reveal(i) {
  const cell = cells[i];
  if (cell.open || cell.flag) return;
  cell.open = true;
  const n = around(i).filter((j) => cells[j].mine).length;
  const el = board.children[i];
  el.classList.add("open");
  el.textContent = n || "";${o.colors ? `\n  el.style.color = COLORS[n];` : ""}
  if (!n) around(i).forEach(reveal);
}
function open(i) {
  if (over || cells[i].flag) return;${track ? `\n  if (!started) {\n    started = true;${o.safeFirst ? "\n    plant(i);" : ""}${o.timer ? `\n    timer = setInterval(() => (timeEl.textContent = ++seconds), 1000);` : ""}\n  }` : ""}
  if (cells[i].mine) {
    over = true;${stop}
    cells.forEach((c, j) => {
      if (!c.mine) return;
      board.children[j].classList.add("mine");
      board.children[j].textContent = "${o.mineSym}";
    });
    msg.textContent = "Boom! Game over.";${face("2639", "    ")}
    return;
  }
  reveal(i);
  if (cells.every((c) => c.mine || c.open)) {
    over = true;${stop}
    msg.textContent = "You win! All mines found.";
  }
}${flagOn ? `\nfunction flag(i) {
  const cell = cells[i];
  if (over || cell.open) return;
  cell.flag = !cell.flag;${count ? `\n  flags += cell.flag ? 1 : -1;\n  leftEl.textContent = MINES - flags;` : ""}
  board.children[i].textContent = cell.flag ? "${o.flagSym}" : "";
}` : ""}${events}${o.flags === "toggle" ? `\nconst modeBtn = document.getElementById("mode");\nmodeBtn.addEventListener("click", () => {\n  flagMode = !flagMode;\n  modeBtn.classList.toggle("on", flagMode);\n});` : ""}${o.levels ? `\ndocument.getElementById("level").addEventListener("change", (e) => {\n  [R, C, MINES] = e.target.value.split(",").map(Number);\n  newGame();\n});` : ""}
document.getElementById("reset").addEventListener("click", newGame);
newGame();`;
}

function render(o: MinesweeperOptions): string {
  return page({ title: o.title, theme: o.theme, css: css(o), body: body(o), script: script(o) });
}

const OPTIONAL = ["counter", "timer", "safeFirst", "levels", "colors"] as const;

function fit(o: MinesweeperOptions, rng: Rng): MinesweeperOptions {
  while (render(o).length > 3950) {
    const on = OPTIONAL.filter((k) => o[k]);
    o = on.length ? { ...o, [rng.pick(on)]: false } : { ...o, flags: "none", counter: false };
  }
  return o;
}

const fits = (o: MinesweeperOptions) => render(o).length <= 4000;

export const minesweeper = defineFamily<MinesweeperOptions>({
  name: "minesweeper",
  options(rng) {
    const levels = rng.chance(0.3);
    const flags = rng.pick(["none", "right", "right", "toggle"] as const);
    const [, rows, cols, mines] = levels ? LEVELS[0] : rng.pick([[0, 8, 8, 10], [0, 9, 9, 10], [0, 10, 10, 15], [0, 12, 12, 20]] as const);
    return fit(
      {
        theme: randomTheme(rng),
        title: rng.pick(["Minesweeper", "Mines", "Mine Sweeper", "Minefield", "Find the Mines"]),
        rows,
        cols,
        mines,
        size: rng.pick([26, 28, 30, 32]),
        flags,
        counter: flags !== "none" && rng.chance(0.6),
        timer: rng.chance(0.45),
        safeFirst: rng.chance(0.5),
        levels,
        colors: rng.chance(0.5),
        reset: rng.pick(["face", "text"] as const),
        build: rng.pick(["html", "dom"] as const),
        place: rng.pick(["loop", "shuffle"] as const),
        neighbors: rng.pick(["loops", "offsets"] as const),
        mineSym: rng.pick(["*", "\\u2739", "\\u25CF", "X"]),
        flagSym: rng.pick(["\\u2691", "F", "!"]),
        layout: rng.pick(["card", "plain"] as const),
      },
      rng,
    );
  },
  render,
  features(o) {
    return [...OPTIONAL.filter((k) => o[k]), ...(o.flags !== "none" ? [`flags:${o.flags}`] : [])];
  },
  request(o, rng) {
    const subject = rng.pick(["a minesweeper game", "Minesweeper", "a minesweeper clone", "the classic mines game", "a minesweeper puzzle"]);
    const f: string[] = [];
    if (!o.levels && rng.chance(0.5)) f.push(rng.pick([`a ${o.rows}x${o.cols} grid`, `${o.mines} mines`, `a ${o.rows}x${o.cols} board with ${o.mines} mines`]));
    if (o.flags === "right") f.push(rng.pick(["right-click to flag", "flags with the right mouse button"]));
    if (o.flags === "toggle") f.push(rng.pick(["a flag mode button", "a toggle for placing flags"]));
    if (o.counter) f.push(rng.pick(["a mine counter", "the number of mines left"]));
    if (o.timer) f.push(rng.pick(["a timer", "a seconds counter"]));
    if (o.safeFirst) f.push(rng.pick(["a safe first click", "no mine on the first click"]));
    if (o.levels) f.push(rng.pick(["easy, medium and hard levels", "a difficulty selector"]));
    if (o.colors) f.push(rng.pick(["colored numbers", "a different color for each number"]));
    if (rng.chance(0.3)) f.push(o.reset === "face" ? "a smiley reset button" : rng.pick(["a new game button", "auto-reveal of empty areas"]));
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-flags", requests: ["let me flag mines with right-click", "add right-click flags"], appliesTo: (o) => o.flags === "none" && fits({ ...o, flags: "right" }), apply: (o) => ({ ...o, flags: "right" }) },
    { id: "add-counter", requests: ["show how many mines are left", "add a mine counter"], appliesTo: (o) => !o.counter && o.flags !== "none" && fits({ ...o, counter: true }), apply: (o) => ({ ...o, counter: true }) },
    { id: "add-timer", requests: ["add a timer", "show how long I take"], appliesTo: (o) => !o.timer && fits({ ...o, timer: true }), apply: (o) => ({ ...o, timer: true }) },
    { id: "safe-first", requests: ["make the first click always safe", "never put a mine under my first click"], appliesTo: (o) => !o.safeFirst && fits({ ...o, safeFirst: true }), apply: (o) => ({ ...o, safeFirst: true }) },
    { id: "add-colors", requests: ["color the numbers", "give each number its own color"], appliesTo: (o) => !o.colors && fits({ ...o, colors: true }), apply: (o) => ({ ...o, colors: true }) },
  ],
  async check({ page, frame }, o) {
    interface Cell { mine: boolean; open: boolean; flag: boolean }
    const ev = <T>(expr: string) => frame.evaluate(expr) as Promise<T>;
    const state = async () => JSON.parse(await ev<string>("JSON.stringify(cells)")) as Cell[];
    const texts = () => ev<string[]>(`Array.from(document.getElementById("board").children, (b) => b.textContent.trim())`);
    const text = (sel: string) => ev<string>(`document.querySelector("${sel}").textContent.trim()`);
    const cells = frame.locator("#board .cell");
    const { rows, cols, mines } = o;
    const near = (i: number) => {
      const r = Math.floor(i / cols), c = i % cols, out: number[] = [];
      for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) if ((dr || dc) && r + dr >= 0 && r + dr < rows && c + dc >= 0 && c + dc < cols) out.push((r + dr) * cols + c + dc);
      return out;
    };
    if ((await cells.count()) !== rows * cols) throw new Error(`expected ${rows * cols} cells`);
    let s = await state();
    const first = o.safeFirst ? Math.floor(rows / 2) * cols + Math.floor(cols / 2) : s.findIndex((c) => !c.mine);
    await cells.nth(first).click();
    s = await state();
    if (s.filter((c) => c.mine).length !== mines) throw new Error("wrong number of mines");
    if (!s[first].open || s[first].mine) throw new Error("the clicked cell did not open");
    const zero = s.findIndex((c, i) => !c.mine && !c.open && near(i).every((j) => !s[j].mine));
    if (zero >= 0) {
      await ev(`document.getElementById("board").children[${zero}].click()`);
      s = await state();
      if (!near(zero).every((j) => s[j].open)) throw new Error("an empty cell did not open its neighbours");
    }
    const shown = await texts();
    for (let i = 0; i < s.length; i++) {
      if (!s[i].open) continue;
      const n = near(i).filter((j) => s[j].mine).length;
      if (shown[i] !== (n ? String(n) : "")) throw new Error(`cell ${i} shows "${shown[i]}", expected ${n}`);
      if (!n && near(i).some((j) => !s[j].open)) throw new Error("an empty cell did not open its neighbours");
    }
    const won = /win/i.test(await text("#msg"));
    if (o.flags !== "none" && !won) {
      const j = s.findIndex((c) => !c.open);
      const toggleFlag = async () => {
        if (o.flags === "right") await cells.nth(j).click({ button: "right" });
        else await ev(`(() => { const m = document.getElementById("mode"); m.click(); document.getElementById("board").children[${j}].click(); m.click(); })()`);
      };
      await toggleFlag();
      if (!(await state())[j].flag || !(await texts())[j]) throw new Error("flagging does not mark the cell");
      if (o.counter && (await text("#left")) !== String(mines - 1)) throw new Error("the mine counter does not drop when flagging");
      await ev(`document.getElementById("board").children[${j}].click()`);
      if ((await state())[j].open) throw new Error("a flagged cell opened");
      await toggleFlag();
      if ((await state())[j].flag) throw new Error("a flag cannot be removed");
    }
    if (o.timer && !won) await frame.waitForFunction(() => Number(document.getElementById("time")!.textContent) >= 1, null, { timeout: 2000 });
    await ev(`(() => { const b = document.getElementById("board").children; cells.forEach((c, i) => { if (!c.mine && !c.open) b[i].click(); }); })()`);
    if (!/win/i.test(await text("#msg"))) throw new Error("no win message after opening every safe cell");
    await frame.locator("#reset").click();
    s = await state();
    if (s.some((c) => c.open) || (await text("#msg")) !== "" || (o.counter && (await text("#left")) !== String(mines))) throw new Error("new game does not reset the board");
    if (o.timer && (await text("#time")) !== "0") throw new Error("new game does not reset the timer");
    if (o.safeFirst) await ev(`document.getElementById("board").children[0].click()`);
    const mine = (await state()).findIndex((c) => c.mine);
    await ev(`document.getElementById("board").children[${mine}].click()`);
    if (!/over|boom|lost/i.test(await text("#msg"))) throw new Error("clicking a mine does not end the game");
    if ((await frame.locator("#board .mine").count()) !== mines) throw new Error("the mines are not revealed after losing");
    if (o.levels) {
      await frame.locator("#level").selectOption({ label: "Hard" });
      if ((await cells.count()) !== LEVELS[2][1] * LEVELS[2][2]) throw new Error("choosing a level does not resize the board");
      await page.waitForTimeout(10);
    }
  },
  async requestCheck({ frame }, request) {
    const n = await markCells(frame);
    if (n < 25) throw new Error(`no minefield (${n} cells)`);
    const looks = () => frame.evaluate(() => Array.from(document.querySelectorAll("[data-cell]"), (e) => `${e.className}|${(e as HTMLElement).innerText}|${e.getAttribute("style")}`));
    const look = async (i: number) => (await looks())[i];
    const closed = await look(0);
    const lost = async () => /over|boom|lost|lose/i.test(await visibleText(frame));
    const started = await scene(frame);
    const mid = Math.floor(n / 2) + Math.floor(Math.sqrt(n) / 2);
    await cell(frame, mid).click();
    await sceneChanges(frame, started, "clicking a cell does not open it");
    if (/timer|seconds/i.test(request) && !(await lost())) await textChanges(frame, await visibleText(frame), "the timer does not run");
    const flagging = /flag/i.test(request) && !(await lost());
    if (flagging) {
      const j = (await looks()).findIndex((l) => l === closed);
      const mode = button(frame, /flag/i);
      const flag = async () => {
        if (/right/i.test(request) || !(await exists(mode))) await cell(frame, j).click({ button: "right" });
        else {
          await mode.click();
          await cell(frame, j).click();
          await mode.click();
        }
      };
      const numbers = await shownNumbers(frame);
      await flag();
      await eventually(async () => ((await look(j)) !== closed) || undefined, "flagging does not mark the cell");
      if (/mine counter|mines left/i.test(request) && (await shownNumbers(frame)) === numbers) throw new Error("the mine counter does not change when flagging");
      await flag();
      await eventually(async () => ((await look(j)) === closed) || undefined, "a flag cannot be removed");
    }
    // Open every closed cell (in the page, for speed): a mine must end the game, unless all were safe.
    await frame.evaluate((closed) => {
      for (const e of Array.from(document.querySelectorAll("[data-cell]")))
        if (`${e.className}|${(e as HTMLElement).innerText}|${e.getAttribute("style")}` === closed) (e as HTMLElement).click();
    }, closed);
    if (!(await lost()) && !/win|won|clear/i.test(await visibleText(frame))) throw new Error("opening every cell neither hits a mine nor wins");
    if (/new game|reset|smiley/i.test(request)) {
      await button(frame, /new game|reset|restart|[\u2639-\u263b]|[\u{1f600}-\u{1f64f}]/iu).click();
      await eventually(async () => ((await markCells(frame)) === n && (await look(mid)) === closed && !(await lost())) || undefined, "a new game does not close the cells");
    }
  },
});
