// A stopwatch: start, stop and reset, with optional laps and keyboard shortcuts.
import { esc, jsStr, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import { isZero, shownTime, timeChanges, timeStays } from "../timer-steps.ts";
import { button, eventually, newLines, visibleText } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

type Format = "centi" | "tenth" | "hours" | "millis";

interface StopwatchOptions {
  theme: Theme;
  title: string;
  format: Format;
  laps: boolean;
  lapMode: "split" | "lap";
  newestFirst: boolean;
  keyboard: boolean;
  toggle: boolean;
  stopWord: "Stop" | "Pause";
  tick: "interval" | "raf";
  layout: "card" | "full" | "top";
  style: "functions" | "class";
  size: number;
}

const ZERO: Record<Format, string> = { centi: "00:00.00", tenth: "00:00.0", hours: "00:00:00.00", millis: "00:00.000" };

function formatCode(f: Format): string {
  const head = `function pad(n, w) {\n  return String(n).padStart(w || 2, "0");\n}\nfunction format(ms) {\n  const s = Math.floor(ms / 1000);\n`;
  if (f === "centi") return `${head}  return pad(Math.floor(s / 60)) + ":" + pad(s % 60) + "." + pad(Math.floor(ms / 10) % 100);\n}`;
  if (f === "tenth") return `${head}  return pad(Math.floor(s / 60)) + ":" + pad(s % 60) + "." + (Math.floor(ms / 100) % 10);\n}`;
  if (f === "millis") return `${head}  return pad(Math.floor(s / 60)) + ":" + pad(s % 60) + "." + pad(ms % 1000, 3);\n}`;
  return `${head}  return pad(Math.floor(s / 3600)) + ":" + pad(Math.floor(s / 60) % 60) + ":" + pad(s % 60) + "." + pad(Math.floor(ms / 10) % 100);\n}`;
}

function css(o: StopwatchOptions): string {
  const shell =
    o.layout === "card"
      ? `.watch{max-width:380px;margin:10vh auto;padding:24px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius);text-align:center}`
      : o.layout === "full"
        ? `.watch{min-height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center;padding:24px}`
        : `.watch{text-align:center}\nheader{background:var(--accent);color:var(--accent-text);padding:12px}\nmain{max-width:420px;margin:0 auto;padding:24px}`;
  return `${shell}
h1{font-size:20px;margin:0 0 8px}
#time{font-size:${o.size}px;font-variant-numeric:tabular-nums;margin:16px 0}
.controls{display:flex;gap:8px;justify-content:center}
button{padding:10px 18px;border:1px solid var(--border);border-radius:var(--radius);background:var(--surface);color:var(--text)}
.primary{background:var(--accent);color:var(--accent-text);border-color:var(--accent)}${o.laps ? `\n#laps{list-style:none;padding:0;margin:16px auto 0;max-width:320px;max-height:220px;overflow-y:auto;text-align:left}\n#laps li{display:flex;justify-content:space-between;padding:6px 4px;border-bottom:1px solid var(--border)}` : ""}${o.keyboard ? `\n.hint{color:var(--muted);font-size:13px;margin-top:12px}` : ""}`;
}

function body(o: StopwatchOptions): string {
  const buttons = o.toggle
    ? `<button id="toggle" class="primary">Start</button>`
    : `<button id="start" class="primary">Start</button>\n<button id="stop">${o.stopWord}</button>`;
  const controls = `<div id="time">${ZERO[o.format]}</div>
<div class="controls">
${buttons}${o.laps ? `\n<button id="lap">Lap</button>` : ""}
<button id="reset">Reset</button>
</div>${o.keyboard ? `\n<p class="hint">Space: start/${o.stopWord.toLowerCase()}${o.laps ? ", L: lap" : ""}, R: reset</p>` : ""}${o.laps ? `\n<ol id="laps"></ol>` : ""}`;
  if (o.layout === "top") return `<div class="watch">\n<header><h1>${esc(o.title)}</h1></header>\n<main>\n${controls}\n</main>\n</div>`;
  return `<div class="watch">\n<h1>${esc(o.title)}</h1>\n${controls}\n</div>`;
}

function scriptFunctions(o: StopwatchOptions): string {
  const loop =
    o.tick === "raf"
      ? `function loop() {\n  render();\n  if (running) requestAnimationFrame(loop);\n}`
      : "";
  const startRun = o.tick === "raf" ? `  running = true;\n  requestAnimationFrame(loop);` : `  running = true;\n  timer = setInterval(render, 30);`;
  const stopRun = o.tick === "raf" ? `  running = false;` : `  running = false;\n  clearInterval(timer);`;
  const lapCode = o.laps
    ? `\nfunction lap() {\n  if (!running) return;\n  const t = now();\n  const li = document.createElement("li");\n  li.innerHTML = "<span>Lap " + (lapList.children.length + 1) + "</span><span>" + format(t${o.lapMode === "lap" ? " - lastLap" : ""}) + "</span>";\n  lapList.${o.newestFirst ? "prepend" : "appendChild"}(li);${o.lapMode === "lap" ? `\n  lastLap = t;` : ""}\n}`
    : "";
  const toggleCode = o.toggle
    ? `\nfunction toggle() {\n  if (running) stop();\n  else start();\n  toggleBtn.textContent = running ? ${jsStr(o.stopWord)} : "Start";\n}`
    : "";
  const keys = o.keyboard
    ? `\ndocument.addEventListener("keydown", function (e) {\n  if (e.code === "Space") {\n    e.preventDefault();\n    ${o.toggle ? "toggle()" : "running ? stop() : start()"};\n  }${o.laps ? `\n  if (e.key === "l" || e.key === "L") lap();` : ""}\n  if (e.key === "r" || e.key === "R") reset();\n});`
    : "";
  return `const display = document.getElementById("time");${o.laps ? `\nconst lapList = document.getElementById("laps");` : ""}${o.toggle ? `\nconst toggleBtn = document.getElementById("toggle");` : ""}
let elapsed = 0;
let startedAt = 0;
let running = false;${o.tick === "interval" ? `\nlet timer = null;` : ""}${o.laps && o.lapMode === "lap" ? `\nlet lastLap = 0;` : ""}
${formatCode(o.format)}
function now() {
  return elapsed + (running ? Date.now() - startedAt : 0);
}
function render() {
  display.textContent = format(now());
}${loop ? `\n${loop}` : ""}
function start() {
  if (running) return;
  startedAt = Date.now();
${startRun}
}
function stop() {
  if (!running) return;
  elapsed += Date.now() - startedAt;
${stopRun}
  render();
}
function reset() {
  stop();
  elapsed = 0;${o.laps ? `\n  lapList.innerHTML = "";` : ""}${o.laps && o.lapMode === "lap" ? `\n  lastLap = 0;` : ""}${o.toggle ? `\n  toggleBtn.textContent = "Start";` : ""}
  render();
}${lapCode}${toggleCode}
${o.toggle ? `toggleBtn.addEventListener("click", toggle);` : `document.getElementById("start").addEventListener("click", start);\ndocument.getElementById("stop").addEventListener("click", stop);`}${o.laps ? `\ndocument.getElementById("lap").addEventListener("click", lap);` : ""}
document.getElementById("reset").addEventListener("click", reset);${keys}`;
}

function scriptClass(o: StopwatchOptions): string {
  const startRun = o.tick === "raf" ? `    this.running = true;\n    this.loop();` : `    this.running = true;\n    this.timer = setInterval(() => this.render(), 30);`;
  const stopRun = o.tick === "raf" ? `    this.running = false;` : `    this.running = false;\n    clearInterval(this.timer);`;
  const actions = [...(o.toggle ? ["toggle"] : ["start", "stop"]), ...(o.laps ? ["lap"] : []), "reset"];
  const wiring = `    document.querySelector(".controls").addEventListener("click", (e) => {\n      const id = e.target.id;\n      if (${JSON.stringify(actions).replace(/,/g, ", ")}.includes(id)) this[id]();\n    });`;
  const keys = o.keyboard
    ? `\n    document.addEventListener("keydown", (e) => {\n      if (e.code === "Space") {\n        e.preventDefault();\n        ${o.toggle ? "this.toggle()" : "this.running ? this.stop() : this.start()"};\n      }${o.laps ? `\n      if (e.key.toLowerCase() === "l") this.lap();` : ""}\n      if (e.key.toLowerCase() === "r") this.reset();\n    });`
    : "";
  return `${formatCode(o.format)}
class Stopwatch {
  constructor() {
    this.display = document.getElementById("time");${o.laps ? `\n    this.lapList = document.getElementById("laps");` : ""}
    this.elapsed = 0;
    this.startedAt = 0;
    this.running = false;${o.laps && o.lapMode === "lap" ? `\n    this.lastLap = 0;` : ""}
${wiring}${keys}
  }
  now() {
    return this.elapsed + (this.running ? Date.now() - this.startedAt : 0);
  }
  render() {
    this.display.textContent = format(this.now());
  }${o.tick === "raf" ? `\n  loop() {\n    this.render();\n    if (this.running) requestAnimationFrame(() => this.loop());\n  }` : ""}
  start() {
    if (this.running) return;
    this.startedAt = Date.now();
${startRun}
  }
  stop() {
    if (!this.running) return;
    this.elapsed += Date.now() - this.startedAt;
${stopRun}
    this.render();
  }
  reset() {
    this.stop();
    this.elapsed = 0;${o.laps ? `\n    this.lapList.innerHTML = "";` : ""}${o.laps && o.lapMode === "lap" ? `\n    this.lastLap = 0;` : ""}${o.toggle ? `\n    document.getElementById("toggle").textContent = "Start";` : ""}
    this.render();
  }${o.toggle ? `\n  toggle() {\n    if (this.running) this.stop();\n    else this.start();\n    document.getElementById("toggle").textContent = this.running ? ${jsStr(o.stopWord)} : "Start";\n  }` : ""}${o.laps ? `\n  lap() {\n    if (!this.running) return;\n    const t = this.now();\n    const li = document.createElement("li");\n    const name = document.createElement("span");\n    const time = document.createElement("span");\n    name.textContent = "Lap " + (this.lapList.children.length + 1);\n    time.textContent = format(t${o.lapMode === "lap" ? " - this.lastLap" : ""});\n    li.append(name, time);\n    this.lapList.${o.newestFirst ? "prepend" : "appendChild"}(li);${o.lapMode === "lap" ? `\n    this.lastLap = t;` : ""}\n  }` : ""}
}
new Stopwatch();`;
}

export const stopwatch = defineFamily<StopwatchOptions>({
  name: "stopwatch",
  options(rng) {
    const laps = rng.chance(0.6);
    return {
      theme: randomTheme(rng),
      title: rng.pick(["Stopwatch", "Stopwatch", "Timer", "Lap Timer", "Chronometer", "Split Timer"]),
      format: rng.pick(["centi", "centi", "tenth", "hours", "millis"] as const),
      laps,
      lapMode: rng.pick(["split", "lap"] as const),
      newestFirst: rng.chance(0.5),
      keyboard: rng.chance(0.35),
      toggle: rng.chance(0.5),
      stopWord: rng.pick(["Stop", "Pause"] as const),
      tick: rng.pick(["interval", "raf"] as const),
      layout: rng.pick(["card", "full", "top"] as const),
      style: rng.pick(["functions", "class"] as const),
      size: rng.pick([40, 48, 56, 64]),
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
    return [...(o.laps ? ["laps"] : []), ...(o.keyboard ? ["keyboard"] : []), ...(o.toggle ? ["toggle"] : [])];
  },
  request(o, rng) {
    const subject = rng.pick(o.laps ? ["a stopwatch", "a stopwatch app", "a lap timer", "a simple stopwatch", "a stopwatch page"] : ["a stopwatch", "a stopwatch app", "a simple stopwatch", "a stopwatch page", "an online stopwatch"]);
    const f: string[] = [];
    if (rng.chance(0.5)) f.push(o.toggle ? rng.pick(["a reset button", "start/stop and reset"]) : rng.pick(["start, stop and reset buttons", "start/stop and reset"]));
    if (o.laps) f.push(rng.pick(["lap times", "a lap button", "a list of laps", "lap recording"]));
    if (o.keyboard) f.push(rng.pick(["keyboard shortcuts", "space bar to start and stop", "keyboard controls (space, R to reset)"]));
    if (o.toggle) f.push(rng.pick(["a single start/stop button", "one button that toggles start and stop"]));
    if (o.format === "millis" && rng.chance(0.5)) f.push("millisecond precision");
    if (o.format === "hours" && rng.chance(0.5)) f.push("hours, minutes and seconds");
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-laps", requests: ["add lap times", "add a lap button", "let me record laps"], appliesTo: (o) => !o.laps, apply: (o) => ({ ...o, laps: true }) },
    { id: "add-keyboard", requests: ["add keyboard shortcuts", "let me use the space bar to start and stop"], appliesTo: (o) => !o.keyboard, apply: (o) => ({ ...o, keyboard: true }) },
    { id: "single-button", requests: ["use one button for start and stop", "merge start and stop into one button"], appliesTo: (o) => !o.toggle, apply: (o) => ({ ...o, toggle: true }) },
    { id: "show-millis", requests: ["show milliseconds", "make it more precise, show milliseconds"], appliesTo: (o) => o.format !== "millis", apply: (o) => ({ ...o, format: "millis" }) },
  ],
  async check(app, o) {
    const zero = await shownTime(app.frame);
    if (zero !== ZERO[o.format]) throw new Error(`starts at "${zero}", not ${ZERO[o.format]}`);
    await drive(app, { laps: o.laps, keyboard: o.keyboard });
  },
  async requestCheck(app, request) {
    await drive(app, { laps: /\blaps?\b/i.test(request), keyboard: /keyboard|space/i.test(request) });
  },
});

/** Start, stop and reset like a user (laps and keys where wanted); the time must run, stop and go back to zero. */
async function drive({ page, frame }: AppUnderTest, want: { laps: boolean; keyboard: boolean }): Promise<void> {
  const zero = await shownTime(frame);
  if (!isZero(zero)) throw new Error(`the stopwatch starts at "${zero}", not zero`);
  await button(frame, /start/i).click();
  await timeChanges(frame, zero, "the time does not run after Start");
  if (want.laps) {
    const before = await visibleText(frame);
    await button(frame, /lap|split/i).click();
    await eventually(async () => newLines(before, await visibleText(frame)).length || undefined, "Lap does not list a lap");
  }
  await button(frame, /stop|pause/i).click();
  await timeStays(frame, "the time still runs after Stop");
  await button(frame, /reset|clear/i).click();
  const reset = await shownTime(frame);
  if (!isZero(reset)) throw new Error(`Reset shows "${reset}"`);
  if (want.keyboard) {
    await frame.locator("body").click({ position: { x: 2, y: 2 } });
    await page.keyboard.press("Space");
    await timeChanges(frame, reset, "Space does not start the stopwatch");
    await page.keyboard.press("Space");
    await timeStays(frame, "Space does not stop the stopwatch");
  }
}
