// A sign-up form with validation messages under each field and a success message.
import { esc, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import { button, eventually, exists, labelled, newLines, visibleText } from "../tolerant.ts";
import { defineFamily, type AppUnderTest } from "../types.ts";

interface FormOptions {
  theme: Theme;
  title: string;
  nameLabel: string;
  confirm: boolean;
  age: boolean;
  minAge: number;
  terms: boolean;
  minPass: number;
  needDigit: boolean;
  live: boolean;
  toggle: boolean;
  strength: boolean;
  approach: "rules" | "ifs";
  layout: "card" | "plain" | "split";
  submitLabel: string;
  tagline: string;
}

interface Field {
  id: string;
  test: string;
  msg: string;
}

function fields(o: FormOptions): Field[] {
  const pass = o.needDigit ? `v.length >= ${o.minPass} && /\\d/.test(v)` : `v.length >= ${o.minPass}`;
  return [
    { id: "name", test: `v.trim().length >= 2`, msg: `Please enter your ${o.nameLabel.toLowerCase()}.` },
    { id: "email", test: `/^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/.test(v.trim())`, msg: "Please enter a valid email address." },
    { id: "password", test: pass, msg: `Password must be at least ${o.minPass} characters${o.needDigit ? " and contain a number" : ""}.` },
    ...(o.confirm ? [{ id: "confirm", test: `v !== "" && v === form.elements.password.value`, msg: "Passwords do not match." }] : []),
    ...(o.age ? [{ id: "age", test: `Number(v) >= ${o.minAge}`, msg: `You must be at least ${o.minAge} years old.` }] : []),
    ...(o.terms ? [{ id: "terms", test: `form.elements.terms.checked`, msg: "You must accept the terms." }] : []),
  ];
}

function css(o: FormOptions): string {
  const shell =
    o.layout === "split"
      ? `main{display:grid;grid-template-columns:1fr 1fr;max-width:820px;margin:40px auto;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius);overflow:hidden}
.intro{background:var(--accent);color:var(--accent-text);padding:32px}
form,#success{padding:32px}`
      : o.layout === "card"
        ? `main{max-width:420px;margin:40px auto;padding:28px;background:var(--surface);border:1px solid var(--border);border-radius:var(--radius)}`
        : `main{max-width:460px;margin:0 auto;padding:32px 16px}`;
  return `${shell}
h1{margin:0 0 16px;font-size:24px}
.field{margin-bottom:14px}
label{display:block;margin-bottom:4px;font-weight:bold}
input{width:100%;padding:9px;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text);font:inherit}
input.invalid{border-color:#dc2626}
.error{display:block;min-height:16px;color:#dc2626;font-size:13px;margin-top:3px}${o.terms ? `\n.check label{display:flex;gap:8px;align-items:center;font-weight:normal}\n.check input{width:auto}` : ""}${
    o.toggle ? `\n.pw{display:flex;gap:6px}\n.pw button{padding:0 10px;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--text)}` : ""
  }${o.strength ? `\n#strength{font-size:13px;color:var(--muted);margin-top:3px}` : ""}
button[type=submit]{width:100%;padding:11px;border:0;border-radius:var(--radius);background:var(--accent);color:var(--accent-text)}
#success{color:#16a34a;font-size:18px}`;
}

