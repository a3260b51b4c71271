"""Export a checkpoint to ONNX for the engine and check that onnxruntime agrees with PyTorch.

    python3 models/recipe/export.py --ckpt models/recipe/ckpt/last.pt --out models/unmask-tiny

Writes OUT/model.onnx (inputs `input_ids` int64 [1, seq] and `positions` int64 [n] -> `logits`
float32 [1, n, vocab], the logits at those positions only: the sampler needs them where masks are),
OUT/parity.json (fixed input ids and PyTorch's logits at a few positions: the test suite checks
that onnxruntime-node reproduces them within 1e-3) and OUT/training.json (for the model card).
"""
import base64
import argparse
import json
import os

import torch

from model import Config, Denoiser


class AtPositions(torch.nn.Module):
    """The denoiser with its vocabulary projection only where asked."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, ids, positions):
        return self.model.head(self.model.hidden(ids)[:, positions])


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
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    if args.random:
        torch.manual_seed(0)
        model = Denoiser(Config(vocab_size=args.random, n_layer=2, n_head=2, d_model=64, d_ff=128, max_len=256)).eval()
        ckpt = {"config": model.cfg.__dict__, "step": 0, "tokens_seen": 0, "wall_seconds": 0.0}
    else:
        model, ckpt = load(args.ckpt)
    onnx_path = os.path.join(args.out, "model.onnx")
    example = (torch.randint(0, model.cfg.vocab_size, (1, 64)), torch.arange(0, 64, 3))
    torch.onnx.export(
        AtPositions(model), example, onnx_path, input_names=["input_ids", "positions"], output_names=["logits"],
        dynamic_axes={"input_ids": {1: "seq"}, "positions": {0: "n"}, "logits": {1: "n"}}, opset_version=17,
    )
    log_path = os.path.join(os.path.dirname(args.ckpt or ""), "train.log.jsonl")
    last = {}
    if args.ckpt and os.path.exists(log_path):
        with open(log_path) as f:
            for line in f:
                last = json.loads(line)
    info = {
        "parameters": model.num_params(),
        "config": ckpt["config"],
        "steps": ckpt["step"],
        "tokens_seen": ckpt["tokens_seen"],
        "wall_minutes": round(ckpt["wall_seconds"] / 60, 1),
        "final_loss": last.get("loss"),
        "final_accuracy": last.get("acc"),
    }
    with open(os.path.join(args.out, "training.json"), "w") as f:
        json.dump(info, f, indent=2)
    write_parity_fixture(model, os.path.join(args.out, "parity.json"))
    print(json.dumps(info))


def write_parity_fixture(model, path, length=96, positions=(0, 1, 17, 50, 95)):
    gen = torch.Generator().manual_seed(7)
    ids = torch.randint(0, model.cfg.vocab_size, (1, length), generator=gen)
    with torch.no_grad():
        logits = model(ids)[0, list(positions)].float().numpy()
    with open(path, "w") as f:
        json.dump({"ids": ids[0].tolist(), "positions": list(positions), "vocab": model.cfg.vocab_size,
                   "logits_f32_base64": base64.b64encode(logits.tobytes()).decode()}, f)


if __name__ == "__main__":
    main()
