"""PostgreSQL backend: the same schema; full-text search with tsvector/tsquery.

Terms are stemmed in Python (``warta.search``) exactly as for SQLite and
indexed with the ``simple`` configuration, so both backends match the same
articles; ranking is ``ts_rank`` over the title and lead (migration 4), title terms weighted above body terms
and length normalisation (BM25's ingredients, not its exact formula).
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterable, Iterator

from warta.errors import WartaError
from warta.search import Query, to_tsquery
from warta.store.base import Store

RANK_WEIGHTS = "'{0.1, 0.2, 0.4, 1.0}'"  # D, C, B (body), A (title)


class PostgresStore(Store):
    dialect = "postgres"

    @classmethod
    def open(cls, url: str) -> "PostgresStore":
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

    def search_rows(self, query: Query, where: str, params: list[Any], limit: int) -> list[dict[str, Any]]:
        return self.rows(
            f"SELECT a.id, a.title, a.url, a.outlet, a.published, a.story_id, a.body, "
            f"ts_rank({RANK_WEIGHTS}, i.rank_vector, q, 1) AS score "
            f"FROM article_index i JOIN articles a ON a.num = i.num, to_tsquery('simple', ?) q "
            f"WHERE i.search_vector @@ q {'AND ' + where if where else ''} "
            f"ORDER BY score DESC, a.id LIMIT ?",
            [to_tsquery(query), *params, limit])


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url
