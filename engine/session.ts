// One model loaded with onnxruntime-node: token ids in, logits out at the positions asked.
import * as ort from "onnxruntime-node";
import type { ModelFolder } from "./manifest.ts";
import type { Denoiser } from "./sampler.ts";

export class DenoiserSession implements Denoiser {
  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly folder: ModelFolder,
  ) {}

  static async load(folder: ModelFolder, threads = 2): Promise<DenoiserSession> {
    const session = await ort.InferenceSession.create(folder.onnxPath, {
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      graphOptimizationLevel: "all",
    });
    return new DenoiserSession(session, folder);
  }

  /**
   * One forward pass over the canvas; logits at `positions` only, one row each, in order.
   * A model whose manifest names a `positions` input computes just those rows (the vocabulary
   * projection is the costliest layer); for any other, the rows are picked from the full output.
   */
  async forward(ids: Int32Array, positions: number[]): Promise<{ data: Float32Array; vocab: number }> {
    const { inputs, outputs, shiftedLogits } = this.folder.manifest;
    // Dream-style models converted from autoregressive ones predict position i at i - 1.
    const rows = shiftedLogits ? positions.map((p) => p - 1) : positions;
    const feeds: Record<string, ort.Tensor> = { [inputs.ids]: new ort.Tensor("int64", BigInt64Array.from(ids, BigInt), [1, ids.length]) };
    if (inputs.positions) feeds[inputs.positions] = new ort.Tensor("int64", BigInt64Array.from(rows, BigInt), [rows.length]);
    const out = (await this.session.run(feeds))[outputs.logits];
    const vocab = out.dims[out.dims.length - 1];
    const all = out.data as Float32Array;
    if (inputs.positions) return { data: all, vocab };
    const data = new Float32Array(rows.length * vocab);
    rows.forEach((r, i) => data.set(all.subarray(r * vocab, (r + 1) * vocab), i * vocab));
    return { data, vocab };
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}
