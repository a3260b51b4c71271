// The masked-diffusion sampler, after LLaDA's generate.py and Fast-dLLM.
//
// The canvas is [fixed tokens | masks]. Each step runs one forward pass, proposes a
// token and a confidence for every masked position of the current block, and
// commits some of them: the k most confident (k from an even schedule over the
// block's steps), or, with a threshold, every one at least that confident (and
// always the best one). Only masked positions ever change; positions beyond the
// current block are not candidates (confidence -inf). When generating, once an
// end-of-text token is committed, every masked position after it is end-of-text too:
// the text ends there, and later passes read the canvas only up to a short
// end-of-text tail after it.
import { Rng } from "./random.ts";

export const REMASKINGS = ["low_confidence", "random", "margin", "entropy"] as const;
export type Remasking = (typeof REMASKINGS)[number];

export interface SamplerOptions {
  /** Masked positions per block (LLaDA's block_length); blocks are decoded left to right. */
  blockLength: number;
  /** Total steps over all blocks when no threshold is given (LLaDA's steps). */
  steps?: number;
  /** Fast-dLLM parallel decoding: commit every candidate whose confidence reaches this. */
  threshold?: number;
  remasking: Remasking;
  /** 0 takes the most likely token; above 0 samples from the tempered distribution. */
  temperature: number;
  /** Nucleus sampling (with temperature > 0): draw only from the smallest set of tokens holding this much probability. */
  topP?: number;
  /** Classifier-free guidance as in LLaDA: logits = u + (scale + 1)(c - u), u with the request masked out. 0 is off. */
  cfgScale?: number;
  /** Use the model's dual cache where it has one: refreshed at each block and when the canvas shortens. */
  cache?: boolean;
  /** Generation ends the text at the first committed end-of-text; infilling keeps every position. */
  endOfText?: "truncate" | "keep";
  seed: number;
  signal?: AbortSignal;
}

/** Logits for the positions asked, one row of `vocab` values each, in that order. */
export interface Logits {
  data: Float32Array;
  vocab: number;
}

