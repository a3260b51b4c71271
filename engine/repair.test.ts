// Repair by infilling: what each try masks, when a refill counts as mended, and the default
// model mending an app whose script reads a constant it never declared.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { SHIPPED_DEFAULT_MODEL_DIR } from "./defaults.ts";
import { Engine } from "./engine.ts";
import { mended, repairSpan } from "./repair.ts";
import { firstScriptError } from "./script-guard.ts";

const slip = "<body><p id=\"a\"></p>\n<script>\nconst a = 1;\nconst b = 2;\nfoo(a b);\nconst c = 3;\nconst d = 4;\n</script>";
const undeclared = "<body>\n<script>\nconst LIMIT = 3;\nfunction f() {\n  return Math.min(MAX, 2);\n}\n</script>";

test("a slip's line is refilled, then the lines around it, one more each side a try", () => {
  const at = firstScriptError(slip);
  const lines = (fix: number) => {
    const s = repairSpan(slip, at, fix);
    return slip.slice(s.start, s.end);
  };
  assert.equal(lines(0), "foo(a b);");
  assert.equal(lines(1), "const b = 2;\nfoo(a b);\nconst c = 3;");
  assert.equal(lines(2), "const a = 1;\nconst b = 2;\nfoo(a b);\nconst c = 3;\nconst d = 4;");
  assert.equal(repairSpan(slip, at, 0).length, undefined, "as many tokens as the line has");
});

test("a name nothing declares: its line, then room for a declaration at the top of its script, then wider lines", () => {
  const at = firstScriptError(undeclared);
  assert.equal(undeclared.slice(at, at + 3), "MAX");
  assert.equal(undeclared.slice(repairSpan(undeclared, at, 0).start, repairSpan(undeclared, at, 0).end), "  return Math.min(MAX, 2);");
  const room = repairSpan(undeclared, at, 1);
  assert.equal(room.start, room.end, "an insertion");
  assert.equal(undeclared.slice(room.start, room.start + 16), "const LIMIT = 3;", "at the top of the script");
  assert.ok(room.length! >= 6, "room for `const MAX = 6;` and its line break");
  const wider = repairSpan(undeclared, at, 2);
  assert.equal(undeclared.slice(wider.start, wider.end), "function f() {\n  return Math.min(MAX, 2);\n}");
});

test("a refill counts as mended only where the first mistake is gone or past it", () => {
  const at = firstScriptError(undeclared);
  const room = repairSpan(undeclared, at, 1);
  const insert = (line: string) => undeclared.slice(0, room.start) + line + undeclared.slice(room.start);
  assert.ok(mended(undeclared, at, room, insert("const MAX = 6;\n")));
  assert.ok(!mended(undeclared, at, room, insert("const MIN = 6;\n")), "the same mistake, moved down by the insertion");
  assert.ok(!mended(undeclared, at, room, insert("const MAX = ;\n")), "a new mistake in the refill");
  const line = repairSpan(slip, firstScriptError(slip), 0);
  assert.ok(!mended(slip, firstScriptError(slip), line, slip.slice(0, line.start) + "foo(a, b));" + slip.slice(line.end)), "another slip in the refill");
  assert.ok(mended(slip, firstScriptError(slip), line, slip.slice(0, line.start) + "alert(a, b);" + slip.slice(line.end)));
});

test("the default model declares a constant its app reads and never declared", { timeout: 120_000 }, async () => {
  // A held-out dice app of the corpus with its `const MAX = 6;` line taken out.
  const app = readFileSync("engine/testdata/dice-undeclared.html", "utf8");
  assert.ok(firstScriptError(app) > 0);
  const engine = await Engine.load(SHIPPED_DEFAULT_MODEL_DIR);
  try {
    const repair = engine.repair(app, "virtual dice app, the total of the roll, a keyboard shortcut to roll, a shake animation");
    let frames = 0;
    for (let e = await repair.next(); ; e = await repair.next()) {
      if (!e.done) {
        frames++;
        continue;
      }
      assert.equal(firstScriptError(e.value.artifact), -1, "its scripts parse and every name they read is declared");
      assert.match(e.value.artifact, /\nconst MAX = \d+;\n/);
      assert.equal(e.value.repairs, 1);
      assert.ok(frames > 0 && e.value.forwardPasses >= frames);
      break;
    }
  } finally {
    await engine.close();
  }
});
