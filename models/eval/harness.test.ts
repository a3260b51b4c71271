import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { useAppChecker } from "../../lib/checker-fixture.ts";
import { FAMILIES } from "../corpus/families/index.ts";
import { drawSample } from "../corpus/generate.ts";
import { withDark } from "../corpus/theme.ts";
import { readHeldout, requestCheck } from "./harness.ts";

test("the held-out requests are taken round-robin over the families, train rows left out", () => {
  const rows = [
    ["bmi-1", "bmi", "heldout"],
    ["bmi-2", "bmi", "heldout"],
    ["bmi-3", "bmi", "train"],
    ["bmi-4", "bmi", "heldout"],
    ["chat-1", "chat", "heldout"],
    ["dice-1", "dice", "train"],
    ["todo-1", "todo", "heldout"],
    ["todo-2", "todo", "heldout"],
  ].map(([id, family, split]) => JSON.stringify({ id, family, split, prompt: `make ${id}`, html: "<p></p>" }));
  const file = join(mkdtempSync(join(tmpdir(), "heldout-")), "corpus.jsonl");
  writeFileSync(file, rows.join("\n") + "\n");

  assert.deepEqual(readHeldout(file).map((r) => r.id), ["bmi-1", "chat-1", "todo-1", "bmi-2", "todo-2", "bmi-4"]);
  assert.deepEqual(readHeldout(file, 4).map((r) => r.id), ["bmi-1", "chat-1", "todo-1", "bmi-2"]);
  assert.deepEqual(readHeldout(file, 1)[0], { id: "bmi-1", kind: "bmi", prompt: "make bmi-1" });
});

const checker = useAppChecker();

test("a request for a dark theme passes on the corpus's dark app and fails on the same app made light", async () => {
  const counter = FAMILIES.find((f) => f.name === "counter")!;
  const { sample, app } = drawSample(counter, 7, 2, 0);
  assert.match(sample.prompt, /a dark theme/);
  const request = { id: sample.id, kind: "counter", prompt: sample.prompt };
  const dark = await checker().check(sample.html, requestCheck(request));
  assert.deepEqual(dark.errors, []);
  const light = await checker().check(counter.render({ ...app, theme: withDark(app.theme, false) }), requestCheck(request));
  assert.deepEqual(light.errors, ["check failed: a dark theme was asked for and the page is light"]);
  const unasked = await checker().check(counter.render({ ...app, theme: withDark(app.theme, false) }), requestCheck({ ...request, prompt: sample.prompt.replace(" and a dark theme", "") }));
  assert.deepEqual(unasked.errors, [], "no theme asked for: either passes");
});
