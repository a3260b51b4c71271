// The engine's front door: a model folder loaded once, and generation from a
// request as a stream of frames ending in the finished artifact.
import { conditioningText, type Conversation } from "./chat-template.ts";
import { EngineInputError } from "./errors.ts";
import { MASK_GLYPH } from "./glyph.ts";
import { readModelFolder, type Manifest } from "./manifest.ts";
import { denoise, logProbability, type Remasking, type SamplerOptions } from "./sampler.ts";
import { DenoiserSession } from "./session.ts";
import { Rng } from "./random.ts";
import { firstGarbledTag } from "./markup-check.ts";
import { GUARD_BEFORE_REPAIR, MAX_FAILED_REPAIRS, MAX_REPAIRS, mended, repairEdit, tidy } from "./repair.ts";
import { firstRedeclaredFunction, firstScriptMistake, scriptCheck } from "./script-guard.ts";
import { TextCodec } from "./tokenizer.ts";
import { palette, paletteAgainstRequest } from "./asked-theme.ts";
import { firstMissingEntry } from "./missing-entry.ts";
import { firstMissingMethod } from "./missing-method.ts";
import { firstUnheardKeys } from "./unheard-keys.ts";
import { firstUnwiredButton } from "./unwired-button.ts";
import { firstUnwrittenOutput } from "./unwritten-output.ts";
import type { Unwritten } from "./unwritten.ts";


/** writeMissing: the most parts it tries. */
const MAX_UNWRITTEN = 5;
/** askedTheme: the most palettes it has the model write (each dark about one time in four or five). */
const THEME_TRIES = 10;

/** fitLength: how sure the model must be that the text has ended, and the room left past that point. */
const LENGTH_CONFIDENCE = 0.9;
const LENGTH_MARGIN = 32;

export interface GenerateOptions {
  genLength?: number;
  blockLength?: number;
  steps?: number;
  threshold?: number;
  remasking?: Remasking;
  temperature?: number;
  topP?: number;
  cfgScale?: number;
  /** Generate: cut the canvas to the length the model predicts for the answer first (one extra pass). */
  predictLength?: boolean;
  /** The model's cache: a block-causal model's exact prefix cache (on unless false), or a bidirectional one's dual cache, faster steps that read settled text one block old. */
  cache?: boolean;
  /**
   * Guided decoding by script-guard.ts: a token that breaks the app's script (syntax, an unknown
   * element id, an undeclared name) is banned there and the text from it written again; and, for
   * a block-causal model, repair afterwards where the finished app still goes wrong (repair.ts),
   * which then takes the ids and names (GUARD_BEFORE_REPAIR). On by default.
   */
  syntaxGuard?: boolean;
  /**
   * Generate, where the app is repaired (see syntaxGuard): if its scripts still go wrong after
   * the repair (or it declares a function twice, or garbles a tag), write it once more at a more
   * careful threshold, halfway to 1, and keep whichever goes wrong less. On by default.
   */
  rewrite?: boolean;
  seed?: number;
}

/** A region of a text to regenerate: characters [start, end), refilled with `length` tokens (default: as many as it has now). */
export interface InfillSpan {
  start: number;
  end: number;
  length?: number;
}

/** What the engine is asked to do; every kind streams the same frames. */
export type Job =
  | { kind: "generate"; conversation: Conversation }
  /** Regenerate the spans of `text`, keeping the rest: masked infilling, with context on both sides. */
  | { kind: "infill"; text: string; spans: InfillSpan[]; request?: string }
  /** Re-mask a `strength` fraction of the artifact's tokens and denoise them again, for the request. */
  | { kind: "refine"; artifact: string; request: string; strength: number }
  /** Write on from the end of `text`, at most `length` tokens, left to right as a generated app is written. */
  | { kind: "continue"; text: string; request: string; length: number };

/** A canvas ready to denoise: fixed tokens and masks; the text is canvas[start..]. */
interface Plan {
  canvas: Int32Array;
  start: number;
  endOfText: "truncate" | "keep";
}

