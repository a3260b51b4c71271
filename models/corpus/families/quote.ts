// A random quote generator: a new quote per click, with optional copy button,
// favourites, category filter, previous/next navigation and no-repeat.
import { esc, jsStr, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import { button, eventually, newLines, textChanges, visibleText } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";
import { expectCopyFeedback } from "../checks.ts";

type Quote = [text: string, author: string, category: string];

interface QuoteOptions {
  theme: Theme;
  title: string;
  quotes: Quote[];
  data: "objects" | "pairs";
  button: string;
  copy: boolean;
  favorites: boolean;
  category: boolean;
  nav: boolean;
  noRepeat: boolean;
  counter: boolean;
  layout: "card" | "full" | "bar";
  style: "functions" | "class";
  render: "text" | "template";
}

const QUOTES: Quote[] = [
  ["The only way to do great work is to love what you do.", "Steve Jobs", "Motivation"],
  ["It always seems impossible until it's done.", "Nelson Mandela", "Motivation"],
  ["Well done is better than well said.", "Benjamin Franklin", "Motivation"],
  ["Start where you are. Use what you have. Do what you can.", "Arthur Ashe", "Motivation"],
  ["Quality is not an act, it is a habit.", "Aristotle", "Motivation"],
  ["The secret of getting ahead is getting started.", "Mark Twain", "Motivation"],
  ["Life is what happens when you're busy making other plans.", "John Lennon", "Life"],
  ["In the middle of difficulty lies opportunity.", "Albert Einstein", "Life"],
  ["Life is really simple, but we insist on making it complicated.", "Confucius", "Life"],
  ["The purpose of our lives is to be happy.", "Dalai Lama", "Life"],
  ["Not all those who wander are lost.", "J. R. R. Tolkien", "Life"],
  ["Be yourself; everyone else is already taken.", "Oscar Wilde", "Life"],
  ["Knowing yourself is the beginning of all wisdom.", "Aristotle", "Wisdom"],
  ["The only true wisdom is in knowing you know nothing.", "Socrates", "Wisdom"],
  ["The journey of a thousand miles begins with one step.", "Lao Tzu", "Wisdom"],
  ["Simplicity is the ultimate sophistication.", "Leonardo da Vinci", "Wisdom"],
  ["An investment in knowledge pays the best interest.", "Benjamin Franklin", "Wisdom"],
  ["Turn your wounds into wisdom.", "Oprah Winfrey", "Wisdom"],
  ["I am so clever that sometimes I don't understand a single word of what I am saying.", "Oscar Wilde", "Humor"],
  ["Age is an issue of mind over matter. If you don't mind, it doesn't matter.", "Mark Twain", "Humor"],
  ["I have not failed. I've just found 10,000 ways that won't work.", "Thomas Edison", "Humor"],
  ["People say nothing is impossible, but I do nothing every day.", "A. A. Milne", "Humor"],
  ["Behind every great man is a woman rolling her eyes.", "Jim Carrey", "Humor"],
  ["The road to success is dotted with many tempting parking spaces.", "Will Rogers", "Humor"],
];

function extras(o: QuoteOptions): number {
  return [o.copy, o.copy, o.favorites, o.category, o.nav, o.counter].filter(Boolean).length;
}
const MAX_EXTRAS = 3;

function css(o: QuoteOptions): string {
  const shell =
    o.layout === "card"
      ? `.app{max-width:560px;margin:10vh auto;padding:32px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius);box-shadow:0 6px 20px rgba(0,0,0,.08)}`
      : o.layout === "full"
        ? `.app{min-height:100vh;max-width:720px;margin:0 auto;display:flex;flex-direction:column;justify-content:center;padding:32px;text-align:center}`
        : `.app{max-width:620px;margin:8vh auto;padding:24px 28px;border-left:6px solid var(--accent);background:var(--surface)}`;
  return [
    shell,
    `h1{font-size:16px;text-transform:uppercase;letter-spacing:2px;color:var(--muted);margin:0 0 20px}`,
    `#quote{font-size:${o.layout === "full" ? 30 : 24}px;line-height:1.4;margin:0;font-style:italic}`,
    `#author{margin:12px 0 24px;color:var(--muted)}`,
    `.actions{display:flex;gap:8px;flex-wrap:wrap${o.layout === "full" ? ";justify-content:center" : ""}}`,
    `button,select{padding:10px 16px;border:1px solid var(--border);border-radius:var(--radius);background:var(--surface);color:var(--text);font:inherit}`,
    `#new{background:var(--accent);color:var(--accent-text);border-color:var(--accent)}`,
    o.counter ? `#counter{font-size:13px;color:var(--muted);margin-top:16px}` : "",
    o.favorites ? `#favorites{margin:20px 0 0;padding-left:20px;color:var(--muted);font-size:14px;text-align:left}\n#favorites li{margin:4px 0}` : "",
  ]
    .filter(Boolean)
    .join("\n");
}

function body(o: QuoteOptions): string {
  return [
    `<div class="app">`,
    `<h1>${esc(o.title)}</h1>`,
    `<p id="quote"></p>`,
    `<div id="author"></div>`,
    `<div class="actions">`,
    o.category ? `<select id="category" aria-label="Category"><option value="">All</option>${[...new Set(o.quotes.map((q) => q[2]))].map((c) => `<option>${c}</option>`).join("")}</select>` : "",
    o.nav ? `<button id="prev">Previous</button>` : "",
    `<button id="new">${esc(o.button)}</button>`,
    o.copy ? `<button id="copy">Copy</button>` : "",
    o.favorites ? `<button id="save">Save</button>` : "",
    `</div>`,
    o.counter ? `<div id="counter"></div>` : "",
    o.favorites ? `<ol id="favorites"></ol>` : "",
    `</div>`,
  ]
    .filter(Boolean)
    .join("\n");
}

function data(o: QuoteOptions): string {
  const rows = o.quotes.map((q) =>
    o.data === "objects"
      ? `  { text: ${jsStr(q[0])}, author: ${jsStr(q[1])}${o.category ? `, category: ${jsStr(q[2])}` : ""} }`
      : `  [${jsStr(q[0])}, ${jsStr(q[1])}${o.category ? `, ${jsStr(q[2])}` : ""}]`,
  );
  return `const QUOTES = [\n${rows.join(",\n")}\n];`;
}

/** Expressions for a quote's text, author and category in the chosen data shape. */
function fields(o: QuoteOptions, q: string): { text: string; author: string; cat: string } {
  return o.data === "objects" ? { text: `${q}.text`, author: `${q}.author`, cat: `${q}.category` } : { text: `${q}[0]`, author: `${q}[1]`, cat: `${q}[2]` };
}

const COPY_FN = `function copyText(text, done) {
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(function () {
      done("Copied!");
    }, function () {
      done(selectQuote());
    });
  } else {
    done(selectQuote());
  }
}
function selectQuote() {
  const range = document.createRange();
  range.selectNodeContents(document.getElementById("quote"));
  const sel = window.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
  return "Press Ctrl+C";
}`;

function scriptFunctions(o: QuoteOptions): string {
  const f = fields(o, "q");
  const pool = o.category ? `pool()` : "QUOTES";
  const show =
    o.render === "template"
      ? `  document.getElementById("quote").innerHTML = "&ldquo;" + ${f.text} + "&rdquo;";\n  document.getElementById("author").innerHTML = "&mdash; " + ${f.author};`
      : `  document.getElementById("quote").textContent = ${f.text};\n  document.getElementById("author").textContent = "- " + ${f.author};`;
  const pick = `function next() {\n  const list = ${pool};\n  let i = Math.floor(Math.random() * list.length);${o.noRepeat ? `\n  while (list.length > 1 && list[i] === current) i = Math.floor(Math.random() * list.length);` : ""}${o.nav ? `\n  if (current) seen.push(current);` : ""}\n  show(list[i]);\n}`;
  return [
    data(o),
    `let current = null;`,
    o.nav ? `const seen = [];` : "",
    o.category ? `function pool() {\n  const c = document.getElementById("category").value;\n  return c ? QUOTES.filter(function (q) {\n    return ${f.cat} === c;\n  }) : QUOTES;\n}` : "",
    `function show(q) {\n  current = q;\n${show}${o.counter ? `\n  document.getElementById("counter").textContent = "Quote " + (QUOTES.indexOf(q) + 1) + " of " + QUOTES.length;` : ""}\n}`,
    pick,
    `document.getElementById("new").addEventListener("click", next);`,
    o.nav ? `document.getElementById("prev").addEventListener("click", function () {\n  if (seen.length) show(seen.pop());\n});` : "",
    o.category ? `document.getElementById("category").addEventListener("change", function () {\n  next();\n});` : "",
    o.copy ? `${COPY_FN}\ndocument.getElementById("copy").addEventListener("click", function () {\n  const btn = this;\n  copyText(${f.text.replace("q", "current")} + " - " + ${f.author.replace("q", "current")}, function (msg) {\n    btn.textContent = msg;\n    setTimeout(function () {\n      btn.textContent = "Copy";\n    }, 1500);\n  });\n});` : "",
    o.favorites ? `document.getElementById("save").addEventListener("click", function () {\n  const li = document.createElement("li");\n  li.textContent = ${f.text.replace("q", "current")} + " - " + ${f.author.replace("q", "current")};\n  document.getElementById("favorites").appendChild(li);\n});` : "",
    `next();`,
  ]
    .filter(Boolean)
    .join("\n");
}

function scriptClass(o: QuoteOptions): string {
  const f = fields(o, "q");
  const c = fields(o, "this.current");
  const show =
    o.render === "template"
      ? `    this.quote.innerHTML = \`&ldquo;\${${f.text}}&rdquo;\`;\n    this.author.innerHTML = \`&mdash; \${${f.author}}\`;`
      : `    this.quote.textContent = ${f.text};\n    this.author.textContent = \`- \${${f.author}}\`;`;
  const $ = (id: string) => `document.getElementById("${id}")`;
  const ctor = [
    `    this.quote = ${$("quote")};`,
    `    this.author = ${$("author")};`,
    o.nav ? `    this.seen = [];` : "",
    `    ${$("new")}.addEventListener("click", () => this.next());`,
    o.nav ? `    ${$("prev")}.addEventListener("click", () => {\n      if (this.seen.length) this.show(this.seen.pop());\n    });` : "",
    o.category ? `    ${$("category")}.addEventListener("change", () => this.next());` : "",
    o.copy ? `    ${$("copy")}.addEventListener("click", (e) => this.copy(e.target));` : "",
    o.favorites ? `    ${$("save")}.addEventListener("click", () => {\n      const li = document.createElement("li");\n      li.textContent = \`\${${c.text}} - \${${c.author}}\`;\n      ${$("favorites")}.appendChild(li);\n    });` : "",
    `    this.next();`,
  ].filter(Boolean);
  const pool = o.category ? `    const cat = ${$("category")}.value;\n    const list = cat ? QUOTES.filter((q) => ${f.cat} === cat) : QUOTES;` : `    const list = QUOTES;`;
  const next = `  next() {\n${pool}\n    let i = Math.floor(Math.random() * list.length);${o.noRepeat ? `\n    while (list.length > 1 && list[i] === this.current) i = Math.floor(Math.random() * list.length);` : ""}${o.nav ? `\n    if (this.current) this.seen.push(this.current);` : ""}\n    this.show(list[i]);\n  }`;
  const copy = o.copy
    ? `\n  copy(btn) {\n    const done = (msg) => {\n      btn.textContent = msg;\n      setTimeout(() => (btn.textContent = "Copy"), 1500);\n    };\n    const text = \`\${${c.text}} - \${${c.author}}\`;\n    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(() => done("Copied!"), () => done(this.select()));\n    else done(this.select());\n  }\n  select() {\n    const range = document.createRange();\n    range.selectNodeContents(this.quote);\n    getSelection().removeAllRanges();\n    getSelection().addRange(range);\n    return "Press Ctrl+C";\n  }`
    : "";
  return `${data(o)}
class QuoteBox {
  constructor() {
${ctor.join("\n")}
  }
${next}
  show(q) {
    this.current = q;
${show}${o.counter ? `\n    ${$("counter")}.textContent = \`Quote \${QUOTES.indexOf(q) + 1} of \${QUOTES.length}\`;` : ""}
  }${copy}
}
new QuoteBox();`;
}

export const quote = defineFamily<QuoteOptions>({
  name: "quote",
  options(rng) {
    const o: QuoteOptions = {
      theme: randomTheme(rng),
      title: rng.pick(["Random Quote", "Quote of the Moment", "Daily Inspiration", "Quotes", "Words of Wisdom"]),
      quotes: [],
      data: rng.pick(["objects", "pairs"] as const),
      button: rng.pick(["New Quote", "Next Quote", "Another One", "Inspire Me", "Show Quote"]),
      copy: rng.chance(0.4),
      favorites: rng.chance(0.3),
      category: rng.chance(0.3),
      nav: rng.chance(0.25),
      noRepeat: rng.chance(0.5),
      counter: rng.chance(0.25),
      layout: rng.pick(["card", "full", "bar"] as const),
      style: rng.pick(["functions", "class"] as const),
      render: rng.pick(["text", "template"] as const),
    };
    for (const k of rng.shuffle(["copy", "favorites", "category", "nav", "counter"] as const)) {
      if (extras(o) <= MAX_EXTRAS) break;
      o[k] = false;
    }
    // Every category keeps at least two quotes, so a filtered pick can still change.
    const cats = rng.sample(["Motivation", "Life", "Wisdom", "Humor"], rng.int(2, 4));
    const per = Math.min(rng.int(2, 4), Math.floor(8 / cats.length));
    o.quotes = rng.shuffle(cats.flatMap((c) => rng.sample(QUOTES.filter((q) => q[2] === c), per)));
    return o;
  },
  render(o) {
    return page({ title: esc(o.title), theme: o.theme, css: css(o), body: body(o), script: o.style === "class" ? scriptClass(o) : scriptFunctions(o) });
  },
  features(o) {
    return [
      ...(o.copy ? ["copy"] : []),
      ...(o.favorites ? ["favorites"] : []),
      ...(o.category ? ["category"] : []),
      ...(o.nav ? ["nav"] : []),
      ...(o.noRepeat ? ["no-repeat"] : []),
      ...(o.counter ? ["counter"] : []),
    ];
  },
  request(o, rng) {
    const subject = rng.pick(["a random quote generator", "a quote generator", "an inspirational quote app", "a random quotes page", "a random inspirational quote app"]);
    const f: string[] = [];
    if (rng.chance(0.4)) f.push(rng.pick([`a button labelled "${o.button}"`, "a button for a new quote"]));
    if (rng.chance(0.3)) f.push("the author under each quote");
    if (o.copy) f.push(rng.pick(["a copy button", "a button to copy the quote"]));
    if (o.favorites) f.push(rng.pick(["a way to save favourite quotes", "a favorites list"]));
    if (o.category) f.push(rng.pick(["a category filter", "a dropdown to pick the category"]));
    if (o.nav) f.push(rng.pick(["a previous button", "a back button to see the last quote"]));
    if (o.noRepeat) f.push(rng.pick(["no repeats in a row", "never the same quote twice in a row"]));
    if (o.counter) f.push(rng.pick(["a quote counter like 3 of 10", "the quote number"]));
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-copy", requests: ["add a copy button", "let me copy the quote"], appliesTo: (o) => !o.copy && extras({ ...o, copy: true }) <= MAX_EXTRAS, apply: (o) => ({ ...o, copy: true }) },
    { id: "add-favorites", requests: ["let me save my favourite quotes", "add a favorites list"], appliesTo: (o) => !o.favorites && extras({ ...o, favorites: true }) <= MAX_EXTRAS, apply: (o) => ({ ...o, favorites: true }) },
    { id: "add-category", requests: ["add a category filter", "let me choose a category"], appliesTo: (o) => !o.category && extras({ ...o, category: true }) <= MAX_EXTRAS, apply: (o) => ({ ...o, category: true }) },
    { id: "no-repeat", requests: ["don't show the same quote twice in a row", "avoid repeating the last quote"], appliesTo: (o) => !o.noRepeat, apply: (o) => ({ ...o, noRepeat: true }) },
    { id: "add-counter", requests: ["show which quote number it is", "add a counter like 3 of 10"], appliesTo: (o) => !o.counter && extras({ ...o, counter: true }) <= MAX_EXTRAS, apply: (o) => ({ ...o, counter: true }) },
  ],
  async check(app, o) {
    const expectKnown = async (where: string) => {
      const t = ((await app.frame.locator("#quote").textContent()) ?? "").replace(/[\u201c\u201d"]/g, "").trim();
      const q = o.quotes.find((q) => q[0] === t);
      if (!q) throw new Error(`${where}: "${t}" is not one of the quotes`);
      if (!((await app.frame.locator("#author").textContent()) ?? "").includes(q[1])) throw new Error(`${where}: the author of "${t}" is not ${q[1]}`);
    };
    await expectKnown("at first");
    await drive(app, o);
    await expectKnown("at the end");
  },
  async requestCheck(app, request) {
    await drive(app, {
      noRepeat: /no repeats|twice in a row/i.test(request),
      copy: /copy/i.test(request),
      favorites: /favou?rite/i.test(request),
      category: /category/i.test(request),
      nav: /previous|back button/i.test(request),
      counter: /counter|quote number/i.test(request),
    });
  },
});

type Wants = Record<"noRepeat" | "copy" | "favorites" | "category" | "nav" | "counter", boolean>;

/** Ask for new quotes like a user (and use each wanted feature); the quote must change. */
async function drive({ frame }: AppUnderTest, want: Wants): Promise<void> {
  const next = button(frame, /new|next|another|inspire|show|random|generate|quote/i);
  let text = await visibleText(frame);
  let changes = 0;
  // Quotes may repeat, so some of a few clicks must change the quote (with no repeats: each).
  for (let i = 0; i < 4 && changes < 2; i++) {
    await next.click();
    const now = await eventually(async () => {
      const t = await visibleText(frame);
      return t !== text ? t : undefined;
    }, "", 700).catch(() => text);
    if (now !== text) changes++;
    else if (want.noRepeat) throw new Error("the same quote came twice in a row");
    text = now;
  }
  if (!changes) throw new Error("the new quote button never changes the quote");
  if (want.counter && !/\d+ *(of|\/) *\d+/.test(text)) throw new Error("no quote counter like 3 of 10");
  if (want.nav) {
    // A random pick may repeat the quote: click until it changes.
    for (let i = 0; i < 4 && (await visibleText(frame)) === text; i++) {
      await next.click();
      await textChanges(frame, text, "", 700).catch(() => undefined);
    }
    if ((await visibleText(frame)) === text) throw new Error("the new quote button does not change the quote");
    await button(frame, /previous|prev|back/i).click();
    await eventually(async () => ((await visibleText(frame)) === text) || undefined, "Previous does not show the quote before");
  }
  if (want.copy) await expectCopyFeedback(frame, button(frame, /copy/i));
  if (want.favorites) {
    const before = await visibleText(frame);
    await button(frame, /save|favou?rite|like|\u2665|\u2764|\u2606|\u2605/i).click();
    await eventually(async () => newLines(before, await visibleText(frame)).length || undefined, "saving a favourite does not list it");
  }
  if (want.category) {
    const select = frame.getByRole("combobox").first();
    const options = await select.locator("option").allTextContents();
    await select.selectOption({ label: options[options.length - 1] });
    await next.click();
    await textChanges(frame, text, "picking a category does not change the quote");
  }
}
