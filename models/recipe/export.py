"""Export a checkpoint to ONNX for the engine and check that onnxruntime agrees with PyTorch.

    python3 models/recipe/export.py --ckpt models/recipe/ckpt/last.pt --out models/unmask-tiny

Writes OUT/model.onnx (see Exported below and the `cache` part of manifest.json),
OUT/parity.json (fixed input ids and PyTorch's logits at a few positions: the test suite checks
that onnxruntime-node reproduces them within 1e-3) and OUT/training.json (for the model card).
"""
import argparse
import base64
import json
import math
import os

import torch
import torch.nn.functional as F

from model import Config, Denoiser
from train import block_causal_mask


class Exported(torch.nn.Module):
    """The denoiser as the engine runs it: tokens at given canvas positions, logits only at the
    positions asked (the vocabulary projection is the costliest layer), and every layer's keys
    and values for the tokens. Keys and values of the rest of the canvas may come in as a cache,
    one input per layer and kind ("cache_keys.3"), whose rows [context_start, context_end) are
    not read (the tokens replace them): with an empty cache
    this is one ordinary pass over the canvas; with one, a pass over just the block being
    denoised (Fast-dLLM's dual cache). The first `settled` tokens are settled text that attends
    only to the cache and to the settled tokens of its own block and those before it
    (`token_blocks`: each token's block, rising), as a clean block does in block diffusion: a
    block-causal model keeps the keys and values of the block it just settled in the pass that
    starts the next one, instead of a pass of their own, and reads a whole text it is handed
    (a `continue` job's) in one pass, not a pass a block.

    The same arithmetic as `Denoiser.hidden_and_cache`, spelled for onnxruntime's CPU, where a
    pass of 8 tokens costs as much in its small nodes as in its matrix products: one batch row
    and sizes from the config (a shape read off a tensor is a chain of nodes, every pass); q and
    k normed and rotated as one tensor of twice the heads; RoPE's rotate-half as a product with
    a fixed matrix (one node, not four); attention's 1/sqrt(head_dim) folded into q's norm
    weight. 328 nodes after onnxruntime's optimizations, against 594 for the model's own
    forward, and about 5% less time a pass. engine/parity.test.ts holds it to PyTorch's logits."""

    def __init__(self, model):
        super().__init__()
        self.model = model
        cfg = model.cfg
        self.heads, self.head_dim = cfg.n_head, cfg.d_model // cfg.n_head
        half = self.head_dim // 2
        rotation = torch.zeros(self.head_dim, self.head_dim)  # x @ rotation == cat([-x2, x1])
        rotation[half:, :half] = -torch.eye(half)
        rotation[:half, half:] = torch.eye(half)
        self.register_buffer("rotation", rotation)
        self.register_buffer("ones", torch.ones(self.head_dim))
        h, hd = self.heads, self.head_dim
        qk_weights = [torch.cat([b.q_norm.weight.expand(h, hd) / math.sqrt(hd), b.k_norm.weight.expand(h, hd)]) for b in model.blocks]
        self.register_buffer("qk_weights", torch.stack(qk_weights))

    def forward(self, ids, position_ids, positions, context_start, context_end, settled, token_blocks, *cache):
        # Each layer's cached keys and values come in as inputs of their own and are masked, not
        # sliced: onnxruntime reads them where the engine keeps them and copies nothing.
        context_rows, n_tokens = cache[0].shape[2], ids.shape[1]
        rows = torch.arange(context_rows)
        readable = (rows < context_start) | (rows >= context_end)
        n = torch.arange(n_tokens)
        # Tokens being denoised read every token; settled ones, the settled tokens of their block and before.
        among_tokens = (n[:, None] >= settled) | ((n[None, :] < settled) & (token_blocks[None, :] <= token_blocks[:, None]))
        allowed = torch.cat([readable[None, :].expand(n_tokens, -1), among_tokens], 1)
        cos, sin = self.model.cos[position_ids], self.model.sin[position_ids]
        x = self.model.embed(ids)
        keys, values = [], []
        for i, block in enumerate(self.model.blocks):
            x, k, v = self.block(i, block, x, cos, sin, cache[2 * i], cache[2 * i + 1], allowed, [context_rows, n_tokens])
            keys.append(k)
            values.append(v)
        h = self.model.norm(x[:, positions])
        return self.model.head(h), torch.stack(keys), torch.stack(values)

    def block(self, i, block, x, cos, sin, cache_k, cache_v, allowed, sizes):
        """Block.forward for one batch row; `sizes`: the cache's rows and the tokens'."""
        h, hd = self.heads, self.head_dim
        x_normed, weight = block.norm1(x), block.qkv.weight
        # q and k from a product of their own, not split off v's: onnxruntime then fuses their norm
        # into one node (it does not where the norm reads a Split), normed against a weight of ones
        # and then multiplied by each head's own weight.
        qk = F.linear(x_normed, weight[: 2 * h * hd]).view(1, -1, 2 * h, hd)
        v = F.linear(x_normed, weight[2 * h * hd :]).view(1, -1, h, hd).transpose(1, 2)
        qk = qk * torch.rsqrt(qk.pow(2).mean(-1, keepdim=True) + block.q_norm.eps) * self.ones * self.qk_weights[i]
        qk = qk.transpose(1, 2)
        q, k = (qk * cos + (qk @ self.rotation) * sin).split([h, h], dim=1)
        scores = torch.cat([q @ cache_k.transpose(-2, -1), q @ k.transpose(-2, -1)], -1).masked_fill(~allowed, float("-inf"))
        from_cache, from_tokens = torch.softmax(scores, dim=-1).split(sizes, -1)
        y = (from_cache @ cache_v + from_tokens @ v).transpose(1, 2).reshape(1, -1, h * hd)
        x = x + block.proj(y)
        gate, up = block.gate_up(block.norm2(x)).split([block.d_ff, block.d_ff], -1)
        return x + block.down(F.silu(gate) * up), k, v


