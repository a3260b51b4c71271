// temporary helper (group c): run a family's check on mutated apps
import { checkApp } from "../../lib/app-check.ts";
import { launchChromium } from "../../lib/chromium.ts";
import { GROUP_C } from "./families/group-c.ts";
import { Rng } from "./rng.ts";
const [name, n, from, to] = process.argv.slice(2);
const fam = GROUP_C.find((f) => f.name === name)!;
const browser = await launchChromium();
for (let i = 0; i < Number(n); i++) {
  const o = fam.options(new Rng(1000 + i));
  let html = fam.render(o);
  const mutated = from ? html.replace(new RegExp(from), to ?? "") : html;
  const r = await checkApp(browser, mutated, (run) => fam.check(run, o));
  console.log(i, html.length, mutated !== html ? "mutated" : "same", r.ok ? "PASS" : "FAIL " + r.errors.join("; "), r.ms + "ms");
}
await browser.close();
