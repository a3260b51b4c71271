// Model ids from requests cannot leave models/: a path traversal suite against a
// models folder with a secret model beside it and hostile links inside it.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, test } from "node:test";
import { listModels, resolveModel, UnknownModelError } from "./models.ts";

const base = mkdtempSync(join(tmpdir(), "unmask-models-"));
after(() => rmSync(base, { recursive: true, force: true }));

function model(dir: string, id: string, files: { onnx?: string; tokenizer?: string } = {}) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "model.onnx"), "onnx");
  writeFileSync(join(dir, "tokenizer.json"), "{}");
  const manifest = {
    id,
    onnx: files.onnx ?? "model.onnx",
    tokenizer: files.tokenizer ?? "tokenizer.json",
    maxSequenceLength: 512,
    tokens: { mask: 0, eot: 1, pad: 2 },
    chatTemplate: { user: "<u>", assistant: "<a>", artifact: "<f>" },
    inputs: { ids: "input_ids" },
    outputs: { logits: "logits" },
    shiftedLogits: false,
    defaults: { genLength: 256, blockLength: 32, threshold: 0.9 },
  };
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest));
}

const root = join(base, "models");
model(join(root, "good"), "good");
// A valid model outside models/, and ways to reach it from inside.
model(join(base, "secret"), "secret");
writeFileSync(join(base, "secret.onnx"), "stolen");
symlinkSync(join(base, "secret"), join(root, "secret"));
model(join(root, "escapes-by-onnx"), "escapes-by-onnx", { onnx: "../../secret.onnx" });
model(join(root, "escapes-by-tokenizer"), "escapes-by-tokenizer", { tokenizer: resolve(base, "secret", "tokenizer.json") });
mkdirSync(join(root, "linked-manifest"));
symlinkSync(join(base, "secret", "manifest.json"), join(root, "linked-manifest", "manifest.json"));
model(join(root, "other-id"), "good");
mkdirSync(join(root, "corpus")); // tooling, no manifest
mkdirSync(join(root, "broken"));
writeFileSync(join(root, "broken", "manifest.json"), "{ not json");
writeFileSync(join(root, "readme.md"), "not a folder");

test("a plain folder name resolves to its folder inside models/", () => {
  const folder = resolveModel("good", root);
  assert.equal(folder.manifest.id, "good");
  assert.ok(folder.onnxPath.startsWith(folder.dir) && folder.dir.endsWith(join("models", "good")));
});

test("the listing holds the valid models only, with what a client needs", () => {
  assert.deepEqual(listModels(root), [{ id: "good", maxSequenceLength: 512, defaults: { genLength: 256, blockLength: 32, threshold: 0.9 } }]);
});

const TRAVERSALS = [
  "",
  ".",
  "..",
  "../secret",
  "../models/good",
  "./good",
  "good/",
  "good/../good",
  "good/manifest.json",
  "/etc/passwd",
  resolve(base, "secret"),
  "..\\secret",
  "good\\..\\..\\secret",
  "C:\\models\\good",
  "good\0",
  "\0",
  "..%2fsecret",
  "%2e%2e%2fsecret",
  "%2e%2e",
  "..%252fsecret",
  "%252e%252e",
  "good%00",
  "．．/secret", // fullwidth dots
  "good\u2215..\u2215secret", // division slashes
  "GOOD",
  " good",
  "good ",
  "good\n",
  "a".repeat(65),
  "file:///etc/passwd",
  "http://127.0.0.1/good",
  "~",
  "~/secret",
];

for (const id of TRAVERSALS) {
  test(`rejected: ${JSON.stringify(id).slice(0, 60)}`, () => {
    assert.throws(() => resolveModel(id, root), UnknownModelError);
  });
}

test("rejected: a link inside models/ to a model outside it", () => {
  assert.throws(() => resolveModel("secret", root), /there is no model 'secret'/);
});

test("rejected: a manifest whose ONNX or tokenizer path leaves the folder, or that is itself a link out", () => {
  for (const id of ["escapes-by-onnx", "escapes-by-tokenizer", "linked-manifest"]) assert.throws(() => resolveModel(id, root), UnknownModelError, id);
});

test("rejected: a manifest naming another id, a folder without a manifest, an invalid manifest, a file", () => {
  for (const id of ["other-id", "corpus", "broken", "readme.md", "missing"]) assert.throws(() => resolveModel(id, root), UnknownModelError, id);
});
