// A digital clock with the date, and optional 12/24-hour switch, greeting and world times.
import { esc, jsStr, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import type { Rng } from "../rng.ts";
import { randomTheme, type Theme } from "../theme.ts";
import { shownTime, timeChanges, timeText } from "../timer-steps.ts";
import { button, visibleText } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

interface ClockOptions {
  theme: Theme;
  title: string;
  hour12: boolean;
  seconds: boolean;
  date: "long" | "medium" | "iso";
  toggle: boolean;
  greeting: boolean;
  zones: [string, string][];
  showZone: boolean;
  display: "text" | "segments";
  formatting: "intl" | "manual";
  tick: "interval" | "timeout";
  layout: "center" | "card" | "banner";
  style: "functions" | "class";
  size: number;
}

const CITIES: [string, string][] = [
  ["London", "Europe/London"],
  ["New York", "America/New_York"],
  ["Tokyo", "Asia/Tokyo"],
  ["Sydney", "Australia/Sydney"],
  ["Paris", "Europe/Paris"],
  ["Dubai", "Asia/Dubai"],
  ["Los Angeles", "America/Los_Angeles"],
  ["Singapore", "Asia/Singapore"],
];

function timeCode(o: ClockOptions): string {
  const arg = o.toggle ? "d, use12" : "d";
  if (o.formatting === "intl") {
    const h12 = o.toggle ? `use12 ? "h12" : "h23"` : jsStr(o.hour12 ? "h12" : "h23");
    return `function formatTime(${arg}) {\n  return d.toLocaleTimeString("en-US", { hour: "2-digit", minute: "2-digit",${o.seconds ? ` second: "2-digit",` : ""} hourCycle: ${h12} });\n}`;
  }
  const m = `pad(d.getMinutes())${o.seconds ? ` + ":" + pad(d.getSeconds())` : ""}`;
  const twelve = `(d.getHours() % 12 || 12) + ":" + m + (d.getHours() < 12 ? " AM" : " PM")`;
  const body = o.toggle
    ? `  if (use12) return ${twelve};\n  return pad(d.getHours()) + ":" + m;`
    : o.hour12
      ? `  return ${twelve};`
      : `  return pad(d.getHours()) + ":" + m;`;
  return `function pad(n) {\n  return String(n).padStart(2, "0");\n}\nfunction formatTime(${arg}) {\n  const m = ${m};\n${body}\n}`;
}

function dateCode(o: ClockOptions): string {
  if (!o.date) return "";
  if (o.date === "iso") {
    const pad = o.formatting === "manual" ? "" : `function pad(n) {\n  return String(n).padStart(2, "0");\n}\n`;
    return `${pad}function formatDate(d) {\n  return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());\n}`;
  }
  if (o.formatting === "intl") {
    const opts = o.date === "long" ? `{ weekday: "long", year: "numeric", month: "long", day: "numeric" }` : `{ weekday: "short", day: "numeric", month: "short", year: "numeric" }`;
    return `function formatDate(d) {\n  return d.toLocaleDateString(${o.date === "long" ? `"en-US"` : `"en-GB"`}, ${opts});\n}`;
  }
  if (o.date === "long")
    return `const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];\nconst MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];\nfunction formatDate(d) {\n  return DAYS[d.getDay()] + ", " + MONTHS[d.getMonth()] + " " + d.getDate() + ", " + d.getFullYear();\n}`;
  return `const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];\nconst MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];\nfunction formatDate(d) {\n  return DAYS[d.getDay()] + " " + d.getDate() + " " + MONTHS[d.getMonth()] + " " + d.getFullYear();\n}`;
}

const GREETING = `function greeting(h) {\n  if (h < 12) return "Good morning";\n  if (h < 18) return "Good afternoon";\n  return "Good evening";\n}`;

function zonesCode(o: ClockOptions): string {
  if (!o.zones.length) return "";
  return `const ZONES = [\n${o.zones.map(([city, tz]) => `  { city: ${jsStr(city)}, tz: ${jsStr(tz)} }`).join(",\n")}\n];\nfunction zoneTime(d, tz) {\n  return d.toLocaleTimeString("en-US", { timeZone: tz, hour: "2-digit", minute: "2-digit", hourCycle: ${jsStr(o.hour12 ? "h12" : "h23")} });\n}`;
}

function css(o: ClockOptions): string {
  const shell =
    o.layout === "center"
      ? `.clock{min-height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:8px;padding:24px;text-align:center}`
      : o.layout === "card"
        ? `.clock{max-width:440px;margin:12vh auto;padding:32px 24px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius);text-align:center;box-shadow:0 8px 24px rgba(0,0,0,.08)}`
        : `.clock{padding:40px 24px;background:var(--accent);color:var(--accent-text);text-align:center}\n.clock #date,.clock .greet{color:var(--accent-text);opacity:.85}`;
  return `${shell}
h1{font-size:16px;font-weight:normal;letter-spacing:2px;text-transform:uppercase;margin:0 0 8px;opacity:.7}
#time{font-size:${o.size}px;font-weight:bold;font-variant-numeric:tabular-nums;line-height:1.1}${o.display === "segments" ? `\n.seg{display:inline-block;min-width:1.6em;padding:4px 8px;margin:0 2px;background:var(--surface);color:var(--text);border:1px solid var(--border);border-radius:var(--radius)}\n.sep{opacity:.6}\n#time small{font-size:35%;margin-left:8px}` : ""}${o.showZone ? `\n.zone{font-size:13px;color:var(--muted);margin-top:12px}` : ""}${o.date ? `\n#date{font-size:20px;color:var(--muted);margin-top:8px}` : ""}${o.greeting ? `\n.greet{font-size:18px;color:var(--muted);margin-bottom:4px}` : ""}${o.toggle ? `\n#mode{margin-top:16px;padding:8px 14px;border:1px solid var(--border);border-radius:var(--radius);background:var(--surface);color:var(--text)}` : ""}${o.zones.length ? `\n#zones{display:flex;gap:12px;justify-content:center;flex-wrap:wrap;margin:24px auto 0;padding:0;list-style:none}\n#zones li{padding:10px 14px;border:1px solid var(--border);border-radius:var(--radius);background:var(--surface);color:var(--text);min-width:110px}\n#zones b{display:block;font-size:20px;font-variant-numeric:tabular-nums}` : ""}`;
}

function body(o: ClockOptions): string {
  const inner = [
    `<h1>${esc(o.title)}</h1>`,
    o.greeting ? `<div id="greeting" class="greet"></div>` : "",
    `<div id="time"></div>`,
    o.date ? `<div id="date"></div>` : "",
    o.showZone ? `<div id="zone" class="zone"></div>` : "",
    o.toggle ? `<button id="mode" type="button">${o.hour12 ? "Switch to 24h" : "Switch to 12h"}</button>` : "",
    o.zones.length ? `<ul id="zones"></ul>` : "",
  ].filter(Boolean);
  const clock = `<div class="clock">\n${inner.join("\n")}\n</div>`;
  return o.layout === "banner" && o.zones.length ? `${clock.replace(`\n<ul id="zones"></ul>`, "")}\n<ul id="zones"></ul>` : clock;
}

function scriptFunctions(o: ClockOptions): string {
  const els = [
    `const timeEl = document.getElementById("time");`,
    o.date ? `const dateEl = document.getElementById("date");` : "",
    o.greeting ? `const greetEl = document.getElementById("greeting");` : "",
    o.zones.length ? `const zonesEl = document.getElementById("zones");` : "",
    o.toggle ? `let use12 = ${o.hour12};` : "",
  ].filter(Boolean);
  const update = [
    o.display === "segments"
      ? `  const [hms, ampm] = formatTime(${o.toggle ? "now, use12" : "now"}).split(/\\s/);\n  timeEl.innerHTML = hms.split(":").map(function (p) {\n    return '<span class="seg">' + p + "</span>";\n  }).join('<span class="sep">:</span>') + (ampm ? "<small>" + ampm + "</small>" : "");`
      : `  timeEl.textContent = formatTime(${o.toggle ? "now, use12" : "now"});`,
    o.date ? `  dateEl.textContent = formatDate(now);` : "",
    o.greeting ? `  greetEl.textContent = greeting(now.getHours());` : "",
    o.zones.length ? `  zonesEl.innerHTML = ZONES.map(function (z) {\n    return "<li>" + z.city + "<b>" + zoneTime(now, z.tz) + "</b></li>";\n  }).join("");` : "",
  ].filter(Boolean);
  const loop = o.tick === "interval" ? `update();\nsetInterval(update, 1000);` : `function tick() {\n  update();\n  setTimeout(tick, 1000 - (Date.now() % 1000));\n}\ntick();`;
  const toggle = o.toggle
    ? `\ndocument.getElementById("mode").addEventListener("click", function () {\n  use12 = !use12;\n  this.textContent = use12 ? "Switch to 24h" : "Switch to 12h";\n  update();\n});`
    : "";
  const zone = o.showZone ? `\ndocument.getElementById("zone").textContent = "Time zone: " + Intl.DateTimeFormat().resolvedOptions().timeZone;` : "";
  return [els.join("\n") + zone, timeCode(o), dateCode(o), o.greeting ? GREETING : "", zonesCode(o), `function update() {\n  const now = new Date();\n${update.join("\n")}\n}${toggle}\n${loop}`].filter(Boolean).join("\n");
}

function scriptClass(o: ClockOptions): string {
  const update = [
    o.display === "segments"
      ? `    const [hms, ampm] = formatTime(${o.toggle ? "now, this.use12" : "now"}).split(/\\s/);\n    const segs = hms.split(":").map((p) => \`<span class="seg">\${p}</span>\`);\n    this.time.innerHTML = segs.join('<span class="sep">:</span>') + (ampm ? \`<small>\${ampm}</small>\` : "");`
      : `    this.time.textContent = formatTime(${o.toggle ? "now, this.use12" : "now"});`,
    o.date ? `    this.date.textContent = formatDate(now);` : "",
    o.greeting ? `    this.greet.textContent = greeting(now.getHours());` : "",
    o.zones.length
      ? `    this.zones.replaceChildren(...ZONES.map((z) => {\n      const li = document.createElement("li");\n      const b = document.createElement("b");\n      b.textContent = zoneTime(now, z.tz);\n      li.append(z.city, b);\n      return li;\n    }));`
      : "",
  ].filter(Boolean);
  const ctor = [
    `    this.time = document.getElementById("time");`,
    o.date ? `    this.date = document.getElementById("date");` : "",
    o.greeting ? `    this.greet = document.getElementById("greeting");` : "",
    o.zones.length ? `    this.zones = document.getElementById("zones");` : "",
    o.showZone ? `    document.getElementById("zone").textContent = "Time zone: " + Intl.DateTimeFormat().resolvedOptions().timeZone;` : "",
    o.toggle ? `    this.use12 = ${o.hour12};\n    document.getElementById("mode").addEventListener("click", (e) => {\n      this.use12 = !this.use12;\n      e.target.textContent = this.use12 ? "Switch to 24h" : "Switch to 12h";\n      this.update();\n    });` : "",
  ].filter(Boolean);
  const start = o.tick === "interval" ? `    this.update();\n    setInterval(() => this.update(), 1000);` : `    this.tick();`;
  const tick = o.tick === "timeout" ? `\n  tick() {\n    this.update();\n    setTimeout(() => this.tick(), 1000 - (Date.now() % 1000));\n  }` : "";
  return [
    timeCode(o),
    dateCode(o),
    o.greeting ? GREETING : "",
    zonesCode(o),
    `class Clock {\n  constructor() {\n${ctor.join("\n")}\n${start}\n  }\n  update() {\n    const now = new Date();\n${update.join("\n")}\n  }${tick}\n}\nnew Clock();`,
  ]
    .filter(Boolean)
    .join("\n");
}

/** The optional extras an app has; at most MAX_EXTRAS, so every app stays compact. */
function extras(o: Pick<ClockOptions, "toggle" | "greeting" | "zones" | "showZone">): number {
  return Number(o.toggle) + Number(o.greeting) + Number(o.zones.length > 0) + Number(o.showZone);
}
const MAX_EXTRAS = 2;

function pickZones(rng: Rng): [string, string][] {
  return rng.chance(0.3) ? rng.sample(CITIES, rng.int(2, 4)) : [];
}

export const clock = defineFamily<ClockOptions>({
  name: "clock",
  options(rng) {
    const seconds = rng.chance(0.75);
    const o: ClockOptions = {
      theme: randomTheme(rng),
      title: rng.pick(["Clock", "Digital Clock", "Current Time", "What Time Is It", "Local Time", "Time & Date"]),
      hour12: rng.chance(0.5),
      seconds,
      date: rng.pick(["long", "medium", "iso"] as const),
      toggle: rng.chance(0.3),
      greeting: rng.chance(0.25),
      zones: pickZones(rng),
      showZone: rng.chance(0.25),
      display: rng.pick(["text", "text", "segments"] as const),
      formatting: rng.pick(["intl", "manual"] as const),
      tick: rng.pick(["interval", "timeout"] as const),
      layout: rng.pick(["center", "card", "banner"] as const),
      style: rng.pick(["functions", "class"] as const),
      size: rng.pick([56, 64, 72, 88]),
    };
    for (const k of rng.shuffle(["toggle", "greeting", "zones", "showZone"] as const)) {
      if (extras(o) <= MAX_EXTRAS) break;
      if (k === "zones") o.zones = [];
      else o[k] = false;
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
      o.hour12 ? "12h" : "24h",
      ...(o.seconds ? ["seconds"] : []),
      `date:${o.date}`,
      ...(o.toggle ? ["toggle"] : []),
      ...(o.greeting ? ["greeting"] : []),
      ...(o.zones.length ? ["zones"] : []),
      ...(o.showZone ? ["timezone"] : []),
    ];
  },
  request(o, rng) {
    const subject = o.date
      ? rng.pick(["a digital clock", "a digital clock that shows the time and date", "a clock app", "a clock page showing the date and time", "a simple clock"])
      : rng.pick(["a digital clock", "a clock app", "a simple clock", "a big digital clock"]);
    const f: string[] = [];
    if (rng.chance(0.6)) f.push(o.hour12 ? rng.pick(["12-hour format with AM/PM", "AM/PM time"]) : rng.pick(["24-hour format", "24h time"]));
    if (o.seconds && rng.chance(0.6)) f.push(rng.pick(["seconds", "the seconds ticking"]));
    if (!o.seconds && rng.chance(0.5)) f.push("hours and minutes only");
    if (o.date === "long" && rng.chance(0.5)) f.push(rng.pick(["the full date with the weekday", "the day of the week"]));
    if (o.date === "iso" && rng.chance(0.5)) f.push("the date as YYYY-MM-DD");
    if (o.toggle) f.push(rng.pick(["a button to switch between 12 and 24 hour time", "a 12/24 hour toggle"]));
    if (o.greeting) f.push(rng.pick(["a greeting like good morning", "a good morning/afternoon/evening greeting"]));
    if (o.zones.length) f.push(rng.pick([`the time in ${o.zones.map((z) => z[0]).join(", ")}`, "a few world clocks for other cities"]));
    if (o.showZone) f.push(rng.pick(["my time zone", "the name of the time zone"]));
    if (o.display === "segments" && rng.chance(0.5)) f.push(rng.pick(["each part of the time in its own box", "boxed digits"]));
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-seconds", requests: ["show the seconds too", "add seconds"], appliesTo: (o) => !o.seconds, apply: (o) => ({ ...o, seconds: true }) },
    { id: "use-12h", requests: ["use 12-hour time with AM/PM", "switch to AM/PM format"], appliesTo: (o) => !o.hour12 && !o.toggle, apply: (o) => ({ ...o, hour12: true }) },
    { id: "use-24h", requests: ["use 24-hour time", "no AM/PM, use 24h format"], appliesTo: (o) => o.hour12 && !o.toggle, apply: (o) => ({ ...o, hour12: false }) },
    { id: "add-toggle", requests: ["add a button to switch between 12h and 24h", "let me toggle 12/24 hour format"], appliesTo: (o) => !o.toggle && extras(o) < MAX_EXTRAS, apply: (o) => ({ ...o, toggle: true }) },
    { id: "add-timezone", requests: ["show my time zone", "display the time zone name"], appliesTo: (o) => !o.showZone && extras(o) < MAX_EXTRAS, apply: (o) => ({ ...o, showZone: true }) },
    { id: "add-greeting", requests: ["add a greeting like good morning", "greet me depending on the time of day"], appliesTo: (o) => !o.greeting && extras(o) < MAX_EXTRAS, apply: (o) => ({ ...o, greeting: true }) },
    {
      id: "add-zones",
      requests: ["also show the time in London, New York and Tokyo", "add world clocks for London, New York and Tokyo"],
      appliesTo: (o) => !o.zones.length && extras(o) < MAX_EXTRAS,
      apply: (o) => ({ ...o, zones: CITIES.slice(0, 3) }),
    },
  ],
  async check(app, o) {
    await drive(app, {
      hour12: o.hour12,
      seconds: o.seconds,
      date: true,
      weekday: o.date !== "iso",
      toggle: o.toggle,
      greeting: o.greeting,
      cities: o.zones.map(([city]) => city),
      zoneName: o.showZone,
    });
    if (o.display === "segments" && (await app.frame.locator("#time .seg").count()) !== (o.seconds ? 3 : 2)) throw new Error("the time is not split into boxes");
  },
  async requestCheck(app, request) {
    await drive(app, {
      hour12: /12-hour|am\/pm/i.test(request) ? true : /24/.test(request) && !/12/.test(request) ? false : undefined,
      seconds: /second/i.test(request) ? true : /minutes only/i.test(request) ? false : undefined,
      date: /date/i.test(request),
      weekday: /weekday|day of the week/i.test(request),
      toggle: /12 and 24|12\/24/i.test(request),
      greeting: /greeting|good morning/i.test(request),
      cities: CITIES.map(([city]) => city).filter((c) => request.includes(c)),
      zoneName: /time zone/i.test(request),
    });
  },
});

interface Wants {
  /** 12-hour time with AM/PM (true), 24-hour time (false), or either. */
  hour12?: boolean;
  /** Seconds shown (and ticking), not shown, or either. */
  seconds?: boolean;
  date: boolean;
  weekday: boolean;
  toggle: boolean;
  greeting: boolean;
  /** Cities whose time must show too. */
  cities: string[];
  zoneName: boolean;
}

const CLOCK_TIME = /(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?/;

/** Minutes since midnight of a time (12-hour with AM/PM or 24-hour), checking its format. */
function minutesOf(t: RegExpExecArray, hour12: boolean | undefined, where: string): number[] {
  const h = Number(t[1]);
  if (hour12 === true && !t[4]) throw new Error(`${where} shows "${t[0]}", not 12-hour time with AM/PM`);
  if (hour12 === false && (t[4] || h > 23)) throw new Error(`${where} shows "${t[0]}", not 24-hour time`);
  if (t[4]) return [(h % 12) * 60 + Number(t[2]) + (/p/i.test(t[4]) ? 720 : 0)];
  // Without AM/PM a time may still be a 12-hour one when the format is open.
  return hour12 === false ? [h * 60 + Number(t[2])] : [h * 60 + Number(t[2]), ((h % 12) + 12) * 60 + Number(t[2])];
}

/** Read the clock like a user: it must show the current time (and date, zones, greeting as wanted). */
async function drive({ frame }: AppUnderTest, want: Wants): Promise<void> {
  const now = () => frame.evaluate(() => ({ m: new Date().getHours() * 60 + new Date().getMinutes(), y: new Date().getFullYear(), d: new Date().getDate(), day: new Date().toLocaleDateString("en-US", { weekday: "long" }), month: new Date().toLocaleDateString("en-US", { month: "long" }), tz: Intl.DateTimeFormat().resolvedOptions().timeZone }));
  const near = (a: number, b: number) => Math.min(Math.abs(a - b), 1440 - Math.abs(a - b)) <= 1;
  const expectTime = async (hour12: boolean | undefined) => {
    const t = CLOCK_TIME.exec(await timeText(frame));
    if (!t) throw new Error("the clock shows no time");
    const n = await now();
    if (!minutesOf(t, hour12, "the clock").some((m) => near(m, n.m))) throw new Error(`the clock shows "${t[0]}" at ${Math.floor(n.m / 60)}:${n.m % 60}`);
    if (want.seconds !== undefined && want.seconds !== (t[3] !== undefined)) throw new Error(`the clock shows "${t[0]}" (seconds wanted: ${want.seconds})`);
    return t;
  };
  const first = await expectTime(want.hour12);
  const ticking = await shownTime(frame);
  const n = await now();
  const text = await visibleText(frame);
  if (want.date && !(new RegExp(`(^|\\D)0?${n.d}(\\D|$)`).test(text) && (text.includes(String(n.y)) || text.includes(n.month.slice(0, 3))))) throw new Error("the clock shows no date");
  if (want.weekday && !text.includes(n.day.slice(0, 3))) throw new Error(`the date does not name the weekday (${n.day})`);
  if (want.greeting && !new RegExp(`good ${n.m < 720 ? "morning" : n.m < 1080 ? "afternoon" : "evening"}`, "i").test(text)) throw new Error("no greeting for the time of day");
  if (want.zoneName && !text.includes(n.tz)) throw new Error(`the time zone (${n.tz}) is not named`);
  for (const city of want.cities) {
    const after = (await timeText(frame)).split(city)[1];
    if (after === undefined || !CLOCK_TIME.test(after)) throw new Error(`no time shown for ${city}`);
  }
  if (want.seconds) await timeChanges(frame, ticking, "the seconds do not tick");
  if (want.toggle) {
    const format = (t: RegExpExecArray) => Boolean(t[4]);
    await button(frame, /12|24|format|toggle|switch/i).click();
    const switched = await expectTime(undefined);
    if (format(switched) === format(first)) throw new Error("the 12/24 hour button does not switch the format");
  }
}
