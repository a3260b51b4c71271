// Conway's Game of Life: a grid of cells that evolves when started, stops when paused.
import { esc, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import type { Rng } from "../rng.ts";
import { randomTheme, type Theme } from "../theme.ts";
import type { Frame, Locator } from "playwright-core";
import { button, cell, exists, markCells, scene, sceneChanges, shownNumbers } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

interface LifeOptions {
  theme: Theme;
  title: string;
  rows: number;
  cols: number;
  size: number;
  tickMs: number;
  render: "canvas" | "grid";
  state: "flat" | "nested";
  stepName: "step" | "tick" | "nextGeneration" | "evolve";
  controls: "toggle" | "separate";
  initial: "random" | "glider" | "rpent" | "empty";
  wrap: boolean;
  draw: boolean;
  stepBtn: boolean;
  clear: boolean;
  random: boolean;
  speed: boolean;
  gens: boolean;
  pop: boolean;
  layout: "top" | "bottom" | "side";
}

const PATTERNS = { glider: [[0, 1], [1, 2], [2, 0], [2, 1], [2, 2]], rpent: [[0, 1], [0, 2], [1, 0], [1, 1], [2, 1]] };

function css(o: LifeOptions): string {
  const app =
    o.layout === "side"
      ? `.app{display:flex;gap:20px;padding:20px;justify-content:center;align-items:flex-start}\n.bar{flex-direction:column;align-items:stretch;width:150px}`
      : `.app{display:flex;flex-direction:column;align-items:center;gap:12px;padding:16px}${o.layout === "bottom" ? `\n.bar{order:1}` : ""}`;
  const board =
    o.render === "canvas"
      ? `#board{background:var(--surface);border:1px solid var(--border)${o.draw ? ";cursor:pointer" : ""}}`
      : `#board{display:grid;grid-template-columns:repeat(${o.cols},${o.size}px);gap:1px;background:var(--border);border:1px solid var(--border)}
#board div{height:${o.size}px;background:var(--surface)}
#board .alive{background:var(--accent)}`;
  return `${app}
h1{margin:0;font-size:22px}
.bar{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.bar button{padding:7px 14px;border:1px solid var(--border);border-radius:var(--radius);background:var(--surface);color:var(--text)}
.bar .main{background:var(--accent);color:var(--accent-text);border-color:var(--accent)}
.info{color:var(--muted)}
${board}`;
}

function body(o: LifeOptions): string {
  const btns = [
    o.controls === "toggle" ? `<button id="run" class="main">Start</button>` : `<button id="start" class="main">Start</button><button id="pause">Pause</button>`,
    o.stepBtn ? `<button id="step">Step</button>` : "",
    o.random ? `<button id="random">Random</button>` : "",
    o.clear ? `<button id="clear">Clear</button>` : "",
    o.speed ? `<label>Speed <input id="speed" type="range" min="30" max="500" value="${530 - o.tickMs}"></label>` : "",
    o.gens ? `<span class="info">Generation: <b id="gen">0</b></span>` : "",
    o.pop ? `<span class="info">Alive: <b id="pop">0</b></span>` : "",
  ].filter(Boolean);
  const board = o.render === "canvas" ? `<canvas id="board" width="${o.cols * o.size}" height="${o.rows * o.size}"></canvas>` : `<div id="board"></div>`;
  return `<main class="app">
<div class="bar">
<h1>${esc(o.title)}</h1>
${btns.join("\n")}
</div>
${board}
</main>`;
}

function script(o: LifeOptions): string {
  const flat = o.state === "flat";
  const v = flat ? "cells" : "grid";
  const get = (r: string, c: string) => (flat ? `cells[${r.includes(" ") ? `(${r})` : r} * C + ${c}]` : `grid[${r}][${c}]`);
  const fresh = (fill: string) => (flat ? `new Array(R * C).fill(0)${fill === "0" ? "" : `.map(() => ${fill})`}` : `Array.from({ length: R }, () => new Array(C).fill(0)${fill === "0" ? "" : `.map(() => ${fill})`})`);
  const rnd = `(Math.random() < 0.3 ? 1 : 0)`;
  const neighbor = o.wrap
    ? `n += ${get("(r + dr + R) % R", "(c + dc + C) % C")};`
    : flat
      ? `const y = r + dr, x = c + dc;\n      if (y >= 0 && y < R && x >= 0 && x < C) n += cells[y * C + x];`
      : `n += (grid[r + dr] || [])[c + dc] || 0;`;
  const next = flat
    ? `  cells = cells.map((v, i) => {
    const n = neighbors(Math.floor(i / C), i % C);
    return n === 3 || (v && n === 2) ? 1 : 0;
  });`
    : `  grid = grid.map((row, r) =>
    row.map((v, c) => {
      const n = neighbors(r, c);
      return n === 3 || (v && n === 2) ? 1 : 0;
    })
  );`;
  const cell = (i: string) => (flat ? `cells[${i}]` : `grid[Math.floor(${i} / C)][${i} % C]`);
  const draw =
    o.render === "canvas"
      ? `function draw() {
  ctx.clearRect(0, 0, C * S, R * S);
  ctx.fillStyle = getComputedStyle(document.body).getPropertyValue("--accent");
  for (let r = 0; r < R; r++)
    for (let c = 0; c < C; c++) if (${get("r", "c")}) ctx.fillRect(c * S, r * S, S - 1, S - 1);${o.gens ? `\n  genEl.textContent = gen;` : ""}${o.pop ? `\n  popEl.textContent = ${flat ? "cells" : "grid.flat()"}.filter(Boolean).length;` : ""}
}`
      : `function draw() {
  els.forEach((d, i) => d.classList.toggle("alive", !!${cell("i")}));${o.gens ? `\n  genEl.textContent = gen;` : ""}${o.pop ? `\n  popEl.textContent = ${flat ? "cells" : "grid.flat()"}.filter(Boolean).length;` : ""}
}`;
  const setup =
    o.render === "canvas"
      ? `const ctx = board.getContext("2d");`
      : `const els = [];
for (let i = 0; i < R * C; i++) els.push(board.appendChild(document.createElement("div")));`;
  const init =
    o.initial === "random"
      ? `let ${v} = ${fresh(rnd)};`
      : o.initial === "empty"
        ? `let ${v} = ${fresh("0")};`
        : `let ${v} = ${fresh("0")};\n${JSON.stringify(PATTERNS[o.initial])}.forEach(([r, c]) => (${get(`r + ${Math.floor(o.rows / 2) - 1}`, `c + ${Math.floor(o.cols / 2) - 1}`)} = 1));`;
  const clickToggle =
    o.render === "canvas"
      ? `board.addEventListener("click", (e) => {
  const r = Math.floor(e.offsetY / S), c = Math.floor(e.offsetX / S);
  ${get("r", "c")} = ${get("r", "c")} ? 0 : 1;
  draw();
});`
      : `board.addEventListener("click", (e) => {
  const i = els.indexOf(e.target);
  if (i < 0) return;
  ${cell("i")} = ${cell("i")} ? 0 : 1;
  draw();
});`;
  const interval = o.speed ? `530 - speedEl.value` : `${o.tickMs}`;
  const controls =
    o.controls === "toggle"
      ? `const runBtn = document.getElementById("run");
function start() {
  timer = setInterval(${o.stepName}, ${interval});
  runBtn.textContent = "Pause";
}
function pause() {
  clearInterval(timer);
  timer = null;
  runBtn.textContent = "Start";
}
runBtn.addEventListener("click", () => (timer ? pause() : start()));`
      : `function start() {
  if (!timer) timer = setInterval(${o.stepName}, ${interval});
}
function pause() {
  clearInterval(timer);
  timer = null;
}
document.getElementById("start").addEventListener("click", start);
document.getElementById("pause").addEventListener("click", pause);`;
  const on = (id: string, code: string) => `document.getElementById("${id}").addEventListener("click", () => {\n${code}\n});`;
  return `const R = ${o.rows};
const C = ${o.cols};${o.render === "canvas" ? `\nconst S = ${o.size};` : ""}
const board = document.getElementById("board");${o.gens ? `\nconst genEl = document.getElementById("gen");` : ""}${o.pop ? `\nconst popEl = document.getElementById("pop");` : ""}${o.speed ? `\nconst speedEl = document.getElementById("speed");` : ""}
${setup}
${init}
let timer = null;${o.gens ? "\nlet gen = 0;" : ""}
function neighbors(r, c) {
  let n = 0;
  for (let dr = -1; dr <= 1; dr++)
    for (let dc = -1; dc <= 1; dc++) {
      if (!dr && !dc) continue;
      ${neighbor}
    }
  return n;
}
function ${o.stepName}() {
${next}${o.gens ? "\n  gen++;" : ""}
  draw();
}
${draw}
${controls}${o.draw ? `\n${clickToggle}` : ""}${o.stepBtn ? `\ndocument.getElementById("step").addEventListener("click", ${o.stepName});` : ""}${o.random ? `\n${on("random", `  ${v} = ${fresh(rnd)};${o.gens ? "\n  gen = 0;" : ""}\n  draw();`)}` : ""}${o.clear ? `\n${on("clear", `  pause();\n  ${v} = ${fresh("0")};${o.gens ? "\n  gen = 0;" : ""}\n  draw();`)}` : ""}${o.speed ? `\nspeedEl.addEventListener("input", () => {\n  if (timer) {\n    pause();\n    start();\n  }\n});` : ""}
draw();`;
}

function render(o: LifeOptions): string {
  return page({ title: o.title, theme: o.theme, css: css(o), body: body(o), script: script(o) });
}

const OPTIONAL = ["wrap", "draw", "stepBtn", "clear", "random", "speed", "gens", "pop"] as const;

/** Drops optional features until the app fits the length budget (keeps the start pattern reachable). */
function fit(o: LifeOptions, rng: Rng): LifeOptions {
  while (render(o).length > 3950) {
    const k = rng.pick(OPTIONAL.filter((k) => o[k]));
    o = { ...o, [k]: false };
    if (o.initial === "empty" && !o.draw && !o.random) o.initial = "glider";
  }
  return o;
}

const fits = (o: LifeOptions) => render(o).length <= 4000;

export const life = defineFamily<LifeOptions>({
  name: "life",
  options(rng) {
    const render = rng.pick(["canvas", "grid"] as const);
    const rows = render === "grid" ? rng.int(16, 30) : rng.int(20, 40);
    const draw = rng.chance(0.6);
    const random = rng.chance(0.45);
    return fit(
      {
        theme: randomTheme(rng),
        title: rng.pick(["Game of Life", "Conway's Game of Life", "Life", "Cellular Automaton", "Life Simulator"]),
        rows,
        cols: render === "grid" ? rng.int(rows, 32) : rng.int(rows, 50),
        size: render === "grid" ? rng.pick([12, 14, 16]) : rng.pick([10, 12, 14]),
        tickMs: rng.pick([100, 150, 200, 250]),
        render,
        state: rng.pick(["flat", "nested"] as const),
        stepName: rng.pick(["step", "tick", "nextGeneration", "evolve"] as const),
        controls: rng.pick(["toggle", "separate"] as const),
        initial: draw || random ? rng.pick(["random", "glider", "rpent", "empty"] as const) : rng.pick(["random", "glider", "rpent"] as const),
        wrap: rng.chance(0.45),
        draw,
        stepBtn: rng.chance(0.5),
        clear: rng.chance(0.5),
        random,
        speed: rng.chance(0.35),
        gens: rng.chance(0.5),
        pop: rng.chance(0.3),
        layout: rng.pick(["top", "bottom", "side"] as const),
      },
      rng,
    );
  },
  render,
  features(o) {
    return [...OPTIONAL.filter((k) => o[k]), ...(o.controls === "toggle" ? ["toggle"] : [])];
  },
  request(o, rng) {
    const subject = rng.pick(["Conway's game of life", "a game of life simulation", "Conway's Game of Life with start and pause", "a cellular automaton (game of life)"]);
    const f: string[] = [];
    if (rng.chance(0.5)) f.push(o.controls === "toggle" ? rng.pick(["a start/pause button", "one button that starts and pauses"]) : rng.pick(["start and pause buttons", "separate Start and Pause buttons"]));
    if (o.wrap) f.push(rng.pick(["wrap-around edges", "a toroidal grid where edges wrap"]));
    if (o.draw) f.push(rng.pick(["clicking cells to toggle them", "drawing cells with the mouse"]));
    if (o.stepBtn) f.push(rng.pick(["a step button", "a button to advance one generation"]));
    if (o.clear) f.push(rng.pick(["a clear button", "a button to clear the grid"]));
    if (o.random) f.push(rng.pick(["a randomize button", "a button to fill the grid randomly"]));
    if (o.speed) f.push(rng.pick(["a speed slider", "adjustable speed"]));
    if (o.gens) f.push(rng.pick(["a generation counter", "the generation number"]));
    if (o.pop) f.push(rng.pick(["a live cell count", "the number of alive cells"]));
    if (o.initial === "glider" && rng.chance(0.5)) f.push("a glider to start with");
    if (o.initial === "random" && rng.chance(0.5)) f.push("a random starting pattern");
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-step", requests: ["add a step button", "let me advance one generation at a time"], appliesTo: (o) => !o.stepBtn && fits({ ...o, stepBtn: true }), apply: (o) => ({ ...o, stepBtn: true }) },
    { id: "add-clear", requests: ["add a clear button", "let me clear the board"], appliesTo: (o) => !o.clear && fits({ ...o, clear: true }), apply: (o) => ({ ...o, clear: true }) },
    { id: "add-draw", requests: ["let me click cells to toggle them", "let me draw cells with the mouse"], appliesTo: (o) => !o.draw && fits({ ...o, draw: true }), apply: (o) => ({ ...o, draw: true }) },
    { id: "add-gens", requests: ["show the generation count", "add a generation counter"], appliesTo: (o) => !o.gens && fits({ ...o, gens: true }), apply: (o) => ({ ...o, gens: true }) },
    { id: "add-wrap", requests: ["make the edges wrap around", "make the grid wrap at the edges"], appliesTo: (o) => !o.wrap && fits({ ...o, wrap: true }), apply: (o) => ({ ...o, wrap: true }) },
    { id: "add-random", requests: ["add a randomize button", "add a button that fills the grid randomly"], appliesTo: (o) => !o.random && fits({ ...o, random: true }), apply: (o) => ({ ...o, random: true }) },
  ],
  async check({ page, frame }, o) {
    const flat = o.state === "flat";
    const ev = <T>(expr: string) => frame.evaluate(expr) as Promise<T>;
    const live = () => ev<string>(`JSON.stringify(${flat ? "cells" : "grid.flat()"})`);
    const at = (r: number, c: number) => ev<number>(flat ? `cells[${r * o.cols + c}]` : `grid[${r}][${c}]`);
    const set = (pts: number[][]) =>
      ev(`(() => { ${flat ? `cells = new Array(R * C).fill(0)` : `grid = Array.from({ length: R }, () => new Array(C).fill(0))`}; ${JSON.stringify(pts)}.forEach(([r, c]) => (${flat ? "cells[r * C + c]" : "grid[r][c]"} = 1)); draw(); })()`);
    const r = Math.floor(o.rows / 2), c = Math.floor(o.cols / 2);
    const runBtn = o.controls === "toggle" ? "#run" : "#start";
    const pauseBtn = o.controls === "toggle" ? "#run" : "#pause";
    const state0 = await live();
    const alive0 = (JSON.parse(state0) as number[]).filter(Boolean).length;
    if (o.initial === "random" ? alive0 < 10 : alive0 !== (o.initial === "empty" ? 0 : 5)) throw new Error(`the start pattern has ${alive0} cells`);
    await page.waitForTimeout(o.tickMs * 2);
    if ((await live()) !== state0) throw new Error("the grid evolves before start is pressed");
    await set([[r, c - 1], [r, c], [r, c + 1]]);
    if (o.stepBtn) await frame.locator("#step").click();
    else await ev(`${o.stepName}()`);
    if (!(await at(r - 1, c)) || !(await at(r + 1, c)) || (await at(r, c - 1)) || !(await at(r, c))) throw new Error("a blinker does not flip to vertical");
    if (o.render === "grid" && !(await frame.locator("#board div").nth((r - 1) * o.cols + c).evaluate((e) => e.classList.contains("alive")))) throw new Error("the grid does not show live cells");
    if (o.gens && ((await frame.locator("#gen").textContent()) ?? "").trim() !== "1") throw new Error("generation counter did not advance");
    if (o.pop && ((await frame.locator("#pop").textContent()) ?? "").trim() !== "3") throw new Error("live cell count is wrong");
    await set([[0, c - 1], [0, c], [0, c + 1]]);
    await ev(`${o.stepName}()`);
    if (Boolean(await at(o.rows - 1, c)) !== o.wrap) throw new Error(o.wrap ? "edges do not wrap" : "cells wrap around the edge");
    await set([[r - 1, c], [r, c + 1], [r + 1, c - 1], [r + 1, c], [r + 1, c + 1]]);
    const s1 = await live();
    await frame.locator(runBtn).click();
    for (let t = Date.now(); (await live()) === s1; await page.waitForTimeout(30)) if (Date.now() - t > o.tickMs * 4 + 1000) throw new Error("start does not run the simulation");
    if (o.speed) await frame.locator("#speed").fill("480");
    await frame.locator(pauseBtn).click();
    const s2 = await live();
    await page.waitForTimeout(o.tickMs * 3);
    if ((await live()) !== s2) throw new Error("pause does not stop the simulation");
    if (o.draw) {
      const before = await at(2, 3);
      if (o.render === "canvas") await frame.locator("#board").click({ position: { x: 3 * o.size + o.size / 2, y: 2 * o.size + o.size / 2 } });
      else await frame.locator("#board div").nth(2 * o.cols + 3).click();
      if ((await at(2, 3)) === before) throw new Error("clicking a cell does not toggle it");
    }
    if (o.random) {
      await frame.locator("#random").click();
      const n = (JSON.parse(await live()) as number[]).filter(Boolean).length;
      if (n < 10) throw new Error("random does not fill the grid");
    }
    if (o.clear) {
      await frame.locator("#clear").click();
      if ((JSON.parse(await live()) as number[]).some(Boolean)) throw new Error("clear does not empty the grid");
    }
  },
  async requestCheck(app, request) {
    const { frame } = app;
    const start = button(frame, /start|play|run/i);
    const pause = button(frame, /pause|stop/i);
    if (/randomize|randomly/i.test(request)) await changes(frame, () => button(frame, /random/i).click(), "the random button does not fill the grid");
    const counted = await shownNumbers(frame);
    if (/click|draw|toggle/i.test(request) || !(await runs(frame, start))) {
      if (await exists(pause)) await pause.click();
      await blinker(app);
      if (!(await runs(frame, start))) throw new Error("the simulation does not run after Start");
    }
    await pause.click();
    await frame.waitForTimeout(300);
    const paused = await scene(frame);
    await frame.waitForTimeout(800);
    if ((await scene(frame)) !== paused) throw new Error("Pause does not stop the simulation");
    if (/step|advance one/i.test(request)) await changes(frame, () => button(frame, /step|next/i).click(), "Step does not advance a generation");
    if (/generation (counter|number)/i.test(request) && (await shownNumbers(frame)) === counted) throw new Error("no generation counter counts the generations");
    if (/clear/i.test(request)) await changes(frame, () => button(frame, /clear/i).click(), "the clear button does not clear the grid");
  },
});

/** Run `act` and expect the grid (the whole scene) to change. */
async function changes(frame: Frame, act: () => Promise<void>, message: string): Promise<void> {
  const before = await scene(frame);
  await act();
  await sceneChanges(frame, before, message);
}

/** Click Start and tell whether the grid then changes by itself. */
async function runs(frame: Frame, start: Locator): Promise<boolean> {
  await start.click();
  const first = await scene(frame);
  return sceneChanges(frame, first, "", 2500).then(
    () => true,
    () => false,
  );
}

/**
 * Draw a blinker (three live cells in a row) like a user: click three neighbouring
 * cells of a DOM grid, or on a canvas click once, measure the cell that appeared, and
 * click its two right-hand neighbours.
 */
async function blinker({ page, frame }: AppUnderTest): Promise<void> {
  const canvas = frame.locator("canvas").first();
  if (!(await exists(canvas))) {
    const n = await markCells(frame);
    const row = await frame.evaluate((n) => {
      const mid = Math.floor(n / 2);
      const [a, b] = [mid - 1, mid + 1].map((i) => document.querySelector(`[data-cell="${i}"]`)!.getBoundingClientRect().top);
      return a === b ? [mid - 1, mid, mid + 1] : [mid, mid + 1, mid + 2];
    }, n);
    for (const i of row) await cell(frame, i).click();
    return;
  }
  const box = (await canvas.boundingBox())!;
  // The box (in page pixels) of what changed on the canvas since the last call.
  const changed = () =>
    canvas.evaluate((c) => {
      const canvas = c as HTMLCanvasElement;
      const store = c as unknown as { before?: ArrayLike<number> };
      const now = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      const before = store.before ?? now;
      let [x0, y0, x1, y1] = [Infinity, Infinity, -1, -1];
      for (let p = 0; p < now.length; p += 4) {
        if (now[p] === before[p] && now[p + 1] === before[p + 1] && now[p + 2] === before[p + 2]) continue;
        const [x, y] = [(p / 4) % canvas.width, Math.floor(p / 4 / canvas.width)];
        [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
      }
      store.before = now;
      const scale = canvas.getBoundingClientRect().width / canvas.width;
      return x1 < 0 ? null : { x: x0 * scale, y: y0 * scale, w: (x1 - x0 + 1) * scale, h: (y1 - y0 + 1) * scale };
    });
  await changed();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const drawn = await changed();
  if (!drawn) throw new Error("clicking the grid does not draw a cell");
  // Its two right-hand neighbours: one cell (and a grid line, if any) apart.
  const [cx, cy] = [box.x + drawn.x + drawn.w / 2, box.y + drawn.y + drawn.h / 2];
  await page.mouse.click(cx + drawn.w + 1, cy);
  await page.mouse.click(cx + 2 * (drawn.w + 1), cy);
}
