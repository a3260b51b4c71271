// One model loaded with onnxruntime-node: token ids in, logits out.
import * as ort from "onnxruntime-node";
import type { ModelFolder } from "./manifest.ts";

export interface Logits {
  /** Row-major [seq, vocab]: data[i * vocab + v] is the logit of token v at position i. */
  data: Float32Array;
  vocab: number;
}

export class DenoiserSession {
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

  /** One forward pass over the whole canvas. */
  async forward(ids: ArrayLike<number>): Promise<Logits> {
    const { inputs, outputs, shiftedLogits } = this.folder.manifest;
    const input = new BigInt64Array(ids.length);
    for (let i = 0; i < ids.length; i++) input[i] = BigInt(ids[i]);
    const result = await this.session.run({ [inputs.ids]: new ort.Tensor("int64", input, [1, ids.length]) });
    const out = result[outputs.logits];
    const vocab = out.dims[2];
    let data = out.data as Float32Array;
    if (shiftedLogits) {
      // Position i is predicted at i - 1: move every row down by one (row 0 is never a mask).
      const shifted = new Float32Array(data.length);
      shifted.set(data.subarray(0, data.length - vocab), vocab);
      data = shifted;
    }
    return { data, vocab };
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}
