// A simulated chat: the user types, a bot answers after a short delay.
import { esc, jsStr, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import type { Frame } from "playwright-core";
import { button, eventually, newLines, recordText, textField, until, visibleText } from "../tolerant.ts";
import { defineFamily } from "../types.ts";

interface ChatOptions {
  theme: Theme;
  title: string;
  bot: string;
  replies: "echo" | "keywords" | "random";
  delayMs: number;
  timestamps: boolean;
  typing: boolean;
  clear: boolean;
  layout: "full" | "card";
  style: "functions" | "class";
  placeholder: string;
}

const RANDOM_REPLIES = [
  ["Interesting, tell me more.", "I see what you mean.", "Ha, good one!", "Why do you think so?", "That makes sense."],
  ["Sounds great!", "Hmm, let me think.", "Really?", "Nice!", "Okay, got it."],
  ["I hear you.", "Could you explain?", "That is cool.", "Go on...", "Tell me why."],
];

function replyCode(o: ChatOptions, random: string[]): string {
  if (o.replies === "echo") return `function reply(text) {\n  return "You said: " + text;\n}`;
  if (o.replies === "random")
    return `const replies = ${JSON.stringify(random)};\nfunction reply(text) {\n  return replies[Math.floor(Math.random() * replies.length)];\n}`;
  return `function reply(text) {
  const t = text.toLowerCase();
  if (t.includes("hello") || t.includes("hi")) return "Hello! How are you?";
  if (t.includes("name")) return ${jsStr(`My name is ${o.bot}.`)};
  if (t.includes("help")) return "Sure, what do you need?";
  if (t.includes("bye")) return "Goodbye! Talk soon.";
  return "I am not sure I understand, but tell me more.";
}`;
}

function css(o: ChatOptions): string {
  const shell =
    o.layout === "full"
      ? `.chat{display:flex;flex-direction:column;height:100vh}`
      : `.chat{display:flex;flex-direction:column;height:90vh;max-width:480px;margin:5vh auto;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius)}`;
  return `${shell}
header{padding:12px 16px;border-bottom:1px solid var(--border);display:flex;justify-content:space-between;align-items:center}
h1{font-size:18px;margin:0}
#log{flex:1;overflow-y:auto;padding:16px;display:flex;flex-direction:column;gap:8px}
.msg{max-width:75%;padding:8px 12px;border-radius:var(--radius);line-height:1.4}
.user{align-self:flex-end;background:var(--accent);color:var(--accent-text)}
.bot{align-self:flex-start;background:var(--surface);border:1px solid var(--border)}${o.timestamps ? `\n.time{display:block;font-size:11px;opacity:.7;margin-top:2px}` : ""}${o.typing ? `\n.typing{color:var(--muted);font-style:italic;padding:0 16px 8px}` : ""}
form{display:flex;gap:8px;padding:12px;border-top:1px solid var(--border)}
input{flex:1;padding:10px;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text)}
button{padding:10px 16px;border:0;border-radius:var(--radius);background:var(--accent);color:var(--accent-text)}`;
}

function body(o: ChatOptions): string {
  return `<div class="chat">
<header><h1>${esc(o.title)}</h1>${o.clear ? `<button id="clear" type="button">Clear</button>` : ""}</header>
<div id="log"></div>${o.typing ? `\n<div id="typing" class="typing" hidden>${esc(o.bot)} is typing...</div>` : ""}
<form id="form">
<input id="text" type="text" placeholder="${esc(o.placeholder)}" autocomplete="off">
<button type="submit">Send</button>
</form>
</div>`;
}

function scriptFunctions(o: ChatOptions, random: string[]): string {
  const time = o.timestamps
    ? `\n  const time = document.createElement("span");\n  time.className = "time";\n  time.textContent = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });\n  div.appendChild(time);`
    : "";
  return `const log = document.getElementById("log");
const form = document.getElementById("form");
const input = document.getElementById("text");${o.typing ? `\nconst typing = document.getElementById("typing");` : ""}
${replyCode(o, random)}
function addMessage(text, who) {
  const div = document.createElement("div");
  div.className = "msg " + who;
  div.textContent = text;${time}
  log.appendChild(div);
  log.scrollTop = log.scrollHeight;
}
form.addEventListener("submit", function (e) {
  e.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  addMessage(text, "user");
  input.value = "";${o.typing ? `\n  typing.hidden = false;` : ""}
  setTimeout(function () {${o.typing ? `\n    typing.hidden = true;` : ""}
    addMessage(reply(text), "bot");
  }, ${o.delayMs});
});${o.clear ? `\ndocument.getElementById("clear").addEventListener("click", function () {\n  log.innerHTML = "";\n});` : ""}
addMessage(${jsStr(`Hi, I am ${o.bot}. Say something!`)}, "bot");`;
}

function scriptClass(o: ChatOptions, random: string[]): string {
  const time = o.timestamps
    ? `\n    const time = document.createElement("span");\n    time.className = "time";\n    time.textContent = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });\n    div.appendChild(time);`
    : "";
  return `${replyCode(o, random)}
class Chat {
  constructor() {
    this.log = document.getElementById("log");
    this.input = document.getElementById("text");${o.typing ? `\n    this.typing = document.getElementById("typing");` : ""}
    document.getElementById("form").addEventListener("submit", (e) => this.send(e));${o.clear ? `\n    document.getElementById("clear").addEventListener("click", () => this.clear());` : ""}
  }
  add(text, who) {
    const div = document.createElement("div");
    div.className = "msg " + who;
    div.textContent = text;${time}
    this.log.appendChild(div);
    this.log.scrollTop = this.log.scrollHeight;
  }
  send(e) {
    e.preventDefault();
    const text = this.input.value.trim();
    if (!text) return;
    this.add(text, "user");
    this.input.value = "";${o.typing ? `\n    this.typing.hidden = false;` : ""}
    setTimeout(() => {${o.typing ? `\n      this.typing.hidden = true;` : ""}
      this.add(reply(text), "bot");
    }, ${o.delayMs});
  }${o.clear ? `\n  clear() {\n    this.log.innerHTML = "";\n  }` : ""}
}
const chat = new Chat();
chat.add(${jsStr(`Hi, I am ${o.bot}. Say something!`)}, "bot");`;
}

export const chat = defineFamily<ChatOptions>({
  name: "chat",
  options(rng) {
    return {
      theme: randomTheme(rng),
      title: rng.pick(["Chat", "Simulated Chat", "Messenger", "Chat Room", "Support Chat", "Bot Chat"]),
      bot: rng.pick(["Echo Bot", "Ava", "Max", "Helper", "Buddy", "Robo", "Sunny", "Pixel", "Nova"]),
      replies: rng.pick(["echo", "keywords", "random"] as const),
      delayMs: rng.int(4, 12) * 100,
      timestamps: rng.chance(0.5),
      typing: rng.chance(0.5),
      clear: rng.chance(0.4),
      layout: rng.pick(["full", "card"] as const),
      style: rng.pick(["functions", "class"] as const),
      placeholder: rng.pick(["Type a message...", "Say something", "Message", "Write here..."]),
    };
  },
  render(o) {
    const random = RANDOM_REPLIES[o.bot.length % RANDOM_REPLIES.length];
    return page({
      title: o.title,
      theme: o.theme,
      css: css(o),
      body: body(o),
      script: o.style === "class" ? scriptClass(o, random) : scriptFunctions(o, random),
    });
  },
  features(o) {
    return [
      `replies:${o.replies}`,
      ...(o.timestamps ? ["timestamps"] : []),
      ...(o.typing ? ["typing"] : []),
      ...(o.clear ? ["clear"] : []),
    ];
  },
  request(o, rng) {
    const subject = rng.pick(["a simulated chat app", "a chat app", "a fake chat", "a chatbot page", "a simple messenger", "a chat interface for talking to a bot"]);
    const f: string[] = [];
    if (o.replies === "echo") f.push(rng.pick(["a bot that echoes my messages", "echo replies"]));
    if (o.replies === "keywords") f.push(rng.pick(["a bot that answers hello and help", "keyword based bot replies"]));
    if (o.replies === "random") f.push(rng.pick(["random bot replies", "a bot that answers with random phrases"]));
    if (o.timestamps) f.push(rng.pick(["timestamps", "the time on each message"]));
    if (o.typing) f.push(rng.pick(["a typing indicator", "a 'bot is typing' message"]));
    if (o.clear) f.push(rng.pick(["a clear button", "a button to clear the chat"]));
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-timestamps", requests: ["add timestamps to the messages", "show the time on each message"], appliesTo: (o) => !o.timestamps, apply: (o) => ({ ...o, timestamps: true }) },
    { id: "add-typing", requests: ["add a typing indicator", "show that the bot is typing"], appliesTo: (o) => !o.typing, apply: (o) => ({ ...o, typing: true }) },
    { id: "add-clear", requests: ["add a clear button", "let me clear the chat"], appliesTo: (o) => !o.clear, apply: (o) => ({ ...o, clear: true }) },
    { id: "echo-bot", requests: ["make the bot repeat what I say", "make it an echo bot"], appliesTo: (o) => o.replies !== "echo", apply: (o) => ({ ...o, replies: "echo" }) },
  ],
  async check({ frame }, o) {
    const reply = await send(frame, "hello there", o.delayMs + 5000);
    if (o.replies === "echo" && !reply.some((l) => l.includes("hello there"))) throw new Error(`echo bot replied "${reply.join(" ")}"`);
  },
  async requestCheck({ frame }, request) {
    const typing = /typing/i.test(request);
    const reply = await send(frame, "hello there", 8000, typing);
    if (/echo|repeat/i.test(request) && !reply.some((l) => l.includes("hello there"))) throw new Error(`the echo bot replied "${reply.join(" ")}"`);
    if (/timestamp|time on each/i.test(request) && !/\d{1,2}:\d{2}/.test(await visibleText(frame))) throw new Error("the messages show no time");
    if (/clear/i.test(request)) {
      await button(frame, /clear|reset/i).click();
      await until(frame, () => !document.body.innerText.includes("hello there"), null, "the clear button does not clear the chat");
    }
  },
});

/** A line that is only a time ("10:42", "10:42 AM"). */
const TIME_ONLY = /^\s*\d{1,2}:\d{2}(:\d{2})?\s*([ap]\.?m\.?)?\s*$/i;
/** A typing indicator: "Bot is typing..." or just dots. */
const INDICATOR = /typing|^\s*(\.{2,}|\u2026)\s*$/i;

/**
 * Send `text` from the message field (Enter, else the send button) and wait for the
 * reply: the new lines of text other than the message itself, a typing indicator or a
 * bare time. With `typing`, a typing indicator must show while the reply is on its way.
 */
async function send(frame: Frame, text: string, replyMs: number, typing = false): Promise<string[]> {
  const before = await visibleText(frame);
  const recorded = typing ? await recordText(frame) : null;
  const field = textField(frame);
  await field.fill(text);
  await field.press("Enter");
  const shown = (t: string) => document.body.innerText.includes(t);
  await until(frame, shown, text, "").catch(async () => {
    await button(frame, /send|submit/i).click();
    await until(frame, shown, text, `the message "${text}" is not shown after sending it`);
  });
  const reply = await eventually(async () => {
    const lines = newLines(before, await visibleText(frame));
    const own = lines.findIndex((l) => l.includes(text));
    if (own >= 0) lines.splice(own, 1);
    const said = lines.filter((l) => !INDICATOR.test(l) && !TIME_ONLY.test(l));
    return said.length ? said : undefined;
  }, `no reply to "${text}"`, replyMs);
  if (recorded) {
    const [start, ...later] = await recorded();
    if (!later.some((t) => newLines(start, t).some((l) => INDICATOR.test(l)))) throw new Error("no typing indicator while the bot answers");
  }
  return reply;
}
