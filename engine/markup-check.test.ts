// Garbled tags in an app's markup, as the HTML parser finds them.
import assert from "node:assert/strict";
import { test } from "node:test";
import { firstGarbledTag } from "./markup-check.ts";

test("a tag the model garbled is found, with the parser's code for it", () => {
  // The chat request "chat app with a dark theme": the input was read as attributes of the form.
  const form = '<!DOCTYPE html><html><body>\n<form\n\n<input id="text" type="text">\n<button>Send</button>\n</form>\n</body></html>';
  assert.deepEqual(firstGarbledTag(form), { at: form.indexOf("<input"), code: "unexpected-character-in-attribute-name" });
  // The dev loan calculator: the amount field lost its label, and the check could not find it.
  assert.equal(firstGarbledTag('<!DOCTYPE html><html><body><label for=" for="">Loan amount</label><input id="amount"></body></html>')?.code, "missing-whitespace-between-attributes");
  assert.equal(firstGarbledTag('<!DOCTYPE html><html><body><span>Lotus</span</span id="menu" type="button">Menu</button></body></html>')?.code, "unexpected-solidus-in-tag");
  // A held-out typing app: "<p" lost, so #msg is text to the parser (and to no error of its own).
  const lost = '<!DOCTYPE html><html><body><div class="stats">0</div>\n id="msg"></p>\n<button id="restart">Restart</button></body></html>';
  assert.deepEqual(firstGarbledTag(lost), { at: lost.indexOf('id="msg"'), code: "attribute-in-text" });
});

test("well-formed markup, text with a bare '<' and scripts full of markup-like code pass", () => {
  const fine = `<!DOCTYPE html>\n<html lang="en">\n<head><title>t</title></head>\n<body>\n<div class="a"\n  id="b">1 < 2 and x="y" is text</div>\n<pre><code>&lt;a href="#"&gt;</code></pre>\n<br>\n<input type="checkbox" checked>\n<script>\nif (a < b && c > d) el.innerHTML = '<p class="x">' + "</span id=1>";\n</script>\n</body>\n</html>`;
  assert.equal(firstGarbledTag(fine), null);
});
