// A multiple-choice quiz on a topic, with the score shown at the end.
import type { Frame, Locator } from "playwright-core";
import { esc, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import { button, eventually, exists, looks, textChanges, visibleText } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

/** One question: text, the options, and the index of the right one. */
type Question = [q: string, options: string[], answer: number];

interface Topic {
  id: string;
  names: string[];
  title: string;
  questions: Question[];
}

const TOPICS: Topic[] = [
  {
    id: "capitals",
    names: ["world capitals", "capital cities", "geography"],
    title: "Capitals Quiz",
    questions: [
      ["What is the capital of France?", ["Lyon", "Paris", "Nice", "Marseille"], 1],
      ["What is the capital of Japan?", ["Osaka", "Kyoto", "Tokyo", "Nagoya"], 2],
      ["What is the capital of Australia?", ["Sydney", "Melbourne", "Perth", "Canberra"], 3],
      ["What is the capital of Canada?", ["Ottawa", "Toronto", "Vancouver", "Montreal"], 0],
      ["What is the capital of Brazil?", ["Rio de Janeiro", "Sao Paulo", "Brasilia", "Salvador"], 2],
      ["What is the capital of Egypt?", ["Cairo", "Alexandria", "Giza", "Luxor"], 0],
      ["What is the capital of Kenya?", ["Mombasa", "Nairobi", "Kisumu", "Nakuru"], 1],
    ],
  },
  {
    id: "science",
    names: ["science", "general science", "basic science"],
    title: "Science Quiz",
    questions: [
      ["What is the chemical formula of water?", ["CO2", "H2O", "O2", "NaCl"], 1],
      ["Which gas do plants take in from the air?", ["Oxygen", "Nitrogen", "Carbon dioxide", "Helium"], 2],
      ["At what temperature does water boil at sea level?", ["90 C", "100 C", "110 C", "120 C"], 1],
      ["What is the hardest natural material?", ["Gold", "Iron", "Quartz", "Diamond"], 3],
      ["How many bones does an adult human have?", ["106", "206", "306", "186"], 1],
      ["Which organ pumps blood through the body?", ["Heart", "Liver", "Lungs", "Brain"], 0],
    ],
  },
  {
    id: "math",
    names: ["math", "mental arithmetic", "maths"],
    title: "Math Quiz",
    questions: [
      ["What is 7 x 8?", ["54", "56", "58", "64"], 1],
      ["What is the square root of 81?", ["8", "7", "9", "11"], 2],
      ["What is 15% of 200?", ["15", "20", "30", "35"], 2],
      ["What is 2 to the power of 5?", ["10", "25", "32", "64"], 2],
      ["How many degrees are in a triangle?", ["90", "180", "270", "360"], 1],
      ["Which of these numbers is prime?", ["21", "27", "29", "33"], 2],
      ["What is 1000 divided by 8?", ["125", "120", "150", "80"], 0],
    ],
  },
  {
    id: "animals",
    names: ["animals", "the animal kingdom", "wildlife"],
    title: "Animal Quiz",
    questions: [
      ["What is the largest mammal?", ["Elephant", "Blue whale", "Giraffe", "Hippo"], 1],
      ["What is the fastest land animal?", ["Lion", "Horse", "Cheetah", "Gazelle"], 2],
      ["How many legs does a spider have?", ["6", "8", "10", "12"], 1],
      ["What is a baby kangaroo called?", ["Cub", "Kit", "Calf", "Joey"], 3],
      ["Which of these is a mammal?", ["Shark", "Dolphin", "Octopus", "Salmon"], 1],
      ["What is a group of lions called?", ["Pack", "Herd", "Pride", "Flock"], 2],
    ],
  },
  {
    id: "space",
    names: ["space", "the solar system", "astronomy"],
    title: "Space Quiz",
    questions: [
      ["Which planet is known as the Red Planet?", ["Venus", "Mars", "Saturn", "Mercury"], 1],
      ["What is the largest planet in our solar system?", ["Saturn", "Neptune", "Jupiter", "Earth"], 2],
      ["How many planets are in our solar system?", ["7", "8", "9", "10"], 1],
      ["Who was the first person to walk on the Moon?", ["Yuri Gagarin", "Buzz Aldrin", "Neil Armstrong", "John Glenn"], 2],
      ["Which planet is closest to the Sun?", ["Mercury", "Venus", "Mars", "Earth"], 0],
      ["What is the star at the center of our solar system?", ["Sirius", "Polaris", "Vega", "The Sun"], 3],
    ],
  },
  {
    id: "history",
    names: ["history", "world history", "famous events in history"],
    title: "History Quiz",
    questions: [
      ["Who was the first president of the United States?", ["Abraham Lincoln", "George Washington", "Thomas Jefferson", "John Adams"], 1],
      ["In which year did World War II end?", ["1918", "1939", "1945", "1950"], 2],
      ["In which country are the pyramids of Giza?", ["Mexico", "Peru", "Egypt", "Greece"], 2],
      ["Who painted the Mona Lisa?", ["Leonardo da Vinci", "Michelangelo", "Raphael", "Van Gogh"], 0],
      ["In which year did the Berlin Wall fall?", ["1979", "1985", "1989", "1991"], 2],
      ["In which year did Columbus first reach the Americas?", ["1492", "1512", "1488", "1607"], 0],
    ],
  },
  {
    id: "web",
    names: ["web development", "HTML, CSS and JavaScript", "coding"],
    title: "Web Dev Quiz",
    questions: [
      ["What does HTML stand for?", ["HyperText Markup Language", "High Tech Modern Language", "Home Tool Markup Language", "Hyperlink Text Mode Language"], 0],
      ["What does CSS stand for?", ["Computer Style Sheets", "Cascading Style Sheets", "Creative Style System", "Colorful Style Sheets"], 1],
      ["Which keyword declares a constant in JavaScript?", ["var", "let", "const", "static"], 2],
      ["Which array method adds an item to the end?", ["pop", "shift", "push", "slice"], 2],
      ["Which HTTP status code means Not Found?", ["200", "301", "404", "500"], 2],
      ["Which CSS property sets the text color?", ["color", "font-color", "text-color", "fill"], 0],
    ],
  },
];

interface QuizOptions {
  theme: Theme;
  topic: string;
  title: string;
  questions: Question[];
  mode: "single" | "all";
  flow: "auto" | "next";
  delayMs: number;
  feedback: boolean;
  progress: boolean;
  restart: boolean;
  shuffle: boolean;
  dom: "html" | "elements";
  answersLayout: "list" | "grid";
  layout: "card" | "plain";
  keys: [q: string, options: string, answer: string];
  restartLabel: string;
  submitLabel: string;
  scoreText: "scored" | "slash" | "correct";
}

function topicOf(o: QuizOptions): Topic {
  return TOPICS.find((t) => t.id === o.topic)!;
}

function dataCode(o: QuizOptions): string {
  const [q, opts, a] = o.keys;
  const rows = o.questions.map(([text, options, answer]) => `  { ${q}: ${JSON.stringify(text)}, ${opts}: ${JSON.stringify(options).replace(/","/g, `", "`)}, ${a}: ${answer} }`);
  return `const questions = [\n${rows.join(",\n")}\n];`;
}

function scoreExpr(o: QuizOptions, score: string): string {
  if (o.scoreText === "slash") return `"Score: " + ${score} + "/" + questions.length`;
  if (o.scoreText === "correct") return `${score} + " of " + questions.length + " correct!"`;
  return `"You scored " + ${score} + " out of " + questions.length`;
}

function css(o: QuizOptions): string {
  const shell =
    o.layout === "card"
      ? `main{max-width:560px;margin:40px auto;padding:24px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius)}`
      : `main{max-width:640px;margin:0 auto;padding:24px}`;
  const single = `#answers{display:${o.answersLayout === "grid" ? "grid;grid-template-columns:1fr 1fr" : "flex;flex-direction:column"};gap:8px;margin:16px 0}
#answers button{padding:12px;text-align:left;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text)}
#answers button:disabled{cursor:default}${o.progress ? `\n#progress{color:var(--muted);font-size:14px}` : ""}
#question{font-size:20px;margin:8px 0}`;
  const all = `fieldset{border:1px solid var(--border);border-radius:var(--radius);margin:0 0 12px;padding:12px}
legend{font-weight:bold;padding:0 4px}
label{display:${o.answersLayout === "grid" ? "inline-block;width:48%" : "block"};padding:4px 0;cursor:pointer}${o.progress ? `\n#progress{color:var(--muted);margin:0 0 12px}` : ""}`;
  const sel = o.mode === "single" ? "#answers " : "fieldset";
  return `${shell}
h1{margin:0 0 16px;font-size:24px}
${o.mode === "single" ? single : all}${o.feedback ? `\n${sel}.right{background:#16a34a33;border-color:#16a34a}\n${sel}.wrong{background:#dc262633;border-color:#dc2626}` : ""}
.primary{padding:10px 18px;border:0;border-radius:var(--radius);background:var(--accent);color:var(--accent-text)}
#result{font-size:20px;font-weight:bold}`;
}

function body(o: QuizOptions): string {
  if (o.mode === "all")
    return `<main>
<h1>${esc(o.title)}</h1>${o.progress ? `\n<p id="progress"></p>` : ""}
<form id="quiz"></form>
<p id="result" role="status"></p>${o.restart ? `\n<button id="restart" class="primary" type="button" hidden>${esc(o.restartLabel)}</button>` : ""}
</main>`;
  return `<main>
<h1>${esc(o.title)}</h1>
<div id="quiz">${o.progress ? `\n<p id="progress"></p>` : ""}
<h2 id="question"></h2>
<div id="answers"></div>${o.flow === "next" ? `\n<button id="next" class="primary" hidden>Next</button>` : ""}
</div>
<div id="end" hidden>
<p id="result" role="status"></p>${o.restart ? `\n<button id="restart" class="primary">${esc(o.restartLabel)}</button>` : ""}
</div>
</main>`;
}

function scriptSingle(o: QuizOptions): string {
  const [q, opts, a] = o.keys;
  const lock = o.feedback || o.flow === "next";
  const buttons =
    o.dom === "html"
      ? `answers.innerHTML = item.${opts}.map(function (text, i) {
    return '<button data-i="' + i + '">' + text + "</button>";
  }).join("");`
      : `answers.innerHTML = "";
  item.${opts}.forEach(function (text, i) {
    const b = document.createElement("button");
    b.textContent = text;
    b.addEventListener("click", function () {
      choose(i);
    });
    answers.appendChild(b);
  });`;
  const after = o.flow === "next" ? `document.getElementById("next").hidden = false;` : o.feedback ? `setTimeout(advance, ${o.delayMs});` : `advance();`;
  const shuffle = o.shuffle ? `\n  questions.sort(function () {\n    return Math.random() - 0.5;\n  });` : "";
  return `${dataCode(o)}
const answers = document.getElementById("answers");
let current = 0;
let score = 0;
function start() {
  current = 0;
  score = 0;${shuffle}
  document.getElementById("quiz").hidden = false;
  document.getElementById("end").hidden = true;
  show();
}
function show() {
  const item = questions[current];
  document.getElementById("question").textContent = item.${q};${o.progress ? `\n  document.getElementById("progress").textContent = "Question " + (current + 1) + " of " + questions.length;` : ""}${o.flow === "next" ? `\n  document.getElementById("next").hidden = true;` : ""}
  ${buttons}
}
function choose(i) {
  const item = questions[current];
  if (i === item.${a}) score++;${lock ? `\n  const buttons = answers.querySelectorAll("button");\n  buttons.forEach(function (b) {\n    b.disabled = true;\n  });` : ""}${o.feedback ? `\n  buttons[item.${a}].classList.add("right");\n  if (i !== item.${a}) buttons[i].classList.add("wrong");` : ""}
  ${after}
}
function advance() {
  current++;
  if (current < questions.length) {
    show();
    return;
  }
  document.getElementById("quiz").hidden = true;
  document.getElementById("end").hidden = false;
  document.getElementById("result").textContent = ${scoreExpr(o, "score")};
}${o.dom === "html" ? `\nanswers.addEventListener("click", function (e) {\n  const b = e.target.closest("button");\n  if (b && !b.disabled) choose(Number(b.dataset.i));\n});` : ""}${o.flow === "next" ? `\ndocument.getElementById("next").addEventListener("click", advance);` : ""}${o.restart ? `\ndocument.getElementById("restart").addEventListener("click", start);` : ""}
start();`;
}

function scriptAll(o: QuizOptions): string {
  const [q, opts, a] = o.keys;
  const shuffle = o.shuffle ? `\nquestions.sort(() => Math.random() - 0.5);` : "";
  const fields =
    o.dom === "html"
      ? `form.innerHTML = questions.map((item, n) =>
  \`<fieldset><legend>\${n + 1}. \${item.${q}}</legend>\` +
  item.${opts}.map((text, i) => \`<label><input type="radio" name="q\${n}" value="\${i}"> \${text}</label>\`).join("") +
  "</fieldset>"
).join("") + '<button class="primary" type="submit">${esc(o.submitLabel)}</button>';`
      : `questions.forEach((item, n) => {
  const set = document.createElement("fieldset");
  const legend = document.createElement("legend");
  legend.textContent = n + 1 + ". " + item.${q};
  set.appendChild(legend);
  item.${opts}.forEach((text, i) => {
    const label = document.createElement("label");
    const radio = document.createElement("input");
    radio.type = "radio";
    radio.name = "q" + n;
    radio.value = i;
    label.append(radio, " " + text);
    set.appendChild(label);
  });
  form.appendChild(set);
});
const submit = document.createElement("button");
submit.className = "primary";
submit.textContent = ${JSON.stringify(o.submitLabel)};
form.appendChild(submit);`;
  const progress = o.progress
    ? `\nfunction progress() {
  const done = form.querySelectorAll("input:checked").length;
  document.getElementById("progress").textContent = "Answered " + done + " of " + questions.length;
}
form.addEventListener("change", progress);
progress();`
    : "";
  return `${dataCode(o)}${shuffle}
const form = document.getElementById("quiz");
const result = document.getElementById("result");
${fields}${progress}
form.addEventListener("submit", (e) => {
  e.preventDefault();
  let score = 0;
  questions.forEach((item, n) => {
    const picked = form.querySelector('input[name="q' + n + '"]:checked');
    const ok = picked !== null && Number(picked.value) === item.${a};
    if (ok) score++;${o.feedback ? `\n    form.querySelectorAll("fieldset")[n].className = ok ? "right" : "wrong";` : ""}
  });
  result.textContent = ${scoreExpr(o, "score")};${o.restart ? `\n  document.getElementById("restart").hidden = false;` : ""}
});${o.restart ? `\ndocument.getElementById("restart").addEventListener("click", () => {
  form.reset();${o.feedback ? `\n  form.querySelectorAll("fieldset").forEach((f) => (f.className = ""));` : ""}
  result.textContent = "";
  document.getElementById("restart").hidden = true;${o.progress ? `\n  progress();` : ""}
});` : ""}`;
}


export const quiz = defineFamily<QuizOptions>({
  name: "quiz",
  options(rng) {
    const t = rng.pick(TOPICS);
    const feedback = rng.chance(0.5);
    const flow = rng.pick(["auto", "next"] as const);
    const mode = rng.chance(0.65) ? "single" : "all";
    const timed = mode === "single" && flow === "auto" && feedback;
    return {
      theme: randomTheme(rng),
      topic: t.id,
      title: rng.pick([t.title, t.title, "Quiz Time", "Trivia", `${t.names[0][0].toUpperCase()}${t.names[0].slice(1)} Trivia`]),
      questions: rng.shuffle(t.questions).slice(0, rng.int(3, timed ? 4 : 5)),
      mode,
      flow,
      delayMs: rng.pick([500, 600]),
      feedback,
      progress: rng.chance(0.5),
      restart: rng.chance(0.5),
      shuffle: rng.chance(0.3),
      dom: rng.pick(["html", "elements"] as const),
      answersLayout: rng.pick(["list", "grid"] as const),
      layout: rng.pick(["card", "plain"] as const),
      keys: rng.pick([["q", "options", "answer"], ["question", "choices", "correct"], ["text", "answers", "answer"]] as const).slice() as QuizOptions["keys"],
      restartLabel: rng.pick(["Play again", "Restart", "Try again", "Restart quiz"]),
      submitLabel: rng.pick(["Submit", "Check answers", "See my score", "Finish"]),
      scoreText: rng.pick(["scored", "slash", "correct"] as const),
    };
  },
  render(o) {
    return page({
      title: o.title,
      theme: o.theme,
      css: css(o),
      body: body(o),
      script: o.mode === "all" ? scriptAll(o) : scriptSingle(o),
    });
  },
  features(o) {
    return [
      `mode:${o.mode}`,
      ...(o.mode === "single" && o.flow === "next" ? ["next"] : []),
      ...(o.feedback ? ["feedback"] : []),
      ...(o.progress ? ["progress"] : []),
      ...(o.restart ? ["restart"] : []),
      ...(o.shuffle ? ["shuffle"] : []),
    ];
  },
  request(o, rng) {
    const t = topicOf(o);
    const name = rng.pick(t.names);
    const subject = rng.pick([`a quiz about ${name}`, `a multiple-choice quiz on ${name}`, `a ${name} quiz`, `a trivia game about ${name}`, `a quiz app with ${o.questions.length} questions about ${name}`]);
    const f: string[] = [rng.pick(["a score at the end", "the final score shown at the end", "a score when it is finished"])];
    const extra: string[] = [];
    if (o.mode === "all" && rng.chance(0.6)) extra.push(rng.pick(["all questions on one page", "radio buttons and a submit button"]));
    if (o.mode === "single" && rng.chance(0.5)) extra.push(rng.pick(["one question at a time", "a question per screen"]));
    if (o.mode === "single" && o.flow === "next") extra.push(rng.pick(["a Next button", "a next button after each answer"]));
    if (o.feedback) extra.push(rng.pick(["right/wrong feedback", "green and red feedback on answers", "feedback showing the correct answer"]));
    if (o.progress) extra.push(o.mode === "single" ? rng.pick(["a progress indicator", "'question X of Y' progress"]) : rng.pick(["a progress indicator", "a count of answered questions"]));
    if (o.restart) extra.push(rng.pick(["a restart button", "a play again button", "a way to restart"]));
    if (o.shuffle) extra.push(rng.pick(["shuffled questions", "questions in random order"]));
    if (o.theme.dark && rng.chance(0.5)) extra.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? f : [...f, ...extra]);
  },
  edits: [
    { id: "add-restart", requests: ["add a restart button", "let me play again at the end"], appliesTo: (o) => !o.restart, apply: (o) => ({ ...o, restart: true }) },
    { id: "add-feedback", requests: ["show if each answer is right or wrong", "add green/red feedback for answers"], appliesTo: (o) => !o.feedback, apply: (o) => ({ ...o, feedback: true }) },
    { id: "add-progress", requests: ["add a progress indicator", "show how far I am in the quiz"], appliesTo: (o) => !o.progress, apply: (o) => ({ ...o, progress: true }) },
    { id: "add-shuffle", requests: ["shuffle the questions", "put the questions in random order"], appliesTo: (o) => !o.shuffle, apply: (o) => ({ ...o, shuffle: true }) },
    ...TOPICS.filter((t) => ["space", "animals", "capitals"].includes(t.id)).map((t) => ({
      id: `topic-${t.id}`,
      requests: [`make the quiz about ${t.names[0]} instead`, `change the questions to ${t.names[1]}`],
      appliesTo: (o: QuizOptions) => o.topic !== t.id,
      apply: (o: QuizOptions) => ({ ...o, topic: t.id, title: t.title, questions: t.questions.slice(0, o.questions.length) }),
    })),
  ],
  async check(app, o) {
    await drive(app, { questions: o.questions.length, feedback: o.feedback, progress: o.progress, restart: o.restart });
  },
  async requestCheck(app, request) {
    await drive(app, {
      questions: Number(/with (\d+) questions/i.exec(request)?.[1] ?? 0) || undefined,
      feedback: /feedback/i.test(request),
      progress: /progress|question x of y/i.test(request),
      restart: /restart|play again/i.test(request),
    });
  },
});

interface Wants {
  /** How many questions the quiz has, where known. */
  questions?: number;
  feedback: boolean;
  progress: boolean;
  restart: boolean;
}

const CONTROL = /next|restart|again|start|submit|finish|check|score|skip|reset/i;
const SCORE = /(\d+)\s*(?:\/|of|out of)\s*(\d+)/i;

/**
 * Take the quiz like a user, picking the first answer each time: radio buttons and a
 * submit button on one page, or one question at a time (with a Next button or not).
 * A score out of the number of questions must show at the end.
 */
async function drive({ frame }: AppUnderTest, want: Wants): Promise<void> {
  const begin = button(frame, /^start/i);
  if (await exists(begin)) await begin.click();
  if (want.progress && !SCORE.test(await visibleText(frame))) throw new Error("no progress like 'question 1 of 5'");
  let answered = 0;
  if (await exists(frame.getByRole("radio"))) {
    const names = await frame.getByRole("radio").evaluateAll((rs) => [...new Set(rs.map((r) => (r as HTMLInputElement).name))]);
    for (const name of names) await frame.locator(`input[type=radio][name="${name}"]`).first().check();
    answered = names.length;
    const looked = await looks(frame);
    await button(frame, /submit|check|score|finish|done|see/i).click();
    if (want.feedback) await eventually(async () => ((await looks(frame)) !== looked) || undefined, "the answers are not marked right or wrong");
  } else {
    for (; answered < 20; answered++) {
      const question = await visibleText(frame);
      if (answered && SCORE.test(question) && !(await exists(answers(frame)))) break;
      const looked = await looks(frame);
      await answers(frame).first().click();
      if (want.feedback) await eventually(async () => ((await looks(frame)) !== looked) || undefined, "the answer is not marked right or wrong");
      const next = button(frame, /next|continue/i);
      if (await exists(next)) await next.click();
      await textChanges(frame, question, "the quiz does not move on after an answer", 4000);
    }
  }
  const score = await eventually(async () => SCORE.exec(await visibleText(frame)) ?? undefined, "no score at the end");
  if (Number(score[2]) !== answered) throw new Error(`the score "${score[0]}" is not out of the ${answered} questions answered`);
  if (want.questions && answered !== want.questions) throw new Error(`${answered} questions, not ${want.questions}`);
  if (want.restart) {
    const end = await visibleText(frame);
    await button(frame, /restart|again|retry/i).click();
    await textChanges(frame, end, "restart does not start the quiz again");
  }
}

/** The answer buttons of a one-question-at-a-time quiz: the visible buttons that are not controls. */
function answers(frame: Frame): Locator {
  return frame.getByRole("button").filter({ visible: true }).filter({ hasNotText: CONTROL });
}
