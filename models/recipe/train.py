"""Train the denoiser with the masked-diffusion objective (MDLM / LLaDA instruction tuning).

    python3 models/recipe/train.py --data models/recipe/work/tokens --out models/recipe/ckpt --steps 3000

One command trains from scratch or resumes from OUT/last.pt. Each example is
[request | response | <|eot|> padding]: request tokens are never masked; every response
position (padding included, so the model learns where an app ends) is masked with
probability t ~ U(eps, 1); the loss is the cross-entropy on masked positions weighted
by 1/t, over the number of response positions. A share of rows trains infilling instead
(one span masked, with surplus <|pad|>; see INFILL_SHARE). Edit pairs from the corpus arrive
as ordinary rows whose request carries the current artifact. With --block-share, that share of
steps trains block diffusion instead (block_causal_loss): the state the engine generates in.
Runs on CUDA when present (in bfloat16 autocast, the loss and optimizer state in fp32), else on
the CPU.
"""
import argparse
import contextlib
import json
import math
import os
import time

import numpy as np
import torch
import torch.nn.functional as F

from model import Config, Denoiser

EPS = 1e-3


# Infilling (the workspace's "regenerate selection"): a share of rows (--infill-share) masks only one span
# of the answer, with context on both sides, followed by up to MAX_SURPLUS <|pad|> tokens
# that the sampler drops: a span given more masks than it needs learns to fill the rest with padding.
MAX_SPAN = 96
MAX_SURPLUS = 16


def load_split(data_dir, split, max_len):
    """Token ids, the index of rows (start, request length, response length) that fit max_len, and
    which tokens the request decides (tokenize.ts --decisions; None where the data has no such file)."""
    tokens = np.fromfile(os.path.join(data_dir, f"{split}.bin"), dtype=np.uint16)
    index = np.fromfile(os.path.join(data_dir, f"{split}.idx"), dtype=np.int32).reshape(-1, 3)
    decided = None
    if os.path.exists(os.path.join(data_dir, f"{split}.decisions")):
        decided = np.zeros(len(tokens), dtype=bool)
        decided[np.fromfile(os.path.join(data_dir, f"{split}.decisions"), dtype=np.int32)] = True
    return tokens, index[index[:, 1] + index[:, 2] <= max_len], decided


