// A canvas drawing app with a colour picker and a brush size slider.
import { esc, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import type { Frame, Page } from "playwright-core";
import { button, exists, setField, until, visibleText } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

interface DrawingOptions {
  theme: Theme;
  title: string;
  layout: "top" | "side";
  style: "functions" | "class";
  sizing: "fixed" | "fit";
  cap: "round" | "square";
  background: "white" | "transparent";
  startColor: string;
  startSize: number;
  maxSize: number;
  swatches: [string, string][];
  sizeLabel: boolean;
  palette: boolean;
  eraser: boolean;
  undo: boolean;
  clear: boolean;
}

const SWATCHES: [string, string][] = [
  ["Red", "#ef4444"], ["Orange", "#f97316"], ["Yellow", "#eab308"], ["Green", "#22c55e"],
  ["Blue", "#3b82f6"], ["Purple", "#a855f7"], ["Pink", "#ec4899"], ["Brown", "#92400e"],
];

function css(o: DrawingOptions): string {
  const layout =
    o.layout === "top"
      ? `.app{max-width:880px;margin:0 auto;padding:12px}
.tools{display:flex;flex-wrap:wrap;align-items:center;gap:10px;margin-bottom:10px}`
      : `.app{display:flex;gap:12px;padding:12px}
.tools{display:flex;flex-direction:column;gap:10px;width:170px;flex:none}`;
  return `${layout}
h1{font-size:20px;margin:0 12px 0 0}
.tools label{display:flex;align-items:center;gap:6px;color:var(--muted)}
.tools button{padding:6px 12px;border:1px solid var(--border);border-radius:var(--radius);background:var(--surface);color:var(--text)}${o.eraser ? `\n.tools button[aria-pressed=true]{background:var(--accent);color:var(--accent-text)}` : ""}${o.palette ? `\n.swatches{display:flex;flex-wrap:wrap;gap:4px}\n.swatches button{width:24px;height:24px;padding:0;border-radius:50%}` : ""}
canvas{display:block;background:${o.background === "white" ? "#ffffff" : "var(--surface)"};box-shadow:0 0 0 1px var(--border);border-radius:var(--radius);cursor:crosshair;touch-action:none}${o.sizing === "fit" ? `\n#canvas{flex:1;min-width:0;width:100%;height:${o.layout === "top" ? "calc(100vh - 110px)" : "calc(100vh - 24px)"};min-height:320px}` : ""}`;
}

function body(o: DrawingOptions): string {
  const tools = [
    `<h1>${esc(o.title)}</h1>`,
    `<label>Color <input id="color" type="color" value="${o.startColor}"></label>`,
    `<label>Size <input id="size" type="range" min="1" max="${o.maxSize}" value="${o.startSize}"></label>${o.sizeLabel ? `<span id="sizeValue">${o.startSize}px</span>` : ""}`,
    o.palette ? `<div class="swatches">${o.swatches.map(([n, c]) => `<button type="button" data-color="${c}" title="${n}" aria-label="${n}" style="background:${c}"></button>`).join("")}</div>` : "",
    o.eraser ? `<button id="eraser" type="button" aria-pressed="false">Eraser</button>` : "",
    o.undo ? `<button id="undo" type="button">Undo</button>` : "",
    o.clear ? `<button id="clear" type="button">Clear</button>` : "",
  ].filter(Boolean);
  const canvas = o.sizing === "fixed" ? `<canvas id="canvas" width="${o.layout === "top" ? 856 : 680}" height="${o.layout === "top" ? 540 : 600}"></canvas>` : `<canvas id="canvas"></canvas>`;
  return `<div class="app">
<div class="tools">
${tools.join("\n")}
</div>
${canvas}
</div>`;
}

function scriptFunctions(o: DrawingOptions): string {
  const eraseColor = o.background === "white" ? `"#ffffff"` : "";
  const strokeColor = o.eraser ? (o.background === "white" ? `erasing ? "#ffffff" : color.value` : "color.value") : "color.value";
  return `const canvas = document.getElementById("canvas");
const ctx = canvas.getContext("2d");
const color = document.getElementById("color");
const size = document.getElementById("size");${o.sizing === "fit" ? `\nfunction fit() {\n  const r = canvas.getBoundingClientRect();\n  canvas.width = r.width;\n  canvas.height = r.height;${o.background === "white" ? `\n  ctx.fillStyle = "#ffffff";\n  ctx.fillRect(0, 0, canvas.width, canvas.height);` : ""}\n}\nnew ResizeObserver(fit).observe(canvas);` : o.background === "white" ? `\nctx.fillStyle = "#ffffff";\nctx.fillRect(0, 0, canvas.width, canvas.height);` : ""}
let drawing = false;
let last = null;${o.eraser ? "\nlet erasing = false;" : ""}${o.undo ? "\nconst history = [];" : ""}
function pos(e) {
  const r = canvas.getBoundingClientRect();
  return { x: (e.clientX - r.left) * canvas.width / r.width, y: (e.clientY - r.top) * canvas.height / r.height };
}
canvas.addEventListener("pointerdown", function (e) {
  drawing = true;
  last = pos(e);${o.undo ? "\n  history.push(ctx.getImageData(0, 0, canvas.width, canvas.height));\n  if (history.length > 20) history.shift();" : ""}
  canvas.setPointerCapture(e.pointerId);
});
canvas.addEventListener("pointermove", function (e) {
  if (!drawing) return;
  const p = pos(e);${o.eraser && o.background === "transparent" ? `\n  ctx.globalCompositeOperation = erasing ? "destination-out" : "source-over";` : ""}
  ctx.strokeStyle = ${strokeColor};
  ctx.lineWidth = size.value;
  ctx.lineCap = "${o.cap}";
  ctx.lineJoin = "round";
  ctx.beginPath();
  ctx.moveTo(last.x, last.y);
  ctx.lineTo(p.x, p.y);
  ctx.stroke();
  last = p;
});
canvas.addEventListener("pointerup", function () {
  drawing = false;
});${o.sizeLabel ? `\nsize.addEventListener("input", function () {\n  document.getElementById("sizeValue").textContent = size.value + "px";\n});` : ""}${o.palette ? `\ndocument.querySelector(".swatches").addEventListener("click", function (e) {\n  if (e.target.dataset.color) color.value = e.target.dataset.color;\n});` : ""}${o.eraser ? `\ndocument.getElementById("eraser").addEventListener("click", function () {\n  erasing = !erasing;\n  this.setAttribute("aria-pressed", String(erasing));\n});` : ""}${o.undo ? `\ndocument.getElementById("undo").addEventListener("click", function () {\n  if (history.length) ctx.putImageData(history.pop(), 0, 0);\n});` : ""}${o.clear ? `\ndocument.getElementById("clear").addEventListener("click", function () {${o.undo ? "\n  history.push(ctx.getImageData(0, 0, canvas.width, canvas.height));" : ""}${o.background === "white" ? `\n  ctx.fillStyle = ${eraseColor};\n  ctx.fillRect(0, 0, canvas.width, canvas.height);` : "\n  ctx.clearRect(0, 0, canvas.width, canvas.height);"}\n});` : ""}`;
}

function scriptClass(o: DrawingOptions): string {
  const white = o.background === "white";
  return `class Paint {
  constructor(canvas) {
    this.canvas = canvas;
    this.ctx = canvas.getContext("2d");
    this.color = document.getElementById("color");
    this.size = document.getElementById("size");
    this.drawing = false;${o.eraser ? "\n    this.erasing = false;" : ""}${o.undo ? "\n    this.history = [];" : ""}${o.sizing === "fit" ? `\n    new ResizeObserver(() => this.fit()).observe(canvas);` : white ? "\n    this.fill();" : ""}
    canvas.addEventListener("mousedown", (e) => this.start(e));
    canvas.addEventListener("mousemove", (e) => this.move(e));
    window.addEventListener("mouseup", () => (this.drawing = false));${o.sizeLabel ? `\n    this.size.addEventListener("input", () => {\n      document.getElementById("sizeValue").textContent = this.size.value + "px";\n    });` : ""}${o.palette ? `\n    document.querySelectorAll(".swatches button").forEach((b) => {\n      b.addEventListener("click", () => (this.color.value = b.dataset.color));\n    });` : ""}${o.eraser ? `\n    document.getElementById("eraser").addEventListener("click", (e) => {\n      this.erasing = !this.erasing;\n      e.target.setAttribute("aria-pressed", String(this.erasing));\n    });` : ""}${o.undo ? `\n    document.getElementById("undo").addEventListener("click", () => this.undo());` : ""}${o.clear ? `\n    document.getElementById("clear").addEventListener("click", () => {${o.undo ? "\n      this.save();" : ""}\n      ${white ? "this.fill();" : "this.ctx.clearRect(0, 0, canvas.width, canvas.height);"}\n    });` : ""}
  }${o.sizing === "fit" ? `\n  fit() {\n    const r = this.canvas.getBoundingClientRect();\n    this.canvas.width = r.width;\n    this.canvas.height = r.height;${white ? "\n    this.fill();" : ""}\n  }` : ""}${white ? `\n  fill() {\n    this.ctx.fillStyle = "#ffffff";\n    this.ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);\n  }` : ""}${o.undo ? `\n  save() {\n    this.history.push(this.ctx.getImageData(0, 0, this.canvas.width, this.canvas.height));\n    if (this.history.length > 20) this.history.shift();\n  }\n  undo() {\n    const img = this.history.pop();\n    if (img) this.ctx.putImageData(img, 0, 0);\n  }` : ""}
  point(e) {
    const r = this.canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }
  start(e) {${o.undo ? "\n    this.save();" : ""}
    this.drawing = true;
    this.last = this.point(e);
  }
  move(e) {
    if (!this.drawing) return;
    const [x, y] = this.point(e);
    const ctx = this.ctx;${o.eraser && !white ? `\n    ctx.globalCompositeOperation = this.erasing ? "destination-out" : "source-over";` : ""}
    ctx.strokeStyle = ${o.eraser && white ? `this.erasing ? "#ffffff" : this.color.value` : "this.color.value"};
    ctx.lineWidth = this.size.value;
    ctx.lineCap = "${o.cap}";
    ctx.beginPath();
    ctx.moveTo(this.last[0], this.last[1]);
    ctx.lineTo(x, y);
    ctx.stroke();
    this.last = [x, y];
  }
}
new Paint(document.getElementById("canvas"));`;
}

