// Issue 2's bar, on the shipped default model: the CLI's seed command writes a chat app that
// loads in Chromium with no console error and answers a typed message.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { AppChecker } from "../lib/app-check.ts";
import { launchCheckChromium } from "../lib/chromium.ts";
import { genericCheck } from "../lib/generic-check.ts";
import { FAMILIES } from "../models/corpus/families/index.ts";
import { SHIPPED_DEFAULT_MODEL_DIR } from "./defaults.ts";

test("npm run generate -- \"Build a simulated chat app\": the default model's app answers a typed message", { timeout: 900_000 }, async () => {
  const out = join(mkdtempSync(join(tmpdir(), "unmask-cli-")), "app.html");
  const request = "Build a simulated chat app";
  const stdout = execFileSync("npx", ["tsx", "engine/cli.ts", request, "--model", SHIPPED_DEFAULT_MODEL_DIR, "--out", out], { encoding: "utf8" });
  const stats = JSON.parse(stdout.trim().split("\n").at(-1)!);
  for (const k of ["tokens", "steps", "forwardPasses", "ms", "firstFrameMs", "tokensPerSecond"]) assert.equal(typeof stats[k], "number", k);
  console.log(`cli: ${JSON.stringify(stats)}`);
  const html = readFileSync(out, "utf8");
  const chat = FAMILIES.find((f) => f.name === "chat")!;
  const browser = await launchCheckChromium();
  try {
    const checker = await AppChecker.open(browser);
    const generic = await checker.check(html, genericCheck);
    assert.ok(generic.ok, `generic check: ${generic.errors.join("; ")}`);
    const asked = await checker.check(html, (run) => chat.requestCheck(run, request));
    assert.ok(asked.ok, `chat check: ${asked.errors.join("; ")}`);
    await checker.close();
  } finally {
    await browser.close();
  }
});
