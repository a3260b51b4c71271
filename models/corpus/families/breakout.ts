// Breakout: bounce a ball off a paddle to break rows of bricks.
import { esc, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import type { Rng } from "../rng.ts";
import { randomTheme, type Theme } from "../theme.ts";
import { button, exists, scene, sceneChanges, visibleText } from "../tolerant.ts";
import { defineFamily } from "../types.ts";

interface BreakoutOptions {
  theme: Theme;
  title: string;
  w: number;
  h: number;
  rows: number;
  cols: number;
  speed: number;
  paddleW: number;
  render: "canvas" | "dom";
  loop: "raf" | "interval";
  control: "keys" | "mouse" | "both";
  keyStyle: "flags" | "step";
  bricks: "flag" | "splice";
  launch: "auto" | "space" | "button";
  lives: boolean;
  restart: boolean;
  pause: boolean;
  speedup: boolean;
  rainbow: boolean;
  layout: "card" | "plain";
}

const bw = (o: BreakoutOptions) => Math.floor((o.w - 6 * (o.cols + 1)) / o.cols);

function css(o: BreakoutOptions): string {
  const dom =
    o.render === "dom"
      ? `\n#game div{position:absolute}\n.brick{width:${bw(o)}px;height:16px;border-radius:3px;background:var(--accent)}\n#paddle{top:${o.h - 24}px;width:${o.paddleW}px;height:10px;background:var(--text);border-radius:4px}\n#ball{width:14px;height:14px;background:var(--text);border-radius:50%}`
      : "";
  return `${o.layout === "card" ? `.app{width:max-content;margin:24px auto;padding:16px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius);text-align:center}` : `.app{text-align:center;padding:16px}`}
h1{margin:0 0 8px;font-size:24px}
.info{display:flex;gap:16px;justify-content:center;align-items:center;color:var(--muted);margin:8px 0}
#game{${o.render === "dom" ? "position:relative;overflow:hidden;margin:0 auto;" : ""}width:${o.w}px;height:${o.h}px;background:var(--bg);border:2px solid var(--border)}${dom}
#msg{font-weight:bold;min-height:22px}${o.launch === "button" || o.restart ? `\nbutton{padding:6px 14px;border:0;border-radius:var(--radius);background:var(--accent);color:var(--accent-text)}` : ""}`;
}

function body(o: BreakoutOptions): string {
  const game = o.render === "canvas" ? `<canvas id="game" width="${o.w}" height="${o.h}"></canvas>` : `<div id="game"><div id="paddle"></div><div id="ball"></div></div>`;
  const how = [o.control === "mouse" ? "Move the mouse" : o.control === "keys" ? "Arrow keys move the paddle" : "Mouse or arrow keys", o.launch === "space" ? "Space to launch" : "", o.pause ? "P to pause" : ""].filter(Boolean).join(" &middot; ");
  return `<main class="app">
<h1>${esc(o.title)}</h1>
<div class="info"><span>Score: <b id="score">0</b></span>${o.lives ? `<span>Lives: <b id="lives">3</b></span>` : ""}${o.launch === "button" ? `<button id="start">Start</button>` : ""}${o.restart ? `<button id="restart">Restart</button>` : ""}</div>
${game}
<p id="msg"></p>
<p class="info">${how}</p>
</main>`;
}

