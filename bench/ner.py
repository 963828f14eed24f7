#!/usr/bin/env python3
"""Benchmark warta's NER model: F1 per dataset, tagging speed, load time, memory.

    .venv/bin/python bench/ner.py [--model DIR] [--repeat N]

F1 is entity-level exact match (conlleval) over PER/ORG/LOC, the measure of
../shared/tools/score_ner.py.  Speed is tokens per second of everything
``NerModel.tag_many`` does (CRF features and marginals, the BiLSTM's numpy
forward pass, the ensemble's decoding, post-processing) on one core, model
load excluded (reported on its own); when the model ships the BiLSTM
(``neural.npz``), the speed and F1 of the CRF alone are printed too.  Each
dataset is tagged as one document, as ``warta ner`` reads a file; the F1
before post-processing is printed next to it.  A second speed figure tags the
same sentences in article-sized documents (25 sentences), as the pipeline
does, where the network's batches are smaller.  Each figure is printed with its ratio to a baseline: the published
IndoLEM figures for NER-UI / NER-UGM, the issue's targets, and spaCy's small
English pipeline (about 10,000 words/s) for speed.  A dataset that the model
was trained on is reported as such, not scored.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from warta.nlp.ner import MODEL_DIR, NerModel  # noqa: E402
from warta.nlp.postprocess import postprocess  # noqa: E402
from warta.nlp.train import entity_f1, read_conll  # noqa: E402

NER = ROOT.parent / "shared" / "data" / "ner"

# dataset -> (path, corpus name used in training, baseline name, baseline F1, target F1)
DATASETS = {
    "nerui-test": ("nerui/test.01.tsv", None, "IndoLEM BiLSTM-CRF", 0.822, 0.88),
    "nerugm-test": ("nerugm/test.01.tsv", None, "IndoLEM BiLSTM-CRF", 0.709, 0.75),
    "idner2k-dev": ("idner2k/dev.txt", "idner2k-dev", "plain word-shape CRF (model card)", 0.74, 0.85),
}
SPEED_BASELINE = 10_000  # spaCy en_core_web_sm words/s, as quoted in the issue
SPEED_TARGET = 20_000
ARTICLE_SENTENCES = 25  # about one news article


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=MODEL_DIR)
    ap.add_argument("--repeat", type=int, default=3, help="speed runs (best is reported)")
    args = ap.parse_args()

    if not NER.is_dir():
        print(f"skipped: {NER} is absent")
        return

    t0 = time.perf_counter()
    model = NerModel(args.model)
    model.tag_many([["di", "Jakarta"]])  # post-processing tables load on first use
    load_s = time.perf_counter() - t0
    trained_on = set(model.meta.get("training_sets", {}))

    print(f"model: {args.model}")
    print(f"load: {load_s:.2f} s (target <= 2 s)")
    all_words: list[list[str]] = []
    for name, (rel, corpus, base_name, base, target) in DATASETS.items():
        gold = read_conll(NER / rel)
        all_words.extend(ex.words for ex in gold)
        if corpus and corpus in trained_on:
            print(f"{name:12s} trained on by this model: not scored (use a --holdout {corpus} model)")
            continue
        words = [ex.words for ex in gold]
        tags = [ex.tags for ex in gold]
        raw_tags = model.tag_raw_many(words)  # tag_many = post-processing of these; tagged once
        s = entity_f1(tags, postprocess(words, raw_tags))
        raw = entity_f1(tags, raw_tags)
        crf_raw = [model.tag_raw_crf(w) for w in words]
        crf = entity_f1(tags, postprocess(words, crf_raw))
        print(f"{name:12s} f1={s['f1']:.4f} p={s['p']:.3f} r={s['r']:.3f} per={s['per']:.3f} "
              f"org={s['org']:.3f} loc={s['loc']:.3f}  x{s['f1'] / base:.2f} vs {base_name} {base:.3f}; "
              f"target {target:.2f} {'met' if s['f1'] >= target else 'NOT met'}; "
              f"before post-processing f1={raw['f1']:.4f}")
        if model.neural is not None:
            print(f"{'':12s} CRF alone: f1={crf['f1']:.4f} (before post-processing "
                  f"{entity_f1(tags, crf_raw)['f1']:.4f}); network weight {model.neural_weight:g}")

    ntok = sum(len(w) for w in all_words)
    best = best_crf = 0.0
    for _ in range(max(1, args.repeat)):
        fresh = NerModel(args.model)  # cold caches, as a new process would have
        t0 = time.perf_counter()
        fresh.tag_many(all_words)
        best = max(best, ntok / (time.perf_counter() - t0))
        if model.neural is not None:
            fresh = NerModel(args.model)
            fresh.neural = None
            t0 = time.perf_counter()
            fresh.tag_many(all_words)
            best_crf = max(best_crf, ntok / (time.perf_counter() - t0))
    # the pipeline tags one article at a time: documents of ARTICLE_SENTENCES sentences
    best_doc = 0.0
    for _ in range(max(1, args.repeat)):
        fresh = NerModel(args.model)
        t0 = time.perf_counter()
        for i in range(0, len(all_words), ARTICLE_SENTENCES):
            fresh.tag_many(all_words[i:i + ARTICLE_SENTENCES])
        best_doc = max(best_doc, ntok / (time.perf_counter() - t0))
    what = "CRF + network" if model.neural is not None else "CRF"
    print(f"speed ({what}): {best:,.0f} tokens/s on one core ({ntok} tokens)  x{best / SPEED_BASELINE:.1f} vs spaCy "
          f"en_core_web_sm ~{SPEED_BASELINE:,}/s; target {SPEED_TARGET:,} {'met' if best >= SPEED_TARGET else 'NOT met'}")
    if best_crf:
        print(f"speed (CRF alone, same model): {best_crf:,.0f} tokens/s")
    print(f"speed ({what}, article-sized documents of {ARTICLE_SENTENCES} sentences): {best_doc:,.0f} tokens/s")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak_mb:.0f} MB (target <= 500 MB)")
    size = sum(p.stat().st_size for p in Path(args.model).iterdir() if p.is_file()) / 1e6
    print(f"model size: {size:.1f} MB (limit 50 MB)")
    print(json.dumps({"load_s": round(load_s, 3), "tokens_per_s": round(best), "crf_tokens_per_s": round(best_crf),
                      "article_tokens_per_s": round(best_doc),
                      "peak_mb": round(peak_mb), "size_mb": round(size, 1)}))


if __name__ == "__main__":
    main()
