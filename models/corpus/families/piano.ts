// A small piano keyboard that plays notes with WebAudio; the AudioContext is created on the first press.
import { esc, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import type { Frame, Locator, Page } from "playwright-core";
import { cell, eventually, markCells, newLines, until, visibleText } from "../tolerant.ts";
import { defineFamily } from "../types.ts";

interface PianoOptions {
  theme: Theme;
  title: string;
  first: number;
  count: number;
  keyWidth: number;
  style: "functions" | "class";
  active: "hold" | "flash";
  duration: number;
  wave: "sine" | "triangle" | "square";
  layout: "card" | "plain";
  labels: boolean;
  keyboard: boolean;
  hints: boolean;
  waveSelect: boolean;
  volume: boolean;
  lastNote: boolean;
}

const NAMES = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];
const LETTERS = "awsedftgyhujk";
const noteName = (m: number) => NAMES[m % 12] + (Math.floor(m / 12) - 1);
const freq = (m: number) => 440 * Math.pow(2, (m - 69) / 12);

function css(o: PianoOptions): string {
  const w = o.keyWidth;
  const b = Math.round(w * 0.6);
  const wrap =
    o.layout === "card"
      ? `.piano{width:max-content;max-width:100%;margin:40px auto;padding:20px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius)}`
      : `.piano{padding:24px}`;
  return `${wrap}
h1{font-size:22px;margin:0 0 14px}
.controls{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin-bottom:14px;color:var(--muted)}
.controls select{padding:6px;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text)}
#keys{position:relative;display:flex;user-select:none}
.key{border:1px solid #333;padding:0 0 8px;display:flex;align-items:flex-end;justify-content:center;font-size:12px}
.white{width:${w}px;height:${Math.round(w * 4)}px;background:#fff;color:#555;border-radius:0 0 6px 6px}
.black{position:absolute;top:0;width:${b}px;height:${Math.round(w * 2.5)}px;background:#222;color:#ddd;border-radius:0 0 4px 4px;z-index:1}
.white.active{background:var(--accent);color:var(--accent-text)}
.black.active{background:var(--accent)}${o.lastNote ? `\n#note{font-size:28px;font-weight:bold;color:var(--text);min-width:60px}` : ""}`;
}

function body(o: PianoOptions): string {
  const controls = [
    o.waveSelect ? `<label>Sound <select id="wave">${["sine", "triangle", "square", "sawtooth"].map((t) => `<option${t === o.wave ? " selected" : ""}>${t}</option>`).join("")}</select></label>` : "",
    o.volume ? `<label>Volume <input id="volume" type="range" min="0" max="1" step="0.05" value="0.4"></label>` : "",
    o.lastNote ? `<span id="note">-</span>` : "",
    o.keyboard ? `<span>Keys A-K play the notes</span>` : "",
  ].filter(Boolean);
  return `<div class="piano">
<h1>${esc(o.title)}</h1>${controls.length ? `\n<div class="controls">\n${controls.join("\n")}\n</div>` : ""}
<div id="keys"></div>
</div>`;
}

function playBody(o: PianoOptions, ind: string, audio: string): string {
  return `${ind}const osc = ${audio}.createOscillator();
${ind}const gain = ${audio}.createGain();
${ind}const now = ${audio}.currentTime;
${ind}osc.type = ${o.waveSelect ? `document.getElementById("wave").value` : `"${o.wave}"`};
${ind}osc.frequency.value = 440 * Math.pow(2, (midi - 69) / 12);
${ind}gain.gain.setValueAtTime(${o.volume ? `Number(document.getElementById("volume").value)` : "0.3"}, now);
${ind}gain.gain.exponentialRampToValueAtTime(0.001, now + ${o.duration});
${ind}osc.connect(gain).connect(${audio}.destination);
${ind}osc.start(now);
${ind}osc.stop(now + ${o.duration});`;
}

function label(o: PianoOptions, v: string, name: string): string {
  const parts = [o.labels ? name : "", o.keyboard && o.hints ? `(${v}.dataset.letter || "").toUpperCase()` : ""].filter(Boolean);
  return parts.join(` + " " + `);
}

