#!/usr/bin/env python3
"""Analysis throughput on the shared CSV bodies: `warta analyze` per core, NER included.

usage: python bench/analyze.py [--limit N] [--components a,b]
Prints articles/s for the whole pipeline on one core (model loads excluded and
reported separately), the time share of each component, and the ratio against
the issue's floor of 50 articles/s.  Needs ../shared; says so when absent.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from warta import pipeline  # noqa: E402
from warta.capture import iter_captures, parse_columns  # noqa: E402
from warta.parse import parse_capture  # noqa: E402

COLUMNS = "url=url,title=judul,authors=author,published=tanggal_publikasi,body=isi_berita,outlet=sumber"
FLOOR = 50.0


def timed_registry(spent: dict[str, float]) -> None:
    """Wrap each component so its time is added up."""
    for name, comp in list(pipeline.REGISTRY.items()):
        def run(ctx, _run=comp.run, _name=name):
            start = time.perf_counter()
            try:
                _run(ctx)
            finally:
                spent[_name] += time.perf_counter() - start
        pipeline.REGISTRY[name] = pipeline.Component(comp.name, comp.needs, comp.adds, run, comp.doc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N rows (0: all)")
    parser.add_argument("--components", default=None)
    args = parser.parse_args()
    path = SHARED / "data" / "news" / "raw-2025-06-18.csv"
    if not path.exists():
        print(f"shared data not present at {path}: nothing to measure")
        return
    captures = [c for c in iter_captures([str(path)], columns=parse_columns(COLUMNS)) if hasattr(c, "fields")]
    if args.limit:
        captures = captures[:args.limit]
    articles = [parse_capture(c) for c in captures]
    chosen = args.components.split(",") if args.components else None
    start = time.perf_counter()
    pipeline.analyze(articles[0], chosen)  # loads the models and tables
    load = time.perf_counter() - start
    spent: dict[str, float] = defaultdict(float)
    timed_registry(spent)
    start, cpu_start = time.perf_counter(), time.process_time()
    failures = 0
    for article in articles:
        result = pipeline.analyze(article, chosen)
        failures += any(w.startswith("W150") for w in result.article.warnings)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    rate = len(articles) / cpu  # per core: CPU seconds, so other load on the machine does not count
    print(f"analyze: {len(articles)} articles in {cpu:.1f} s of CPU ({seconds:.1f} s wall) = {rate:,.1f} articles/s "
          f"per core (wall: {len(articles) / seconds:,.1f}/s; floor {FLOOR:.0f}: ratio {rate / FLOOR:.2f}x); "
          f"first-article load {load:.2f} s; articles with a failed component: {failures}")
    total = sum(spent.values()) or 1.0
    for name, secs in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<11} {secs:6.2f} s  {100 * secs / total:5.1f}%  {1000 * secs / len(articles):6.2f} ms/article")


if __name__ == "__main__":
    main()
