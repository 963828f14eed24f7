"""The store: one schema, two backends (SQLite, PostgreSQL), the same queries.

SQL here is written once with ``?`` placeholders and portable types; a
backend overrides only what differs (connection, transactions, the full-text
index).  Writes go through one writer per database: ``write_batch`` stores a
batch of prepared results and their progress markers in one transaction.
"""
from __future__ import annotations

import datetime as dt
import json
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Optional

from warta.search import Query, parse_query, snippet
from warta.store.migrations import migrations
from warta.store.rows import CHILD_TABLES, utc

TABLES = ("articles", "authors", "entities", "article_entities", "mentions", "quotes", "quantities", "times",
          "events", "timeline", "stories", "ingest_runs", "ingested", "errors")
DATA_TABLES = ("articles", "authors", "entities", "article_entities", "mentions", "quotes", "quantities", "times",
               "events", "timeline", "stories", "errors")


@dataclass
class Filters:
    outlet: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    entity: Optional[str] = None
    speaker: Optional[str] = None
    event_type: Optional[str] = None


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


def bound(value: Optional[str], end: bool) -> Optional[str]:
    """--since/--until value -> UTC bound; a bare date covers the whole day (WIB)."""
    if not value:
        return None
    if len(value) == 10:
        day = dt.date.fromisoformat(value) + dt.timedelta(days=1 if end else 0)
        return utc(day.isoformat() + "T00:00:00+07:00")
    result = utc(value)
    if result is None:
        raise ValueError(f"not an ISO 8601 date or time: {value!r}")
    return result


