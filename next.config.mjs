/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules stay outside the bundle; the engine loads them in its worker thread,
  // which runs the engine's TypeScript through tsx.
  serverExternalPackages: ["onnxruntime-node", "tokenizers", "better-sqlite3", "tsx", "esbuild"],
  devIndicators: false,
  // npm test type-checks the whole project (tsc --noEmit) before it builds.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