def load(ckpt_path):
    ckpt = torch.load(ckpt_path, map_location="cpu")
    model = Denoiser(Config(**ckpt["config"]))
    model.load_state_dict(ckpt["model"])
    model.eval()
    return model, ckpt


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", help="a training checkpoint (last.pt)")
    ap.add_argument("--random", type=int, metavar="VOCAB", help="export a freshly initialised small model instead (tests)")
    ap.add_argument("--out", required=True, help="the model folder; its manifest.json must exist (the contract part is rewritten)")
    ap.add_argument("--fp16-weights", action="store_true", help="store the weights as float16 (half the file; "
                    "onnxruntime casts them back to float32 once, at load): the weights are rounded first, so the "
                    "parity fixture is PyTorch's logits for exactly the weights shipped")
    ap.add_argument("--canvas", type=int, help="the longest canvas to declare (default: the last training run's); "
                    "a fine-tune on shorter rows keeps the canvas its base model learned")
    args = ap.parse_args()
    if args.random:
        torch.manual_seed(0)
        model = Denoiser(Config(vocab_size=args.random, n_layer=2, n_head=2, d_model=64, d_ff=128, max_len=256)).eval()
        ckpt = {"config": model.cfg.__dict__, "step": 0, "tokens_seen": 0, "wall_seconds": 0.0}
    else:
        model, ckpt = load(args.ckpt)
    if args.fp16_weights:
        model = model.half().float()
    onnx_path = os.path.join(args.out, "model.onnx")
    cfg = model.cfg
    hd = cfg.d_model // cfg.n_head
    cache = [torch.zeros(1, cfg.n_head, 50, hd) for _ in range(2 * cfg.n_layer)]
    cache_names = [f"cache_{kind}.{i}" for i in range(cfg.n_layer) for kind in ("keys", "values")]
    example = (torch.randint(0, cfg.vocab_size, (1, 14)), torch.arange(20, 34), torch.arange(0, 14, 3), torch.tensor(20), torch.tensor(34), torch.tensor(6), torch.arange(14) // 4, *cache)
    torch.onnx.export(
        Exported(model), example, onnx_path,
        input_names=["input_ids", "position_ids", "positions", "context_start", "context_end", "settled", "token_blocks", *cache_names],
        output_names=["logits", "keys", "values"],
        dynamic_axes={"input_ids": {1: "seq"}, "position_ids": {0: "seq"}, "token_blocks": {0: "seq"}, "positions": {0: "n"}, "logits": {1: "n"},
                      "keys": {3: "seq"}, "values": {3: "seq"}, **{name: {2: "context"} for name in cache_names}},
        opset_version=17,
    )
    if args.fp16_weights:
        store_weights_fp16(onnx_path)
    log_path = os.path.join(os.path.dirname(args.ckpt or ""), "train.log.jsonl")
    last = {}
    if args.ckpt and os.path.exists(log_path):
        with open(log_path) as f:
            for line in f:
                last = json.loads(line)
    # A checkpoint recovered from an export (from_onnx.py) has no log: the base run's figures stay.
    before_path = os.path.join(args.out, "training.json")
    before = json.load(open(before_path)) if os.path.exists(before_path) else {}
    same_run = before.get("steps") == ckpt["step"]
    info = {
        "parameters": model.num_params(),
        "config": ckpt["config"],
        "steps": ckpt["step"],
        "tokens_seen": ckpt["tokens_seen"],
        "wall_minutes": round(ckpt["wall_seconds"] / 60, 1),
        "final_loss": last.get("loss", before.get("final_loss") if same_run else None),
        "final_accuracy": last.get("acc", before.get("final_accuracy") if same_run else None),
    }
    if "finetune" in ckpt:  # finetune_decisions.py's steps on top of the base run
        info["decision_finetune"] = {"steps": ckpt["finetune"]["step"], "wall_minutes": round(ckpt["finetune"]["seconds"] / 60, 1)}
    with open(os.path.join(args.out, "training.json"), "w") as f:
        json.dump(info, f, indent=2)
    # The longest canvas is the one training used (its data's max_len), not the size of the RoPE tables.
    trained_len = args.canvas or ckpt.get("meta", {}).get("max_len", model.cfg.max_len)
    write_contract(model.cfg, min(trained_len, model.cfg.max_len), os.path.join(args.out, "manifest.json"))
    write_parity_fixture(model, os.path.join(args.out, "parity.json"))
    print(json.dumps(info))


def store_weights_fp16(onnx_path):
    """Rewrite the model's float32 weights as float16 initializers, each read through a Cast back to
    float32: the arithmetic stays float32 and onnxruntime folds the casts away when it loads."""
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    model = onnx.load(onnx_path)
    graph = model.graph
    casts = []
    for init in list(graph.initializer):
        if init.data_type != TensorProto.FLOAT or np.prod(init.dims) < 1024:
            continue
        weights = numpy_helper.to_array(init)
        half = numpy_helper.from_array(weights.astype(np.float16), init.name + "_fp16")
        graph.initializer.remove(init)
        graph.initializer.append(half)
        casts.append(helper.make_node("Cast", [half.name], [init.name], to=TensorProto.FLOAT))
    nodes = casts + list(graph.node)
    del graph.node[:]
    graph.node.extend(nodes)
    onnx.checker.check_model(model)
    onnx.save(model, onnx_path)


def write_contract(cfg, max_len, manifest_path):
    """Bring the model folder's manifest in line with this export: the ONNX names (contract.json),
    the cache's shape and the longest canvas; a default canvas longer than that is shortened to fit
    (leaving room for a request). The rest (id, tokenizer, other defaults) is left as it is."""
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "contract.json")) as f:
        contract = json.load(f)
    with open(manifest_path) as f:
        manifest = json.load(f)
    contract["cache"].update(layers=cfg.n_layer, heads=cfg.n_head, headDim=cfg.d_model // cfg.n_head)
    manifest.update(contract, maxSequenceLength=max_len)
    manifest["defaults"]["genLength"] = min(manifest["defaults"]["genLength"], max_len - 64)
    with open(manifest_path, "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")


def write_parity_fixture(model, path, length=96, positions=(0, 1, 17, 50, 95), block=(40, 56), causal=(20, 8, 44)):
    """PyTorch's logits for fixed ids at a few positions, and at every position of a block
    after the ids there changed (what a cached block pass must reproduce exactly when the
    cache is fresh: the block's own keys and values are recomputed). And block diffusion's:
    with a request of causal[0] tokens and blocks of causal[1], the logits over the block from
    causal[2], half masked, as training's pass over [clean | noisy] computes them (what the
    engine's prefix cache must reproduce, block by block)."""
    gen = torch.Generator().manual_seed(7)
    ids = torch.randint(0, model.cfg.vocab_size, (1, length), generator=gen)
    changed = ids.clone()
    changed[0, block[0] : block[1]] = torch.randint(0, model.cfg.vocab_size, (block[1] - block[0],), generator=gen)
    with torch.no_grad():
        logits = model(ids)[0, list(positions)].float().numpy()
        _, keys, values = model.hidden_and_cache(ids, torch.arange(length))
        context = [tuple(torch.cat([c[i][:, :, : block[0]], c[i][:, :, block[1] :]], 2) for c in (keys, values)) for i in range(model.cfg.n_layer)]
        h, _, _ = model.hidden_and_cache(changed[:, block[0] : block[1]], torch.arange(*block), context)
        block_logits = model.head(h)[0].float().numpy()
        start, size, lo = causal
        hi = lo + size
        noisy = ids[:, :hi].clone()
        noisy[0, lo:hi:2] = 0  # the mask id
        pos = torch.arange(hi)
        block_id = torch.where(pos >= start, 1 + (pos - start).clamp(min=0) // size, 0)[None]
        h = model.hidden(torch.cat([ids[:, :hi], noisy], 1), torch.cat([pos, pos]), block_causal_mask(block_id))
        causal_logits = model.head(h[0, hi + lo :]).float().numpy()
    b64 = lambda a: base64.b64encode(a.tobytes()).decode()
    with open(path, "w") as f:
        json.dump({"ids": ids[0].tolist(), "positions": list(positions), "vocab": model.cfg.vocab_size,
                   "logits_f32_base64": b64(logits), "block": list(block), "block_ids": changed[0, block[0] : block[1]].tolist(),
                   "block_logits_f32_base64": b64(block_logits), "causal": list(causal),
                   "causal_ids": noisy[0, lo:hi].tolist(), "causal_logits_f32_base64": b64(causal_logits)}, f)


if __name__ == "__main__":
    main()
