#!/usr/bin/env python3
"""Parse throughput: raw-text rows of the shared CSV, and the HTML path vs trafilatura alone.

usage: python bench/parse.py [--repeat N]
Prints articles/s for each path and the ratio against its baseline:
- raw text: the issue's floor of 300 articles/s per core;
- HTML: trafilatura's bare_extraction with metadata on the same pages (as in
  bench/parse_html.py, which times the HTML path in more detail); warta, the
  whole parse, must be no slower than 1.5x trafilatura alone.
Runs on one core (single process).  Needs ../shared; says so when absent.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from parse_html import per_second, trafilatura_metadata  # noqa: E402  (bench/parse_html.py)
from warta.capture import iter_captures, parse_columns  # noqa: E402
from warta.parse import parse_capture  # noqa: E402

COLUMNS = "url=url,title=judul,authors=author,published=tanggal_publikasi,body=isi_berita,outlet=sumber"
RAW_FLOOR = 300.0


def bench_csv(repeat: int) -> None:
    path = SHARED / "data" / "news" / "raw-2025-06-18.csv"
    captures = [c for c in iter_captures([str(path)], columns=parse_columns(COLUMNS)) if hasattr(c, "fields")]
    per_s = per_second(captures, repeat, parse_capture)
    print(f"raw-text (CSV rows): {len(captures)} articles x{repeat}: {per_s:,.0f} articles/s "
          f"(floor {RAW_FLOOR:.0f}: ratio {per_s / RAW_FLOOR:.1f}x)")


def bench_html(repeat: int) -> None:
    pages = sorted((SHARED / "data" / "html").glob("*/*.html"))
    captures = [c for c in iter_captures([str(p) for p in pages]) if hasattr(c, "text")]
    base = per_second([c.text.encode("utf-8") for c in captures], repeat, trafilatura_metadata)
    ours = per_second(captures, repeat, parse_capture)
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
