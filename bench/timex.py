#!/usr/bin/env python3
"""Benchmark warta.timex: time expressions per second over the shared news CSV bodies.

usage: .venv/bin/python bench/timex.py [CSV]   (default ../shared/data/news/raw-2025-06-18.csv)

Prints articles/s for ``find_times`` alone and its share of the 50 articles/s
budget that the whole ``warta analyze`` must meet (1/50 s = 20 ms per article).
"""
from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

from warta.timex import find_times

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news" / "raw-2025-06-18.csv"
BUDGET_PER_ARTICLE = 1 / 50


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not path.exists():
        sys.exit(f"skip: {path} is absent")
    csv.field_size_limit(10**9)
    with path.open(encoding="utf-8") as f:
        bodies = [row["isi_berita"] for row in csv.DictReader(f)]
    start = time.perf_counter()
    found = sum(len(find_times(body, "2025-06-18T10:00:00+07:00")) for body in bodies)
    elapsed = time.perf_counter() - start
    per_article = elapsed / len(bodies)
    print(f"articles={len(bodies)} times={found} seconds={elapsed:.2f}")
    print(f"articles_per_s={len(bodies) / elapsed:.0f} share_of_budget={per_article / BUDGET_PER_ARTICLE:.1%}")


if __name__ == "__main__":
    main()
