// Snake: steer with the arrow keys, eat food to grow, avoid yourself (and the walls).
import { esc, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import type { Rng } from "../rng.ts";
import { button, eventually, exists, scene, sceneChanges, visibleText } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

interface SnakeOptions {
  theme: Theme;
  title: string;
  n: number;
  cell: number;
  tickMs: number;
  render: "canvas" | "grid";
  style: "globals" | "object" | "class";
  edges: "wrap" | "walls";
  pause: "none" | "space" | "button";
  restart: boolean;
  startButton: boolean;
  wasd: boolean;
  speedup: boolean;
  best: boolean;
  layout: "card" | "plain" | "side";
}

function css(o: SnakeOptions): string {
  const app =
    o.layout === "card"
      ? `.app{width:max-content;margin:24px auto;padding:16px 20px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius);text-align:center}`
      : o.layout === "side"
        ? `.app{display:flex;gap:24px;justify-content:center;align-items:flex-start;padding:24px}`
        : `.app{text-align:center;padding:16px}`;
  const board =
    o.render === "canvas"
      ? `canvas{border:2px solid var(--border);background:var(--surface)}`
      : `#board{display:inline-grid;grid-template-columns:repeat(${o.n},${o.cell}px);border:2px solid var(--border);background:var(--surface)}
#board div{height:${o.cell}px}
#board .snake{background:var(--accent)}
#board .food{background:var(--text);border-radius:50%}`;
  return `${app}
h1{margin:0 0 8px;font-size:22px}
.info{color:var(--muted);margin:8px 0}
#msg{font-weight:bold;min-height:22px}
${board}${o.pause === "button" || o.restart || o.startButton ? `\nbutton{margin:0 4px;padding:6px 12px;border:0;border-radius:var(--radius);background:var(--accent);color:var(--accent-text)}` : ""}`;
}

function body(o: SnakeOptions): string {
  const board = o.render === "canvas" ? `<canvas id="board" width="${o.n * o.cell}" height="${o.n * o.cell}"></canvas>` : `<div id="board"></div>`;
  const btns = [
    o.startButton ? `<button id="start">Start</button>` : "",
    o.pause === "button" ? `<button id="pause">Pause</button>` : "",
    o.restart ? `<button id="restart">Restart</button>` : "",
  ].join("");
  const help = `${o.wasd ? "Arrows or WASD" : "Arrow keys"} to steer${o.pause === "space" ? ", Space to pause" : ""}`;
  return `<main class="app">
${o.layout === "side" ? `${board}\n<div>\n<h1>${esc(o.title)}</h1>` : `<h1>${esc(o.title)}</h1>`}
<div class="info">Score: <b id="score">0</b>${o.best ? ` &middot; Best: <b id="best">0</b>` : ""}</div>${o.layout === "side" ? "" : `\n${board}`}
<p id="msg"></p>
<div class="info">${btns ? `${btns}<br>` : ""}${help}</div>${o.layout === "side" ? "\n</div>" : ""}
</main>`;
}

interface Method {
  name: string;
  args?: string;
  body: string;
}

function script(o: SnakeOptions): string {
  const cls = o.style === "class";
  const st = o.style === "globals" ? "" : cls ? "this." : "game.";
  const call = cls ? "this." : "";
  const ext = cls ? "game." : "";
  const t = (s: string) => s.replace(/\$\./g, st).replace(/@/g, call);
  const vars = ["snake", "dir", "next", "food", "score", "timer", ...(o.speedup ? ["speed"] : []), ...(o.pause !== "none" ? ["paused"] : [])];
  const edge =
    o.edges === "wrap"
      ? `  head.x = (head.x + N) % N;\n  head.y = (head.y + N) % N;\n  if (@hits(head)) return @end();`
      : `  if (head.x < 0 || head.y < 0 || head.x >= N || head.y >= N || @hits(head)) return @end();`;
  const draw =
    o.render === "canvas"
      ? `  ctx.clearRect(0, 0, N * S, N * S);
  ctx.fillStyle = color("--text");
  ctx.fillRect($.food.x * S, $.food.y * S, S - 1, S - 1);
  ctx.fillStyle = color("--accent");
  $.snake.forEach((p) => ctx.fillRect(p.x * S, p.y * S, S - 1, S - 1));`
      : `  cells.forEach((c) => (c.className = ""));
  cells[$.food.y * N + $.food.x].className = "food";
  $.snake.forEach((p) => (cells[p.y * N + p.x].className = "snake"));`;
  const keys = `{ ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0]${o.wasd ? `, w: [0, -1], s: [0, 1], a: [-1, 0], d: [1, 0]` : ""} }`;
  const methods: Method[] = [
    {
      name: "reset",
      body: `  $.snake = [{ x: 4, y: ${Math.floor(o.n / 2)} }, { x: 3, y: ${Math.floor(o.n / 2)} }, { x: 2, y: ${Math.floor(o.n / 2)} }];
  $.dir = $.next = { x: 1, y: 0 };
  $.score = 0;${o.speedup ? `\n  $.speed = ${o.tickMs};` : ""}${o.pause !== "none" ? `\n  $.paused = false;` : ""}
  scoreEl.textContent = 0;
  msg.textContent = "";
  @placeFood();
  clearTimeout($.timer);
  @step();`,
    },
    { name: "hits", args: "p", body: `  return $.snake.some((s) => s.x === p.x && s.y === p.y);` },
    {
      name: "placeFood",
      body: `  do $.food = { x: Math.floor(Math.random() * N), y: Math.floor(Math.random() * N) };
  while (@hits($.food));`,
    },
    {
      name: "step",
      body: `  $.timer = setTimeout(() => @step(), ${o.speedup ? "$.speed" : o.tickMs});${o.pause !== "none" ? `\n  if ($.paused) return;` : ""}
  $.dir = $.next;
  const head = { x: $.snake[0].x + $.dir.x, y: $.snake[0].y + $.dir.y };
${edge}
  $.snake.unshift(head);
  if (head.x === $.food.x && head.y === $.food.y) {
    scoreEl.textContent = ++$.score;${o.best ? `\n    best = Math.max(best, $.score);\n    bestEl.textContent = best;\n    localStorage.setItem("snake-best", best);` : ""}
    @placeFood();${o.speedup ? `\n    $.speed = Math.max(50, $.speed - 5);` : ""}
  } else {
    $.snake.pop();
  }
  @draw();`,
    },
    {
      name: "end",
      body: `  clearTimeout($.timer);
  $.timer = null;
  msg.textContent = "Game over! Score: " + $.score;`,
    },
    { name: "draw", body: draw },
    {
      name: "key",
      args: "e",
      body: `  const k = keys[e.key];${o.pause === "space" ? `\n  if (e.key === " ") {\n    e.preventDefault();\n    @togglePause();\n  }` : ""}
  if (e.key === "Enter" && !$.timer) @reset();
  if (!k || !$.timer) return;
  e.preventDefault();
  if (k[0] !== -$.dir.x || k[1] !== -$.dir.y) $.next = { x: k[0], y: k[1] };`,
    },
  ];
  if (o.pause !== "none")
    methods.push({
      name: "togglePause",
      body: `  $.paused = !$.paused;${o.pause === "button" ? `\n  document.getElementById("pause").textContent = $.paused ? "Resume" : "Pause";` : ""}
  msg.textContent = $.paused ? "Paused" : "";`,
    });
  const fn = (m: Method) =>
    cls
      ? `  ${m.name}(${m.args ?? ""}) {\n${t(m.body).replace(/^/gm, "  ")}\n  }`
      : `function ${m.name}(${m.args ?? ""}) {\n${t(m.body)}\n}`;
  const head = `const N = ${o.n};${o.render === "canvas" ? `\nconst S = ${o.cell};` : ""}
const board = document.getElementById("board");
const scoreEl = document.getElementById("score");
const msg = document.getElementById("msg");
const keys = ${keys};${o.render === "canvas" ? `\nconst ctx = board.getContext("2d");\nconst color = (v) => getComputedStyle(document.documentElement).getPropertyValue(v);` : `\nconst cells = [];\nfor (let i = 0; i < N * N; i++) cells.push(board.appendChild(document.createElement("div")));`}${o.best ? `\nconst bestEl = document.getElementById("best");\nlet best = Number(localStorage.getItem("snake-best")) || 0;\nbestEl.textContent = best;` : ""}`;
  const state =
    o.style === "globals" ? `let ${vars.join(", ")};` : o.style === "object" ? `const game = { ${vars.map((v) => `${v}: null`).join(", ")} };` : "";
  const body = cls ? `class Game {\n${methods.map(fn).join("\n")}\n}\nconst game = new Game();` : `${state}\n${methods.map(fn).join("\n")}`;
  const on = (id: string, m: string) => `document.getElementById("${id}").addEventListener("click", () => ${ext}${m}());`;
  const start = o.startButton
    ? on("start", "reset")
    : `${ext}reset();`;
  return `${head}
${body}
document.addEventListener("keydown", (e) => ${ext}key(e));${o.pause === "button" ? `\n${on("pause", "togglePause")}` : ""}${o.restart ? `\n${on("restart", "reset")}` : ""}
${start}`;
}

function render(o: SnakeOptions): string {
  return page({ title: o.title, theme: o.theme, css: css(o), body: body(o), script: script(o) });
}

/** Drops optional features until the app fits the length budget. */
function fit(o: SnakeOptions, rng: Rng): SnakeOptions {
  while (render(o).length > 3950) {
    const on = (["pause", "restart", "startButton", "wasd", "speedup", "best"] as const).filter((k) => (k === "pause" ? o.pause !== "none" : o[k]));
    const k = rng.pick(on);
    o = k === "pause" ? { ...o, pause: "none" } : { ...o, [k]: false };
  }
  return o;
}

const fits = (o: SnakeOptions) => render(o).length <= 4000;

export const snake = defineFamily<SnakeOptions>({
  name: "snake",
  options(rng) {
    const n = rng.pick([15, 16, 18, 20]);
    const startButton = rng.chance(0.3);
    return fit({
      theme: randomTheme(rng),
      title: rng.pick(["Snake", "Snake Game", "Classic Snake", "Hungry Snake", "Snake!"]),
      n,
      cell: n >= 18 ? rng.pick([16, 18, 20]) : rng.pick([18, 20, 24]),
      tickMs: rng.pick([110, 120, 140, 160]),
      render: rng.pick(["canvas", "grid"] as const),
      style: rng.pick(["globals", "object", "class"] as const),
      edges: rng.pick(["wrap", "walls"] as const),
      pause: rng.pick(["none", "none", "space", "button"] as const),
      restart: !startButton && rng.chance(0.55),
      startButton,
      wasd: rng.chance(0.35),
      speedup: rng.chance(0.35),
      best: rng.chance(0.4),
      layout: rng.pick(["card", "plain", "side"] as const),
    }, rng);
  },
  render,
  features(o) {
    return [
      `edges:${o.edges}`,
      ...(o.pause !== "none" ? [`pause:${o.pause}`] : []),
      ...(o.restart ? ["restart"] : []),
      ...(o.startButton ? ["start"] : []),
      ...(o.wasd ? ["wasd"] : []),
      ...(o.speedup ? ["speedup"] : []),
      ...(o.best ? ["best"] : []),
    ];
  },
  request(o, rng) {
    const subject = rng.pick(["a snake game", "a classic snake game", "a snake game controlled with the arrow keys", "the game snake", "a retro snake game"]);
    const f: string[] = [];
    f.push(o.edges === "wrap" ? rng.pick(["wrap-around edges", "a snake that wraps around the walls"]) : rng.pick(["game over when the snake hits a wall", "solid walls"]));
    if (o.pause === "space") f.push(rng.pick(["pause with the space bar", "space to pause"]));
    if (o.pause === "button") f.push(rng.pick(["a pause button", "a button to pause and resume"]));
    if (o.restart) f.push(rng.pick(["a restart button", "a button to start over"]));
    if (o.startButton) f.push(rng.pick(["a start button", "a Start button to begin"]));
    if (o.wasd) f.push(rng.pick(["WASD controls too", "WASD as well as arrow keys"]));
    if (o.speedup) f.push(rng.pick(["speed that increases as you eat", "a snake that gets faster"]));
    if (o.best) f.push(rng.pick(["a high score", "a best score that is saved"]));
    if (rng.chance(0.3)) f.push("a score");
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-pause", requests: ["let me pause with space", "add pausing with the space bar"], appliesTo: (o) => o.pause === "none" && fits({ ...o, pause: "space" }), apply: (o) => ({ ...o, pause: "space" }) },
    { id: "add-restart", requests: ["add a restart button", "add a button to start over"], appliesTo: (o) => !o.restart && !o.startButton && fits({ ...o, restart: true }), apply: (o) => ({ ...o, restart: true }) },
    { id: "wrap", requests: ["let the snake go through the walls", "make the edges wrap around"], appliesTo: (o) => o.edges === "walls" && fits({ ...o, edges: "wrap" }), apply: (o) => ({ ...o, edges: "wrap" }) },
    { id: "walls", requests: ["end the game when it hits a wall", "make the walls deadly"], appliesTo: (o) => o.edges === "wrap" && fits({ ...o, edges: "walls" }), apply: (o) => ({ ...o, edges: "walls" }) },
    { id: "add-best", requests: ["show a high score", "keep the best score"], appliesTo: (o) => !o.best && fits({ ...o, best: true }), apply: (o) => ({ ...o, best: true }) },
    { id: "add-speedup", requests: ["make it speed up as the snake eats", "make the snake faster as it grows"], appliesTo: (o) => !o.speedup && fits({ ...o, speedup: true }), apply: (o) => ({ ...o, speedup: true }) },
  ],
  async check(app, o) {
    const { page, frame } = app;
    const g = o.style === "globals" ? "" : "game.";
    const ev = <T>(expr: string) => frame.evaluate(expr) as Promise<T>;
    const wait = async (expr: string, what: string, ms = 1500) => {
      for (const end = Date.now() + ms; !(await ev<boolean>(expr)); await page.waitForTimeout(25))
        if (Date.now() > end) throw new Error(what);
    };
    const text = async (sel: string) => ((await frame.locator(sel).textContent()) ?? "").trim();
    await start(app);
    const place = (x: number, y: number, dx: number, food = `{ x: 0, y: ${o.n - 1} }`) =>
      ev(`(() => { ${g}snake = [{ x: ${x}, y: ${y} }, { x: ${x - dx}, y: ${y} }, { x: ${x - 2 * dx}, y: ${y} }]; ${g}dir = ${g}next = { x: ${dx}, y: 0 }; ${g}food = ${food}; })()`);
    // The length is read in the page, on the frame the score goes up: on a loaded machine the
    // next round trip may come after the snake has run into a wall and started again. The
    // watch starts before the snake is placed, from the score as it is then: the game has been
    // running, and its random food may already have been eaten.
    await ev(`(() => { const score = () => Number(document.getElementById("score").textContent.trim()); const before = score(); const watch = () => score() > before ? (window.__grew = ${g}snake.length >= 4) : requestAnimationFrame(watch); watch(); })()`);
    await place(3, 2, 1, "{ x: 7, y: 2 }");
    await wait(`${g}snake[0].x > 3`, "the snake does not move");
    await wait(`window.__grew !== undefined`, "eating food does not raise the score");
    if (!(await ev<boolean>("window.__grew"))) throw new Error("the snake did not grow");
    if (o.best && (await text("#best")) !== (await text("#score"))) throw new Error("best score not updated");
    await place(4, 1, 1);
    await page.keyboard.press(o.wasd ? "s" : "ArrowDown");
    await wait(`${g}snake[0].y > 1`, "the snake does not turn down");
    await page.keyboard.press("ArrowUp");
    await page.waitForTimeout(o.tickMs * 2);
    if ((await ev<number>(`${g}dir.y`)) !== 1) throw new Error("the snake reversed into itself");
    if (o.pause !== "none") {
      await place(4, 1, 1);
      if (o.pause === "space") await page.keyboard.press(" ");
      else await frame.locator("#pause").click();
      const h = await ev<string>(`JSON.stringify(${g}snake[0])`);
      await page.waitForTimeout(o.tickMs * 3);
      if ((await ev<string>(`JSON.stringify(${g}snake[0])`)) !== h) throw new Error("pause does not stop the snake");
      if (o.pause === "space") await page.keyboard.press(" ");
      else await frame.locator("#pause").click();
      await wait(`JSON.stringify(${g}snake[0]) !== ${JSON.stringify(h)}`, "the snake does not resume");
    }
    await place(0, 3, -1);
    if (o.edges === "wrap") await wait(`${g}snake[0].x > 5`, "the snake does not wrap around");
    else await wait(`/game over/i.test(document.getElementById("msg").textContent)`, "hitting the wall does not end the game");
    if (o.restart || o.startButton) {
      // The new game runs on at once (on a loaded machine it may eat before a later read),
      // so note what the score and message show at each change from the click on.
      await ev(`(() => { const shown = (s) => (document.querySelector(s)?.textContent ?? "").trim(); const r = (window.__afterRestart = []);
        new MutationObserver(() => r.push([shown("#score"), shown("#msg")])).observe(document.body, { subtree: true, childList: true, characterData: true }); })()`);
      await frame.locator(o.restart ? "#restart" : "#start").click();
      await wait(`window.__afterRestart.some(([score, msg]) => score === "0" && msg === "")`, "restart does not reset");
      const x1 = await ev<number>(`${g}snake[0].x`);
      await wait(`${g}snake[0].x !== ${x1}`, "the snake does not move after restart");
    }
  },
  async requestCheck(app, request) {
    const { page, frame } = app;
    await start(app);
    const moving = await sceneChanges(frame, await scene(frame), "the snake does not move after the game starts");
    await sceneChanges(frame, moving, "the snake stops moving");
    if (/pause|space to/i.test(request)) {
      const pause = button(frame, /pause/i);
      const toggle = async () => ((await exists(pause)) ? pause.click() : page.keyboard.press(" "));
      await toggle();
      await frame.waitForTimeout(300);
      const paused = await scene(frame);
      await frame.waitForTimeout(600);
      if ((await scene(frame)) !== paused) throw new Error("pausing does not stop the snake");
      await (await exists(button(frame, /resume|play|pause/i)) ? button(frame, /resume|play|pause/i).click() : page.keyboard.press(" "));
      await sceneChanges(frame, paused, "the snake does not resume");
    }
    if (/wall|game over/i.test(request) && !/wrap/i.test(request)) {
      await page.keyboard.press("ArrowUp");
      await eventually(async () => /game over|you lost|crash/i.test(await visibleText(frame)) || undefined, "steering into a wall does not end the game", 15000);
      if (/restart|start over/i.test(request)) {
        await button(frame, /restart|start over|play again|new game/i).click();
        await eventually(async () => !/game over/i.test(await visibleText(frame)) || undefined, "restart does not start a new game");
      }
    }
  },
});

/** Start a game like a user: click the board, then its Start button or Enter. */
async function start({ page, frame }: AppUnderTest): Promise<void> {
  await frame.locator("canvas, body").first().click({ position: { x: 5, y: 5 } });
  const startButton = button(frame, /^(start|play)/i);
  if (await exists(startButton)) await startButton.click();
  else await page.keyboard.press("Enter");
}
