// A password generator: length and character-type options, with optional copy
// button, strength meter, similar-character filter, one-of-each rule and several
// passwords at once.
import { esc, jsStr, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import { button, eventually, exists, findOutput, labelled, newLines, setField, visibleText } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";
import { expectCopyFeedback } from "../checks.ts";

interface PasswordOptions {
  theme: Theme;
  title: string;
  length: number;
  lengthControl: "range" | "number";
  checked: [boolean, boolean, boolean, boolean];
  symbols: string;
  copy: boolean;
  strength: boolean;
  similar: boolean;
  guarantee: boolean;
  multiple: boolean;
  live: boolean;
  random: "crypto" | "math";
  display: "input" | "text";
  layout: "card" | "full";
  style: "functions" | "class";
}

const TYPES = [
  { id: "upper", label: "Uppercase (A-Z)", chars: "ABCDEFGHIJKLMNOPQRSTUVWXYZ" },
  { id: "lower", label: "Lowercase (a-z)", chars: "abcdefghijklmnopqrstuvwxyz" },
  { id: "numbers", label: "Numbers (0-9)", chars: "0123456789" },
  { id: "symbols", label: "Symbols", chars: "" },
];
const SIMILAR = /[0O1lI|]/g;

function renderApp(o: PasswordOptions): string {
  return page({ title: esc(o.title), theme: o.theme, css: css(o), body: body(o), script: o.style === "class" ? scriptClass(o) : scriptFunctions(o) });
}

/** An app fits when its optional extras stay within budget and it stays compact. */
function fits(o: PasswordOptions): boolean {
  return extras(o) <= MAX_EXTRAS && renderApp(o).length <= 4000;
}

function extras(o: PasswordOptions): number {
  return [o.copy, o.strength, o.similar, o.guarantee, o.multiple, o.multiple, o.live].filter(Boolean).length;
}
const MAX_EXTRAS = 2;

function css(o: PasswordOptions): string {
  const shell =
    o.layout === "card"
      ? `.app{max-width:440px;margin:8vh auto;padding:24px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius)}`
      : `.app{max-width:560px;margin:0 auto;padding:32px 20px}`;
  return [
    shell,
    `h1{font-size:22px;margin:0 0 16px}`,
    `.out{display:flex;gap:8px;margin-bottom:16px}`,
    o.display === "input"
      ? `#password{flex:1;padding:10px;font:18px monospace;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text)}`
      : `#password{flex:1;padding:10px;font:18px monospace;word-break:break-all;min-height:44px;background:var(--bg);border:1px dashed var(--border);border-radius:var(--radius)}`,
    `label{display:flex;align-items:center;gap:8px;margin:8px 0}`,
    `button{padding:10px 16px;border:1px solid var(--border);border-radius:var(--radius);background:var(--surface);color:var(--text)}`,
    `#generate{width:100%;margin-top:12px;background:var(--accent);color:var(--accent-text);border-color:var(--accent)}`,
    `#msg{color:var(--muted);min-height:20px}`,
    o.strength ? `#strength{font-weight:bold}\n.weak{color:#dc2626}\n.medium{color:#d97706}\n.strong{color:#16a34a}` : "",
    o.multiple ? `#list{font-family:monospace;padding-left:20px}` : "",
  ]
    .filter(Boolean)
    .join("\n");
}

function body(o: PasswordOptions): string {
  const len =
    o.lengthControl === "range"
      ? `<label>Length: <span id="len-value">${o.length}</span> <input id="length" type="range" min="4" max="64" value="${o.length}"></label>`
      : `<label>Length <input id="length" type="number" min="4" max="64" value="${o.length}"></label>`;
  return [
    `<div class="app">`,
    `<h1>${esc(o.title)}</h1>`,
    `<div class="out">`,
    o.display === "input" ? `<input id="password" type="text" readonly aria-label="Password">` : `<div id="password"></div>`,
    o.copy ? `<button id="copy">Copy</button>` : "",
    `</div>`,
    o.strength ? `<p>Strength: <span id="strength"></span></p>` : "",
    len,
    ...TYPES.map((t, i) => `<label><input type="checkbox" id="${t.id}"${o.checked[i] ? " checked" : ""}> ${t.id === "symbols" ? `Symbols (${esc(o.symbols.slice(0, 4))})` : t.label}</label>`),
    o.similar ? `<label><input type="checkbox" id="similar" checked> Avoid similar characters (0, O, 1, l, I)</label>` : "",
    o.multiple ? `<label>How many <select id="count"><option>1</option><option>3</option><option>5</option></select></label>` : "",
    `<button id="generate">Generate</button>`,
    `<p id="msg"></p>`,
    o.multiple ? `<ol id="list"></ol>` : "",
    `</div>`,
  ]
    .filter(Boolean)
    .join("\n");
}

function charsCode(o: PasswordOptions): string {
  return `const LETTERS = "${TYPES[0].chars}";\nconst CHARS = {\n  upper: LETTERS,\n  lower: LETTERS.toLowerCase(),\n  numbers: "0123456789",\n  symbols: ${jsStr(o.symbols)}\n};`;
}

function randomCode(o: PasswordOptions): string {
  return o.random === "crypto"
    ? `function randomIndex(n) {\n  return crypto.getRandomValues(new Uint32Array(1))[0] % n;\n}`
    : `function randomIndex(n) {\n  return Math.floor(Math.random() * n);\n}`;
}

/** Statements that build `password` (length `len`) from the list of chosen character strings `sets`. */
function buildCode(o: PasswordOptions, ind: string): string {
  const lines = [`${ind}const all = sets.join("");`];
  if (o.guarantee) {
    lines.push(`${ind}const chars = sets.map((s) => s[randomIndex(s.length)]);`);
    lines.push(`${ind}while (chars.length < len) chars.push(all[randomIndex(all.length)]);`);
    lines.push(`${ind}for (let i = chars.length - 1; i > 0; i--) {\n${ind}  const j = randomIndex(i + 1);\n${ind}  [chars[i], chars[j]] = [chars[j], chars[i]];\n${ind}}`);
    lines.push(`${ind}return chars.join("");`);
  } else {
    lines.push(`${ind}let out = "";`);
    lines.push(`${ind}for (let i = 0; i < len; i++) out += all[randomIndex(all.length)];`);
    lines.push(`${ind}return out;`);
  }
  return lines.join("\n");
}

const STRENGTH = `function strength(pw, types) {\n  const score = types + (pw.length >= 12) + (pw.length >= 16);\n  return score <= 2 ? "Weak" : score <= 4 ? "Medium" : "Strong";\n}`;

function copyCode(o: PasswordOptions): string {
  return `function copyText(text, btn) {
  const show = (msg) => {
    btn.textContent = msg;
    setTimeout(() => (btn.textContent = "Copy"), 1200);
  };
  const select = () => {
    ${o.display === "input" ? `document.getElementById("password").select();` : `getSelection().selectAllChildren(document.getElementById("password"));`}
    show("Selected");
  };
  if (navigator.clipboard) navigator.clipboard.writeText(text).then(() => show("Copied!"), select);
  else select();
}`;
}

function scriptFunctions(o: PasswordOptions): string {
  const set = o.display === "input" ? "value" : "textContent";
  const sets = `Object.keys(CHARS).filter((k) => document.getElementById(k).checked).map((k) => ${o.similar ? `(document.getElementById("similar").checked ? CHARS[k].replace(${SIMILAR}, "") : CHARS[k])` : "CHARS[k]"})`;
  const gen = [
    `function generate() {`,
    `  const len = Math.min(64, Math.max(4, Number(document.getElementById("length").value) || 12));`,
    `  const sets = ${sets};`,
    `  const msg = document.getElementById("msg");`,
    `  msg.textContent = sets.length ? "" : "Pick at least one character type.";`,
    `  if (!sets.length) return;`,
    o.multiple
      ? `  const list = Array.from({ length: Number(document.getElementById("count").value) }, () => makePassword(len, sets));\n  document.getElementById("password").${set} = list[0];\n  document.getElementById("list").innerHTML = list.length > 1 ? list.map((p) => "<li>" + p.replace(/&/g, "&amp;").replace(/</g, "&lt;") + "</li>").join("") : "";`
      : `  const pw = makePassword(len, sets);\n  document.getElementById("password").${set} = pw;`,
    o.strength ? `  const s = strength(${o.multiple ? "list[0]" : "pw"}, sets.length);\n  const el = document.getElementById("strength");\n  el.textContent = s;\n  el.className = s.toLowerCase();` : "",
    `}`,
  ].filter(Boolean);
  const live = o.live
    ? `document.querySelector(".app").addEventListener("change", (e) => {\n  if (e.target.type === "checkbox" || e.target.id === "length") generate();\n});`
    : "";
  return [
    charsCode(o),
    randomCode(o),
    `function makePassword(len, sets) {\n${buildCode(o, "  ")}\n}`,
    o.strength ? STRENGTH : "",
    o.copy ? copyCode(o) : "",
    gen.join("\n"),
    `document.getElementById("generate").addEventListener("click", generate);`,
    o.lengthControl === "range" ? `document.getElementById("length").addEventListener("input", (e) => {\n  document.getElementById("len-value").textContent = e.target.value;\n});` : "",
    live,
    o.copy ? `document.getElementById("copy").addEventListener("click", (e) => copyText(document.getElementById("password").${set}, e.target));` : "",
    `generate();`,
  ]
    .filter(Boolean)
    .join("\n");
}

function scriptClass(o: PasswordOptions): string {
  const set = o.display === "input" ? "value" : "textContent";
  const $ = (id: string) => `document.getElementById("${id}")`;
  const ctor = [
    `    this.out = ${$("password")};`,
    `    this.msg = ${$("msg")};`,
    `    ${$("generate")}.addEventListener("click", () => this.generate());`,
    o.lengthControl === "range" ? `    ${$("length")}.addEventListener("input", (e) => (${$("len-value")}.textContent = e.target.value));` : "",
    o.live ? `    for (const input of document.querySelectorAll("input[type=checkbox], #length")) input.addEventListener("change", () => this.generate());` : "",
    o.copy ? `    ${$("copy")}.addEventListener("click", (e) => copyText(this.out.${set}, e.target));` : "",
    `    this.generate();`,
  ].filter(Boolean);
  return [
    charsCode(o),
    randomCode(o),
    o.strength ? STRENGTH : "",
    o.copy ? copyCode(o) : "",
    `class PasswordGenerator {
  constructor() {
${ctor.join("\n")}
  }
  sets() {${o.similar ? `\n    const avoid = ${$("similar")}.checked;` : ""}
    return Object.keys(CHARS)
      .filter((k) => document.getElementById(k).checked)
      .map((k) => ${o.similar ? `(avoid ? CHARS[k].replace(${SIMILAR}, "") : CHARS[k])` : "CHARS[k]"});
  }
  make(len, sets) {
${buildCode(o, "    ")}
  }
  generate() {
    const len = Math.min(64, Math.max(4, Number(${$("length")}.value) || 12));
    const sets = this.sets();
    this.msg.textContent = sets.length ? "" : "Pick at least one character type.";
    if (!sets.length) return;${
      o.multiple
        ? `\n    const list = Array.from({ length: Number(${$("count")}.value) }, () => this.make(len, sets));\n    this.out.${set} = list[0];\n    ${$("list")}.replaceChildren(...(list.length > 1 ? list : []).map((p) => {\n      const li = document.createElement("li");\n      li.textContent = p;\n      return li;\n    }));`
        : `\n    const pw = this.make(len, sets);\n    this.out.${set} = pw;`
    }${o.strength ? `\n    const s = strength(${o.multiple ? "list[0]" : "pw"}, sets.length);\n    const meter = ${$("strength")};\n    meter.textContent = s;\n    meter.className = s.toLowerCase();` : ""}
  }
}
new PasswordGenerator();`,
  ]
    .filter(Boolean)
    .join("\n");
}

export const password = defineFamily<PasswordOptions>({
  name: "password",
  options(rng) {
    const o: PasswordOptions = {
      theme: randomTheme(rng),
      title: rng.pick(["Password Generator", "Secure Password Generator", "Strong Password Maker", "PassGen", "Random Password"]),
      length: rng.pick([8, 12, 12, 16, 16, 20]),
      lengthControl: rng.pick(["range", "number"] as const),
      checked: [true, true, true, rng.chance(0.6)],
      symbols: rng.pick(["!@#$%^&*", "!@#$%^&*()-_=+", "!#$%&*?@", "!@#$%^&*()[]{}<>?"]),
      copy: rng.chance(0.6),
      strength: rng.chance(0.4),
      similar: rng.chance(0.25),
      guarantee: rng.chance(0.35),
      multiple: rng.chance(0.2),
      live: rng.chance(0.4),
      random: rng.pick(["crypto", "crypto", "math"] as const),
      display: rng.pick(["input", "text"] as const),
      layout: rng.pick(["card", "full"] as const),
      style: rng.pick(["functions", "class"] as const),
    };
    for (const k of rng.shuffle(["copy", "strength", "similar", "guarantee", "multiple", "live"] as const)) {
      if (fits(o)) break;
      o[k] = false;
    }
    return o;
  },
  render: renderApp,
  features(o) {
    return [
      ...(o.copy ? ["copy"] : []),
      ...(o.strength ? ["strength"] : []),
      ...(o.similar ? ["similar"] : []),
      ...(o.guarantee ? ["guarantee"] : []),
      ...(o.multiple ? ["multiple"] : []),
      ...(o.live ? ["live"] : []),
    ];
  },
  request(o, rng) {
    const subject = rng.pick(["a password generator", "a random password generator", "a secure password generator", "a strong password maker", "a tool to generate passwords"]);
    const f: string[] = [];
    if (rng.chance(0.7)) f.push(rng.pick(["length and character options", o.lengthControl === "range" ? "a length slider and checkboxes for character types" : "a length field and checkboxes for character types", "options for uppercase, lowercase, numbers and symbols"]));
    if (o.copy) f.push(rng.pick(["a copy button", "a button to copy the password"]));
    if (o.strength) f.push(rng.pick(["a strength indicator", "a weak/medium/strong meter"]));
    if (o.similar) f.push(rng.pick(["an option to avoid similar characters like 0 and O", "a way to exclude ambiguous characters"]));
    if (o.guarantee) f.push(rng.pick(["at least one character of each selected type", "every chosen character type guaranteed"]));
    if (o.multiple) f.push(rng.pick(["several passwords at once", "a choice of how many passwords to make"]));
    if (o.live) f.push(rng.pick(["a new password whenever I change an option", "live updates when options change"]));
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-copy", requests: ["add a copy button", "let me copy the password with one click"], appliesTo: (o) => !o.copy && fits({ ...o, copy: true }), apply: (o) => ({ ...o, copy: true }) },
    { id: "add-strength", requests: ["show how strong the password is", "add a strength meter"], appliesTo: (o) => !o.strength && fits({ ...o, strength: true }), apply: (o) => ({ ...o, strength: true }) },
    { id: "add-similar", requests: ["add an option to avoid similar characters", "let me exclude 0, O, 1, l and I"], appliesTo: (o) => !o.similar && fits({ ...o, similar: true }), apply: (o) => ({ ...o, similar: true }) },
    { id: "add-guarantee", requests: ["make sure every selected character type is used", "guarantee at least one of each type"], appliesTo: (o) => !o.guarantee && fits({ ...o, guarantee: true }), apply: (o) => ({ ...o, guarantee: true }) },
    { id: "live", requests: ["regenerate when I change an option", "update the password as soon as I change the settings"], appliesTo: (o) => !o.live && fits({ ...o, live: true }), apply: (o) => ({ ...o, live: true }) },
  ],
  async check(app, o) {
    await drive(app, { ...o, options: true, noneMessage: true });
  },
  async requestCheck(app, request) {
    await drive(app, {
      options: /character|uppercase|checkbox/i.test(request),
      noneMessage: false,
      copy: /copy/i.test(request),
      strength: /strength|weak/i.test(request),
      similar: /similar|ambiguous/i.test(request),
      guarantee: /at least one|guaranteed/i.test(request),
      multiple: /several|how many passwords/i.test(request),
      live: /whenever i change|live/i.test(request),
    });
  },
});

type Wants = Record<"options" | "noneMessage" | "copy" | "strength" | "similar" | "guarantee" | "multiple" | "live", boolean>;

/** Generate passwords like a user, with the length and character options (and each wanted feature). */
async function drive({ frame }: AppUnderTest, want: Wants): Promise<void> {
  const gen = button(frame, /generate|new password|create/i);
  const box = (label: RegExp) => frame.getByLabel(label).and(frame.getByRole("checkbox")).first();
  const setBox = async (label: RegExp, on: boolean) => {
    if ((await exists(box(label))) && (await box(label).isChecked()) !== on) await box(label).click();
  };
  const length = labelled(frame, /length/i);
  const read = await findOutput(frame, () => gen.click(), /^(?![Ww]eak|[Mm]edium|[Ss]trong|[Ff]air|[Gg]ood|[Vv]ery)\S{6,}$/, "Generate shows no password");
  const generate = async () => {
    await gen.click();
    return read();
  };
  const expectOnly = (pw: string, chars: RegExp, why: string) => {
    if (!chars.test(pw)) throw new Error(`${why}: "${pw}"`);
  };
  await setField(length, "24");
  const a = await generate();
  if (a.length !== 24) throw new Error(`length 24 gives "${a}" (${a.length})`);
  if (a === (await generate())) throw new Error("Generate gives the same password twice");
  if (want.live) {
    await setField(length, "20");
    await eventually(async () => ((await read()).length === 20) || undefined, "changing the length does not make a new password");
  }
  if (want.similar) {
    await setBox(/symbol|special/i, true);
    await setBox(/similar|ambiguous/i, true);
    for (let i = 0; i < 3; i++) expectOnly(await generate(), /^[^0O1lI|]+$/, "avoiding similar characters");
    await setBox(/similar|ambiguous/i, false);
  }
  if (want.guarantee) {
    await setBox(/symbol|special/i, true);
    await setField(length, "4");
    for (let i = 0; i < 3; i++) expectOnly(await generate(), /^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[^A-Za-z\d])/, "every chosen type");
  }
  if (want.strength) {
    await setBox(/symbol|special/i, true);
    await setField(length, "20");
    await generate();
    if (!/strong/i.test(await visibleText(frame))) throw new Error("a long password with every type is not rated strong");
  }
  if (want.options) {
    await setBox(/upper/i, false);
    await setBox(/number|digit/i, false);
    await setBox(/symbol|special/i, false);
    await setBox(/similar|ambiguous/i, false);
    await setField(length, "6");
    const lower = await generate();
    if (lower.length !== 6) throw new Error(`length 6 gives "${lower}"`);
    expectOnly(lower, /^[a-z]+$/, "lowercase only");
    if (want.strength && !/weak/i.test(await visibleText(frame))) throw new Error("6 lowercase letters are not rated weak");
    if (want.noneMessage) {
      await setBox(/lower/i, false);
      await gen.click();
      await eventually(async () => /at least one/i.test(await visibleText(frame)) || undefined, "no message when no character type is chosen");
      await setBox(/lower/i, true);
    }
  }
  if (want.multiple) {
    await setField(labelled(frame, /how many|count|number of/i), "5");
    const before = await visibleText(frame);
    await gen.click();
    await eventually(async () => (newLines(before, await visibleText(frame)).length >= 4) || undefined, "asking for 5 passwords does not list them");
  }
  if (want.copy) await expectCopyFeedback(frame, button(frame, /copy/i));
}
