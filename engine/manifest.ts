// The model contract: what a model folder's manifest.json must state for the engine
// to run it (design.md, "Model contract"). A larger open diffusion model exported
// to ONNX with the same contract runs unchanged.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

export const ManifestSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
  onnx: z.string(),
  tokenizer: z.string(),
  maxSequenceLength: z.number().int().positive(),
  tokens: z.object({
    mask: z.number().int().nonnegative(),
    eot: z.number().int().nonnegative(),
    /** Filler a surplus infill position may resolve to; dropped from the text. */
    pad: z.number().int().nonnegative(),
  }),
  chatTemplate: z.object({ user: z.string(), assistant: z.string(), artifact: z.string() }),
  inputs: z.object({
    ids: z.string(),
    /** Optional: canvas positions to compute logits at (int64 [n]); the output is then [1, n, vocab]. */
    positions: z.string().optional(),
  }),
  outputs: z.object({ logits: z.string() }),
  /**
   * Optional, for Fast-dLLM's dual cache: the model also takes `positionIds` (where the tokens
   * sit on the canvas) and the keys and values of the rest of the canvas, one input per layer
   * (`${keys}.${layer}`, [1, heads, n, headDim]), of which it does not read the rows [start,
   * end) that the tokens replace; and returns every layer's keys and values for its tokens,
   * [layers, 1, heads, tokens, headDim]. With an empty cache it is one ordinary pass. Optional `settled`
   * (a block-causal model's): how many leading tokens are settled text that attends only to the
   * cache and to itself, so a settled block's keys and values are kept in the pass that starts
   * the next block. Optional `blocks` with it: each token's block (int64, rising); a settled token
   * then reads only the settled tokens of its own block and those before it, so a text of many
   * blocks is kept in one pass.
   */
  cache: z
    .object({
      inputs: z.object({ positionIds: z.string(), keys: z.string(), values: z.string(), start: z.string(), end: z.string(), settled: z.string().optional(), blocks: z.string().optional() }),
      outputs: z.object({ keys: z.string(), values: z.string() }),
      layers: z.number().int().positive(),
      heads: z.number().int().positive(),
      headDim: z.number().int().positive(),
    })
    .optional(),
  /**
   * How the model reads settled text when it generates: "block-causal" models (trained with block
   * diffusion, models/recipe/train.py) decode each block against an exact cache of the text before
   * it, and nothing after (needs `cache`); "bidirectional" (the default) read the whole canvas.
   * Infilling and refining always read the whole canvas.
   */
  attention: z.enum(["bidirectional", "block-causal"]).optional(),
  /** Dream-style models converted from autoregressive ones predict position i at i-1. */
  shiftedLogits: z.boolean(),
  defaults: z.object({
    genLength: z.number().int().positive(),
    blockLength: z.number().int().positive(),
    /** Fast-dLLM's confidence threshold; without one (and without steps asked), one token a step. */
    threshold: z.number().min(0).max(1).optional(),
    /** Use the dual cache by default (where the model has one). */
    cache: z.boolean().optional(),
    /** Classifier-free guidance scale (0: off). */
    cfgScale: z.number().min(0).optional(),
    /** Cut the canvas to the length the model predicts for the answer (Engine.fitLength). */
    predictLength: z.boolean().optional(),
  }),
});

export type Manifest = z.infer<typeof ManifestSchema>;

export interface ModelFolder {
  dir: string;
  manifest: Manifest;
  onnxPath: string;
  tokenizerPath: string;
}

export function readModelFolder(dir: string): ModelFolder {
  const manifest = ManifestSchema.parse(JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")));
  return { dir, manifest, onnxPath: join(dir, manifest.onnx), tokenizerPath: join(dir, manifest.tokenizer) };
}
