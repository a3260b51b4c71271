// Tic-tac-toe: two players (or one against the computer) on a 3x3 board.
import { esc, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import { button, cell, eventually, markCells, shownNumbers, visibleText } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

interface TicTacToeOptions {
  theme: Theme;
  title: string;
  ai: "none" | "random" | "smart";
  scores: boolean;
  restart: boolean;
  restartLabel: string;
  highlight: boolean;
  colors: boolean;
  layout: "card" | "plain" | "side";
  events: "delegation" | "listeners";
  cells: "static" | "js";
  turnText: 0 | 1 | 2 | 3;
  winText: 0 | 1 | 2;
  size: number;
}

const TURN = [`"Player " + turn + "'s turn"`, `"Turn: " + turn`, `turn + " to move"`, `"Next player: " + turn`];
const WIN = [`"Player " + turn + " wins!"`, `turn + " wins!"`, `"Winner: " + turn`];

function css(o: TicTacToeOptions): string {
  const app =
    o.layout === "card"
      ? `.app{max-width:${o.size * 3 + 80}px;margin:40px auto;padding:20px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius);text-align:center}`
      : o.layout === "side"
        ? `.app{display:flex;gap:32px;justify-content:center;align-items:center;padding:40px;flex-wrap:wrap}`
        : `.app{text-align:center;padding:24px}`;
  return `${app}
h1{margin:0 0 12px;font-size:24px}
#board{display:inline-grid;grid-template-columns:repeat(3,${o.size}px);gap:6px}
.cell{width:${o.size}px;height:${o.size}px;font-size:${Math.round(o.size / 2)}px;font-weight:bold;background:var(--surface);color:var(--text);border:2px solid var(--border);border-radius:var(--radius)}${o.highlight ? `\n.cell.win{background:var(--accent);color:var(--accent-text)}` : ""}${o.colors ? `\n.x{color:var(--accent)}\n.o{color:var(--muted)}` : ""}
#status{font-size:18px;margin:12px 0}${o.scores ? `\n.scores{color:var(--muted)}` : ""}${o.restart ? `\n#restart{padding:8px 18px;border:0;border-radius:var(--radius);background:var(--accent);color:var(--accent-text)}` : ""}`;
}

function body(o: TicTacToeOptions): string {
  const cells = o.cells === "static" ? "\n" + Array.from({ length: 9 }, (_, i) => `<button class="cell" data-i="${i}"></button>`).join("\n") + "\n" : "";
  const h1 = `<h1>${esc(o.title)}</h1>`;
  return `<main class="app">${o.layout === "side" ? "" : `\n${h1}`}
<div id="board">${cells}</div>
<div class="panel">${o.layout === "side" ? `\n${h1}` : ""}
<p id="status"></p>${o.scores ? `\n<p class="scores">X: <b id="scoreX">0</b> &middot; O: <b id="scoreO">0</b></p>` : ""}${o.restart ? `\n<button id="restart">${esc(o.restartLabel)}</button>` : ""}
</div>
</main>`;
}

function aiCode(o: TicTacToeOptions): string {
  if (o.ai === "random") return `function aiMove() {
  const free = cells.map((v, i) => (v ? -1 : i)).filter((i) => i >= 0);
  return free[Math.floor(Math.random() * free.length)];
}`;
  return `function aiMove() {
  const free = cells.map((v, i) => (v ? -1 : i)).filter((i) => i >= 0);
  for (const m of ["O", "X"]) {
    for (const i of free) {
      cells[i] = m;
      const w = winner();
      cells[i] = "";
      if (w) return i;
    }
  }
  return cells[4] ? free[Math.floor(Math.random() * free.length)] : 4;
}`;
}

function script(o: TicTacToeOptions): string {
  const ai = o.ai !== "none";
  const build =
    o.cells === "js"
      ? `for (let i = 0; i < 9; i++) {
  const b = document.createElement("button");
  b.className = "cell";
  b.dataset.i = i;
  board.appendChild(b);
}
const btns = Array.from(board.children);`
      : `const btns = Array.from(document.querySelectorAll(".cell"));`;
  const guard = ai ? `turn === "X" && ` : "";
  const events =
    o.events === "delegation"
      ? `board.addEventListener("click", (e) => {
  const b = e.target.closest(".cell");
  if (${guard}b) play(Number(b.dataset.i));
});`
      : `btns.forEach((b, i) => b.addEventListener("click", () => {${ai ? `\n  if (turn === "X") play(i);` : `\n  play(i);`}
}));`;
  return `const board = document.getElementById("board");
const statusEl = document.getElementById("status");
const lines = [[0, 1, 2], [3, 4, 5], [6, 7, 8], [0, 3, 6], [1, 4, 7], [2, 5, 8], [0, 4, 8], [2, 4, 6]];${o.scores ? `\nconst score = { X: 0, O: 0 };` : ""}
let cells, turn, over;
${build}
function winner() {
  return lines.find(([a, b, c]) => cells[a] && cells[a] === cells[b] && cells[a] === cells[c]);
}${ai ? "\n" + aiCode(o) : ""}
function reset() {
  cells = Array(9).fill("");
  turn = "X";
  over = false;
  btns.forEach((b) => {
    b.textContent = "";
    b.className = "cell";
  });
  statusEl.textContent = ${TURN[o.turnText]};
}
function play(i) {
  if (over || cells[i]) return;
  cells[i] = turn;
  btns[i].textContent = turn;${o.colors ? `\n  btns[i].classList.add(turn.toLowerCase());` : ""}
  const line = winner();
  if (line) {
    over = true;
    statusEl.textContent = ${WIN[o.winText]};${o.highlight ? `\n    line.forEach((j) => btns[j].classList.add("win"));` : ""}${o.scores ? `\n    score[turn]++;\n    document.getElementById("score" + turn).textContent = score[turn];` : ""}
  } else if (cells.every(Boolean)) {
    over = true;
    statusEl.textContent = "It's a draw!";
  } else {
    turn = turn === "X" ? "O" : "X";
    statusEl.textContent = ${TURN[o.turnText]};${ai ? `\n    if (turn === "O") setTimeout(() => turn === "O" && play(aiMove()), 300);` : ""}
  }
}
${events}${o.restart ? `\ndocument.getElementById("restart").addEventListener("click", reset);` : ""}
reset();`;
}

export const tictactoe = defineFamily<TicTacToeOptions>({
  name: "tictactoe",
  options(rng) {
    const scores = rng.chance(0.45);
    return {
      theme: randomTheme(rng),
      title: rng.pick(["Tic-Tac-Toe", "Tic Tac Toe", "Noughts and Crosses", "X and O", "TicTacToe"]),
      ai: rng.pick(["none", "none", "random", "smart"] as const),
      scores,
      restart: scores || rng.chance(0.6),
      restartLabel: rng.pick(["Restart", "New game", "Reset", "Play again"]),
      highlight: rng.chance(0.5),
      colors: rng.chance(0.5),
      layout: rng.pick(["card", "plain", "side"] as const),
      events: rng.pick(["delegation", "listeners"] as const),
      cells: rng.pick(["static", "js"] as const),
      turnText: rng.pick([0, 1, 2, 3] as const),
      winText: rng.pick([0, 1, 2] as const),
      size: rng.pick([70, 80, 90, 100, 110]),
    };
  },
  render(o) {
    return page({ title: o.title, theme: o.theme, css: css(o), body: body(o), script: script(o) });
  },
  features(o) {
    return [
      `ai:${o.ai}`,
      ...(o.scores ? ["scores"] : []),
      ...(o.restart ? ["restart"] : []),
      ...(o.highlight ? ["highlight"] : []),
    ];
  },
  request(o, rng) {
    const subject =
      o.ai === "none"
        ? rng.pick(["a tic-tac-toe game", "a tic tac toe game for two players", "a two player tic-tac-toe", "noughts and crosses", "an X and O game"])
        : rng.pick(["a tic-tac-toe game", "a tic tac toe game against the computer", "noughts and crosses", "a single player tic-tac-toe"]);
    const f: string[] = [];
    if (o.ai === "random") f.push(rng.pick(["a computer opponent", "a simple computer player for O", "a computer that plays random moves"]));
    if (o.ai === "smart") f.push(rng.pick(["a computer opponent that blocks my wins", "a smart AI opponent", "an AI that tries to win and block"]));
    if (o.scores) f.push(rng.pick(["a scoreboard", "score tracking for X and O", "a win counter for each player"]));
    if (o.restart && !o.scores) f.push(rng.pick(["a restart button", "a new game button", "a reset button"]));
    if (o.highlight) f.push(rng.pick(["the winning line highlighted", "highlighting of the winning cells"]));
    if (rng.chance(0.3)) f.push(rng.pick(["draw detection", "a message when someone wins"]));
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-restart", requests: ["add a restart button", "let me start a new game"], appliesTo: (o) => !o.restart, apply: (o) => ({ ...o, restart: true }) },
    { id: "add-scores", requests: ["keep score for X and O", "add a scoreboard"], appliesTo: (o) => !o.scores, apply: (o) => ({ ...o, scores: true, restart: true }) },
    { id: "add-highlight", requests: ["highlight the winning line", "make the winning cells stand out"], appliesTo: (o) => !o.highlight, apply: (o) => ({ ...o, highlight: true }) },
    { id: "add-ai", requests: ["let me play against the computer", "add a computer opponent"], appliesTo: (o) => o.ai === "none", apply: (o) => ({ ...o, ai: "smart" }) },
    { id: "two-player", requests: ["make it two player instead", "remove the computer, two humans play"], appliesTo: (o) => o.ai !== "none", apply: (o) => ({ ...o, ai: "none" }) },
  ],
  async check(app, o) {
    await drive(app, { ai: o.ai !== "none", scores: o.scores, restart: o.restart, highlight: o.highlight, draw: false });
  },
  async requestCheck(app, request) {
    await drive(app, {
      ai: /computer|\bai\b|single player|against/i.test(request),
      scores: /score|win counter/i.test(request),
      restart: /restart|new game|reset/i.test(request),
      highlight: /highlight/i.test(request),
      draw: /draw/i.test(request),
    });
  },
});

type Wants = Record<"ai" | "scores" | "restart" | "highlight" | "draw", boolean>;

/** Play like a user: two players take turns until X wins (or against the computer); the board must follow the rules. */
async function drive({ frame }: AppUnderTest, want: Wants): Promise<void> {
  if (!(await markCells(frame, 9))) throw new Error("no board of 9 cells");
  const text = async (i: number) => ((await cell(frame, i).textContent()) ?? "").trim().toUpperCase();
  const play = async (...moves: number[]) => {
    for (const i of moves) await cell(frame, i).click();
  };
  const restart = button(frame, /restart|new game|reset|play again/i);
  if (want.ai) {
    await play(0);
    if ((await text(0)) !== "X") throw new Error("clicking a cell does not place X");
    await eventually(async () => {
      for (let i = 1; i < 9; i++) if ((await text(i)) === "O") return true;
    }, "the computer does not answer with an O");
  } else {
    const numbersBefore = await shownNumbers(frame);
    await play(0, 3, 1, 4);
    if ((await text(0)) !== "X" || (await text(3)) !== "O") throw new Error("moves do not alternate X and O");
    await play(0);
    if ((await text(0)) !== "X") throw new Error("an occupied cell changed");
    await play(2);
    await eventually(async () => /x/i.test(await visibleText(frame)) && /win|won|wins/i.test(await visibleText(frame)) || undefined, "no win for X is shown");
    await play(8);
    if (await text(8)) throw new Error("a move was accepted after the game ended");
    const look = (i: number) => cell(frame, i).evaluate((e) => e.className + e.getAttribute("style"));
    if (want.highlight && (await look(1)) === (await look(8)))
      throw new Error("the winning cells are not highlighted");
    if (want.scores && (await shownNumbers(frame)) === numbersBefore) throw new Error("the score does not count the win");
  }
  if (want.restart || want.draw) {
    await restart.click();
    for (let i = 0; i < 9; i++) if (await text(i)) throw new Error("restart does not clear the board");
    await play(4);
    if ((await text(4)) !== "X") throw new Error("cannot play after restart");
  }
  if (want.draw && !want.ai) {
    await restart.click();
    await play(0, 1, 2, 4, 3, 5, 7, 6, 8);
    await eventually(async () => /draw|tie|nobody|no one/i.test(await visibleText(frame)) || undefined, "a full board without a winner is not called a draw");
  }
}
