// A loan calculator: amount, annual rate and term give the monthly payment;
// optionally the total paid and total interest, a down payment, and an amortization
// schedule. Number inputs or sliders, live or with a Calculate button.
import { esc, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import type { Rng } from "../rng.ts";
import { randomTheme, type Theme } from "../theme.ts";
import { button, exists, expectNumbers, labelled, setField } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

interface LoanOptions {
  theme: Theme;
  kind: "loan" | "mortgage" | "car";
  title: string;
  currency: "$" | "euro" | "pound";
  term: "years" | "months" | "select";
  sliders: boolean;
  totals: boolean;
  down: boolean;
  schedule: boolean;
  format: "fixed" | "locale";
  live: boolean;
  layout: "card" | "split" | "plain";
  style: "functions" | "class" | "object";
}

const YEARS = [1, 2, 3, 4, 5, 10, 15, 20, 25, 30];

function sym(o: LoanOptions, html: boolean): string {
  if (o.currency === "$") return "$";
  if (o.currency === "euro") return html ? "&euro;" : "\\u20ac";
  return html ? "&pound;" : "\\u00a3";
}

function css(o: LoanOptions): string {
  const shell =
    o.layout === "card"
      ? `.app{max-width:${o.schedule ? 560 : 420}px;margin:40px auto;padding:24px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius)}`
      : o.layout === "split"
        ? `.app{max-width:820px;margin:40px auto;padding:0 20px;display:grid;grid-template-columns:1fr 1fr;gap:24px;align-items:start}\n.app h1,.wide{grid-column:1/-1}`
        : `.app{max-width:600px;margin:0 auto;padding:24px}`;
  return `${shell}
h1{margin:0 0 16px;font-size:24px}
label{display:block;margin:12px 0 6px;color:var(--muted);font-size:14px}
input,select{width:100%;padding:10px;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text);font:inherit}${o.sliders ? `\ninput[type=range]{padding:0;accent-color:var(--accent)}` : ""}${o.live ? "" : `\nbutton{margin-top:16px;width:100%;padding:12px;border:0;border-radius:var(--radius);background:var(--accent);color:var(--accent-text)}`}
.result{padding:16px;background:var(--bg);border:1px solid var(--border);border-radius:var(--radius)}
.line{display:flex;justify-content:space-between;padding:6px 0}
#payment{font-size:28px;color:var(--accent)}${o.schedule ? `\n.schedule{max-height:260px;overflow-y:auto;margin-top:16px}\ntable{width:100%;border-collapse:collapse;font-size:13px}\nth,td{padding:4px 6px;text-align:right;border-bottom:1px solid var(--border)}\nth{position:sticky;top:0;background:var(--surface)}` : ""}`;
}

function field(o: LoanOptions, id: string, label: string, value: number, min: number, max: number, step: number): string {
  if (o.sliders)
    return `<label for="${id}">${label}: <span id="${id}-val">${value}</span></label>\n<input id="${id}" type="range" min="${min}" max="${max}" step="${step}" value="${value}">`;
  return `<label for="${id}">${label}</label>\n<input id="${id}" type="number" min="0" step="${step}" value="${value}">`;
}

function body(o: LoanOptions): string {
  const c = sym(o, true);
  const amountLabel = o.down ? `${o.kind === "car" ? "Car" : "Home"} price (${c})` : `Loan amount (${c})`;
  const big = o.kind === "mortgage";
  const fields = [
    field(o, "amount", amountLabel, big ? 300000 : 20000, 1000, big ? 1000000 : 100000, 500),
    ...(o.down ? [field(o, "down", `Down payment (${c})`, big ? 60000 : 4000, 0, big ? 300000 : 50000, 500)] : []),
    field(o, "rate", "Interest rate (% per year)", big ? 6.5 : 7, 0, 20, 0.1),
    o.term === "select"
      ? `<label for="years">Term</label>\n<select id="years">${YEARS.map((y) => `<option value="${y}"${y === (big ? 30 : 5) ? " selected" : ""}>${y} year${y > 1 ? "s" : ""}</option>`).join("")}</select>`
      : o.term === "years"
        ? field(o, "years", "Term (years)", big ? 30 : 5, 1, 40, 1)
        : field(o, "months", "Term (months)", big ? 360 : 60, 6, 480, 6),
  ];
  return `<div class="app">
<h1>${esc(o.title)}</h1>
<div>
${fields.join("\n")}${o.live ? "" : `\n<button id="calc">Calculate</button>`}
</div>
<div class="result">
<div class="line"><span>Monthly payment</span><strong id="payment">-</strong></div>${o.totals ? `\n<div class="line"><span>Total paid</span><strong id="total">-</strong></div>\n<div class="line"><span>Total interest</span><strong id="interest">-</strong></div>` : ""}
</div>${o.schedule ? `\n<div class="schedule wide">\n<table>\n<thead><tr><th>Month</th><th>Payment</th><th>Principal</th><th>Interest</th><th>Balance</th></tr></thead>\n<tbody id="rows"></tbody>\n</table>\n</div>` : ""}
</div>`;
}

function moneyFn(o: LoanOptions): string {
  const s = sym(o, false);
  return o.format === "fixed"
    ? `function money(n) {\n  return "${s}" + n.toFixed(2);\n}`
    : `function money(n) {\n  return "${s}" + n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });\n}`;
}

function num(id: string): string {
  return `parseFloat(document.getElementById("${id}").value)`;
}

function computeBody(o: LoanOptions, pad: string): string {
  const months = o.term === "months" ? num("months") : `${num("years")} * 12`;
  const labels = o.sliders ? `\n${pad}for (const id of ${JSON.stringify(["amount", ...(o.down ? ["down"] : []), "rate", ...(o.term === "select" ? [] : [o.term])]).replace(/","/g, '", "')}) document.getElementById(id + "-val").textContent = document.getElementById(id).value;` : "";
  const schedule = o.schedule
    ? `\n${pad}let balance = p;
${pad}let html = "";
${pad}for (let i = 1; i <= n; i++) {
${pad}  const interest = balance * r;
${pad}  const principal = pay - interest;
${pad}  balance = Math.max(0, balance - principal);
${pad}  html += "<tr><td>" + i + "</td><td>" + money(pay) + "</td><td>" + money(principal) + "</td><td>" + money(interest) + "</td><td>" + money(balance) + "</td></tr>";
${pad}}
${pad}document.getElementById("rows").innerHTML = html;`
    : "";
  return `${pad}const p = ${num("amount")}${o.down ? ` - (${num("down")} || 0)` : ""};
${pad}const r = ${num("rate")} / 100 / 12;
${pad}const n = Math.round(${months});${labels}
${pad}if (!(p > 0 && n > 0 && r >= 0)) {
${pad}  document.getElementById("payment").textContent = "-";
${pad}  return;
${pad}}
${pad}const pay = r === 0 ? p / n : (p * r) / (1 - Math.pow(1 + r, -n));
${pad}document.getElementById("payment").textContent = money(pay);${o.totals ? `\n${pad}document.getElementById("total").textContent = money(pay * n);\n${pad}document.getElementById("interest").textContent = money(pay * n - p);` : ""}${schedule}`;
}

function wire(o: LoanOptions, fn: string): string {
  return o.live
    ? `document.querySelectorAll("${o.term === "select" ? "input, select" : "input"}").forEach((el) => el.addEventListener("input", ${fn}));`
    : `document.getElementById("calc").addEventListener("click", ${fn});`;
}

function script(o: LoanOptions): string {
  if (o.style === "class")
    return `${moneyFn(o)}
class LoanCalculator {
  constructor() {
    ${wire(o, "() => this.update()")}
    this.update();
  }
  update() {
${computeBody(o, "    ")}
  }
}
new LoanCalculator();`;
  if (o.style === "object")
    return `const loan = {
  money(n) {
    return ${moneyFn(o).split("\n")[1].trim().replace(/^return /, "").replace(/;$/, "")};
  },
  update() {
${computeBody(o, "    ").replace(/money\(/g, "loan.money(")}
  },
};
${wire(o, "() => loan.update()")}
loan.update();`;
  return `${moneyFn(o)}
function calculate() {
${computeBody(o, "  ")}
}
${wire(o, "calculate")}
calculate();`;
}

function render(o: LoanOptions): string {
  return page({ title: o.title, theme: o.theme, css: css(o), body: body(o), script: script(o) });
}

function fits(o: LoanOptions): boolean {
  return render(o).length <= 4000;
}

function draw(rng: Rng): LoanOptions {
  const kind = rng.pick(["loan", "loan", "mortgage", "car"] as const);
  const titles = { loan: ["Loan Calculator", "Loan Payment Calculator", "Monthly Payment"], mortgage: ["Mortgage Calculator", "Home Loan Calculator"], car: ["Car Loan Calculator", "Auto Loan"] }[kind];
  return {
    theme: randomTheme(rng),
    kind,
    title: rng.pick(titles),
    currency: rng.pick(["$", "$", "euro", "pound"] as const),
    term: rng.pick(["years", "years", "months", "select"] as const),
    sliders: rng.chance(0.25),
    totals: rng.chance(0.6),
    down: kind !== "loan" && rng.chance(0.6),
    schedule: rng.chance(0.3),
    format: rng.pick(["fixed", "locale"] as const),
    live: rng.chance(0.6),
    layout: rng.pick(["card", "split", "plain"] as const),
    style: rng.pick(["functions", "class", "object"] as const),
  };
}

export const loan = defineFamily<LoanOptions>({
  name: "loan",
  options(rng) {
    const o = draw(rng);
    const optional = rng.shuffle(["sliders", "totals", "schedule"] as const);
    while (!fits(o)) o[optional.find((k) => o[k])!] = false;
    return o;
  },
  render,
  features(o) {
    return [
      `term:${o.term}`,
      ...(o.sliders ? ["sliders"] : []),
      ...(o.totals ? ["totals"] : []),
      ...(o.down ? ["down-payment"] : []),
      ...(o.schedule ? ["schedule"] : []),
      ...(o.live ? [] : ["calculate-button"]),
    ];
  },
  request(o, rng) {
    const subject =
      o.kind === "mortgage"
        ? rng.pick(["a mortgage calculator", "a home loan calculator", "a mortgage payment calculator"])
        : o.kind === "car"
          ? rng.pick(["a car loan calculator", "an auto loan calculator"])
          : rng.pick(["a loan calculator", "a loan calculator with monthly payment", "a loan payment calculator", "a monthly payment calculator for a loan"]);
    const f: string[] = [];
    if (o.term === "months") f.push(rng.pick(["the term in months", "a loan term in months"]));
    if (o.term === "select") f.push(rng.pick(["a dropdown for the term in years", "a select for the number of years"]));
    if (o.sliders) f.push(rng.pick(["sliders for the inputs", "range sliders"]));
    if (o.totals) f.push(rng.pick(["the total interest and total paid", "total cost and interest"]));
    if (o.down) f.push(rng.pick(["a down payment field", "a down payment"]));
    if (o.schedule) f.push(rng.pick(["an amortization schedule", "a month by month payment table"]));
    if (!o.live) f.push(rng.pick(["a calculate button", "a button to calculate"]));
    if (o.theme.dark && rng.chance(0.5)) f.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? [] : f);
  },
  edits: [
    { id: "add-totals", requests: ["also show the total interest", "show the total paid and the interest"], appliesTo: (o) => !o.totals && fits({ ...o, totals: true }), apply: (o) => ({ ...o, totals: true }) },
    { id: "add-schedule", requests: ["add an amortization schedule", "show a table of every monthly payment"], appliesTo: (o) => !o.schedule && fits({ ...o, schedule: true }), apply: (o) => ({ ...o, schedule: true }) },
    { id: "live", requests: ["update the payment as I type", "calculate it live without a button"], appliesTo: (o) => !o.live && fits({ ...o, live: true }), apply: (o) => ({ ...o, live: true }) },
    { id: "months", requests: ["let me enter the term in months", "use months for the term"], appliesTo: (o) => o.term !== "months" && fits({ ...o, term: "months" }), apply: (o) => ({ ...o, term: "months" }) },
  ],
  async check(app, o) {
    await drive(app, { totals: o.totals, schedule: o.schedule, zeroRate: true });
  },
  async requestCheck(app, request) {
    await drive(app, { totals: /total/i.test(request), schedule: /amortization|schedule|month by month/i.test(request), zeroRate: false });
  },
});

