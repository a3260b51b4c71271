// A sign-up form with validation messages under each field and a success message.
import type { Frame } from "playwright-core";
import { esc, page } from "../html.ts";
import { phrase } from "../phrasing.ts";
import { randomTheme, type Theme } from "../theme.ts";
import { defineFamily } from "../types.ts";

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

/** Polls a JS expression in the app (evaluated by the debugger, so the app's CSP allows it) until it is true. */
async function waitFor(frame: Frame, what: string, expr: string, timeout = 1500): Promise<void> {
  for (const end = Date.now() + timeout; ; await new Promise((r) => setTimeout(r, 40))) {
    if (await frame.evaluate(expr)) return;
    if (Date.now() > end) throw new Error(what);
  }
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
  async check({ frame }, o) {
    const submit = () => frame.locator("#signup button[type=submit]").click();
    const err = (id: string) => `document.getElementById("${id}-error").textContent.trim()`;
    const hasErr = (id: string, what: string) => waitFor(frame, what, `${err(id)}.length > 0 && document.getElementById("success").hidden`);
    const noErr = (id: string, what: string) => waitFor(frame, what, `${err(id)} === ""`);
    await submit();
    for (const f of fields(o)) if (f.id !== "confirm") await hasErr(f.id, `no error for an empty ${f.id}`);
    await frame.locator("#name").fill("Bob Smith");
    if (o.live) await noErr("name", "the name error does not clear while typing");
    await frame.locator("#email").fill("bob@");
    await submit();
    await hasErr("email", "no error for the email bob@");
    await noErr("name", "a valid name still shows an error");
    await frame.locator("#email").fill("bob@example.com");
    const short = o.needDigit ? "abcdefghij" : "abc";
    await frame.locator("#password").fill(short);
    if (o.strength) await waitFor(frame, "the strength meter does not say weak", `document.getElementById("strength").textContent.includes("Weak")`);
    await submit();
    await hasErr("password", `no error for the password ${short}`);
    await noErr("email", "a valid email still shows an error");
    await frame.locator("#password").fill("Secret123!");
    if (o.strength) await waitFor(frame, "the strength meter does not say strong", `document.getElementById("strength").textContent.includes("Strong")`);
    if (o.toggle) {
      await frame.locator("#toggle").click();
      await waitFor(frame, "show password does not reveal it", `document.getElementById("password").type === "text"`);
    }
    if (o.confirm) {
      await frame.locator("#confirm").fill("Secret999!");
      await submit();
      await hasErr("confirm", "no error when the passwords differ");
      await frame.locator("#confirm").fill("Secret123!");
    }
    if (o.age) {
      await frame.locator("#age").fill(String(o.minAge - 3));
      await submit();
      await hasErr("age", `no error for age ${o.minAge - 3}`);
      await frame.locator("#age").fill(String(o.minAge + 7));
    }
    if (o.terms) {
      await submit();
      await hasErr("terms", "no error when the terms are not accepted");
      await frame.locator("#terms").check();
    }
    await submit();
    await waitFor(frame, "a valid form does not show the success message", `!document.getElementById("success").hidden && document.getElementById("success").textContent.includes("Bob Smith")`);
  },
});