function scriptFunctions(o: PianoOptions): string {
  const last = o.first + o.count - 1;
  const text = label(o, "key", "name");
  const off = o.active === "hold" ? "" : `\n  setTimeout(function () {\n    key.classList.remove("active");\n  }, 250);`;
  return `const NAMES = ${JSON.stringify(NAMES)};
const keys = document.getElementById("keys");${o.keyboard ? `\nconst LETTERS = "${LETTERS}";` : ""}
let audio = null;
let whites = 0;
for (let midi = ${o.first}; midi <= ${last}; midi++) {
  const name = NAMES[midi % 12] + (Math.floor(midi / 12) - 1);
  const key = document.createElement("button");
  const black = name.includes("#");
  key.className = black ? "key black" : "key white";
  key.dataset.midi = midi;${o.keyboard ? `\n  key.dataset.letter = LETTERS[midi - ${o.first}] || "";` : ""}
  key.setAttribute("aria-label", name);
  if (black) key.style.left = whites * ${o.keyWidth} - ${Math.round(o.keyWidth * 0.3)} + "px";
  else whites++;${text && (o.labels || o.hints) ? `\n  if (!black) key.textContent = ${text};` : ""}
  keys.appendChild(key);
}
function play(midi) {
  if (!audio) audio = new (window.AudioContext || window.webkitAudioContext)();
${playBody(o, "  ", "audio")}
}
function press(key) {
  key.classList.add("active");
  play(Number(key.dataset.midi));${o.lastNote ? `\n  document.getElementById("note").textContent = key.getAttribute("aria-label");` : ""}${off}
}
keys.addEventListener("pointerdown", function (e) {
  const key = e.target.closest(".key");
  if (key) press(key);
});${o.active === "hold" ? `\ndocument.addEventListener("pointerup", function () {\n  document.querySelectorAll(".key.active").forEach(function (k) {\n    k.classList.remove("active");\n  });\n});` : ""}${o.keyboard ? `\ndocument.addEventListener("keydown", function (e) {\n  if (e.repeat) return;\n  const key = document.querySelector('[data-letter="' + e.key.toLowerCase() + '"]');\n  if (key) press(key);\n});${o.active === "hold" ? `\ndocument.addEventListener("keyup", function (e) {\n  const key = document.querySelector('[data-letter="' + e.key.toLowerCase() + '"]');\n  if (key) key.classList.remove("active");\n});` : ""}` : ""}`;
}

function scriptClass(o: PianoOptions): string {
  const last = o.first + o.count - 1;
  const labelText = label(o, "k", "k.name").replace(`(k.dataset.letter || "")`, `(k.letter || "")`);
  const release = o.active === "hold" ? "" : `\n    setTimeout(() => el.classList.remove("active"), 250);`;
  return `class Piano {
  constructor(root) {
    this.audio = null;
    const names = ${JSON.stringify(NAMES)};
    const list = [];
    let whites = 0;
    for (let midi = ${o.first}; midi <= ${last}; midi++) {
      const name = names[midi % 12] + (Math.floor(midi / 12) - 1);
      const black = name.includes("#");
      list.push({ midi, name, black, left: whites * ${o.keyWidth} - ${Math.round(o.keyWidth * 0.3)}${o.keyboard ? `, letter: "${LETTERS}"[midi - ${o.first}]` : ""} });
      if (!black) whites++;
    }
    root.innerHTML = list.map((k) =>
      '<button class="key ' + (k.black ? "black" : "white") + '" aria-label="' + k.name + '" data-midi="' + k.midi + '"' +
      (k.black ? ' style="left:' + k.left + 'px">' : ${labelText ? `">" + ${labelText}` : `">"`}) + "</button>"
    ).join("");
    root.querySelectorAll(".key").forEach((el) => {
      el.addEventListener("mousedown", () => this.press(el));${o.active === "hold" ? `\n      el.addEventListener("mouseup", () => el.classList.remove("active"));\n      el.addEventListener("mouseleave", () => el.classList.remove("active"));` : ""}
    });${o.keyboard ? `\n    const letters = "${LETTERS}";\n    document.addEventListener("keydown", (e) => {\n      const i = letters.indexOf(e.key.toLowerCase());\n      const el = root.querySelector('[data-midi="' + (${o.first} + i) + '"]');\n      if (i >= 0 && el && !e.repeat) this.press(el);\n    });${o.active === "hold" ? `\n    document.addEventListener("keyup", (e) => {\n      const i = letters.indexOf(e.key.toLowerCase());\n      const el = root.querySelector('[data-midi="' + (${o.first} + i) + '"]');\n      if (i >= 0 && el) el.classList.remove("active");\n    });` : ""}` : ""}
  }
  press(el) {
    el.classList.add("active");
    this.play(Number(el.dataset.midi));${o.lastNote ? `\n    document.getElementById("note").textContent = el.getAttribute("aria-label");` : ""}${release}
  }
  play(midi) {
    if (!this.audio) this.audio = new AudioContext();
${playBody(o, "    ", "this.audio")}
  }
}
new Piano(document.getElementById("keys"));`;
}

