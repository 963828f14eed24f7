#!/usr/bin/env python3
"""Benchmark warta's NER model: F1 per dataset, tagging speed, load time, memory.

    .venv/bin/python bench/ner.py [--model DIR] [--repeat N]

F1 is entity-level exact match (conlleval) over PER/ORG/LOC, the measure of
../shared/tools/score_ner.py.  Speed is tokens per second of feature
extraction + CRF decoding + post-processing (``warta.nlp.postprocess``) on one
core, model load excluded (reported on its own).  Each dataset is tagged as one
document (``NerModel.tag_many``), as ``warta ner`` reads a file; the F1 of the
CRF alone (``raw``) is printed next to it.  Each figure is printed with its ratio to a baseline: the published
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
        pred = model.tag_many([ex.words for ex in gold])
        s = entity_f1([ex.tags for ex in gold], pred)
        raw = entity_f1([ex.tags for ex in gold], [model.tag_raw(ex.words) for ex in gold])
        print(f"{name:12s} f1={s['f1']:.3f} p={s['p']:.3f} r={s['r']:.3f} per={s['per']:.3f} "
              f"org={s['org']:.3f} loc={s['loc']:.3f}  x{s['f1'] / base:.2f} vs {base_name} {base:.3f}; "
              f"target {target:.2f} {'met' if s['f1'] >= target else 'NOT met'}; raw CRF f1={raw['f1']:.3f}")

    ntok = sum(len(w) for w in all_words)
    best = 0.0
    for _ in range(max(1, args.repeat)):
        fresh = NerModel(args.model)  # cold feature cache, as a new process would have
        t0 = time.perf_counter()
        fresh.tag_many(all_words)
        best = max(best, ntok / (time.perf_counter() - t0))
    print(f"speed: {best:,.0f} tokens/s on one core ({ntok} tokens)  x{best / SPEED_BASELINE:.1f} vs spaCy "
          f"en_core_web_sm ~{SPEED_BASELINE:,}/s; target {SPEED_TARGET:,} {'met' if best >= SPEED_TARGET else 'NOT met'}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak_mb:.0f} MB (target <= 500 MB)")
    size = sum(p.stat().st_size for p in Path(args.model).iterdir() if p.is_file()) / 1e6
    print(f"model size: {size:.1f} MB (limit 50 MB)")
    print(json.dumps({"load_s": round(load_s, 3), "tokens_per_s": round(best), "peak_mb": round(peak_mb),
                      "size_mb": round(size, 1)}))


if __name__ == "__main__":
    main()
