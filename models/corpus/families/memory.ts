// Memory: flip two cards at a time to find matching pairs.
import { esc, jsStr, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import { button, cell, eventually, markCells, shownNumbers, textChanges, visibleText } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

interface MemoryOptions {
  theme: Theme;
  title: string;
  set: "letters" | "numbers" | "symbols" | "animals" | "fruits";
  pairs: 6 | 8;
  moves: boolean;
  timer: boolean;
  restart: boolean;
  restartLabel: string;
  back: string;
  delayMs: number;
  layout: "card" | "plain" | "bar";
  build: "html" | "dom";
  events: "delegation" | "listeners";
  size: number;
}

const SETS: Record<MemoryOptions["set"], string[]> = {
  letters: ["A", "B", "C", "D", "E", "F", "G", "H"].map(jsStr),
  numbers: ["1", "2", "3", "4", "5", "6", "7", "8"].map(jsStr),
  symbols: ["2665", "2660", "2663", "2666", "2605", "263A", "266B", "2602"].map((c) => `"\\u${c}"`),
  animals: ["Cat", "Dog", "Fox", "Owl", "Bee", "Elk", "Yak", "Ant"].map(jsStr),
  fruits: ["Kiwi", "Lime", "Plum", "Pear", "Fig", "Date", "Apple", "Mango"].map(jsStr),
};

function css(o: MemoryOptions): string {
  const wrap =
    o.layout === "card"
      ? `.app{max-width:${o.size * 4 + 80}px;margin:32px auto;padding:20px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius);text-align:center}`
      : o.layout === "bar"
        ? `header{display:flex;justify-content:space-between;align-items:center;padding:12px 20px;background:var(--accent);color:var(--accent-text)}\n.app{text-align:center;padding:20px}`
        : `.app{text-align:center;padding:24px}`;
  return `${wrap}
h1{margin:0 0 8px;font-size:22px}
.stats{display:flex;gap:16px;justify-content:center;align-items:center;margin:8px 0;color:var(--muted)}
#grid{display:inline-grid;grid-template-columns:repeat(4,${o.size}px);gap:8px;margin:12px 0}
.card{height:${o.size}px;border:0;border-radius:var(--radius);background:var(--accent);color:var(--accent-text);font-size:${o.set === "animals" || o.set === "fruits" ? 16 : Math.round(o.size / 2.4)}px}
.card.open{background:var(--surface);color:var(--text);border:2px solid var(--accent)}
.card.done{opacity:.55}
#msg{min-height:24px;font-weight:bold;color:var(--accent)}${o.restart ? `\n#restart{padding:6px 14px;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text)}` : ""}`;
}

function body(o: MemoryOptions): string {
  const stats: string[] = [];
  if (o.moves) stats.push(`<span>Moves: <b id="moves">0</b></span>`);
  if (o.timer) stats.push(`<span>Time: <b id="time">0</b>s</span>`);
  if (o.restart) stats.push(`<button id="restart">${esc(o.restartLabel)}</button>`);
  const statsHtml = stats.length ? `\n<div class="stats">${stats.join("")}</div>` : "";
  const h1 = `<h1>${esc(o.title)}</h1>`;
  if (o.layout === "bar")
    return `<header>${h1}</header>
<main class="app">${statsHtml}
<div id="grid"></div>
<p id="msg"></p>
</main>`;
  return `<main class="app">
${h1}${statsHtml}
<div id="grid"></div>
<p id="msg"></p>
</main>`;
}

function script(o: MemoryOptions): string {
  const symbols = SETS[o.set].slice(0, o.pairs).join(", ");
  const perCard = o.events === "listeners";
  const build =
    o.build === "html"
      ? `  grid.innerHTML = deck.map((v) => '<button class="card" data-v="' + v + '">${esc(o.back)}</button>').join("");${perCard ? `\n  grid.querySelectorAll(".card").forEach((c) => c.addEventListener("click", () => flip(c)));` : ""}`
      : `  grid.innerHTML = "";
  deck.forEach((v) => {
    const c = document.createElement("button");
    c.className = "card";
    c.dataset.v = v;
    c.textContent = ${jsStr(o.back)};${perCard ? `\n    c.addEventListener("click", () => flip(c));` : ""}
    grid.appendChild(c);
  });`;
  const win = o.moves ? `"You won in " + moves + " moves!"` : `"You found all the pairs!"`;
  return `const symbols = [${symbols}];
const grid = document.getElementById("grid");
const msg = document.getElementById("msg");${o.moves ? `\nconst movesEl = document.getElementById("moves");` : ""}${o.timer ? `\nconst timeEl = document.getElementById("time");\nlet timer = null;\nlet seconds = 0;` : ""}
let first = null;
let lock = false;
let found = 0;
let moves = 0;
function shuffle(a) {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
function start() {
  const deck = shuffle(symbols.concat(symbols));
${build}
  first = null;
  lock = false;
  found = 0;
  moves = 0;
  msg.textContent = "";${o.moves ? `\n  movesEl.textContent = 0;` : ""}${o.timer ? `\n  clearInterval(timer);\n  timer = null;\n  seconds = 0;\n  timeEl.textContent = 0;` : ""}
}
function flip(c) {
  if (lock || c === first || c.classList.contains("done")) return;${o.timer ? `\n  if (!timer) timer = setInterval(() => (timeEl.textContent = ++seconds), 1000);` : ""}
  c.textContent = c.dataset.v;
  c.classList.add("open");
  if (!first) {
    first = c;
    return;
  }
  moves++;${o.moves ? `\n  movesEl.textContent = moves;` : ""}
  if (first.dataset.v === c.dataset.v) {
    first.classList.add("done");
    c.classList.add("done");
    first = null;
    if (++found === symbols.length) {${o.timer ? `\n      clearInterval(timer);` : ""}
      msg.textContent = ${win};
    }
  } else {
    const a = first;
    first = null;
    lock = true;
    setTimeout(() => {
      [a, c].forEach((x) => {
        x.textContent = ${jsStr(o.back)};
        x.classList.remove("open");
      });
      lock = false;
    }, ${o.delayMs});
  }
}${perCard ? "" : `\ngrid.addEventListener("click", (e) => {\n  const c = e.target.closest(".card");\n  if (c) flip(c);\n});`}${o.restart ? `\ndocument.getElementById("restart").addEventListener("click", start);` : ""}
start();`;
}

export const memory = defineFamily<MemoryOptions>({
  name: "memory",
  options(rng) {
    return {
      theme: randomTheme(rng),
      title: rng.pick(["Memory", "Memory Game", "Match the Pairs", "Card Match", "Concentration", "Find the Pairs"]),
      set: rng.pick(["letters", "numbers", "symbols", "animals", "fruits"] as const),
      pairs: rng.pick([6, 8] as const),
      moves: rng.chance(0.6),
      timer: rng.chance(0.45),
      restart: rng.chance(0.55),
      restartLabel: rng.pick(["Restart", "New game", "Shuffle", "Play again"]),
      back: rng.pick(["", "?", "*"]),
      delayMs: rng.pick([500, 600, 700, 800]),
      layout: rng.pick(["card", "plain", "bar"] as const),
      build: rng.pick(["html", "dom"] as const),
      events: rng.pick(["delegation", "listeners"] as const),
      size: rng.pick([64, 72, 80, 90]),
    };
  },
  render(o) {
    return page({ title: o.title, theme: o.theme, css: css(o), body: body(o), script: script(o) });
  },
  features(o) {
    return [`set:${o.set}`, `pairs:${o.pairs}`, ...(o.moves ? ["moves"] : []), ...(o.timer ? ["timer"] : []), ...(o.restart ? ["restart"] : [])];
  },
  request(o, rng) {
    const subject = rng.pick(["a memory card matching game", "a memory game", "a card matching game", "a concentration game", "a game where you flip cards to find pairs"]);
    const f: string[] = [];
    const setName = { letters: "letters", numbers: "numbers", symbols: "card suit symbols", animals: "animal names", fruits: "fruit names" }[o.set];
    if (rng.chance(0.6)) f.push(rng.pick([`${setName} on the cards`, `cards showing ${setName}`]));
    if (rng.chance(0.5)) f.push(o.pairs === 8 ? rng.pick(["8 pairs", "a 4x4 grid"]) : rng.pick(["6 pairs", "12 cards"]));
    if (o.moves) f.push(rng.pick(["a move counter", "a count of moves", "the number of moves"]));
    if (o.timer) f.push(rng.pick(["a timer", "a timer showing the seconds", "an elapsed time display"]));
    if (o.restart) f.push(rng.pick(["a restart button", "a new game button", "a button to reshuffle"]));
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-moves", requests: ["count the moves", "add a move counter"], appliesTo: (o) => !o.moves, apply: (o) => ({ ...o, moves: true }) },
    { id: "add-timer", requests: ["add a timer", "show how long I take"], appliesTo: (o) => !o.timer, apply: (o) => ({ ...o, timer: true }) },
    { id: "add-restart", requests: ["add a restart button", "let me start a new game"], appliesTo: (o) => !o.restart, apply: (o) => ({ ...o, restart: true }) },
    { id: "more-pairs", requests: ["use 8 pairs", "make the grid 4x4"], appliesTo: (o) => o.pairs === 6, apply: (o) => ({ ...o, pairs: 8 }) },
  ],
  async check(app, o) {
    await drive(app, { pairs: o.pairs, moves: o.moves, timer: o.timer, restart: o.restart });
  },
  async requestCheck(app, request) {
    const pairs = /(\d+) pairs/i.exec(request)?.[1] ?? (/(\d+) cards/i.exec(request) ? Number(/(\d+) cards/i.exec(request)![1]) / 2 : /4x4/.test(request) ? 8 : undefined);
    await drive(app, {
      pairs: pairs === undefined ? undefined : Number(pairs),
      moves: /moves/i.test(request),
      timer: /timer|time display/i.test(request),
      restart: /restart|new game|reshuffle/i.test(request),
    });
  },
});

interface Wants {
  /** How many pairs the deck has, where known. */
  pairs?: number;
  moves: boolean;
  timer: boolean;
  restart: boolean;
}

/** Play like a user: turn cards two at a time until a pair is found; a pair stays open, a mismatch turns back. */
async function drive({ frame }: AppUnderTest, want: Wants): Promise<void> {
  const n = await markCells(frame);
  if (n < 8 || n % 2) throw new Error(`no deck of cards (${n} found)`);
  if (want.pairs && n !== want.pairs * 2) throw new Error(`${n} cards, not ${want.pairs} pairs`);
  const card = (i: number) => cell(frame, i);
  const face = async (i: number) => (await card(i).innerText()).trim();
  const back = await face(0);
  const numbersBefore = await shownNumbers(frame);
  const seen = new Map<number, string>();
  const done = new Set<number>();
  const turn = async (i: number) => {
    await card(i).click();
    const f = await eventually(async () => ((await face(i)) !== back ? face(i) : undefined), "clicking a card does not show its face");
    seen.set(i, f);
    return f;
  };
  let matched = false;
  let mismatched = false;
  for (let a = 0; a < n && !(matched && mismatched); a++) {
    if (done.has(a)) continue;
    const fa = await turn(a);
    const b = [...seen].find(([i, f]) => i !== a && f === fa && !done.has(i))?.[0] ?? [...Array(n).keys()].find((i) => i > a && !seen.has(i));
    if (b === undefined) break;
    const fb = await turn(b);
    if (fa === fb) {
      matched = true;
      done.add(a).add(b);
      await frame.waitForTimeout(1200);
      if ((await face(a)) !== fa || (await face(b)) !== fb) throw new Error("a matching pair does not stay open");
    } else {
      mismatched = true;
      await eventually(async () => ((await face(a)) === back && (await face(b)) === back) || undefined, "a mismatched pair does not turn back", 4000);
    }
  }
  if (!matched) throw new Error("no matching pair found in a pass over the deck");
  if (want.moves && (await shownNumbers(frame)) === numbersBefore) throw new Error("no move counter counts the moves");
  if (want.timer) await textChanges(frame, await visibleText(frame), "no timer runs during the game");
  if (want.restart) {
    await button(frame, /restart|new game|shuffle|play again|reset/i).click();
    await eventually(async () => {
      await markCells(frame);
      for (let i = 0; i < n; i++) if ((await face(i)) !== back) return undefined;
      return true;
    }, "restart does not turn the cards back");
  }
}