function render(o: DrawingOptions): string {
  return page({ title: esc(o.title), theme: o.theme, css: css(o), body: body(o), script: o.style === "class" ? scriptClass(o) : scriptFunctions(o) });
}

/** The RGBA values of the (first) canvas under the page point (200, y) of its box, for each y. */
async function pixels(frame: Frame, ...ys: number[]): Promise<number[][]> {
  return frame.evaluate((ys) => {
    const canvas = document.querySelector("canvas")!;
    const box = canvas.getBoundingClientRect();
    const scale = canvas.width / box.width;
    return ys.map((y) => Array.from(canvas.getContext("2d")!.getImageData(Math.round(200 * scale), Math.round(y * scale), 1, 1).data));
  }, ys);
}

function hex(c: string): number[] {
  return [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)).concat(255);
}

function same(a: number[], b: number[]): boolean {
  return a.every((v, i) => Math.abs(v - b[i]) <= 6);
}

/** Drag the mouse across the canvas at height y (from x 80 to 320 of its box). */
async function stroke(page: Page, frame: Frame, y: number): Promise<void> {
  const box = await frame.locator("canvas").first().boundingBox();
  if (!box) throw new Error("no canvas on the page");
  await page.mouse.move(box.x + 80, box.y + y);
  await page.mouse.down();
  await page.mouse.move(box.x + 200, box.y + y, { steps: 4 });
  await page.mouse.move(box.x + 320, box.y + y, { steps: 4 });
  await page.mouse.up();
}

