"""The store: one schema, two backends (SQLite, PostgreSQL), the same queries.

SQL here is written once with ``?`` placeholders and portable types; a
backend overrides only what differs (connection, transactions, the full-text
index).  The read queries (search, articles, entities, events, stories) live
in ``warta.store.reads`` and are mixed in.  Writes go through one writer per database: ``write_batch`` stores a
batch of prepared results and their progress markers in one transaction.
"""
from __future__ import annotations

import datetime as dt
import json
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Optional

from warta.store.migrations import migrations
from warta.store.reads import Filters, Reads, bound  # noqa: F401 - Filters, bound re-exported here
from warta.store.rows import CHILD_TABLES, utc

TABLES = ("articles", "authors", "entities", "article_entities", "mentions", "quotes", "quantities", "times",
          "events", "timeline", "stories", "ingest_runs", "ingested", "errors")
DATA_TABLES = ("articles", "authors", "entities", "article_entities", "mentions", "quotes", "quantities", "times",
               "events", "timeline", "stories", "errors")


@dataclass
class Result:
    """What a worker hands the writer for one capture."""

    capture_key: str
    capture_hash: str
    rows: Optional[dict[str, Any]] = None        # article_rows(...) when it worked
    error: Optional[dict[str, Any]] = None       # {code, name, message, transient} when it did not


