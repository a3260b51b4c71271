// One model loaded with onnxruntime-node: token ids in, logits out at the positions asked,
// and, for a model with a cache contract, a dual cache of every position's keys and values
// and an exact prefix cache of settled text (for block-causal models).
import * as ort from "onnxruntime-node";
import type { ModelFolder } from "./manifest.ts";
import type { Denoiser, Logits } from "./sampler.ts";

const PREFIX_CHUNK = 128;

const int64 = (xs: ArrayLike<number>) => new ort.Tensor("int64", BigInt64Array.from(Array.from(xs), BigInt), [xs.length]);

export class DenoiserSession implements Denoiser {
  /** Keys and values of each cache slot's canvas at its last refresh. */
  private readonly kv: ({ keys: ort.Tensor; values: ort.Tensor } | undefined)[] = [];
  /**
   * Each prefix slot's keys and values, [layers, 1, heads, capacity, headDim]: rows [0, n) hold
   * canvas positions [0, n). The capacity grows with the text, PREFIX_CHUNK rows at a time: a
   * tensor as long as the canvas made a pass early in the text a third slower (the graph reads
   * every row, and masks those past the prefix).
   */
  private readonly prefixKv: { capacity: number; keys: ort.Tensor; values: ort.Tensor }[] = [];
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
    const heads = c.layers * c.heads;
    /** Copy `n` rows of each (layer, head) from a tensor of `fromRows` rows to rows [at, at + n) of one of `toRows`. */
    const copyRows = (from: Float32Array, fromRows: number, to: Float32Array, toRows: number, n: number, at: number) => {
      for (let lh = 0; lh < heads; lh++) to.set(from.subarray(lh * fromRows * c.headDim, (lh * fromRows + n) * c.headDim), (lh * toRows + at) * c.headDim);
    };
    /**
     * The slot's cache, room for `rows` rows. A new text (`fresh`: a run from position 0) gets
     * one its own size: a cache left as long as an earlier, longer text would have every pass
     * read all of its rows (14 ms a pass against 1,024 rows instead of about 6).
     */
    const slotKv = (slot: number, rows: number, fresh: boolean) => {
      const have = this.prefixKv[slot];
      const capacity = Math.ceil(rows / PREFIX_CHUNK) * PREFIX_CHUNK;
      if (have && have.capacity >= rows && !(fresh && have.capacity > capacity)) return have;
      const tensor = () => new ort.Tensor("float32", new Float32Array(heads * capacity * c.headDim), [c.layers, 1, c.heads, capacity, c.headDim]);
      const grown = { capacity, keys: tensor(), values: tensor() };
      for (const part of ["keys", "values"] as const) {
        if (have && !fresh) copyRows(have[part].data as Float32Array, have.capacity, grown[part].data as Float32Array, capacity, have.capacity, 0);
      }
      return (this.prefixKv[slot] = grown);
    };
    return {
      settles: c.inputs.settled !== undefined,
      settlesBlocks: c.inputs.blocks !== undefined,
      run: async (ids, lo, hi, positions, slot = 0, settled = 0, blocks) => {
        if (settled !== 0 && settled !== hi - lo && !c.inputs.settled) throw new Error("this model runs settled text in passes of its own");
        if (blocks && !c.inputs.blocks && blocks[0] !== blocks[Math.max(0, settled - 1)]) throw new Error("this model keeps one settled block a pass");
        const kv = slotKv(slot, hi, lo === 0);
        // Rows [lo, capacity) are not the prefix: the graph does not read them.
        const out = await this.run(ids.subarray(lo, hi), lo, positions, kv, kv.capacity, settled, blocks);
        if (settled) {
          for (const part of ["keys", "values"] as const) copyRows(out.kv![part].data as Float32Array, hi - lo, kv[part].data as Float32Array, kv.capacity, settled, lo);
        }
        return out.logits;
      },
    };
  }

  /**
   * Run `tokens` sitting at canvas positions [first, first + tokens.length), against `kv` but
   * for the rows [first, end) they replace (the graph does not read them), the first `settled`
   * of them settled text (seeing only the cache and the settled tokens of their block, `blocks`,
   * and those before; all one block where not given). Models without a `positions`
   * input return every row; those are picked here. Dream-style models converted from
   * autoregressive ones predict position i at i - 1.
   */
  private async run(tokens: Int32Array, first: number, positions: number[], kv: { keys: ort.Tensor; values: ort.Tensor } | null, end: number, settled = 0, blocks?: Int32Array) {
    const { inputs, outputs, shiftedLogits, cache } = this.folder.manifest;
    const rows = positions.map((p) => p - first - (shiftedLogits ? 1 : 0));
    const feeds: Record<string, ort.Tensor> = { [inputs.ids]: new ort.Tensor("int64", BigInt64Array.from(tokens, BigInt), [1, tokens.length]) };
    if (inputs.positions) feeds[inputs.positions] = int64(rows);
    if (cache) {
      feeds[cache.inputs.positionIds] = int64(Array.from(tokens, (_, i) => first + i));
      for (const part of ["keys", "values"] as const) {
        // One input per layer: a view of that layer's rows, [1, heads, rows, headDim], not a copy.
        const all = kv?.[part] ?? this.empty!;
        const [layers, , heads, n, headDim] = all.dims;
        const data = all.data as Float32Array;
        const size = heads * n * headDim;
        for (let l = 0; l < layers; l++) feeds[`${cache.inputs[part]}.${l}`] = new ort.Tensor("float32", data.subarray(l * size, (l + 1) * size), [1, heads, n, headDim]);
      }
      feeds[cache.inputs.start] = new ort.Tensor("int64", BigInt64Array.of(BigInt(kv ? first : 0)), []);
      feeds[cache.inputs.end] = new ort.Tensor("int64", BigInt64Array.of(BigInt(kv ? end : 0)), []);
      if (cache.inputs.settled) feeds[cache.inputs.settled] = new ort.Tensor("int64", BigInt64Array.of(BigInt(settled)), []);
      if (cache.inputs.blocks) feeds[cache.inputs.blocks] = int64(blocks ?? new Int32Array(tokens.length));
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