export interface Stats {
  /** Tokens written (generate: up to end-of-text; infill and refine: the masked positions). */
  tokens: number;
  /** Tokens of conditioning and kept text the model read. */
  promptTokens: number;
  steps: number;
  forwardPasses: number;
  ms: number;
  firstFrameMs: number;
  tokensPerSecond: number;
  /** Tokens the syntax guard rejected (each banned at its position, the text after it written again). */
  rejections: number;
  /** Generate: edits kept after the text was written, where its scripts still went wrong (repair.ts). */
  repairs: number;
  /** Generate: 1 where the repaired app still went wrong and was written again, more carefully. */
  rewrites: number;
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
      /** Generate: true on the frames of an app written again, more carefully (GenerateOptions.rewrite). */
      rewriting?: boolean;
    }
  | { type: "done"; artifact: string; stats: Stats };

type Done = Extract<EngineEvent, { type: "done" }>;

/**
 * How badly an app goes wrong: not at all; a name or id nothing gives (one handler or lookup
 * fails), a function declared twice (the first never runs) or a garbled tag (markup-check.ts);
 * or a syntax error (no script runs).
 */
function howWrong(artifact: string): number {
  const mistake = firstScriptMistake(artifact);
  if (mistake) return mistake.kind === "syntax" ? 2 : 1;
  return firstRedeclaredFunction(artifact) || firstGarbledTag(artifact) ? 1 : 0;
}

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
      topP: o.topP,
      cfgScale: o.cfgScale ?? d.cfgScale,
      cache: o.cache ?? d.cache ?? false,
      seed: o.seed ?? 0,
      signal,
    };
  }

  generate(conversation: Conversation, options: GenerateOptions = {}, signal?: AbortSignal): AsyncGenerator<EngineEvent> {
    return this.run({ kind: "generate", conversation }, options, signal);
  }

  /**
   * Run a job. A generated app that still goes wrong after its repair is written once more at a
   * more careful threshold (GenerateOptions.rewrite): a lower threshold is faster, and now and
   * then leaves a script that fails to parse, which a more careful one would have written right.
   * The second writing's frames follow the first's, their steps and passes counted on.
   */
  async *run(job: Job, options: GenerateOptions = {}, signal?: AbortSignal): AsyncGenerator<EngineEvent> {
    const threshold = this.samplerOptions(options).threshold;
    const mayRewrite = this.willRepair(job, options) && options.rewrite !== false && options.steps === undefined && threshold !== undefined;
    let first: Done | undefined;
    for await (const e of this.write(job, options, signal)) {
      if (e.type === "done" && mayRewrite) first = e;
      else yield e;
    }
    if (!first) return;
    const wrong = howWrong(first.artifact);
    if (!wrong) {
      yield first;
      return;
    }
    const before = first.stats;
    let again: Done | undefined;
    for await (const e of this.write(job, { ...options, threshold: (1 + threshold!) / 2 }, signal)) {
      if (e.type === "done") again = e;
      else yield { ...e, step: before.steps + e.step, totalSteps: before.steps + e.totalSteps, forwardPasses: before.forwardPasses + e.forwardPasses, elapsedMs: before.ms + e.elapsedMs, rewriting: true };
    }
    // Ties go to the second writing: it was written more carefully, and it is what the frames last showed.
    const kept = howWrong(again!.artifact) <= wrong ? again! : first;
    const ms = before.ms + again!.stats.ms;
    yield {
      type: "done",
      artifact: kept.artifact,
      stats: {
        ...kept.stats,
        steps: before.steps + again!.stats.steps,
        forwardPasses: before.forwardPasses + again!.stats.forwardPasses,
        ms,
        firstFrameMs: before.firstFrameMs,
        tokensPerSecond: Math.round((kept.stats.tokens / ms) * 1000),
        rejections: before.rejections + again!.stats.rejections,
        rewrites: 1,
      },
    };
  }

  /** Whether a job's text is repaired once written: a block-causal model's generated app, with the guard on. */
  private willRepair(job: Job, options: GenerateOptions): boolean {
    return job.kind === "generate" && this.manifest.attention === "block-causal" && options.syntaxGuard !== false;
  }

  /** Write a job's text once: denoise it, then, for a generated app, repair it. */
  private async *write(job: Job, options: GenerateOptions = {}, signal?: AbortSignal): AsyncGenerator<EngineEvent> {
    const started = performance.now();
    const { mask, eot, pad } = this.manifest.tokens;
    const o = this.samplerOptions(options, signal);
    let { canvas, start, endOfText } = await this.plan(job, o);
    const predicted = job.kind === "generate" && (options.predictLength ?? this.manifest.defaults.predictLength ?? false);
    if (predicted) canvas = await this.fitLength(canvas, start);
    const toFill = canvas.subarray(start).filter((t) => t === mask).length;
    const truncate = endOfText === "truncate";

    let firstFrameMs = 0;
    let last = { step: 0, forwardPasses: 0 };
    let rejections = 0;
    // Infill and refine fill scattered masks in one block (no left-to-right order) unless asked.
    const blockLength = truncate ? o.blockLength : (options.blockLength ?? canvas.length - start);
    // Neither steps nor a threshold: one token a step, the most careful schedule (LLaDA's steps = length).
    const steps = o.steps ?? (o.threshold === undefined ? Math.ceil(toFill / blockLength) * blockLength : undefined);
    const extraPasses = predicted ? 1 : 0;
    // A block-causal model generates through its exact prefix cache unless asked not to.
    const blockCausal = truncate && this.manifest.attention === "block-causal";
    // Its app is repaired once written, which adds an element or a lookup the script used and
    // never gave (repair.ts): the guard leaves those to the repair, as banning them took the
    // statement apart (the model insists, and the markup is past).
    const repaired = this.willRepair(job, options);
    const check = options.syntaxGuard === false ? undefined : scriptCheck(this.codec.pieces, this.manifest.tokens, repaired ? GUARD_BEFORE_REPAIR : {});
    const cache = blockCausal ? (options.cache ?? true) : o.cache;
    for await (const step of denoise(this.session, canvas, start, { mask, eot }, { ...o, steps, blockLength, endOfText, check, blockCausal, cache })) {
      const s = { ...step, forwardPasses: step.forwardPasses + extraPasses };
      const elapsedMs = performance.now() - started;
      if (s.step === 1) firstFrameMs = elapsedMs;
      if (s.remasked.length) rejections++;
      last = s;
      const perStep = (toFill - s.masksLeft) / s.step;
      const totalSteps = steps ?? s.step + Math.ceil(s.masksLeft / Math.max(1, perStep));
      yield {
        type: "frame",
        step: s.step,
        totalSteps,
        committed: s.committed,
        text: this.canvasText(canvas, start, truncate),
        forwardPasses: s.forwardPasses,
        elapsedMs,
      };
    }
    let text = Array.from(canvas.subarray(start));
    if (truncate && text.includes(eot)) text = text.slice(0, text.indexOf(eot));
    const ids = text.filter((t) => t !== pad && t !== eot);
    let artifact = await this.codec.decode(ids);
    let repairs = 0;
    // A block-causal model wrote left to right, never seeing what came after: it may mend that now.
    if (repaired && job.kind === "generate") {
      const repair = this.repair(artifact, job.conversation.request, options, signal);
      for (let e = await repair.next(); ; e = await repair.next()) {
        if (e.done) {
          ({ artifact, repairs } = e.value);
          last = { step: last.step + e.value.steps, forwardPasses: last.forwardPasses + e.value.forwardPasses };
          break;
        }
        yield { ...e.value, step: last.step + e.value.step, totalSteps: last.step + e.value.totalSteps, forwardPasses: last.forwardPasses + e.value.forwardPasses, elapsedMs: performance.now() - started };
      }
    }
    // A follow-up that asks for a theme ("make it dark"): refining re-masks a third of the app, at
    // random, and seldom the palette.
    if (job.kind === "refine") {
      const themed = await this.askedTheme(artifact, job.request, options, signal);
      if (themed.artifact !== artifact) [artifact, repairs] = [themed.artifact, repairs + 1];
      last = { step: last.step + themed.steps, forwardPasses: last.forwardPasses + themed.forwardPasses };
    }
    const ms = performance.now() - started;
    // Written: a generated text's tokens, less those given before the masks (`continue`'s text).
    const tokens = truncate ? ids.length - (canvas.length - start - toFill) : toFill;
    yield {
      type: "done",
      artifact,
      stats: {
        tokens,
        promptTokens: canvas.length - toFill,
        steps: last.step,
        forwardPasses: last.forwardPasses,
        ms: Math.round(ms),
        firstFrameMs: Math.round(firstFrameMs),
        tokensPerSecond: Math.round((tokens / ms) * 1000),
        rejections,
        repairs,
        rewrites: 0,
      },
    };
  }

  /**
   * Repair (repair.ts): while the artifact's scripts go wrong, make repairEdit's edit for the
   * first mistake and refill what it masks, keeping the result only where it mended the mistake.
   * Then the parts the model left unwritten (writeMissing), the theme it left out (askedTheme),
   * and tidy. Yields the refills' frames (steps and passes counted from this repair's start);
   * returns the artifact, the edits kept, and the steps and passes spent.
   */
  async *repair(artifact: string, request: string, options: GenerateOptions = {}, signal?: AbortSignal): AsyncGenerator<EngineEvent & { type: "frame" }, { artifact: string; repairs: number; steps: number; forwardPasses: number }> {
    let spent = { steps: 0, forwardPasses: 0 };
    let repairs = 0;
    let fix = 0; // which try at the first mistake is next
    let failed = 0;
    const given: string[] = []; // names and ids given up on
    while (repairs < MAX_REPAIRS) {
      const mistake = firstScriptMistake(artifact, { given });
      if (!mistake) break;
      const edit = repairEdit(artifact, mistake, fix);
      if (!edit) {
        if (!mistake.name) break; // a syntax error: nothing after it runs, so nothing else to mend
        given.push(mistake.name); // a name read in a click handler breaks only that handler
        fix = 0;
        continue;
      }
      const refills = "spans" in edit && edit.spans.length > 0;
      if (refills && failed >= MAX_FAILED_REPAIRS) {
        fix++; // the model's time is spent; rule-made tries go on
        continue;
      }
      let refilled = artifact;
      const before = spent;
      try {
        if ("choices" in edit) {
          const choice = await this.likeliest(edit.choices, request);
          refilled = choice.text;
          spent = { steps: before.steps, forwardPasses: before.forwardPasses + choice.forwardPasses };
        } else {
          refilled = edit.text;
          if (refills) {
            for await (const e of this.run({ kind: "infill", text: edit.text, spans: edit.spans, request }, { ...options, syntaxGuard: false }, signal)) {
              if (e.type === "frame") yield { ...e, step: before.steps + e.step, totalSteps: before.steps + e.totalSteps, forwardPasses: before.forwardPasses + e.forwardPasses };
              else {
                refilled = e.artifact;
                spent = { steps: before.steps + e.stats.steps, forwardPasses: before.forwardPasses + e.stats.forwardPasses };
              }
            }
          }
        }
      } catch (e) {
        // An edit that grew the app past the model's canvas: the model cannot read it whole.
        if (!(e instanceof EngineInputError)) throw e;
        refilled = artifact;
      }
      if (mended(artifact, mistake, edit.end, refilled, given)) {
        artifact = refilled;
        repairs++;
        fix = 0;
      } else {
        if (refills) failed++;
        fix++;
      }
    }
    if (!firstScriptMistake(artifact, { given })) {
      const filled = await this.writeMissing(artifact, request, given, options, signal);
      artifact = filled.artifact;
      repairs += filled.written;
      spent = { steps: spent.steps + filled.steps, forwardPasses: spent.forwardPasses + filled.forwardPasses };
    }
    const themed = await this.askedTheme(artifact, request, options, signal);
    if (themed.artifact !== artifact) [artifact, repairs] = [themed.artifact, repairs + 1];
    spent = { steps: spent.steps + themed.steps, forwardPasses: spent.forwardPasses + themed.forwardPasses };
    const tidied = tidy(artifact);
    if (tidied !== artifact) [artifact, repairs] = [tidied, repairs + 1];
    return { artifact, repairs, ...spent };
  }

  /**
   * Parts the model left unwritten: an entry of a table that the markup offers as a choice
   * (missing-entry.ts), a slot the markup made and no script fills (unwritten-output.ts), a
   * method a class calls and never defines (missing-method.ts), a button no script wires
   * (unwired-button.ts), the key handler of a page whose request asks for keys and whose scripts
   * listen to none (unheard-keys.ts). Each is written by writePart, in turn.
   */
  private async writeMissing(artifact: string, request: string, given: string[], options: GenerateOptions, signal?: AbortSignal): Promise<{ artifact: string; written: number; steps: number; forwardPasses: number }> {
    const out = { artifact, written: 0, steps: 0, forwardPasses: 0 };
    const tried: string[] = [];
    const next = () =>
      firstMissingEntry(out.artifact, tried) ??
      firstUnwrittenOutput(out.artifact, tried) ??
      firstMissingMethod(out.artifact, tried) ??
      firstUnwiredButton(out.artifact, tried) ??
      firstUnheardKeys(out.artifact, request, tried);
    for (let part = next(); part && tried.length < MAX_UNWRITTEN; part = next()) {
      tried.push(part.key);
      const text = await this.writePart(out.artifact, part, { request, given, options, signal, spent: out });
      if (text !== null) [out.artifact, out.written] = [text, out.written + 1];
    }
    return out;
  }

  /**
   * The app with its palette written again where the request asks for a dark theme and the page
   * is light, or for a light one and it is dark (asked-theme.ts). The model infills the palette's
   * rule, with the app on both sides, at temperature 1, a seed a try, and the first palette that
   * reads as asked is kept, where the rest of the app is as it was and the rule stays a rule (no
   * tag in it). On a held-out chat app asked for a dark theme, 2 of 10 seeds wrote a dark palette.
   */
  private async askedTheme(artifact: string, request: string, options: GenerateOptions, signal?: AbortSignal): Promise<{ artifact: string; steps: number; forwardPasses: number }> {
    const out = { artifact, steps: 0, forwardPasses: 0 };
    const span = paletteAgainstRequest(artifact, request);
    for (let seed = 1; span && seed <= THEME_TRIES; seed++) {
      let text = artifact;
      try {
        for await (const e of this.run({ kind: "infill", text: artifact, spans: [span], request }, { ...options, temperature: 1, seed, syntaxGuard: false }, signal)) {
          if (e.type !== "done") continue;
          text = e.artifact;
          out.steps += e.stats.steps;
          out.forwardPasses += e.stats.forwardPasses;
        }
      } catch (e) {
        // An app too long for the model to read whole: its palette stays.
        if (!(e instanceof EngineInputError)) throw e;
        return out;
      }
      const written = palette(text);
      const restKept = written && text.slice(0, written.start) === artifact.slice(0, span.start) && text.slice(written.end) === artifact.slice(span.end);
      if (written?.dark === span.dark && restKept && !/[<>]/.test(text.slice(written.start, written.end))) return { ...out, artifact: text };
    }
    return out;
  }

  /**
   * `artifact` with `part` written, or null where the model did not write it whole. At each of
   * its places in turn, the model writes on from its lead, reading the text before it as it did
   * when it wrote the app (`continue`). The part is kept where it is complete, the scripts still
   * parse and read nothing undeclared, and it calls no method the class lacks: a fresh drawing
   * app's Undo button got `() => this.undo()`, and the `undo` the model then wrote resized the
   * canvas.
   */
  private async writePart(artifact: string, part: Unwritten, c: { request: string; given: string[]; options: GenerateOptions; signal?: AbortSignal; spent: { steps: number; forwardPasses: number } }): Promise<string | null> {
    const missing: string[] = []; // the methods missing before
    for (let m = firstMissingMethod(artifact); m; m = firstMissingMethod(artifact, missing)) missing.push(m.key);
    for (const { at, lead } of part.places) {
      const before = artifact.slice(0, at) + lead;
      let written = "";
      try {
        for await (const e of this.run({ kind: "continue", text: before, request: c.request, length: part.room }, c.options, c.signal)) {
          if (e.type !== "done") continue;
          if (e.artifact.startsWith(before)) written = e.artifact.slice(before.length);
          c.spent.steps += e.stats.steps;
          c.spent.forwardPasses += e.stats.forwardPasses;
        }
      } catch (e) {
        // An app too long for the model to read with the part's room: left as it is.
        if (!(e instanceof EngineInputError)) throw e;
      }
      const piece = part.end(written);
      if (piece === null) continue;
      const text = before + piece + artifact.slice(at);
      if (!firstScriptMistake(text, { given: c.given }) && !firstMissingMethod(text, missing)) return text;
    }
    return null;
  }

  /**
   * Of texts that differ at their `spans`, the one the model finds likeliest, as a masked
   * language model scores a choice: each text's tokens at its spans masked in one pass over the
   * whole text (with the request), and the log-probabilities of its own tokens there summed.
   * A choice of one costs no pass.
   */
  private async likeliest(choices: { text: string; spans: [number, number][] }[], request: string): Promise<{ text: string; forwardPasses: number }> {
    if (choices.length === 1) return { text: choices[0].text, forwardPasses: 0 };
    const { mask, eot } = this.manifest.tokens;
    const prompt = await this.codec.encode(conditioningText(this.manifest.chatTemplate, { request }));
    let best = { text: choices[0].text, score: -Infinity };
    for (const { text, spans } of choices) {
      const { ids, offsets } = await this.codec.encodeWithOffsets(text);
      if (prompt.length + ids.length + 1 > this.manifest.maxSequenceLength) throw new EngineInputError(`the text is too long to score: ${prompt.length + ids.length + 1} tokens`);
      const masked = ids.flatMap((_, i) => (spans.some(([a, b]) => offsets[i][0] < b && offsets[i][1] > a) ? [prompt.length + i] : []));
      const canvas = Int32Array.from([...prompt, ...ids, eot]);
      for (const p of masked) canvas[p] = mask;
      const logits = await this.session.forward(canvas, masked);
      const score = masked.reduce((sum, p, row) => sum + logProbability(logits, row, ids[p - prompt.length]), 0);
      if (score > best.score) best = { text, score };
    }
    return { text: best.text, forwardPasses: choices.length };
  }

  /**
   * The canvas cut to the length the model expects its answer to need. One pass over the
   * all-masked canvas gives, at each position, the chance that the text has ended there; the
   * canvas keeps room up to where that first reaches LENGTH_CONFIDENCE, and a margin. Training
   * rows were padded to about their own length, so a canvas near the answer's length is closer to
   * what the model learned (and cheaper a pass); the text still ends at its first end-of-text.
   */
  private async fitLength(canvas: Int32Array, start: number): Promise<Int32Array> {
    const { eot } = this.manifest.tokens;
    const positions = Array.from({ length: canvas.length - start }, (_, i) => start + i);
    const logits = await this.session.forward(canvas, positions);
    const ended = positions.findIndex((_, row) => Math.exp(logProbability(logits, row, eot)) >= LENGTH_CONFIDENCE);
    return ended < 0 ? canvas : canvas.slice(0, Math.min(canvas.length, start + ended + LENGTH_MARGIN));
  }

  /** The canvas for a job: the conditioning, then the text to denoise, masked where it is to be written. */
  private async plan(job: Job, o: { genLength: number; seed: number }): Promise<Plan> {
    const { mask, eot } = this.manifest.tokens;
    const max = this.manifest.maxSequenceLength;
    const request = job.kind === "generate" ? job.conversation.request : (job.request ?? "");
    const prompt = await this.codec.encode(conditioningText(this.manifest.chatTemplate, job.kind === "generate" ? job.conversation : { request }));
    let text: number[];
    if (job.kind === "generate") {
      text = new Array<number>(Math.min(o.genLength, max - prompt.length)).fill(mask);
      if (text.length <= 0) throw new EngineInputError(`the request is too long: ${prompt.length} tokens of ${max}`);
    } else if (job.kind === "continue") {
      text = [...(await this.codec.encode(job.text)), ...new Array<number>(job.length).fill(mask)];
    } else if (job.kind === "infill") {
      text = await this.maskSpans(job.text, job.spans);
    } else {
      text = await this.codec.encode(job.artifact);
      const rng = new Rng(o.seed);
      for (let i = 0; i < text.length; i++) if (rng.chance(job.strength)) text[i] = mask;
    }
    const writesOn = job.kind === "generate" || job.kind === "continue";
    if (!writesOn) text.push(eot); // the document ends here, as every training row did
    const canvas = Int32Array.from([...prompt, ...text]);
    if (canvas.length > max) throw new EngineInputError(`the text is too long: ${canvas.length} tokens with the request, of ${max}`);
    return { canvas, start: prompt.length, endOfText: writesOn ? "truncate" : "keep" };
  }

  /**
   * The text's tokens with each span replaced by masks. The model learned infilling on whole
   * texts' tokens, so the text keeps its own tokenization and a span masks the tokens it
   * touches: a selection is widened to whole tokens (often by the space before its first
   * word). Encoding the pieces around a span apart gives the model tokens it rarely saw there
   * (a line's indent splits differently): it refilled 4 of 29 lines of a working app exactly
   * that way, and 27 of 29 this way. Only an insertion point within a token splits that token.
   */
  private async maskSpans(text: string, spans: InfillSpan[]): Promise<number[]> {
    const { mask } = this.manifest.tokens;
    const masks = (n: number) => {
      if (n < 1) throw new EngineInputError(`a span must be refilled with at least one token`);
      return new Array<number>(n).fill(mask);
    };
    const { ids, offsets } = await this.codec.encodeWithOffsets(text);
    const out: number[] = [];
    let next = 0; // the first token of `ids` not yet placed
    let at = 0;
    for (const s of [...spans].sort((a, b) => a.start - b.start)) {
      if (s.start < at || s.end < s.start || s.end > text.length) throw new EngineInputError(`bad span [${s.start}, ${s.end}) in a text of ${text.length} characters`);
      at = s.end;
      // The tokens the span touches: [lo, hi).
      let lo = next;
      while (lo < ids.length && offsets[lo][1] <= s.start) lo++;
      let hi = lo;
      while (hi < ids.length && offsets[hi][0] < s.end) hi++;
      out.push(...ids.slice(next, lo));
      if (s.start === s.end && lo < ids.length && offsets[lo][0] < s.start) {
        // An insertion point within token `lo`: its text on each side of the point, apart.
        out.push(...(await this.codec.encode(text.slice(offsets[lo][0], s.start))), ...masks(s.length ?? 0));
        out.push(...(await this.codec.encode(text.slice(s.start, offsets[lo][1]))));
        next = lo + 1;
      } else if (hi > lo || s.start === s.end) {
        out.push(...masks(s.length ?? hi - lo));
        next = hi;
      } // else: the span lies in a token the span before it already masked
    }
    out.push(...ids.slice(next));
    return out;
  }

  /** A partly denoised canvas as text from `start` (to the first end-of-text when `truncate`). */
  private canvasText(canvas: Int32Array, start: number, truncate: boolean): string {
    const { mask, eot, pad } = this.manifest.tokens;
    let text = "";
    for (let i = start; i < canvas.length; i++) {
      const t = canvas[i];
      if (t === eot && truncate) break;
      if (t !== pad && t !== eot) text += t === mask ? MASK_GLYPH : this.codec.pieces[t];
    }
    return text;
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}
