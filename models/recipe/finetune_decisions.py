"""Fine-tune a trained denoiser where the request decides the app, cheaply enough for the CPU.

    python3 models/recipe/finetune_decisions.py --data models/recipe/work/tokens-dec2 \
        --init models/recipe/work/ckpt-init/last.pt --out models/recipe/work/ckpt-dec3 --minutes 15

The tokens where the request alone decides what comes next (the palette a dark theme asks for,
where a feature's rule or element begins; tokenize.ts --decisions marks them) are 0.75% of an
answer, and whole-app training spends its passes on the other 99.5%. Here each row is an app's
settled text, run once without gradients as the engine's prefix cache is (its request with
them), then a few of its blocks, each denoised seeing only the settled blocks before it
(block_causal_loss's state):
- decision blocks (one drawn, up to `--max-decision-blocks` - 1 before it), all masked: the
  moment the engine first meets them;
- `--plain-blocks` other blocks, masked with t ~ U(eps, 1), so the rest is not forgotten
  (see choose_blocks; a `--whole-share` of rows keep the whole app).
The loss is the 1/t-weighted cross-entropy at the masked tokens, the decision tokens' times
`--decision-weight`. `--theme-rows` adds, each step, that many short rows whose only loss is the
palette token, half of them asking for a dark theme (see theme_rows). The evaluation reports the
probability of a dark palette asked and not asked. Resumes from OUT/last.pt; the learning rate
decays over `--minutes`. What the runs gave: the recipe README, "Training the decisions on the CPU".
"""
import argparse
import json
import os
import re
import time

import numpy as np
import torch
import torch.nn.functional as F

from bpe import byte_alphabet
from model import Config, Denoiser
from train import EPS, load_split

BLOCK = 8  # the engine's block length (manifest defaults)
FAR = 1 << 20  # the block id of padding: after every real block, so no real token attends to it
# Decision tokens further into the answer than this are not drawn: a row's cost grows with the
# square of the text it keeps (48 s for 32 rows of 876 tokens against 2 s at 171, on 2 cores),
# and 80% of the tokens lie before it; a feature's first one is mostly in the style sheet.
REACH = 320


