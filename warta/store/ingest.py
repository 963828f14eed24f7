"""Ingest: sources -> captures -> articles -> analyses -> the store.

- Workers (processes) parse, analyse and prepare rows; the parent is the only
  writer and commits a batch of results together with one ``ingested`` row
  per capture.  A run killed at any moment leaves whole batches: the next run
  skips every capture already marked (same key, same content hash) and
  redoes the rest, so nothing is lost and nothing is stored twice.
- Per-record failures become rows of ``errors`` (input, code, message) and
  the run goes on; transient ones (network, lock) are retried next run.
- Article upserts are keyed by the article id (canonical URL, or content
  hash) and a hash of the stored content: the same article twice changes
  nothing, a newer version replaces the older one.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing as mp
import os
import re
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional, Union

from warta.capture import iter_captures
from warta.errors import WartaError
from warta.records import Capture
from warta.store.base import Result, Store

BATCH_SIZE = 64
RECORD_TIMEOUT_S = 120.0  # one article taking longer than this is treated as hung
# An unexpected exception while reading one record (a bug, not bad input).
INTERNAL_CODE = "W170"  # unexpected exceptions, worker crashes, timeouts
SUFFIX = re.compile(r"^(?P<path>.*?)(?P<suffix>[:#]\d+)?$")

Item = Union[Capture, WartaError]


@dataclass
class Summary:
    run_id: int = 0
    captures: int = 0
    stored: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: int = 0     # seen in an earlier run: not even parsed
    errors: int = 0
    seconds: float = 0.0
    stories: int = 0
    interrupted: bool = False
    error_codes: dict[str, int] = field(default_factory=dict)

    @property
    def processed(self) -> int:
        return self.stored + self.replaced + self.unchanged + self.errors

    @property
    def rate(self) -> float:
        return self.processed / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in ("run_id", "captures", "stored", "replaced", "unchanged", "skipped",
                                               "errors", "stories", "interrupted", "error_codes")} | {
            "seconds": round(self.seconds, 2), "articles_per_second": round(self.rate, 1)}


# ------------------------------------------------------------- captures ---

def capture_key(capture_source: str) -> str:
    """A stable key for a capture's place: absolute path plus row/record suffix, or the URL."""
    if capture_source.startswith(("http://", "https://")) or capture_source == "-":
        return capture_source
    match = SUFFIX.match(capture_source)
    path, suffix = match.group("path"), match.group("suffix") or ""
    if suffix and not os.path.exists(path):  # a file name that itself ends in :digits
        path, suffix = capture_source, ""
    return os.path.abspath(path) + suffix


def capture_hash(capture: Capture) -> str:
    basis = json.dumps([capture.format, capture.url, capture.text, capture.fields], sort_keys=True,
                       ensure_ascii=False)
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()


def source_items(sources: list[str], input_format: str = "auto", columns: Optional[dict] = None,
                 url: Optional[str] = None, fetched_at: Optional[str] = None, fetcher=None) -> Iterator[Item]:
    """Captures of every source in order: files/dirs/globs/stdin, then URLs and feeds."""
    from warta.fetch import is_url, url_captures

    files = [s for s in sources if not is_url(s)]
    urls = [s for s in sources if is_url(s)]
    if files:
        yield from iter_captures(files, input_format, columns, url, fetched_at)
    if urls:
        yield from url_captures(urls, fetcher)


def keyed(item: Item) -> tuple[str, str]:
    if isinstance(item, WartaError):
        return capture_key(item.source), "error:" + item.code
    key = capture_key(item.source)
    digest = capture_hash(item)
    return (f"-:{digest}" if key == "-" else key), digest


# --------------------------------------------------------------- worker ---

_COMPONENTS: Optional[list[str]] = None
_ANALYSE = True


def _init_worker(components: Optional[list[str]], analyse: bool) -> None:
    global _COMPONENTS, _ANALYSE
    _COMPONENTS, _ANALYSE = components, analyse


def process(task: tuple[str, str, Item]) -> Result:
    """Capture -> Article -> Analysis -> rows (in a worker); failures become an error result."""
    from warta.parse import parse_capture
    from warta.pipeline import analyze
    from warta.records import Analysis
    from warta.store.rows import article_rows

    key, digest, item = task
    try:
        if isinstance(item, WartaError):
            raise item
        article = parse_capture(item)
        analysis = analyze(article, _COMPONENTS) if _ANALYSE else Analysis(article=article)
        return Result(key, digest, rows=article_rows(analysis))
    except WartaError as err:
        return Result(key, digest, error=_error_dict(err))
    except Exception as exc:  # noqa: BLE001 - one bad record must not end the run
        err = WartaError(INTERNAL_CODE, key, f"{type(exc).__name__}: {exc}")
        return Result(key, digest, error=_error_dict(err))


def _error_dict(err: WartaError) -> dict:
    return {"code": err.code, "name": err.name, "message": str(err.message), "transient": err.transient,
            "source": err.source}


# ---------------------------------------------------------------- run ---

Progress = Callable[[Summary, int], None]  # (summary so far, total captures to process)


