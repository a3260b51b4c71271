"""The training objective's promises, checked on a small random model (run by recipe.test.ts).

    cd models/recipe && /usr/bin/python3 -m unittest test_train
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import numpy as np
import torch

from model import Config, Denoiser
from train import Batches, block_causal_loss, block_causal_mask, masked_loss

MASK = 0
DARK, THEME, DARK_PALETTE, LIGHT_PALETTE = 12, 13, 10, 11


def write_palette_tokenizer(path):
    """A tokenizer of 50 ids whose pieces include two palettes (dark, light) and " dark theme"."""
    vocab = {f"t{i}": i for i in range(50)}
    vocab.update({"e": 5, "Ġdark": DARK, "Ġtheme": THEME, ":root{--bg:#0f172a": DARK_PALETTE, ":root{--bg:#f4f6fb": LIGHT_PALETTE})
    vocab = {piece: i for piece, i in vocab.items() if piece not in (f"t{i}" for i in (5, DARK, THEME, DARK_PALETTE, LIGHT_PALETTE))}
    with open(path, "w") as f:
        json.dump({"model": {"vocab": vocab}}, f)


class BlockDiffusion(unittest.TestCase):
    def setUp(self):
        torch.manual_seed(0)
        self.model = Denoiser(Config(vocab_size=50, n_layer=2, n_head=2, d_model=32, d_ff=64, max_len=64)).eval()

    def test_noisy_blocks_see_what_the_engine_cache_gives_them(self):
        """Training's one pass over [clean | noisy] must give each noisy block the hidden states the
        engine computes: the request, then each settled block run against the keys and values of
        everything before it, and the block being denoised run against all of those."""
        plen, block, T = 5, 4, 19
        ids = torch.randint(3, 50, (1, T))
        noisy = ids.clone()
        noisy[0, plen:][torch.rand(T - plen) < 0.5] = MASK
        pos = torch.arange(T)
        block_id = torch.where(pos >= plen, 1 + (pos - plen).clamp(min=0) // block, 0)[None]
        with torch.no_grad():
            trained = self.model.hidden(torch.cat([ids, noisy], 1), torch.cat([pos, pos]), block_causal_mask(block_id))[0, T:]
            _, keys, values = self.model.hidden_and_cache(ids[:, :plen], pos[:plen])
            for lo in range(plen, T, block):
                hi = min(T, lo + block)
                context = [(keys[i], values[i]) for i in range(len(self.model.blocks))]
                h, _, _ = self.model.hidden_and_cache(noisy[:, lo:hi], pos[lo:hi], context)
                torch.testing.assert_close(trained[lo:hi], h[0], atol=1e-5, rtol=1e-5)
                _, k, v = self.model.hidden_and_cache(ids[:, lo:hi], pos[lo:hi], context)
                keys, values = torch.cat([keys, k], 3), torch.cat([values, v], 3)

    def test_the_loss_counts_only_masked_answer_tokens(self):
        ids = torch.randint(3, 50, (2, 16))
        loss, acc, n = block_causal_loss(self.model, ids, torch.tensor([4, 9]), 4, MASK, t=torch.ones(2, 1))
        self.assertEqual(n, (16 - 4) + (16 - 9))  # at t = 1 every answer token, no request token
        self.assertTrue(torch.isfinite(loss) and 0 <= float(acc) <= 1)

    def test_masked_loss_weights_by_one_over_t(self):
        ids = torch.randint(3, 50, (1, 8))
        masked = torch.zeros(1, 8, dtype=torch.bool)
        masked[0, 3] = True
        hidden = self.model.hidden(ids)
        region = torch.ones(1, 8, dtype=torch.bool)
        half, _, _ = masked_loss(self.model, hidden, ids, masked, torch.full((1, 1), 0.5), region)
        whole, _, _ = masked_loss(self.model, hidden, ids, masked, torch.ones(1, 1), region)
        torch.testing.assert_close(half, 2 * whole)
        heavier = torch.ones(1, 8)
        heavier[0, 3] = 5.0
        weighed, _, _ = masked_loss(self.model, hidden, ids, masked, torch.ones(1, 1), region, heavier)
        torch.testing.assert_close(weighed, 5 * whole)


class DecisionWeights(unittest.TestCase):
    def test_batches_mark_the_tokens_the_request_decides_in_every_kind_of_row(self):
        """Plain, prefix and infilling rows (whose padding shifts the answer) all mark exactly the
        tokens tokenize.ts marked, wherever they land in the row."""
        plen, rlen = 4, 60
        tokens = np.arange(10, 10 + 2 * (plen + rlen), dtype=np.uint16)  # every token distinct
        index = np.array([[0, plen, rlen], [plen + rlen, plen, rlen]], dtype=np.int32)
        decided = np.zeros(len(tokens), dtype=bool)
        decided[[5, 30, 50, plen + rlen + 7]] = True
        meta = {"max_len": 128, "mask": MASK, "eot": 1, "pad": 2}
        for kind in ({}, {"prefix_share": 1.0}, {"infill_share": 1.0}):
            batches = Batches(tokens, index, decided, meta, 4096, np.random.default_rng(0), **kind)
            for _ in range(20):
                ids, marked, _, _ = batches.next()
                for row, m in zip(ids, marked):
                    self.assertEqual({int(t) for t in row[m]}, {int(tokens[i]) for i in np.flatnonzero(decided)} & {int(t) for t in row}, kind)

    def test_the_decision_fine_tune_sees_what_block_diffusion_sees_at_the_blocks_it_picks(self):
        """finetune_decisions.py runs the settled answer once without gradients, the request apart
        with them (or all of it with them), and only the chosen blocks after it: each chosen
        block's logits must equal the full [clean | noisy] pass's (requests of different lengths
        side by side), every decision block must be all masked and marked where tokenize.ts marked
        it, and no block lies past the one drawn."""
        import finetune_decisions as fd
        torch.manual_seed(0)
        model = Denoiser(Config(vocab_size=50, n_layer=2, n_head=2, d_model=32, d_ff=64, max_len=128)).eval()
        plens, rlen = [5, 9, 3], 70
        starts = np.concatenate([[0], np.cumsum([p + rlen for p in plens])[:-1]])
        tokens = torch.randint(3, 50, (sum(plens) + 3 * rlen,)).numpy().astype(np.uint16)
        index = np.array([[s, p, rlen] for s, p in zip(starts, plens)], dtype=np.int32)
        decided = np.zeros(len(tokens), dtype=bool)
        decided[[plens[0] + 3, plens[0] + 41, starts[1] + plens[1] + 20, starts[2] + plens[2] + 66]] = True
        split, meta = (tokens, index, decided), {"mask": MASK, "eot": 1}
        self.assertEqual(list(fd.rows_with_marks(split)), [0, 1, 2])
        rng = np.random.default_rng(0)
        for chosen in fd.batches(split, [0, 1, 2, 0, 1, 2], 2, 4, 1024, 128, rng, whole_share=0.5):
            clean, clean_block, noisy, noisy_pos, noisy_block, targets, masked, t, is_decision = fd.make_batch(split, chosen, meta, rng)
            with torch.no_grad():
                logits = fd.chosen_block_logits(model, clean, clean_block, noisy, noisy_pos, noisy_block, masked)
                settled_grad = fd.chosen_block_logits(model, clean, clean_block, noisy, noisy_pos, noisy_block, masked, settled_grad=True)
            torch.testing.assert_close(settled_grad, logits, atol=1e-4, rtol=1e-4)
            seen = 0
            for r, (i, start, plen, kept, marked, plain) in enumerate(chosen):
                ids = torch.full((1, plen + kept * fd.BLOCK), 1)  # the answer, then <|eot|> to whole blocks
                ids[0, : plen + rlen] = torch.from_numpy(tokens[start : start + plen + rlen].astype(np.int64))[: plen + kept * fd.BLOCK]
                T, pos = ids.shape[1], torch.arange(ids.shape[1])
                block_id = torch.where(pos >= plen, 1 + (pos - plen).clamp(min=0) // fd.BLOCK, 0)[None]
                full_noisy = ids.clone()
                inside = noisy_pos[r][noisy_block[r] >= 0]
                full_noisy[0, inside] = noisy[r][noisy_block[r] >= 0]
                with torch.no_grad():
                    h = model.hidden(torch.cat([ids, full_noisy], 1), torch.cat([pos, pos]), block_causal_mask(block_id))[0, T:]
                where = noisy_pos[r][masked[r]]
                torch.testing.assert_close(logits[seen : seen + len(where)], model.head(h[where]), atol=1e-4, rtol=1e-4)
                seen += len(where)
                self.assertTrue(all(b < kept for b in list(marked) + list(plain)))
                whole = kept == (rlen + fd.BLOCK - 1) // fd.BLOCK
                self.assertTrue(whole or int(max(marked)) == kept - 1)
                self.assertTrue(masked[r][: fd.BLOCK * len(marked)].all())
                self.assertEqual(set(noisy_pos[r][is_decision[r]].tolist()), {p for p in np.flatnonzero(decided[start : start + plen + rlen]) if (p - plen) // fd.BLOCK in marked})
                self.assertTrue(torch.equal(targets[r][noisy_block[r] >= 0], ids[0, inside]))

    def test_the_decision_fine_tune_trains_how_the_request_is_read(self):
        """A decision token has to read the request: the loss's gradient reaches the request's
        embeddings through its keys and values, though the rest of the settled text has none."""
        import finetune_decisions as fd
        torch.manual_seed(0)
        model = Denoiser(Config(vocab_size=50, n_layer=2, n_head=2, d_model=32, d_ff=64, max_len=128))
        plen, rlen = 6, 40
        tokens = torch.randint(3, 50, (plen + rlen,)).numpy().astype(np.uint16)
        decided = np.zeros(len(tokens), dtype=bool)
        decided[plen + 20] = True
        split = (tokens, np.array([[0, plen, rlen]], dtype=np.int32), decided)
        rng = np.random.default_rng(0)
        batch = fd.make_batch(split, fd.batches(split, [0], 2, 4, 1024, 128, rng)[0][0:1], {"mask": MASK, "eot": 1}, rng)
        embedded = []
        hook = model.embed.register_forward_hook(lambda _m, _i, out: embedded.append(out) or (out.retain_grad() if out.requires_grad else None))
        loss, _, _ = fd.loss_and_accuracies(model, batch, 4.0)
        hook.remove()
        loss.backward()
        settled, request, _ = embedded  # the settled text's pass, the request's, the chosen blocks'
        self.assertFalse(settled.requires_grad)
        self.assertGreater(float(request.grad[0, :plen].abs().sum()), 0.0)
        embedded.clear()  # the palette's short rows: all of the settled text with gradients
        hook = model.embed.register_forward_hook(lambda _m, _i, out: embedded.append(out) or out.retain_grad())
        fd.chosen_block_logits(model, *batch[:5], batch[6], settled_grad=True).logsumexp(-1).sum().backward()
        hook.remove()
        settled, _ = embedded
        self.assertGreater(float(settled.grad[0, plen:].abs().sum()), 0.0)

    def test_the_decision_fine_tune_runs_and_resumes(self):
        """One command fine-tunes from --init, and run again goes on from its own checkpoint."""
        here = os.path.dirname(os.path.abspath(__file__))
        rng = np.random.default_rng(0)
        with tempfile.TemporaryDirectory() as work:
            data, out = os.path.join(work, "data"), os.path.join(work, "out")
            os.makedirs(data)
            for split, rows in (("train", 40), ("heldout", 20)):
                lengths = rng.integers(57, 61, rows)  # a whole row's last block would overrun the canvas (64)
                starts = np.concatenate([[0], np.cumsum(4 + lengths)[:-1]])
                tokens = rng.integers(3, 50, int(sum(4 + lengths))).astype(np.uint16)
                tokens[starts[::2, None] + [2, 3]] = [DARK, THEME]  # half the requests end asking for a dark theme
                tokens.tofile(os.path.join(data, f"{split}.bin"))
                np.stack([starts, np.full(rows, 4), lengths], 1).astype(np.int32).tofile(os.path.join(data, f"{split}.idx"))
                (starts + 4 + rng.integers(0, 30, rows)).astype(np.int32).tofile(os.path.join(data, f"{split}.decisions"))
            with open(os.path.join(data, "meta.json"), "w") as f:
                json.dump({"vocab_size": 50, "max_len": 64, "mask": MASK, "eot": 1, "pad": 2}, f)
            cfg = Config(vocab_size=50, n_layer=2, n_head=2, d_model=32, d_ff=64, max_len=64)
            torch.save({"model": Denoiser(cfg).state_dict(), "config": cfg.__dict__}, os.path.join(work, "init.pt"))
            write_palette_tokenizer(os.path.join(work, "tokenizer.json"))
            run = lambda: subprocess.run([sys.executable, "finetune_decisions.py", "--data", data, "--init", os.path.join(work, "init.pt"),
                                          "--out", out, "--minutes", "0.02", "--batch-tokens", "256", "--eval-every", "5",
                                          "--tokenizer", os.path.join(work, "tokenizer.json"), "--theme-rows", "4"],
                                         cwd=here, capture_output=True, text=True, check=True)
            run()
            first = torch.load(os.path.join(out, "last.pt"))["finetune"]
            self.assertGreater(first["step"], 0)
            run()  # its budget is spent: nothing more to do
            self.assertEqual(torch.load(os.path.join(out, "last.pt"))["finetune"]["step"], first["step"])
            with open(os.path.join(out, "finetune.log.jsonl")) as f:
                log = [json.loads(line) for line in f]
            evals = [e for e in log if "bdacc@1.0" in e]
            self.assertTrue(evals and all(0 <= e["bdacc@1.0"] <= 1 and 0 < e["P(dark) asked"] < 1 for e in evals))
            self.assertTrue(all(e["theme_loss"] > 0 for e in log if "theme_loss" in e))

    def test_the_theme_rows_are_the_palette_block_and_half_ask_for_dark(self):
        """The palette's rows: where each answer's palette token lies, whether its request asks for
        a dark theme (read through the tokenizer, as checks.ts reads the request), half of each
        step's rows asking, and the palette's block the only one denoised, all masked."""
        import finetune_decisions as fd
        with tempfile.TemporaryDirectory() as work:
            write_palette_tokenizer(os.path.join(work, "tokenizer.json"))
            palettes, decode = fd.palette_tokens(os.path.join(work, "tokenizer.json"))
        self.assertEqual(palettes, {DARK_PALETTE: True, LIGHT_PALETTE: False})
        self.assertEqual(decode([5, DARK, THEME]), "e dark theme")
        rows = [([5, DARK, THEME], 11, DARK_PALETTE), ([5, DARK, 6], 3, LIGHT_PALETTE), ([THEME, 5, 6], 20, LIGHT_PALETTE), ([5, 6, 7], None, None)]
        tokens, index = [], []
        for request, at, palette in rows:
            answer = [8] * 40
            if at is not None:
                answer[at] = palette
            index.append([len(tokens), len(request), len(answer)])
            tokens += request + answer
        split = (np.array(tokens, dtype=np.uint16), np.array(index, dtype=np.int32), np.zeros(len(tokens), dtype=bool))
        found = fd.theme_rows(split, palettes, decode, 64)
        self.assertEqual(fd.theme_rows(split, palettes, decode, 3 + 2 * fd.BLOCK), [(0, 1, True), (1, 0, False)])  # the third's block overruns
        self.assertEqual(found, [(0, 1, True), (1, 0, False), (2, 2, False)])
        rng = np.random.default_rng(0)
        drawn = fd.balanced_theme_rows(found, 6, rng)
        self.assertEqual([asked for *_, asked in drawn], [True, False] * 3)
        batch = fd.make_batch(split, fd.theme_chosen(split, found), {"mask": MASK, "eot": 1}, rng)
        clean, _, noisy, noisy_pos, noisy_block, targets, masked, _, _ = batch
        self.assertEqual(clean.shape[1], 3 + 3 * fd.BLOCK)  # kept up to the furthest palette's block
        for r, (_, block, _) in enumerate(found):
            self.assertTrue(masked[r, : fd.BLOCK].all() and not masked[r, fd.BLOCK :].any())
            self.assertEqual(noisy_pos[r, : fd.BLOCK].tolist(), list(range(3 + block * fd.BLOCK, 3 + (block + 1) * fd.BLOCK)))
        loss, dark = fd.theme_loss_and_dark(Denoiser(Config(vocab_size=50, n_layer=1, n_head=2, d_model=16, d_ff=32, max_len=64)), batch, palettes)
        self.assertEqual(dark.shape, (3,))
        self.assertGreater(float(loss), 0.0)

    def test_accuracy_counts_only_positions_of_nonzero_weight(self):
        torch.manual_seed(0)
        model = Denoiser(Config(vocab_size=50, n_layer=2, n_head=2, d_model=32, d_ff=64, max_len=64)).eval()
        masked = torch.ones(1, 8, dtype=torch.bool)
        hidden = model.hidden(torch.zeros(1, 8, dtype=torch.long))
        ids = model.head(hidden).argmax(-1)
        ids[0, 4:] = (ids[0, 4:] + 1) % 50  # right at the first four positions, wrong at the rest
        right = [True] * 4 + [False] * 4
        for k in range(8):
            only = torch.zeros(1, 8)
            only[0, k] = 1.0
            _, acc, _ = masked_loss(model, hidden, ids, masked, torch.ones(1, 1), masked, only)
            self.assertEqual(float(acc), float(right[k]))


class RecoveryFromOnnx(unittest.TestCase):
    def test_an_exported_model_comes_back_with_the_same_weights(self):
        """export.py, then from_onnx.py: every weight back under its PyTorch name (from_onnx.py
        itself refuses weights that miss the parity fixture), in float32 and with --fp16-weights."""
        here = os.path.dirname(os.path.abspath(__file__))
        for flags in ([], ["--fp16-weights"]):
            with tempfile.TemporaryDirectory() as out:
                shutil.copy(os.path.join(here, "..", "unmask-small", "manifest.json"), out)
                run = lambda *cmd: subprocess.run([sys.executable, *cmd], cwd=here, capture_output=True, text=True, check=True)
                run("export.py", "--random", "50", "--out", out, *flags)
                run("from_onnx.py", "--model", out, "--ckpt", os.path.join(out, "last.pt"))
                recovered = torch.load(os.path.join(out, "last.pt"))
                torch.manual_seed(0)  # export.py's --random model
                model = Denoiser(Config(**recovered["config"]))
                for name, weight in model.state_dict().items():
                    expected = weight.half().float() if flags else weight
                    torch.testing.assert_close(recovered["model"][name], expected, atol=1e-6, rtol=0, msg=name)


if __name__ == "__main__":
    unittest.main()
