import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { useAppChecker } from "../../lib/checker-fixture.ts";
import { FAMILIES } from "../corpus/families/index.ts";
import { drawSample } from "../corpus/generate.ts";
import { checkEdit, readHeldoutEdits } from "./edits.ts";

const checker = useAppChecker();

/** Corpus samples with a follow-up edit (seed 7): a counter's floor at zero and light theme, a tic-tac-toe's dark theme. */
const DRAWN = [["counter", 9], ["counter", 10], ["tictactoe", 32]].map(([name, index]) => drawSample(FAMILIES.find((f) => f.name === name)!, 7, index as number));

function corpusFile(lines: object[]): string {
  const file = join(mkdtempSync(join(tmpdir(), "edits-")), "corpus.jsonl");
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
  return file;
}

test("the held-out edits are read with the options drawn again from their ids, round-robin over the families", () => {
  const plain = drawSample(FAMILIES.find((f) => f.name === "counter")!, 7, 0).sample;
  const file = corpusFile([...DRAWN.map((d) => ({ ...d.sample, split: "heldout" })), { ...plain, split: "heldout" }, { ...DRAWN[0].sample, id: "counter-7-99", split: "train" }]);
  const cases = readHeldoutEdits(file);
  assert.deepEqual(cases.map((c) => [c.id, c.edit]), [["counter-7-9", "add-floor"], ["tictactoe-7-32", "dark"], ["counter-7-10", "light"]]);
  assert.deepEqual(cases[0].after, DRAWN[0].edited);
  assert.equal(cases[0].app, DRAWN[0].sample.html);
  assert.equal(readHeldoutEdits(file, 1).length, 1);
  const stale = corpusFile([{ ...DRAWN[0].sample, split: "heldout", edit: { ...DRAWN[0].sample.edit, html: "<p>older</p>" } }]);
  assert.throws(() => readHeldoutEdits(stale), /another version of the corpus generator/);
});

test("the changed app passes an edit's checks and the app as it was fails them, for a feature and for a theme", async () => {
  const cases = readHeldoutEdits(corpusFile(DRAWN.map((d) => ({ ...d.sample, split: "heldout" }))));
  for (const [i, c] of cases.entries()) {
    const changed = await checkEdit(checker(), c, DRAWN.find((d) => d.sample.id === c.id)!.sample.edit!.html);
    assert.ok(changed.ok, `${c.id}: ${changed.errors.join("; ")}`);
    const unchanged = await checkEdit(checker(), c, c.app);
    assert.equal(unchanged.ok, false, `${c.id}: the app as it was passed`);
    if (i > 0) assert.match(unchanged.errors.join("; "), /the page is not (dark|light)/);
  }
});
