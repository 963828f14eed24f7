#!/usr/bin/env python3
"""Train the BiLSTM NER tagger (warta.nlp.neural_train) and compare it with the CRF on dev.

    .venv/bin/python scripts/train_ner_neural.py train --out DIR [--holdout NAME ...] [--epochs N] [--snapshots]
        [--output softmax|crf] [--extra-widths W ...] [--word-dropout P] [--seed N]
    .venv/bin/python scripts/train_ner_neural.py ensemble --crf CRF_DIR --neural NPZ [--sets ...]

``train`` scores the held-out dev sets after every epoch (valid-BIO decoding of
the network alone) and, with ``--snapshots``, writes ``DIR/epochNN.npz`` for
each epoch; without it, ``DIR/neural.npz`` of the last epoch.

``ensemble`` tags dev sets with a CRF model directory and an exported network
(neither may have seen them) and prints entity F1 (post-processed, each file
one document, as ``bench/ner.py``; ``--raw``: before post-processing) for the CRF alone, the network alone and
weighted averages of CRF marginals and network probabilities.

Needs PyTorch for ``train`` only (``pip install torch==2.13.0``, CPU build).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from warta.nlp.train import CORPORA, SHARED, TrainConfig, entity_f1, read_conll  # noqa: E402

DEV_SETS = ["nerui-dev", "nerugm-dev", "idner2k-dev", "nergrit-valid"]


def dev_examples(names):
    return {n: read_conll(SHARED / "data" / "ner" / CORPORA[n][0], n) for n in names}


def cmd_train(args) -> None:
    from warta.nlp.neural_train import NeuralConfig, export, train_neural

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    cfg = NeuralConfig(epochs=args.epochs, hidden=args.hidden, lr=args.lr, batch=args.batch,
                       dropout=args.dropout, seed=args.seed, ema=args.ema, output=args.output,
                       extra_widths=tuple(args.extra_widths), word_dropout=args.word_dropout)
    config = TrainConfig(holdout=list(args.holdout))
    dev = dev_examples([n for n in DEV_SETS if n in args.holdout])

    def snapshot(epoch, net, enc):
        if args.snapshots:
            export(net, enc, cfg, out / f"epoch{epoch:02d}.npz")

    meta = train_neural(config, cfg, None if args.snapshots else out, log=lambda m: print(m, flush=True),
                        dev=dev, on_epoch=snapshot)
    meta.pop("net"), meta.pop("encoder")
    meta["holdout"] = list(args.holdout)
    (out / "neural_meta.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n")
    print(f"done in {meta['train_seconds']}s")


def cmd_ensemble(args) -> None:
    from warta.nlp.ner import NerModel
    from warta.nlp.neural import NeuralTagger, ensemble, viterbi_bio
    from warta.nlp.postprocess import postprocess

    crf = NerModel(args.crf)
    crf.neural = None
    nets = [NeuralTagger(p, crf.resources.capitals) for p in args.neural]
    weights = [float(w) for w in args.weights.split(",")]
    post = (lambda words, tags: tags) if args.raw else postprocess
    rows = {}
    for name, exs in dev_examples(args.sets).items():
        words = [ex.words for ex in exs]
        gold = [ex.tags for ex in exs]
        t0 = time.time()
        pc = [crf.marginals(w) for w in words]
        t1 = time.time()
        each = [net.probabilities(words) for net in nets]
        pn = [sum(ps) / len(ps) for ps in zip(*each)]
        t2 = time.time()
        ntok = sum(len(w) for w in words)
        print(f"{name}: CRF marginals {ntok / (t1 - t0):,.0f} tok/s, network {ntok / (t2 - t1):,.0f} tok/s",
              flush=True)
        res = {"crf-viterbi": entity_f1(gold, post(words, [crf.tag_raw_crf(w) for w in words]))["f1"]}
        for w in weights:
            tags = [viterbi_bio((1 - w) * a + w * b) for a, b in zip(pc, pn)]
            res[f"w={w:g}"] = entity_f1(gold, post(words, tags))["f1"]
            if args.geometric:
                tags = [viterbi_bio(ensemble(a, b, w, "geometric")) for a, b in zip(pc, pn)]
                res[f"geo w={w:g}"] = entity_f1(gold, post(words, tags))["f1"]
        rows[name] = res
    keys = list(next(iter(rows.values())))
    print("variant".ljust(16) + "".join(n.rjust(15) for n in rows) + "sum".rjust(10))
    for k in keys:
        vals = [rows[n][k] for n in rows]
        print(k.ljust(16) + "".join(f"{v:15.4f}" for v in vals) + f"{sum(vals):10.4f}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train")
    t.add_argument("--out", required=True)
    t.add_argument("--holdout", action="append", default=[])
    t.add_argument("--epochs", type=int, default=20)
    t.add_argument("--hidden", type=int, default=128)
    t.add_argument("--lr", type=float, default=1e-3)
    t.add_argument("--ema", type=float, default=0.999)
    t.add_argument("--batch", type=int, default=16)
    t.add_argument("--dropout", type=float, default=0.5)
    t.add_argument("--seed", type=int, default=13)
    t.add_argument("--snapshots", action="store_true")
    t.add_argument("--extra-widths", type=int, nargs="*", default=[], help="char-CNN widths beside 3")
    t.add_argument("--word-dropout", type=float, default=0.05)
    t.add_argument("--output", choices=["softmax", "crf"], default="softmax",
                   help="crf: BiLSTM-CRF (sentence log-likelihood; the ensemble reads its marginals)")
    e = sub.add_parser("ensemble")
    e.add_argument("--crf", required=True)
    e.add_argument("--neural", required=True, nargs="+", help="exported networks (probabilities averaged)")
    e.add_argument("--sets", nargs="+", default=DEV_SETS)
    e.add_argument("--weights", default="0,0.3,0.4,0.5,0.6,0.7,1")
    e.add_argument("--geometric", action="store_true")
    e.add_argument("--raw", action="store_true", help="score before post-processing")
    e.add_argument("--json")
    args = ap.parse_args()
    {"train": cmd_train, "ensemble": cmd_ensemble}[args.cmd](args)


if __name__ == "__main__":
    main()
