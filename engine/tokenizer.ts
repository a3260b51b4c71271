// Tokenising with the model folder's Hugging Face tokenizer.json.
import { Tokenizer } from "tokenizers";

export class TextCodec {
  private constructor(
    private readonly tokenizer: Tokenizer,
    /** Each id's text on its own, for drawing partly denoised canvases quickly. */
    readonly pieces: string[],
  ) {}

  static async load(path: string): Promise<TextCodec> {
    const tokenizer = Tokenizer.fromFile(path);
    const size = tokenizer.getVocabSize(true);
    const pieces = await Promise.all(Array.from({ length: size }, (_, id) => tokenizer.decode([id], false)));
    return new TextCodec(tokenizer, pieces);
  }

  get vocabSize(): number {
    return this.pieces.length;
  }

  async encode(text: string): Promise<number[]> {
    const enc = await this.tokenizer.encode(text, undefined, { addSpecialTokens: false });
    return enc.getIds();
  }

  /**
   * Ids with each token's character range [start, end) in `text` (UTF-16 units, as JavaScript
   * indexes strings). Byte-level pieces of one character share that character's range.
   */
  async encodeWithOffsets(text: string): Promise<{ ids: number[]; offsets: [number, number][] }> {
    const enc = await this.tokenizer.encode(text, undefined, { addSpecialTokens: false });
    // The tokenizer counts code points; an astral character is two UTF-16 units.
    const unit: number[] = [0];
    for (const ch of text) unit.push(unit[unit.length - 1] + ch.length);
    return { ids: enc.getIds(), offsets: enc.getOffsets().map(([a, b]) => [unit[a], unit[b]]) };
  }

  /** Exact text of a token sequence (byte-level pieces joined before UTF-8 decoding). */
  decode(ids: number[]): Promise<string> {
    return this.tokenizer.decode(ids, false);
  }
}
