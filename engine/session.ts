// One model loaded with onnxruntime-node: token ids in, logits out at the positions asked,
// and, for a model with a cache contract, a dual cache of every position's keys and values
// and an exact prefix cache of settled text (for block-causal models).
import * as ort from "onnxruntime-node";
import type { ModelFolder } from "./manifest.ts";
import type { Denoiser, Logits } from "./sampler.ts";

const int64 = (xs: ArrayLike<number>) => new ort.Tensor("int64", BigInt64Array.from(Array.from(xs), BigInt), [xs.length]);

export class DenoiserSession implements Denoiser {
  /** Keys and values of each cache slot's canvas at its last refresh. */
  private readonly kv: ({ keys: ort.Tensor; values: ort.Tensor } | undefined)[] = [];
  /** Each prefix slot's keys and values, [layers, 1, heads, capacity, headDim]: rows [0, n) hold canvas positions [0, n). */
  private readonly prefixKv: { keys: ort.Tensor; values: ort.Tensor }[] = [];
  private readonly empty: ort.Tensor | null;

  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly folder: ModelFolder,
  ) {
    const c = folder.manifest.cache;
    this.empty = c ? new ort.Tensor("float32", new Float32Array(0), [c.layers, 1, c.heads, 0, c.headDim]) : null;
  }

  static async load(folder: ModelFolder, threads = 2): Promise<DenoiserSession> {
    const session = await ort.InferenceSession.create(folder.onnxPath, {
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      graphOptimizationLevel: "all",
    });
    return new DenoiserSession(session, folder);
  }

  /** One forward pass over the canvas; logits at `positions` only, one row each, in order. */
  async forward(ids: Int32Array, positions: number[]): Promise<Logits> {
    return (await this.run(ids, 0, positions, null, 0)).logits;
  }

  /** The dual cache, where the model's manifest declares one. */
  get cache(): Denoiser["cache"] {
    if (!this.folder.manifest.cache) return undefined;
    return {
      refresh: async (ids, positions, slot = 0) => {
        const out = await this.run(ids, 0, positions, null, 0);
        this.kv[slot] = out.kv!;
        return out.logits;
      },
      block: async (ids, lo, hi, positions, slot = 0) => {
        const kv = this.kv[slot];
        if (!kv) throw new Error("no cache to run a block against: refresh first");
        return (await this.run(ids.subarray(lo, hi), lo, positions, kv, hi)).logits;
      },
    };
  }

  /** The exact prefix cache, where the model's manifest declares a cache. */
  get prefix(): Denoiser["prefix"] {
    const c = this.folder.manifest.cache;
    if (!c) return undefined;
    const capacity = this.folder.manifest.maxSequenceLength;
    const slotKv = (slot: number) => {
      const size = c.layers * c.heads * capacity * c.headDim;
      const dims = [c.layers, 1, c.heads, capacity, c.headDim];
      return (this.prefixKv[slot] ??= { keys: new ort.Tensor("float32", new Float32Array(size), dims), values: new ort.Tensor("float32", new Float32Array(size), dims) });
    };
    return {
      run: async (ids, lo, hi, positions, slot = 0, keep = false) => {
        const kv = slotKv(slot);
        // Rows [lo, capacity) are not the prefix: the graph leaves them out.
        const out = await this.run(ids.subarray(lo, hi), lo, positions, kv, capacity);
        if (keep) {
          const n = hi - lo;
          for (const part of ["keys", "values"] as const) {
            const from = out.kv![part].data as Float32Array;
            const to = kv[part].data as Float32Array;
            // Both [layers, 1, heads, rows, headDim]: copy each (layer, head)'s n rows into rows [lo, hi).
            for (let lh = 0; lh < c.layers * c.heads; lh++) {
              to.set(from.subarray(lh * n * c.headDim, (lh + 1) * n * c.headDim), (lh * capacity + lo) * c.headDim);
            }
          }
        }
        return out.logits;
      },
    };
  }

  /**
   * Run `tokens` sitting at canvas positions [first, first + tokens.length), against `kv`
   * minus the rows [first, end) they replace. Models without a `positions` input return every
   * row; those are picked here. Dream-style models converted from autoregressive ones predict
   * position i at i - 1.
   */
  private async run(tokens: Int32Array, first: number, positions: number[], kv: { keys: ort.Tensor; values: ort.Tensor } | null, end: number) {
    const { inputs, outputs, shiftedLogits, cache } = this.folder.manifest;
    const rows = positions.map((p) => p - first - (shiftedLogits ? 1 : 0));
    const feeds: Record<string, ort.Tensor> = { [inputs.ids]: new ort.Tensor("int64", BigInt64Array.from(tokens, BigInt), [1, tokens.length]) };
    if (inputs.positions) feeds[inputs.positions] = int64(rows);
    if (cache) {
      feeds[cache.inputs.positionIds] = int64(Array.from(tokens, (_, i) => first + i));
      feeds[cache.inputs.keys] = kv?.keys ?? this.empty!;
      feeds[cache.inputs.values] = kv?.values ?? this.empty!;
      feeds[cache.inputs.start] = new ort.Tensor("int64", BigInt64Array.of(BigInt(kv ? first : 0)), []);
      feeds[cache.inputs.end] = new ort.Tensor("int64", BigInt64Array.of(BigInt(kv ? end : 0)), []);
    }
    const result = await this.session.run(feeds);
    const out = result[outputs.logits];
    const vocab = out.dims[out.dims.length - 1];
    const all = out.data as Float32Array;
    let data = all;
    if (!inputs.positions) {
      data = new Float32Array(rows.length * vocab);
      rows.forEach((r, i) => data.set(all.subarray(r * vocab, (r + 1) * vocab), i * vocab));
    }
    const kvOut = cache ? { keys: result[cache.outputs.keys], values: result[cache.outputs.values] } : null;
    return { logits: { data, vocab }, kv: kvOut };
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}
