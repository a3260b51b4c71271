// Slips that garble a tag of an app's markup, read by an HTML parser (parse5) as a browser reads
// them. None of the 120,000 corpus apps has a parse error of any kind, so one in a generated app
// is the model's slip: `<form` and a blank line before its `<input>` (the input read as the
// form's attributes: nothing could be typed), `<label for=" for="">` (the loan's amount field
// lost its label), `</span id="menutoggle" type="button">` (a button written as an end tag).
// A tag can also lose its start: ` id="msg"></p>` is text to the parser, no error at all, and the
// typing app's script then found no #msg. No corpus app's text has an attribute in it.
import { parse, type DefaultTreeAdapterTypes as Tree } from "parse5";

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

/** An attribute, and the end of its tag, in what the parser read as text: a tag whose start was lost. */
const ATTRIBUTE_IN_TEXT = /[a-z][\w-]*="[^"<>]*"\s*\/?>/i;

/**
 * The first garbled tag of `html`: where the parser found it, and its code for it (parse5's, or
 * "attribute-in-text" for a tag that lost its start); null if none.
 */
export function firstGarbledTag(html: string): { at: number; code: string } | null {
  let first: { at: number; code: string } | null = null;
  const document = parse(html, {
    sourceCodeLocationInfo: true,
    onParseError: (e) => {
      if (!first && GARBLED_TAG.has(e.code)) first = { at: e.startOffset, code: e.code };
    },
  });
  return first ?? attributeInText(document);
}

/** The first text node, outside scripts and styles, that holds an attribute and a tag's end. */
function attributeInText(node: Tree.ParentNode): { at: number; code: string } | null {
  for (const child of node.childNodes) {
    if (child.nodeName === "#text") {
      const text = child as Tree.TextNode;
      // A whole tag shown as text ("&lt;a href=...&gt;" decoded) is not one that lost its start.
      const m = ATTRIBUTE_IN_TEXT.exec(text.value.replace(/<[^<>]*>/g, (tag) => " ".repeat(tag.length)));
      if (m && text.sourceCodeLocation) return { at: text.sourceCodeLocation.startOffset + m.index, code: "attribute-in-text" };
    } else if ("childNodes" in child && child.nodeName !== "script" && child.nodeName !== "style") {
      const found = attributeInText(child);
      if (found) return found;
    }
  }
  return null;
}
