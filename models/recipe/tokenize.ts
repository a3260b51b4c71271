// npx tsx models/recipe/tokenize.ts --corpus models/corpus/out/corpus.jsonl [--corpus more.jsonl] --model models/unmask-tiny --out models/recipe/work/tokens
// Turns the corpus into token ids for training, with the shipped tokenizer.json and
// the engine's own chat template: DIR/{train,heldout}.bin (uint16 ids) and .idx
// (int32 triples: start, request length, response length), plus meta.json. An edit
// pair becomes a second example: (artifact + follow-up request) -> the changed app. With
// --decisions, also DIR/{train,heldout}.decisions: int32 offsets into .bin of the tokens where
// the request decides the app (models/corpus/decisions.ts), which train.py --decision-weight weighs.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { conditioningText, type Conversation } from "../../engine/chat-template.ts";
import { readModelFolder } from "../../engine/manifest.ts";
import { TextCodec } from "../../engine/tokenizer.ts";
import { decisionPoints } from "../corpus/decisions.ts";
import { FAMILIES } from "../corpus/families/index.ts";
import { redraw } from "../corpus/generate.ts";

const { values } = parseArgs({
  options: {
    corpus: { type: "string", multiple: true },
    model: { type: "string" },
    out: { type: "string" },
    /** Leave the edit pairs out (they cost twice a plain row: the artifact is in the request). */
    "skip-edits": { type: "boolean", default: false },
    /** Mark the tokens where the request decides each app (the corpus is drawn again from its ids). */
    decisions: { type: "boolean", default: false },
  },
});
const folder = readModelFolder(values.model!);
const { manifest } = folder;
const codec = await TextCodec.load(folder.tokenizerPath);
const rows = values.corpus!.flatMap((file) => readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l)));

const splits: Record<string, { ids: number[]; index: number[]; decisions: number[] }> = {
  train: { ids: [], index: [], decisions: [] },
  heldout: { ids: [], index: [], decisions: [] },
};
let dropped = 0;
let appTokens = 0;
let appChars = 0;
const lengths: number[] = [];
/**
 * Adds one example, unless it does not fit the canvas; `decidedAt`: characters of `html` whose
 * tokens are marked as decisions. Returns the app's length in tokens, added or not.
 */
async function add(split: string, conversation: Conversation, html: string, decidedAt: number[] = []): Promise<number> {
  const prompt = await codec.encode(conditioningText(manifest.chatTemplate, conversation));
  const { ids: response, offsets } = await codec.encodeWithOffsets(html);
  if (prompt.length + response.length + 1 > manifest.maxSequenceLength) {
    dropped++;
    return response.length;
  }
  const s = splits[split];
  const answerStart = s.ids.length + prompt.length;
  // The token holding each decided character: the first whose range ends past it.
  const tokens = new Set(decidedAt.map((c) => offsets.findIndex(([, end]) => end > c)).filter((k) => k >= 0));
  s.decisions.push(...[...tokens].sort((a, b) => a - b).map((k) => answerStart + k));
  s.index.push(s.ids.length, prompt.length, response.length + 1);
  s.ids.push(...prompt, ...response, manifest.tokens.eot);
  return response.length;
}

/** The characters where the request decides a corpus app, from its options drawn again. */
function decidedAt(r: { id: string; html: string }): number[] {
  const drawn = redraw(r.id, FAMILIES);
  if (drawn.sample.html !== r.html) throw new Error(`${r.id}: the corpus file was built by another version of the corpus generator`);
  return decisionPoints(drawn.family, drawn);
}

let edits = 0;
for (const r of rows) {
  const length = await add(r.split, { request: r.prompt }, r.html, values.decisions ? decidedAt(r) : []);
  appTokens += length;
  appChars += r.html.length;
  lengths.push(length);
  if (r.edit && !values["skip-edits"]) {
    await add(r.split, { request: r.edit.request, artifact: r.html }, r.edit.html);
    edits++;
  }
}
mkdirSync(values.out!, { recursive: true });
for (const [name, s] of Object.entries(splits)) {
  writeFileSync(join(values.out!, `${name}.bin`), Buffer.from(new Uint16Array(s.ids).buffer));
  writeFileSync(join(values.out!, `${name}.idx`), Buffer.from(new Int32Array(s.index).buffer));
  if (values.decisions) writeFileSync(join(values.out!, `${name}.decisions`), Buffer.from(new Int32Array(s.decisions).buffer));
}
lengths.sort((a, b) => a - b);
const meta = {
  vocab_size: codec.vocabSize,
  max_len: manifest.maxSequenceLength,
  mask: manifest.tokens.mask,
  eot: manifest.tokens.eot,
  pad: manifest.tokens.pad,
  edits,
  examples: { train: splits.train.index.length / 3, heldout: splits.heldout.index.length / 3 },
  tokens: { train: splits.train.ids.length, heldout: splits.heldout.ids.length },
  dropped,
  decisions: values.decisions ? { train: splits.train.decisions.length, heldout: splits.heldout.decisions.length } : undefined,
  charsPerToken: +(appChars / appTokens).toFixed(3),
  appTokens: { p50: lengths[lengths.length >> 1], p90: lengths[Math.floor(lengths.length * 0.9)], max: lengths[lengths.length - 1] },
};
writeFileSync(join(values.out!, "meta.json"), JSON.stringify(meta, null, 2));
console.log(JSON.stringify(meta));
