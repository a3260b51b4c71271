// A markdown previewer: a text area and a live preview pane, with its own tiny converter
// (headings, bold, italic, lists, inline code, links shown as text).
import { esc, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import type { Frame } from "playwright-core";
import { button, eventually, exists, shownNumbers } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

interface MarkdownOptions {
  theme: Theme;
  title: string;
  sample: number;
  layout: "split" | "stacked" | "tabs";
  converter: "lines" | "regex";
  update: "instant" | "debounce";
  delay: number;
  italic: "star" | "underscore";
  link: "span" | "u";
  ordered: boolean;
  quote: boolean;
  rule: boolean;
  codeBlock: boolean;
  count: boolean;
  clear: boolean;
}

const SAMPLES = [
  ["# Shopping list", "Things to buy for the **weekend**:", "- Apples", "- Bread", "- *Fresh* milk", "Check the `notes` before you go."],
  ["# My Notes", "## Today", "Finish the **report** and call *Sam*.", "- Email the team", "- Read [the guide](guide.md)"],
  ["# Hello Markdown", "Type on the left and see the *preview* update.", "## Features", "- **Bold** text", "- `inline code`", "- Lists"],
  ["# Recipe: Pancakes", "Mix everything in a **big** bowl.", "- 2 eggs", "- 1 cup flour", "- 1 cup milk", "Cook on *medium* heat."],
  ["# Project Plan", "## Goals", "- Ship the *first* version", "- Write `tests`", "See [the board](board.md) for **details**."],
];

function css(o: MarkdownOptions): string {
  const layout = {
    split: `main{display:grid;grid-template-columns:1fr 1fr;gap:12px;padding:12px;height:calc(100vh - 60px)}`,
    stacked: `main{display:flex;flex-direction:column;gap:12px;padding:12px;max-width:800px;margin:0 auto}
textarea{height:220px}`,
    tabs: `main{padding:12px;max-width:800px;margin:0 auto;height:calc(100vh - 60px)}
textarea,#preview{height:100%}
.tabs button{padding:6px 14px;border:1px solid var(--border);border-radius:var(--radius);background:var(--surface);color:var(--text)}
.tabs button[aria-pressed=true]{background:var(--accent);color:var(--accent-text)}`,
  }[o.layout];
  return `header{display:flex;align-items:center;gap:10px;padding:10px 12px;border-bottom:1px solid var(--border)}
h1.app{font-size:18px;margin:0 auto 0 0}
${layout}
textarea{width:100%;resize:none;padding:12px;border:1px solid var(--border);border-radius:var(--radius);background:var(--surface);color:var(--text);font:14px/1.5 monospace}
#preview{overflow:auto;padding:4px 16px;border:1px solid var(--border);border-radius:var(--radius);background:var(--surface);line-height:1.5}
#preview code{background:var(--bg);padding:1px 4px;border-radius:4px}
.link{color:var(--accent);text-decoration:underline}${o.quote ? `\nblockquote{margin:0;padding-left:12px;border-left:3px solid var(--accent);color:var(--muted)}` : ""}${o.codeBlock ? `\npre{background:var(--bg);padding:10px;overflow:auto}` : ""}${o.count ? `\n#count{color:var(--muted);font-size:14px}` : ""}${o.clear ? `\n#clear{padding:6px 12px;border:0;border-radius:var(--radius);background:var(--accent);color:var(--accent-text)}` : ""}`;
}

function body(o: MarkdownOptions): string {
  const tools = [
    o.layout === "tabs" ? `<div class="tabs"><button id="editTab" type="button" aria-pressed="true">Edit</button> <button id="previewTab" type="button" aria-pressed="false">Preview</button></div>` : "",
    o.count ? `<span id="count"></span>` : "",
    o.clear ? `<button id="clear" type="button">Clear</button>` : "",
  ].filter(Boolean);
  return `<header><h1 class="app">${esc(o.title)}</h1>${tools.length ? "\n" + tools.join("\n") : ""}</header>
<main>
<textarea id="source" aria-label="Markdown" spellcheck="false">${esc(SAMPLES[o.sample].join("\n"))}</textarea>
<div id="preview"${o.layout === "tabs" ? " hidden" : ""}></div>
</main>`;
}

function inlineFn(o: MarkdownOptions): string {
  const italic = o.italic === "star" ? `/\\*([^*]+)\\*/g` : `/_([^_]+)_/g`;
  const link = o.link === "span" ? `'<span class="link">$1</span>'` : `"<u>$1</u>"`;
  return `function inline(s) {
  return s
    .replace(/\`([^\`]+)\`/g, "<code>$1</code>")
    .replace(/\\*\\*(.+?)\\*\\*/g, "<strong>$1</strong>")
    .replace(${italic}, "<em>$1</em>")
    .replace(/\\[([^\\]]+)\\]\\(([^)]*)\\)/g, ${link});
}`;
}

function convertLines(o: MarkdownOptions): string {
  const blocks = [
    o.quote ? `else if (line.startsWith("&gt; ")) out.push("<blockquote>" + inline(line.slice(5)) + "</blockquote>");` : "",
    o.rule ? `else if (line === "---") out.push("<hr>");` : "",
  ].filter(Boolean);
  return `${inlineFn(o)}
function convert(md) {
  const out = [];
  let list = null;${o.codeBlock ? "\n  let code = false;" : ""}
  for (const line of escapeHtml(md).split("\\n")) {${o.codeBlock ? `\n    if (line.startsWith("\`\`\`")) {\n      out.push(code ? "</code></pre>" : "<pre><code>");\n      code = !code;\n      continue;\n    }\n    if (code) {\n      out.push(line);\n      continue;\n    }` : ""}
    const item = line.match(/^[-*] (.*)/)${o.ordered ? ` || line.match(/^\\d+\\. (.*)/)` : ""};
    const type = item ? ${o.ordered ? `(/^\\d/.test(line) ? "ol" : "ul")` : `"ul"`} : null;
    if (list && list !== type) {
      out.push("</" + list + ">");
      list = null;
    }
    if (item) {
      if (!list) out.push("<" + (list = type) + ">");
      out.push("<li>" + inline(item[1]) + "</li>");
      continue;
    }
    const h = line.match(/^(#{1,3}) (.*)/);
    if (h) out.push("<h" + h[1].length + ">" + inline(h[2]) + "</h" + h[1].length + ">");${blocks.length ? "\n    " + blocks.join("\n    ") : ""}
    else if (line.trim()) out.push("<p>" + inline(line) + "</p>");
  }
  if (list) out.push("</" + list + ">");
  return out.join("\\n");
}`;
}

function convertRegex(o: MarkdownOptions): string {
  const steps = [
    o.codeBlock ? `.replace(/^\`\`\`\\n([\\s\\S]*?)\\n\`\`\`$/gm, function (m, code) {\n      return "<pre><code>" + code.replace(/\\n/g, "&#10;").replace(/[*_\`#-]/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; }) + "</code></pre>";\n    })` : "",
    `.replace(/^### (.*)$/gm, "<h3>$1</h3>")`,
    `.replace(/^## (.*)$/gm, "<h2>$1</h2>")`,
    `.replace(/^# (.*)$/gm, "<h1>$1</h1>")`,
    o.rule ? `.replace(/^---$/gm, "<hr>")` : "",
    o.quote ? `.replace(/^&gt; (.*)$/gm, "<blockquote>$1</blockquote>")` : "",
    `.replace(/^[-*] (.*)$/gm, "<ul><li>$1</li></ul>")`,
    `.replace(/<\\/ul>\\n<ul>/g, "\\n")`,
    o.ordered ? `.replace(/^\\d+\\. (.*)$/gm, "<ol><li>$1</li></ol>")` : "",
    o.ordered ? `.replace(/<\\/ol>\\n<ol>/g, "\\n")` : "",
    `.replace(/^(?!<)(.+)$/gm, "<p>$1</p>")`,
  ].filter(Boolean);
  return `${inlineFn(o)}
function convert(md) {
  return inline(escapeHtml(md)
    ${steps.join("\n    ")});
}`;
}

function script(o: MarkdownOptions): string {
  const update = o.update === "instant" ? `source.addEventListener("input", render);` : `let timer = null;\nsource.addEventListener("input", function () {\n  clearTimeout(timer);\n  timer = setTimeout(render, ${o.delay});\n});`;
  return `const source = document.getElementById("source");
const preview = document.getElementById("preview");
function escapeHtml(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
${o.converter === "lines" ? convertLines(o) : convertRegex(o)}
function render() {
  preview.innerHTML = convert(source.value);${o.count ? `\n  const words = source.value.trim().split(/\\s+/).filter(Boolean).length;\n  document.getElementById("count").textContent = words + (words === 1 ? " word" : " words");` : ""}
}
${update}${o.clear ? `\ndocument.getElementById("clear").addEventListener("click", function () {\n  source.value = "";\n  render();\n  source.focus();\n});` : ""}${o.layout === "tabs" ? `\nconst editTab = document.getElementById("editTab");\nconst previewTab = document.getElementById("previewTab");\nfunction show(edit) {\n  source.hidden = !edit;\n  preview.hidden = edit;\n  editTab.setAttribute("aria-pressed", String(edit));\n  previewTab.setAttribute("aria-pressed", String(!edit));\n}\neditTab.addEventListener("click", function () { show(true); });\npreviewTab.addEventListener("click", function () { show(false); });` : ""}
render();`;
}

function render(o: MarkdownOptions): string {
  return page({ title: esc(o.title), theme: o.theme, css: css(o), body: body(o), script: script(o) });
}

const OPTIONAL = ["ordered", "quote", "rule", "codeBlock", "count", "clear"] as const;
const fits = (o: MarkdownOptions) => render(o).length <= 4000;

interface Seen {
  h1: string;
  h2: string;
  strong: string;
  em: string;
  code: string;
  link: string;
  ul: number;
  ol: number;
  quote: string;
  hr: number;
  pre: string;
  text: string;
}

/** What the preview shows; the preview is the element around the h1 that reads `title`. */
async function seen(frame: Frame, title: string): Promise<Seen | undefined> {
  return frame.evaluate((title) => {
    const p = Array.from(document.querySelectorAll("h1")).find((h) => h.textContent === title)?.parentElement;
    if (!p) return undefined;
    const [h1, h2, strong, em, code, link, quote, pre] = ["h1", "h2", "strong, b", "em, i", "p code, li code", "a, .link, u", "blockquote", "pre"].map(
      (sel) => p.querySelector(sel)?.textContent ?? "",
    );
    const ul = p.querySelectorAll("ul > li").length;
    const ol = p.querySelectorAll("ol > li").length;
    return { h1, h2, strong, em, code, link, ul, ol, quote, hr: p.querySelectorAll("hr").length, pre, text: p.textContent ?? "" };
  }, title);
}

type Wants = Record<"ordered" | "quote" | "rule" | "codeBlock" | "count" | "clear", boolean>;

/** Show the preview (its tab, where there is one) and read it once it shows `title`. */
async function preview(frame: Frame, title: string, message: string): Promise<Seen> {
  const tab = button(frame, /preview/i);
  if (await exists(tab)) await tab.click();
  return eventually(() => seen(frame, title), message);
}

/** Type markdown like a user; the preview must render each construct (and each wanted extra). */
async function drive({ frame }: AppUnderTest, want: Wants): Promise<void> {
  const editTab = button(frame, /^edit/i);
  const showEditor = async () => {
    if (await exists(editTab)) await editTab.click();
  };
  await showEditor();
  const source = frame.locator("textarea").filter({ visible: true }).first();
  const lines = [
    "# Big Title",
    "## Second level",
    "Some **heavy** and *slanted* or _slanted_ words, `x = 1` and a [nice link](page.md). 3 < 4 & 5 > 2",
    "- alpha",
    "- beta",
    "- gamma",
    "",
    ...(want.ordered ? ["1. one", "2. two"] : []),
    ...(want.quote ? ["> quoted words"] : []),
    ...(want.rule ? ["---"] : []),
    ...(want.codeBlock ? ["```", "let y = **2**;", "```"] : []),
    "The end.",
  ];
  const md = lines.join("\n");
  const numbers = await shownNumbers(frame);
  await source.fill(md);
  const s = await preview(frame, "Big Title", "the preview does not update after typing");
  const wanted: [keyof Seen, string | number][] = [
    ["h2", "Second level"], ["strong", "heavy"], ["em", "slanted"], ["code", "x = 1"], ["link", "nice link"], ["ul", 3],
    ...(want.ordered ? ([["ol", 2]] as [keyof Seen, number][]) : []),
    ...(want.quote ? ([["quote", "quoted words"]] as [keyof Seen, string][]) : []),
  ];
  for (const [k, v] of wanted) if (s[k] !== v) throw new Error(`preview ${k} is "${s[k]}", expected "${v}"`);
  if (want.rule && !s.hr) throw new Error("--- does not make a rule");
  if (want.codeBlock && !s.pre.includes("let y = **2**;")) throw new Error(`code block shows "${s.pre}"`);
  if (!s.text.includes("3 < 4 & 5 > 2")) throw new Error("special characters are not shown as text");
  if (s.text.includes("](") || s.text.includes("**heavy")) throw new Error("markdown syntax is left in the preview");
  if (want.count && (await shownNumbers(frame)) === numbers) throw new Error("the word count does not follow the text");
  if (want.clear) {
    await showEditor();
    await button(frame, /clear/i).click();
    if ((await source.inputValue()) !== "") throw new Error("clear does not empty the editor");
  }
}

export const markdown = defineFamily<MarkdownOptions>({
  name: "markdown",
  options(rng) {
    const o: MarkdownOptions = {
      theme: randomTheme(rng),
      title: rng.pick(["Markdown Preview", "Markdown Editor", "Live Markdown", "MD Previewer", "Markdown Live Preview", "Notes in Markdown"]),
      sample: rng.int(0, SAMPLES.length - 1),
      layout: rng.pick(["split", "split", "stacked", "tabs"] as const),
      converter: rng.pick(["lines", "regex"] as const),
      update: rng.pick(["instant", "instant", "debounce"] as const),
      delay: rng.pick([150, 200, 300]),
      italic: rng.pick(["star", "underscore"] as const),
      link: rng.pick(["span", "u"] as const),
      ordered: rng.chance(0.45),
      quote: rng.chance(0.4),
      rule: rng.chance(0.3),
      codeBlock: rng.chance(0.35),
      count: rng.chance(0.4),
      clear: rng.chance(0.35),
    };
    for (let on = OPTIONAL.filter((k) => o[k]); !fits(o) && on.length; on = OPTIONAL.filter((k) => o[k])) o[rng.pick(on)] = false;
    return o;
  },
  render,
  features(o) {
    return [
      `layout:${o.layout}`,
      ...(o.ordered ? ["ordered-lists"] : []),
      ...(o.quote ? ["blockquotes"] : []),
      ...(o.rule ? ["rules"] : []),
      ...(o.codeBlock ? ["code-blocks"] : []),
      ...(o.count ? ["word-count"] : []),
      ...(o.clear ? ["clear"] : []),
    ];
  },
  request(o, rng) {
    const subject = rng.pick([
      "a markdown previewer with a live preview pane",
      "a markdown editor with live preview",
      "a live markdown previewer that converts headings, bold, italic, lists, code and links",
      "a markdown to HTML previewer with its own small parser",
      "a page where I type markdown and see it rendered live",
    ]);
    const f: string[] = [];
    if (o.layout === "split" && rng.chance(0.4)) f.push(rng.pick(["the editor and preview side by side", "a split view"]));
    if (o.layout === "stacked" && rng.chance(0.4)) f.push("the preview below the editor");
    if (o.layout === "tabs") f.push(rng.pick(["Edit and Preview tabs", "a toggle between editing and previewing"]));
    if (o.ordered) f.push(rng.pick(["numbered lists", "ordered lists"]));
    if (o.quote) f.push(rng.pick(["blockquotes", "support for > quotes"]));
    if (o.rule) f.push(rng.pick(["horizontal rules", "--- as a divider line"]));
    if (o.codeBlock) f.push(rng.pick(["fenced code blocks", "``` code blocks"]));
    if (o.count) f.push(rng.pick(["a word count", "a live word counter"]));
    if (o.clear) f.push(rng.pick(["a clear button", "a button to clear the text"]));
    if (o.update === "debounce" && rng.chance(0.3)) f.push("a short debounce on typing");
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-ordered", requests: ["support numbered lists too", "add ordered lists"], appliesTo: (o) => !o.ordered && fits({ ...o, ordered: true }), apply: (o) => ({ ...o, ordered: true }) },
    { id: "add-quote", requests: ["support blockquotes", "make lines starting with > into quotes"], appliesTo: (o) => !o.quote && fits({ ...o, quote: true }), apply: (o) => ({ ...o, quote: true }) },
    { id: "add-code-block", requests: ["support fenced code blocks", "add ``` code blocks"], appliesTo: (o) => !o.codeBlock && fits({ ...o, codeBlock: true }), apply: (o) => ({ ...o, codeBlock: true }) },
    { id: "add-count", requests: ["add a word count", "show how many words I typed"], appliesTo: (o) => !o.count && fits({ ...o, count: true }), apply: (o) => ({ ...o, count: true }) },
    { id: "add-clear", requests: ["add a clear button", "let me clear the editor"], appliesTo: (o) => !o.clear && fits({ ...o, clear: true }), apply: (o) => ({ ...o, clear: true }) },
  ],
  async check(app, o) {
    await preview(app.frame, SAMPLES[o.sample][0].slice(2), "the sample text is not rendered at start");
    await drive(app, { ordered: o.ordered, quote: o.quote, rule: o.rule, codeBlock: o.codeBlock, count: o.count, clear: o.clear });
  },
  async requestCheck(app, request) {
    await drive(app, {
      ordered: /numbered|ordered/i.test(request),
      quote: /quote/i.test(request),
      rule: /horizontal rule|divider/i.test(request),
      codeBlock: /fenced|code block/i.test(request),
      count: /word count|word counter/i.test(request),
      clear: /clear/i.test(request),
    });
  },
});