function render(o: PianoOptions): string {
  return page({ title: esc(o.title), theme: o.theme, css: css(o), body: body(o), script: o.style === "class" ? scriptClass(o) : scriptFunctions(o) });
}

interface Probe {
  created: number;
  notes: { f: number; type: string }[];
  gains: number[];
  active: string[];
}

/**
 * Listen in on the app's sound: count AudioContexts created from now on, and record
 * every oscillator started (frequency, wave), every gain set and every key marked active.
 */
async function installProbe(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    const w = window as unknown as { __probe: Probe; AudioContext: typeof AudioContext; webkitAudioContext?: typeof AudioContext };
    const probe: Probe = { created: 0, notes: [], gains: [], active: [] };
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as Element;
        if (el.classList.contains("active")) probe.active.push(el.getAttribute("aria-label") ?? "");
      }
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["class"] });
    w.__probe = probe;
    const Base = w.AudioContext;
    w.AudioContext = class extends Base {
      constructor(opts?: AudioContextOptions) {
        super(opts);
        probe.created++;
      }
    };
    w.webkitAudioContext = w.AudioContext;
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, when?: number) {
      probe.notes.push({ f: this.frequency.value, type: this.type });
      return start.call(this, when);
    };
    const set = AudioParam.prototype.setValueAtTime;
    AudioParam.prototype.setValueAtTime = function (this: AudioParam, v: number, t: number) {
      probe.gains.push(v);
      return set.call(this, v, t);
    };
  });
}

async function probe(frame: Frame): Promise<Probe> {
  return frame.evaluate(() => (window as unknown as { __probe: Probe }).__probe);
}

async function isActive(frame: Frame, name: string): Promise<boolean> {
  return frame.evaluate((n) => !!document.querySelector(`[aria-label="${n}"]`)?.classList.contains("active"), name);
}

/** Press the mouse on a key, low down (where a white key is not under a black one). */
async function hold(page: Page, key: Locator, name: string): Promise<void> {
  const box = await key.boundingBox();
  if (!box) throw new Error(`no key ${name}`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.85);
  await page.mouse.down();
}

async function pressKey(page: Page, frame: Frame, o: PianoOptions, midi: number, extra = ""): Promise<void> {
  const name = noteName(midi);
  const before = (await probe(frame)).notes.length;
  await hold(page, frame.getByRole("button", { name, exact: true }), name);
  const p = await probe(frame);
  if (p.created !== 1) throw new Error(`${p.created} AudioContexts after pressing ${name}${extra} (it must be created once, on the first press)`);
  if (p.notes.length !== before + 1) throw new Error(`pressing ${name} started ${p.notes.length - before} oscillators`);
  const f = p.notes[p.notes.length - 1].f;
  if (Math.abs(f - freq(midi)) > 0.5) throw new Error(`${name} plays ${f} Hz, expected ${freq(midi).toFixed(2)}`);
  const marked = o.active === "hold" ? await isActive(frame, name) : (await probe(frame)).active.includes(name);
  if (!marked) throw new Error(`${name} is not marked active when pressed`);
  await page.mouse.up();
  await until(frame, (n) => !document.querySelector(`[aria-label="${n}"]`)?.classList.contains("active"), name, `${name} stays active after it is released`);
  if (o.lastNote) {
    const t = (await frame.locator("#note").textContent()) ?? "";
    if (t.trim() !== name) throw new Error(`the last note shows "${t}", expected ${name}`);
  }
}

