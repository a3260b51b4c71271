// The engine's generation options as command-line flags, shared by every command that
// generates (the CLI, the eval): --steps N, --block N, --threshold X, --seed N,
// --temperature X, --top-p X, --remasking low_confidence|random|margin|entropy,
// --gen-length N, --cache on|off, --cfg-scale X, --predict-length on|off, --syntax-guard on|off,
// --rewrite on|off.
// Unset flags take the model's defaults (its manifest.json).
import type { GenerateOptions } from "./engine.ts";
import { REMASKINGS, type Remasking } from "./sampler.ts";

/** The flags, for node:util parseArgs (merge them into a command's own options). */
export const GENERATION_FLAGS = {
  steps: { type: "string" },
  block: { type: "string" },
  threshold: { type: "string" },
  seed: { type: "string" },
  temperature: { type: "string" },
  remasking: { type: "string" },
  "gen-length": { type: "string" },
  "top-p": { type: "string" },
  cache: { type: "string" },
  "cfg-scale": { type: "string" },
  "predict-length": { type: "string" },
  "syntax-guard": { type: "string" },
  rewrite: { type: "string" },
} as const;

type FlagValues = Partial<Record<keyof typeof GENERATION_FLAGS, string>>;

function num(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got "${v}"`);
  return n;
}

function onOff(name: string, v: string | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  if (!["on", "off"].includes(v)) throw new Error(`--${name} must be on or off`);
  return v === "on";
}

/** The options the parsed flags ask for; a malformed flag throws, naming it. */
export function generationOptions(values: FlagValues): GenerateOptions {
  if (values.remasking && !(REMASKINGS as readonly string[]).includes(values.remasking)) throw new Error(`--remasking must be one of ${REMASKINGS.join(", ")}`);
  return {
    steps: num("steps", values.steps),
    blockLength: num("block", values.block),
    threshold: num("threshold", values.threshold),
    seed: num("seed", values.seed),
    temperature: num("temperature", values.temperature),
    remasking: values.remasking as Remasking | undefined,
    genLength: num("gen-length", values["gen-length"]),
    topP: num("top-p", values["top-p"]),
    cache: onOff("cache", values.cache),
    cfgScale: num("cfg-scale", values["cfg-scale"]),
    predictLength: onOff("predict-length", values["predict-length"]),
    syntaxGuard: onOff("syntax-guard", values["syntax-guard"]),
    rewrite: onOff("rewrite", values.rewrite),
  };
}
