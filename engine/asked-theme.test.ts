// The theme a request asks for: what reads as dark, which palette is written again, and the
// shipped model writing a dark app's palette light.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { askedTheme, isDark, palette, paletteAgainstRequest } from "./asked-theme.ts";
import { SHIPPED_DEFAULT_MODEL_DIR } from "./defaults.ts";
import { Engine } from "./engine.ts";

const light = "<style>\n:root{--bg:#f4f6fb;--surface:#ffffff;--text:#1f2937}\nbody{background:var(--bg)}\n</style>";
const dark = "<style>\n:root{--bg:#0f172a;--surface:#1e293b;--text:#e2e8f0}\nbody{background:var(--bg)}\n</style>";

test("a background reads dark by its mean channel", () => {
  assert.equal(isDark("0f172a"), true);
  assert.equal(isDark("121212"), true);
  assert.equal(isDark("f4f6fb"), false);
  assert.equal(isDark("222"), true);
  assert.equal(isDark("eee"), false);
});

test("the palette is the root rule, and its background says whether the page is dark", () => {
  assert.deepEqual(palette(light), { start: 8, end: 8 + ":root{--bg:#f4f6fb;--surface:#ffffff;--text:#1f2937}".length, dark: false });
  assert.equal(palette(dark)?.dark, true);
  assert.equal(palette("<style>body{background:#fff}</style>"), null);
  assert.equal(palette("<style>:root{--accent:#2563eb}</style>"), null);
});

test("a request asks for a dark or a light theme as the eval's check and the corpus's follow-ups say it", () => {
  for (const r of ["a todo list with a dark theme", "a todo list in Dark Mode", "make it dark", "dark mode please", "can you make it dark?", "switch to a dark theme"]) assert.equal(askedTheme(r), "dark", r);
  for (const r of ["make it light", "use a light theme", "light mode please"]) assert.equal(askedTheme(r), "light", r);
  for (const r of ["a todo list", "a todo list, dark text on white", "a light todo list", "make the dark theme a light theme"]) assert.equal(askedTheme(r), null, r);
});

test("only a palette of the other theme is written again", () => {
  const end = palette(light)!.end;
  assert.deepEqual(paletteAgainstRequest(light, "a todo list with a dark theme"), { start: 8, end, dark: true });
  assert.deepEqual(paletteAgainstRequest(dark, "make it light"), { start: 8, end: palette(dark)!.end, dark: false });
  assert.equal(paletteAgainstRequest(light, "a todo list"), null);
  assert.equal(paletteAgainstRequest(light, "light mode please"), null);
  assert.equal(paletteAgainstRequest(dark, "a todo list with a dark theme"), null);
});

test("the shipped model writes a chat app's palette again, light, where the request or a follow-up asked for a light theme", { timeout: 300_000 }, async () => {
  const app = readFileSync(new URL("./testdata/chat-app.html", import.meta.url), "utf8"); // dark
  const engine = await Engine.load(SHIPPED_DEFAULT_MODEL_DIR);
  try {
    const repairToEnd = async (request: string) => {
      const repair = engine.repair(app, request);
      let e = await repair.next();
      while (!e.done) e = await repair.next();
      return e.value.artifact;
    };
    const asked = await repairToEnd("Build a simulated chat app with a light theme");
    const before = palette(app)!;
    const after = palette(asked)!;
    assert.equal(before.dark, true);
    assert.equal(after.dark, false, asked.slice(after.start, after.end));
    assert.equal(asked.slice(0, after.start) + asked.slice(after.end), app.slice(0, before.start) + app.slice(before.end), "nothing else changed");
    assert.equal(await repairToEnd("Build a simulated chat app"), app, "not asked: left as it is");
    let followedUp = "";
    for await (const e of engine.run({ kind: "refine", artifact: app, request: "make it light", strength: 0.35 })) if (e.type === "done") followedUp = e.artifact;
    assert.equal(palette(followedUp)?.dark, false, "a follow-up's refinement too");
  } finally {
    await engine.close();
  }
});
