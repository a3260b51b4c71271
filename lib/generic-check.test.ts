// The eval's generic check: working apps of different shapes pass it; a page that
// shows something but never reacts, and a page that shows nothing, fail it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FAMILIES } from "../models/corpus/families/index.ts";
import { drawSample } from "../models/corpus/generate.ts";
import { useAppChecker } from "./checker-fixture.ts";
import { genericCheck } from "./generic-check.ts";

const checker = useAppChecker();

for (const name of ["chat", "todo", "counter", "snake"]) {
  test(`a working ${name} app passes the generic check`, async () => {
    const family = FAMILIES.find((f) => f.name === name)!;
    const r = await checker().check(drawSample(family, 3, 1).sample.html, genericCheck);
    assert.deepEqual(r.errors, []);
  });
}

test("a page that never reacts fails the generic check", async () => {
  const r = await checker().check("<!DOCTYPE html><html><body><h1>Chat</h1><input type=text><button>Send</button></body></html>", genericCheck);
  assert.equal(r.ok, false);
  assert.match(r.errors.join(" "), /does not react/);
});

test("an empty page fails the generic check", async () => {
  const r = await checker().check("<!DOCTYPE html><html><body></body></html>", genericCheck);
  assert.match(r.errors.join(" "), /shows nothing/);
});
