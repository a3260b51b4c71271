"""Train a byte-level BPE tokenizer on the corpus and write it as a Hugging Face tokenizer.json.

    python3 models/recipe/bpe.py --corpus models/corpus/out/corpus.jsonl --vocab 4096 --out models/unmask-tiny/tokenizer.json

Text is first split into pieces (identifiers, numbers, punctuation runs, whitespace runs, each
with at most one leading space), the same split the tokenizer.json's Split pre-tokenizer makes;
merges never cross a piece boundary. Pieces are mapped to GPT-2's byte alphabet, so any text
round-trips. The special tokens come first, at fixed ids.
"""
import argparse
import collections
import heapq
import json
import re

SPECIAL_TOKENS = ["<|mask|>", "<|eot|>", "<|pad|>", "<|user|>", "<|assistant|>", "<|artifact|>"]
# Oniguruma (the tokenizers library) and Python's re read this pattern the same way for ASCII text.
SPLIT_PATTERN = r" ?\S+|\s+(?!\S)|\s+"


def byte_alphabet():
    """GPT-2's reversible map from the 256 bytes to printable characters."""
    keep = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    chars = keep[:]
    n = 0
    for b in range(256):
        if b not in keep:
            keep.append(b)
            chars.append(256 + n)
            n += 1
    return {b: chr(c) for b, c in zip(keep, chars)}


def train(texts, vocab_size):
    alphabet = byte_alphabet()
    split = re.compile(SPLIT_PATTERN)
    words = collections.Counter()
    for text in texts:
        for piece in split.findall(text):
            words["".join(alphabet[b] for b in piece.encode("utf-8"))] += 1
    # Each distinct piece as a list of symbols, with its count.
    seqs = [list(w) for w in words]
    counts = list(words.values())
    pairs = collections.Counter()
    where = collections.defaultdict(set)
    for i, s in enumerate(seqs):
        for a, b in zip(s, s[1:]):
            pairs[a, b] += counts[i]
            where[a, b].add(i)
    heap = [(-c, p) for p, c in pairs.items()]
    heapq.heapify(heap)
    vocab = list(SPECIAL_TOKENS) + sorted(set(alphabet.values()))
    merges = []
    while len(vocab) < vocab_size and heap:
        neg, pair = heapq.heappop(heap)
        if pairs.get(pair, 0) != -neg:  # stale entry
            if pairs.get(pair, 0) > 0:
                heapq.heappush(heap, (-pairs[pair], pair))
            continue
        if -neg < 2:
            break
        a, b = pair
        merged = a + b
        merges.append(f"{a} {b}")
        vocab.append(merged)
        changed = collections.Counter()
        for i in list(where[pair]):
            s, c = seqs[i], counts[i]
            for x, y in zip(s, s[1:]):
                pairs[x, y] -= c
                changed[x, y] += 0
            out, j = [], 0
            while j < len(s):
                if j + 1 < len(s) and s[j] == a and s[j + 1] == b:
                    out.append(merged)
                    j += 2
                else:
                    out.append(s[j])
                    j += 1
            seqs[i] = out
            for x, y in zip(out, out[1:]):
                pairs[x, y] += c
                where[x, y].add(i)
                changed[x, y] += 0
        del pairs[pair]
        where.pop(pair, None)
        for p in changed:
            if p in pairs and pairs[p] > 0:
                heapq.heappush(heap, (-pairs[p], p))
    return vocab, merges


def tokenizer_json(vocab, merges):
    added = [
        {"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": True}
        for i, t in enumerate(SPECIAL_TOKENS)
    ]
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": None,
        "pre_tokenizer": {
            "type": "Sequence",
            "pretokenizers": [
                {"type": "Split", "pattern": {"Regex": SPLIT_PATTERN}, "behavior": "Isolated", "invert": False},
                {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": False},
            ],
        },
        "post_processor": None,
        "decoder": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": False},
        "model": {
            "type": "BPE",
            "dropout": None,
            "unk_token": None,
            "continuing_subword_prefix": None,
            "end_of_word_suffix": None,
            "fuse_unk": False,
            "byte_fallback": False,
            "ignore_merges": False,
            "vocab": {t: i for i, t in enumerate(vocab)},
            "merges": merges,
        },
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--vocab", type=int, default=4096)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    texts = []
    with open(args.corpus) as f:
        for line in f:
            s = json.loads(line)
            texts += [s["prompt"], s["html"]] + ([s["edit"]["request"], s["edit"]["html"]] if s.get("edit") else [])
    vocab, merges = train(texts, args.vocab)
    with open(args.out, "w") as f:
        json.dump(tokenizer_json(vocab, merges), f, ensure_ascii=False)
    print(json.dumps({"vocab": len(vocab), "merges": len(merges), "texts": len(texts)}))


if __name__ == "__main__":
    main()
