// Typing speed test: type a passage (or a list of words) and see words per minute.
import { esc, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import type { Frame } from "playwright-core";
import { button, eventually, looks, newLines, REACT_MS, textChanges, textField, visibleText } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

interface TypingOptions {
  theme: Theme;
  title: string;
  mode: "passage" | "words";
  texts: string[];
  pool: string[];
  count: number;
  limit: 0 | 15 | 30 | 60;
  accuracy: boolean;
  restart: boolean;
  live: boolean;
  highlight: boolean;
  build: "html" | "dom";
  field: "input" | "textarea";
  layout: "card" | "plain" | "top";
}

const PASSAGES = [
  "The quick brown fox jumps over the lazy dog near the quiet river bank.",
  "Practice makes progress, so keep your eyes on the screen and type steadily.",
  "Small habits repeated every day can turn into big results over time.",
  "A good keyboard and a calm mind are all you need to type fast.",
  "Coding is like writing a story where every word must be exact.",
  "Rain on the window made the afternoon feel slow and peaceful.",
  "She packed a map, a lamp and some bread for the long walk home.",
  "Typing well is a skill that grows a little with every single line.",
];

const POOL = ["time", "code", "fast", "word", "type", "key", "light", "river", "house", "green", "apple", "music", "cloud", "paper", "stone", "happy", "quick", "smile", "dream", "plant", "water", "chair", "train", "bread", "night", "ocean"];

function css(o: TypingOptions): string {
  const app =
    o.layout === "card"
      ? `.app{max-width:640px;margin:40px auto;padding:24px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius)}`
      : o.layout === "top"
        ? `.app{max-width:720px;margin:0 auto;padding:20px}\n.stats{order:-1}`
        : `.app{max-width:680px;margin:24px auto;padding:0 16px}`;
  return `${app}
.app{display:flex;flex-direction:column;gap:14px}
h1{margin:0;font-size:24px}
#text{font-size:20px;line-height:1.6;padding:12px;background:var(--bg);border:1px solid var(--border);border-radius:var(--radius)}
#input{font:inherit;font-size:18px;padding:10px;border:1px solid var(--border);border-radius:var(--radius);background:var(--surface);color:var(--text)}
.stats{display:flex;gap:20px;align-items:center;color:var(--muted)}
.stats b{color:var(--text);font-size:20px}
${o.mode === "words" ? `.cur{background:var(--accent);color:var(--accent-text);border-radius:3px}\n.done{color:var(--muted)}` : `.cur{border-bottom:2px solid var(--accent)}`}${o.highlight ? `\n.ok{color:#16a34a}\n.bad{color:#dc2626;text-decoration:underline}` : ""}
#msg{font-weight:bold;color:var(--accent);min-height:20px}${o.restart ? `\n#restart{align-self:flex-start;padding:8px 16px;border:0;border-radius:var(--radius);background:var(--accent);color:var(--accent-text)}` : ""}`;
}

function body(o: TypingOptions): string {
  const stats = [
    `<span>WPM <b id="wpm">0</b></span>`,
    o.accuracy ? `<span>Accuracy <b id="acc">100</b>%</span>` : "",
    o.limit ? `<span>Time <b id="time">${o.limit}</b>s</span>` : "",
  ].join("");
  const field =
    o.field === "textarea"
      ? `<textarea id="input" rows="3" placeholder="Start typing here..."></textarea>`
      : `<input id="input" type="text" autocomplete="off" placeholder="${o.mode === "words" ? "Type each word, then space" : "Start typing..."}">`;
  return `<main class="app">
<h1>${esc(o.title)}</h1>
<div id="text"></div>
${field}
<div class="stats">${stats}</div>
<p id="msg"></p>${o.restart ? `\n<button id="restart">Restart</button>` : ""}
</main>`;
}

function spansCode(o: TypingOptions, items: string, joiner: string): string {
  if (o.build === "html") return `  textEl.innerHTML = ${items}.map((c) => "<span>" + c + "</span>").join(${joiner});\n  spans = textEl.querySelectorAll("span");`;
  return `  textEl.innerHTML = "";
  spans = ${items}.map((c, i) => {
    const s = document.createElement("span");
    s.textContent = c;
    textEl.append(${joiner === `""` ? "s" : `i ? " " : "", s`});
    return s;
  });`;
}

function script(o: TypingOptions): string {
  const passage = o.mode === "passage";
  const head = passage
    ? `const texts = ${JSON.stringify(o.texts)};`
    : `const pool = ${JSON.stringify(o.pool)};`;
  const state = passage ? `let text, spans, start, timer${o.limit ? ", left" : ""};` : `let words, spans, pos, correct, start, timer${o.limit ? ", left" : ""};`;
  const reset = passage
    ? `  text = texts[Math.floor(Math.random() * texts.length)];
${spansCode(o, `text.split("")`, `""`)}
  spans[0].className = "cur";`
    : `  words = Array.from({ length: ${o.count} }, () => pool[Math.floor(Math.random() * pool.length)]);
${spansCode(o, "words", `" "`)}
  pos = 0;
  correct = 0;
  spans[0].className = "cur";`;
  const stats = passage
    ? `function stats() {
  const typed = input.value;
  let ok = 0;
  for (let i = 0; i < typed.length; i++) if (typed[i] === text[i]) ok++;
  const mins = Math.max(Date.now() - start, 1000) / 60000;
  wpmEl.textContent = Math.round(ok / 5 / mins);${o.accuracy ? `\n  accEl.textContent = typed.length ? Math.round((ok / typed.length) * 100) : 100;` : ""}
}`
    : `function stats() {
  const mins = Math.max(Date.now() - start, 1000) / 60000;
  wpmEl.textContent = Math.round(correct / mins);${o.accuracy ? `\n  accEl.textContent = pos ? Math.round((correct / pos) * 100) : 100;` : ""}
}`;
  const onInput = passage
    ? `  const typed = input.value;
  spans.forEach((s, i) => {
    s.className = i === typed.length ? "cur" : ${o.highlight ? `i > typed.length ? "" : typed[i] === text[i] ? "ok" : "bad"` : `""`};
  });${o.live ? "\n  stats();" : ""}
  if (typed.length >= text.length) finish();`
    : `  if (!input.value.endsWith(" ")) return;
  const w = input.value.trim();
  input.value = "";
  if (!w) return;
  const good = w === words[pos];
  if (good) correct++;
  spans[pos].className = ${o.highlight ? `good ? "ok" : "bad"` : `"done"`};
  pos++;${o.live ? "\n  stats();" : ""}
  if (pos === words.length) finish();
  else spans[pos].className = "cur";`;
  return `${head}
const textEl = document.getElementById("text");
const input = document.getElementById("input");
const wpmEl = document.getElementById("wpm");${o.accuracy ? `\nconst accEl = document.getElementById("acc");` : ""}${o.limit ? `\nconst timeEl = document.getElementById("time");` : ""}
const msg = document.getElementById("msg");
${state}
function reset() {
${reset}
  input.value = "";
  input.disabled = false;
  start = 0;${o.limit ? `\n  clearInterval(timer);\n  left = ${o.limit};\n  timeEl.textContent = left;` : ""}
  wpmEl.textContent = 0;${o.accuracy ? `\n  accEl.textContent = 100;` : ""}
  msg.textContent = "";
  input.focus();
}
${stats}
function finish() {${o.limit ? `\n  clearInterval(timer);` : ""}
  input.disabled = true;
  stats();
  msg.textContent = "Finished! " + wpmEl.textContent + " words per minute";
}
input.addEventListener("input", () => {
  if (!start) {
    start = Date.now();${o.limit ? `\n    timer = setInterval(() => {\n      timeEl.textContent = --left;\n      if (left <= 0) finish();\n    }, 1000);` : ""}
  }
${onInput}
});${o.restart ? `\ndocument.getElementById("restart").addEventListener("click", reset);` : ""}
reset();`;
}

export const typing = defineFamily<TypingOptions>({
  name: "typing",
  options(rng) {
    const mode = rng.pick(["passage", "words"] as const);
    return {
      theme: randomTheme(rng),
      title: rng.pick(["Typing Test", "Typing Speed Test", "WPM Test", "How Fast Can You Type?", "Speed Typing", "Type Racer"]),
      mode,
      texts: rng.sample(PASSAGES, rng.int(2, 4)),
      pool: rng.sample(POOL, rng.int(12, 20)),
      count: rng.pick([10, 12, 15, 20]),
      limit: rng.pick([0, 0, 15, 30, 60] as const),
      accuracy: rng.chance(0.55),
      restart: rng.chance(0.55),
      live: rng.chance(0.5),
      highlight: rng.chance(0.55),
      build: rng.pick(["html", "dom"] as const),
      field: mode === "words" ? "input" : rng.pick(["input", "textarea"] as const),
      layout: rng.pick(["card", "plain", "top"] as const),
    };
  },
  render(o) {
    return page({ title: o.title, theme: o.theme, css: css(o), body: body(o), script: script(o) });
  },
  features(o) {
    return [
      `mode:${o.mode}`,
      ...(o.limit ? ["timed"] : []),
      ...(o.accuracy ? ["accuracy"] : []),
      ...(o.restart ? ["restart"] : []),
      ...(o.live ? ["live"] : []),
      ...(o.highlight ? ["highlight"] : []),
    ];
  },
  request(o, rng) {
    const subject = rng.pick(["a typing speed test", "a typing test that shows words per minute", "a WPM typing test", "a typing speed game", "an app to test how fast I type"]);
    const f: string[] = [];
    if (o.mode === "words" && rng.chance(0.7)) f.push(rng.pick(["random words to type", `a list of ${o.count} random words`]));
    if (o.mode === "passage" && rng.chance(0.7)) f.push(rng.pick(["a sentence to type", "a short passage to copy", "random sample sentences"]));
    if (o.limit) f.push(rng.pick([`a ${o.limit} second timer`, `a ${o.limit}s countdown`, `a time limit of ${o.limit} seconds`]));
    if (o.accuracy) f.push(rng.pick(["accuracy", "an accuracy percentage", "accuracy in percent"]));
    if (o.restart) f.push(rng.pick(["a restart button", "a button to try again"]));
    if (o.live) f.push(rng.pick(["live WPM while typing", "a WPM counter that updates as I type"]));
    if (o.highlight) f.push(rng.pick(["mistakes highlighted in red", o.mode === "words" ? "correct and wrong words colored" : "correct and wrong letters colored"]));
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-accuracy", requests: ["show accuracy too", "add an accuracy percentage"], appliesTo: (o) => !o.accuracy, apply: (o) => ({ ...o, accuracy: true }) },
    { id: "add-restart", requests: ["add a restart button", "let me try again"], appliesTo: (o) => !o.restart, apply: (o) => ({ ...o, restart: true }) },
    { id: "add-timer", requests: ["add a 30 second time limit", "make it a 30 second test"], appliesTo: (o) => !o.limit, apply: (o) => ({ ...o, limit: 30 }) },
    { id: "add-live", requests: ["update the WPM while I type", "show live words per minute"], appliesTo: (o) => !o.live, apply: (o) => ({ ...o, live: true }) },
    { id: "add-highlight", requests: ["highlight my mistakes", "color mistakes in red"], appliesTo: (o) => !o.highlight, apply: (o) => ({ ...o, highlight: true }) },
  ],
  async check(app, o) {
    await drive(app, { timer: o.limit > 0, accuracy: o.accuracy, restart: o.restart, live: o.live, highlight: o.highlight });
  },
  async requestCheck(app, request) {
    await drive(app, {
      timer: /timer|countdown|time limit/i.test(request),
      accuracy: /accuracy/i.test(request),
      restart: /restart|try again/i.test(request),
      live: /live|updates as i type/i.test(request),
      highlight: /mistake|highlight|colou?red/i.test(request),
    });
  },
});

type Wants = Record<"timer" | "accuracy" | "restart" | "live" | "highlight", boolean>;

const WPM = /wpm\D{0,12}(\d+)|(\d+)\s*(wpm|words per minute)/i;

/** The text to type: the longest one-line text outside the form controls. */
function target(frame: Frame): Promise<string> {
  return frame.evaluate(() =>
    Array.from(document.querySelectorAll("body *"))
      .filter((e) => !e.querySelector("input, textarea, button, select") && !["INPUT", "TEXTAREA", "BUTTON", "SCRIPT", "STYLE"].includes(e.tagName))
      .map((e) => (e as HTMLElement).innerText.trim())
      .filter((t) => !t.includes("\n") && t.split(/\s+/).length >= 4)
      .reduce((a, b) => (b.length > a.length ? b : a), "")
      .replace(/\s+/g, " "),
  );
}

/** Take the test like a user: type the text shown (word by word where the field clears); the speed must show. */
async function drive({ frame }: AppUnderTest, want: Wants): Promise<void> {
  const text = await target(frame);
  if (!text) throw new Error("no text to type");
  const field = textField(frame);
  const words = text.split(" ");
  const looked = await looks(frame);
  let next = 0;
  if (want.highlight) {
    // A wrong letter must be marked; apps that judge whole words mark it once the word ends (which uses up a word).
    const marked = (ms: number) => eventually(async () => ((await looks(frame)) !== looked) || undefined, "a typing mistake is not marked", ms);
    await field.pressSequentially("#");
    await marked(800).catch(async () => {
      await field.press(" ");
      next = 1;
      await marked(REACT_MS);
    });
    await field.fill("");
  }
  const started = await visibleText(frame);
  await field.pressSequentially(`${words[next++]} `);
  if (want.live) await eventually(async () => Number(WPM.exec(await visibleText(frame))?.slice(1, 3).find(Boolean) ?? 0) > 0 || undefined, "the WPM does not update while typing");
  if (want.timer) await textChanges(frame, started, "no timer runs while typing");
  // A field cleared after a word takes the text word by word (until the test ends).
  if ((await field.inputValue()) === "") for (const w of words.slice(next)) await ((await field.isEditable()) && field.fill(`${w} `));
  else await field.fill(text);
  // The test ends: the field locks, or a result shows.
  await eventually(
    async () => !(await field.isEditable()) || newLines(started, await visibleText(frame)).some((l) => /words per minute|finish|result|complete|done|your speed/i.test(l)) || undefined,
    "typing the whole text does not end the test",
  );
  const result = await eventually(async () => {
    const m = WPM.exec(await visibleText(frame));
    return m && Number(m[1] ?? m[2]) > 0 ? m[0] : undefined;
  }, "typing the whole text shows no words per minute");
  if (want.accuracy && !/\d+(\.\d+)? ?%/.test(await visibleText(frame))) throw new Error(`no accuracy shown with ${result}`);
  if (want.restart) {
    await button(frame, /restart|try again|reset|again/i).click();
    await eventually(async () => ((await field.isEnabled()) && (await field.inputValue()) === "") || undefined, "restart does not reset the test");
  }
}