def ingest(store: Store, sources: list[str], workers: int = 1, components: Optional[list[str]] = None,
           analyse: bool = True, input_format: str = "auto", columns: Optional[dict] = None,
           url: Optional[str] = None, fetched_at: Optional[str] = None, fetcher=None,
           batch_size: int = BATCH_SIZE, retry_errors: bool = False, on_progress: Optional[Progress] = None,
           update_stories: bool = True, items: Optional[Iterable[Item]] = None) -> Summary:
    """Ingest every source into the store; resumable, idempotent, one writer."""
    summary = Summary()
    started = time.monotonic()
    summary.run_id = store.begin_run(sources, workers, components)
    seen = _seen(store, retry_errors)
    tasks = []
    for item in (items if items is not None else
                 source_items(sources, input_format, columns, url, fetched_at, fetcher)):
        summary.captures += 1
        key, digest = keyed(item)
        if seen.get(key) == digest:
            summary.skipped += 1
            continue
        tasks.append((key, digest, item))
    changed: list[str] = []
    status = "done"
    try:
        for batch in _results(tasks, workers, components, analyse, batch_size):
            outcome = store.write_batch(batch, summary.run_id)
            changed += outcome.article_ids
            for name in ("stored", "replaced", "unchanged", "errors"):
                setattr(summary, name, getattr(summary, name) + getattr(outcome, name))
            for r in batch:
                if r.error:
                    summary.error_codes[r.error["code"]] = summary.error_codes.get(r.error["code"], 0) + 1
            summary.seconds = time.monotonic() - started
            if on_progress:
                on_progress(summary, len(tasks))
        if update_stories:
            from warta.stories import update_stories as cluster

            summary.stories = cluster(store)
    except KeyboardInterrupt:
        status, summary.interrupted = "interrupted", True
    finally:
        summary.seconds = time.monotonic() - started
        store.finish_run(summary.run_id, status, {
            "captures": summary.captures, "stored": summary.stored + summary.replaced,
            "unchanged": summary.unchanged, "skipped": summary.skipped, "errors": summary.errors})
    return summary


def _seen(store: Store, retry_errors: bool) -> dict[str, str]:
    cond = "" if not retry_errors else " WHERE status <> 'error'"
    return {r["capture_key"]: r["capture_hash"] for r in store.rows(f"SELECT capture_key, capture_hash FROM ingested{cond}")}


def _results(tasks: list, workers: int, components, analyse: bool, batch_size: int) -> Iterator[list[Result]]:
    """Results in input order, in batches.  Analysis runs in worker processes (a crash in a
    native extension must not take the run down); parsing alone runs in-process."""
    if workers <= 1 and not analyse:
        _init_worker(components, analyse)
        results: Iterable[Result] = (process(task) for task in tasks)
    else:
        results = _in_workers(tasks, max(1, workers), components, analyse)
    batch = []
    for result in results:
        batch.append(result)
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def _in_workers(tasks: list, workers: int, components, analyse: bool) -> Iterator[Result]:
    """Run tasks in a process pool, in order, surviving workers that crash or hang.

    When the pool breaks (a worker died, e.g. a segfault in a native model) or the
    oldest record runs past RECORD_TIMEOUT_S, the pool is replaced and the records
    that were in flight are re-run one at a time, so the one that crashes is known:
    it becomes an error result and the run goes on."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures import TimeoutError as FutureTimeout
    from concurrent.futures.process import BrokenProcessPool

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker,
                                   initargs=(components, analyse))

    pool = new_pool()
    window = workers * 8
    careful_until = -1          # after a crash: one record at a time up to this index
    in_flight: list = []        # (index, future), oldest first
    next_index = 0
    empty_breaks = 0            # pools that broke with nothing in flight (workers die at start)
    try:
        while next_index < len(tasks) or in_flight:
            limit = 1 if next_index <= careful_until else window
            try:
                # submit() too raises BrokenProcessPool when a worker died meanwhile
                while next_index < len(tasks) and len(in_flight) < limit:
                    in_flight.append((next_index, pool.submit(process, tasks[next_index])))
                    next_index += 1
                index, future = in_flight[0]
                result = future.result(timeout=RECORD_TIMEOUT_S)
            except (BrokenProcessPool, FutureTimeout) as exc:
                if not in_flight:  # broke before anything was in flight: start again, a few times
                    empty_breaks += 1
                    if empty_breaks > 3:
                        raise
                    _kill(pool)
                    pool = new_pool()
                    continue
                empty_breaks = 0
                index = in_flight[0][0]
                _kill(pool)
                pool = new_pool()
                if len(in_flight) == 1 and careful_until >= index:
                    in_flight.pop(0)  # alone and still failing: this record is the cause
                    key, digest, _ = tasks[index]
                    reason = "timed out" if isinstance(exc, FutureTimeout) else "the worker process crashed"
                    yield Result(key, digest, error=_error_dict(WartaError(INTERNAL_CODE, key, reason)))
                    continue
                careful_until = max(careful_until, in_flight[-1][0])
                next_index = in_flight[0][0]
                in_flight = []
                continue
            in_flight.pop(0)
            yield result
    finally:
        _kill(pool)


def _kill(pool) -> None:
    """Stop a pool now, including workers busy with a hung record."""
    for proc in list(getattr(pool, "_processes", {}).values()):  # no public API to kill busy workers
        if proc.is_alive():
            proc.kill()
    pool.shutdown(wait=False, cancel_futures=True)
