"""Recover a training checkpoint from a shipped model folder's model.onnx.

    python3 models/recipe/from_onnx.py --model models/unmask-small --ckpt models/recipe/ckpt/last.pt

Checkpoints stay on the machine that trained them (they are not committed), but every weight
is in the exported ONNX graph: the embedding and the layers' norms under their PyTorch names,
linear layers as MatMul initializers (stored transposed, [in, out], and float16 where
export.py's --fp16-weights cast them) in the order the graph reads them. The checkpoint written has no optimizer state, so
train.py resumes it with a fresh optimizer (warming up again), as it does shards.py's. The
recovered weights are checked against the folder's parity.json before anything is written.
"""
import argparse
import base64
import json
import math
import os

import numpy as np
import onnx
import torch
from onnx import numpy_helper

from model import Config, Denoiser

def state_dict(onnx_path, cfg):
    """The Denoiser's weights, read back from export.py's `Exported` graph: per layer, in graph
    order, the matrix products q|k, v, proj, gate_up and down (stored [in, out]), and q and k's
    norm weights as one [2 * heads, head_dim] tensor (q's divided by sqrt(head_dim))."""
    graph = onnx.load(onnx_path).graph
    arrays = {i.name: numpy_helper.to_array(i).astype(np.float32) for i in graph.initializer}
    for node in graph.node:
        # float16 weights are read through a Cast to float32 (export.py); equal weights (a fresh
        # model's norms) are stored once and read through Identity nodes under the other names.
        if node.op_type in ("Cast", "Identity") and node.input[0] in arrays:
            arrays[node.output[0]] = arrays.pop(node.input[0]) if node.op_type == "Cast" else arrays[node.input[0]]
    read = lambda op: [arrays[x] for n in graph.node if n.op_type == op for x in n.input
                       if x in arrays and x not in ("rotation", "ones")]
    matmuls, norms = read("MatMul"), [a for a in read("Mul") if a.shape == (2 * cfg.n_head, cfg.d_model // cfg.n_head)]
    weights = {name[len("model."):]: torch.from_numpy(a) for name, a in arrays.items() if name.startswith("model.")}
    for i in range(cfg.n_layer):
        qk, v, proj, gate_up, down = (torch.from_numpy(a.T.copy()) for a in matmuls[5 * i : 5 * i + 5])
        weights.update({f"blocks.{i}.qkv.weight": torch.cat([qk, v]), f"blocks.{i}.proj.weight": proj,
                        f"blocks.{i}.gate_up.weight": gate_up, f"blocks.{i}.down.weight": down,
                        f"blocks.{i}.q_norm.weight": torch.from_numpy(norms[i][0] * math.sqrt(cfg.d_model // cfg.n_head)),
                        f"blocks.{i}.k_norm.weight": torch.from_numpy(norms[i][cfg.n_head])})
    return weights


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True, help="a model folder: model.onnx, training.json, parity.json")
    ap.add_argument("--ckpt", required=True, help="the checkpoint to write (last.pt)")
    args = ap.parse_args()
    with open(os.path.join(args.model, "training.json")) as f:
        info = json.load(f)
    cfg = Config(**info["config"])
    model = Denoiser(cfg).eval()
    model.load_state_dict(state_dict(os.path.join(args.model, "model.onnx"), cfg))  # strict: every weight found

    with open(os.path.join(args.model, "parity.json")) as f:
        parity = json.load(f)
    # export.py's --fp16-weights rounds the whole module, the RoPE tables (buffers, not in the
    # checkpoint) too: round them alike for the check.
    model.cos, model.sin = model.cos.half().float(), model.sin.half().float()
    with torch.no_grad():
        logits = model(torch.tensor([parity["ids"]]))[0, parity["positions"]].numpy()
    expected = np.frombuffer(base64.b64decode(parity["logits_f32_base64"]), dtype=np.float32).reshape(logits.shape)
    gap = float(np.abs(logits - expected).max())
    if gap > 1e-3:
        raise SystemExit(f"the recovered weights do not reproduce parity.json: max |diff| {gap}")

    os.makedirs(os.path.dirname(os.path.abspath(args.ckpt)), exist_ok=True)
    torch.save({"model": model.state_dict(), "config": info["config"], "meta": {"max_len": info["config"]["max_len"]},
                "step": info["steps"], "tokens_seen": info["tokens_seen"], "wall_seconds": info["wall_minutes"] * 60}, args.ckpt)
    print(f"{args.ckpt}: step {info['steps']}, parity max |diff| {gap:.2e}")


if __name__ == "__main__":
    main()
