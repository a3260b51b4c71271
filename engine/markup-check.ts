// Slips that garble a tag of an app's markup, read by an HTML parser (parse5) as a browser reads
// them. None of the 120,000 corpus apps has a parse error of any kind, so one in a generated app
// is the model's slip: `<form` and a blank line before its `<input>` (the input read as the
// form's attributes: nothing could be typed), `<label for=" for="">` (the loan's amount field
// lost its label), `</span id="menutoggle" type="button">` (a button written as an end tag).
import { parse } from "parse5";

/** The parser's errors that mean a tag came out garbled; those of text (a bare "<") are not among them. */
const GARBLED_TAG = new Set([
  "unexpected-character-in-attribute-name",
  "missing-whitespace-between-attributes",
  "unexpected-equals-sign-before-attribute-name",
  "missing-attribute-value",
  "unexpected-character-in-unquoted-attribute-value",
  "duplicate-attribute",
  "unexpected-solidus-in-tag",
  "end-tag-with-attributes",
  "end-tag-with-trailing-solidus",
  "eof-in-tag",
]);

/** The first garbled tag of `html`: where the parser found it, and its code for it; null if none. */
export function firstGarbledTag(html: string): { at: number; code: string } | null {
  let first: { at: number; code: string } | null = null;
  parse(html, {
    onParseError: (e) => {
      if (!first && GARBLED_TAG.has(e.code)) first = { at: e.startOffset, code: e.code };
    },
  });
  return first;
}
