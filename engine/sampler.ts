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
// end-of-text tail after it. A block-causal model (block diffusion, BD3-LM) reads only
// the settled text before the current block, through an exact cache of it.
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
  /**
   * Use the model's dual cache where it has one: refreshed at each block and when the canvas
   * shortens. With `blockCausal`, the exact prefix cache, on unless this is false (then every pass
   * runs the settled text again, block by block: the same numbers at the cost the cache saves).
   */
  cache?: boolean;
  /**
   * Block diffusion (BD3-LM), for a model trained block-causally: each block is denoised reading
   * only the request and the settled blocks before it, through the model's exact prefix cache;
   * a block, once settled, is run once more to keep its keys and values. Blocks count from `start`.
   */
  blockCausal?: boolean;
  /** Generation ends the text at the first committed end-of-text; infilling keeps every position. */
  endOfText?: "truncate" | "keep";
  seed: number;
  signal?: AbortSignal;
  /**
   * Guidance by a checker of the settled text: given the canvas whose positions [start, frontier)
   * hold no masks, the first position whose token cannot be right there, or -1. That token is
   * banned at that position and the text from it to the end of the block is masked again.
   */
  check?: (canvas: Int32Array, start: number, frontier: number) => number;
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
  /**
   * Optional exact prefix cache, for block-causal models: `run` passes ids[lo, hi) against the
   * kept keys and values of positions [0, lo) only; its first `settled` tokens are settled text,
   * whose keys and values it keeps as those of [lo, lo + settled). Nothing to the right of hi
   * is read. Unless `settles`, settled text runs alone (`settled` is 0 or hi - lo); otherwise
   * it may lead the tokens being denoised, which see it and are not seen by it. With
   * `settlesBlocks` too, the settled text may span blocks: `blocks` gives the block of each of
   * ids[lo, hi) (rising), and a settled token sees only the settled tokens of its block and those
   * before it, as if each block had been kept in a pass of its own.
   */
  prefix?: {
    settles: boolean;
    settlesBlocks?: boolean;
    run(ids: Int32Array, lo: number, hi: number, positions: number[], slot?: number, settled?: number, blocks?: Int32Array): Promise<Logits>;
  };
}

export interface SamplerStep {
  step: number;
  /** Canvas positions committed in this step, in increasing order. */
  committed: number[];
  /** Positions masked again in this step by guidance (SamplerOptions.check), in increasing order. */
  remasked: number[];
  forwardPasses: number;
  /** Masked positions left on the whole canvas. */
  masksLeft: number;
}

