// 2048: slide numbered tiles with the arrow keys, equal tiles merge.
import { esc, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import type { Rng } from "../rng.ts";
import { randomTheme, type Theme } from "../theme.ts";
import { button, eventually, markCells } from "../tolerant.ts";
import { defineFamily } from "../types.ts";

interface G2048Options {
  theme: Theme;
  title: string;
  n: 4 | 5;
  tile: number;
  state: "nested" | "flat";
  draw: "rebuild" | "update";
  drawName: "draw" | "render" | "paint";
  colors: "warm" | "accent";
  keys: "map" | "strip";
  best: boolean;
  newGame: boolean;
  undo: boolean;
  win: boolean;
  wasd: boolean;
  layout: "card" | "plain" | "header";
}

function css(o: G2048Options): string {
  const app =
    o.layout === "card"
      ? `.app{width:max-content;margin:32px auto;padding:20px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius)}`
      : o.layout === "header"
        ? `.top{display:flex;justify-content:space-between;align-items:center;padding:10px 20px;background:var(--accent);color:var(--accent-text)}\n.top .info{color:inherit}\n.app{width:max-content;margin:20px auto}`
        : `.app{width:max-content;margin:24px auto}`;
  return `${app}
h1{margin:0;font-size:28px}
.info{display:flex;gap:14px;align-items:center;margin:10px 0;color:var(--muted)}
.info b{color:var(--text);font-size:20px}
#board{display:grid;grid-template-columns:repeat(${o.n},${o.tile}px);gap:8px;padding:8px;background:var(--border);border-radius:var(--radius)}
.tile{height:${o.tile}px;display:flex;align-items:center;justify-content:center;font-size:${Math.round(o.tile / 3)}px;font-weight:bold;background:var(--bg);border-radius:var(--radius)}
#msg{font-weight:bold;min-height:22px}${o.newGame || o.undo ? `\n.info button{padding:6px 12px;border:0;border-radius:var(--radius);background:var(--accent);color:var(--accent-text)}` : ""}`;
}

function body(o: G2048Options): string {
  const info = `<div class="info"><span>Score <b id="score">0</b></span>${o.best ? `<span>Best <b id="best">0</b></span>` : ""}${o.newGame ? `<button id="new">New game</button>` : ""}${o.undo ? `<button id="undo">Undo</button>` : ""}</div>`;
  const help = `<p class="info">${o.wasd ? "Arrow keys or WASD" : "Use the arrow keys"} to move the tiles.</p>`;
  if (o.layout === "header")
    return `<header class="top"><h1>${esc(o.title)}</h1>${info}</header>
<main class="app">
<div id="board"></div>
<p id="msg"></p>
${help}
</main>`;
  return `<main class="app">
<h1>${esc(o.title)}</h1>
${info}
<div id="board"></div>
<p id="msg"></p>
${help}
</main>`;
}

function script(o: G2048Options): string {
  const nested = o.state === "nested";
  const v = nested ? "grid" : "cells";
  const copy = nested ? "grid.map((r) => r.slice())" : "cells.slice()";
  const values = nested ? "grid.flat()" : "cells";
  const empty = nested ? `Array.from({ length: N }, () => new Array(N).fill(0))` : `new Array(N * N).fill(0)`;
  const color =
    o.colors === "warm"
      ? `v ? "hsl(" + (45 - Math.log2(v) * 4) + ",85%," + (88 - Math.log2(v) * 4) + "%)" : ""`
      : `v ? "color-mix(in srgb, var(--accent) " + Math.min(100, Math.log2(v) * 9) + "%, var(--surface))" : ""`;
  const paint =
    o.draw === "rebuild"
      ? `  boardEl.innerHTML = ${values}
    .map((v) => '<div class="tile" style="background:' + (${color}) + (v > 4 ? ";color:#fff" : "") + '">' + (v || "") + "</div>")
    .join("");`
      : `  ${values}.forEach((v, i) => {
    tiles[i].textContent = v || "";
    tiles[i].style.background = ${color};
    tiles[i].style.color = v > 4 ? "#fff" : "";
  });`;
  const move = nested
    ? `const flip = (g) => g.map((r) => r.slice().reverse());
const turn = (g) => g[0].map((_, c) => g.map((r) => r[c]));
function move(dir) {
  if (dir === "left") grid = grid.map(slide);
  if (dir === "right") grid = flip(flip(grid).map(slide));
  if (dir === "up") grid = turn(turn(grid).map(slide));
  if (dir === "down") grid = turn(flip(flip(turn(grid)).map(slide)));
}`
    : `function move(dir) {
  for (let i = 0; i < N; i++) {
    const line = [];
    for (let j = 0; j < N; j++)
      line.push(dir === "left" ? i * N + j : dir === "right" ? i * N + N - 1 - j : dir === "up" ? j * N + i : (N - 1 - j) * N + i);
    const row = slide(line.map((k) => cells[k]));
    line.forEach((k, j) => (cells[k] = row[j]));
  }
}`;
  const addTile = nested
    ? `function addTile() {
  const free = [];
  grid.forEach((row, r) => row.forEach((v, c) => v || free.push([r, c])));
  if (!free.length) return;
  const [r, c] = free[Math.floor(Math.random() * free.length)];
  grid[r][c] = Math.random() < 0.9 ? 2 : 4;
}`
    : `function addTile() {
  const free = cells.map((v, i) => (v ? -1 : i)).filter((i) => i >= 0);
  if (free.length) cells[free[Math.floor(Math.random() * free.length)]] = Math.random() < 0.9 ? 2 : 4;
}`;
  const canMove = nested
    ? `const canMove = () => grid.some((row, r) => row.some((v, c) => !v || v === row[c + 1] || (r < N - 1 && v === grid[r + 1][c])));`
    : `const canMove = () => cells.some((v, i) => !v || (i % N < N - 1 && v === cells[i + 1]) || v === cells[i + N]);`;
  const keyMap = `{ ArrowLeft: "left", ArrowRight: "right", ArrowUp: "up", ArrowDown: "down"${o.wasd ? `, a: "left", d: "right", w: "up", s: "down"` : ""} }`;
  const keyDir =
    o.keys === "map"
      ? `  const dir = ${keyMap}[e.key];`
      : `  const dir = e.key.startsWith("Arrow") ? e.key.slice(5).toLowerCase() : ${o.wasd ? `{ a: "left", d: "right", w: "up", s: "down" }[e.key]` : "null"};`;
  return `const N = ${o.n};
const boardEl = document.getElementById("board");
const scoreEl = document.getElementById("score");
const msg = document.getElementById("msg");${o.best ? `\nconst bestEl = document.getElementById("best");\nlet best = Number(localStorage.getItem("best2048")) || 0;` : ""}${o.draw === "update" ? `\nconst tiles = [];\nfor (let i = 0; i < N * N; i++) {\n  tiles.push(boardEl.appendChild(document.createElement("div")));\n  tiles[i].className = "tile";\n}` : ""}
let ${v}, score, over${o.undo ? ", prev" : ""};
function slide(row) {
  const a = row.filter(Boolean);
  for (let i = 0; i < a.length - 1; i++) {
    if (a[i] === a[i + 1]) {
      a[i] *= 2;
      score += a[i];${o.win ? `\n      if (a[i] === 2048) msg.textContent = "You win! You made 2048!";` : ""}
      a.splice(i + 1, 1);
    }
  }
  while (a.length < N) a.push(0);
  return a;
}
${move}
${addTile}
${canMove}
function ${o.drawName}() {
${paint}
  scoreEl.textContent = score;${o.best ? `\n  best = Math.max(best, score);\n  bestEl.textContent = best;\n  localStorage.setItem("best2048", best);` : ""}
}
function newGame() {
  ${v} = ${empty};
  score = 0;
  over = false;
  msg.textContent = "";
  addTile();
  addTile();
  ${o.drawName}();
}
document.addEventListener("keydown", (e) => {
${keyDir}
  if (!dir || over) return;
  e.preventDefault();
  const before = ${copy};${o.undo ? `\n  const oldScore = score;` : ""}
  move(dir);
  if (JSON.stringify(before) !== JSON.stringify(${v})) {${o.undo ? `\n    prev = [before, oldScore];` : ""}
    addTile();
    ${o.drawName}();
  }
  if (!canMove()) {
    over = true;
    msg.textContent = "Game over!";
  }
});${o.newGame ? `\ndocument.getElementById("new").addEventListener("click", newGame);` : ""}${o.undo ? `\ndocument.getElementById("undo").addEventListener("click", () => {\n  if (!prev) return;\n  [${v}, score] = prev;\n  prev = null;\n  over = false;\n  msg.textContent = "";\n  ${o.drawName}();\n});` : ""}
newGame();`;
}

function render(o: G2048Options): string {
  return page({ title: o.title, theme: o.theme, css: css(o), body: body(o), script: script(o) });
}

const OPTIONAL = ["best", "newGame", "undo", "win", "wasd"] as const;

function fit(o: G2048Options, rng: Rng): G2048Options {
  while (render(o).length > 3950) o = { ...o, [rng.pick(OPTIONAL.filter((k) => o[k]))]: false };
  return o;
}

const fits = (o: G2048Options) => render(o).length <= 4000;

export const g2048 = defineFamily<G2048Options>({
  name: "g2048",
  options(rng) {
    const n = rng.pick([4, 4, 4, 5] as const);
    return fit(
      {
        theme: randomTheme(rng),
        title: rng.pick(["2048", "2048 Game", "Play 2048", "2048 Puzzle", "Merge 2048"]),
        n,
        tile: n === 5 ? rng.pick([60, 70]) : rng.pick([70, 80, 90, 100]),
        state: rng.pick(["nested", "flat"] as const),
        draw: rng.pick(["rebuild", "update"] as const),
        drawName: rng.pick(["draw", "render", "paint"] as const),
        colors: rng.pick(["warm", "accent"] as const),
        keys: rng.pick(["map", "strip"] as const),
        best: rng.chance(0.45),
        newGame: rng.chance(0.6),
        undo: rng.chance(0.3),
        win: rng.chance(0.5),
        wasd: rng.chance(0.3),
        layout: rng.pick(["card", "plain", "header"] as const),
      },
      rng,
    );
  },
  render,
  features(o) {
    return [...OPTIONAL.filter((k) => o[k]), ...(o.n === 5 ? ["5x5"] : [])];
  },
  request(o, rng) {
    const subject = rng.pick(["a 2048 game", "the 2048 puzzle game", "a 2048 clone", "a 2048 game with arrow keys", "a sliding tile game like 2048"]);
    const f: string[] = [];
    if (o.n === 5) f.push(rng.pick(["a 5x5 board", "a bigger 5 by 5 grid"]));
    if (o.best) f.push(rng.pick(["a best score", "a saved high score"]));
    if (o.newGame) f.push(rng.pick(["a new game button", "a restart button"]));
    if (o.undo) f.push(rng.pick(["an undo button", "undo for the last move"]));
    if (o.win) f.push(rng.pick(["a win message at 2048", "a message when I reach 2048"]));
    if (o.wasd) f.push(rng.pick(["WASD controls too", "WASD keys as well as arrows"]));
    if (rng.chance(0.3)) f.push(rng.pick(["a score", "a game over message"]));
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-new-game", requests: ["add a new game button", "let me restart the game"], appliesTo: (o) => !o.newGame && fits({ ...o, newGame: true }), apply: (o) => ({ ...o, newGame: true }) },
    { id: "add-undo", requests: ["add an undo button", "let me undo my last move"], appliesTo: (o) => !o.undo && fits({ ...o, undo: true }), apply: (o) => ({ ...o, undo: true }) },
    { id: "add-best", requests: ["keep a best score", "show the high score"], appliesTo: (o) => !o.best && fits({ ...o, best: true }), apply: (o) => ({ ...o, best: true }) },
    { id: "add-win", requests: ["show a message when I reach 2048", "tell me when I win"], appliesTo: (o) => !o.win && fits({ ...o, win: true }), apply: (o) => ({ ...o, win: true }) },
    { id: "add-wasd", requests: ["let me use WASD too", "add WASD controls"], appliesTo: (o) => !o.wasd && fits({ ...o, wasd: true }), apply: (o) => ({ ...o, wasd: true }) },
  ],
  async check({ page, frame }, o) {
    const n = o.n;
    const nested = o.state === "nested";
    const ev = <T>(expr: string) => frame.evaluate(expr) as Promise<T>;
    const vals = async () => JSON.parse(await ev<string>(`JSON.stringify(${nested ? "grid.flat()" : "cells"})`)) as number[];
    const count = async () => (await vals()).filter(Boolean).length;
    const set = (flat: number[]) => {
      const full = [...flat, ...new Array(n * n - flat.length).fill(0)];
      const value = nested ? JSON.stringify(Array.from({ length: n }, (_, r) => full.slice(r * n, r * n + n))) : JSON.stringify(full);
      return ev(`${nested ? "grid" : "cells"} = ${value}; score = 0; over = false; ${o.drawName}();`);
    };
    const text = async (sel: string) => ((await frame.locator(sel).textContent()) ?? "").trim();
    if ((await count()) !== 2) throw new Error("a new game does not start with two tiles");
    const shown = (await frame.locator("#board .tile").allTextContents()).filter((t) => t.trim()).length;
    if (shown !== 2) throw new Error(`the board shows ${shown} tiles, expected 2`);
    await frame.locator("#board").click();
    await set([2, 2, 4, 0]);
    await page.keyboard.press("ArrowLeft");
    let v = await vals();
    if (v[0] !== 4 || v[1] !== 4 || (await count()) !== 3) throw new Error(`left on [2,2,4,0] gave ${v.slice(0, n)}`);
    if ((await frame.locator("#board .tile").first().textContent())?.trim() !== "4") throw new Error("the board does not show the merged tile");
    if ((await text("#score")) !== "4") throw new Error("score did not go up by 4");
    if (o.best && (await text("#best")) !== "4") throw new Error("best score not updated");
    if (o.undo) {
      await frame.locator("#undo").click();
      v = await vals();
      if (v[0] !== 2 || v[1] !== 2 || v[2] !== 4 || (await count()) !== 3 || (await text("#score")) !== "0") throw new Error("undo did not restore the board");
    }
    const col = new Array(n * n).fill(0);
    col[0] = 2;
    col[2 * n] = 2;
    await set(col);
    await page.keyboard.press(o.wasd ? "s" : "ArrowDown");
    v = await vals();
    if (v[(n - 1) * n] !== 4) throw new Error("down does not merge a column");
    await set([2]);
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowUp");
    if ((await count()) !== 1) throw new Error("a move that changes nothing added a tile");
    await set([0, 0, 2]);
    await page.keyboard.press(o.wasd ? "d" : "ArrowRight");
    if ((await vals())[n - 1] !== 2) throw new Error("right does not slide a tile");
    if (o.win) {
      await set([1024, 1024]);
      await page.keyboard.press("ArrowLeft");
      if (!/win|2048/i.test(await text("#msg"))) throw new Error("no win message at 2048");
    }
    await set(Array.from({ length: n * n }, (_, i) => ((Math.floor(i / n) + (i % n)) % 2 ? 2 : 4)));
    await page.keyboard.press("ArrowLeft");
    if (!/game over/i.test(await text("#msg"))) throw new Error("no game over when no move is left");
    if (o.newGame) {
      await frame.locator("#new").click();
      if ((await count()) !== 2 || (await text("#score")) !== "0" || (await text("#msg")) !== "") throw new Error("new game does not reset");
    }
  },
  async requestCheck({ page, frame }, request) {
    // A 4x4 board, or 5x5 (which a request may ask for).
    const sizes = /5x5|5 by 5/i.test(request) ? [25] : [16, 25];
    let size = 0;
    for (const n of sizes) if (!size && (await markCells(frame, n))) size = n;
    if (!size) throw new Error(`no board of ${sizes.join(" or ")} cells`);
    // The board may be drawn anew after each move, so its cells are found each time.
    const tiles = async () => {
      await markCells(frame, size);
      return frame.evaluate(() => Array.from(document.querySelectorAll("[data-cell]"), (c) => Number((c as HTMLElement).innerText.trim()) || 0));
    };
    const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
    const start = await tiles();
    if (start.filter(Boolean).length !== 2) throw new Error(`a new game shows ${start.filter(Boolean).length} tiles, not 2`);
    await frame.locator("body").click({ position: { x: 2, y: 2 } });
    const keys = /wasd/i.test(request) ? ["a", "w", "d", "s"] : ["ArrowLeft", "ArrowUp", "ArrowRight", "ArrowDown"];
    let before = start;
    let moved = 0;
    for (const key of [...keys, ...keys]) {
      await page.keyboard.press(key);
      const after = await eventually(async () => {
        const v = await tiles();
        return v.join() !== before.join() ? v : undefined;
      }, "", 600).catch(() => before);
      if (after === before) continue;
      moved++;
      if (![2, 4].includes(sum(after) - sum(before))) throw new Error(`a move turned ${before} into ${after}: not one new tile`);
      if (/undo/i.test(request) && moved === 1) {
        await button(frame, /undo/i).click();
        await eventually(async () => ((await tiles()).join() === before.join()) || undefined, "undo does not bring back the board");
        continue;
      }
      before = after;
    }
    if (moved < 2) throw new Error("the arrow keys do not move the tiles");
    if (/new game|restart/i.test(request)) {
      await button(frame, /new game|restart|reset/i).click();
      await eventually(async () => ((await tiles()).filter(Boolean).length === 2) || undefined, "a new game does not start with two tiles");
    }
  },
});
