import type { NextConfig } from "next";
import { HOST_PAGE_CSP } from "./lib/sandbox.ts";

const nextConfig: NextConfig = {
  // Native modules stay outside the bundle; the engine loads them in its worker thread,
  // which runs the engine's TypeScript through tsx.
  serverExternalPackages: ["onnxruntime-node", "tokenizers", "better-sqlite3", "tsx", "esbuild"],
  devIndicators: false,
  // npm test type-checks the whole project (tsc --noEmit) before it builds.
  typescript: { ignoreBuildErrors: true },
  // Every page may embed artifacts: none of its frames may navigate anywhere (lib/sandbox.ts).
  async headers() {
    return [{ source: "/:path*", headers: [{ key: "Content-Security-Policy", value: HOST_PAGE_CSP }] }];
  },
};

export default nextConfig;
