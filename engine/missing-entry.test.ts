// Tables that lack choices the markup offers: which count, and where an entry goes.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { firstMissingEntry } from "./missing-entry.ts";

/** A converter whose tabs offer length and weight, and whose table `table` holds. */
const converter = (table: string, tabs = '<button data-cat="length">Length</button><button data-cat="weight">Weight</button>') => `<body>
<div id="cats">${tabs}</div>
<select id="from"></select>
<script>
const UNITS = {
${table}
};
let cat = "length";
function fill() {
  document.getElementById("from").innerHTML = UNITS[cat].map((u) => "<option>" + u[0] + "</option>").join("");
}
fill();
</script>`;

test("a choice the markup offers and the table lacks: its entry goes at the table's end, written on from its key", () => {
  const html = converter('  length: [["m", "Meters", 1]],\n  speed: [["kn", "Knots", 0.51]],');
  const part = firstMissingEntry(html)!;
  assert.equal(part.key, "UNITS.weight");
  assert.equal(part.places[0].lead, "\n  weight:");
  assert.ok(html.slice(0, part.places[0].at).endsWith('[["kn", "Knots", 0.51]],'), "after the last entry's comma");
  assert.equal(firstMissingEntry(html, ["UNITS.weight"]), null, "skipped");
  const noComma = converter('  length: [["m", "Meters", 1]]');
  assert.equal(firstMissingEntry(noComma)!.places[0].lead, ",\n  weight:", "a comma first where the last entry has none");
  const options = converter('  length: [["m", "Meters", 1]],', '<select id="cat"><option value="length">Length</option><option value="volume">Volume</option></select>');
  assert.equal(firstMissingEntry(options)?.key, "UNITS.volume", "a select's options offer choices too");
});

test("the entry kept is the rest of its line", () => {
  const part = firstMissingEntry(converter('  length: [["m", "Meters", 1]],'))!;
  assert.equal(part.end(' [["kg", "Kilograms", 1]],\n};\nlet cat'), ' [["kg", "Kilograms", 1]],');
  assert.equal(part.end("\n  [1],"), null, "nothing on its line");
});

test("a table that holds every choice, or none of them, or is never looked up by a value, is left alone", () => {
  assert.equal(firstMissingEntry(converter('  length: [["m", "Meters", 1]],\n  weight: [["kg", "Kilograms", 1]],')), null, "every choice");
  assert.equal(firstMissingEntry(converter('  speed: [["kn", "Knots", 0.51]],')), null, "none: another table");
  assert.equal(firstMissingEntry(converter('  length: [["m", "Meters", 1]],').replace("UNITS[cat]", "UNITS.length")), null, "never indexed by a value");
});

test("the default model's converter whose table lacks two of its three tabs", () => {
  const html = readFileSync("engine/testdata/converter-missing.html", "utf8");
  assert.equal(firstMissingEntry(html)?.key, "UNITS.length");
  assert.equal(firstMissingEntry(html, ["UNITS.length"])?.key, "UNITS.weight");
});