/** A model: a pass over the canvas `ids` gives logits at `positions`. */
export interface Denoiser {
  forward(ids: Int32Array, positions: number[]): Promise<Logits>;
  /**
   * Optional dual cache (Fast-dLLM): `refresh` is a full pass that also keeps every position's
   * keys and values; `block` then runs only ids[lo, hi) against them, at a fraction of the cost.
   * Settled text outside the block is read from the cache, one block old. `slot` keeps separate
   * caches for separate canvases: 0 for the canvas, 1 for its unconditional copy (guidance).
   */
  cache?: {
    refresh(ids: Int32Array, positions: number[], slot?: number): Promise<Logits>;
    block(ids: Int32Array, lo: number, hi: number, positions: number[], slot?: number): Promise<Logits>;
  };
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

/** Softmax of one row of logits at a temperature (confidences are always read at temperature 1). */
function softmax(data: Float32Array, offset: number, vocab: number, temperature = 1): Float64Array {
  const p = new Float64Array(vocab);
  let max = -Infinity;
  for (let v = 0; v < vocab; v++) max = Math.max(max, data[offset + v]);
  let sum = 0;
  for (let v = 0; v < vocab; v++) sum += p[v] = Math.exp((data[offset + v] - max) / temperature);
  for (let v = 0; v < vocab; v++) p[v] /= sum;
  return p;
}

/** The token to propose from a row's logits: the most likely, or a draw at the temperature (within top-p). */
function chooseToken(data: Float32Array, offset: number, p: Float64Array, o: SamplerOptions, rng: Rng): number {
  const vocab = p.length;
  if (o.temperature <= 0) {
    let best = 0;
    for (let v = 1; v < vocab; v++) if (p[v] > p[best]) best = v;
    return best;
  }
  const q = softmax(data, offset, vocab, o.temperature);
  let order: number[] = [];
  if (o.topP !== undefined && o.topP < 1) {
    order = Array.from(q.keys()).sort((a, b) => q[b] - q[a]);
    let mass = 0;
    let keep = 0;
    while (keep < order.length && mass < o.topP) mass += q[order[keep++]];
    order = order.slice(0, keep);
  } else {
    order = Array.from(q.keys());
  }
  let total = 0;
  for (const v of order) total += q[v];
  let r = rng.next() * total;
  for (const v of order) if ((r -= q[v]) < 0) return v;
  return order[order.length - 1];
}

/** How sure the model is of `token`, by the remasking rule (higher: committed sooner). */
function confidence(p: Float64Array, token: number, o: SamplerOptions, rng: Rng): number {
  switch (o.remasking) {
    case "low_confidence":
      return p[token];
    case "random":
      return rng.next();
    case "margin": {
      let second = 0;
      for (let v = 0; v < p.length; v++) if (v !== token) second = Math.max(second, p[v]);
      return p[token] - second;
    }
    case "entropy": {
      let h = 0;
      for (const q of p) if (q > 0) h -= q * Math.log(q);
      return -h;
    }
  }
}

/** One forward pass over a canvas; `slot` names which cache it reads and keeps (see Denoiser.cache). */
type Pass = (ids: Int32Array, slot: number) => Promise<Logits>;

/**
 * Logits with classifier-free guidance when asked: two passes, with and without the request
 * (masked out, as the unconditional rows in training were), combined as in LLaDA.
 */
async function guidedLogits(pass: Pass, view: Int32Array, start: number, mask: number, o: SamplerOptions): Promise<Logits> {
  const cond = await pass(view, 0);
  if (!o.cfgScale) return cond;
  const unconditional = view.slice();
  unconditional.fill(mask, 0, start);
  const un = await pass(unconditional, 1);
  const data = cond.data.map((c, i) => un.data[i] + (o.cfgScale! + 1) * (c - un.data[i]));
  return { data, vocab: cond.vocab };
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
  const truncate = (o.endOfText ?? "truncate") === "truncate";
  const numBlocks = Math.ceil((end - start) / o.blockLength);
  const stepsPerBlock = o.steps ? Math.max(1, Math.floor(o.steps / numBlocks)) : 0;
  let masksLeft = 0;
  for (let i = start; i < end; i++) if (canvas[i] === tokens.mask) masksLeft++;
  let step = 0;
  let passes = 0;
  let inView = end;
  // The dual cache, where the model has one.
  const cache = o.cache ? model.cache : undefined;
  let cachedFor = { block: -1, view: -1 };

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
      const view = canvas.subarray(0, inView);
      // Each block, and each time the text shortens, starts with a full pass that refreshes the cache.
      const fresh = cachedFor.block !== b || cachedFor.view !== inView;
      cachedFor = { block: b, view: inView };
      const pass: Pass = (ids, slot) =>
        !cache ? model.forward(ids, positions) : fresh ? cache.refresh(ids, positions, slot) : cache.block(ids, lo, Math.min(hi, inView), positions, slot);
      const logits = await guidedLogits(pass, view, start, tokens.mask, o);
      passes += o.cfgScale ? 2 : 1;
      const candidates: Candidate[] = positions.map((pos, row) => {
        const offset = row * logits.vocab;
        const p = softmax(logits.data, offset, logits.vocab);
        const token = chooseToken(logits.data, offset, p, o, rng);
        return { pos, token, confidence: confidence(p, token, o, rng) };
      });
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
      if (truncate) {
        // End of text: whatever is still masked after the first end-of-text is end-of-text.
        const firstEot = chosen.filter((c) => c.token === tokens.eot).reduce((m, c) => Math.min(m, c.pos), end);
        for (let i = firstEot + 1; i < end; i++) {
          if (canvas[i] === tokens.mask) {
            canvas[i] = tokens.eot;
            committed.push(i);
          }
        }
        inView = Math.min(inView, firstEot + 1 + EOT_TAIL);
      }
      masksLeft -= committed.length;
      committed.sort((x, y) => x - y);
      yield { step: ++step, committed, forwardPasses: passes, masksLeft };
    }
  }
}
