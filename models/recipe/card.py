"""Write the model card (OUT/README.md) from what training and export recorded.

    python3 models/recipe/card.py --model models/unmask-tiny --log models/recipe/ckpt/train.log.jsonl --corpus-report models/corpus/out/first/report.json [--eval-report models/eval/out/report.json]

The loss curve picture (OUT/loss.png) comes from `npx tsx models/recipe/loss-curve.ts`.

Copies the training log and the corpus report into the model folder (training-log.jsonl,
corpus-report.json) so the card's figures stay checkable after the work files are gone.
"""
import argparse
import json
import os
import shutil


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--corpus-report", required=True)
    ap.add_argument("--notes", default="", help="a file whose text goes under 'Known weaknesses'")
    ap.add_argument("--eval-report", help="the report.json of `npm run eval` on this model")
    args = ap.parse_args()
    with open(os.path.join(args.model, "training.json")) as f:
        info = json.load(f)
    with open(os.path.join(args.model, "manifest.json")) as f:
        manifest = json.load(f)
    with open(args.corpus_report) as f:
        corpus = json.load(f)
    with open(args.log) as f:
        log = [json.loads(line) for line in f]
    shutil.copyfile(args.log, os.path.join(args.model, "training-log.jsonl"))
    shutil.copyfile(args.corpus_report, os.path.join(args.model, "corpus-report.json"))
    evals = [r for r in log if any(k.startswith("acc@") for k in r)]
    curve = "\n".join(f"| {r['step']} | {r['tokens']:,} | {r['minutes']} | {r['loss']} | {r['acc']} |" for r in log[:: max(1, len(log) // 20)] + log[-1:])
    eval_rows = "\n".join(
        f"| {r['step']} | " + " | ".join(str(r.get(k, '')) for k in ("acc@0.1", "acc@0.3", "acc@0.6", "acc@0.9")) + " |" for r in evals
    )
    c = info["config"]
    notes = open(args.notes).read().strip() if args.notes else ""
    checked = (
        "every one checked in Chromium" if corpus.get("checked", True)
        else "drawn from the family generators without the per-sample Chromium check (a draft corpus: `npm run corpus -- --unchecked`)"
    )
    evaluation = "Not evaluated yet."
    if args.eval_report:
        with open(args.eval_report) as f:
            ev = json.load(f)
        kinds = ", ".join(f"{k} {v['passed']}/{v['total']}" for k, v in ev["byKind"].items())
        evaluation = (f"`npm run eval` on `{ev['prompts']}`: {ev['passed']}/{ev['total']} apps pass ({ev['passRate'] * 100:.1f}%), "
                      f"median {ev['medianTokensPerSecond']} tokens/s. Per kind: {kinds}.")
    card = f"""# {manifest['id']}

A small masked-diffusion language model that writes single-file HTML+CSS+JS apps from a
request. Made by `models/recipe/` from our own corpus (`models/corpus/`); runs in the engine
through onnxruntime-node.

## Model

- Bidirectional transformer: {c['n_layer']} layers, d_model {c['d_model']}, {c['n_head']} heads, SwiGLU {c['d_ff']},
  RMSNorm, RoPE; token embeddings tied to the output head.
- Parameters: {info['parameters']:,}
- Vocabulary: {c['vocab_size']} byte-level BPE tokens (`tokenizer.json`); maximum sequence {manifest['maxSequenceLength']} tokens.
- Special tokens: `<|mask|>` {manifest['tokens']['mask']}, `<|eot|>` {manifest['tokens']['eot']} (end of text and the padding after it),
  `<|pad|>` {manifest['tokens']['pad']} (infill filler), `<|user|>`, `<|assistant|>`, `<|artifact|>`.
- ONNX: `model.onnx`, `input_ids` int64 [1, seq] and `positions` int64 [n] -> `logits` float32 [1, n, vocab]
  (logits only at the positions asked: the sampler asks for the masked ones).
  `parity.json` holds PyTorch's logits for fixed ids; the test suite checks onnxruntime-node against them (1e-3).

## Data

{corpus['samples']} apps from {corpus['families']} families, {checked}
({corpus['rejected']} drawn samples rejected; pass rate {corpus['passRate']:.3f}); {corpus.get('heldout', 0)} held out
(whole phrasings and feature combinations) for evaluation. Per family: {', '.join(f"{k} {v['accepted']}" for k, v in corpus['perFamily'].items())}.
The corpus report is `corpus-report.json`.

## Training

Masked diffusion (MDLM / LLaDA instruction tuning): request tokens never masked; the response and its
end-of-text padding masked with probability t ~ U(0.001, 1); cross-entropy on masked positions weighted 1/t.
AdamW (betas 0.9/0.95, weight decay 0.05), warm-up then constant learning rate with a linear decay at the end.

- Steps: {info['steps']:,}; tokens seen: {info['tokens_seen']:,}; wall time: {info['wall_minutes']} minutes on the 2-core CPU (fp32, shared with other work).
- Final training loss (mean of the last 10 steps): {info['final_loss']}; masked-token accuracy: {info['final_accuracy']}.

![training loss and accuracy](loss.png)

Loss curve (means over 10 steps; the whole log is `training-log.jsonl`):

| step | tokens | minutes | loss | accuracy |
| --- | --- | --- | --- | --- |
{curve}

Masked-token accuracy on held-out apps at fixed noise levels t:

| step | t=0.1 | t=0.3 | t=0.6 | t=0.9 |
| --- | --- | --- | --- | --- |
{eval_rows}

## Evaluation

{evaluation}

## Known weaknesses

{notes or "See the closing notes of the issues for measured pass rates."}
"""
    with open(os.path.join(args.model, "README.md"), "w") as f:
        f.write(card)
    print(f"wrote {os.path.join(args.model, 'README.md')}")


if __name__ == "__main__":
    main()