const OPTIONAL = ["labels", "keyboard", "hints", "waveSelect", "volume", "lastNote"] as const;
const fits = (o: PianoOptions) => render(o).length <= 4000;

export const piano = defineFamily<PianoOptions>({
  name: "piano",
  options(rng) {
    const count = rng.pick([12, 13, 13, 17, 24, 25]);
    const keyboard = rng.chance(0.5);
    const o: PianoOptions = {
      theme: randomTheme(rng),
      title: rng.pick(["Piano", "Mini Piano", "Little Keys", "Web Piano", "Play the Piano", "Keyboard"]),
      first: count > 17 ? rng.pick([48, 60]) : rng.pick([48, 60, 60, 65]),
      count,
      keyWidth: count > 17 ? rng.pick([30, 32, 34]) : rng.pick([40, 44, 48, 52]),
      style: rng.pick(["functions", "class"] as const),
      active: rng.pick(["hold", "flash"] as const),
      duration: rng.pick([0.5, 0.8, 1, 1.2, 1.5]),
      wave: rng.pick(["sine", "sine", "triangle", "square"] as const),
      layout: rng.pick(["card", "plain"] as const),
      labels: rng.chance(0.5),
      keyboard,
      hints: keyboard && rng.chance(0.6),
      waveSelect: rng.chance(0.35),
      volume: rng.chance(0.35),
      lastNote: rng.chance(0.4),
    };
    for (let on = OPTIONAL.filter((k) => o[k]); !fits(o) && on.length; on = OPTIONAL.filter((k) => o[k])) o[rng.pick(on)] = false;
    if (!o.keyboard) o.hints = false;
    return o;
  },
  render,
  features(o) {
    return [
      ...(o.labels ? ["labels"] : []),
      ...(o.keyboard ? ["keyboard"] : []),
      ...(o.hints ? ["hints"] : []),
      ...(o.waveSelect ? ["wave-select"] : []),
      ...(o.volume ? ["volume"] : []),
      ...(o.lastNote ? ["last-note"] : []),
    ];
  },
  request(o, rng) {
    const octaves = o.count > 17 ? "two octave" : "one octave";
    const subject = rng.pick([
      "a small piano keyboard that plays notes",
      "a piano keyboard that plays notes with the Web Audio API",
      `a ${octaves} piano you can click to play`,
      "a mini piano app that makes sounds",
      "a playable piano in the browser",
    ]);
    const f: string[] = [];
    if (o.labels) f.push(rng.pick(["note names on the keys", "the note name on each white key"]));
    if (o.keyboard) f.push(rng.pick(["computer keyboard support (A to K)", "the ability to play with the keyboard keys A-K"]));
    if (o.hints) f.push(rng.pick(["the keyboard letter shown on each key", "key hints"]));
    if (o.waveSelect) f.push(rng.pick(["a waveform selector", "a choice of sound (sine, square, triangle)"]));
    if (o.volume) f.push(rng.pick(["a volume slider", "volume control"]));
    if (o.lastNote) f.push(rng.pick(["a display of the last note played", "the current note shown above the keys"]));
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-labels", requests: ["show the note names on the keys", "label the keys"], appliesTo: (o) => !o.labels && fits({ ...o, labels: true }), apply: (o) => ({ ...o, labels: true }) },
    { id: "add-keyboard", requests: ["let me play it with my computer keyboard", "add keyboard controls"], appliesTo: (o) => !o.keyboard && fits({ ...o, keyboard: true }), apply: (o) => ({ ...o, keyboard: true }) },
    { id: "add-volume", requests: ["add a volume slider", "let me change the volume"], appliesTo: (o) => !o.volume && fits({ ...o, volume: true }), apply: (o) => ({ ...o, volume: true }) },
    { id: "add-wave-select", requests: ["let me pick the waveform", "add a sound type selector"], appliesTo: (o) => !o.waveSelect && fits({ ...o, waveSelect: true }), apply: (o) => ({ ...o, waveSelect: true }) },
    { id: "add-last-note", requests: ["show which note was played", "display the note name when I press a key"], appliesTo: (o) => !o.lastNote && fits({ ...o, lastNote: true }), apply: (o) => ({ ...o, lastNote: true }) },
  ],
  async check({ page, frame }, o) {
    await installProbe(frame);
    const keys = await frame.locator(".key").count();
    if (keys !== o.count) throw new Error(`expected ${o.count} keys, got ${keys}`);
    await pressKey(page, frame, o, o.first + 4);
    await pressKey(page, frame, o, o.first + 6, " twice");
    if (o.waveSelect) {
      await frame.locator("#wave").selectOption("square");
      await pressKey(page, frame, o, o.first + 7);
      const p = await probe(frame);
      if (p.notes[p.notes.length - 1].type !== "square") throw new Error("the waveform selector does not change the sound");
    }
    if (o.volume) {
      await frame.locator("#volume").evaluate((el: HTMLInputElement) => {
        el.value = "0.1";
        el.dispatchEvent(new Event("input", { bubbles: true }));
        el.dispatchEvent(new Event("change", { bubbles: true }));
      });
      await pressKey(page, frame, o, o.first + 2);
      const p = await probe(frame);
      if (!p.gains.some((g) => Math.abs(g - 0.1) < 1e-6)) throw new Error("the volume slider does not change the gain");
    }
    if (o.keyboard) {
      const before = (await probe(frame)).notes.length;
      await page.keyboard.down("j");
      const p = await probe(frame);
      const midi = o.first + LETTERS.indexOf("j");
      if (p.notes.length !== before + 1 || Math.abs(p.notes[p.notes.length - 1].f - freq(midi)) > 0.5) throw new Error("pressing J does not play its note");
      if (!(await probe(frame)).active.includes(noteName(midi))) throw new Error("pressing J does not mark the key active");
      await page.keyboard.up("j");
    }
  },
  async requestCheck({ page, frame }, request) {
    await installProbe(frame);
    const keys = await markCells(frame);
    if (keys < 8) throw new Error(`no keyboard (${keys} keys)`);
    const notes = async () => (await probe(frame)).notes;
    const play = async (act: () => Promise<void>, what: string) => {
      const before = (await notes()).length;
      await act();
      const played = await eventually(async () => (await notes())[before], `${what} plays no note`);
      await page.mouse.up();
      if (!(played.f > 20 && played.f < 5000)) throw new Error(`${what} plays ${played.f} Hz`);
      return played;
    };
    const text = await visibleText(frame);
    const a = await play(() => hold(page, cell(frame, 0), "the first key"), "clicking the first key");
    const b = await play(() => hold(page, cell(frame, 4), "the fifth key"), "clicking the fifth key");
    if (a.f === b.f) throw new Error("two keys play the same note");
    if (/last note|current note/i.test(request) && !newLines(text, await visibleText(frame)).some((l) => /\b[A-G][#\u266fb]?\d?\b/.test(l))) throw new Error("the last note played is not shown");
    if (/note names|note name/i.test(request) && !/\bC\d?\b[\s\S]*\bD\d?\b/.test(text)) throw new Error("the keys show no note names");
    if (/computer keyboard|keyboard keys|a-k|a to k/i.test(request)) {
      await frame.locator("body").click({ position: { x: 2, y: 2 } });
      const c = await play(() => page.keyboard.down("a"), "pressing A");
      await page.keyboard.up("a");
      const j = await play(() => page.keyboard.down("j"), "pressing J");
      await page.keyboard.up("j");
      if (c.f === j.f) throw new Error("A and J play the same note");
    }
    if (/waveform|sine, square/i.test(request)) {
      await frame.getByRole("combobox").first().selectOption("square");
      const w = await play(() => hold(page, cell(frame, 2), "the third key"), "a key after choosing square");
      if (w.type !== "square") throw new Error("the waveform selector does not change the sound");
    }
  },
});
