// A poll: vote for one of several options and see the results as bars.
import type { Frame } from "playwright-core";
import { esc, jsStr, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import { addEntry } from "../list-steps.ts";
import { button, eventually, exists, storageHolds, textChanges, visibleText } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

interface PollOptions {
  theme: Theme;
  title: string;
  question: string;
  choices: string[];
  votes: number[];
  ui: "buttons" | "radios";
  style: "functions" | "class";
  oneVote: boolean;
  hidden: boolean;
  total: boolean;
  reset: boolean;
  addOption: boolean;
  leader: boolean;
  save: boolean;
  layout: "card" | "wide";
  label: "count-pct" | "pct-count";
  voteLabel: string;
  key: string;
}

const POLLS: [topic: string, question: string, choices: string[]][] = [
  ["favorite fruit", "What is your favorite fruit?", ["Apple", "Banana", "Cherry", "Orange", "Grapes"]],
  ["programming languages", "Which language do you like best?", ["JavaScript", "Python", "Rust", "Go", "Java"]],
  ["weekend plans", "What are you doing this weekend?", ["Hiking", "Movies", "Gaming", "Reading", "Sleeping in"]],
  ["pets", "Cats or dogs?", ["Cats", "Dogs", "Both", "Neither"]],
  ["team lunch", "Where should we go for lunch?", ["Pizza", "Sushi", "Tacos", "Salad bar"]],
  ["seasons", "What is the best season?", ["Spring", "Summer", "Autumn", "Winter"]],
  ["coffee or tea", "Coffee or tea?", ["Coffee", "Tea", "Hot chocolate"]],
];

function css(o: PollOptions): string {
  return `main{max-width:${o.layout === "card" ? 460 : 680}px;margin:40px auto;padding:24px${o.layout === "card" ? ";background:var(--surface);border:1px solid var(--border);border-radius:var(--radius)" : ""}}
h1{font-size:22px;margin:0 0 4px}
.question{color:var(--muted);margin:0 0 16px}
#options{display:grid;gap:8px;margin-bottom:16px}
${o.ui === "buttons" ? `#options button{padding:10px;text-align:left;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text)}\n#options button:disabled{opacity:.6}` : `#options label{display:flex;gap:8px;align-items:center}`}
.btn{padding:9px 16px;border:0;border-radius:var(--radius);background:var(--accent);color:var(--accent-text)}
.row{margin:10px 0}
.row>div:first-child{display:flex;justify-content:space-between;font-size:14px}
.track{height:10px;background:var(--border);border-radius:5px;overflow:hidden}
.fill{height:100%;background:var(--accent);transition:width .3s}${o.leader ? `\n.leader{font-weight:bold}` : ""}${o.total ? `\n#total{color:var(--muted)}` : ""}${o.addOption ? `\n#add{display:flex;gap:8px;margin-top:16px}\n#add input{flex:1;padding:8px;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text)}` : ""}`;
}

function body(o: PollOptions): string {
  const vote = o.ui === "radios" ? `<form id="vote">\n<div id="options"></div>\n<button class="btn" type="submit">${esc(o.voteLabel)}</button>\n</form>` : `<div id="options"></div>`;
  return `<main>
<h1>${esc(o.title)}</h1>
<p class="question">${esc(o.question)}</p>
${vote}${o.oneVote ? `\n<p id="thanks" hidden>Thanks for voting!</p>` : ""}
<section id="results"${o.hidden ? " hidden" : ""}></section>${o.total ? `\n<p id="total"></p>` : ""}${o.reset ? `\n<button id="reset" class="btn">Reset votes</button>` : ""}${
    o.addOption ? `\n<form id="add">\n<input id="new" placeholder="Add an option">\n<button class="btn" type="submit">Add</button>\n</form>` : ""
  }
</main>`;
}

function labelExpr(o: PollOptions, n: string, pct: string): string {
  return o.label === "count-pct" ? `${n} + (${n} === 1 ? " vote" : " votes") + " (" + ${pct} + "%)"` : `${pct} + "% - " + ${n}`;
}

function scriptFunctions(o: PollOptions): string {
  const data = o.choices.map((c, i) => `{ name: ${jsStr(c)}, votes: ${o.votes[i]} }`).join(",\n  ");
  const optionHtml =
    o.ui === "buttons"
      ? `\`<button data-i="\${i}"\${voted ? " disabled" : ""}>\${esc(opt.name)}</button>\``
      : `\`<label><input type="radio" name="choice" value="\${i}"> \${esc(opt.name)}</label>\``;
  const cast = `  options[i].votes++;${o.oneVote ? `\n  voted = true;\n  document.getElementById("thanks").hidden = false;` : ""}${o.hidden ? `\n  results.hidden = false;` : ""}
  render();`;
  return `let options = ${o.save ? `JSON.parse(localStorage.getItem(${jsStr(o.key)}) || "null") || ` : ""}[
  ${data}
];${o.oneVote ? `\nlet voted = false;` : ""}
const list = document.getElementById("options");
const results = document.getElementById("results");
function esc(s) {
  return s.replace(/[&<>"]/g, (c) => "&#" + c.charCodeAt(0) + ";");
}
function render() {
  list.innerHTML = options.map((opt, i) => ${o.ui === "buttons" && !o.oneVote ? optionHtml.replace(`\${voted ? " disabled" : ""}`, "") : optionHtml}).join("");
  const total = options.reduce((sum, opt) => sum + opt.votes, 0);${o.leader ? `\n  const top = Math.max(...options.map((opt) => opt.votes));` : ""}
  results.innerHTML = options.map((opt) => {
    const pct = total ? Math.round((opt.votes / total) * 100) : 0;
    return \`<div class="row${o.leader ? `\${opt.votes === top && top > 0 ? " leader" : ""}` : ""}"><div><span>\${esc(opt.name)}</span><span class="count">\${${labelExpr(o, "opt.votes", "pct")}}</span></div><div class="track"><div class="fill" style="width:\${pct}%"></div></div></div>\`;
  }).join("");${o.total ? `\n  document.getElementById("total").textContent = "Total votes: " + total;` : ""}${o.save ? `\n  localStorage.setItem(${jsStr(o.key)}, JSON.stringify(options));` : ""}
}
function vote(i) {${o.oneVote ? `\n  if (voted) return;` : ""}
${cast}
}
${
  o.ui === "buttons"
    ? `list.addEventListener("click", (e) => {
  const b = e.target.closest("button");
  if (b) vote(Number(b.dataset.i));
});`
    : `document.getElementById("vote").addEventListener("submit", (e) => {
  e.preventDefault();
  const picked = document.querySelector("input[name=choice]:checked");
  if (picked) vote(Number(picked.value));
});`
}${
    o.reset
      ? `\ndocument.getElementById("reset").addEventListener("click", () => {
  options.forEach((opt) => (opt.votes = 0));${o.oneVote ? `\n  voted = false;\n  document.getElementById("thanks").hidden = true;` : ""}
  render();
});`
      : ""
  }${
    o.addOption
      ? `\ndocument.getElementById("add").addEventListener("submit", (e) => {
  e.preventDefault();
  const input = document.getElementById("new");
  if (!input.value.trim()) return;
  options.push({ name: input.value.trim(), votes: 0 });
  input.value = "";
  render();
});`
      : ""
  }
render();`;
}

function scriptClass(o: PollOptions): string {
  const votes = `{ ${o.choices.map((c, i) => `${jsStr(c)}: ${o.votes[i]}`).join(", ")} }`;
  const option =
    o.ui === "buttons"
      ? `      const b = document.createElement("button");
      b.textContent = name;${o.oneVote ? `\n      b.disabled = this.voted;` : ""}
      b.addEventListener("click", () => this.vote(name));
      this.list.appendChild(b);`
      : `      const label = document.createElement("label");
      const radio = document.createElement("input");
      Object.assign(radio, { type: "radio", name: "choice", value: name });
      label.append(radio, " " + name);
      this.list.appendChild(label);`;
  return `class Poll {
  constructor() {
    this.votes = ${o.save ? `JSON.parse(localStorage.getItem(${jsStr(o.key)}) || "null") || ` : ""}${votes};${o.oneVote ? `\n    this.voted = false;` : ""}
    this.list = document.getElementById("options");
    this.results = document.getElementById("results");${
      o.ui === "radios"
        ? `\n    document.getElementById("vote").addEventListener("submit", (e) => {
      e.preventDefault();
      const picked = this.list.querySelector("input:checked");
      if (picked) this.vote(picked.value);
    });`
        : ""
    }${o.reset ? `\n    document.getElementById("reset").addEventListener("click", () => this.reset());` : ""}${o.addOption ? `\n    document.getElementById("add").addEventListener("submit", (e) => this.add(e));` : ""}
    this.render();
  }
  vote(name) {${o.oneVote ? `\n    if (this.voted) return;\n    this.voted = true;\n    document.getElementById("thanks").hidden = false;` : ""}${o.hidden ? `\n    this.results.hidden = false;` : ""}
    this.votes[name]++;
    this.render();
  }${
    o.reset
      ? `\n  reset() {
    for (const name in this.votes) this.votes[name] = 0;${o.oneVote ? `\n    this.voted = false;\n    document.getElementById("thanks").hidden = true;` : ""}
    this.render();
  }`
      : ""
  }${
    o.addOption
      ? `\n  add(e) {
    e.preventDefault();
    const name = document.getElementById("new").value.trim();
    if (name && !(name in this.votes)) this.votes[name] = 0;
    e.target.reset();
    this.render();
  }`
      : ""
  }
  render() {
    const names = Object.keys(this.votes);
    const total = names.reduce((sum, name) => sum + this.votes[name], 0);${o.leader ? `\n    const top = Math.max(...Object.values(this.votes));` : ""}
    this.list.innerHTML = "";
    this.results.innerHTML = "";
    names.forEach((name) => {
${option}
      const n = this.votes[name];
      const pct = total ? Math.round((n / total) * 100) : 0;
      const row = document.createElement("div");
      row.className = "row";${o.leader ? `\n      row.classList.toggle("leader", n === top && top > 0);` : ""}
      row.innerHTML = \`<div><span></span><span class="count"></span></div><div class="track"><div class="fill" style="width:\${pct}%"></div></div>\`;
      row.querySelector("span").textContent = name;
      row.querySelector(".count").textContent = ${labelExpr(o, "n", "pct")};
      this.results.appendChild(row);
    });${o.total ? `\n    document.getElementById("total").textContent = "Total votes: " + total;` : ""}${o.save ? `\n    localStorage.setItem(${jsStr(o.key)}, JSON.stringify(this.votes));` : ""}
  }
}
new Poll();`;
}

/** How many optional extras an app has (one-vote with hidden results counts as one): at most two, to stay compact. */
function extras(o: PollOptions): number {
  return [o.total, o.reset, o.addOption, o.leader, o.save].filter(Boolean).length + (o.oneVote && o.hidden ? 1 : 0);
}

export const poll = defineFamily<PollOptions>({
  name: "poll",
  options(rng) {
    const [, question, all] = rng.pick(POLLS);
    const choices = all.slice(0, rng.int(3, all.length));
    const oneVote = rng.chance(0.5);
    const hidden = rng.chance(0.4);
    const ex = rng.sample(["total", "reset", "addOption", "leader", "save"], rng.int(0, oneVote && hidden ? 1 : 2));
    return {
      theme: randomTheme(rng),
      title: rng.pick(["Quick Poll", "Poll", "Vote!", "Community Poll", "Cast Your Vote"]),
      question,
      choices,
      votes: rng.chance(0.5) ? choices.map(() => rng.int(0, 12)) : choices.map(() => 0),
      ui: rng.pick(["buttons", "radios"] as const),
      style: rng.pick(["functions", "class"] as const),
      oneVote,
      hidden,
      total: ex.includes("total"),
      reset: ex.includes("reset"),
      addOption: ex.includes("addOption"),
      leader: ex.includes("leader"),
      save: ex.includes("save"),
      layout: rng.pick(["card", "wide"] as const),
      label: rng.pick(["count-pct", "pct-count"] as const),
      voteLabel: rng.pick(["Vote", "Submit vote", "Cast vote"]),
      key: rng.pick(["poll", "poll-votes", "votes"]),
    };
  },
  render(o) {
    return page({ title: o.title, theme: o.theme, css: css(o), body: body(o), script: o.style === "class" ? scriptClass(o) : scriptFunctions(o) });
  },
  features(o) {
    return [
      `vote:${o.ui}`,
      ...(o.oneVote ? ["one-vote"] : []),
      ...(o.hidden ? ["results-after-vote"] : []),
      ...(o.total ? ["total"] : []),
      ...(o.reset ? ["reset"] : []),
      ...(o.addOption ? ["add-option"] : []),
      ...(o.leader ? ["leader"] : []),
      ...(o.save ? ["save"] : []),
    ];
  },
  request(o, rng) {
    const topic = POLLS.find(([, q]) => q === o.question)![0];
    const subject = rng.pick(["a poll app", "a voting app", "a simple poll", `a poll about ${topic}`, `a voting page for "${o.question}"`]);
    const f: string[] = [rng.pick(["results with percentage bars", "live results with bars", "a results chart with percentages"])];
    f.push(o.ui === "buttons" ? rng.pick(["a button for each option", "one-click voting buttons"]) : rng.pick(["radio buttons and a vote button", "radio options and a submit button"]));
    if (o.oneVote) f.push(rng.pick(["only one vote per person", "voting locked after one vote"]));
    if (o.hidden) f.push(rng.pick(["results shown only after voting", "results hidden until I vote"]));
    if (o.total) f.push(rng.pick(["the total number of votes", "a total vote count"]));
    if (o.reset) f.push(rng.pick(["a reset button", "a button to reset the votes"]));
    if (o.addOption) f.push(rng.pick(["a way to add new options", "an input to add an option"]));
    if (o.leader) f.push(rng.pick(["the leading option in bold", "the winner highlighted"]));
    if (o.save) f.push(rng.pick(["votes saved in localStorage", "localStorage persistence"]));
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? f.slice(0, 1) : f);
  },
  edits: [
    { id: "add-total", requests: ["show the total number of votes", "add a vote counter"], appliesTo: (o) => !o.total && extras(o) < 2, apply: (o) => ({ ...o, total: true }) },
    { id: "add-reset", requests: ["add a reset button", "let me reset the votes"], appliesTo: (o) => !o.reset && extras(o) < 2, apply: (o) => ({ ...o, reset: true }) },
    { id: "add-option", requests: ["let people add their own options", "add an input for new options"], appliesTo: (o) => !o.addOption && extras(o) < 2, apply: (o) => ({ ...o, addOption: true }) },
    { id: "highlight-leader", requests: ["highlight the option that is winning", "make the leader bold"], appliesTo: (o) => !o.leader && extras(o) < 2, apply: (o) => ({ ...o, leader: true }) },
    { id: "one-vote", requests: ["only allow one vote", "lock voting after I vote"], appliesTo: (o) => !o.oneVote && extras(o) < 2, apply: (o) => ({ ...o, oneVote: true }) },
    { id: "hide-results", requests: ["hide the results until I vote", "only show results after voting"], appliesTo: (o) => !o.hidden && extras(o) < 2, apply: (o) => ({ ...o, hidden: true }) },
  ],
  async check(app, o) {
    await drive(app, { oneVote: o.oneVote, hidden: o.hidden, reset: o.reset, addOption: o.addOption, save: o.save });
  },
  async requestCheck(app, request) {
    await drive(app, {
      oneVote: /one vote|locked/i.test(request) || undefined,
      hidden: /only after voting|hidden until/i.test(request),
      reset: /reset/i.test(request),
      addOption: /add new options|add an option/i.test(request),
      save: /local ?storage/i.test(request),
    });
  },
});

