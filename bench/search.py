"""Search latency (p50/p95) on 100,000 articles, SQLite or PostgreSQL.

usage: python bench/search.py [--db /tmp/search100k.db | --db postgresql://...] [--articles 100000]
                              [--reuse] [--repeat 5]

The articles are generated from ../shared/data/news/raw-2025-06-18.csv: each
replica of a parsed row gets its own URL, outlet, a publication date spread
over a year, shuffled and partly dropped paragraphs, swapped place names and
perturbed numbers, then is stored directly (no analysis) with its search
terms, then ``Store.optimize`` (FTS5 merge; VACUUM ANALYZE on PostgreSQL).
Latency is measured through ``Store.search`` -- the CLI's and the API's one
search: query parsing, ranking among the newest 5,000 matches (widened when
filters leave too few), 20 results and their highlighted snippets -- over a
fixed mix of queries: words, phrases, OR, exclusions, prefixes, and
outlet/date filters.
Targets: p95 <= 50 ms on SQLite, <= 100 ms on PostgreSQL.
"""
from __future__ import annotations

import argparse
import copy
import datetime as dt
import multiprocessing as mp
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from warta.capture import iter_captures  # noqa: E402
from warta.parse import parse_capture  # noqa: E402
from warta.records import Analysis, Capture, article_id  # noqa: E402
from warta.store import Filters, Result, open_store  # noqa: E402
from warta.store.rows import article_rows  # noqa: E402

CSV = ROOT.parent / "shared" / "data" / "news" / "raw-2025-06-18.csv"
COLUMNS = dict(url="url", title="judul", authors="author", published="tanggal_publikasi", body="isi_berita",
               outlet="sumber")
OUTLETS = ["Kompas", "Detik", "Liputan6", "Tempo", "Okezone", "Republika", "Antara", "CNN Indonesia"]
PLACES = ["Jakarta", "Bandung", "Surabaya", "Medan", "Makassar", "Semarang", "Palembang", "Bekasi", "Depok",
          "Bogor", "Denpasar", "Yogyakarta", "Malang", "Padang", "Pontianak", "Manado", "Kupang", "Ambon"]
PLACE = re.compile(r"\b(" + "|".join(PLACES) + r")\b")
NUMBER = re.compile(r"\b\d{1,3}\b")
TARGETS = {"sqlite": 50.0, "postgres": 100.0}
QUERIES = [
    ("banjir", {}), ("harga cabai", {}), ("prabowo", {}), ("gunung lewotobi erupsi", {}),
    ('"bank indonesia"', {}), ("korupsi kejagung", {}), ("timnas indonesia", {}), ("jakarta", {}),
    ("pajak kendaraan", {}), ("bitcoin OR kripto", {}), ("gempa -garut", {}), ("pemerintah*", {}),
    ("suku bunga", {"outlet": "kompas"}), ("ihsg melemah", {"since": "2025-03-01"}),
    ("pernikahan al ghazali", {}), ("ancaman bom pesawat", {}), ("dividen saham", {"until": "2025-01-31"}),
    ("mobil listrik", {"outlet": "detik", "since": "2024-12-01"}), ('"rumah subsidi"', {}),
    ("israel iran", {}), ("jemaah haji", {}), ("liga inggris", {}), ("pendidikan sekolah", {}),
    ("presiden", {}), ("polisi tangkap pelaku", {}),
]


def base_articles():
    arts = []
    for item in iter_captures([str(CSV)], "auto", COLUMNS):
        if isinstance(item, Capture):
            try:
                arts.append(parse_capture(item))
            except Exception:  # noqa: BLE001 - a row that does not parse is just not replicated
                continue
    return arts


_BASE: list = []


def _init(base):
    global _BASE
    _BASE = base


def replica(k: int) -> dict:
    """The k-th generated article's rows (deterministic in k)."""
    rng = random.Random(k)
    art = copy.deepcopy(_BASE[k % len(_BASE)])
    art.url = f"{art.url or 'https://bench.warta/a'}?replica={k}"
    art.outlet = OUTLETS[rng.randrange(len(OUTLETS))]
    day = dt.datetime(2025, 6, 18, 12, tzinfo=dt.timezone(dt.timedelta(hours=7))) - dt.timedelta(
        days=rng.randrange(365), minutes=rng.randrange(1440))
    art.published, art.updated = day.isoformat(), None
    paragraphs = [p for p in art.body.split("\n\n") if p.strip()] or [art.body]
    rng.shuffle(paragraphs)
    if len(paragraphs) > 3:
        paragraphs.pop(rng.randrange(len(paragraphs)))
    place = PLACES[rng.randrange(len(PLACES))]
    body = "\n\n".join(paragraphs)
    body = PLACE.sub(lambda m: place if rng.random() < 0.5 else m.group(), body)
    art.body = NUMBER.sub(lambda m: str(int(m.group()) + rng.randrange(3)) if rng.random() < 0.3 else m.group(), body)
    art.title = PLACE.sub(place, art.title or "")
    art.id = article_id(art.url, art.title, art.body)
    art.source = f"bench:{k}"
    return article_rows(Analysis(article=art), with_signature=False)


def generate(store, n: int, workers: int = 2, batch: int = 500) -> float:
    started = time.monotonic()
    base = base_articles()
    print(f"  {len(base)} parsed articles replicated to {n}")
    pool = mp.get_context("fork").Pool(workers, initializer=_init, initargs=(base,))
    results = []
    for k, rows in enumerate(pool.imap(replica, range(n), chunksize=64)):
        results.append(Result(f"bench:{k}", "bench", rows=rows))
        if len(results) >= batch:
            store.write_batch(results, None)
            results = []
            if (k + 1) % 10000 == 0:
                print(f"  {k + 1} stored ({time.monotonic() - started:.0f} s)")
    if results:
        store.write_batch(results, None)
    pool.close()
    pool.join()
    if hasattr(store, "optimize"):
        store.optimize()
    else:
        store.execute("ANALYZE")
    return time.monotonic() - started


def measure(store, repeat: int) -> list[float]:
    timings = []
    for _ in range(repeat):
        for text, filters in QUERIES:
            t = time.perf_counter()
            store.search(text, Filters(**filters), limit=20)
            timings.append((time.perf_counter() - t) * 1000)
    return timings


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="/tmp/warta-search-100k.db")
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--reuse", action="store_true", help="the database already holds the articles")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    if not CSV.exists():
        sys.exit(f"shared data not present: {CSV}")
    store = open_store(args.db)
    have = store.counts(["articles"])["articles"]
    if not args.reuse or have < args.articles:
        if have:
            sys.exit(f"{args.db} already holds {have} articles; use a new database or --reuse")
        seconds = generate(store, args.articles)
        print(f"  generated and stored {args.articles} articles in {seconds:.0f} s")
    n = store.counts(["articles"])["articles"]
    measure(store, 1)  # warm the caches (page cache, stemmer)
    timings = sorted(measure(store, args.repeat))
    p50 = statistics.median(timings)
    p95 = timings[int(0.95 * (len(timings) - 1))]
    target = TARGETS[store.dialect]
    hits = {q: len(store.search(q, Filters(**f), limit=20)) for q, f in QUERIES[:5]}
    print(f"  sample result counts: {hits}")
    print(f"search {store.dialect}: {n} articles, {len(timings)} queries: p50={p50:.1f} ms p95={p95:.1f} ms "
          f"max={timings[-1]:.1f} ms (target p95 <= {target:.0f} ms, x{p95 / target:.2f}) "
          f"{'OK' if p95 <= target else 'ABOVE TARGET'}")
    store.close()


if __name__ == "__main__":
    main()