@dataclass
class BatchOutcome:
    stored: int = 0
    replaced: int = 0
    unchanged: int = 0
    errors: int = 0
    article_ids: list[str] = field(default_factory=list)


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class Store(Reads):
    dialect = "sqlite"

    # ---------------------------------------------------------- plumbing ---
    def __init__(self, conn: Any, location: str):
        self.conn = conn
        self.location = location

    def sql(self, text: str) -> str:
        return text

    def execute(self, text: str, params: Iterable[Any] = ()) -> Any:
        return self.conn.execute(self.sql(text), tuple(params))

    def rows(self, text: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        raise NotImplementedError

    def scalar(self, text: str, params: Iterable[Any] = ()) -> Any:
        found = self.rows(text, params)
        return next(iter(found[0].values())) if found else None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        raise NotImplementedError
        yield

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def insert(self, table: str, row: dict[str, Any], conflict: str = "") -> None:
        cols = list(row)
        self.execute(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) {conflict}",
                     [row[c] for c in cols])

    def insert_many(self, table: str, rows: list[dict[str, Any]], conflict: str = "") -> None:
        if not rows:
            return
        cols = list(rows[0])
        self.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) {conflict}",
                         [[r[c] for c in cols] for r in rows])

    def executemany(self, text: str, params: list[list[Any]]) -> None:
        raise NotImplementedError

    # -------------------------------------------------------- migrations ---
    def migrate(self) -> list[int]:
        """Apply every migration not yet applied; the versions applied now."""
        with self.transaction():
            self.lock_schema()
            self.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                         "name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        applied = []
        for version, name, module in migrations():
            with self.transaction():
                # Checked under the lock: two processes opening a new database at once
                # must not both apply a migration.
                self.lock_schema()
                if self.scalar("SELECT count(*) FROM schema_migrations WHERE version = ?", [version]):
                    continue
                for statement in module.statements(self.dialect):
                    self.execute(statement)
                self.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                             [version, name, now()])
            applied.append(version)
        return applied

    def lock_schema(self) -> None:
        """Serialise schema changes between processes (SQLite: BEGIN IMMEDIATE already does)."""

    def schema_version(self) -> int:
        return self.scalar("SELECT max(version) FROM schema_migrations") or 0

    # ------------------------------------------------------------ ingest ---
    def begin_run(self, inputs: list[str], workers: int, components: Optional[list[str]]) -> int:
        with self.transaction():
            return self.scalar_insert(
                "INSERT INTO ingest_runs (started_at, status, inputs, workers, components) "
                "VALUES (?, 'running', ?, ?, ?) RETURNING id",
                [now(), json.dumps(inputs, ensure_ascii=False), workers,
                 ",".join(components) if components is not None else None])

    def scalar_insert(self, text: str, params: list[Any]) -> Any:
        return self.rows(text, params)[0]["id"] if "RETURNING id" in text else None

    def finish_run(self, run_id: int, status: str, counts: dict[str, int]) -> None:
        cols = [c for c in ("captures", "stored", "unchanged", "skipped", "errors") if c in counts]
        with self.transaction():
            self.execute(f"UPDATE ingest_runs SET status = ?, finished_at = ?"
                         f"{''.join(f', {c} = ?' for c in cols)} WHERE id = ?",
                         [status, now(), *[counts[c] for c in cols], run_id])

    def seen(self, keys: list[str]) -> dict[str, str]:
        """capture_key -> capture_hash of the captures already ingested (or failed for good)."""
        found: dict[str, str] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            for row in self.rows(f"SELECT capture_key, capture_hash FROM ingested WHERE capture_key IN "
                                 f"({', '.join('?' * len(chunk))})", chunk):
                found[row["capture_key"]] = row["capture_hash"]
        return found

    def write_batch(self, results: list[Result], run_id: Optional[int]) -> BatchOutcome:
        """Store a batch of results and their progress markers in one transaction."""
        outcome = BatchOutcome()
        with self.transaction():
            for result in results:
                if result.error is not None:
                    self.record_error(result.capture_key, result.error, run_id)
                    outcome.errors += 1
                    status, article_id = "error", None
                    if result.error.get("transient"):
                        continue  # retried on the next run
                else:
                    status = self.upsert_article(result.rows, run_id)
                    article_id = result.rows["article"]["id"]
                    setattr(outcome, status, getattr(outcome, status) + 1)
                    if status != "unchanged":
                        outcome.article_ids.append(article_id)
                self.execute("INSERT INTO ingested (capture_key, capture_hash, article_id, status, run_id) "
                             "VALUES (?, ?, ?, ?, ?) ON CONFLICT (capture_key) DO UPDATE SET "
                             "capture_hash = excluded.capture_hash, article_id = excluded.article_id, "
                             "status = excluded.status, run_id = excluded.run_id",
                             [result.capture_key, result.capture_hash, article_id, status, run_id])
        return outcome

    def record_error(self, source: str, error: dict[str, Any], run_id: Optional[int]) -> None:
        self.execute("INSERT INTO errors (input, code, name, message, transient, run_id, at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (input, code) DO UPDATE SET "
                     "message = excluded.message, run_id = excluded.run_id, at = excluded.at",
                     [source, error["code"], error.get("name"), error.get("message"),
                      1 if error.get("transient") else 0, run_id, now()])

    def upsert_article(self, rows: dict[str, Any], run_id: Optional[int]) -> str:
        """stored (new) | replaced (a newer version) | unchanged (same content, or an older version)."""
        art = rows["article"]
        old = self.rows("SELECT num, content_hash, published_utc, updated FROM articles WHERE id = ?", [art["id"]])
        if old and (old[0]["content_hash"] == art["content_hash"] or _older(art, old[0])):
            return "unchanged"
        values = dict(art, run_id=run_id, ingested_at=now())
        if old:
            num = old[0]["num"]
            self.delete_children(art["id"], num)
            cols = [c for c in values if c != "id"]
            self.execute(f"UPDATE articles SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?",
                         [values[c] for c in cols] + [art["id"]])
        else:
            cols = list(values)
            num = self.rows(f"INSERT INTO articles ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
                            f"RETURNING num", [values[c] for c in cols])[0]["num"]
        self.insert_many("entities", rows["entities"], "ON CONFLICT (id) DO NOTHING")
        for table in CHILD_TABLES:
            self.insert_many(table, rows[table])
        self.insert_index(num, rows["index"])
        return "replaced" if old else "stored"

    def delete_children(self, article_id: str, num: int) -> None:
        for table in CHILD_TABLES:
            self.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        self.execute("DELETE FROM article_index WHERE num = ?", [num])

    def insert_index(self, num: int, index: dict[str, Any]) -> None:
        self.insert("article_index", dict(index, num=num))

    # ------------------------------------------------------------ admin ---
    def counts(self, tables: Iterable[str] = TABLES) -> dict[str, int]:
        return {t: self.scalar(f"SELECT count(*) FROM {t}") for t in tables}

    def fingerprint(self, tables: Iterable[str] = DATA_TABLES) -> dict[str, str]:
        """A digest of every row of each table (to show that a run changed nothing)."""
        import hashlib

        out = {}
        for table in tables:
            digest = hashlib.sha1()
            for row in self.rows(f"SELECT * FROM {table}"):
                row.pop("num", None)
                row.pop("ingested_at", None)
                row.pop("at", None)
                row.pop("run_id", None)
                digest.update(json.dumps(row, sort_keys=True, default=str).encode())
            out[table] = digest.hexdigest()[:12]
        return out

    def export_rows(self, table: str) -> Iterator[dict[str, Any]]:
        if table not in TABLES + ("article_index",):
            raise ValueError(f"unknown table {table!r}; tables: {', '.join(TABLES)}")
        order = {"articles": "num", "ingest_runs": "id"}.get(table, "1")
        yield from self.rows(f"SELECT * FROM {table} ORDER BY {order}")


def _older(new: dict[str, Any], old: dict[str, Any]) -> bool:
    """Is the incoming version older than the stored one (then the stored one stays)?"""
    new_time = utc(new.get("updated")) or new.get("published_utc")
    old_time = utc(old.get("updated")) or old.get("published_utc")
    return bool(new_time and old_time and new_time < old_time)