function script(o: BreakoutOptions): string {
  const canvas = o.render === "canvas";
  const flag = o.bricks === "flag";
  const hitBrick = flag
    ? `  const b = bricks.find((b) => b.alive && ball.x > b.x && ball.x < b.x + BW && ball.y - R < b.y + BH && ball.y + R > b.y);
  if (b) {
    b.alive = false;${canvas ? "" : `\n    b.el.style.visibility = "hidden";`}`
    : `  const i = bricks.findIndex((b) => ball.x > b.x && ball.x < b.x + BW && ball.y - R < b.y + BH && ball.y + R > b.y);
  if (i >= 0) {${canvas ? "" : `\n    bricks[i].el.remove();`}
    bricks.splice(i, 1);`;
  const left = flag ? `!bricks.some((b) => b.alive)` : `!bricks.length`;
  const color = o.rainbow ? `"hsl(" + r * ${Math.round(300 / o.rows)} + ",70%,55%)"` : `""`;
  const makeBrick = canvas
    ? `bricks.push({ x: GAP + c * (BW + GAP), y: 40 + r * (BH + GAP)${flag ? ", alive: true" : ""}${o.rainbow ? `, color: ${color}` : ""} });`
    : `const x = GAP + c * (BW + GAP), y = 40 + r * (BH + GAP);
      game.insertAdjacentHTML("beforeend", '<div class="brick" style="left:' + x + "px;top:" + y + ${o.rainbow ? `"px;background:hsl(" + r * ${Math.round(300 / o.rows)} + ',70%,55%)"></div>'` : `'px"></div>'`});
      bricks.push({ x, y${flag ? ", alive: true" : ""}, el: game.lastChild });`;
  const draw = canvas
    ? `function draw() {
  ctx.clearRect(0, 0, W, H);
  const css = getComputedStyle(document.body);
  ctx.fillStyle = css.getPropertyValue("--accent");
  bricks.forEach((b) => {${o.rainbow ? `\n    ctx.fillStyle = b.color;` : ""}
    ${flag ? "if (b.alive) " : ""}ctx.fillRect(b.x, b.y, BW, BH);
  });
  ctx.fillStyle = css.getPropertyValue("--text");
  ctx.fillRect(paddle.x, PY, PW, PH);
  ctx.beginPath();
  ctx.arc(ball.x, ball.y, R, 0, Math.PI * 2);
  ctx.fill();
}`
    : `const paddleEl = document.getElementById("paddle");
const ballEl = document.getElementById("ball");
function draw() {
  paddleEl.style.left = paddle.x + "px";
  ballEl.style.left = ball.x - R + "px";
  ballEl.style.top = ball.y - R + "px";
}`;
  const go = o.launch === "auto" ? "true" : "false";
  const serve = `ball = { x: paddle.x + PW / 2, y: PY - R, dx: SPEED * 0.6, dy: -SPEED };`;
  const keyCode =
    o.control === "mouse"
      ? ""
      : o.keyStyle === "flags"
        ? `const keys = {};
document.addEventListener("keyup", (e) => (keys[e.key] = false));`
        : "";
  const keydown: string[] = [];
  if (o.control !== "mouse")
    keydown.push(
      o.keyStyle === "flags"
        ? `  keys[e.key] = true;`
        : `  if (e.key === "ArrowLeft") paddle.x = Math.max(0, paddle.x - 30);\n  if (e.key === "ArrowRight") paddle.x = Math.min(W - PW, paddle.x + 30);`,
    );
  if (o.launch === "space") keydown.push(`  if (e.key === " ") {\n    e.preventDefault();\n    if (over) restart();\n    running = true;\n  }`);
  if (o.pause) keydown.push(`  if (e.key === "p") paused = !paused;`);
  const mouse =
    o.control === "keys"
      ? ""
      : `\ngame.addEventListener("mousemove", (e) => {
  const x = e.clientX - game.getBoundingClientRect().left;
  paddle.x = Math.max(0, Math.min(W - PW, x - PW / 2));
});`;
  return `const game = document.getElementById("game");${canvas ? `\nconst ctx = game.getContext("2d");` : ""}
const W = ${o.w}, H = ${o.h}, PW = ${o.paddleW}, PH = 10, PY = H - 24, R = 7, SPEED = ${o.speed};
const ROWS = ${o.rows}, COLS = ${o.cols}, GAP = 6, BW = ${bw(o)}, BH = 16;
const scoreEl = document.getElementById("score");${o.lives ? `\nconst livesEl = document.getElementById("lives");` : ""}
const msg = document.getElementById("msg");
let ball, paddle, bricks, score, running, over${o.lives ? ", lives" : ""}${o.pause ? ", paused = false" : ""};
${keyCode ? keyCode + "\n" : ""}${o.lives ? `function serve() {\n  ${serve}\n}\n` : ""}function restart() {${canvas ? "" : `\n  game.querySelectorAll(".brick").forEach((el) => el.remove());`}
  bricks = [];
  for (let r = 0; r < ROWS; r++)
    for (let c = 0; c < COLS; c++) {
      ${makeBrick}
    }
  paddle = { x: (W - PW) / 2 };
  score = 0;${o.lives ? `\n  lives = 3;\n  livesEl.textContent = 3;` : ""}
  scoreEl.textContent = 0;
  msg.textContent = "";
  over = false;
  running = ${go};
  ${o.lives ? "serve();" : serve}
}
function end(text) {
  running = false;
  over = true;
  msg.textContent = text;
}
function update() {${o.control !== "mouse" && o.keyStyle === "flags" ? `\n  if (keys.ArrowLeft) paddle.x = Math.max(0, paddle.x - 7);\n  if (keys.ArrowRight) paddle.x = Math.min(W - PW, paddle.x + 7);` : ""}${o.launch === "auto" ? "" : "\n  if (!running && !over) ball.x = paddle.x + PW / 2;"}
  if (!running${o.pause ? " || paused" : ""}) return;
  ball.x += ball.dx;
  ball.y += ball.dy;
  if (ball.x < R || ball.x > W - R) ball.dx *= -1;
  if (ball.y < R) ball.dy = Math.abs(ball.dy);
  if (ball.dy > 0 && ball.y + R >= PY && ball.y < PY + PH && ball.x > paddle.x && ball.x < paddle.x + PW) {
    ball.dy = -Math.abs(ball.dy);
    ball.dx = ((ball.x - paddle.x - PW / 2) / (PW / 2)) * SPEED;
  }
${hitBrick}
    ball.dy *= -1;${o.speedup ? `\n    ball.dx *= 1.05;\n    ball.dy *= 1.05;` : ""}
    score += 10;
    scoreEl.textContent = score;
    if (${left}) end("You win!");
  }
${o.lives ? `  if (ball.y > H + R) {\n    livesEl.textContent = --lives;\n    if (!lives) return end("Game over!");\n    running = ${go};\n    serve();\n  }` : `  if (ball.y > H + R) end("Game over!");`}
}
${draw}
${o.loop === "raf" ? `function loop() {\n  update();\n  draw();\n  requestAnimationFrame(loop);\n}\nrestart();\nloop();` : `restart();\nsetInterval(() => {\n  update();\n  draw();\n}, 16);`}${keydown.length === 1 && o.control !== "mouse" && o.keyStyle === "flags" ? `\ndocument.addEventListener("keydown", (e) => (keys[e.key] = true));` : keydown.length ? `\ndocument.addEventListener("keydown", (e) => {\n${keydown.join("\n")}\n});` : ""}${mouse}${o.launch === "button" ? `\ndocument.getElementById("start").addEventListener("click", () => {\n  if (over) restart();\n  running = true;\n});` : ""}${o.restart ? `\ndocument.getElementById("restart").addEventListener("click", restart);` : ""}`;
}