/** The block of each canvas position in [from, to): the request is block 0, then blocks of `blockLength` from `start`. */
export function blockIds(from: number, to: number, start: number, blockLength: number): Int32Array {
  return Int32Array.from({ length: to - from }, (_, i) => (from + i < start ? 0 : 1 + Math.floor((from + i - start) / blockLength)));
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

/** The log-probability of `token` in row `row` of `logits` (log-softmax at temperature 1). */
export function logProbability(logits: Logits, row: number, token: number): number {
  const { data, vocab } = logits;
  const offset = row * vocab;
  let max = -Infinity;
  for (let v = 0; v < vocab; v++) max = Math.max(max, data[offset + v]);
  let sum = 0;
  for (let v = 0; v < vocab; v++) sum += Math.exp(data[offset + v] - max);
  return data[offset + token] - max - Math.log(sum);
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

/**
 * Greedy decoding's proposal and its confidence, without building the distribution: the most
 * likely token (the first of equals, as `chooseToken` picks) has probability 1 / Σ exp(l - max),
 * bit for bit what `softmax` gives it. A pass has 8 rows of 4,096 logits, so this saves an
 * allocation, a division pass and a probability scan per row.
 */
function mostLikely(data: Float32Array, offset: number, vocab: number): { token: number; p: number } {
  let token = 0;
  for (let v = 1; v < vocab; v++) if (data[offset + v] > data[offset + token]) token = v;
  const max = data[offset + token];
  let sum = 0;
  for (let v = 0; v < vocab; v++) sum += Math.exp(data[offset + v] - max);
  return { token, p: 1 / sum };
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

/** Guidance gives up after this many rejections in one run; after this many bans at one position, it bans at the one before. */
const MAX_REJECTIONS = 16;
const MAX_BANS = 4;

/**
 * Guided decoding (SamplerOptions.check): after each step, the newly settled start of the text
 * is checked; where it goes wrong, that token is banned at its position and the text from there
 * is masked again, to be written anew. A position whose likely tokens are all banned moves the
 * blame to the token before it (backtracking). Only positions the sampler was asked to write
 * ever change.
 */
class Guidance {
  /** The text before this position passed the check. */
  private checked: number;
  private rejections = 0;
  private readonly banned = new Map<number, Set<number>>();

  constructor(
    private readonly check: NonNullable<SamplerOptions["check"]>,
    private readonly canvas: Int32Array,
    private readonly start: number,
    private readonly writable: Set<number>,
    private readonly tokens: { mask: number; eot: number },
  ) {
    this.checked = start;
  }

  /** Tokens that may not be proposed at `pos`. */
  bans(pos: number): Iterable<number> {
    return this.banned.get(pos) ?? [];
  }

  /**
   * Check what settled since the last review. On a mistake, mask the text again from it up to
   * `blockEnd` (or further, through what settled); `reopened`: an end-of-text was among it, so
   * the padding after it is masked again too and the text runs on.
   */
  review(blockEnd: number): { remasked: number[]; reopened: boolean } {
    const { canvas, start, writable, tokens } = this;
    const remasked: number[] = [];
    if (this.rejections >= MAX_REJECTIONS) return { remasked, reopened: false };
    let frontier = this.checked;
    while (frontier < canvas.length && canvas[frontier] !== tokens.mask) frontier++;
    let bad = frontier > this.checked ? this.check(canvas, start, frontier) : -1;
    while (bad > start && writable.has(bad) && (this.banned.get(bad)?.size ?? 0) >= MAX_BANS) bad--;
    if (bad < 0) {
      this.checked = frontier;
      return { remasked, reopened: false };
    }
    if (!writable.has(bad)) {
      this.rejections = MAX_REJECTIONS; // a mistake in text it may not change: stop checking
      return { remasked, reopened: false };
    }
    this.rejections++;
    this.banned.set(bad, (this.banned.get(bad) ?? new Set()).add(canvas[bad]));
    for (const [pos] of this.banned) if (pos > bad) this.banned.delete(pos); // their context is gone
    let reopened = false;
    const through = Math.max(blockEnd, frontier);
    for (let i = bad; i < canvas.length; i++) {
      // Past `through`, only the end-of-text padding, and only when the end it padded is undone.
      if (!writable.has(i) || canvas[i] === tokens.mask || (i >= through && !(reopened && canvas[i] === tokens.eot))) continue;
      reopened ||= canvas[i] === tokens.eot;
      canvas[i] = tokens.mask;
      remasked.push(i);
    }
    this.checked = Math.min(this.checked, bad);
    return { remasked, reopened };
  }
}

/**
 * Denoise `canvas` in place from position `start` on. `canvas` holds fixed tokens and
 * `mask` ids; yields after every step. Blocks are decoded left to right: the current block
 * is the one holding the first masked position.
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
  const writable = new Set<number>();
  for (let i = start; i < end; i++) if (canvas[i] === tokens.mask) writable.add(i);
  let masksLeft = writable.size;
  let step = 0;
  let passes = 0;
  let inView = end;
  // The dual cache, where the model has one.
  const cache = o.cache && !o.blockCausal ? model.cache : undefined;
  let cachedFor = { block: -1, view: -1 };
  const prefix = o.blockCausal ? model.prefix : undefined;
  if (o.blockCausal && !prefix) throw new Error("block-causal decoding needs a model with a prefix cache");
  // How far each slot's prefix cache reaches: always a block boundary (the request is the first block).
  const kept = [0, 0];
  const guidance = o.check ? new Guidance(o.check, canvas, start, writable, tokens) : undefined;
  let b = -1;
  let k = 0;
  let schedule: number[] = [];

  for (;;) {
    let first = start;
    while (first < end && canvas[first] !== tokens.mask) first++;
    if (first === end) break;
    o.signal?.throwIfAborted();
    if (Math.floor((first - start) / o.blockLength) !== b) {
      b = Math.floor((first - start) / o.blockLength);
      k = 0;
    }
    const lo = start + b * o.blockLength;
    const hi = Math.min(end, lo + o.blockLength);
    const positions: number[] = [];
    for (let i = lo; i < hi; i++) if (canvas[i] === tokens.mask) positions.push(i);
    if (k === 0 && stepsPerBlock) schedule = transferSchedule(positions.length, stepsPerBlock);
    const view = canvas.subarray(0, inView);
    // Each block, and each time the text shortens, starts with a full pass that refreshes the cache.
    const fresh = cachedFor.block !== b || cachedFor.view !== inView;
    cachedFor = { block: b, view: inView };
    const pass: Pass = async (ids, slot) => {
      passes++;
      if (prefix) {
        kept[slot] = o.cache === false ? 0 : Math.min(kept[slot], lo); // guidance may have masked settled text again
        for (;;) {
          const from = kept[slot];
          const next = from < start ? start : from + o.blockLength; // the end of the next settled block
          // The last settled block rides along in this block's pass where the model allows it,
          // and all the settled text not yet kept (a text handed over to write on) where it can.
          if (from === lo || (next >= lo && prefix.settles) || prefix.settlesBlocks) {
            kept[slot] = lo;
            const blocks = prefix.settlesBlocks ? blockIds(from, hi, start, o.blockLength) : undefined;
            return prefix.run(ids, from, hi, positions, slot, lo - from, blocks);
          }
          const to = Math.min(lo, next);
          await prefix.run(ids, from, to, [], slot, to - from);
          passes++;
          kept[slot] = to;
        }
      }
      if (!cache) return model.forward(ids, positions);
      return fresh ? cache.refresh(ids, positions, slot) : cache.block(ids, lo, Math.min(hi, inView), positions, slot);
    };
    const logits = await guidedLogits(pass, view, start, tokens.mask, o);
    const candidates: Candidate[] = positions.map((pos, row) => {
      const offset = row * logits.vocab;
      // The mask itself is never an answer (a model rarely proposes it, but then nothing would end).
      logits.data[offset + tokens.mask] = -Infinity;
      for (const t of guidance?.bans(pos) ?? []) logits.data[offset + t] = -Infinity;
      if (o.temperature <= 0 && o.remasking === "low_confidence") {
        const { token, p } = mostLikely(logits.data, offset, logits.vocab);
        return { pos, token, confidence: p };
      }
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
    k++;
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
    const { remasked, reopened } = guidance?.review(hi) ?? { remasked: [], reopened: false };
    masksLeft += remasked.length;
    if (reopened) inView = end;
    const stillCommitted = committed.filter((pos) => canvas[pos] !== tokens.mask);
    stillCommitted.sort((x, y) => x - y);
    yield { step: ++step, committed: stillCommitted, remasked, forwardPasses: passes, masksLeft };
  }
}
