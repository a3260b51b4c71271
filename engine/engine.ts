// The engine's front door: a model folder loaded once, and generation from a
// request as a stream of frames ending in the finished artifact.
import { conditioningText, type Conversation } from "./chat-template.ts";
import { MASK_GLYPH } from "./glyph.ts";
import { readModelFolder, type Manifest } from "./manifest.ts";
import { denoise, type Remasking, type SamplerOptions } from "./sampler.ts";
import { DenoiserSession } from "./session.ts";
import { TextCodec } from "./tokenizer.ts";


export interface GenerateOptions {
  genLength?: number;
  blockLength?: number;
  steps?: number;
  threshold?: number;
  remasking?: Remasking;
  temperature?: number;
  seed?: number;
}

export interface Stats {
  tokens: number;
  steps: number;
  forwardPasses: number;
  ms: number;
  firstFrameMs: number;
  tokensPerSecond: number;
}

export type EngineEvent =
  | {
      type: "frame";
      step: number;
      /** Steps in all: exact for a fixed schedule, an estimate with a threshold. */
      totalSteps: number;
      committed: number[];
      /** The canvas as text: committed tokens, MASK_GLYPH for each masked position, cut at end-of-text. */
      text: string;
      forwardPasses: number;
      elapsedMs: number;
    }
  | { type: "done"; artifact: string; stats: Stats };

export class Engine {
  private constructor(
    readonly manifest: Manifest,
    private readonly codec: TextCodec,
    private readonly session: DenoiserSession,
  ) {}

  static async load(dir: string, threads = 2): Promise<Engine> {
    const folder = readModelFolder(dir);
    const [codec, session] = await Promise.all([TextCodec.load(folder.tokenizerPath), DenoiserSession.load(folder, threads)]);
    return new Engine(folder.manifest, codec, session);
  }

  /** The sampler settings for a request's options, filled from the manifest's defaults. */
  samplerOptions(o: GenerateOptions, signal?: AbortSignal): SamplerOptions & { genLength: number } {
    const d = this.manifest.defaults;
    const genLength = o.genLength ?? d.genLength;
    return {
      genLength,
      blockLength: Math.min(o.blockLength ?? d.blockLength, genLength),
      steps: o.steps,
      threshold: o.steps !== undefined ? o.threshold : (o.threshold ?? d.threshold),
      remasking: o.remasking ?? "low_confidence",
      temperature: o.temperature ?? 0,
      seed: o.seed ?? 0,
      signal,
    };
  }

  async *generate(conversation: Conversation, options: GenerateOptions = {}, signal?: AbortSignal): AsyncGenerator<EngineEvent> {
    const started = performance.now();
    const { mask, eot } = this.manifest.tokens;
    const o = this.samplerOptions(options, signal);
    const prompt = await this.codec.encode(conditioningText(this.manifest.chatTemplate, conversation));
    const genLength = Math.min(o.genLength, this.manifest.maxSequenceLength - prompt.length);
    if (genLength <= 0) throw new Error(`the request is too long: ${prompt.length} tokens of ${this.manifest.maxSequenceLength}`);
    const canvas = new Int32Array(prompt.length + genLength).fill(mask);
    canvas.set(prompt);

    let firstFrameMs = 0;
    let last = { step: 0, forwardPasses: 0 };
    for await (const s of denoise(this.session, canvas, prompt.length, { mask, eot }, o)) {
      const elapsedMs = performance.now() - started;
      if (s.step === 1) firstFrameMs = elapsedMs;
      last = s;
      const perStep = (genLength - s.masksLeft) / s.step;
      const totalSteps = o.steps ?? s.step + Math.ceil(s.masksLeft / Math.max(1, perStep));
      yield {
        type: "frame",
        step: s.step,
        totalSteps,
        committed: s.committed,
        text: this.canvasText(canvas, prompt.length),
        forwardPasses: s.forwardPasses,
        elapsedMs,
      };
    }
    const generated = Array.from(canvas.subarray(prompt.length));
    const cut = generated.indexOf(eot);
    const ids = (cut < 0 ? generated : generated.slice(0, cut)).filter((t) => t !== this.manifest.tokens.pad);
    const artifact = await this.codec.decode(ids);
    const ms = performance.now() - started;
    yield {
      type: "done",
      artifact,
      stats: {
        tokens: ids.length,
        steps: last.step,
        forwardPasses: last.forwardPasses,
        ms: Math.round(ms),
        firstFrameMs: Math.round(firstFrameMs),
        tokensPerSecond: Math.round((ids.length / ms) * 1000),
      },
    };
  }

  /** A partly denoised canvas as text, from `start` to the first end-of-text. */
  private canvasText(canvas: Int32Array, start: number): string {
    const { mask, eot, pad } = this.manifest.tokens;
    let text = "";
    for (let i = start; i < canvas.length; i++) {
      const t = canvas[i];
      if (t === eot) break;
      if (t !== pad) text += t === mask ? MASK_GLYPH : this.codec.pieces[t];
    }
    return text;
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}
