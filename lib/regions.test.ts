// The regions the workspace regenerates: a selection, the lines around an error, and their masked look.
import assert from "node:assert/strict";
import { test } from "node:test";
import { MASK_GLYPH } from "../engine/glyph.ts";
import { fixRequest, lineSpan, maskedText, regionRequest } from "./regions.ts";

const text = "one\ntwo\nthree\nfour\nfive";

test("lineSpan covers whole lines around the one asked for, without the last newline, clamped to the text", () => {
  const at = (s: { start: number; end: number }) => text.slice(s.start, s.end);
  assert.equal(at(lineSpan(text, 3, 0)), "three");
  assert.equal(at(lineSpan(text, 3, 1)), "two\nthree\nfour");
  assert.equal(at(lineSpan(text, 1, 1)), "one\ntwo");
  assert.equal(at(lineSpan(text, 5, 2)), "three\nfour\nfive");
  assert.equal(at(lineSpan(text, 99, 0)), "five");
  assert.equal(at(lineSpan("", 1, 1)), "");
  assert.equal(at(lineSpan("a\n\nb\n", 2, 0)), "");
});

test("a fix regenerates the failing line with its neighbours, for the error's message", () => {
  const r = fixRequest(text, 4, "x is not defined");
  assert.equal(r.text, text);
  assert.deepEqual(r.spans, [{ start: text.indexOf("three"), end: text.length }]);
  assert.equal(r.instruction, "fix the error: x is not defined");
});

test("a selection's request carries a length and an instruction only when given", () => {
  assert.deepEqual(regionRequest(text, { start: 4, end: 7 }), { text, spans: [{ start: 4, end: 7 }] });
  assert.deepEqual(regionRequest(text, { start: 4, end: 7 }, { instruction: "  shout ", length: 5 }), {
    text,
    spans: [{ start: 4, end: 7, length: 5 }],
    instruction: "shout",
  });
  assert.deepEqual(regionRequest(text, { start: 4, end: 7 }, { instruction: " " }), { text, spans: [{ start: 4, end: 7 }] });
});

test("maskedText shows each span as placeholders and keeps the rest", () => {
  assert.equal(maskedText({ text, spans: [{ start: 4, end: 7, length: 5 }] }), `one\n${MASK_GLYPH.repeat(5)}\nthree\nfour\nfive`);
  assert.equal(maskedText({ text, spans: [{ start: 14, end: 18 }, { start: 0, end: 3 }] }), `${MASK_GLYPH}\ntwo\nthree\n${MASK_GLYPH}\nfive`);
});
