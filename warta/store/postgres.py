"""PostgreSQL backend: the same schema; full-text search with tsvector/tsquery.

Terms are stemmed in Python (``warta.search``) exactly as for SQLite and
indexed with the ``simple`` configuration, so both backends match the same
articles.  Matching uses the narrow ``article_match`` table and its GIN index
(migration 5); ranking is ``ts_rank`` over the title and lead (migration 4),
title terms weighted above body terms, with length normalisation (BM25's
ingredients, not its exact formula).
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterable, Iterator

from warta.errors import WartaError
from warta.search import Query, to_tsquery
from warta.store.base import Store
from warta.store.reads import MatchSql

RANK_WEIGHTS = "'{0.1, 0.2, 0.4, 1.0}'"  # D, C, B (body), A (title)


class PostgresStore(Store):
    dialect = "postgres"

    @classmethod
    def open(cls, url: str, read_only: bool = False) -> "PostgresStore":
        """A migrated store; ``read_only``: the database as it is, every transaction read-only."""
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError:  # pragma: no cover - depends on the install
            raise SystemExit("PostgreSQL needs psycopg: pip install 'psycopg[binary]'") from None
        try:
            conn = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        except psycopg.OperationalError as exc:
            raise WartaError("W160", _safe(url), str(exc).strip()) from None
        store = cls(conn, _safe(url))
        if read_only:
            conn.execute("SET default_transaction_read_only = on")
        else:
            store.migrate()
        return store

    def sql(self, text: str) -> str:
        return text.replace("%", "%%").replace("?", "%s")

    def rows(self, text: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        cur = self.conn.execute(self.sql(text), tuple(params))
        return list(cur.fetchall()) if cur.description else []

    def executemany(self, text: str, params: list[list[Any]]) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(self.sql(text), params)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def lock_schema(self) -> None:
        self.execute("SELECT pg_advisory_xact_lock(70316)")

    def insert_index(self, num: int, index: dict[str, Any]) -> None:
        super().insert_index(num, index)
        self.execute("INSERT INTO article_match (num, search_vector) VALUES (?, "
                     "setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'B'))",
                     [num, index["title_terms"], index["body_terms"]])

    def delete_children(self, article_id: str, num: int) -> None:
        self.execute("DELETE FROM article_match WHERE num = ?", [num])
        super().delete_children(article_id, num)

    def match_sql(self, query: Query) -> MatchSql:
        # Matching reads the narrow article_match (migration 5); only the window's rows are ranked,
        # each by its compact rank vector (migration 4).  Order "t.num + 0": ordered by the primary
        # key, the planner walks it and tests every row's vector instead of asking the GIN index once.
        return MatchSql(source="article_match t CROSS JOIN to_tsquery('simple', ?) q", cond="t.search_vector @@ q",
                        num="t.num", params=(to_tsquery(query),), order="(t.num + 0)",
                        score=f"(SELECT ts_rank({RANK_WEIGHTS}, i.rank_vector, q, 1) FROM article_index i "
                              f"WHERE i.num = t.num)")

    def optimize(self) -> None:
        """After a bulk load: VACUUM (visibility map, GIN) and fresh planner statistics."""
        for table in ("articles", "article_index", "article_match"):
            self.execute(f"VACUUM ANALYZE {table}")

    def json_text(self, column: str, *path: str) -> str:
        return f"({column}::jsonb #>> '{{{','.join(path)}}}')"


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url