function body(o: FormOptions): string {
  const field = (id: string, label: string, type: string, extra = "") =>
    `<div class="field">\n<label for="${id}">${label}</label>\n<input id="${id}" name="${id}" type="${type}"${extra}>\n<small class="error" id="${id}-error"></small>\n</div>`;
  const pw = o.toggle
    ? `<div class="field">\n<label for="password">Password</label>\n<div class="pw"><input id="password" name="password" type="password"><button id="toggle" type="button">Show</button></div>${o.strength ? `\n<div id="strength"></div>` : ""}\n<small class="error" id="password-error"></small>\n</div>`
    : field("password", "Password", "password").replace(`<small`, o.strength ? `<div id="strength"></div>\n<small` : `<small`);
  const parts = [
    field("name", esc(o.nameLabel), "text"),
    field("email", "Email", "email"),
    pw,
    ...(o.confirm ? [field("confirm", "Confirm password", "password")] : []),
    ...(o.age ? [field("age", "Age", "number", ` min="0"`)] : []),
    ...(o.terms
      ? [`<div class="field check">\n<label><input id="terms" name="terms" type="checkbox"> I accept the terms and conditions</label>\n<small class="error" id="terms-error"></small>\n</div>`]
      : []),
  ];
  const form = `<form id="signup" novalidate>\n${o.layout === "split" ? "" : `<h1>${esc(o.title)}</h1>\n`}${parts.join("\n")}\n<button type="submit">${esc(o.submitLabel)}</button>\n</form>\n<p id="success" role="status" hidden></p>`;
  return o.layout === "split"
    ? `<main>\n<div class="intro">\n<h1>${esc(o.title)}</h1>\n<p>${esc(o.tagline)}</p>\n</div>\n<div>\n${form}\n</div>\n</main>`
    : `<main>\n${form}\n</main>`;
}

function extrasCode(o: FormOptions): string {
  const out: string[] = [];
  if (o.toggle)
    out.push(`document.getElementById("toggle").addEventListener("click", (e) => {
  const input = document.getElementById("password");
  const show = input.type === "password";
  input.type = show ? "text" : "password";
  e.target.textContent = show ? "Hide" : "Show";
});`);
  if (o.strength)
    out.push(`document.getElementById("password").addEventListener("input", (e) => {
  const v = e.target.value;
  const score = [v.length >= 8, /\\d/.test(v), /[A-Z]/.test(v), /[^A-Za-z0-9]/.test(v)].filter(Boolean).length;
  document.getElementById("strength").textContent = v ? "Strength: " + ["Weak", "Weak", "Medium", "Medium", "Strong"][score] : "";
});`);
  return out.length ? `\n${out.join("\n")}` : "";
}

function success(o: FormOptions, name: string): string {
  return `  form.hidden = true;
  const done = document.getElementById("success");
  done.textContent = "Welcome, " + ${name} + "! Your account has been created.";
  done.hidden = false;`;
}

function scriptRules(o: FormOptions): string {
  const fs = fields(o);
  return `const form = document.getElementById("signup");
const rules = {
${fs.map((f) => `  ${f.id}: [(v) => ${f.test}, ${JSON.stringify(f.msg)}]`).join(",\n")}
};
function check(id) {
  const input = form.elements[id];
  const [test, msg] = rules[id];
  const ok = test(input.value);
  document.getElementById(id + "-error").textContent = ok ? "" : msg;
  input.classList.toggle("invalid", !ok);
  return ok;
}${
    o.live
      ? `\nform.addEventListener("input", (e) => {
  if (rules[e.target.name]) check(e.target.name);${o.confirm ? `\n  if (e.target.name === "password" && form.elements.confirm.value) check("confirm");` : ""}
});`
      : ""
  }
form.addEventListener("submit", (e) => {
  e.preventDefault();
  const results = Object.keys(rules).map(check);
  if (results.includes(false)) return;
${success(o, "form.elements.name.value.trim()")}
});${extrasCode(o)}`;
}

function scriptIfs(o: FormOptions): string {
  const fs = fields(o);
  const checks = fs.map((f) => {
    const value = f.id === "terms" ? "" : `\n  v = form.elements.${f.id}.value;`;
    return `${value}\n  ok = setError("${f.id}", ${f.test} ? "" : ${JSON.stringify(f.msg)}) && ok;`;
  });
  return `const form = document.getElementById("signup");${o.live ? `\nlet submitted = false;` : ""}
function setError(id, msg) {
  document.getElementById(id + "-error").textContent = msg;
  form.elements[id].classList.toggle("invalid", msg !== "");
  return msg === "";
}
function validate() {
  let ok = true;
  let v;${checks.join("")}
  return ok;
}
form.addEventListener("submit", (e) => {
  e.preventDefault();${o.live ? `\n  submitted = true;` : ""}
  if (!validate()) return;
${success(o, "form.elements.name.value.trim()")}
});${o.live ? `\nform.addEventListener("input", () => {\n  if (submitted) validate();\n});` : ""}${extrasCode(o)}`;
}