interface Wants {
  /** Only one vote counts (true), every vote counts (false), or either. */
  oneVote?: boolean;
  hidden: boolean;
  reset: boolean;
  addOption: boolean;
  save: boolean;
}

const CONTROL = /vote|submit|reset|add|clear/i;

/** The percentages the page shows, once they add up to about 100. */
async function percentages(frame: Frame, what: string): Promise<string> {
  return eventually(async () => {
    const shown = ((await visibleText(frame)).match(/\d+(\.\d+)?(?= ?%)/g) ?? []).map(Number);
    const sum = shown.reduce((a, b) => a + b, 0);
    return shown.length >= 2 && Math.abs(sum - 100) <= 3 ? shown.join() : undefined;
  }, `${what}: no results in percentages that add up to 100`);
}

/** Vote like a user (with radio buttons and a vote button, or a button per option); the results must follow. */
async function drive({ frame }: AppUnderTest, want: Wants): Promise<void> {
  const radios = frame.getByRole("radio");
  const options = (await exists(radios)) ? radios : frame.getByRole("button").filter({ visible: true }).filter({ hasNotText: CONTROL });
  const names = (await exists(radios)) ? await frame.locator("label:has(input[type=radio])").allInnerTexts() : await options.allInnerTexts();
  if (names.length < 2) throw new Error("no options to vote for");
  if (want.hidden && /\d ?%/.test(await visibleText(frame))) throw new Error("the results show before voting");
  const vote = async (i: number) => {
    if (await exists(radios)) {
      await radios.nth(i).check();
      await button(frame, /vote|submit/i).click();
    } else await options.nth(i).click();
  };
  const text = await visibleText(frame);
  await vote(names.length - 1);
  await textChanges(frame, text, "voting does not change the results");
  const first = await percentages(frame, "after one vote");
  if (want.oneVote) {
    if (await options.first().isEnabled()) await vote(0);
    await frame.waitForTimeout(500);
    if ((await percentages(frame, "after voting twice")) !== first) throw new Error("a second vote counts");
  } else if (want.oneVote === false) {
    const after = await visibleText(frame);
    await vote(0);
    await textChanges(frame, after, "a second vote does not count");
    await percentages(frame, "after two votes");
  }
  if (want.save && !(await storageHolds(frame, names[names.length - 1].trim()))) throw new Error("the votes are not saved to localStorage");
  if (want.addOption) await addEntry(frame, "Something else");
  if (want.reset) {
    const before = await visibleText(frame);
    await button(frame, /reset/i).click();
    await textChanges(frame, before, "reset does not clear the votes");
    if (!/(^|\D)0 ?%/.test(await visibleText(frame)) && /\d ?%/.test(await visibleText(frame))) throw new Error("reset leaves votes counted");
  }
}
