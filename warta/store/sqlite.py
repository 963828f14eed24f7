"""SQLite backend: one file, WAL mode, FTS5 with BM25 over stemmed terms."""
from __future__ import annotations

import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator

from warta.errors import WartaError
from warta.search import Query, to_fts5
from warta.store.base import Store
from warta.store.reads import MatchSql

BUSY_TIMEOUT_S = 30
TITLE_WEIGHT, BODY_WEIGHT = 3.0, 1.0


def _set_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL mode, retrying: the switch takes the lock without the busy handler's patience,
    so processes opening a new database at once may find it locked for a moment."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class SQLiteStore(Store):
    dialect = "sqlite"

    @classmethod
    def open(cls, path: str, read_only: bool = False) -> "SQLiteStore":
        """A migrated store; ``read_only``: an existing database as it is, writes refused."""
        if read_only and path != ":memory:" and not Path(path).is_file():
            raise WartaError("W100", path)
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        if not read_only:
            _set_wal(conn)
        conn.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a crash loses no committed batch
        conn.execute("PRAGMA cache_size=-65536")
        store = cls(conn, path)
        if read_only:
            conn.execute("PRAGMA query_only = ON")
        else:
            store.migrate()
        return store

    def rows(self, text: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        return [dict(r) for r in self.execute(text, params).fetchall()]

    def execute(self, text: str, params: Iterable[Any] = ()) -> Any:
        try:
            return self.conn.execute(text, tuple(params))
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise WartaError("W160", self.location, str(exc)) from None
            raise

    def executemany(self, text: str, params: list[list[Any]]) -> None:
        self.conn.executemany(text, params)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self.conn.in_transaction:  # nested: the outer transaction commits
            yield
            return
        self.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def insert_index(self, num: int, index: dict[str, Any]) -> None:
        super().insert_index(num, index)
        self.execute("INSERT INTO article_fts (rowid, title_terms, body_terms) VALUES (?, ?, ?)",
                     [num, index["title_terms"], index["body_terms"]])

    def delete_children(self, article_id: str, num: int) -> None:
        old = self.rows("SELECT title_terms, body_terms FROM article_index WHERE num = ?", [num])
        if old:  # external-content FTS5: the old terms are needed to remove them
            self.execute("INSERT INTO article_fts (article_fts, rowid, title_terms, body_terms) "
                         "VALUES ('delete', ?, ?, ?)", [num, old[0]["title_terms"], old[0]["body_terms"]])
        super().delete_children(article_id, num)

    def match_sql(self, query: Query) -> MatchSql:
        # FTS5 walks a term's rows in rowid (= articles.num) order cheaply but computes BM25 for
        # every row it is given: the rank window (warta.store.reads) bounds that.
        return MatchSql(source="article_fts", cond="article_fts MATCH ?", num="article_fts.rowid",
                        score=f"-bm25(article_fts, {TITLE_WEIGHT}, {BODY_WEIGHT})", params=(to_fts5(query),))

    def json_text(self, column: str, *path: str) -> str:
        return f"json_extract({column}, '$.{'.'.join(path)}')"

    def optimize(self) -> None:
        self.execute("INSERT INTO article_fts (article_fts) VALUES ('optimize')")
        self.execute("PRAGMA optimize")
