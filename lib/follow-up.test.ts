// A message's job: a generation while the conversation has no artifact, then refinements of it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { messageJob, messageKind, REFINE_STRENGTH } from "./follow-up.ts";

test("a first message generates; a follow-up refines the current artifact for its request", () => {
  assert.deepEqual(messageJob("Build a timer", undefined), { kind: "generate", job: { kind: "generate", conversation: { request: "Build a timer" } } });
  assert.deepEqual(messageJob("Make it blue", "<p>timer</p>"), {
    kind: "refine",
    job: { kind: "refine", artifact: "<p>timer</p>", request: "Make it blue", strength: REFINE_STRENGTH },
  });
});

test("an artifact with no text (a model that wrote only newlines) is generated afresh, not refined", () => {
  assert.equal(messageKind(""), "generate");
  assert.equal(messageKind("\n\n  \n"), "generate");
  assert.equal(messageKind("<p>x</p>"), "refine");
});
