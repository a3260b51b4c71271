// A pomodoro timer: work and break phases, start/pause/reset, with optional skip,
// long breaks, a session counter, a progress bar, custom lengths and mode tabs.
import { esc, jsStr, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import { seconds, shownTime, TIME, timeChanges, timeStays, timeText } from "../timer-steps.ts";
import { button, eventually, labelled, looks, numbers } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

interface PomodoroOptions {
  theme: Theme;
  title: string;
  work: number;
  short: number;
  long: number;
  workLabel: string;
  breakLabel: string;
  longBreak: boolean;
  counter: boolean;
  skip: boolean;
  tabTitle: boolean;
  progress: boolean;
  custom: boolean;
  tabs: boolean;
  toggle: boolean;
  timing: "counter" | "endtime";
  layout: "card" | "full";
  style: "functions" | "class";
  size: number;
}

const PAIRS: [number, number, number][] = [[25, 5, 15], [25, 5, 20], [50, 10, 30], [45, 15, 30], [30, 5, 15], [20, 5, 15]];

/** How much optional code an app carries (custom lengths and tabs weigh more); capped so apps stay compact. */
function extras(o: PomodoroOptions): number {
  return [o.longBreak, o.counter, o.skip, o.tabTitle, o.progress, o.custom, o.custom, o.tabs, o.tabs].filter(Boolean).length;
}
const MAX_EXTRAS = 4;

const pad2 = (n: number) => String(n).padStart(2, "0");

function css(o: PomodoroOptions): string {
  const shell =
    o.layout === "card"
      ? `.app{max-width:400px;margin:8vh auto;padding:28px 24px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius);text-align:center}`
      : `.app{min-height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:6px;text-align:center}`;
  return [
    shell,
    `h1{font-size:20px;margin:0 0 8px}`,
    o.tabs
      ? `.tabs{display:flex;gap:6px;justify-content:center;margin-bottom:8px}\n.tabs button{padding:6px 12px;border:1px solid var(--border);border-radius:var(--radius);background:none;color:inherit}\n.tabs .active{background:var(--accent);color:var(--accent-text);border-color:var(--accent)}`
      : `#mode{font-size:14px;text-transform:uppercase;letter-spacing:2px;color:var(--muted)}`,
    `#time{font-size:${o.size}px;font-weight:bold;font-variant-numeric:tabular-nums;margin:8px 0 16px}`,
    o.progress ? `.bar{height:8px;width:min(320px,100%);margin:0 auto 16px;background:var(--border);border-radius:var(--radius);overflow:hidden}\n#progress{height:100%;width:0;background:var(--accent)}` : "",
    `.controls{display:flex;gap:8px;justify-content:center}`,
    `.controls button{padding:10px 18px;border:1px solid var(--border);border-radius:var(--radius);background:var(--surface);color:var(--text)}`,
    `.controls .primary{background:var(--accent);color:var(--accent-text);border-color:var(--accent)}`,
    o.counter ? `#count{margin-top:14px;color:var(--muted)}` : "",
    o.custom ? `.settings{display:flex;gap:12px;justify-content:center;margin-top:16px}\n.settings input{width:56px;padding:4px;margin-left:4px;border:1px solid var(--border)}` : "",
  ]
    .filter(Boolean)
    .join("\n");
}

function body(o: PomodoroOptions): string {
  const modeUi = o.tabs
    ? `<div class="tabs">\n<button data-mode="work" class="active">${esc(o.workLabel)}</button>\n<button data-mode="short">${esc(o.breakLabel)}</button>${o.longBreak ? `\n<button data-mode="long">Long Break</button>` : ""}\n</div>`
    : `<div id="mode">${esc(o.workLabel)}</div>`;
  const buttons = o.toggle
    ? `<button id="toggle" class="primary">Start</button>`
    : `<button id="start" class="primary">Start</button>\n<button id="pause">Pause</button>`;
  return [
    `<div class="app">`,
    `<h1>${esc(o.title)}</h1>`,
    modeUi,
    `<div id="time">${pad2(o.work)}:00</div>`,
    o.progress ? `<div class="bar"><div id="progress"></div></div>` : "",
    `<div class="controls">\n${buttons}\n<button id="reset">Reset</button>${o.skip ? `\n<button id="skip">Skip</button>` : ""}\n</div>`,
    o.counter ? `<div id="count">Completed: 0</div>` : "",
    o.custom ? `<div class="settings">\n<label>Work <input id="work-min" type="number" min="1" value="${o.work}"></label>\n<label>Break <input id="break-min" type="number" min="1" value="${o.short}"></label>\n</div>` : "",
    `</div>`,
  ]
    .filter(Boolean)
    .join("\n");
}

function labels(o: PomodoroOptions): string {
  return `const LABELS = { work: ${jsStr(o.workLabel)}, short: ${jsStr(o.breakLabel)}${o.longBreak ? `, long: "Long Break"` : ""} };`;
}

function scriptFunctions(o: PomodoroOptions): string {
  const ms = o.timing === "endtime";
  const renderLines = [
    `  const secs = ${ms ? "Math.ceil(msLeft / 1000)" : "left"};`,
    `  const text = String(Math.floor(secs / 60)).padStart(2, "0") + ":" + String(secs % 60).padStart(2, "0");`,
    `  timeEl.textContent = text;`,
    o.tabs
      ? `  document.querySelectorAll(".tabs button").forEach(function (b) {\n    b.classList.toggle("active", b.dataset.mode === mode);\n  });`
      : `  document.getElementById("mode").textContent = LABELS[mode];`,
    o.progress ? `  document.getElementById("progress").style.width = (100 - (${ms ? "msLeft / 600" : "left * 100 / 60"}) / minutes[mode]) + "%";` : "",
    o.tabTitle ? `  document.title = text + " - " + LABELS[mode];` : "",
    o.counter ? `  document.getElementById("count").textContent = "Completed: " + done;` : "",
  ].filter(Boolean);
  const toggleLabel = (w: string) => (o.toggle ? `\n  toggleBtn.textContent = "${w}";` : "");
  const tick = ms
    ? `function tick() {\n  msLeft = endAt - Date.now();\n  if (msLeft <= 0) next();\n  render();\n}`
    : `function tick() {\n  left--;\n  if (left <= 0) next();\n  render();\n}`;
  const start = ms
    ? `function start() {\n  if (timer) return;\n  endAt = Date.now() + msLeft;\n  timer = setInterval(tick, 250);${toggleLabel("Pause")}\n}`
    : `function start() {\n  if (timer) return;\n  timer = setInterval(tick, 1000);${toggleLabel("Pause")}\n}`;
  const pause = `function pause() {\n  ${ms ? "if (timer) msLeft = endAt - Date.now();\n  " : ""}clearInterval(timer);\n  timer = null;${toggleLabel("Start")}\n}`;
  const setMode = `function setMode(m) {\n  pause();\n  mode = m;\n  ${ms ? "msLeft = minutes[m] * 60000" : "left = minutes[m] * 60"};\n  render();\n}`;
  const next = o.longBreak
    ? `function next() {\n  if (mode === "work") {\n    done++;\n    setMode(done % 4 === 0 ? "long" : "short");\n  } else setMode("work");\n}`
    : `function next() {\n  if (mode === "work") done++;\n  setMode(mode === "work" ? "short" : "work");\n}`;
  const wiring = [
    o.toggle
      ? `toggleBtn.addEventListener("click", function () {\n  if (timer) pause();\n  else start();\n});`
      : `document.getElementById("start").addEventListener("click", start);\ndocument.getElementById("pause").addEventListener("click", pause);`,
    `document.getElementById("reset").addEventListener("click", function () {\n  setMode(mode);\n});`,
    o.skip ? `document.getElementById("skip").addEventListener("click", next);` : "",
    o.tabs ? `document.querySelector(".tabs").addEventListener("click", function (e) {\n  if (e.target.dataset.mode) setMode(e.target.dataset.mode);\n});` : "",
    o.custom
      ? `document.querySelector(".settings").addEventListener("change", function (e) {\n  const v = Math.max(1, Number(e.target.value) || 1);\n  minutes[e.target.id === "work-min" ? "work" : "short"] = v;\n  if (!timer) setMode(mode);\n});`
      : "",
  ].filter(Boolean);
  return [
    labels(o),
    `const minutes = { work: ${o.work}, short: ${o.short}${o.longBreak ? `, long: ${o.long}` : ""} };`,
    `const timeEl = document.getElementById("time");${o.toggle ? `\nconst toggleBtn = document.getElementById("toggle");` : ""}`,
    `let mode = "work";`,
    ms ? `let msLeft = minutes.work * 60000;\nlet endAt = 0;` : `let left = minutes.work * 60;`,
    `let timer = null;`,
    `let done = 0;`,
    `function render() {\n${renderLines.join("\n")}\n}`,
    tick,
    start,
    pause,
    setMode,
    next,
    wiring.join("\n"),
    `render();`,
  ].join("\n");
}

function scriptClass(o: PomodoroOptions): string {
  const ms = o.timing === "endtime";
  const renderLines = [
    `    const secs = ${ms ? "Math.ceil(this.msLeft / 1000)" : "this.left"};`,
    `    const text = \`\${String(Math.floor(secs / 60)).padStart(2, "0")}:\${String(secs % 60).padStart(2, "0")}\`;`,
    `    this.timeEl.textContent = text;`,
    o.tabs
      ? `    for (const b of document.querySelectorAll(".tabs button")) b.classList.toggle("active", b.dataset.mode === this.mode);`
      : `    document.getElementById("mode").textContent = LABELS[this.mode];`,
    o.progress ? `    document.getElementById("progress").style.width = \`\${100 - (${ms ? "this.msLeft / 600" : "this.left * 100 / 60"}) / this.minutes[this.mode]}%\`;` : "",
    o.tabTitle ? `    document.title = \`\${text} - \${LABELS[this.mode]}\`;` : "",
    o.counter ? `    document.getElementById("count").textContent = \`Completed: \${this.done}\`;` : "",
  ].filter(Boolean);
  const toggleLabel = (w: string) => (o.toggle ? `\n    document.getElementById("toggle").textContent = "${w}";` : "");
  const on = (id: string, call: string) => `    document.getElementById("${id}").addEventListener("click", () => ${call});`;
  const wiring = [
    o.toggle ? on("toggle", "(this.timer ? this.pause() : this.start())") : `${on("start", "this.start()")}\n${on("pause", "this.pause()")}`,
    on("reset", "this.setMode(this.mode)"),
    o.skip ? on("skip", "this.next()") : "",
    o.tabs ? `    document.querySelector(".tabs").addEventListener("click", (e) => {\n      if (e.target.dataset.mode) this.setMode(e.target.dataset.mode);\n    });` : "",
    o.custom
      ? `    document.querySelector(".settings").addEventListener("change", (e) => {\n      this.minutes[e.target.id === "work-min" ? "work" : "short"] = Math.max(1, Number(e.target.value) || 1);\n      if (!this.timer) this.setMode(this.mode);\n    });`
      : "",
  ].filter(Boolean);
  return `${labels(o)}
class Pomodoro {
  constructor() {
    this.minutes = { work: ${o.work}, short: ${o.short}${o.longBreak ? `, long: ${o.long}` : ""} };
    this.timeEl = document.getElementById("time");
    this.timer = null;
    this.done = 0;
${wiring.join("\n")}
    this.setMode("work");
  }
  render() {
${renderLines.join("\n")}
  }
  tick() {
${ms ? `    this.msLeft = this.endAt - Date.now();\n    if (this.msLeft <= 0) this.next();` : `    this.left--;\n    if (this.left <= 0) this.next();`}
    this.render();
  }
  start() {
    if (this.timer) return;${ms ? `\n    this.endAt = Date.now() + this.msLeft;` : ""}
    this.timer = setInterval(() => this.tick(), ${ms ? 250 : 1000});${toggleLabel("Pause")}
  }
  pause() {${ms ? `\n    if (this.timer) this.msLeft = this.endAt - Date.now();` : ""}
    clearInterval(this.timer);
    this.timer = null;${toggleLabel("Start")}
  }
  setMode(m) {
    this.pause();
    this.mode = m;
    ${ms ? "this.msLeft = this.minutes[m] * 60000" : "this.left = this.minutes[m] * 60"};
    this.render();
  }
  next() {
${o.longBreak ? `    if (this.mode === "work") {\n      this.done++;\n      this.setMode(this.done % 4 === 0 ? "long" : "short");\n    } else this.setMode("work");` : `    if (this.mode === "work") this.done++;\n    this.setMode(this.mode === "work" ? "short" : "work");`}
  }
}
new Pomodoro();`;
}

export const pomodoro = defineFamily<PomodoroOptions>({
  name: "pomodoro",
  options(rng) {
    const [work, short, long] = rng.pick(PAIRS);
    const o: PomodoroOptions = {
      theme: randomTheme(rng),
      title: rng.pick(["Pomodoro", "Pomodoro Timer", "Focus Timer", "Tomato Timer", "Study Timer", "Work Timer"]),
      work,
      short,
      long,
      workLabel: rng.pick(["Focus", "Work", "Pomodoro", "Focus Time"]),
      breakLabel: rng.pick(["Break", "Short Break", "Rest"]),
      longBreak: rng.chance(0.35),
      counter: rng.chance(0.45),
      skip: rng.chance(0.45),
      tabTitle: rng.chance(0.3),
      progress: rng.chance(0.4),
      custom: rng.chance(0.3),
      tabs: rng.chance(0.3),
      toggle: rng.chance(0.5),
      timing: rng.pick(["counter", "endtime"] as const),
      layout: rng.pick(["card", "full"] as const),
      style: rng.pick(["functions", "class"] as const),
      size: rng.pick([56, 64, 72, 80]),
    };
    for (const k of rng.shuffle(["longBreak", "counter", "skip", "tabTitle", "progress", "custom", "tabs"] as const)) {
      if (extras(o) <= MAX_EXTRAS) break;
      o[k] = false;
    }
    return o;
  },
  render(o) {
    return page({
      title: esc(o.title),
      theme: o.theme,
      css: css(o),
      body: body(o),
      script: o.style === "class" ? scriptClass(o) : scriptFunctions(o),
    });
  },
  features(o) {
    return [
      ...(o.longBreak ? ["long-break"] : []),
      ...(o.counter ? ["counter"] : []),
      ...(o.skip ? ["skip"] : []),
      ...(o.tabTitle ? ["tab-title"] : []),
      ...(o.progress ? ["progress"] : []),
      ...(o.custom ? ["custom"] : []),
      ...(o.tabs ? ["tabs"] : []),
      ...(o.toggle ? ["toggle"] : []),
    ];
  },
  request(o, rng) {
    const subject = rng.pick(["a pomodoro timer", "a pomodoro app", "a focus timer using the pomodoro technique", "a pomodoro clock", "a study timer with work and break sessions"]);
    const f: string[] = [];
    if (rng.chance(0.6)) f.push(rng.pick([`${o.work} minutes work and ${o.short} minutes break`, `${o.work} minute focus sessions and ${o.short} minute breaks`]));
    if (o.longBreak) f.push(rng.pick([`a ${o.long} minute long break after every 4 sessions`, "a long break every fourth pomodoro"]));
    if (o.counter) f.push(rng.pick(["a counter of completed sessions", "a count of finished pomodoros"]));
    if (o.skip) f.push(rng.pick(["a skip button", "a button to skip to the next phase"]));
    if (o.tabTitle) f.push(rng.pick(["the time left in the tab title", "the countdown shown in the page title"]));
    if (o.progress) f.push(rng.pick(["a progress bar", "a bar showing the progress of the session"]));
    if (o.custom) f.push(rng.pick(["settings for the work and break length", "inputs to change the durations"]));
    if (o.tabs) f.push(rng.pick(["tabs to switch between work and break", "mode buttons for focus and break"]));
    if (o.toggle) f.push(rng.pick(["one start/pause button", "a single button that starts and pauses"]));
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-skip", requests: ["add a skip button", "let me skip to the next phase"], appliesTo: (o) => !o.skip && extras(o) < MAX_EXTRAS, apply: (o) => ({ ...o, skip: true }) },
    { id: "add-counter", requests: ["count the completed sessions", "add a session counter"], appliesTo: (o) => !o.counter && extras(o) < MAX_EXTRAS, apply: (o) => ({ ...o, counter: true }) },
    { id: "add-progress", requests: ["add a progress bar", "show the progress as a bar"], appliesTo: (o) => !o.progress && extras(o) < MAX_EXTRAS, apply: (o) => ({ ...o, progress: true }) },
    { id: "add-tab-title", requests: ["show the time left in the tab title", "put the countdown in the page title"], appliesTo: (o) => !o.tabTitle && extras(o) < MAX_EXTRAS, apply: (o) => ({ ...o, tabTitle: true }) },
    { id: "add-long-break", requests: ["add a long break after every 4 sessions", "make every fourth break a long one"], appliesTo: (o) => !o.longBreak && extras(o) < MAX_EXTRAS, apply: (o) => ({ ...o, longBreak: true }) },
    { id: "fifty-ten", requests: ["change it to 50 minutes work and 10 minutes break", "use 50/10 instead"], appliesTo: (o) => o.work !== 50, apply: (o) => ({ ...o, work: 50, short: 10, long: 30 }) },
  ],
  async check(app, o) {
    await drive(app, { ...o, work: o.work, short: o.short, long: o.longBreak ? o.long : undefined });
  },
  async requestCheck(app, request) {
    const minutes = (re: RegExp) => {
      const m = re.exec(request);
      return m ? Number(m[1]) : undefined;
    };
    await drive(app, {
      work: minutes(/(\d+) minutes? (work|focus)/i),
      short: minutes(/(\d+) minutes? breaks?\b/i),
      long: minutes(/(\d+) minute long break/i),
      longBreak: /long break/i.test(request),
      counter: /counter|count of/i.test(request),
      skip: /skip/i.test(request),
      tabTitle: /tab title|page title/i.test(request),
      progress: /progress/i.test(request),
      custom: /settings|durations/i.test(request),
      tabs: /tabs|mode buttons/i.test(request),
    });
  },
});

/** Minutes of work, of a short break and of a long break are optional: a request may not say them. */
type Wants = Partial<Pick<PomodoroOptions, "work" | "short" | "long">> &
  Pick<PomodoroOptions, "longBreak" | "counter" | "skip" | "tabTitle" | "progress" | "custom" | "tabs">;

const minutesShown = (minutes: number) => new RegExp(`^0?${minutes}:00$`);

/** Run a session like a user (start, pause, reset, and each wanted feature); the time must count down. */
async function drive({ frame }: AppUnderTest, want: Wants): Promise<void> {
  const expectAt = async (minutes: number | undefined, what: string) => {
    const t = await eventually(async () => {
      const t = await shownTime(frame);
      return (minutes === undefined ? /^\d+:00$/ : minutesShown(minutes)).test(t) ? t : undefined;
    }, "").catch(async () => {
      throw new Error(`${what}: the timer shows "${await shownTime(frame)}", not ${minutes ?? "whole minutes"}`);
    });
    return t;
  };
  const otherNumbers = async () => numbers((await timeText(frame)).replace(new RegExp(TIME.source, "g"), " ")).join();
  let work = await expectAt(want.work, "at first");
  if (want.custom) {
    // 17 minutes: unlike any work or break time, so that every change shows.
    const workField = labelled(frame, /work|focus/i);
    await workField.fill("17");
    await workField.press("Tab");
    work = await expectAt(17, "after setting the work time to 17");
  }
  const looked = await looks(frame);
  await button(frame, /start/i).click();
  const running = await timeChanges(frame, work, "the timer does not run after Start");
  if (!(seconds(running) < seconds(work))) throw new Error(`after Start the timer shows ${running}, counting up from ${work}`);
  if (want.progress && (await looks(frame)) === looked) throw new Error("no progress bar moves while the timer runs");
  if (want.tabTitle && !TIME.test(await frame.title())) throw new Error(`the tab title "${await frame.title()}" shows no time`);
  await button(frame, /pause|stop/i).click();
  await timeStays(frame, "the timer still runs after Pause", 1200);
  await button(frame, /reset/i).click();
  await expectAt(Number(work.split(":")[0]), "after Reset");
  if (want.skip) {
    const count = await otherNumbers();
    const skip = button(frame, /skip|next/i);
    await skip.click();
    const rest = await timeChanges(frame, work, "Skip does not move on to a break");
    if (want.short !== undefined) await expectAt(want.short, "after Skip");
    if (want.counter && (await otherNumbers()) === count) throw new Error("the session counter does not count a finished session");
    if (want.longBreak) {
      for (let i = 0; i < 6; i++) await skip.click();
      if (want.long !== undefined) await expectAt(want.long, "after the fourth session");
      else if ((await shownTime(frame)) === rest) throw new Error("the fourth break is not a long one");
    }
  }
  if (want.tabs) {
    await button(frame, /break|^rest$/i).click();
    await (want.short !== undefined ? expectAt(want.short, "after the break tab") : timeChanges(frame, work, "the break tab does not change the timer"));
    await button(frame, /work|focus|pomodoro/i).click();
    await expectAt(Number(work.split(":")[0]), "after the work tab");
  }
}
