"""The Unmask denoiser: a bidirectional transformer over the whole canvas, or, given a mask of
which positions may attend to which, block-causal (train.py's block diffusion).

RoPE positions, RMSNorm, SwiGLU, token embeddings tied to the output head, all weights
initialised at std 0.02 (design.md: a small embedding init and RoPE were the two things
that made masked diffusion learn on this machine). Written against PyTorch 1.13 (Debian's, which
exports the ONNX model), so attention is spelled out; on PyTorch 2 (the GPU machine) the same
product runs as fused scaled_dot_product_attention. export.py spells the same arithmetic out for
onnxruntime (`Exported`), held to this model's logits by the parity fixture.
"""
import math
from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F


FUSED_ATTENTION = hasattr(F, "scaled_dot_product_attention")


@dataclass
class Config:
    vocab_size: int = 4096
    n_layer: int = 6
    n_head: int = 4
    d_model: int = 256
    d_ff: int = 704
    max_len: int = 1024
    rope_base: float = 10000.0


class RMSNorm(nn.Module):
    def __init__(self, d, eps=1e-6):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(d))

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


def rope_tables(cfg):
    """cos and sin of shape (max_len, head_dim), rotating half-dimension pairs."""
    hd = cfg.d_model // cfg.n_head
    inv = 1.0 / (cfg.rope_base ** (torch.arange(0, hd, 2).float() / hd))
    ang = torch.outer(torch.arange(cfg.max_len).float(), inv)
    ang = torch.cat([ang, ang], dim=-1)
    return ang.cos(), ang.sin()


def rotate(x, cos, sin, half):
    """RoPE on x (..., 2 * half); `half` a plain int, so the export slices at constants."""
    x1, x2 = x[..., :half], x[..., half:]
    return x * cos + torch.cat([-x2, x1], dim=-1) * sin


class Block(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.n_head = cfg.n_head
        self.head_dim = cfg.d_model // cfg.n_head
        self.d_ff = cfg.d_ff
        self.norm1 = RMSNorm(cfg.d_model)
        self.qkv = nn.Linear(cfg.d_model, 3 * cfg.d_model, bias=False)
        # QK-norm: without it the attention logits grew to 40-80 within a few hundred steps and
        # attention collapsed onto a few far positions (entropy ~1 nat), so masked positions
        # never learned to read their neighbours and accuracy stalled near the token marginals.
        self.q_norm = RMSNorm(cfg.d_model // cfg.n_head)
        self.k_norm = RMSNorm(cfg.d_model // cfg.n_head)
        self.proj = nn.Linear(cfg.d_model, cfg.d_model, bias=False)
        self.norm2 = RMSNorm(cfg.d_model)
        self.gate_up = nn.Linear(cfg.d_model, 2 * cfg.d_ff, bias=False)
        self.down = nn.Linear(cfg.d_ff, cfg.d_model, bias=False)

    def forward(self, x, cos, sin, context=None, allowed=None):
        """x (B, T, C) -> (x, keys, values); keys and values (B, H, T, hd) are this block's for x's
        tokens. `context`: (keys, values) of other positions that x's tokens also attend to.
        `allowed`: bool (B, 1, T, T), which tokens each token may attend to (default: all)."""
        hd = self.head_dim
        q, k, v = self.qkv(self.norm1(x)).view(x.shape[0], -1, 3 * self.n_head, hd).transpose(1, 2).split(self.n_head, dim=1)
        q, k = rotate(self.q_norm(q), cos, sin, hd // 2), rotate(self.k_norm(k), cos, sin, hd // 2)
        parts = [(k, v)] if context is None else [context, (k, v)]
        if FUSED_ATTENTION:
            keys, values = (torch.cat(p, 2) for p in zip(*parts))
            # Under autocast the normed q and k are fp32 and v is bf16: one dtype, so the fused kernel runs.
            y = F.scaled_dot_product_attention(q.to(values.dtype), keys.to(values.dtype), values, attn_mask=allowed)
        else:
            # Part by part, as export.py's graph does: the context's keys and values are never
            # copied into one tensor with the tokens' own.
            scores = torch.cat([q @ keys.transpose(-2, -1) for keys, _ in parts], -1) * (1.0 / math.sqrt(hd))
            if allowed is not None:
                scores = scores.masked_fill(~allowed, float("-inf"))
            weights = torch.softmax(scores, dim=-1)
            split = weights.split([keys.shape[2] for keys, _ in parts], -1)
            y = sum(w @ values for w, (_, values) in zip(split, parts))
        y = y.transpose(1, 2).flatten(2)
        x = x + self.proj(y)
        gate_up = self.gate_up(self.norm2(x))
        gate, up = gate_up[..., : self.d_ff], gate_up[..., self.d_ff :]
        return x + self.down(F.silu(gate) * up), k, v


class Denoiser(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        self.embed = nn.Embedding(cfg.vocab_size, cfg.d_model)
        self.blocks = nn.ModuleList(Block(cfg) for _ in range(cfg.n_layer))
        self.norm = RMSNorm(cfg.d_model)
        cos, sin = rope_tables(cfg)
        self.register_buffer("cos", cos, persistent=False)
        self.register_buffer("sin", sin, persistent=False)
        for m in self.modules():
            if isinstance(m, (nn.Linear, nn.Embedding)):
                nn.init.normal_(m.weight, std=0.02)

    def hidden(self, ids, position_ids=None, allowed=None):
        """ids (B, T) -> final hidden states (B, T, d_model); `allowed` as in Block.forward."""
        if position_ids is None:
            position_ids = torch.arange(ids.shape[1], device=ids.device)
        return self.hidden_and_cache(ids, position_ids, allowed=allowed)[0]

    def hidden_and_cache(self, ids, position_ids, context=None, allowed=None):
        """Tokens `ids` (B, T) at canvas positions `position_ids` (T, or B x T) -> final hidden states, and
        every layer's keys and values for them, stacked (n_layer, B, H, T, hd): the engine keeps
        these for settled text. `context`: per layer (keys, values) of the rest of the canvas,
        computed earlier, that the tokens attend to as well (Fast-dLLM's dual cache)."""
        cos, sin = self.cos[position_ids], self.sin[position_ids]
        if position_ids.dim() == 2:  # positions per row (B, T): broadcast over the heads
            cos, sin = cos[:, None], sin[:, None]
        x = self.embed(ids)
        keys, values = [], []
        for i, block in enumerate(self.blocks):
            x, k, v = block(x, cos, sin, None if context is None else context[i], allowed)
            keys.append(k)
            values.append(v)
        return self.norm(x), torch.stack(keys), torch.stack(values)

    def head(self, h):
        """Hidden states -> logits over the vocabulary (tied to the embedding)."""
        return h @ self.embed.weight.t()

    def forward(self, ids):
        """ids (B, T) -> logits (B, T, vocab) for every position."""
        return self.head(self.hidden(ids))

    def num_params(self):
        return sum(p.numel() for p in self.parameters())
