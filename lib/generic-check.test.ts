// The eval's generic check: every family's working apps pass it; a page that shows
// something but never reacts to its controls, and a page that shows nothing, fail it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FAMILIES } from "../models/corpus/families/index.ts";
import { drawSample } from "../models/corpus/generate.ts";
import { useAppChecker } from "./checker-fixture.ts";
import { genericCheck } from "./generic-check.ts";

const checker = useAppChecker();

// Every family's own apps pass: a form needing numbers (BMI), a read-only display
// (calculator), keys that react only while pressed (piano), a date to count down to.
for (const family of FAMILIES) {
  test(`a working ${family.name} app passes the generic check`, async () => {
    const r = await checker().check(drawSample(family, 1, 1).sample.html, genericCheck);
    assert.deepEqual(r.errors, []);
  });
}

test("an app with nothing to use passes on what it shows", async () => {
  const r = await checker().check("<!DOCTYPE html><html><body><h1>Clock</h1><div>12:30</div></body></html>", genericCheck);
  assert.deepEqual(r.errors, []);
});

test("a page that never reacts fails the generic check", async () => {
  const r = await checker().check("<!DOCTYPE html><html><body><h1>Chat</h1><input type=text><button>Send</button></body></html>", genericCheck);
  assert.equal(r.ok, false);
  assert.match(r.errors.join(" "), /does not react/);
});

test("an empty page fails the generic check", async () => {
  const r = await checker().check("<!DOCTYPE html><html><body></body></html>", genericCheck);
  assert.match(r.errors.join(" "), /shows nothing/);
});
