// Flashcards: a deck of cards to flip (front/back) and step through.
import { esc, jsStr, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import { button, eventually, exists, scene, sceneChanges, shownNumbers, textChanges, textField, visibleText } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

type Pair = [front: string, back: string];

interface Deck {
  id: string;
  names: string[];
  title: string;
  cards: Pair[];
}

const DECKS: Deck[] = [
  {
    id: "spanish",
    names: ["Spanish vocabulary", "Spanish words", "learning Spanish"],
    title: "Spanish Flashcards",
    cards: [["hola", "hello"], ["gato", "cat"], ["perro", "dog"], ["casa", "house"], ["libro", "book"], ["agua", "water"], ["manzana", "apple"], ["gracias", "thank you"]],
  },
  {
    id: "french",
    names: ["French vocabulary", "French words", "learning French"],
    title: "French Flashcards",
    cards: [["bonjour", "hello"], ["chat", "cat"], ["chien", "dog"], ["maison", "house"], ["livre", "book"], ["eau", "water"], ["pomme", "apple"], ["merci", "thank you"]],
  },
  {
    id: "capitals",
    names: ["capital cities", "world capitals", "countries and capitals"],
    title: "Capitals",
    cards: [["France", "Paris"], ["Japan", "Tokyo"], ["Canada", "Ottawa"], ["Australia", "Canberra"], ["Brazil", "Brasilia"], ["Kenya", "Nairobi"], ["Norway", "Oslo"], ["Peru", "Lima"]],
  },
  {
    id: "times",
    names: ["multiplication tables", "times tables", "multiplication"],
    title: "Times Tables",
    cards: [["7 x 8", "56"], ["6 x 9", "54"], ["12 x 12", "144"], ["8 x 4", "32"], ["9 x 7", "63"], ["11 x 6", "66"], ["5 x 13", "65"], ["4 x 15", "60"]],
  },
  {
    id: "js",
    names: ["JavaScript terms", "JavaScript basics", "coding terms"],
    title: "JS Flashcards",
    cards: [
      ["const", "Declares a constant"],
      ["push()", "Adds items to the end of an array"],
      ["typeof", "Gives the type of a value"],
      ["JSON.parse()", "Reads a JSON string"],
      ["map()", "Makes a new array with a function"],
      ["NaN", "Not a Number"],
      ["DOM", "Document Object Model"],
    ],
  },
  {
    id: "science",
    names: ["science terms", "biology and chemistry", "science vocabulary"],
    title: "Science Cards",
    cards: [
      ["H2O", "Water"],
      ["NaCl", "Table salt"],
      ["Photosynthesis", "How plants make food from light"],
      ["Mitochondria", "The part of a cell that makes energy"],
      ["Gravity", "The force that pulls objects together"],
      ["Evaporation", "A liquid turning into a gas"],
      ["Atom", "The smallest unit of an element"],
    ],
  },
];

interface FlashOptions {
  theme: Theme;
  deck: string;
  title: string;
  cards: Pair[];
  flip: "3d" | "swap";
  flipBy: "card" | "button";
  flipLabel: string;
  prev: boolean;
  counter: boolean;
  wrap: boolean;
  shuffle: boolean;
  known: boolean;
  add: boolean;
  keys: boolean;
  layout: "below" | "sides";
  bind: "listener" | "property";
  names: [front: string, back: string];
  nextLabel: "words" | "arrows";
}

/** How many of the optional extras (shuffle, known, add, keys) an app has: at most two, never known and add together, to stay compact. */
function extras(o: FlashOptions): number {
  return [o.shuffle, o.known, o.add, o.keys].filter(Boolean).length;
}

function deckOf(o: FlashOptions): Deck {
  return DECKS.find((d) => d.id === o.deck)!;
}

function css(o: FlashOptions): string {
  const card =
    o.flip === "3d"
      ? `#card{perspective:900px;height:220px;cursor:pointer}
.inner{position:relative;height:100%;transition:transform .4s;transform-style:preserve-3d}
#card.flipped .inner{transform:rotateY(180deg)}
.face{position:absolute;inset:0;display:flex;align-items:center;justify-content:center;padding:20px;font-size:24px;backface-visibility:hidden;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius)}
#back{transform:rotateY(180deg);background:var(--accent);color:var(--accent-text)}`
      : `#card{height:220px;display:flex;align-items:center;justify-content:center;padding:20px;font-size:24px;cursor:pointer;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius)}
#card.flipped{background:var(--accent);color:var(--accent-text)}`;
  const row = o.layout === "sides" ? `.stage{display:flex;align-items:center;gap:12px}\n#card{flex:1}` : "";
  return `main{max-width:520px;margin:40px auto;padding:0 16px;text-align:center}
h1{font-size:24px}
${card}${row ? `\n${row}` : ""}
.controls{display:flex;justify-content:center;gap:8px;margin:16px 0}
button{padding:9px 16px;border:1px solid var(--border);border-radius:var(--radius);background:var(--surface);color:var(--text)}
${o.flipBy === "button" ? `button.primary{background:var(--accent);color:var(--accent-text);border-color:var(--accent)}\n` : ""}${o.wrap ? "" : "\nbutton:disabled{opacity:.4}"}${o.counter || o.known ? `\n.info{color:var(--muted)}` : ""}${o.add ? `\n#add{display:flex;gap:6px;margin-top:16px}\ninput{flex:1;padding:8px;border:1px solid var(--border);border-radius:var(--radius);background:var(--surface);color:var(--text)}` : ""}`;
}

function body(o: FlashOptions): string {
  const [prevText, nextText] = o.nextLabel === "arrows" ? ["&larr; Prev", "Next &rarr;"] : ["Previous", "Next"];
  const cardEl =
    o.flip === "3d"
      ? `<div id="card"${o.flipBy === "card" ? ` role="button" tabindex="0" aria-label="Flip card"` : ""}><div class="inner"><div class="face" id="front"></div><div class="face" id="back"></div></div></div>`
      : `<div id="card"${o.flipBy === "card" ? ` role="button" tabindex="0" aria-label="Flip card"` : ""}></div>`;
  const prev = o.prev ? `<button id="prev">${prevText}</button>` : "";
  const next = `<button id="next">${nextText}</button>`;
  const flipBtn = o.flipBy === "button" ? `<button id="flip" class="primary">${esc(o.flipLabel)}</button>` : "";
  const stage = o.layout === "sides" ? `<div class="stage">${prev}${cardEl}${next}</div>` : cardEl;
  const controls = [o.layout === "below" ? prev : "", flipBtn, o.shuffle ? `<button id="shuffle">Shuffle</button>` : "", o.known ? `<button id="known">Got it</button>` : "", o.layout === "below" ? next : ""].filter(Boolean);
  const info = [o.counter ? `<span id="counter"></span>` : "", o.known ? `<span id="score"></span>` : ""].filter(Boolean).join(" &middot; ");
  return `<main>
<h1>${esc(o.title)}</h1>
${stage}${controls.length ? `\n<div class="controls">${controls.join("")}</div>` : ""}${info ? `\n<p class="info">${info}</p>` : ""}${
    o.add ? `\n<form id="add">\n<input id="new-front" placeholder="Front">\n<input id="new-back" placeholder="Back">\n<button type="submit">Add card</button>\n</form>` : ""
  }
</main>`;
}

function script(o: FlashOptions): string {
  const [f, b] = o.names;
  const on = (el: string, ev: string, fn: string) => (o.bind === "listener" ? `${el}.addEventListener("${ev}", ${fn});` : `${el}.on${ev} = ${fn};`);
  const data = o.cards.map(([x, y]) => `  { ${f}: ${jsStr(x)}, ${b}: ${jsStr(y)} }`).join(",\n");
  const render =
    o.flip === "3d"
      ? `  document.getElementById("front").textContent = card.${f};
  document.getElementById("back").textContent = card.${b};
  cardEl.classList.toggle("flipped", flipped);`
      : `  cardEl.textContent = flipped ? card.${b} : card.${f};
  cardEl.classList.toggle("flipped", flipped);`;
  const step = o.wrap ? `(index + step + cards.length) % cards.length` : `Math.min(Math.max(index + step, 0), cards.length - 1)`;
  const lines: string[] = [];
  lines.push(`const cards = [\n${data}\n];`, `const cardEl = document.getElementById("card");`, `let index = 0;`, `let flipped = false;`);
  if (o.known) lines.push(`const known = new Set();`);
  lines.push(`function show() {
  const card = cards[index];
${render}${o.counter ? `\n  document.getElementById("counter").textContent = "Card " + (index + 1) + " of " + cards.length;` : ""}${
    o.known ? `\n  document.getElementById("score").textContent = "Known: " + known.size + " / " + cards.length;` : ""
  }${o.wrap ? "" : `${o.prev ? `\n  document.getElementById("prev").disabled = index === 0;` : ""}\n  document.getElementById("next").disabled = index === cards.length - 1;`}
}`);
  lines.push(`function flip() {
  flipped = !flipped;
  show();
}`);
  lines.push(`function go(step) {
  index = ${step};
  flipped = false;
  show();
}`);
  lines.push(on(o.flipBy === "card" ? "cardEl" : `document.getElementById("flip")`, "click", "flip"));
  lines.push(on(`document.getElementById("next")`, "click", "() => go(1)"));
  if (o.prev) lines.push(on(`document.getElementById("prev")`, "click", "() => go(-1)"));
  if (o.shuffle)
    lines.push(`${on(`document.getElementById("shuffle")`, "click", `() => {
  cards.sort(() => Math.random() - 0.5);
  index = 0;
  flipped = false;
  show();
}`)}`);
  if (o.known)
    lines.push(`${on(`document.getElementById("known")`, "click", `() => {
  known.add(cards[index]);
  go(1);
}`)}`);
  if (o.add)
    lines.push(`${on(`document.getElementById("add")`, "submit", `(e) => {
  e.preventDefault();
  const front = document.getElementById("new-front");
  const back = document.getElementById("new-back");
  if (!front.value.trim() || !back.value.trim()) return;
  cards.push({ ${f}: front.value.trim(), ${b}: back.value.trim() });
  e.target.reset();
  show();
}`)}`);
  if (o.keys)
    lines.push(`document.addEventListener("keydown", (e) => {
${o.add ? `  if (e.target.tagName === "INPUT") return;\n` : ""}  if (e.key === " ") {
    e.preventDefault();
    flip();
  }
  if (e.key === "ArrowRight") go(1);${o.prev ? `\n  if (e.key === "ArrowLeft") go(-1);` : ""}
});`);
  lines.push(`show();`);
  return lines.join("\n");
}

export const flashcards = defineFamily<FlashOptions>({
  name: "flashcards",
  options(rng) {
    const d = rng.pick(DECKS);
    const extras = rng.sample(["shuffle", "known", "add", "keys"], rng.int(0, 2)).join(" ").replace(/known add|add known/, "known").split(" ");
    return {
      theme: randomTheme(rng),
      deck: d.id,
      title: rng.pick([d.title, d.title, "Flashcards", "Study Cards"]),
      cards: rng.sample(d.cards, rng.int(4, d.cards[0][1].length > 12 ? 4 : 6)),
      flip: rng.pick(["3d", "swap"] as const),
      flipBy: rng.pick(["card", "button"] as const),
      flipLabel: rng.pick(["Flip", "Show answer", "Turn over", "Flip card"]),
      prev: rng.chance(0.7),
      counter: rng.chance(0.6),
      wrap: rng.chance(0.5),
      shuffle: extras.includes("shuffle"),
      known: extras.includes("known"),
      add: extras.includes("add"),
      keys: extras.includes("keys"),
      layout: rng.pick(["below", "below", "sides"] as const),
      bind: rng.pick(["listener", "property"] as const),
      names: rng.pick([["front", "back"], ["question", "answer"], ["term", "definition"], ["q", "a"]] as const).slice() as [string, string],
      nextLabel: rng.pick(["words", "arrows"] as const),
    };
  },
  render(o) {
    return page({ title: o.title, theme: o.theme, css: css(o), body: body(o), script: script(o) });
  },
  features(o) {
    return [
      `flip:${o.flip}`,
      ...(o.prev ? ["prev"] : []),
      ...(o.counter ? ["counter"] : []),
      ...(o.shuffle ? ["shuffle"] : []),
      ...(o.known ? ["known"] : []),
      ...(o.add ? ["add"] : []),
      ...(o.keys ? ["keys"] : []),
    ];
  },
  request(o, rng) {
    const name = rng.pick(deckOf(o).names);
    const subject = rng.pick([`a flashcard app for ${name}`, `flashcards for ${name}`, `a flashcards study app with ${name}`, `a ${name} flashcard deck`, `a study tool with flip cards for ${name}`]);
    const f: string[] = [];
    f.push(o.flipBy === "card" ? rng.pick(["click-to-flip cards", "cards that flip when clicked"]) : rng.pick(["a flip button", "a button to show the answer"]));
    if (o.flip === "3d") f.push(rng.pick(["a 3D flip animation", "a flip animation"]));
    f.push(o.prev ? rng.pick(["next and previous buttons", "buttons to go back and forward"]) : rng.pick(["a next button", "a button for the next card"]));
    if (o.counter) f.push(rng.pick(["a card counter", "'card X of Y' progress"]));
    if (o.shuffle) f.push(rng.pick(["a shuffle button", "a way to shuffle the deck"]));
    if (o.known) f.push(rng.pick(["a 'got it' button that counts known cards", "a known cards score"]));
    if (o.add) f.push(rng.pick(["a form to add new cards", "a way to add my own cards"]));
    if (o.keys) f.push(rng.pick(["keyboard shortcuts (space to flip, arrows to move)", "keyboard controls"]));
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-prev", requests: ["add a previous button", "let me go back to the previous card"], appliesTo: (o) => !o.prev, apply: (o) => ({ ...o, prev: true }) },
    { id: "add-counter", requests: ["show which card I am on", "add a card counter"], appliesTo: (o) => !o.counter, apply: (o) => ({ ...o, counter: true }) },
    { id: "add-shuffle", requests: ["add a shuffle button", "let me shuffle the cards"], appliesTo: (o) => !o.shuffle && extras(o) < 2, apply: (o) => ({ ...o, shuffle: true }) },
    { id: "add-cards", requests: ["let me add my own cards", "add a form for new cards"], appliesTo: (o) => !o.add && !o.known && extras(o) < 2, apply: (o) => ({ ...o, add: true }) },
    { id: "add-keys", requests: ["add keyboard shortcuts", "let me use the keyboard to flip and move"], appliesTo: (o) => !o.keys && extras(o) < 2, apply: (o) => ({ ...o, keys: true }) },
    { id: "flip-animation", requests: ["make the cards flip with a 3D animation", "add a flip animation"], appliesTo: (o) => o.flip === "swap", apply: (o) => ({ ...o, flip: "3d" }) },
  ],
  async check(app, o) {
    if (!(await visibleText(app.frame)).includes(o.cards[0][0])) throw new Error("the first card is not shown");
    await drive(app, { prev: o.prev, counter: o.counter, known: o.known, add: o.add, keys: o.keys, shuffle: o.shuffle });
  },
  async requestCheck(app, request) {
    await drive(app, {
      prev: /previous|back and forward/i.test(request),
      counter: /counter|card x of y/i.test(request),
      known: /got it|known/i.test(request),
      add: /add (new|my own)/i.test(request),
      keys: /keyboard/i.test(request),
      shuffle: /shuffle/i.test(request),
    });
  },
});

type Wants = Record<"prev" | "counter" | "known" | "add" | "keys" | "shuffle", boolean>;

/** A card counter like "2 of 8" or "2/8". */
const COUNTER = /\d+\s*(?:\/|of)\s*\d+/;

/** Study like a user: flip a card and back, go to the next card (and use each wanted feature). */
async function drive({ page, frame }: AppUnderTest, want: Wants): Promise<void> {
  const flipButton = button(frame, /flip|show|answer|reveal|turn/i);
  const flip = async () => ((await exists(flipButton)) ? flipButton.click() : frame.locator("[class*=card], [id*=card]").filter({ visible: true }).first().click());
  const front = await scene(frame);
  const firstText = await visibleText(frame);
  await flip();
  const back = await sceneChanges(frame, front, "flipping does not turn the card over");
  await flip();
  await eventually(async () => ((await scene(frame)) !== back) || undefined, "the card does not flip back");
  const next = button(frame, /next|\u2192|forward/i);
  const counted = COUNTER.exec(firstText)?.[0];
  if (want.counter && !counted) throw new Error("no card counter like 1 of 5");
  await next.click();
  const second = await textChanges(frame, firstText, "Next does not show another card");
  if (want.counter && COUNTER.exec(second)?.[0] === counted) throw new Error("the card counter does not advance");
  if (want.prev) {
    await button(frame, /prev|back|\u2190/i).click();
    await eventually(async () => ((await visibleText(frame)) === firstText) || undefined, "Previous does not go back to the first card");
    await next.click();
  }
  if (want.keys) {
    await frame.locator("body").click({ position: { x: 2, y: 2 } });
    const before = await scene(frame);
    await page.keyboard.press("Space");
    await sceneChanges(frame, before, "Space does not flip the card");
    const text = await visibleText(frame);
    await page.keyboard.press("ArrowRight");
    await textChanges(frame, text, "the right arrow does not go to the next card");
  }
  if (want.known) {
    const numbers = await shownNumbers(frame);
    await button(frame, /got it|know|correct/i).click();
    await eventually(async () => ((await shownNumbers(frame)) !== numbers) || undefined, "'got it' does not count the card");
  }
  if (want.add) {
    await textField(frame, 0).fill("ciao");
    await textField(frame, 1).fill("bye");
    await button(frame, /add/i).click();
    let found = false;
    for (let i = 0; i < 12 && !found; i++) {
      found = (await visibleText(frame)).includes("ciao");
      if (!found) await next.click();
    }
    if (!found) throw new Error("the added card is not in the deck");
  }
  if (want.shuffle) await button(frame, /shuffle/i).click();
}
