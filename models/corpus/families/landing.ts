// A landing page for a small business, with interactive parts: a menu toggle,
// category tabs, an FAQ accordion and a form that shows a thank-you message.
import { esc, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import { button, eventually, exists, newLines, scene, sceneChanges, setField, visibleText } from "../tolerant.ts";
import { defineFamily } from "../types.ts";

interface Biz {
  kind: string;
  names: string[];
  taglines: string[];
  section: string;
  cta: string;
  booking: string;
  cats: [string, [string, number][]][];
  perks: [string, string][];
  faqs: [string, string][];
}

const BIZ: Biz[] = [
  {
    kind: "coffee shop", names: ["Bean There", "The Daily Grind", "Copper Cup", "Morning Brew"], taglines: ["Small batch coffee, roasted in town.", "Your daily cup, made with care."],
    section: "Menu", cta: "See the menu", booking: "Reserve a table",
    cats: [["Coffee", [["Espresso", 2.5], ["Latte", 3.8], ["Flat white", 3.6]]], ["Tea", [["Green tea", 2.8], ["Chai latte", 3.9], ["Earl Grey", 2.6]]], ["Pastries", [["Croissant", 2.9], ["Blueberry muffin", 3.2], ["Cinnamon roll", 3.4]]]],
    perks: [["Fresh beans", "Roasted every week."], ["Cozy corner", "Free wifi and soft chairs."], ["Take away", "Bring your own cup."]],
    faqs: [["Do you have oat milk?", "Yes, oat and soy at no extra cost."], ["Can I work there?", "Sure, we have plugs at every table."], ["Are dogs allowed?", "Well behaved dogs are welcome."]],
  },
  {
    kind: "bakery", names: ["Rise & Shine", "Golden Crust", "Flour Power", "The Bread Box"], taglines: ["Baked fresh every morning since 1998.", "Real bread, slow dough, warm ovens."],
    section: "Our bakes", cta: "View our bakes", booking: "Order a cake",
    cats: [["Breads", [["Sourdough", 5.5], ["Rye loaf", 4.8], ["Baguette", 2.4]]], ["Cakes", [["Carrot cake", 4.2], ["Cheesecake", 4.6], ["Lemon tart", 3.9]]], ["Cookies", [["Oat cookie", 1.8], ["Brownie", 2.5], ["Shortbread", 1.6]]]],
    perks: [["Local flour", "Milled an hour away."], ["Early hours", "Open from 6 am."], ["Custom cakes", "For every celebration."]],
    faqs: [["Do you bake gluten free?", "Yes, on Fridays and Saturdays."], ["Can I order ahead?", "Order two days before pick up."], ["Do you deliver?", "Within the city for orders over 30."]],
  },
  {
    kind: "florist", names: ["Petal & Stem", "Bloom Room", "Wild Rose", "Green Thumb"], taglines: ["Fresh flowers for every moment.", "Bouquets tied by hand, daily."],
    section: "Shop", cta: "Browse flowers", booking: "Book a consultation",
    cats: [["Bouquets", [["Spring mix", 35], ["Red roses", 48], ["Sunflowers", 29]]], ["Plants", [["Monstera", 32], ["Snake plant", 24], ["Orchid", 38]]], ["Events", [["Wedding set", 450], ["Table pieces", 60], ["Wreath", 85]]]],
    perks: [["Same day", "Order by noon."], ["Seasonal", "Flowers from local growers."], ["Gift cards", "A note with every order."]],
    faqs: [["Do you deliver?", "Yes, every day except Sunday."], ["How long do they last?", "About a week with fresh water."], ["Can I pick colors?", "Tell us and we will match them."]],
  },
  {
    kind: "bike repair shop", names: ["Spoke & Chain", "Pedal Works", "Two Wheels", "Gear Up"], taglines: ["Fast repairs, fair prices.", "Keeping the city rolling."],
    section: "Services", cta: "See our prices", booking: "Book a repair",
    cats: [["Repairs", [["Flat tire", 15], ["Brake tune", 25], ["Chain swap", 30]]], ["Service", [["Basic check", 40], ["Full service", 90], ["Wheel true", 20]]], ["Rentals", [["City bike day", 18], ["E-bike day", 45], ["Kids bike", 12]]]],
    perks: [["While you wait", "Small fixes in 30 minutes."], ["Honest advice", "We only fix what is broken."], ["Loan bikes", "Ride while we work."]],
    faqs: [["Do I need an appointment?", "Not for small repairs."], ["Do you fix e-bikes?", "Yes, most brands."], ["Is there a warranty?", "Three months on all work."]],
  },
  {
    kind: "bookshop", names: ["Dog-Eared Books", "Page Turner", "The Reading Nook", "Ink & Paper"], taglines: ["New and used books, hand picked.", "A little shop full of stories."],
    section: "Picks", cta: "Our picks", booking: "Join the book club",
    cats: [["Fiction", [["Mystery box", 12], ["Classic novel", 9], ["New release", 22]]], ["Kids", [["Picture book", 8], ["First reader", 7], ["Comic", 10]]], ["Gifts", [["Gift card", 25], ["Tote bag", 15], ["Bookmarks", 4]]]],
    perks: [["Staff picks", "Read by us first."], ["Used books", "Trade in your old ones."], ["Reading room", "Sit, read, stay."]],
    faqs: [["Can you order a book?", "Yes, most arrive in three days."], ["Do you buy used books?", "Bring them on Mondays."], ["Is there a book club?", "Every first Thursday."]],
  },
  {
    kind: "yoga studio", names: ["Still Point", "Lotus Loft", "Breathe Studio", "Sun Salute"], taglines: ["Classes for every body.", "Slow down, breathe, move."],
    section: "Classes", cta: "View classes", booking: "Book a class",
    cats: [["Beginner", [["Intro flow", 12], ["Gentle stretch", 10], ["Basics", 12]]], ["Flow", [["Vinyasa", 15], ["Power yoga", 16], ["Sunrise flow", 14]]], ["Passes", [["Ten classes", 120], ["Monthly", 89], ["Drop in", 16]]]],
    perks: [["Small groups", "Ten people per class."], ["Mats provided", "Just bring yourself."], ["First class free", "Try us out."]],
    faqs: [["I am new, where do I start?", "Try the Intro flow."], ["What should I bring?", "Water and comfy clothes."], ["Can I cancel?", "Up to two hours before class."]],
  },
];

interface LandingOptions {
  theme: Theme;
  biz: number;
  name: string;
  tagline: string;
  address: string;
  hours: string;
  currency: "$" | "&euro;" | "&pound;";
  hero: "center" | "split" | "banner";
  nav: boolean;
  tabs: boolean;
  perks: boolean;
  faq: boolean;
  form: "none" | "newsletter" | "contact" | "booking";
  style: "listeners" | "delegation";
  toggle: "hidden" | "class";
}

const money = (o: LandingOptions, p: number) => `${o.currency}${p % 1 ? p.toFixed(2) : p}`;

function css(o: LandingOptions): string {
  const hero = {
    center: `.hero{text-align:center;padding:64px 20px}
.hero h1{font-size:44px;margin:0 0 8px}`,
    split: `.hero{display:flex;align-items:center;gap:32px;padding:48px 20px}
.hero h1{font-size:40px;margin:0 0 8px}
.logo{flex:none;width:140px;height:140px;border-radius:50%;background:var(--accent);color:var(--accent-text);display:grid;place-items:center;font-size:64px}`,
    banner: `.hero{background:var(--accent);color:var(--accent-text);padding:56px 24px;border-radius:var(--radius)}
.hero h1{font-size:42px;margin:0 0 8px}
.hero .btn{background:var(--bg);color:var(--text)}`,
  }[o.hero];
  const parts = [
    `[hidden]{display:none!important}
main{max-width:860px;margin:0 auto;padding:0 20px}
header{display:flex;justify-content:space-between;align-items:center;flex-wrap:wrap;gap:8px;padding:14px 20px;border-bottom:1px solid var(--border)}
.brand{font-weight:bold;font-size:20px}
nav{display:flex;gap:16px}
nav a{color:var(--text);text-decoration:none}`,
    o.nav ? `#menu-toggle{background:none;border:1px solid var(--border);border-radius:var(--radius);color:var(--text);padding:6px 12px}\nheader nav{width:100%;flex-direction:column;gap:8px}${o.toggle === "class" ? `\nheader nav:not(.open){display:none}` : ""}` : "",
    hero,
    `.btn{display:inline-block;padding:10px 20px;background:var(--accent);color:var(--accent-text);border:0;border-radius:var(--radius);text-decoration:none}
section{padding:24px 0}
h2{margin:0 0 14px}`,
    o.perks ? `.perks{display:grid;grid-template-columns:repeat(3,1fr);gap:12px}\n.perks div{background:var(--surface);border:1px solid var(--border);border-radius:var(--radius);padding:14px}\n.perks h3{margin:0 0 4px;font-size:17px}\n.perks p{margin:0;color:var(--muted)}` : "",
    o.tabs ? `[role=tablist]{display:flex;gap:6px}\n[role=tab]{padding:8px 16px;border:1px solid var(--border);border-radius:var(--radius);background:var(--surface);color:var(--text)}\n[role=tab][aria-selected=true]{background:var(--accent);color:var(--accent-text)}\n.items{list-style:none;padding:0}${o.toggle === "class" ? `\n[role=tabpanel]:not(.active){display:none}` : ""}` : `.items{padding-left:20px}`,
    `.items li{display:flex;justify-content:space-between;padding:8px 0;border-bottom:1px dashed var(--border)}`,
    o.faq ? `.q{display:block;width:100%;text-align:left;padding:10px 0;background:none;border:0;border-bottom:1px solid var(--border);color:var(--text);font-weight:bold}\n.a{margin:8px 0;color:var(--muted)}${o.toggle === "class" ? `\n.faq div:not(.open) .a{display:none}` : ""}` : "",
    o.form !== "none" ? `form{display:flex;flex-wrap:wrap;gap:8px}\ninput,select,textarea{flex:1 1 200px;padding:10px;border:1px solid var(--border);border-radius:var(--radius);background:var(--surface);color:var(--text);font:inherit}\n#thanks{padding:14px;border-left:4px solid var(--accent);background:var(--surface)}` : "",
    `footer{padding:20px;text-align:center;color:var(--muted);border-top:1px solid var(--border)}`,
  ];
  return parts.filter(Boolean).join("\n");
}

function formHtml(o: LandingOptions, b: Biz): string {
  if (o.form === "newsletter")
    return `<h2>Join our newsletter</h2>
<form id="signup">
<input name="email" type="email" required placeholder="you@example.com" aria-label="Email">
<button class="btn" type="submit">Subscribe</button>
</form>`;
  if (o.form === "contact")
    return `<h2>Contact us</h2>
<form id="signup">
<input name="name" required placeholder="Your name" aria-label="Name">
<input name="email" type="email" required placeholder="Email" aria-label="Email">
<textarea name="message" rows="3" placeholder="Message" aria-label="Message"></textarea>
<button class="btn" type="submit">Send</button>
</form>`;
  return `<h2>${b.booking}</h2>
<form id="signup">
<input name="name" required placeholder="Your name" aria-label="Name">
<input name="date" type="date" required aria-label="Date">
<select name="people" aria-label="People"><option>1</option><option>2</option><option>3</option><option>4</option></select>
<button class="btn" type="submit">Book</button>
</form>`;
}

function body(o: LandingOptions): string {
  const b = BIZ[o.biz];
  const links = `<a href="#menu">${b.section}</a>${o.faq ? `<a href="#faq">FAQ</a>` : ""}<a href="#contact">Contact</a>`;
  const header = o.nav
    ? `<header><span class="brand">${esc(o.name)}</span><button id="menu-toggle" type="button" aria-expanded="false" aria-controls="nav">&#9776; Menu</button>
<nav id="nav"${o.toggle === "hidden" ? " hidden" : ""}>${links}</nav></header>`
    : `<header><span class="brand">${esc(o.name)}</span><nav>${links}</nav></header>`;
  const heroText = `<h1>${esc(o.name)}</h1>\n<p>${o.tagline}</p>\n<a class="btn" href="#menu">${b.cta}</a>`;
  const hero = o.hero === "split" ? `<section class="hero"><div class="logo">${esc(o.name[0])}</div><div>\n${heroText}\n</div></section>` : `<section class="hero">\n${heroText}\n</section>`;
  const list = (items: [string, number][]) => `<ul class="items">${items.map(([n, p]) => `<li>${n}<span>${money(o, p)}</span></li>`).join("")}</ul>`;
  const hid = (i: number) => (o.toggle === "hidden" ? (i ? " hidden" : "") : i ? "" : ` class="active"`);
  const menu = o.tabs
    ? `<div role="tablist">${b.cats.map(([c], i) => `<button role="tab" type="button" aria-selected="${i === 0}">${c}</button>`).join("")}</div>
${b.cats.map(([, items], i) => `<div role="tabpanel"${hid(i)}>${list(items)}</div>`).join("\n")}`
    : list(b.cats.map(([, items]) => items[0]));
  const faq = o.faq
    ? `\n<section id="faq" class="faq"><h2>FAQ</h2>\n${b.faqs.map(([q, a]) => `<div><button class="q" type="button" aria-expanded="false">${q}</button><p class="a"${o.toggle === "hidden" ? " hidden" : ""}>${a}</p></div>`).join("\n")}\n</section>`
    : "";
  return `${header}
<main>
${hero}${o.perks ? `\n<section class="perks">${b.perks.map(([h, p]) => `<div><h3>${h}</h3><p>${p}</p></div>`).join("")}</section>` : ""}
<section id="menu"><h2>${o.tabs ? b.section : "Favorites"}</h2>
${menu}
</section>${faq}
<section id="contact">${o.form !== "none" ? `\n${formHtml(o, b)}\n<p id="thanks" hidden></p>` : ""}
<p>${o.address} &middot; ${o.hours}</p>
</section>
</main>
<footer>&copy; 2025 ${esc(o.name)}</footer>`;
}

function thanksCode(o: LandingOptions, ind: string): string {
  const msg =
    o.form === "newsletter" ? `"Thanks for subscribing! Check " + this.elements.email.value + " for a welcome note."`
    : o.form === "contact" ? `"Thanks, " + this.elements.name.value + "! We will get back to you soon."`
    : `"Thanks, " + this.elements.name.value + "! You are booked for " + this.elements.date.value + ", party of " + this.elements.people.value + "."`;
  return `${ind}e.preventDefault();
${ind}const thanks = document.getElementById("thanks");
${ind}thanks.textContent = ${msg};
${ind}thanks.hidden = false;
${ind}this.hidden = true;`;
}

function scriptListeners(o: LandingOptions): string {
  const parts: string[] = [];
  const hidden = o.toggle === "hidden";
  if (o.nav)
    parts.push(`const toggle = document.getElementById("menu-toggle");
const nav = document.getElementById("nav");
toggle.addEventListener("click", function () {
  ${hidden ? "nav.hidden = !nav.hidden;" : `nav.classList.toggle("open");`}
  toggle.setAttribute("aria-expanded", String(${hidden ? "!nav.hidden" : `nav.classList.contains("open")`}));
});`);
  if (o.tabs)
    parts.push(`const tabs = document.querySelectorAll("[role=tab]");
const panels = document.querySelectorAll("[role=tabpanel]");
tabs.forEach(function (tab, i) {
  tab.addEventListener("click", function () {
    tabs.forEach(function (t, j) {
      t.setAttribute("aria-selected", String(i === j));
      ${hidden ? "panels[j].hidden = i !== j;" : `panels[j].classList.toggle("active", i === j);`}
    });
  });
});`);
  if (o.faq)
    parts.push(`document.querySelectorAll(".q").forEach(function (q) {
  q.addEventListener("click", function () {
    const open = q.getAttribute("aria-expanded") === "true";
    q.setAttribute("aria-expanded", String(!open));
    ${hidden ? "q.nextElementSibling.hidden = open;" : `q.parentElement.classList.toggle("open", !open);`}
  });
});`);
  if (o.form !== "none")
    parts.push(`document.getElementById("signup").addEventListener("submit", function (e) {
${thanksCode(o, "  ")}
});`);
  return parts.join("\n");
}

function scriptDelegation(o: LandingOptions): string {
  const hidden = o.toggle === "hidden";
  const branches: string[] = [];
  if (o.nav)
    branches.push(`if (btn.id === "menu-toggle") {
    const nav = document.getElementById("nav");
    ${hidden ? "nav.hidden = !nav.hidden;" : `nav.classList.toggle("open");`}
    btn.setAttribute("aria-expanded", String(${hidden ? "!nav.hidden" : `nav.classList.contains("open")`}));
  }`);
  if (o.tabs)
    branches.push(`if (btn.getAttribute("role") === "tab") {
    const tabs = [...btn.parentElement.children];
    const panels = document.querySelectorAll("[role=tabpanel]");
    tabs.forEach((t, i) => {
      t.setAttribute("aria-selected", String(t === btn));
      ${hidden ? "panels[i].hidden = t !== btn;" : `panels[i].classList.toggle("active", t === btn);`}
    });
  }`);
  if (o.faq)
    branches.push(`if (btn.classList.contains("q")) {
    const open = btn.getAttribute("aria-expanded") === "true";
    btn.setAttribute("aria-expanded", String(!open));
    ${hidden ? "btn.nextElementSibling.hidden = open;" : `btn.parentElement.classList.toggle("open", !open);`}
  }`);
  const click = branches.length
    ? `document.addEventListener("click", (e) => {
  const btn = e.target.closest("button");
  if (!btn) return;
  ${branches.join(" else ")}
});`
    : "";
  const form =
    o.form !== "none"
      ? `document.getElementById("signup").addEventListener("submit", function (e) {
${thanksCode(o, "  ")}
});`
      : "";
  return [click, form].filter(Boolean).join("\n");
}

function render(o: LandingOptions): string {
  return page({ title: esc(o.name), theme: o.theme, css: css(o), body: body(o), script: o.style === "delegation" ? scriptDelegation(o) : scriptListeners(o) });
}

const interactive = (o: LandingOptions) => o.nav || o.tabs || o.faq || o.form !== "none";
const fits = (o: LandingOptions) => render(o).length <= 4000;

export const landing = defineFamily<LandingOptions>({
  name: "landing",
  options(rng) {
    const biz = rng.int(0, BIZ.length - 1);
    const b = BIZ[biz];
    const o: LandingOptions = {
      theme: randomTheme(rng),
      biz,
      name: rng.pick(b.names),
      tagline: rng.pick(b.taglines),
      address: rng.pick(["12 Market Street", "4 Harbor Road", "88 Elm Avenue", "21 Station Square", "7 Mill Lane"]),
      hours: rng.pick(["Open daily 7-18", "Mon-Sat 8-19", "Tue-Sun 9-17", "Open every day 8-20"]),
      currency: rng.pick(["$", "&euro;", "&pound;"] as const),
      hero: rng.pick(["center", "split", "banner"] as const),
      nav: rng.chance(0.45),
      tabs: rng.chance(0.5),
      perks: rng.chance(0.5),
      faq: rng.chance(0.35),
      form: rng.pick(["none", "newsletter", "contact", "booking"] as const),
      style: rng.pick(["listeners", "delegation"] as const),
      toggle: rng.pick(["hidden", "class"] as const),
    };
    if (!interactive(o)) o[rng.pick(["nav", "tabs", "faq"] as const)] = true;
    while (!fits(o)) {
      if (o.perks) o.perks = false;
      else {
        const on = (["nav", "tabs", "faq"] as const).filter((k) => o[k]);
        if (o.form !== "none" && (!on.length || rng.chance(0.3))) o.form = "none";
        else o[rng.pick(on)] = false;
      }
    }
    if (!interactive(o)) o.faq = true;
    return o;
  },
  render,
  features(o) {
    return [
      `biz:${BIZ[o.biz].kind}`,
      ...(o.nav ? ["nav-toggle"] : []),
      ...(o.tabs ? ["tabs"] : []),
      ...(o.faq ? ["faq"] : []),
      ...(o.perks ? ["perks"] : []),
      ...(o.form !== "none" ? [`form:${o.form}`] : []),
    ];
  },
  request(o, rng) {
    const b = BIZ[o.biz];
    const subject = rng.pick([
      `a landing page for a ${b.kind}`,
      `a landing page for a small ${b.kind} called ${o.name}`,
      `a one page website for my ${b.kind}`,
      `a homepage for ${o.name}, a local ${b.kind}`,
      `a simple website for a ${b.kind}`,
    ]);
    const what = b.section.toLowerCase();
    const f: string[] = [];
    if (o.nav) f.push(rng.pick(["a menu button that toggles the navigation", "a hamburger menu", "a collapsible nav menu"]));
    if (o.tabs) f.push(rng.pick([`tabs for the ${what} categories`, `a tabbed ${what} section`, `tabs to switch between ${b.cats.map((c) => c[0].toLowerCase()).join(", ")}`]));
    if (o.faq) f.push(rng.pick(["an FAQ accordion", "a FAQ section where the answers open on click"]));
    if (o.perks) f.push(rng.pick(["three feature cards", "a section with three reasons to visit"]));
    if (o.form === "newsletter") f.push(rng.pick(["a newsletter signup that shows a thank-you message", "an email signup form with a thank you note"]));
    if (o.form === "contact") f.push(rng.pick(["a contact form that says thanks after sending", "a contact form with a thank-you message"]));
    if (o.form === "booking") f.push(rng.pick([`a "${b.booking.toLowerCase()}" form that shows a confirmation`, `a booking form with a thank-you message`]));
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) && interactive(o) ? [] : f);
  },
  edits: [
    { id: "add-nav-toggle", requests: ["add a menu button that shows and hides the navigation", "add a hamburger menu"], appliesTo: (o) => !o.nav && fits({ ...o, nav: true }), apply: (o) => ({ ...o, nav: true }) },
    { id: "add-tabs", requests: ["put the menu in tabs by category", "add tabs for the categories"], appliesTo: (o) => !o.tabs && fits({ ...o, tabs: true }), apply: (o) => ({ ...o, tabs: true }) },
    { id: "add-faq", requests: ["add an FAQ section with collapsible answers", "add a FAQ accordion"], appliesTo: (o) => !o.faq && fits({ ...o, faq: true }), apply: (o) => ({ ...o, faq: true }) },
    { id: "add-newsletter", requests: ["add a newsletter signup that thanks the user", "add an email signup form"], appliesTo: (o) => o.form === "none" && fits({ ...o, form: "newsletter" }), apply: (o) => ({ ...o, form: "newsletter" }) },
    { id: "add-perks", requests: ["add three feature cards", "add a section with reasons to visit"], appliesTo: (o) => !o.perks && fits({ ...o, perks: true }), apply: (o) => ({ ...o, perks: true }) },
  ],
  async check({ frame }, o) {
    const b = BIZ[o.biz];
    if ((await frame.getByRole("heading", { level: 1, name: o.name }).count()) !== 1) throw new Error(`no heading "${o.name}"`);
    if (o.nav) {
      const toggle = frame.locator("#menu-toggle");
      const link = frame.locator("#nav a").first();
      if (await link.isVisible()) throw new Error("the nav is open before the menu button is clicked");
      await toggle.click();
      if (!(await link.isVisible())) throw new Error("the menu button does not open the nav");
      if ((await toggle.getAttribute("aria-expanded")) !== "true") throw new Error("aria-expanded not updated");
      await toggle.click();
      if (await link.isVisible()) throw new Error("the menu button does not close the nav");
    }
    if (o.tabs) {
      const first = frame.locator("[role=tabpanel] li", { hasText: b.cats[0][1][0][0] });
      const third = frame.locator("[role=tabpanel] li", { hasText: b.cats[2][1][1][0] });
      if (!(await first.isVisible()) || (await third.isVisible())) throw new Error("the first tab is not the only one shown at start");
      await frame.getByRole("tab", { name: b.cats[2][0] }).click();
      if (!(await third.isVisible()) || (await first.isVisible())) throw new Error(`clicking the ${b.cats[2][0]} tab does not switch the panel`);
      if ((await frame.getByRole("tab", { name: b.cats[2][0] }).getAttribute("aria-selected")) !== "true") throw new Error("aria-selected not updated");
    }
    if (o.faq) {
      const answer = frame.getByText(b.faqs[1][1], { exact: true });
      if (await answer.isVisible()) throw new Error("an FAQ answer is open at start");
      await frame.getByRole("button", { name: b.faqs[1][0] }).click();
      if (!(await answer.isVisible())) throw new Error("clicking a question does not show its answer");
      await frame.getByRole("button", { name: b.faqs[1][0] }).click();
      if (await answer.isVisible()) throw new Error("clicking a question again does not hide its answer");
    }
    if (o.form !== "none") {
      const thanks = frame.locator("#thanks");
      if (await thanks.isVisible()) throw new Error("the thank-you message shows before submitting");
      const who = "Robin";
      if (o.form !== "newsletter") await frame.getByLabel("Name", { exact: true }).fill(who);
      if (o.form !== "booking") await frame.getByLabel("Email", { exact: true }).fill("robin@example.com");
      if (o.form === "booking") await frame.getByLabel("Date", { exact: true }).fill("2025-06-14");
      await frame.locator("#signup button[type=submit]").click();
      if (!(await thanks.isVisible())) throw new Error("no thank-you message after submitting");
      const t = (await thanks.textContent()) ?? "";
      if (!/thank/i.test(t)) throw new Error(`thank-you message says "${t}"`);
      if (o.form !== "newsletter" && !t.includes(who)) throw new Error("the thank-you message does not use the name");
      if (await frame.locator("#signup").isVisible()) throw new Error("the form stays visible after submitting");
    }
  },
  async requestCheck({ frame }, request) {
    if (!(await exists(frame.getByRole("heading", { level: 1 })))) throw new Error("the page has no main heading");
    if (/faq/i.test(request)) {
      const question = frame.getByRole("button", { name: /\?/ }).filter({ visible: true }).last();
      const before = await visibleText(frame);
      await question.click();
      await eventually(async () => newLines(before, await visibleText(frame)).length || undefined, "clicking a question does not show its answer");
      await question.click();
      await eventually(async () => ((await visibleText(frame)) === before) || undefined, "clicking a question again does not hide its answer");
    }
    // Whatever the request names, every button outside the form must do something. The
    // last ones go first: the first of a row of tabs changes nothing until another is open.
    const buttons = frame.locator("button:not(form button)").filter({ visible: true });
    for (let i = (await buttons.count()) - 1; i >= 0; i--) {
      const before = await scene(frame);
      await buttons.nth(i).click();
      await sceneChanges(frame, before, `the "${(await buttons.nth(i).innerText()).trim()}" button does nothing`);
    }
    const submit = frame.locator("button[type=submit], input[type=submit], form button:not([type])").filter({ visible: true }).first();
    if (/form|signup|sign-up/i.test(request) || (await exists(submit))) {
      for (const f of await frame.locator("form input:visible, form textarea:visible").all()) {
        const type = await f.getAttribute("type");
        await setField(f, type === "email" ? "robin@example.com" : type === "date" ? "2030-06-14" : type === "number" ? "2" : "Robin");
      }
      const before = await visibleText(frame);
      await submit.click();
      await eventually(async () => newLines(before, await visibleText(frame)).some((l) => /thank|booked|confirm|received|welcome|subscribed/i.test(l)) || undefined, "submitting the form shows no thank-you message");
    }
  },
});