type Wants = Record<"size" | "sizeLabel" | "palette" | "eraser" | "undo" | "clear", boolean>;

/** Draw like a user: pick red (and a brush of 20 where wanted) and drag across; the stroke must show (and each wanted tool work). */
async function drive({ page, frame }: AppUnderTest, want: Wants): Promise<void> {
  await until(frame, () => document.querySelector("canvas")!.getBoundingClientRect().width > 350, null, "the canvas is missing or too small");
  const [bg] = await pixels(frame, 100);
  const red = hex("#ff0000");
  await setField(frame.locator("input[type=color]").first(), "#ff0000");
  if (want.size) {
    await setField(frame.locator("input[type=range], input[type=number]").first(), "20");
    if (want.sizeLabel && !/(^|\D)20(\D|$)/.test(await visibleText(frame))) throw new Error("the brush size is not shown as 20");
  }
  await stroke(page, frame, 100);
  const [mid, inner, outer] = await pixels(frame, 100, 106, 116);
  if (!same(mid, red)) throw new Error(`the stroke is not red: ${mid}`);
  if (want.size && !same(inner, red)) throw new Error("the brush is thinner than the chosen size");
  if (want.size && !same(outer, bg)) throw new Error("the brush is thicker than the chosen size");
  if (want.palette) {
    // Swatches: buttons that show a colour and no text.
    const swatch = frame.getByRole("button").filter({ visible: true }).filter({ hasNotText: /\w/ }).nth(1);
    const colour = (await swatch.evaluate((e) => getComputedStyle(e).backgroundColor)).match(/\d+/g)!.slice(0, 3).map(Number).concat(255);
    await swatch.click();
    await stroke(page, frame, 160);
    const [p] = await pixels(frame, 160);
    if (!same(p, colour)) throw new Error(`after picking the swatch ${colour} the stroke is ${p}`);
  }
  if (want.undo) {
    await stroke(page, frame, 220);
    if (same((await pixels(frame, 220))[0], bg)) throw new Error("the second stroke did not draw");
    await button(frame, /undo/i).click();
    const [second, first] = await pixels(frame, 220, 100);
    if (!same(second, bg)) throw new Error("undo does not remove the last stroke");
    if (!same(first, red)) throw new Error("undo removed more than the last stroke");
  }
  if (want.eraser) {
    const eraser = button(frame, /eras/i);
    await eraser.click();
    await stroke(page, frame, 100);
    const [erased] = await pixels(frame, 100);
    if (!same(erased, bg)) throw new Error(`the eraser leaves ${erased}`);
    const brush = button(frame, /brush|pen|draw/i);
    await ((await exists(brush)) ? brush : eraser).click();
    await stroke(page, frame, 100);
    if (same((await pixels(frame, 100))[0], bg)) throw new Error("turning the eraser off does not draw again");
  }
  if (want.clear) {
    await button(frame, /clear/i).click();
    if (!same((await pixels(frame, 100))[0], bg)) throw new Error("clear leaves the drawing");
  }
}

