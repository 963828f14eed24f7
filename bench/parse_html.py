"""Articles per second on the shared HTML pages: warta's HTML path vs trafilatura alone.

usage: .venv/bin/python bench/parse_html.py [--rounds N] [--generic] [HTML_DIR]

Both sides read the same pages from memory on one core.  warta's side is
``decode_html`` + ``extract_html`` (title, dates, authors, images, body);
trafilatura's side is ``bare_extraction`` with metadata (its title, date and
text: the same fields), and, for reference, ``extract`` (text only).  The
``--generic`` times the path an unknown outlet takes (no per-outlet
selectors: schema.org containers, then trafilatura).  The
last line is the figure to track: ``ratio`` is warta's time per page over
trafilatura's (the target is <= 1.5).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import trafilatura

import warta.html
from warta.errors import WartaError
from warta.html import decode_html, extract_html

DEFAULT_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "html"


def per_second(pages: list[bytes], rounds: int, read) -> float:
    read(pages[0])  # warm-up: imports and caches are not what is measured
    start = time.perf_counter()
    for _ in range(rounds):
        for raw in pages:
            read(raw)
    return rounds * len(pages) / (time.perf_counter() - start)


def warta_page(raw: bytes) -> None:
    text, _ = decode_html(raw)
    try:
        extract_html(text)
    except WartaError:
        pass


def trafilatura_metadata(raw: bytes) -> None:
    trafilatura.bare_extraction(raw.decode("utf-8", "replace"), favor_precision=True, include_comments=False,
                                include_tables=False, with_metadata=True)


def trafilatura_text(raw: bytes) -> None:
    trafilatura.extract(raw.decode("utf-8", "replace"), favor_precision=True, include_comments=False,
                        include_tables=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--generic", action="store_true", help="ignore the per-outlet selector table")
    args = parser.parse_args()
    if args.generic:  # every page read as if from an outlet the table does not know
        warta.html.outlet_for = lambda url: None
        warta.html._outlet_from_page = lambda meta: None
    files = sorted(args.html_dir.glob("*/*.html"))
    if not files:
        print(f"no pages under {args.html_dir} (../shared absent?)", file=sys.stderr)
        return 1
    pages = [f.read_bytes() for f in files]
    warta_rate = per_second(pages, args.rounds, warta_page)
    meta_rate = per_second(pages, args.rounds, trafilatura_metadata)
    text_rate = per_second(pages, args.rounds, trafilatura_text)
    print(f"pages={len(pages)} rounds={args.rounds} outlet tables={'off' if args.generic else 'on'}")
    print(f"trafilatura extract (text only)       {text_rate:8.1f} articles/s")
    print(f"trafilatura bare_extraction (+meta)    {meta_rate:8.1f} articles/s")
    print(f"warta HTML path                        {warta_rate:8.1f} articles/s")
    print(f"ratio (warta time / trafilatura+meta time) = {meta_rate / warta_rate:.2f}  "
          f"(vs text only: {text_rate / warta_rate:.2f}; target <= 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
