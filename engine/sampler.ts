// The masked-diffusion sampler, after LLaDA's generate.py and Fast-dLLM.
//
// The canvas is [fixed tokens | masks]. Each step runs one forward pass, proposes a
// token and a confidence for every masked position of the current block, and
// commits some of them: the k most confident (k from an even schedule over the
// block's steps), or, with a threshold, every one at least that confident (and
// always the best one). Only masked positions ever change; positions beyond the
// current block are not candidates (confidence -inf). Once an end-of-text token is
// committed, every masked position after it is end-of-text too: the text ends there,
// and later passes read the canvas only up to a short end-of-text tail after it.
import { Rng } from "./random.ts";
import type { Logits } from "./session.ts";

export type Remasking = "low_confidence" | "random" | "margin" | "entropy";

export interface SamplerOptions {
  /** Masked positions per block (LLaDA's block_length); blocks are decoded left to right. */
  blockLength: number;
  /** Total steps over all blocks when no threshold is given (LLaDA's steps). */
  steps?: number;
  /** Fast-dLLM parallel decoding: commit every candidate whose confidence reaches this. */
  threshold?: number;
  remasking: Remasking;
  /** 0 takes the most likely token; above 0 samples with Gumbel noise (float64). */
  temperature: number;
  seed: number;
  signal?: AbortSignal;
}

export interface Denoiser {
  forward(ids: ArrayLike<number>): Promise<Logits>;
}

export interface SamplerStep {
  step: number;
  /** Canvas positions committed in this step, in increasing order. */
  committed: number[];
  forwardPasses: number;
  /** Masked positions left on the whole canvas. */
  masksLeft: number;
}

/** End-of-text positions kept in view after the text's end (training rows had 32 or more). */
export const EOT_TAIL = 32;

/**
 * LLaDA's get_num_transfer_tokens: how many masks to commit at each of `steps` steps
 * so that `masks` are spread evenly, the remainder going to the earliest steps.
 */
export function transferSchedule(masks: number, steps: number): number[] {
  const base = Math.floor(masks / steps);
  const extra = masks % steps;
  return Array.from({ length: steps }, (_, i) => base + (i < extra ? 1 : 0));
}

interface Candidate {
  pos: number;
  token: number;
  confidence: number;
}

/** The proposed token at one position and how sure the model is of it. */
function propose(logits: Logits, pos: number, o: SamplerOptions, rng: Rng): Omit<Candidate, "pos"> {
  const { data, vocab } = logits;
  const row = pos * vocab;
  let max = -Infinity;
  for (let v = 0; v < vocab; v++) if (data[row + v] > max) max = data[row + v];
  let sum = 0;
  for (let v = 0; v < vocab; v++) sum += Math.exp(data[row + v] - max);
  let token = 0;
  if (o.temperature > 0) {
    let top = -Infinity;
    for (let v = 0; v < vocab; v++) {
      const g = data[row + v] / o.temperature - Math.log(-Math.log(rng.next() || Number.MIN_VALUE));
      if (g > top) [top, token] = [g, v];
    }
  } else {
    for (let v = 0; v < vocab; v++) if (data[row + v] === max) { token = v; break; }
  }
  const p = Math.exp(data[row + token] - max) / sum;
  switch (o.remasking) {
    case "low_confidence":
      return { token, confidence: p };
    case "random":
      return { token, confidence: rng.next() };
    case "margin": {
      let second = 0;
      for (let v = 0; v < vocab; v++) if (v !== token) second = Math.max(second, Math.exp(data[row + v] - max) / sum);
      return { token, confidence: p - second };
    }
    case "entropy": {
      let h = 0;
      for (let v = 0; v < vocab; v++) {
        const q = Math.exp(data[row + v] - max) / sum;
        if (q > 0) h -= q * Math.log(q);
      }
      return { token, confidence: -h };
    }
  }
}

/**
 * Denoise `canvas` in place from position `start` on. `canvas` holds fixed tokens and
 * `mask` ids; yields after every step.
 */
export async function* denoise(
  model: Denoiser,
  canvas: Int32Array,
  start: number,
  tokens: { mask: number; eot: number },
  o: SamplerOptions,
): AsyncGenerator<SamplerStep> {
  const rng = new Rng(o.seed);
  const end = canvas.length;
  const numBlocks = Math.ceil((end - start) / o.blockLength);
  const stepsPerBlock = o.steps ? Math.max(1, Math.floor(o.steps / numBlocks)) : 0;
  let masksLeft = 0;
  for (let i = start; i < end; i++) if (canvas[i] === tokens.mask) masksLeft++;
  let step = 0;
  let passes = 0;
  let inView = end;

  for (let b = 0; b < numBlocks; b++) {
    const lo = start + b * o.blockLength;
    const hi = Math.min(end, lo + o.blockLength);
    const masked = () => {
      const out: number[] = [];
      for (let i = lo; i < hi; i++) if (canvas[i] === tokens.mask) out.push(i);
      return out;
    };
    const schedule = stepsPerBlock ? transferSchedule(masked().length, stepsPerBlock) : [];
    for (let k = 0; ; k++) {
      const positions = masked();
      if (!positions.length) break;
      o.signal?.throwIfAborted();
      const logits = await model.forward(canvas.subarray(0, inView));
      passes++;
      const candidates = positions.map((pos) => ({ pos, ...propose(logits, pos, o, rng) }));
      candidates.sort((x, y) => y.confidence - x.confidence);
      let count: number;
      if (o.threshold !== undefined) {
        count = Math.max(1, candidates.filter((c) => c.confidence >= o.threshold!).length);
      } else {
        count = Math.max(1, schedule[Math.min(k, schedule.length - 1)]);
      }
      const chosen = candidates.slice(0, count);
      for (const c of chosen) canvas[c.pos] = c.token;
      const committed = chosen.map((c) => c.pos);
      // End of text: whatever is still masked after the first end-of-text is end-of-text.
      const firstEot = chosen.filter((c) => c.token === tokens.eot).reduce((m, c) => Math.min(m, c.pos), end);
      for (let i = firstEot + 1; i < end; i++) {
        if (canvas[i] === tokens.mask) {
          canvas[i] = tokens.eot;
          committed.push(i);
        }
      }
      inView = Math.min(inView, firstEot + 1 + EOT_TAIL);
      masksLeft -= committed.length;
      committed.sort((x, y) => x - y);
      yield { step: ++step, committed, forwardPasses: passes, masksLeft };
    }
  }
}