class Batches:
    """Rows padded with <|eot|> to the longest in their batch (a multiple of 64), or, a
    `long_share` of batches, to max_len: the sampler's canvas is long, so the model must see long
    end-of-text tails too (block diffusion reads no canvas beyond the text, and needs none).
    Batches come from a random pool of rows sorted by length: little padding, yet
    many families in each batch (fully length-sorted batches hold one family each, and the
    loss then swings from batch to batch)."""

    def __init__(self, tokens, index, decided, meta, batch_tokens, rng, infill_share=0.0, prefix_share=0.0, uncond_share=0.0, long_share=0.1):
        self.tokens, self.index, self.decided, self.meta, self.rng = tokens, index, decided, meta, rng
        self.batch_tokens, self.infill_share, self.prefix_share = batch_tokens, infill_share, prefix_share
        self.uncond_share, self.long_share = uncond_share, long_share
        self.pool = max(512, batch_tokens // 64)  # several batches' worth of rows per refill
        self.lengths = index[:, 1] + index[:, 2]
        self.ready = []

    def row(self, i, T):
        """One row, which of its tokens the request decides, and the region [lo, hi) that may be
        masked: the answer and its end-of-text tail; in a prefix row, the answer from a random point on (the sampler decodes block by
        block, left to right, so it asks for the next tokens with none of the text to their right
        known, a state uniform masking rarely shows); in an infilling row, one span of the answer
        and its surplus padding."""
        start, plen, rlen = self.index[i]
        ids = self.tokens[start : start + plen + rlen].astype(np.int64)
        decided = self.decided[start : start + plen + rlen] if self.decided is not None else np.zeros(len(ids), dtype=bool)
        lo, hi = plen, T
        if rlen > 1 and self.rng.random() < self.prefix_share:
            lo = plen + int(self.rng.integers(0, rlen))  # the answer up to lo is settled, as in block-wise decoding
        elif rlen > 2 and self.rng.random() < self.infill_share:
            span = int(self.rng.integers(1, min(MAX_SPAN, rlen - 1) + 1))
            a = plen + int(self.rng.integers(0, rlen - span))  # the closing <|eot|> stays visible
            surplus = min(int(self.rng.integers(0, MAX_SURPLUS + 1)), T - len(ids))
            ids = np.concatenate([ids[: a + span], np.full(surplus, self.meta.get("pad", 2)), ids[a + span :]])
            decided = np.concatenate([decided[: a + span], np.zeros(surplus, dtype=bool), decided[a + span :]])
            lo, hi = a, a + span + surplus
        if self.rng.random() < self.uncond_share:
            # The request masked out: the unconditional model that classifier-free guidance
            # (the sampler's cfgScale) subtracts, as LLaDA trains it.
            ids = ids.copy()
            ids[:plen] = self.meta["mask"]
        row = np.full(T, self.meta["eot"], dtype=np.int64)
        row[: len(ids)] = ids
        decided_row = np.zeros(T, dtype=bool)
        decided_row[: len(ids)] = decided
        return row, decided_row, lo, hi

    def padded(self, i):
        return min(self.meta["max_len"], int(math.ceil((self.lengths[i] + 1 + MAX_SURPLUS) / 64) * 64))

    def refill(self):
        rows = sorted(self.rng.integers(len(self.lengths), size=self.pool), key=lambda i: self.lengths[i])
        batch = []
        for i in rows:
            if batch and (len(batch) + 1) * self.padded(i) > self.batch_tokens:
                self.ready.append(batch)
                batch = []
            batch.append(int(i))
        self.ready.append(batch)
        self.rng.shuffle(self.ready)

    def next(self):
        if not self.ready:
            self.refill()
        picks = self.ready.pop()
        T = max(self.padded(i) for i in picks)
        if self.rng.random() < self.long_share:
            T = self.meta["max_len"]
            picks = picks[: max(1, self.batch_tokens // T)]
        rows, decided, lo, hi = zip(*(self.row(i, T) for i in picks))
        return torch.from_numpy(np.stack(rows)), torch.from_numpy(np.stack(decided)), torch.tensor(lo), torch.tensor(hi)


def noise_levels(B, device, gen=None):
    """t ~ U(eps, 1) per row, stratified (one per slice of [0, 1)): same expectation, far less
    variance than independent draws in a batch of a few rows (MDLM's low-discrepancy sampler)."""
    u = (torch.arange(B, device=device) + torch.rand(1, device=device, generator=gen)) / B
    return (u[torch.randperm(B, device=device, generator=gen)] * (1 - EPS) + EPS)[:, None]


def masked_loss(model, hidden, ids, masked, t, region, token_weights=None):
    """The 1/t-weighted cross-entropy at the masked positions (times `token_weights`, when given),
    over the number of positions that could have been masked. Returns (loss, accuracy at the
    masked positions of nonzero weight, number masked)."""
    # Logits only where masked: the vocabulary projection is the costliest layer.
    logits = model.head(hidden[masked])
    ce = F.cross_entropy(logits.float(), ids[masked], reduction="none")
    weights = (1.0 / t.expand(ids.shape) if token_weights is None else token_weights.to(t.device) / t)[masked]
    loss = (ce * weights).sum() / region.sum()
    counted = weights > 0
    acc = (logits.argmax(-1) == ids[masked])[counted].float().mean() if counted.any() else torch.tensor(1.0)
    return loss, acc, int(masked.sum())


def diffusion_loss(model, ids, lo, hi, mask_id, gen=None, t=None, token_weights=None):
    """MDLM loss on one batch, masking within each row's region [lo, hi)."""
    B, T = ids.shape
    device = ids.device
    t = noise_levels(B, device, gen) if t is None else t
    pos = torch.arange(T, device=device)[None, :]
    region = (pos >= lo[:, None].to(device)) & (pos < hi[:, None].to(device))
    masked = (torch.rand(B, T, device=device, generator=gen) < t) & region
    noisy = torch.where(masked, torch.full_like(ids, mask_id), ids)
    return masked_loss(model, model.hidden(noisy), ids, masked, t, region, token_weights)


def block_causal_mask(block_id):
    """Who may attend to whom in block diffusion's [clean row | noisy row] (BD3-LM): a clean token
    to the clean tokens of its block and the blocks before (what the engine's prefix cache holds);
    a noisy token to the clean blocks before its own and to its own noisy block.
    block_id (B, T) -> bool (B, 1, 2T, 2T)."""
    B, T = block_id.shape
    b = torch.cat([block_id, block_id], 1)
    noisy = (torch.arange(2 * T, device=b.device) >= T)[None, :]
    qb, kb, qn, kn = b[:, :, None], b[:, None, :], noisy[:, :, None], noisy[:, None, :]
    return torch.where(qn, (~kn & (kb < qb)) | (kn & (kb == qb)), ~kn & (kb <= qb))[:, None]


def block_causal_loss(model, ids, plen, block, mask_id, gen=None, t=None, token_weights=None):
    """Block diffusion (BD3-LM) on one batch: the answer cut into blocks of `block` tokens from its
    start (the request is block 0), every answer token masked with probability t, and each block
    denoised seeing only the clean request and clean blocks before it: the state the engine
    decodes in, block by block, with an exact cache of the settled text. One pass over
    [clean row | noisy row] (block_causal_mask) trains every block of a row at once."""
    B, T = ids.shape
    device = ids.device
    t = noise_levels(B, device, gen) if t is None else t
    pos = torch.arange(T, device=device)
    plen = plen.to(device)[:, None]
    answer = pos[None, :] >= plen
    block_id = torch.where(answer, 1 + (pos[None, :] - plen).clamp(min=0) // block, 0)
    masked = (torch.rand(B, T, device=device, generator=gen) < t) & answer
    noisy = torch.where(masked, torch.full_like(ids, mask_id), ids)
    hidden = model.hidden(torch.cat([ids, noisy], 1), torch.cat([pos, pos]), block_causal_mask(block_id))[:, T:]
    return masked_loss(model, hidden, ids, masked, t, answer, token_weights)


@torch.no_grad()
def evaluate(model, batches, meta, device, n=6, block=0):
    """Masked-token accuracy on held-out apps at a few fixed noise levels; with `block`, of block
    diffusion in blocks of that size (bacc@1.0: a block's first step, nothing of it known; bdacc@1.0:
    the same at the tokens where the request decides the app, where the data marks them)."""
    model.eval()
    gen = torch.Generator(device=device).manual_seed(0)
    out = {}
    for t in (0.5, 1.0) if block else (0.1, 0.3, 0.6, 0.9):
        accs, decided_accs = [], []
        for _ in range(n):
            ids, decided, lo, hi = batches.next()
            tt = torch.full((ids.shape[0], 1), t, device=device)
            if block:
                _, acc, _ = block_causal_loss(model, ids.to(device), lo, block, meta["mask"], gen, tt)
                if t == 1.0 and decided.any():  # every answer token masked: the same pass, counted at the decisions
                    _, dacc, _ = block_causal_loss(model, ids.to(device), lo, block, meta["mask"], gen, tt, decided.float())
                    decided_accs.append(float(dacc))
            else:
                _, acc, _ = diffusion_loss(model, ids.to(device), lo, hi, meta["mask"], gen, tt)
            accs.append(float(acc))
        out[f"{'b' if block else ''}acc@{t}"] = round(sum(accs) / len(accs), 4)
        if decided_accs:
            out[f"bdacc@{t}"] = round(sum(decided_accs) / len(decided_accs), 4)
    model.train()
    return out


def lr_at(step, progress, args):
    """Warm-up, a constant peak, then a linear decay to a tenth over the last `decay` of the run.
    progress in [0, 1] is how far the run is, by steps or by the --minutes budget, whichever is further."""
    if step < args.warmup:
        return args.lr * (step + 1) / args.warmup
    into_decay = (progress - (1 - args.decay)) / args.decay
    return args.lr * (1 - 0.9 * min(1.0, max(0.0, into_decay)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--steps", type=int, default=3000)
    ap.add_argument("--batch-tokens", type=int, default=8192)
    ap.add_argument("--lr", type=float, default=1.5e-3)
    ap.add_argument("--warmup", type=int, default=100)
    ap.add_argument("--decay", type=float, default=0.2, help="fraction of steps spent decaying the learning rate")
    ap.add_argument("--minutes", type=float, default=0,
                    help="this session's time budget: stop (with a checkpoint) after it, decaying the learning rate to fit; 0: no limit")
    ap.add_argument("--ckpt-every", type=int, default=50)
    ap.add_argument("--eval-every", type=int, default=200)
    ap.add_argument("--layers", type=int, default=6)
    ap.add_argument("--d-model", type=int, default=256)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--cpu-bf16", action="store_true",
                    help="bfloat16 autocast on the CPU too (about 7x faster than float32 on a CPU with AMX)")
    ap.add_argument("--max-len", type=int, default=0,
                    help="train on a shorter canvas than the data's: rows longer than it are left out (0: the data's)")
    ap.add_argument("--infill-share", type=float, default=0.2, help="share of rows that train infilling (see MAX_SPAN)")
    ap.add_argument("--uncond-share", type=float, default=0.0, help="share of rows with the request masked out, for classifier-free guidance")
    ap.add_argument("--prefix-share", type=float, default=0.0, help="share of rows whose answer is settled up to a random point (see Batches.row)")
    ap.add_argument("--block-share", type=float, default=0.0, help="share of steps that train block diffusion (block_causal_loss)")
    ap.add_argument("--block-sizes", default="8,16,32", help="block diffusion's block sizes, one drawn per step")
    ap.add_argument("--decision-weight", type=float, default=1.0,
                    help="the loss weight of the tokens where the request decides the app (data made with tokenize.ts --decisions)")
    args = ap.parse_args()

    device = "cuda" if torch.cuda.is_available() else "cpu"
    torch.set_num_threads(args.threads)
    if device == "cuda":
        torch.backends.cuda.matmul.allow_tf32 = True
    autocast = torch.autocast(device, dtype=torch.bfloat16) if device == "cuda" or args.cpu_bf16 else contextlib.nullcontext()
    with open(os.path.join(args.data, "meta.json")) as f:
        meta = json.load(f)
    if args.max_len:
        meta["max_len"] = min(meta["max_len"], args.max_len)
    os.makedirs(args.out, exist_ok=True)
    ckpt_path = os.path.join(args.out, "last.pt")
    log = open(os.path.join(args.out, "train.log.jsonl"), "a")

    if os.path.exists(ckpt_path):
        ckpt = torch.load(ckpt_path, map_location=device)
        cfg = Config(**ckpt["config"])
    else:
        ckpt = None
        d_ff = int(round(args.d_model * 8 / 3 / 64) * 64)
        cfg = Config(vocab_size=meta["vocab_size"], n_layer=args.layers, n_head=args.heads, d_model=args.d_model, d_ff=d_ff, max_len=meta["max_len"])
    torch.manual_seed(1234)
    model = Denoiser(cfg).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, betas=(0.9, 0.95), weight_decay=0.05)
    step, tokens_seen, wall = 0, 0, 0.0
    warm_from = 0  # the step the learning-rate warm-up counts from
    if ckpt:
        model.load_state_dict(ckpt["model"])
        if "optimizer" in ckpt:  # absent in weights brought back from another machine (shards.py)
            opt.load_state_dict(ckpt["optimizer"])
        else:
            warm_from = ckpt["step"]  # a fresh optimizer warms up again: its first steps are the least sure
        step, tokens_seen, wall = ckpt["step"], ckpt["tokens_seen"], ckpt["wall_seconds"]
        print(f"resumed at step {step} ({tokens_seen} tokens, {wall / 60:.1f} min)")
    print(f"{model.num_params() / 1e6:.2f}M parameters, device {device}")

    train_split, held_split = (load_split(args.data, split, meta["max_len"]) for split in ("train", "heldout"))
    train = Batches(*train_split, meta, args.batch_tokens, np.random.default_rng(step),
                    infill_share=args.infill_share, prefix_share=args.prefix_share,
                    uncond_share=args.uncond_share)
    held = Batches(*held_split, meta, args.batch_tokens, np.random.default_rng(0))
    # Block diffusion's rows: whole answers (the blocks are its regions), no long end-of-text tails,
    # half as many tokens a batch (a row is run twice: clean and noisy).
    block_train = Batches(*train_split, meta, args.batch_tokens // 2, np.random.default_rng(step + 1),
                          uncond_share=args.uncond_share, long_share=0.0)
    block_held = Batches(*held_split, meta, args.batch_tokens // 2, np.random.default_rng(1), long_share=0.0)
    block_sizes = [int(b) for b in args.block_sizes.split(",")]
    pick = np.random.default_rng(step + 2)

    def save():
        tmp = ckpt_path + ".tmp"
        torch.save({"model": model.state_dict(), "optimizer": opt.state_dict(), "config": cfg.__dict__, "meta": meta,
                    "step": step, "tokens_seen": tokens_seen, "wall_seconds": wall}, tmp)
        os.replace(tmp, ckpt_path)

    session_start = time.time()
    t0 = time.time()
    recent = []  # (loss, accuracy) since the last log line: one batch alone is too noisy to read
    model.train()
    def progress():
        by_time = (time.time() - session_start) / 60 / args.minutes if args.minutes else 0.0
        return max(step / args.steps, by_time)

    while step < args.steps:
        lr = lr_at(step - warm_from, progress(), args)
        for g in opt.param_groups:
            g["lr"] = lr
        with autocast:
            if pick.random() < args.block_share:
                ids, decided, lo, _ = block_train.next()
                loss, acc, _ = block_causal_loss(model, ids.to(device), lo, int(pick.choice(block_sizes)), meta["mask"],
                                                 token_weights=1 + (args.decision_weight - 1) * decided.float())
            else:
                ids, decided, lo, hi = train.next()
                loss, acc, _ = diffusion_loss(model, ids.to(device), lo, hi, meta["mask"],
                                              token_weights=1 + (args.decision_weight - 1) * decided.float())
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        tokens_seen += ids.numel()
        recent.append((float(loss), float(acc)))
        now = time.time()
        wall += now - t0
        t0 = now
        if step % 10 == 0:
            rec = {"step": step, "loss": round(sum(r[0] for r in recent) / len(recent), 4),
                   "acc": round(sum(r[1] for r in recent) / len(recent), 4), "lr": lr,
                   "tokens": tokens_seen, "minutes": round(wall / 60, 2)}
            recent.clear()
            if step % args.eval_every == 0:
                with autocast:
                    rec.update(evaluate(model, held, meta, device))
                    if args.block_share:
                        rec.update(evaluate(model, block_held, meta, device, block=8))
            log.write(json.dumps(rec) + "\n")
            log.flush()
            print(json.dumps(rec), flush=True)
        out_of_time = args.minutes and (time.time() - session_start) / 60 >= args.minutes
        if step % args.ckpt_every == 0 or step == args.steps or out_of_time:
            save()
        if out_of_time:
            break
    save()
    print(f"stopped at step {step}, {tokens_seen} tokens, {wall / 60:.1f} min")


if __name__ == "__main__":
    main()
