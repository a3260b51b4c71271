// A random colour palette generator: swatches with hex codes and copy buttons
// (copying falls back gracefully where the clipboard is blocked), with optional
// locks, RGB display, a colour count, harmonious palettes and a keyboard shortcut.
import { esc, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import type { Frame } from "playwright-core";
import { button, eventually, looks, setField, visibleText } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";
import { expectCopyFeedback } from "../checks.ts";

interface PaletteOptions {
  theme: Theme;
  title: string;
  count: number;
  countControl: boolean;
  gen: "hex" | "channels" | "hsl" | "harmony";
  lock: boolean;
  rgb: boolean;
  keyboard: boolean;
  button: string;
  layout: "columns" | "grid" | "rows";
  style: "functions" | "class";
  dom: "create" | "template";
}

function extras(o: PaletteOptions): number {
  return [o.lock, o.rgb, o.keyboard, o.countControl, o.gen === "hsl" || o.gen === "harmony"].filter(Boolean).length;
}
const MAX_EXTRAS = 2;

function css(o: PaletteOptions): string {
  const list =
    o.layout === "columns"
      ? `#palette{display:flex;height:70vh}\n.swatch{flex:1;display:flex;flex-direction:column;justify-content:flex-end;align-items:center;gap:6px;padding:16px 0}`
      : o.layout === "grid"
        ? `#palette{display:grid;grid-template-columns:repeat(auto-fill,minmax(140px,1fr));gap:14px;padding:0 16px}\n.swatch{height:180px;border-radius:var(--radius);display:flex;flex-direction:column;justify-content:flex-end;align-items:center;gap:6px;padding:12px}`
        : `#palette{max-width:640px;margin:0 auto;padding:0 16px}\n.swatch{display:flex;align-items:center;gap:10px;height:72px;padding:0 16px;margin-bottom:8px;border-radius:var(--radius)}\n.swatch .code{flex:1}`;
  return [
    `header{display:flex;align-items:center;flex-wrap:wrap;gap:8px;padding:16px 20px}`,
    `h1{font-size:20px;margin:0;flex:1}`,
    `header button,input{padding:8px 12px;border:1px solid var(--border);border-radius:var(--radius);background:var(--surface);color:var(--text)}`,
    `#generate{background:var(--accent);color:var(--accent-text);border-color:var(--accent)}`,
    list,
    `.code{font:bold 16px monospace}`,
    `.swatch button{padding:4px 10px;border:1px solid currentColor;border-radius:var(--radius);background:none;color:inherit}`,
    o.lock ? `.locked{font-weight:bold;outline:2px solid}` : "",
    o.keyboard ? `.hint{text-align:center;color:var(--muted);font-size:13px}` : "",
  ]
    .filter(Boolean)
    .join("\n");
}

function body(o: PaletteOptions): string {
  return [
    `<header>`,
    `<h1>${esc(o.title)}</h1>`,
    o.countControl ? `<input id="count" type="number" min="2" max="8" value="${o.count}" aria-label="Number of colors">` : "",
    o.rgb ? `<button id="format">Show RGB</button>` : "",
    `<button id="generate">${esc(o.button)}</button>`,
    `</header>`,
    `<div id="palette"></div>`,
    o.keyboard ? `<p class="hint">Press Space for a new palette.</p>` : "",
  ]
    .filter(Boolean)
    .join("\n");
}

function genCode(o: PaletteOptions): string {
  const hsl = `function hslToHex(h, s, l) {\n  const a = s * Math.min(l, 1 - l);\n  const f = (n) => {\n    const k = (n + h / 30) % 12;\n    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1)))).toString(16).padStart(2, "0");\n  };\n  return "#" + f(0) + f(8) + f(4);\n}`;
  if (o.gen === "hex") return `function randomColor() {\n  return "#" + Math.floor(Math.random() * 0x1000000).toString(16).padStart(6, "0");\n}`;
  if (o.gen === "channels")
    return `function randomColor() {\n  let hex = "#";\n  for (let i = 0; i < 3; i++) hex += Math.floor(Math.random() * 256).toString(16).padStart(2, "0");\n  return hex;\n}`;
  if (o.gen === "hsl") return `${hsl}\nfunction randomColor() {\n  return hslToHex(Math.random() * 360, 0.45 + Math.random() * 0.45, 0.35 + Math.random() * 0.4);\n}`;
  return `${hsl}\nlet baseHue = 0;\nfunction randomColor(i) {\n  if (i === 0) baseHue = Math.floor(Math.random() * 360);\n  return hslToHex((baseHue + i * 30) % 360, 0.55 + Math.random() * 0.3, 0.3 + i * 0.09);\n}`;
}

const CONTRAST = `function textColor(hex) {\n  const n = parseInt(hex.slice(1), 16);\n  return (n >> 16) * 0.299 + ((n >> 8) & 255) * 0.587 + (n & 255) * 0.114 > 150 ? "#111" : "#fff";\n}`;
const TO_RGB = `function toRgb(hex) {\n  const n = parseInt(hex.slice(1), 16);\n  return \`rgb(\${n >> 16}, \${(n >> 8) & 255}, \${n & 255})\`;\n}`;

const COPY = `function copyText(text, codeEl, btn) {
  const show = (msg) => {
    btn.textContent = msg;
    setTimeout(() => (btn.textContent = "Copy"), 1200);
  };
  const select = () => {
    getSelection().selectAllChildren(codeEl);
    show("Selected");
  };
  if (navigator.clipboard) navigator.clipboard.writeText(text).then(() => show("Copied!"), select);
  else select();
}`;

const EL = `function el(tag, cls, text) {\n  const e = document.createElement(tag);\n  e.className = cls;\n  e.textContent = text;\n  return e;\n}`;

function swatchCode(o: PaletteOptions, ind: string, showRgb: string): string {
  const label = o.rgb ? `${showRgb} ? toRgb(c.hex) : c.hex` : "c.hex";
  if (o.dom === "template")
    return `${ind}return \`<div class="swatch" style="background:\${c.hex};color:\${textColor(c.hex)}" data-i="\${i}">\n${ind}  <span class="code">\${${label}}</span>${o.lock ? `\n${ind}  <button class="lock\${c.locked ? " locked" : ""}" aria-pressed="\${c.locked}">\${c.locked ? "Locked" : "Lock"}</button>` : ""}\n${ind}  <button class="copy">Copy</button>\n${ind}</div>\`;`;
  return [
    `${ind}const div = el("div", "swatch", "");`,
    `${ind}div.dataset.i = i;`,
    `${ind}div.style.background = c.hex;`,
    `${ind}div.style.color = textColor(c.hex);`,
    o.lock
      ? `${ind}const lock = el("button", c.locked ? "lock locked" : "lock", c.locked ? "Locked" : "Lock");\n${ind}lock.setAttribute("aria-pressed", c.locked);\n${ind}div.append(el("span", "code", ${label}), lock, el("button", "copy", "Copy"));`
      : `${ind}div.append(el("span", "code", ${label}), el("button", "copy", "Copy"));`,
    `${ind}return div;`,
  ].join("\n");
}

function scriptFunctions(o: PaletteOptions): string {
  const count = o.countControl ? `Math.min(8, Math.max(2, Number(document.getElementById("count").value) || 2))` : String(o.count);
  const draw =
    o.dom === "template"
      ? `function draw() {\n  palette.innerHTML = colors.map(swatch).join("");\n}`
      : `function draw() {\n  palette.innerHTML = "";\n  colors.forEach((c, i) => palette.appendChild(swatch(c, i)));\n}`;
  return [
    genCode(o),
    CONTRAST,
    o.rgb ? TO_RGB : "",
    COPY,
    o.dom === "create" ? EL : "",
    `const palette = document.getElementById("palette");`,
    `let colors = [];`,
    o.rgb ? `let showRgb = false;` : "",
    `function swatch(c, i) {\n${swatchCode(o, "  ", "showRgb")}\n}`,
    draw,
    `function generate() {\n  const n = ${count};\n  colors = Array.from({ length: n }, (_, i) => (${o.lock ? "colors[i]?.locked ? colors[i] : " : ""}{ hex: randomColor(i), locked: false }));\n  draw();\n}`,
    `palette.addEventListener("click", (e) => {\n  const btn = e.target.closest("button");\n  if (!btn) return;\n  const i = Number(btn.closest(".swatch").dataset.i);\n  const codeEl = btn.parentNode.querySelector(".code");\n  if (btn.classList.contains("copy")) copyText(codeEl.textContent, codeEl, btn);${o.lock ? `\n  else {\n    colors[i].locked = !colors[i].locked;\n    draw();\n  }` : ""}\n});`,
    `document.getElementById("generate").addEventListener("click", generate);`,
    o.countControl ? `document.getElementById("count").addEventListener("input", generate);` : "",
    o.rgb ? `document.getElementById("format").addEventListener("click", (e) => {\n  showRgb = !showRgb;\n  e.target.textContent = showRgb ? "Show HEX" : "Show RGB";\n  draw();\n});` : "",
    o.keyboard ? `document.addEventListener("keydown", (e) => {\n  if (e.code === "Space" && e.target.tagName !== "INPUT") {\n    e.preventDefault();\n    generate();\n  }\n});` : "",
    `generate();`,
  ]
    .filter(Boolean)
    .join("\n");
}

function scriptClass(o: PaletteOptions): string {
  const $ = (id: string) => `document.getElementById("${id}")`;
  const count = o.countControl ? `Math.min(8, Math.max(2, Number(${$("count")}.value) || 2))` : String(o.count);
  const ctor = [
    `    this.el = ${$("palette")};`,
    `    this.colors = [];`,
    o.rgb ? `    this.showRgb = false;` : "",
    `    ${$("generate")}.addEventListener("click", () => this.generate());`,
    o.countControl ? `    ${$("count")}.addEventListener("input", () => this.generate());` : "",
    o.rgb ? `    ${$("format")}.addEventListener("click", (e) => {\n      this.showRgb = !this.showRgb;\n      e.target.textContent = this.showRgb ? "Show HEX" : "Show RGB";\n      this.draw();\n    });` : "",
    `    this.el.addEventListener("click", (e) => this.onClick(e));`,
    o.keyboard ? `    document.addEventListener("keydown", (e) => {\n      if (e.code !== "Space" || e.target.tagName === "INPUT") return;\n      e.preventDefault();\n      this.generate();\n    });` : "",
    `    this.generate();`,
  ].filter(Boolean);
  const draw =
    o.dom === "template"
      ? `  draw() {\n    this.el.innerHTML = this.colors.map((c, i) => this.swatch(c, i)).join("");\n  }`
      : `  draw() {\n    this.el.replaceChildren(...this.colors.map((c, i) => this.swatch(c, i)));\n  }`;
  return [
    genCode(o),
    CONTRAST,
    o.rgb ? TO_RGB : "",
    COPY,
    o.dom === "create" ? EL : "",
    `class Palette {
  constructor() {
${ctor.join("\n")}
  }
  generate() {
    this.colors = Array.from({ length: ${count} }, (_, i) => (${o.lock ? "this.colors[i]?.locked ? this.colors[i] : " : ""}{ hex: randomColor(i), locked: false }));
    this.draw();
  }
${draw}
  swatch(c, i) {
${swatchCode(o, "    ", "this.showRgb")}
  }
  onClick(e) {
    const btn = e.target.closest("button");
    if (!btn) return;
    const code = btn.parentNode.querySelector(".code");
    if (btn.classList.contains("copy")) return copyText(code.textContent, code, btn);${o.lock ? `\n    const c = this.colors[Number(btn.closest(".swatch").dataset.i)];\n    c.locked = !c.locked;\n    this.draw();` : ""}
  }
}
new Palette();`,
  ]
    .filter(Boolean)
    .join("\n");
}

export const palette = defineFamily<PaletteOptions>({
  name: "palette",
  options(rng) {
    const o: PaletteOptions = {
      theme: randomTheme(rng),
      title: rng.pick(["Color Palette Generator", "Palette Generator", "Random Colors", "Colour Palette", "Palette Maker"]),
      count: rng.int(4, 6),
      countControl: rng.chance(0.3),
      gen: rng.pick(["hex", "channels", "hsl", "harmony"] as const),
      lock: rng.chance(0.4),
      rgb: rng.chance(0.3),
      keyboard: rng.chance(0.35),
      button: rng.pick(["Generate", "New Palette", "Randomize", "Generate Palette", "Shuffle Colors"]),
      layout: rng.pick(["columns", "grid", "rows"] as const),
      style: rng.pick(["functions", "class"] as const),
      dom: rng.pick(["create", "template"] as const),
    };
    for (const k of rng.shuffle(["lock", "rgb", "keyboard", "countControl", "gen"] as const)) {
      if (extras(o) <= MAX_EXTRAS) break;
      if (k === "gen") o.gen = rng.pick(["hex", "channels"] as const);
      else o[k] = false;
    }
    return o;
  },
  render(o) {
    return page({ title: esc(o.title), theme: o.theme, css: css(o), body: body(o), script: o.style === "class" ? scriptClass(o) : scriptFunctions(o) });
  },
  features(o) {
    return [
      ...(o.lock ? ["lock"] : []),
      ...(o.rgb ? ["rgb"] : []),
      ...(o.keyboard ? ["keyboard"] : []),
      ...(o.countControl ? ["count"] : []),
      ...(o.gen === "harmony" ? ["harmony"] : []),
    ];
  },
  request(o, rng) {
    const subject = rng.pick(["a random color palette generator", "a colour palette generator", "a palette generator", "a random color scheme generator", "a tool that generates color palettes"]);
    const f: string[] = [];
    if (rng.chance(0.6)) f.push(rng.pick(["copy buttons", "a copy button for each color", "buttons to copy the hex codes"]));
    if (!o.countControl && rng.chance(0.4)) f.push(`${o.count} colors`);
    if (o.countControl) f.push(rng.pick(["a choice of how many colors", "an input for the number of colors"]));
    if (o.lock) f.push(rng.pick(["locks to keep colors I like", "the option to lock a color"]));
    if (o.rgb) f.push(rng.pick(["a switch between HEX and RGB", "RGB values as well as hex"]));
    if (o.keyboard) f.push(rng.pick(["space bar to generate", "a keyboard shortcut for a new palette"]));
    if (o.gen === "harmony") f.push(rng.pick(["colors that go well together", "harmonious palettes"]));
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-lock", requests: ["let me lock colors I like", "add a lock button to each color"], appliesTo: (o) => !o.lock && extras({ ...o, lock: true }) <= MAX_EXTRAS, apply: (o) => ({ ...o, lock: true }) },
    { id: "add-rgb", requests: ["show RGB values too", "add a HEX/RGB switch"], appliesTo: (o) => !o.rgb && extras({ ...o, rgb: true }) <= MAX_EXTRAS, apply: (o) => ({ ...o, rgb: true }) },
    { id: "add-keyboard", requests: ["generate a new palette with the space bar", "add a keyboard shortcut"], appliesTo: (o) => !o.keyboard && extras({ ...o, keyboard: true }) <= MAX_EXTRAS, apply: (o) => ({ ...o, keyboard: true }) },
    { id: "add-count", requests: ["let me choose how many colors", "add a control for the number of colors"], appliesTo: (o) => !o.countControl && extras({ ...o, countControl: true }) <= MAX_EXTRAS, apply: (o) => ({ ...o, countControl: true }) },
    { id: "harmony", requests: ["make the colors go well together", "generate harmonious palettes instead of random colors"], appliesTo: (o) => o.gen !== "harmony" && extras({ ...o, gen: "harmony" }) <= MAX_EXTRAS, apply: (o) => ({ ...o, gen: "harmony" }) },
  ],
  async check(app, o) {
    if ((await hexCodes(app.frame)).length !== o.count) throw new Error(`the palette does not show ${o.count} colours`);
    await drive(app, { ...o, copy: true, count: o.count });
  },
  async requestCheck(app, request) {
    await drive(app, {
      count: Number(/(\d+) colou?rs/i.exec(request)?.[1] ?? 0) || undefined,
      countControl: /how many|number of colou?rs/i.test(request),
      copy: /copy/i.test(request),
      lock: /lock/i.test(request),
      rgb: /rgb/i.test(request),
      keyboard: /space|keyboard/i.test(request),
    });
  },
});

interface Wants {
  /** How many colours the palette has, where known. */
  count?: number;
  countControl: boolean;
  copy: boolean;
  lock: boolean;
  rgb: boolean;
  keyboard: boolean;
}

/** The hex codes the page shows, each checked to be painted somewhere as a background. */
async function hexCodes(frame: Frame): Promise<string[]> {
  const codes = ((await visibleText(frame)).match(/#[0-9a-f]{6}\b/gi) ?? []).map((c) => c.toLowerCase());
  const painted = await frame.evaluate(() => Array.from(document.querySelectorAll("body *"), (e) => getComputedStyle(e).backgroundColor));
  for (const c of codes) {
    const n = parseInt(c.slice(1), 16);
    if (!painted.includes(`rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`)) throw new Error(`the colour ${c} is not painted`);
  }
  return codes;
}

/** Make palettes like a user (and use each wanted feature); the colours must change. */
async function drive({ page, frame }: AppUnderTest, want: Wants): Promise<void> {
  const generate = button(frame, /generate|new|random|shuffle|palette|refresh/i);
  const palette = async () => `${(await hexCodes(frame)).join()}|${await looks(frame)}`;
  const changes = async (act: () => Promise<void>, what: string) => {
    const before = await palette();
    await act();
    await eventually(async () => ((await palette()) !== before) || undefined, `${what} does not change the colours`);
  };
  await changes(() => generate.click(), "Generate");
  const first = await hexCodes(frame);
  if (want.count && first.length !== want.count) throw new Error(`${first.length} colours shown, not ${want.count}`);
  if (want.copy) await expectCopyFeedback(frame, button(frame, /copy/i));
  if (want.countControl) {
    const n = first.length === 3 ? 5 : 3;
    await setField(frame.getByRole("spinbutton").or(frame.getByRole("combobox")).first(), String(n));
    await eventually(async () => ((await hexCodes(frame)).length === n) || undefined, `choosing ${n} colours does not show ${n}`);
  }
  if (want.lock) {
    const before = await hexCodes(frame);
    await button(frame, /lock|\u{1f512}|\u{1f513}/iu).click();
    await changes(() => generate.click(), "Generate with a locked colour");
    const after = await hexCodes(frame);
    if (after[0] !== before[0]) throw new Error(`a locked colour changed from ${before[0]} to ${after[0]}`);
  }
  if (want.rgb) {
    await button(frame, /rgb/i).click();
    await eventually(async () => /rgb|\d{1,3}, *\d{1,3}, *\d{1,3}/i.test(await visibleText(frame)) || undefined, "the RGB switch shows no RGB values");
  }
  if (want.keyboard) {
    await frame.locator("body").click({ position: { x: 2, y: 2 } });
    await changes(() => page.keyboard.press("Space"), "Space");
  }
}