/** How many optional extras an app has: at most two, to stay compact. */
function extras(o: FormOptions): number {
  return [o.confirm, o.age, o.terms, o.live, o.toggle, o.strength].filter(Boolean).length;
}

export const form = defineFamily<FormOptions>({
  name: "form",
  options(rng) {
    const ex = rng.sample(["confirm", "age", "terms", "live", "toggle", "strength"], rng.int(0, 2));
    return {
      theme: randomTheme(rng),
      title: rng.pick(["Sign Up", "Create an Account", "Join Us", "Register", "Create your account"]),
      nameLabel: rng.pick(["Name", "Full name", "Username"]),
      confirm: ex.includes("confirm"),
      age: ex.includes("age"),
      minAge: rng.pick([13, 16, 18]),
      terms: ex.includes("terms"),
      minPass: rng.pick([6, 8]),
      needDigit: rng.chance(0.4),
      live: ex.includes("live"),
      toggle: ex.includes("toggle"),
      strength: ex.includes("strength"),
      approach: rng.pick(["rules", "ifs"] as const),
      layout: rng.pick(["card", "plain", "split"] as const),
      submitLabel: rng.pick(["Sign up", "Create account", "Register", "Join now"]),
      tagline: rng.pick(["It only takes a minute.", "Join thousands of happy members.", "Free forever. No credit card needed."]),
    };
  },
  render(o) {
    return page({ title: o.title, theme: o.theme, css: css(o), body: body(o), script: o.approach === "rules" ? scriptRules(o) : scriptIfs(o) });
  },
  features(o) {
    return [
      ...(o.confirm ? ["confirm"] : []),
      ...(o.age ? ["age"] : []),
      ...(o.terms ? ["terms"] : []),
      ...(o.live ? ["live"] : []),
      ...(o.toggle ? ["show-password"] : []),
      ...(o.strength ? ["strength"] : []),
      ...(o.needDigit ? ["password-digit"] : []),
    ];
  },
  request(o, rng) {
    const subject = rng.pick(["a sign-up form", "a registration form", "a signup page with form validation", "an account sign-up form", "a sign up form with validation"]);
    const f: string[] = [];
    if (!subject.includes("validation")) f.push(rng.pick(["validation messages", "error messages under each field", "inline validation errors"]));
    const extra: string[] = [`${o.nameLabel.toLowerCase()}, email and password fields`];
    extra.push(`a password of at least ${o.minPass} characters${o.needDigit ? " with a number" : ""}`);
    if (o.confirm) extra.push(rng.pick(["a confirm password field", "password confirmation"]));
    if (o.age) extra.push(`an age field (${o.minAge}+)`);
    if (o.terms) extra.push(rng.pick(["a terms checkbox", "an 'accept the terms' checkbox"]));
    if (o.live) extra.push(rng.pick(["live validation as I type", "errors that update while typing"]));
    if (o.toggle) extra.push(rng.pick(["a show/hide password button", "a button to show the password"]));
    if (o.strength) extra.push(rng.pick(["a password strength meter", "a password strength indicator"]));
    extra.push(rng.pick(["a success message", "a welcome message after signing up"]));
    if (o.theme.dark && rng.chance(0.5)) extra.push("a dark theme");
    return phrase(rng, subject, rng.chance(0.25) ? f : [...f, ...extra]);
  },
  edits: [
    { id: "add-confirm", requests: ["add a confirm password field", "make me type the password twice"], appliesTo: (o) => !o.confirm && extras(o) < 2, apply: (o) => ({ ...o, confirm: true }) },
    { id: "add-terms", requests: ["add a checkbox to accept the terms", "require accepting the terms"], appliesTo: (o) => !o.terms && extras(o) < 2, apply: (o) => ({ ...o, terms: true }) },
    { id: "add-toggle", requests: ["add a show password button", "let me see the password I type"], appliesTo: (o) => !o.toggle && extras(o) < 2, apply: (o) => ({ ...o, toggle: true }) },
    { id: "add-strength", requests: ["add a password strength meter", "show how strong the password is"], appliesTo: (o) => !o.strength && extras(o) < 2, apply: (o) => ({ ...o, strength: true }) },
    { id: "add-live", requests: ["validate while I type", "update the errors as I type"], appliesTo: (o) => !o.live && extras(o) < 2, apply: (o) => ({ ...o, live: true }) },
    { id: "require-digit", requests: ["require a number in the password", "passwords must contain a digit"], appliesTo: (o) => !o.needDigit, apply: (o) => ({ ...o, needDigit: true }) },
  ],
  async check(app, o) {
    await drive(app, { minPass: o.minPass, needDigit: o.needDigit, minAge: o.minAge, toggle: o.toggle, strength: o.strength });
  },
  async requestCheck(app, request) {
    await drive(app, {
      minPass: Number(/at least (\d+) characters/i.exec(request)?.[1] ?? 6),
      needDigit: /with a number/i.test(request),
      minAge: Number(/\((\d+)\+\)/.exec(request)?.[1] ?? 18),
      toggle: /show\/hide|show the password/i.test(request),
      strength: /strength/i.test(request),
    });
  },
});

