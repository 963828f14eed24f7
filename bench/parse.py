#!/usr/bin/env python3
"""Parse throughput: raw-text rows of the shared CSV, and the HTML path vs trafilatura alone.

usage: python bench/parse.py [--repeat N]
Prints articles/s for each path and the ratio against its baseline:
- raw text: the issue's floor of 300 articles/s per core;
- HTML: trafilatura.extract (with metadata) on the same pages; warta must be
  no slower than 1.5x trafilatura alone.
Runs on one core (single process).  Needs ../shared; says so when absent.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from warta.capture import iter_captures, parse_columns  # noqa: E402
from warta.parse import parse_capture  # noqa: E402

COLUMNS = "url=url,title=judul,authors=author,published=tanggal_publikasi,body=isi_berita,outlet=sumber"
RAW_FLOOR = 300.0


def rate(n: int, seconds: float) -> float:
    return n / seconds if seconds > 0 else float("inf")


def bench_csv(repeat: int) -> None:
    path = SHARED / "data" / "news" / "raw-2025-06-18.csv"
    captures = [c for c in iter_captures([str(path)], columns=parse_columns(COLUMNS)) if hasattr(c, "fields")]
    start = time.perf_counter()
    for _ in range(repeat):
        for capture in captures:
            parse_capture(capture)
    per_s = rate(len(captures) * repeat, time.perf_counter() - start)
    print(f"raw-text (CSV rows): {len(captures)} articles x{repeat}: {per_s:,.0f} articles/s "
          f"(floor {RAW_FLOOR:.0f}: ratio {per_s / RAW_FLOOR:.1f}x)")


def bench_html(repeat: int) -> None:
    import trafilatura

    pages = sorted((SHARED / "data" / "html").glob("*/*.html"))
    captures = [c for c in iter_captures([str(p) for p in pages]) if hasattr(c, "text")]
    start = time.perf_counter()
    for _ in range(repeat):
        for capture in captures:
            trafilatura.bare_extraction(capture.text, with_metadata=True)
    base = rate(len(captures) * repeat, time.perf_counter() - start)
    start = time.perf_counter()
    for _ in range(repeat):
        for capture in captures:
            parse_capture(capture)
    ours = rate(len(captures) * repeat, time.perf_counter() - start)
    print(f"HTML: {len(captures)} pages x{repeat}: warta {ours:,.1f} pages/s, trafilatura alone {base:,.1f} pages/s; "
          f"warta time / trafilatura time = {base / ours:.2f} (must be <= 1.5)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not SHARED.exists():
        print(f"shared data not present at {SHARED}: nothing to measure")
        return
    bench_csv(args.repeat)
    bench_html(args.repeat)


if __name__ == "__main__":
    main()