const OPTIONAL = ["sizeLabel", "palette", "eraser", "undo", "clear"] as const;
const fits = (o: DrawingOptions) => render(o).length <= 4000;

export const drawing = defineFamily<DrawingOptions>({
  name: "drawing",
  options(rng) {
    const o: DrawingOptions = {
      theme: randomTheme(rng),
      title: rng.pick(["Sketch Pad", "Draw", "Paint", "Doodle", "Canvas Draw", "Drawing Board", "Scribble"]),
      layout: rng.pick(["top", "side"] as const),
      style: rng.pick(["functions", "class"] as const),
      sizing: rng.pick(["fixed", "fit"] as const),
      cap: rng.pick(["round", "round", "square"] as const),
      background: rng.pick(["white", "transparent"] as const),
      startColor: rng.pick(["#000000", "#1f2937", "#2563eb", "#e11d48", "#16a34a"]),
      startSize: rng.pick([3, 4, 5, 6, 8, 10]),
      maxSize: rng.pick([30, 40, 50, 60]),
      swatches: rng.sample(SWATCHES, rng.int(4, 6)),
      sizeLabel: rng.chance(0.5),
      palette: rng.chance(0.45),
      eraser: rng.chance(0.45),
      undo: rng.chance(0.35),
      clear: rng.chance(0.6),
    };
    for (let on = OPTIONAL.filter((k) => o[k]); !fits(o) && on.length; on = OPTIONAL.filter((k) => o[k])) o[rng.pick(on)] = false;
    return o;
  },
  render,
  features(o) {
    return [
      ...(o.sizeLabel ? ["size-label"] : []),
      ...(o.palette ? ["palette"] : []),
      ...(o.eraser ? ["eraser"] : []),
      ...(o.undo ? ["undo"] : []),
      ...(o.clear ? ["clear"] : []),
    ];
  },
  request(o, rng) {
    const subject = rng.pick([
      "a drawing app on a canvas with a color picker and brush size",
      "a canvas drawing app with a colour picker and a brush size slider",
      "a simple paint app with color and brush size controls",
      "a sketch pad where I can draw with the mouse, pick a color and change the brush size",
      "a drawing board with a color picker and adjustable brush",
    ]);
    const f: string[] = [];
    if (o.sizeLabel) f.push(rng.pick(["the brush size shown in pixels", "a label showing the current size"]));
    if (o.palette) f.push(rng.pick(["a few preset color swatches", "a small color palette"]));
    if (o.eraser) f.push(rng.pick(["an eraser", "an eraser toggle"]));
    if (o.undo) f.push(rng.pick(["undo", "an undo button"]));
    if (o.clear) f.push(rng.pick(["a clear button", "a button to clear the canvas"]));
    if (o.cap === "square" && rng.chance(0.3)) f.push("a square brush");
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-eraser", requests: ["add an eraser", "I need an eraser tool"], appliesTo: (o) => !o.eraser && fits({ ...o, eraser: true }), apply: (o) => ({ ...o, eraser: true }) },
    { id: "add-undo", requests: ["add an undo button", "let me undo the last stroke"], appliesTo: (o) => !o.undo && fits({ ...o, undo: true }), apply: (o) => ({ ...o, undo: true }) },
    { id: "add-clear", requests: ["add a clear button", "let me clear the canvas"], appliesTo: (o) => !o.clear && fits({ ...o, clear: true }), apply: (o) => ({ ...o, clear: true }) },
    { id: "add-palette", requests: ["add some preset colors", "add a row of color swatches"], appliesTo: (o) => !o.palette && fits({ ...o, palette: true }), apply: (o) => ({ ...o, palette: true }) },
    { id: "add-size-label", requests: ["show the brush size next to the slider", "display the current brush size"], appliesTo: (o) => !o.sizeLabel && fits({ ...o, sizeLabel: true }), apply: (o) => ({ ...o, sizeLabel: true }) },
  ],
  async check(app, o) {
    await drive(app, { ...o, size: true });
  },
  async requestCheck(app, request) {
    await drive(app, {
      size: /brush size|size slider|adjustable brush|change the brush size/i.test(request),
      sizeLabel: /pixels|current size/i.test(request),
      palette: /swatch|palette/i.test(request),
      eraser: /eraser/i.test(request),
      undo: /undo/i.test(request),
      clear: /clear/i.test(request),
    });
  },
});