function render(o: BreakoutOptions): string {
  return page({ title: o.title, theme: o.theme, css: css(o), body: body(o), script: script(o) });
}

const OPTIONAL = ["lives", "pause", "speedup", "rainbow"] as const;

function fit(o: BreakoutOptions, rng: Rng): BreakoutOptions {
  while (render(o).length > 3950) {
    const on = OPTIONAL.filter((k) => o[k]);
    if (o.render === "dom") o = { ...o, render: "canvas" };
    else if (on.length) o = { ...o, [rng.pick(on)]: false };
    else if (o.restart && o.launch !== "auto") o = { ...o, restart: false };
    else if (o.control === "both") o = { ...o, control: "mouse" };
    else break;
  }
  return o;
}

const fits = (o: BreakoutOptions) => render(o).length <= 4000;

export const breakout = defineFamily<BreakoutOptions>({
  name: "breakout",
  options(rng) {
    const launch = rng.pick(["auto", "space", "button"] as const);
    const w = rng.pick([420, 480, 540]);
    return fit(
      {
        theme: randomTheme(rng),
        title: rng.pick(["Breakout", "Brick Breaker", "Break the Bricks", "Arkanoid", "Bricks"]),
        w,
        h: rng.pick([360, 400, 440]),
        rows: rng.int(3, 6),
        cols: rng.int(6, 10),
        speed: rng.pick([3, 4, 5]),
        paddleW: rng.pick([70, 80, 90, 100]),
        render: rng.pick(["canvas", "canvas", "dom"] as const),
        loop: rng.pick(["raf", "interval"] as const),
        control: rng.pick(["keys", "mouse", "both"] as const),
        keyStyle: rng.pick(["flags", "step"] as const),
        bricks: rng.pick(["flag", "splice"] as const),
        launch,
        lives: rng.chance(0.6),
        restart: launch === "auto" || rng.chance(0.4),
        pause: rng.chance(0.3),
        speedup: rng.chance(0.35),
        rainbow: rng.chance(0.5),
        layout: rng.pick(["card", "plain"] as const),
      },
      rng,
    );
  },
  render,
  features(o) {
    return [`control:${o.control}`, `launch:${o.launch}`, ...OPTIONAL.filter((k) => o[k]), ...(o.restart ? ["restart"] : [])];
  },
  request(o, rng) {
    const subject = rng.pick(["a breakout game", "a Breakout game with a paddle and bricks", "a brick breaker game", "an arkanoid style game", "a game where a ball breaks bricks"]);
    const f: string[] = [];
    if (o.control === "keys") f.push(rng.pick(["arrow key controls", "a paddle moved with the arrow keys"]));
    if (o.control === "mouse") f.push(rng.pick(["mouse control", "a paddle that follows the mouse"]));
    if (o.control === "both") f.push(rng.pick(["mouse and keyboard controls", "a paddle controlled by mouse or arrow keys"]));
    if (o.launch === "space") f.push(rng.pick(["space to launch the ball", "press space to start"]));
    if (o.launch === "button") f.push(rng.pick(["a start button", "a Start button to launch the ball"]));
    if (o.lives) f.push(rng.pick(["3 lives", "a lives counter"]));
    if (o.restart) f.push(rng.pick(["a restart button", "a button to start over"]));
    if (o.pause) f.push(rng.pick(["P to pause", "pausing with the P key"]));
    if (o.speedup) f.push(rng.pick(["a ball that speeds up", "the ball getting faster with each brick"]));
    if (o.rainbow) f.push(rng.pick(["rainbow colored bricks", "a different color for each row"]));
    if (rng.chance(0.3)) f.push(rng.pick(["a score", "a win message"]));
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-lives", requests: ["give me 3 lives", "add lives"], appliesTo: (o) => !o.lives && fits({ ...o, lives: true }), apply: (o) => ({ ...o, lives: true }) },
    { id: "add-pause", requests: ["let me pause with P", "add a pause key"], appliesTo: (o) => !o.pause && fits({ ...o, pause: true }), apply: (o) => ({ ...o, pause: true }) },
    { id: "add-restart", requests: ["add a restart button", "add a button to start over"], appliesTo: (o) => !o.restart && fits({ ...o, restart: true }), apply: (o) => ({ ...o, restart: true }) },
    { id: "add-speedup", requests: ["make the ball speed up", "make it get faster as I break bricks"], appliesTo: (o) => !o.speedup && fits({ ...o, speedup: true }), apply: (o) => ({ ...o, speedup: true }) },
    { id: "add-rainbow", requests: ["color each row of bricks differently", "make the bricks rainbow colored"], appliesTo: (o) => !o.rainbow && fits({ ...o, rainbow: true }), apply: (o) => ({ ...o, rainbow: true }) },
    { id: "add-mouse", requests: ["let me move the paddle with the mouse too", "add mouse control"], appliesTo: (o) => o.control === "keys" && fits({ ...o, control: "both" }), apply: (o) => ({ ...o, control: "both" }) },
  ],
  async check({ page, frame }, o) {
    const ev = <T>(expr: string) => frame.evaluate(expr) as Promise<T>;
    const wait = async (expr: string, what: string, ms = 1500) => {
      for (const end = Date.now() + ms; !(await ev<boolean>(expr)); await page.waitForTimeout(20))
        if (Date.now() > end) throw new Error(what);
    };
    const text = (sel: string) => ev<string>(`document.querySelector("${sel}").textContent.trim()`);
    const alive = o.bricks === "flag" ? "bricks.filter((b) => b.alive)" : "bricks";
    const launch = async () => {
      if (o.launch === "space") await page.keyboard.press(" ");
      if (o.launch === "button") await ev(`document.getElementById("start").click()`);
    };
    const box = await ev<{ x: number; y: number; width: number; height: number }>(`(() => { const r = game.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; })()`);
    await page.mouse.click(box.x + 5, box.y + 5);
    if (o.control !== "keys") {
      await page.mouse.move(box.x + box.width - 10, box.y + box.height / 2);
      await wait(`paddle.x > W / 2`, "the paddle does not follow the mouse");
      await page.mouse.move(box.x + 10, box.y + box.height / 2);
      await wait(`paddle.x < W / 4`, "the paddle does not follow the mouse");
    } else {
      const x0 = await ev<number>("paddle.x");
      await page.keyboard.down("ArrowRight");
      await page.waitForTimeout(150);
      await page.keyboard.up("ArrowRight");
      if (!((await ev<number>("paddle.x")) > x0)) throw new Error("the arrow keys do not move the paddle");
    }
    if (o.launch !== "auto") {
      await page.waitForTimeout(100);
      if ((await ev<number>("ball.y")) !== (await ev<number>("PY - R"))) throw new Error("the ball moves before launch");
    }
    await launch();
    const y0 = await ev<number>("ball.y");
    await wait(`ball.y !== ${y0}`, "the ball does not move");
    if (o.pause) {
      await page.keyboard.press("p");
      const b = await ev<string>("JSON.stringify(ball)");
      await page.waitForTimeout(150);
      if ((await ev<string>("JSON.stringify(ball)")) !== b) throw new Error("P does not pause");
      await page.keyboard.press("p");
    }
    const n0 = await ev<number>(`${alive}.length`);
    const aim = (only: boolean) =>
      ev(`(() => { ${only ? (o.bricks === "flag" ? "bricks.forEach((b, i) => (b.alive = i === bricks.length - 1));" : "bricks = bricks.slice(-1);") : ""} const b = ${alive}[${alive}.length - 1]; ball = { x: b.x + BW / 2, y: b.y + BH + R + 12, dx: 0, dy: -SPEED }; paddle.x = Math.min(W - PW, Math.max(0, ball.x - PW / 2)); })()`);
    await aim(false);
    // The bounce is read in the page, on the frame the brick goes: on a loaded machine the next
    // round trip may come after the ball has come back off the paddle.
    await ev(`(() => { const watch = () => ${alive}.length === ${n0 - 1} ? (window.__bounced = ball.dy > 0) : requestAnimationFrame(watch); watch(); })()`);
    await wait(`window.__bounced !== undefined`, "hitting a brick does not break it");
    if (!(await ev<boolean>("window.__bounced"))) throw new Error("the ball does not bounce off a brick");
    if ((await text("#score")) === "0") throw new Error("breaking a brick does not score");
    if (o.speedup && !((await ev<number>("Math.abs(ball.dy)")) > o.speed)) throw new Error("the ball does not speed up");
    const drop = () => ev(`ball = { x: paddle.x > W / 2 ? 20 : W - 20, y: H - 10, dx: 0, dy: SPEED }`);
    if (o.lives) {
      await drop();
      await wait(`document.getElementById("lives").textContent.trim() === "2"`, "missing the ball does not cost a life");
      await launch();
      await ev("lives = 1");
    }
    await drop();
    await wait(`/game over/i.test(document.getElementById("msg").textContent)`, "no game over when the ball is missed");
    if (o.restart) await ev(`document.getElementById("restart").click()`);
    else await launch();
    await launch();
    if ((await text("#msg")) !== "" || (await text("#score")) !== "0") throw new Error("restarting does not reset the game");
    await aim(true);
    await wait(`/win/i.test(document.getElementById("msg").textContent)`, "no win message when all bricks are broken");
  },
  async requestCheck({ page, frame }, request) {
    const game = frame.locator("canvas").or(frame.locator("body")).first();
    const box = (await game.boundingBox())!;
    await page.mouse.click(box.x + 5, box.y + 5);
    // Before launch only the paddle moves; after it the ball does too.
    const before = await scene(frame);
    if (/keyboard|arrow/i.test(request) || !/mouse/i.test(request)) {
      await page.keyboard.down("ArrowRight");
      await frame.waitForTimeout(300);
      await page.keyboard.up("ArrowRight");
    }
    if (/mouse/i.test(request) || !/keyboard|arrow/i.test(request)) await page.mouse.move(box.x + box.width - 10, box.y + box.height / 2, { steps: 4 });
    await sceneChanges(frame, before, "the paddle does not move");
    // A busy game loop can hold up a real click for long, so buttons get a click event.
    const launch = async (name: RegExp) => {
      const b = button(frame, name);
      if (await exists(b)) await b.dispatchEvent("click");
      else await page.keyboard.press(" ");
    };
    // A game that started on its own may be over by now: start it again.
    if (/game over/i.test(await visibleText(frame))) await launch(/restart|again|start over|new game/i);
    await launch(/^(start|launch|play)/i);
    await sceneChanges(frame, await scene(frame), "the ball does not move");
    if (/lives/i.test(request) && !/lives?\D{0,4}\d|\d\s*lives|\u2665|\u2764/i.test(await visibleText(frame))) throw new Error("no lives are shown");
    if (/pause|\bP\b/.test(request)) {
      await page.keyboard.press("p");
      await frame.waitForTimeout(300);
      const paused = await scene(frame);
      await frame.waitForTimeout(500);
      if ((await scene(frame)) !== paused) throw new Error("P does not pause the game");
      await page.keyboard.press("p");
      await sceneChanges(frame, paused, "P does not resume the game");
    }
  },
});