interface Wants {
  minPass: number;
  needDigit: boolean;
  minAge: number;
  toggle: boolean;
  strength: boolean;
}

const ERROR = /invalid|required|must|at least|enter|valid|match|please|short|accept|error|old/i;
const SUCCESS = /welcome|success|thank|created|signed up|registered/i;

/**
 * Fill the form like a user, one mistake at a time (whatever fields it has: name,
 * email, password, confirmation, age, terms); each mistake must show an error and no
 * success, and the form filled in right must show a success message.
 */
async function drive({ frame }: AppUnderTest, want: Wants): Promise<void> {
  const initial = await visibleText(frame);
  const field = (label: RegExp) => labelled(frame, label);
  const submit = () => button(frame, /sign ?up|register|create|join|submit/i).click();
  const rejects = async (what: string) => {
    await submit();
    await eventually(async () => {
      const said = newLines(initial, await visibleText(frame));
      return said.some((l) => ERROR.test(l)) && !said.some((l) => SUCCESS.test(l)) ? true : undefined;
    }, `no error (or a success message) for ${what}`);
  };
  await rejects("an empty form");
  const fields: [RegExp, string, string][] = [
    [/name/i, "Bob Smith", ""],
    [/e-?mail/i, "bob@example.com", "bob@"],
    [/^password|^pass/i, "Secret123!", want.needDigit ? "abcdefghij" : "abc"],
    [/confirm|repeat/i, "Secret123!", "Secret999!"],
    [/age/i, String(want.minAge + 7), String(want.minAge - 3)],
  ];
  const present: typeof fields = [];
  for (const f of fields) if (await exists(field(f[0]))) present.push(f);
  const terms = frame.getByRole("checkbox", { name: /terms|agree/i });
  for (const [label, good] of present) await field(label).fill(good);
  if (await exists(terms)) {
    await rejects("terms not accepted");
    await terms.check();
  }
  for (const [label, good, bad] of present) {
    if (!bad) continue;
    await field(label).fill(bad);
    await rejects(`the ${label.source} "${bad}"`);
    await field(label).fill(good);
  }
  if (want.strength) {
    await field(/^password|^pass/i).fill("abc");
    await eventually(async () => /weak/i.test(await visibleText(frame)) || undefined, "the strength meter does not say weak");
    await field(/^password|^pass/i).fill("Secret123!");
    await eventually(async () => /strong/i.test(await visibleText(frame)) || undefined, "the strength meter does not say strong");
  }
  if (want.toggle) {
    await button(frame, /show|\u{1f441}/iu).click();
    await eventually(async () => ((await field(/^password|^pass/i).getAttribute("type")) === "text") || undefined, "show password does not reveal it");
  }
  await submit();
  await eventually(async () => newLines(initial, await visibleText(frame)).some((l) => SUCCESS.test(l)) || undefined, "a valid form shows no success message");
}
