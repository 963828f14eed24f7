"""Ingest throughput, idempotence and kill -9 safety on the shared day of news.

usage: python bench/ingest.py [--workers 2] [--components a,b] [--no-analysis] [--db-dir DIR] [--pg URL]

Three figures on ../shared/data/news/raw-2025-06-18.csv (1,973 rows):
1. articles/s of a full ingest (parse + analysis + store + stories) on N workers  (target >= 40 on 2);
2. a second ingest of the same file changes no row (fingerprint of every data table);
3. a run killed with SIGKILL halfway and restarted ends with the same counts and rows
   as the uninterrupted run.
"""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from warta.store import open_store  # noqa: E402
from warta.store.ingest import ingest  # noqa: E402

CSV = ROOT.parent / "shared" / "data" / "news" / "raw-2025-06-18.csv"
COLUMNS = dict(url="url", title="judul", authors="author", published="tanggal_publikasi", body="isi_berita",
               outlet="sumber")
BASELINE = 40.0  # articles/s on 2 workers, the target
COUNTED = ("articles", "authors", "entities", "article_entities", "mentions", "quotes", "quantities", "times",
           "events", "timeline", "stories", "errors", "ingested")


def run(db: str, workers: int, components, analyse: bool):
    with open_store(db) as store:
        summary = ingest(store, [str(CSV)], workers=workers, components=components, analyse=analyse,
                         columns=COLUMNS)
        return summary, store.counts(COUNTED), store.fingerprint()


def killed_then_resumed(db: str, workers: int, components, analyse: bool, at: int) -> dict:
    script = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); from warta.store import open_store; "
              f"from warta.store.ingest import ingest; "
              f"ingest(open_store({db!r}), [{str(CSV)!r}], workers={workers}, components={components!r}, "
              f"analyse={analyse}, columns={COLUMNS!r})")
    proc = subprocess.Popen([sys.executable, "-c", script], start_new_session=True)
    done = 0
    while proc.poll() is None:
        time.sleep(0.1)
        try:
            with open_store(db) as peek:
                done = peek.counts(["ingested"])["ingested"]
        except Exception:  # noqa: BLE001 - not created yet
            continue
        if done >= at:
            os.killpg(proc.pid, signal.SIGKILL)  # the parent and its workers, mid-batch
            break
    proc.wait()
    print(f"  killed with SIGKILL after {done} captures were committed")
    return run(db, workers, components, analyse)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--components", default=None)
    ap.add_argument("--no-analysis", action="store_true")
    ap.add_argument("--db-dir", default=None)
    ap.add_argument("--pg", default=None, help="a postgresql:// server URL instead of SQLite files (one db each)")
    ap.add_argument("--skip-kill", action="store_true")
    args = ap.parse_args()
    if not CSV.exists():
        sys.exit(f"shared data not present: {CSV}")
    components = [c for c in args.components.split(",") if c] if args.components else None
    analyse = not args.no_analysis
    workdir = args.db_dir or tempfile.mkdtemp(prefix="warta-bench-")

    def db(name: str) -> str:
        if args.pg:
            import psycopg

            with psycopg.connect(args.pg, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS bench_{name}")
                conn.execute(f"CREATE DATABASE bench_{name}")
            return args.pg.replace("/postgres?", f"/bench_{name}?")
        path = os.path.join(workdir, f"{name}.db")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
        return path

    label = f"workers={args.workers} components={args.components or ('none' if not analyse else 'all')}"
    whole = db("whole")
    summary, counts, fingerprint = run(whole, args.workers, components, analyse)
    rate = summary.captures / summary.seconds
    print(f"1. ingest {label}: {summary.captures} rows in {summary.seconds:.1f} s = {rate:.1f} articles/s "
          f"(x{rate / BASELINE:.2f} of the {BASELINE:.0f}/s target); stored {summary.stored}, errors {summary.errors}, "
          f"stories {summary.stories}")
    print(f"   counts {counts}")
    again, counts2, fingerprint2 = run(whole, args.workers, components, analyse)
    same = counts2 == counts and fingerprint2 == fingerprint
    print(f"2. second ingest: skipped {again.skipped}, stored {again.stored}, replaced {again.replaced} in "
          f"{again.seconds:.1f} s; rows changed: {'none' if same else 'YES'}")
    ok = same and rate >= BASELINE
    if not args.skip_kill:
        cut = db("killed")
        resumed, counts3, fingerprint3 = killed_then_resumed(cut, args.workers, components, analyse,
                                                             at=summary.captures // 2)
        equal = counts3 == counts and fingerprint3 == fingerprint
        print(f"3. kill -9 halfway + restart: resumed run skipped {resumed.skipped}, stored {resumed.stored}; "
              f"counts and rows equal to the uninterrupted run: {'yes' if equal else 'NO'}")
        if not equal:
            print(f"   counts after restart {counts3}")
        ok = ok and equal
    print(f"ingest: {rate:.1f} articles/s, idempotent={same} {'OK' if ok else 'BELOW TARGET'}")


if __name__ == "__main__":
    main()
