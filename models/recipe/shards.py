"""Carry a checkpoint's weights between machines in small files.

    python3 models/recipe/shards.py split --ckpt OUT/last.pt --dir SHARDS   # on the GPU machine
    python3 models/recipe/shards.py join --dir SHARDS --ckpt ckpt/last.pt   # here
    python3 models/recipe/shards.py split --int8 --ckpt ckpt/last.pt --dir gpu-data/init  # to resume there

The GPU machine hands back at most 8 files of 16 MiB, so `split` writes the weights in
float16 (ample for inference and for resuming: the optimizer state is left behind and
train.py starts a fresh one) as .npz shards of at most MAX_SHARD_BYTES, plus the config,
data meta and progress counters in head.json. NumPy's format, not torch.save's, because the
two machines run PyTorch 2.11 and 1.13. `join` rebuilds a last.pt that export.py and
train.py read.

`--int8` halves that again, for the trip out: what a GPU session carries (64 MiB) must hold
the repository and the tokens as well. Each matrix is stored as int8 with a float16 scale per
row (absmax / 127); the rounding is far below what a training step changes, so a run resumed
from it picks up where the last one stopped.
"""
import argparse
import json
import os

import numpy as np
import torch

MAX_SHARD_BYTES = 15 * 2**20
SCALE = "::scale"  # suffix of an int8 matrix's per-row scales


def quantize(tensor):
    """A matrix as int8 rows and a float16 scale per row."""
    scale = tensor.abs().amax(dim=1, keepdim=True).clamp(min=1e-12) / 127
    return {"": torch.round(tensor / scale).to(torch.int8).numpy(), SCALE: scale.half().numpy()}


def split(ckpt_path, out_dir, int8=False):
    ckpt = torch.load(ckpt_path, map_location="cpu")
    os.makedirs(out_dir, exist_ok=True)
    shards, current, size = [], {}, 0
    for name, tensor in ckpt["model"].items():
        tensor = tensor.detach().cpu().float()
        parts = quantize(tensor) if int8 and tensor.dim() == 2 else {"": tensor.half().numpy()}
        nbytes = sum(a.nbytes for a in parts.values())
        if current and size + nbytes > MAX_SHARD_BYTES:
            shards.append(current)
            current, size = {}, 0
        current.update((name + suffix, array) for suffix, array in parts.items())
        size += nbytes
    shards.append(current)
    for i, shard in enumerate(shards):
        tmp = os.path.join(out_dir, f"weights-{i}.tmp.npz")
        np.savez(tmp, **shard)
        os.replace(tmp, os.path.join(out_dir, f"weights-{i}.npz"))
    head = {k: ckpt[k] for k in ("config", "meta", "step", "tokens_seen", "wall_seconds")}
    head["shards"] = len(shards)
    with open(os.path.join(out_dir, "head.json"), "w") as f:
        json.dump(head, f)


def join(in_dir, ckpt_path):
    with open(os.path.join(in_dir, "head.json")) as f:
        head = json.load(f)
    weights = {}
    for i in range(head.pop("shards")):
        with np.load(os.path.join(in_dir, f"weights-{i}.npz")) as shard:
            for name in shard.files:
                if name.endswith(SCALE):
                    continue
                array = shard[name].astype(np.float32)
                if name + SCALE in shard.files:
                    array *= shard[name + SCALE].astype(np.float32)
                weights[name] = torch.from_numpy(array)
    os.makedirs(os.path.dirname(os.path.abspath(ckpt_path)), exist_ok=True)
    torch.save({"model": weights, **head}, ckpt_path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("action", choices=["split", "join"])
    ap.add_argument("--ckpt", required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--int8", action="store_true", help="split: matrices as int8 with per-row scales")
    args = ap.parse_args()
    split(args.ckpt, args.dir, args.int8) if args.action == "split" else join(args.dir, args.ckpt)


if __name__ == "__main__":
    main()
