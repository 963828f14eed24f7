"""Development checks for warta.quantities on shared data (read from ../shared).

    .venv/bin/python bench/quantities.py sample [N] [SEED]   # N quantities in context, to judge by hand
    .venv/bin/python bench/quantities.py speed               # articles/s of find_quantities alone
    .venv/bin/python bench/quantities.py nerugm              # span overlap P/R/F1 against NER-UGM QUANTITY tags

``sample`` prints, for N quantities drawn at random from the bodies of
``news/raw-2025-06-18.csv``, the quantity's fields and ±50 characters of
context, numbered, so that precision can be judged by hand.  Nothing from the
shared data is written anywhere.
"""
from __future__ import annotations

import csv
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from warta.quantities import find_quantities  # noqa: E402

NEWS = SHARED / "data/news/raw-2025-06-18.csv"
NERUGM = SHARED / "data/ner/nerugm"
SPEED_BASELINE = 50.0  # articles/s the whole analyze must reach; this component must be far faster


def bodies() -> list[str]:
    csv.field_size_limit(1 << 30)
    with NEWS.open(encoding="utf-8", newline="") as fh:
        return [row["isi_berita"] for row in csv.DictReader(fh)]


def sample(n: int = 200, seed: int = 7) -> None:
    found = [(text, q) for text in bodies() for q in find_quantities(text)]
    print(f"{len(found)} quantities in the corpus; showing {n}")
    for i, (text, q) in enumerate(random.Random(seed).sample(found, n), 1):
        left = text[max(0, q.start - 50):q.start].replace("\n", " ")
        right = text[q.end:q.end + 50].replace("\n", " ")
        span = f"{q.value:g}" + (f"..{q.value_max:g}" if q.value_max is not None else "")
        print(f"{i:3d} {span:>16} unit={q.unit!s:<22} q={q.qualifier!s:<9} |{left}[[{q.text}]]{right}|")


def speed() -> None:
    texts = bodies()
    t0 = time.perf_counter()
    count = sum(len(find_quantities(t)) for t in texts)
    elapsed = time.perf_counter() - t0
    rate = len(texts) / elapsed
    print(f"find_quantities: {len(texts)} articles, {count} quantities, {elapsed:.2f} s, "
          f"{rate:.0f} articles/s ({rate / SPEED_BASELINE:.1f}x the 50/s whole-pipeline floor)")


def nerugm_sentences():
    """(text, gold spans) per sentence of NER-UGM, tokens joined by single spaces."""
    for path in sorted(NERUGM.glob("*.tsv")):
        tokens: list[tuple[str, str]] = []
        for line in list(path.open(encoding="utf-8")) + [""]:
            line = line.rstrip("\n")
            if line:
                word, tag = line.split("\t")[:2]
                tokens.append((word, tag))
                continue
            if tokens:
                yield _spans(tokens)
                tokens = []


def _spans(tokens):
    text, gold, pos, open_start, last_end = "", [], 0, None, 0
    for word, tag in tokens:
        start = pos
        text += word + " "
        pos = len(text)
        if tag == "B-QUANTITY":
            if open_start is not None:
                gold.append((open_start, last_end))
            open_start = start
        elif tag != "I-QUANTITY" and open_start is not None:
            gold.append((open_start, last_end))
            open_start = None
        last_end = start + len(word)
    if open_start is not None:
        gold.append((open_start, last_end))
    return text, gold


def nerugm() -> None:
    """Overlap match: a found span counts when it overlaps a gold QUANTITY span (NER-UGM tags
    durations as TIME, so '2 tahun' found here counts against precision)."""
    tp_pred = n_pred = tp_gold = n_gold = 0
    seen = set()
    for text, gold in nerugm_sentences():
        if text in seen:
            continue
        seen.add(text)
        pred = [(q.start, q.end) for q in find_quantities(text)]
        n_pred += len(pred)
        n_gold += len(gold)
        tp_pred += sum(any(s < ge and gs < e for gs, ge in gold) for s, e in pred)
        tp_gold += sum(any(s < ge and gs < e for s, e in pred) for gs, ge in gold)
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"NER-UGM QUANTITY (all folds, {len(seen)} unique sentences): "
          f"predicted {n_pred}, gold {n_gold}; overlap P {p:.3f} R {r:.3f} F1 {f:.3f}")


def main(argv: list[str]) -> None:
    if not SHARED.exists():
        sys.exit(f"skipped: {SHARED} is absent")
    command = argv[0] if argv else "sample"
    if command == "sample":
        sample(int(argv[1]) if len(argv) > 1 else 200, int(argv[2]) if len(argv) > 2 else 7)
    elif command == "speed":
        speed()
    elif command == "nerugm":
        nerugm()
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
