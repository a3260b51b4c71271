import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { readHeldout } from "./harness.ts";

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