def marked_blocks(split, i):
    """The answer blocks of row i, within REACH, that hold a decision token."""
    _, index, decided = split
    start, plen, rlen = (int(v) for v in index[i])
    marks = np.flatnonzero(decided[start + plen : start + plen + min(rlen, REACH)])
    return np.unique(marks // BLOCK)


def rows_with_marks(split):
    return np.flatnonzero([marked_blocks(split, i).size for i in range(len(split[1]))])


# The palette opens every app's style sheet as one token (`:root{--bg:#0f172a;...`, or its first
# digits); a dark one starts with #0 or #1 (models/corpus/theme.ts), a light one with #f.
PALETTE = re.compile(r"^:root\{--bg:#([0-9a-f])")
ASKS_FOR_DARK = re.compile(r"\bdark (theme|mode)\b", re.I)  # models/corpus/checks.ts's asksForDark


def palette_tokens(tokenizer_path):
    """The tokenizer's palette tokens and which of them are dark: ({id: dark}, decode)."""
    with open(tokenizer_path) as f:
        vocab = json.load(f)["model"]["vocab"]
    palettes = {i: int(m.group(1), 16) < 8 for piece, i in vocab.items() if (m := PALETTE.match(piece))}
    to_byte = {c: b for b, c in byte_alphabet().items()}
    piece_of = {i: piece for piece, i in vocab.items()}
    decode = lambda ids: bytes(to_byte[c] for i in ids for c in piece_of.get(int(i), "") if c in to_byte).decode("utf-8", "replace")
    return palettes, decode


def theme_rows(split, palettes, decode, canvas, reach=120):
    """Rows whose answer opens its palette within `reach` tokens, in a block inside the `canvas`:
    (row, the palette's block, whether the request asks for a dark theme)."""
    tokens, index, _ = split
    is_palette = np.isin(tokens, np.array(sorted(palettes), dtype=tokens.dtype))
    rows = []
    for i, (start, plen, rlen) in enumerate(index):
        within = min(rlen, reach, (canvas - plen) // BLOCK * BLOCK)
        at = np.flatnonzero(is_palette[start + plen : start + plen + within])
        if at.size:
            rows.append((i, int(at[0]) // BLOCK, bool(ASKS_FOR_DARK.search(decode(tokens[start : start + plen])))))
    return rows


def theme_chosen(split, rows):
    """theme_rows' rows as make_batch's `chosen`: each kept up to its palette's block, which is its
    only chosen block (all masked: a block's first step)."""
    return [(i, int(split[1][i][0]), int(split[1][i][1]), b + 1, np.array([b]), np.array([], dtype=int)) for i, b, _ in rows]


def balanced_theme_rows(rows, n, rng):
    """n of theme_rows' rows drawn at random, half of them asking for a dark theme (13% of the
    corpus's requests do, and the palette never learned to read them)."""
    sides = [r for r in rows if r[2]], [r for r in rows if not r[2]]
    return [sides[k % 2][int(rng.integers(len(sides[k % 2])))] for k in range(n)]


def theme_loss_and_dark(model, batch, palettes):
    """Cross-entropy at the palette tokens alone, and the probability each row gives a dark one.
    The rows are short (the palette is among an answer's first 120 tokens): their settled text is
    trained too."""
    clean, clean_block, noisy, noisy_pos, noisy_block, targets, masked, _, _ = batch
    logits = chosen_block_logits(model, clean, clean_block, noisy, noisy_pos, noisy_block, masked, settled_grad=True).float()
    target = targets[masked]
    at = torch.isin(target, torch.tensor(sorted(palettes)))
    dark = torch.tensor([i for i, d in palettes.items() if d])
    return F.cross_entropy(logits[at], target[at]), torch.softmax(logits[at], -1)[:, dark].sum(-1)


def choose_blocks(split, i, plain_blocks, max_decision_blocks, canvas, rng, whole=False):
    """Row i's blocks to denoise: a block holding a decision token, drawn at random, and up to
    `max_decision_blocks` - 1 other decision blocks before it, and `plain_blocks` blocks before it
    without one. Nothing after the drawn block is read, so a row costs only its text up to there
    (half the decision tokens are within the answer's first 85; see REACH). `whole`: the whole
    answer is kept instead, and decision and plain blocks (4x as many) are drawn from all of it,
    so that training near the start does not wear away what the model writes further on.
    No block reaches past the `canvas` (the model's longest). Returns (start, request length,
    blocks of settled text to keep, decision blocks, plain blocks)."""
    start, plen, rlen = (int(v) for v in split[1][i])
    room = (canvas - plen) // BLOCK
    if whole:
        kept = min((rlen + BLOCK - 1) // BLOCK, room)
        marks = np.unique(np.flatnonzero(split[2][start + plen : start + plen + rlen]) // BLOCK)
        marks = marks[marks < kept]
        decision = rng.permutation(marks)[:max_decision_blocks]
        plain_blocks *= 4
    else:
        marks = marked_blocks(split, i)
        marks = marks[marks < room]
        last = int(rng.choice(marks))
        kept = last + 1
        decision = np.concatenate([[last], rng.permutation(marks[marks < last])[: max_decision_blocks - 1]])
    others = np.setdiff1d(np.arange(kept), marks)
    plain = rng.choice(others, min(plain_blocks, len(others)), replace=False)
    return start, plen, kept, decision.astype(int), plain


def batches(split, rows, plain_blocks, max_decision_blocks, batch_tokens, canvas, rng, whole_share=0.0):
    """Each row's chosen blocks (a `whole_share` of rows whole), the rows grouped by how much text
    they keep, each batch as many rows as fit `batch_tokens` of settled text."""
    chosen = [(i, *choose_blocks(split, i, plain_blocks, max_decision_blocks, canvas, rng, rng.random() < whole_share)) for i in rows]
    chosen.sort(key=lambda c: c[2] + c[3] * BLOCK)
    grouped = [[]]
    for c in chosen:
        if grouped[-1] and (len(grouped[-1]) + 1) * (c[2] + c[3] * BLOCK) > batch_tokens:
            grouped.append([])
        grouped[-1].append(c)
    return grouped


def make_batch(split, chosen, meta, rng, all_masked=False):
    """Clean rows (request, answer up to the last chosen block, padded with <|eot|> past the
    answer's end) with their block ids, and each row's chosen blocks as one noisy row: ids,
    positions, block ids, targets, which are masked, their t, and which are decision tokens.
    `all_masked`: the plain blocks too (evaluation)."""
    tokens, index, decided = split
    Tc = max(plen + n * BLOCK for _, _, plen, n, _, _ in chosen)
    Tn = BLOCK * max(len(m) + len(p) for *_, m, p in chosen)
    R = len(chosen)
    clean = torch.full((R, Tc), meta["eot"])
    clean_block = torch.full((R, Tc), FAR)
    noisy = torch.full((R, Tn), meta["eot"])
    noisy_pos = torch.zeros(R, Tn, dtype=torch.long)
    noisy_block = torch.full((R, Tn), -1)  # -1: filler, attends to itself only and carries no loss
    masked = torch.zeros(R, Tn, dtype=torch.bool)
    is_decision = torch.zeros(R, Tn, dtype=torch.bool)
    t = torch.ones(R, Tn)
    for r, (i, start, plen, n, marked, plain) in enumerate(chosen):
        rlen = min(int(index[i, 2]), n * BLOCK)
        clean[r, : plen + rlen] = torch.from_numpy(tokens[start : start + plen + rlen].astype(np.int64))
        clean_block[r, :plen] = 0
        clean_block[r, plen : plen + n * BLOCK] = 1 + torch.arange(n * BLOCK) // BLOCK
        row_decided = np.zeros(n * BLOCK, dtype=bool)
        row_decided[:rlen] = decided[start + plen : start + plen + rlen]
        for k, b in enumerate(list(marked) + list(plain)):
            at = slice(k * BLOCK, (k + 1) * BLOCK)
            pos = plen + b * BLOCK + torch.arange(BLOCK)
            noisy_pos[r, at], noisy_block[r, at] = pos, 1 + int(b)
            noisy[r, at] = clean[r, pos]
            block_t = 1.0 if k < len(marked) or all_masked else float(rng.uniform(EPS, 1))
            masked[r, at] = torch.from_numpy(rng.random(BLOCK) < block_t) if block_t < 1 else True
            t[r, at] = block_t
            is_decision[r, at] = torch.from_numpy(row_decided[b * BLOCK : (b + 1) * BLOCK])
    targets = noisy.clone()
    noisy[masked] = meta["mask"]
    return clean, clean_block, noisy, noisy_pos, noisy_block, targets, masked, t, is_decision


def chosen_block_logits(model, clean, clean_block, noisy, noisy_pos, noisy_block, masked, settled_grad=False):
    """Logits at the masked tokens of the chosen blocks. The settled answer's keys and values come
    from a pass without gradients (the engine's prefix cache); the request's from a pass of its
    own with gradients, since what the request asks for is what a decision token has to read.
    `settled_grad`: all the settled text with gradients, for short rows (the palette's), so that
    what the request says can reach a decision through the text between too. A clean token sees
    its block and those before it, a noisy one the request, the clean blocks before its own and
    its own noisy block."""
    Tc, P = clean.shape[1], int((clean_block == 0).sum(1).max())
    clean_allowed = (clean_block[:, None, :] <= clean_block[:, :, None])[:, None]
    to_clean = clean_block[:, None, :] < noisy_block[:, :, None]
    with torch.set_grad_enabled(settled_grad and torch.is_grad_enabled()):
        _, keys, values = model.hidden_and_cache(clean, torch.arange(Tc), allowed=clean_allowed)
    if settled_grad:
        context = list(zip(keys, values))
    else:
        _, request_keys, request_values = model.hidden_and_cache(clean[:, :P], torch.arange(P), allowed=clean_allowed[..., :P, :P])
        context = [(torch.cat([rk, k], 2), torch.cat([rv, v], 2)) for rk, k, rv, v in zip(request_keys, keys, request_values, values)]
        to_request = (clean_block[:, None, :P] == 0) & (noisy_block[:, :, None] > 0)  # a filler block (-1) sees only itself
        to_clean = torch.cat([to_request, to_clean & (clean_block[:, None, :] > 0)], -1)
    to_noisy = noisy_block[:, None, :] == noisy_block[:, :, None]
    allowed = torch.cat([to_clean, to_noisy], -1)[:, None]
    hidden, _, _ = model.hidden_and_cache(noisy, noisy_pos, context=context, allowed=allowed)
    return model.head(hidden[masked])


def loss_and_accuracies(model, batch, decision_weight):
    clean, clean_block, noisy, noisy_pos, noisy_block, targets, masked, t, is_decision = batch
    logits = chosen_block_logits(model, clean, clean_block, noisy, noisy_pos, noisy_block, masked)
    target, dec = targets[masked], is_decision[masked]
    ce = F.cross_entropy(logits.float(), target, reduction="none")
    weights = (1 + (decision_weight - 1) * dec.float()) / t[masked]
    loss = (ce * weights).sum() / (noisy_block >= 0).sum()
    right = logits.argmax(-1) == target
    return loss, right[dec].float().mean(), right[~dec].float().mean()


@torch.no_grad()
def evaluate(model, split, meta, themes=None, n_rows=96):
    """Accuracy of a block's first step (all of it masked) at the decision tokens and elsewhere,
    on the same held-out rows every time: the bdacc@1.0 / bacc@1.0 of train.py's evaluation.
    `themes` (theme_rows and palette_tokens): the mean probability of a dark palette on 64 rows
    that ask for a dark theme and 64 that do not."""
    model.eval()
    rng = np.random.default_rng(0)
    marked = rows_with_marks(split)
    rows = rng.choice(marked, min(n_rows, len(marked)), replace=False)
    decision_right, other_right = [], []
    for chosen in batches(split, rows, 4, 8, 4096, meta["max_len"], rng):
        batch = make_batch(split, chosen, meta, rng, all_masked=True)
        with torch.autocast("cpu", dtype=torch.bfloat16):
            _, d, o = loss_and_accuracies(model, batch, 1.0)
        decision_right.append(float(d))
        other_right.append(float(o))
    result = {"bdacc@1.0": round(float(np.mean(decision_right)), 4), "bacc@1.0": round(float(np.mean(other_right)), 4)}
    if themes and themes[0]:
        rows, palettes = themes
        for asked in (True, False):
            chosen = theme_chosen(split, [r for r in rows if r[2] == asked][:64])
            if not chosen:
                continue
            with torch.autocast("cpu", dtype=torch.bfloat16):
                _, dark = theme_loss_and_dark(model, make_batch(split, chosen, meta, rng), palettes)
            result[f"P(dark) {'asked' if asked else 'not asked'}"] = round(float(dark.mean()), 4)
    model.train()
    return result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True, help="tokens made with tokenize.ts --decisions")
    ap.add_argument("--init", required=True, help="the trained checkpoint to start from")
    ap.add_argument("--out", required=True)
    ap.add_argument("--minutes", type=float, default=60)
    ap.add_argument("--batch-tokens", type=int, default=6144, help="settled text a batch (rows x longest row)")
    ap.add_argument("--whole-share", type=float, default=0.2, help="share of rows kept whole (see choose_blocks)")
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("--decision-weight", type=float, default=4.0)
    ap.add_argument("--plain-blocks", type=int, default=4)
    ap.add_argument("--max-decision-blocks", type=int, default=4)
    ap.add_argument("--theme-rows", type=int, default=0, help="rows a step that train the palette alone (see theme_rows)")
    ap.add_argument("--theme-weight", type=float, default=1.0)
    ap.add_argument("--tokenizer", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "unmask-small", "tokenizer.json"))
    ap.add_argument("--eval-every", type=int, default=100)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    os.makedirs(args.out, exist_ok=True)
    ckpt_path = os.path.join(args.out, "last.pt")
    ckpt = torch.load(ckpt_path if os.path.exists(ckpt_path) else args.init, map_location="cpu")
    model = Denoiser(Config(**ckpt["config"]))
    model.load_state_dict(ckpt["model"])
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, betas=(0.9, 0.95), weight_decay=0.05)
    # Steps and seconds of fine-tuning in all (for the model card), and of this run (its schedule):
    # a run started from --init may go on from an earlier fine-tune's weights.
    fine = ckpt.get("finetune", {"step": 0, "seconds": 0.0})
    if not os.path.exists(ckpt_path):
        fine.update(run_step=0, run_seconds=0.0)
    if "finetune_optimizer" in ckpt:
        opt.load_state_dict(ckpt["finetune_optimizer"])
    with open(os.path.join(args.data, "meta.json")) as f:
        meta = json.load(f)
    train = load_split(args.data, "train", meta["max_len"])
    held = load_split(args.data, "heldout", meta["max_len"])
    marked_rows = rows_with_marks(train)
    palettes, decode = palette_tokens(args.tokenizer)
    train_themes = theme_rows(train, palettes, decode, meta["max_len"]) if args.theme_rows > 0 else []
    held_themes = (theme_rows(held, palettes, decode, meta["max_len"]), palettes)
    teach_theme = len({asked for *_, asked in train_themes}) == 2
    rng = np.random.default_rng(fine["step"])
    log = open(os.path.join(args.out, "finetune.log.jsonl"), "a")

    def save():
        ckpt.update(model=model.state_dict(), finetune=fine, finetune_optimizer=opt.state_dict())
        torch.save(ckpt, ckpt_path + ".tmp")
        os.replace(ckpt_path + ".tmp", ckpt_path)

    if fine["run_step"] == 0:
        print(json.dumps({"step": fine["step"], **evaluate(model, held, meta, held_themes)}), file=log, flush=True)
    recent, ready = [], []
    while fine["run_seconds"] < args.minutes * 60:
        lr = args.lr * min(1.0, (fine["run_step"] + 1) / args.warmup) * (1 - 0.9 * fine["run_seconds"] / (args.minutes * 60))
        for g in opt.param_groups:
            g["lr"] = lr
        if not ready:  # a pool of rows drawn at random, grouped by length
            pool = rng.choice(marked_rows, min(512, len(marked_rows)), replace=False)
            ready = batches(train, pool, args.plain_blocks, args.max_decision_blocks, args.batch_tokens, meta["max_len"], rng, args.whole_share)
            rng.shuffle(ready)
        began = time.time()
        batch = make_batch(train, ready.pop(), meta, rng)
        with torch.autocast("cpu", dtype=torch.bfloat16):
            loss, dacc, oacc = loss_and_accuracies(model, batch, args.decision_weight)
            # Beside the rows above: the palette's loss alone wrecked the model (whole-app block
            # accuracy 0.88 -> 0.60 in 200 steps), as Adam moves every weight it touches.
            theme = torch.zeros(())
            if teach_theme:
                chosen = theme_chosen(train, balanced_theme_rows(train_themes, args.theme_rows, rng))
                theme, _ = theme_loss_and_dark(model, make_batch(train, chosen, meta, rng), palettes)
        opt.zero_grad(set_to_none=True)
        loss = loss + args.theme_weight * theme
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        took = time.time() - began
        fine["step"] += 1
        fine["run_step"] += 1
        fine["seconds"] += took
        fine["run_seconds"] += took
        recent.append((float(loss), float(dacc), float(oacc), float(theme)))
        if fine["step"] % 10 == 0:
            mean = np.mean(recent, 0)
            rec = {"step": fine["step"], "loss": round(mean[0], 4), "decision_acc": round(mean[1], 4),
                   "other_acc": round(mean[2], 4), "theme_loss": round(mean[3], 4), "lr": lr, "minutes": round(fine["run_seconds"] / 60, 2)}
            print(json.dumps(rec), file=log, flush=True)
            recent = []
        if fine["step"] % args.eval_every == 0:
            save()
            print(json.dumps({"step": fine["step"], **evaluate(model, held, meta, held_themes)}), file=log, flush=True)
    save()


if __name__ == "__main__":
    main()
