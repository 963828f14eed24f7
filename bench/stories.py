"""Story clustering against the hand-made gold: pairwise precision and recall.

usage: python bench/stories.py [--db warta.db] [--gold tests/fixtures/stories/gold-2025-06-18.json]

The database must hold the day's articles, e.g.
  warta ingest ../shared/data/news/raw-2025-06-18.csv --db /tmp/day.db --workers 2 \\
    --columns url=url,title=judul,authors=author,published=tanggal_publikasi,body=isi_berita,outlet=sumber
The clustering is recomputed from scratch on the whole database.  Pairs are
counted among the gold's articles: same gold story = positive; pairs of
different gold stories and the gold's 'different' pairs = negative.
Prints P, R and the floors (P >= 0.90, R >= 0.80) last.
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from warta.store import open_store  # noqa: E402
from warta.stories import update_stories  # noqa: E402

FLOORS = {"precision": 0.90, "recall": 0.80}


def gold_pairs(gold: dict) -> tuple[set, set, set]:
    label = {u: name for name, urls in gold["stories"].items() for u in urls}
    pos, neg = set(), set()
    for a, b in itertools.combinations(sorted(label), 2):
        (pos if label[a] == label[b] else neg).add((a, b))
    for pair in gold.get("different", []):
        neg.add(tuple(sorted((pair["a"], pair["b"]))))
    urls = set(label) | {u for p in gold.get("different", []) for u in (p["a"], p["b"])}
    return pos, neg, urls


def score(story_of: dict, gold: dict) -> dict:
    pos, neg, urls = gold_pairs(gold)
    missing = sorted(u for u in urls if u not in story_of)
    same = lambda a, b: story_of.get(a) is not None and story_of.get(a) == story_of.get(b)  # noqa: E731
    tp = sum(1 for a, b in pos if same(a, b))
    fp = sum(1 for a, b in neg if same(a, b))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / len(pos) if pos else 1.0
    wrong = [(a, b) for a, b in neg if same(a, b)]
    split = [(a, b) for a, b in pos if not same(a, b)]
    return {"precision": precision, "recall": recall, "tp": tp, "fp": fp, "positives": len(pos),
            "negatives": len(neg), "missing": missing, "merged_wrongly": wrong, "split": split}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="warta.db")
    ap.add_argument("--gold", default=str(ROOT / "tests/fixtures/stories/gold-2025-06-18.json"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    gold = json.loads(Path(args.gold).read_text())
    with open_store(args.db) as store:
        update_stories(store, full=True)
        story_of = {r["url"]: r["story_id"] for r in store.rows("SELECT url, story_id FROM articles WHERE url IS NOT NULL")}
    result = score(story_of, gold)
    if args.verbose:
        for key in ("missing", "merged_wrongly", "split"):
            for item in result[key]:
                print(key, item)
    ok = all(result[k] >= v for k, v in FLOORS.items())
    print(f"stories: pairs +{result['positives']} -{result['negatives']} tp={result['tp']} fp={result['fp']} "
          f"missing={len(result['missing'])}")
    print(f"precision={result['precision']:.3f} recall={result['recall']:.3f} "
          f"(floors {FLOORS['precision']}/{FLOORS['recall']}) {'OK' if ok else 'BELOW FLOOR'}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
