// Methods a class calls on itself and never defines: which count, where one goes, and what of the
// model's writing is kept.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { firstMissingMethod } from "./missing-method.ts";

const paint = (members: string, head = "class Paint") => `<body><canvas id="c"></canvas>
<script>
${head} {
  constructor(canvas) {
    this.canvas = canvas;
    new ResizeObserver(() => this.fit()).observe(canvas);
  }
${members}
}
new Paint(document.getElementById("c"));
</script>`;
const start = "  start(e) {\n    this.drawing = true;\n  }";

test("a method the class calls on itself and never gives goes after the member that calls it or the last, written on from its name", () => {
  const html = paint(start);
  const part = firstMissingMethod(html)!;
  assert.equal(part.key, "fit");
  assert.equal(part.places[0].lead, "\n  fit");
  assert.ok(html.slice(0, part.places[0].at).endsWith("observe(canvas);\n  }"), "after the constructor");
  assert.ok(html.slice(0, part.places[1].at).endsWith("this.drawing = true;\n  }"), "else after the last member");
  assert.equal(part.places[1].lead, "\n  fit");
  assert.equal(firstMissingMethod(html, ["fit"]), null, "skipped");
});

test("a method the class gives, inherits or never calls on its own instance is not missing", () => {
  assert.equal(firstMissingMethod(paint("  fit() {}\n" + start)), null, "a method");
  assert.equal(firstMissingMethod(paint("  fit = () => {};")), null, "a field");
  assert.equal(firstMissingMethod(paint(start).replace("this.canvas = canvas;", "this.canvas = canvas;\n    this.fit = () => {};")), null, "assigned in the constructor");
  assert.equal(firstMissingMethod(paint(start, "class Paint extends Base")), null, "perhaps inherited");
  const nested = paint("  later() {\n    setTimeout(function () {\n      this.tick();\n    });\n  }\n  fit() {}");
  assert.equal(firstMissingMethod(nested), null, "`this` of a function of its own");
  assert.equal(firstMissingMethod(paint("  fit() {\n    return this.toString();\n  }")), null, "Object's");
});

test("the method kept runs from its parameters to its closing brace at the class's indent, and never calls itself", () => {
  const part = firstMissingMethod(paint(start))!;
  const fit = "() {\n    if (x) {\n      this.size();\n    }\n    this.canvas.width = 2;\n  }";
  assert.equal(part.end(fit + "\n  start(e) {"), fit);
  assert.equal(part.end(" {\n  }"), null, "no parameters");
  assert.equal(part.end("() {\n    this.canvas.width = 2;"), null, "never closed");
  assert.equal(part.end("(n) {\n    this.fit(n + 1);\n  }"), null, "calls itself");
});

test("the default model's drawing app whose class calls a fit it never wrote: one method missing, after the constructor", () => {
  const html = readFileSync("engine/testdata/drawing-unfitted.html", "utf8");
  const part = firstMissingMethod(html)!;
  assert.equal(part.key, "fit");
  assert.ok(html.slice(part.places[0].at).startsWith("\n  point(e) {"));
});