interface Wants {
  totals: boolean;
  schedule: boolean;
  /** Also a loan at 0% interest. */
  zeroRate: boolean;
}

/** Enter a loan like a user (with a down payment where the app asks for one); the payment must show. */
async function drive({ frame }: AppUnderTest, want: Wants): Promise<void> {
  const down = labelled(frame, /down/i);
  const hasDown = await exists(down);
  const months = labelled(frame, /months/i);
  const byMonths = await exists(months);
  const calc = button(frame, /calculate|compute/i);
  const run = async (amount: number, rate: string, years: number) => {
    await setField(labelled(frame, /amount|price|principal/i), String(amount + (hasDown ? 5000 : 0)));
    if (hasDown) await setField(down, "5000");
    await setField(labelled(frame, /rate|interest/i), rate);
    await setField(byMonths ? months : labelled(frame, /term|years/i), String(byMonths ? years * 12 : years));
    if (await exists(calc)) await calc.click();
  };
  await run(20000, "5", 3);
  await expectNumbers(frame, "20,000 at 5% over 3 years", [599.42], 0.011);
  if (want.totals) await expectNumbers(frame, "the totals of 20,000 at 5% over 3 years", [21579.04, 1579.04], 0.05);
  if (want.schedule) {
    const rows = frame.locator("tr:has(td)");
    if ((await rows.count()) !== 36) throw new Error(`the schedule has ${await rows.count()} rows, expected 36`);
    await expectNumbers(frame, "the schedule's first month (interest and balance)", [83.33, 19483.92], 0.011);
  }
  if (want.zeroRate) {
    await run(12000, "0", 2);
    await expectNumbers(frame, "12,000 at 0% over 2 years", [500], 0.011);
  }
}