class Store:
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

    # ------------------------------------------------------------ search ---
    def search(self, text: str, filters: Optional[Filters] = None, limit: int = 20) -> list[dict[str, Any]]:
        """Articles matching the query (best first), each with a highlighted snippet."""
        query = parse_query(text)
        where, params = self.filter_sql(filters or Filters())
        if query.empty:
            if not text.strip() in ("", "*"):
                return []
            found = self.rows(f"SELECT a.id, a.title, a.url, a.outlet, a.published, a.story_id, a.body, "
                              f"0.0 AS score FROM articles a {'WHERE ' + where if where else ''} "
                              f"ORDER BY a.published_utc DESC, a.id LIMIT ?", [*params, limit])
        else:
            found = self.search_rows(query, where, params, limit)
        for hit in found:
            hit["snippet"] = snippet(hit.pop("body") or "", query)
            hit["score"] = round(float(hit["score"]), 4)
        return found

    def search_rows(self, query: Query, where: str, params: list[Any], limit: int) -> list[dict[str, Any]]:
        raise NotImplementedError

    def filter_sql(self, f: Filters) -> tuple[str, list[Any]]:
        conds, params = [], []
        if f.outlet:
            conds.append("lower(a.outlet) LIKE ?")
            params.append(f.outlet.lower().removesuffix(".com") + "%")
        if f.since:
            conds.append("a.published_utc >= ?")
            params.append(bound(f.since, end=False))
        if f.until:
            conds.append("a.published_utc < ?")
            params.append(bound(f.until, end=True))
        if f.entity:
            conds.append("a.id IN (SELECT ae.article_id FROM article_entities ae WHERE ae.entity_id IN "
                         f"({self.entity_ids_sql()}))")
            params += [f.entity.casefold(), f.entity.casefold()]
        if f.speaker:
            conds.append("a.id IN (SELECT q.article_id FROM quotes q WHERE lower(q.speaker) LIKE ?)")
            params.append(f"%{f.speaker.casefold()}%")
        if f.event_type:
            conds.append("a.id IN (SELECT e.article_id FROM events e WHERE lower(e.type) = ?)")
            params.append(f.event_type.casefold())
        return " AND ".join(conds), params

    @staticmethod
    def entity_ids_sql() -> str:
        """Ids of entities named NAME (canonical name or any mention), two params."""
        return ("SELECT id FROM entities WHERE lower(name) = ? "
                "UNION SELECT entity_id FROM mentions WHERE lower(text) = ?")

    # ------------------------------------------------------- read models ---
    def article(self, article_id: str) -> Optional[dict[str, Any]]:
        found = self.rows("SELECT * FROM articles WHERE id = ?", [article_id])
        if not found:
            return None
        art = found[0]
        for table in CHILD_TABLES:
            art[table] = self.rows(f"SELECT * FROM {table} WHERE article_id = ? ORDER BY "
                                   f"{'entity_id' if table == 'article_entities' else 'span_start' if table == 'mentions' else 'position'}",
                                   [article_id])
        return art

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

    def entity_report(self, name: str, limit: int = 20) -> Optional[dict[str, Any]]:
        """Mentions over time, quotes by the entity and the entities mentioned with it."""
        key = name.casefold()
        ids = [r["id"] for r in self.rows(self.entity_ids_sql(), [key, key])]
        if not ids:
            speaker_quotes = self.rows("SELECT q.text, q.kind, q.speaker, a.id AS article_id, a.title, a.published "
                                       "FROM quotes q JOIN articles a ON a.id = q.article_id "
                                       "WHERE lower(q.speaker) = ? ORDER BY a.published_utc LIMIT ?", [key, limit])
            return {"name": name, "entities": [], "mentions_by_day": [], "quotes": speaker_quotes,
                    "co_mentioned": [], "articles": 0} if speaker_quotes else None
        marks = ", ".join("?" * len(ids))
        entities = self.rows(f"SELECT * FROM entities WHERE id IN ({marks}) ORDER BY id", ids)
        by_day = self.rows(
            f"SELECT substr(a.published_utc, 1, 10) AS day, count(DISTINCT a.id) AS articles, "
            f"sum(ae.mentions) AS mentions FROM article_entities ae JOIN articles a ON a.id = ae.article_id "
            f"WHERE ae.entity_id IN ({marks}) GROUP BY substr(a.published_utc, 1, 10) ORDER BY day", ids)
        quotes = self.rows(
            f"SELECT q.text, q.kind, q.speaker, a.id AS article_id, a.title, a.published FROM quotes q "
            f"JOIN articles a ON a.id = q.article_id WHERE q.speaker_entity_id IN ({marks}) OR lower(q.speaker) = ? "
            f"ORDER BY a.published_utc, q.position LIMIT ?", [*ids, key, limit])
        co = self.rows(
            f"SELECT e.name, e.type, count(DISTINCT o.article_id) AS articles FROM article_entities o "
            f"JOIN entities e ON e.id = o.entity_id WHERE o.article_id IN "
            f"(SELECT article_id FROM article_entities WHERE entity_id IN ({marks})) "
            f"AND o.entity_id NOT IN ({marks}) GROUP BY e.name, e.type ORDER BY articles DESC, e.name LIMIT ?",
            [*ids, *ids, limit])
        total = self.scalar(f"SELECT count(DISTINCT article_id) FROM article_entities WHERE entity_id IN ({marks})", ids)
        return {"name": name, "entities": entities, "articles": total, "mentions_by_day": by_day,
                "quotes": quotes, "co_mentioned": co}

    def timeline(self, entity: Optional[str] = None, limit: int = 200) -> list[dict[str, Any]]:
        """Dated entries: the analysis timeline (dated facts, quotes) and each article's publication."""
        cond, params = "", []
        if entity:
            cond = ("WHERE a.id IN (SELECT article_id FROM article_entities WHERE entity_id IN "
                    f"({self.entity_ids_sql()}))")
            params = [entity.casefold(), entity.casefold()]
        entries = self.rows(
            f"SELECT t.date, t.kind, t.text, a.id AS article_id, a.title, a.outlet FROM timeline t "
            f"JOIN articles a ON a.id = t.article_id {cond} ORDER BY t.date LIMIT ?", [*params, limit])
        published = self.rows(
            f"SELECT a.published AS date, 'published' AS kind, a.title AS text, a.id AS article_id, a.title, "
            f"a.outlet FROM articles a {cond + ' AND' if cond else 'WHERE'} a.published IS NOT NULL "
            f"ORDER BY a.published_utc LIMIT ?", [*params, limit])
        merged = sorted(entries + published, key=lambda e: (utc(e["date"]) or str(e["date"]) or "", e["article_id"]))
        return merged[:limit]

    def stories(self, since: Optional[str] = None, limit: int = 100, min_size: int = 2) -> list[dict[str, Any]]:
        cond, params = "WHERE s.size >= ?", [min_size]
        if since:
            cond += " AND s.last_seen >= ?"
            params.append(bound(since, end=False))
        found = self.rows(f"SELECT * FROM stories s {cond} ORDER BY s.size DESC, s.last_seen DESC, s.id LIMIT ?",
                          [*params, limit])
        for story in found:
            story["outlets"] = json.loads(story["outlets"] or "[]")
            story["entities"] = json.loads(story["entities"] or "[]")
            story["articles"] = self.rows(
                "SELECT id, title, outlet, published, url, duplicate_of FROM articles WHERE story_id = ? "
                "ORDER BY published_utc, id", [story["id"]])
        return found

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
