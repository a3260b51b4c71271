// A countdown to a date the user picks: days, hours, minutes (and seconds) left,
// a message when the moment has come, an optional event name and clear button.
import { esc, jsStr, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import { button, eventually, exists, numbers, setField, textChanges, textField, visibleText } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

interface CountdownOptions {
  theme: Theme;
  title: string;
  inputType: "date" | "datetime-local";
  button: string | null;
  name: boolean;
  seconds: boolean;
  display: "boxes" | "text";
  doneText: string;
  clear: boolean;
  tick: "interval" | "timeout";
  layout: "card" | "full" | "top";
  style: "functions" | "class";
}

function units(o: CountdownOptions): [string, string][] {
  const u: [string, string][] = [["days", "Days"], ["hours", "Hours"], ["minutes", "Minutes"]];
  return o.seconds ? [...u, ["seconds", "Seconds"]] : u;
}

function css(o: CountdownOptions): string {
  const shell =
    o.layout === "card"
      ? `.app{max-width:520px;margin:8vh auto;padding:28px 24px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius);text-align:center}`
      : o.layout === "full"
        ? `.app{min-height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center;padding:24px;text-align:center}`
        : `header{background:var(--accent);color:var(--accent-text);padding:14px 20px}\nheader h1{margin:0}\n.app{max-width:560px;margin:0 auto;padding:28px 20px;text-align:center}`;
  return [
    shell,
    `h1{font-size:22px;margin:0 0 16px}`,
    `.form{display:flex;gap:8px;justify-content:center;flex-wrap:wrap;margin-bottom:20px}`,
    `input{padding:8px 10px;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text);font:inherit}`,
    o.button || o.clear ? `.form button{padding:8px 16px;border:0;border-radius:var(--radius);background:var(--accent);color:var(--accent-text)}` : "",
    o.clear ? `.form #clear{background:var(--surface);color:var(--text);border:1px solid var(--border)}` : "",
    o.name ? `#label{font-size:18px;color:var(--muted);margin-bottom:8px}` : "",
    o.display === "boxes"
      ? `#countdown{display:flex;gap:10px;justify-content:center}\n.unit{min-width:80px;padding:12px 8px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius)}\n.unit span{display:block;font-size:36px;font-weight:bold;font-variant-numeric:tabular-nums}\n.unit small{color:var(--muted);text-transform:uppercase;font-size:11px}`
      : `#countdown{font-size:40px;font-weight:bold;font-variant-numeric:tabular-nums}`,
    `#message{margin-top:16px;font-size:18px;color:var(--accent)}`,
  ]
    .filter(Boolean)
    .join("\n");
}

function body(o: CountdownOptions): string {
  const form = [
    `<div class="form">`,
    o.name ? `<input id="name" type="text" placeholder="Event name">` : "",
    `<input id="target" type="${o.inputType}">`,
    o.button ? `<button id="go">${esc(o.button)}</button>` : "",
    o.clear ? `<button id="clear">Clear</button>` : "",
    `</div>`,
  ].filter(Boolean);
  const display =
    o.display === "boxes"
      ? `<div id="countdown">\n${units(o).map(([id, label]) => `<div class="unit"><span id="${id}">0</span><small>${label}</small></div>`).join("\n")}\n</div>`
      : `<div id="countdown">${o.seconds ? "0d 00h 00m 00s" : "0d 00h 00m"}</div>`;
  const main = [...form, o.name ? `<div id="label"></div>` : "", display, `<div id="message">Pick a date to start the countdown.</div>`].filter(Boolean).join("\n");
  return o.layout === "top"
    ? `<header><h1>${esc(o.title)}</h1></header>\n<div class="app">\n${main}\n</div>`
    : `<div class="app">\n<h1>${esc(o.title)}</h1>\n${main}\n</div>`;
}

function showCode(o: CountdownOptions, indent: string, el: (id: string) => string): string {
  const parts = units(o);
  if (o.display === "boxes")
    return parts.map(([id], i) => `${indent}${el(id)}.textContent = ${i === 0 ? "d" : `String(${id[0]}).padStart(2, "0")`};`).join("\n");
  const text = parts.map(([id], i) => (i === 0 ? `d + "d"` : `String(${id[0]}).padStart(2, "0") + "${id[0]}"`)).join(` + " " + `);
  return `${indent}${el("countdown")}.textContent = ${text};`;
}

function parseTarget(o: CountdownOptions, v: string): string {
  return o.inputType === "date" ? `new Date(${v} + "T00:00")` : `new Date(${v})`;
}

function scriptFunctions(o: CountdownOptions): string {
  const el = (id: string) => `document.getElementById("${id}")`;
  const schedule = o.tick === "interval" ? "" : `\n  timer = setTimeout(update, 1000 - (Date.now() % 1000));`;
  const begin = o.tick === "interval" ? `  timer = setInterval(update, 1000);\n  update();` : `  update();`;
  const stop = o.tick === "interval" ? "clearInterval(timer)" : "clearTimeout(timer)";
  const trigger = o.button ? `${el("go")}.addEventListener("click", start);` : `input.addEventListener("change", start);`;
  return [
    `const input = ${el("target")};`,
    `const message = ${el("message")};`,
    `let target = null;`,
    `let timer = null;`,
    `function show(d, h, m${o.seconds ? ", s" : ""}) {\n${showCode(o, "  ", el)}\n}`,
    `function update() {\n  const diff = target - Date.now();\n  if (diff <= 0) {\n    ${stop};\n    show(0, 0, 0${o.seconds ? ", 0" : ""});\n    message.textContent = ${jsStr(o.doneText)};\n    return;\n  }\n  show(Math.floor(diff / 86400000), Math.floor(diff / 3600000) % 24, Math.floor(diff / 60000) % 60${o.seconds ? ", Math.floor(diff / 1000) % 60" : ""});\n  message.textContent = "";${schedule}\n}`,
    `function start() {\n  ${stop};\n  if (!input.value) return;\n  target = ${parseTarget(o, "input.value")};${o.name ? `\n  const name = ${el("name")}.value.trim();\n  ${el("label")}.textContent = name ? "Countdown to " + name : "";` : ""}\n${begin}\n}`,
    trigger,
    o.clear
      ? `${el("clear")}.addEventListener("click", function () {\n  ${stop};\n  input.value = "";${o.name ? `\n  ${el("name")}.value = "";\n  ${el("label")}.textContent = "";` : ""}\n  show(0, 0, 0${o.seconds ? ", 0" : ""});\n  message.textContent = "Pick a date to start the countdown.";\n});`
      : "",
  ]
    .filter(Boolean)
    .join("\n");
}

function scriptClass(o: CountdownOptions): string {
  const stop = o.tick === "interval" ? "clearInterval(this.timer)" : "clearTimeout(this.timer)";
  const zeros = `0, 0, 0${o.seconds ? ", 0" : ""}`;
  const ctor = [
    `    this.input = document.getElementById("target");`,
    `    this.message = document.getElementById("message");`,
    `    this.timer = null;`,
    o.button ? `    document.getElementById("go").addEventListener("click", () => this.start());` : `    this.input.addEventListener("change", () => this.start());`,
    o.clear ? `    document.getElementById("clear").addEventListener("click", () => this.clear());` : "",
  ].filter(Boolean);
  return `class Countdown {
  constructor() {
${ctor.join("\n")}
  }
  show(d, h, m${o.seconds ? ", s" : ""}) {
${showCode(o, "    ", (id) => `document.getElementById("${id}")`)}
  }
  start() {
    ${stop};
    if (!this.input.value) return;
    this.target = ${parseTarget(o, "this.input.value")};${o.name ? `\n    const name = document.getElementById("name").value.trim();\n    document.getElementById("label").textContent = name ? \`Countdown to \${name}\` : "";` : ""}
${o.tick === "interval" ? `    this.timer = setInterval(() => this.update(), 1000);\n` : ""}    this.update();
  }
  update() {
    const diff = this.target - Date.now();
    if (diff <= 0) {
      ${stop};
      this.show(${zeros});
      this.message.textContent = ${jsStr(o.doneText)};
      return;
    }
    const sec = Math.floor(diff / 1000);
    this.show(Math.floor(sec / 86400), Math.floor(sec / 3600) % 24, Math.floor(sec / 60) % 60${o.seconds ? ", sec % 60" : ""});
    this.message.textContent = "";${o.tick === "timeout" ? `\n    this.timer = setTimeout(() => this.update(), 1000 - (Date.now() % 1000));` : ""}
  }${o.clear ? `\n  clear() {\n    ${stop};\n    this.input.value = "";${o.name ? `\n    document.getElementById("name").value = "";\n    document.getElementById("label").textContent = "";` : ""}\n    this.show(${zeros});\n    this.message.textContent = "Pick a date to start the countdown.";\n  }` : ""}
}
new Countdown();`;
}

export const countdown = defineFamily<CountdownOptions>({
  name: "countdown",
  options(rng) {
    return {
      theme: randomTheme(rng),
      title: rng.pick(["Countdown", "Countdown Timer", "Event Countdown", "Days Until", "How Long Until?"]),
      inputType: rng.pick(["date", "datetime-local"] as const),
      button: rng.chance(0.6) ? rng.pick(["Start", "Start Countdown", "Set", "Count Down"]) : null,
      name: rng.chance(0.4),
      seconds: rng.chance(0.75),
      display: rng.pick(["boxes", "text"] as const),
      doneText: rng.pick(["Time's up!", "The day is here!", "Countdown finished!", "It's time!", "The date has arrived!"]),
      clear: rng.chance(0.35),
      tick: rng.pick(["interval", "timeout"] as const),
      layout: rng.pick(["card", "full", "top"] as const),
      style: rng.pick(["functions", "class"] as const),
    };
  },
  render(o) {
    return page({ title: esc(o.title), theme: o.theme, css: css(o), body: body(o), script: o.style === "class" ? scriptClass(o) : scriptFunctions(o) });
  },
  features(o) {
    return [
      o.inputType === "date" ? "date" : "datetime",
      ...(o.name ? ["name"] : []),
      ...(o.seconds ? ["seconds"] : []),
      ...(o.clear ? ["clear"] : []),
      ...(o.button ? ["button"] : []),
    ];
  },
  request(o, rng) {
    const subject = rng.pick(["a countdown timer to a date I pick", "a countdown to a chosen date", "an event countdown", "a countdown app where I pick the date", "a days-until counter"]);
    const f: string[] = [];
    if (o.inputType === "datetime-local" && rng.chance(0.6)) f.push(rng.pick(["a date and time picker", "the option to pick the exact time too"]));
    if (rng.chance(0.5)) f.push(o.seconds ? "days, hours, minutes and seconds left" : "days, hours and minutes left");
    if (o.name) f.push(rng.pick(["a field for the event name", "a name for the event"]));
    if (o.clear) f.push(rng.pick(["a clear button", "a button to reset it"]));
    if (o.button && rng.chance(0.5)) f.push(`a ${o.button.toLowerCase()} button`);
    if (rng.chance(0.4)) f.push(`a message saying "${o.doneText}" when it ends`);
    if (o.display === "boxes" && rng.chance(0.4)) f.push("each unit in its own box");
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-seconds", requests: ["show the seconds too", "add seconds to the countdown"], appliesTo: (o) => !o.seconds, apply: (o) => ({ ...o, seconds: true }) },
    { id: "add-name", requests: ["let me give the event a name", "add a field for the event name"], appliesTo: (o) => !o.name, apply: (o) => ({ ...o, name: true }) },
    { id: "add-clear", requests: ["add a clear button", "add a button to reset the countdown"], appliesTo: (o) => !o.clear, apply: (o) => ({ ...o, clear: true }) },
    { id: "add-time", requests: ["let me pick the time as well, not just the date", "add a time to the date picker"], appliesTo: (o) => o.inputType === "date", apply: (o) => ({ ...o, inputType: "datetime-local" }) },
    { id: "use-boxes", requests: ["show each unit in its own box", "put days, hours, minutes in separate boxes"], appliesTo: (o) => o.display === "text", apply: (o) => ({ ...o, display: "boxes" }) },
  ],
  async check(app, o) {
    await drive(app, { seconds: o.seconds, name: o.name, clear: o.clear, doneText: o.doneText });
  },
  async requestCheck(app, request) {
    await drive(app, {
      seconds: /seconds/i.test(request),
      name: /name/i.test(request),
      clear: /clear|reset/i.test(request),
      doneText: /saying "([^"]+)"/.exec(request)?.[1],
    });
  },
});

interface Wants {
  seconds: boolean;
  name: boolean;
  clear: boolean;
  /** The message when the date has passed, where known. */
  doneText?: string;
}

/** Pick a date like a user; the time left must show (in days and hours), and a past date must end it. */
async function drive({ frame }: AppUnderTest, want: Wants): Promise<void> {
  const input = frame.locator("input[type=date], input[type=datetime-local]").filter({ visible: true }).first();
  const go = button(frame, /^(start|set|go|count|update)\b/i);
  const pick = async (future: boolean) => {
    const type = await input.getAttribute("type");
    // About three days ahead (or years back), in the picker's own format and local time.
    const picked = await frame.evaluate(([type, future]) => {
      const d = new Date(Date.now() + (future ? 3 * 86400000 + 5 * 3600000 + 17 * 60000 : -5 * 365 * 86400000));
      const [mo, da, h, mi] = [d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes()].map((n) => String(n).padStart(2, "0"));
      const day = d.getFullYear() + "-" + mo + "-" + da;
      const value = type === "date" ? day : day + "T" + h + ":" + mi;
      const left = (new Date(type === "date" ? day + "T00:00" : value).getTime() - Date.now()) / 1000;
      return { value, days: Math.floor(left / 86400), hours: Math.floor((left % 86400) / 3600) };
    }, [type, future] as const);
    await setField(input, picked.value);
    if (await exists(go)) await go.click();
    return picked;
  };
  if (want.name) await textField(frame).fill("Summer trip");
  const before = await visibleText(frame);
  const { value, days, hours } = await pick(true);
  const text = await textChanges(frame, before, `picking ${value} shows no countdown`);
  const n = numbers(text);
  if (!n.some((x, i) => x === days && Math.abs(n[i + 1] - hours) <= 1)) throw new Error(`picked ${value}: the countdown reads "${text.replace(/\s+/g, " ")}", not ${days} days and ${hours} hours`);
  if (want.name && !text.includes("Summer trip")) throw new Error("the countdown does not show the event name");
  if (want.seconds) await textChanges(frame, await visibleText(frame), "the countdown does not tick");
  await pick(false);
  // A past date ends the countdown: the message asked for, else some word for it or all zeros.
  const done = want.doneText?.toLowerCase();
  const ended = (t: string) => (done ? t.toLowerCase().includes(done) : /up|done|finish|arrived|passed|over|here|ended|complete|expired|past|it'?s time/i.test(t) || (numbers(t).length > 0 && numbers(t).every((n) => n === 0)));
  await eventually(async () => ended(await visibleText(frame)) || undefined, `a past date does not show ${done ? `"${want.doneText}"` : "that the time is up"}`);
  if (want.clear) {
    await pick(true);
    await button(frame, /clear|reset/i).click();
    if ((await input.inputValue()) !== "") throw new Error("Clear keeps the date");
  }
}
