import { defineConfig } from "@playwright/test";
import { FAST_MODEL_DIR, SHIPPED_DEFAULT_MODEL_DIR } from "./engine/defaults.ts";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./lib/chromium.ts";
import { DEFAULT_MODEL_SERVER, FAST_SERVER } from "./e2e/servers.ts";

const server = (url: string, model: string, data: string) => ({
  command: `npx next start -p ${new URL(url).port} -H 127.0.0.1`,
  url,
  reuseExistingServer: false,
  timeout: 120_000,
  env: { UNMASK_DATA_DIR: data, UNMASK_MODEL_DIR: model },
});

export default defineConfig({
  testDir: "e2e",
  timeout: 240_000,
  expect: { timeout: 10_000 },
  workers: 1,
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: FAST_SERVER,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    screenshot: "only-on-failure",
    trace: "off",
  },
  webServer: [server(FAST_SERVER, FAST_MODEL_DIR, "test-results/data"), server(DEFAULT_MODEL_SERVER, SHIPPED_DEFAULT_MODEL_DIR, "test-results/data-default")],
});
