"""Read queries of the store, written once for both backends.

The CLI commands and the HTTP API call these (one implementation each).  A
backend supplies only ``match_sql`` (its full-text match and rank) and
``json_text`` (a path inside a JSON text column); everything else is portable
SQL with ``?`` placeholders.

Search ranks within a window: a query is ranked among its newest
``RANK_WINDOW`` matches (storage order), read through the full-text index
alone; article rows are read only for the page shown.  When filters leave
fewer matches than the page needs there, the window grows fourfold until it
covers every match.  Both backends rank the same window, so they return
the same articles for the same query (scores differ: BM25 on SQLite,
``ts_rank`` on PostgreSQL).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Optional

from warta.search import Query, parse_query, snippet
from warta.store.rows import CHILD_TABLES, entity_key, utc

FACET_WINDOW = 1000       # facets count the best (or newest) this many matches
RANK_WINDOW = 5000        # a query matching more articles is ranked among the newest this many
NETWORK_SIZE = 12         # co-mentioned entities drawn around an entity
ARTICLE_COLUMNS = "a.id, a.title, a.url, a.outlet, a.published, a.story_id"
JSON_COLUMNS = ("dateline", "wire", "images", "removed", "warnings")
CHILD_ORDER = {"article_entities": "entity_id", "mentions": "span_start"}


@dataclass
class Filters:
    outlet: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    entity: Optional[str] = None
    speaker: Optional[str] = None
    event_type: Optional[str] = None


@dataclass(frozen=True)
class MatchSql:
    """A backend's full-text match: ``FROM {source} WHERE {cond}`` with ``params`` (in that order)
    yields the matching articles' ``num``; ``score`` ranks them (higher is better); ``order`` is
    ``num`` as the window's ORDER BY and bound use it (a backend may hide an index from the planner)."""

    source: str
    cond: str
    num: str
    score: str
    params: tuple
    order: str = ""

    @property
    def key(self) -> str:
        return self.order or self.num


def bound(value: Optional[str], end: bool) -> Optional[str]:
    """--since/--until value -> UTC bound; a bare date covers the whole day (WIB)."""
    import datetime as dt

    if not value:
        return None
    if len(value) == 10:
        day = dt.date.fromisoformat(value) + dt.timedelta(days=1 if end else 0)
        return utc(day.isoformat() + "T00:00:00+07:00")
    result = utc(value)
    if result is None:
        raise ValueError(f"not an ISO 8601 date or time: {value!r}")
    return result


def decode_json(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _where(conds: list[str]) -> str:
    return ("WHERE " + " AND ".join(conds)) if conds else ""


def _browse(text: str) -> bool:
    """An empty query: "*" or nothing lists everything; stop words alone match nothing."""
    return text.strip() in ("", "*")


class Reads:
    """Mixed into ``Store``: needs ``rows``, ``scalar``, ``match_sql`` and ``json_text``."""

    def match_sql(self, query: Query) -> MatchSql:
        raise NotImplementedError

    def json_text(self, column: str, *path: str) -> str:
        raise NotImplementedError

    # ---------------------------------------------------------- filters ---
    def filter_sql(self, f: Filters) -> tuple[str, list[Any]]:
        conds, params = [], []
        if f.outlet:
            conds.append("lower(a.outlet) LIKE ?")
            params.append(f.outlet.lower().removesuffix(".com") + "%")
        _date_range(conds, params, f.since, f.until)
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

    # ----------------------------------------------------------- search ---
    def search(self, text: str, filters: Optional[Filters] = None, limit: int = 20,
               offset: int = 0) -> list[dict[str, Any]]:
        """Articles matching the query (best first), each with a highlighted snippet."""
        return self.search_page(text, filters, limit, offset)[0]

    def search_page(self, text: str, filters: Optional[Filters] = None, limit: int = 20,
                    offset: int = 0) -> tuple[list[dict[str, Any]], bool]:
        """One page of hits (with snippets) and whether more follow.  An empty query ("*")
        lists the newest articles."""
        filters = filters or Filters()
        query = parse_query(text)
        if query.empty:
            if not _browse(text):
                return [], False
            where, params = self.filter_sql(filters)
            found = self.rows(f"SELECT a.num, 0.0 AS score FROM articles a {_where([where] if where else [])} "
                              f"ORDER BY a.published_utc DESC, a.id LIMIT ? OFFSET ?", [*params, limit + 1, offset])
        else:
            found = self.ranked_matches(query, filters, offset + limit + 1)[offset:]
        return self._hits(found[:limit], query), len(found) > limit

    def _hits(self, ranked: list[dict], query: Query) -> list[dict[str, Any]]:
        nums = [r["num"] for r in ranked]
        if not nums:
            return []
        arts = {r["num"]: r for r in self.rows(
            f"SELECT num, id, title, url, outlet, published, story_id, body FROM articles "
            f"WHERE num IN ({', '.join('?' * len(nums))})", nums)}
        hits = []
        for r in ranked:
            art = arts[r["num"]]
            body = art.pop("body") or ""
            del art["num"]
            hits.append(dict(art, score=round(float(r["score"]), 4), snippet=snippet(body, query)))
        return hits

    def ranked_matches(self, query: Query, filters: Optional[Filters] = None, need: int = 20,
                       widen: bool = True) -> list[dict[str, Any]]:
        """``num, score`` of the best ``need`` matches among the newest RANK_WINDOW, best first.

        When the filters leave fewer than ``need`` in the window it grows fourfold until it covers
        every match (unless ``widen`` is false: facets count what the first window holds)."""
        m = self.match_sql(query)
        where, params = self.filter_sql(filters or Filters())
        join = f"JOIN articles a ON a.num = {m.num}" if where else ""
        extra = f"AND {where}" if where else ""
        window = RANK_WINDOW
        while True:
            cutoff = self.scalar(f"SELECT {m.num} FROM {m.source} WHERE {m.cond} ORDER BY {m.key} DESC "
                                 f"LIMIT 1 OFFSET ?", [*m.params, window - 1])
            bound_sql = f"AND {m.key} >= ?" if cutoff is not None else ""
            found = self.rows(
                f"SELECT {m.num} AS num, {m.score} AS score FROM {m.source} {join} WHERE {m.cond} {bound_sql} "
                f"{extra} ORDER BY score DESC, {m.num} DESC LIMIT ?",
                [*m.params, *([cutoff] if cutoff is not None else []), *params, need])
            if cutoff is None or len(found) >= need or (found and not widen):
                return found
            window *= 4

    def count_matches(self, text: str, filters: Optional[Filters] = None) -> int:
        """How many articles match (exact; with filters on a large store this reads every match)."""
        query = parse_query(text)
        where, params = self.filter_sql(filters or Filters())
        if query.empty:
            if not _browse(text):
                return 0
            return int(self.scalar(f"SELECT count(*) FROM articles a {_where([where] if where else [])}", params) or 0)
        m = self.match_sql(query)
        join = f"JOIN articles a ON a.num = {m.num}" if where else ""
        extra = f"AND {where}" if where else ""
        return int(self.scalar(f"SELECT count(*) FROM {m.source} {join} WHERE {m.cond} {extra}",
                               [*m.params, *params]) or 0)

    def facet_nums(self, text: str, filters: Optional[Filters] = None) -> list[int]:
        """``articles.num`` of the best FACET_WINDOW matches (the newest, for an empty query)."""
        query = parse_query(text)
        if query.empty:
            if not _browse(text):
                return []
            where, params = self.filter_sql(filters or Filters())
            return [r["num"] for r in self.rows(f"SELECT a.num FROM articles a {_where([where] if where else [])} "
                                                f"ORDER BY a.published_utc DESC LIMIT {FACET_WINDOW}", params)]
        return [r["num"] for r in self.ranked_matches(query, filters, FACET_WINDOW, widen=False)]

    def facets(self, text: str, filters: Optional[Filters] = None, top: int = 10) -> dict[str, list[dict]]:
        """Counts by outlet, month, entity and event type over the best FACET_WINDOW matches."""
        return self.facets_of(self.facet_nums(text, filters), top)

    def facets_of(self, nums: list[int], top: int = 10) -> dict[str, list[dict]]:
        if not nums:
            return {"outlet": [], "month": [], "entity": [], "event_type": []}
        marks = ", ".join("?" * len(nums))
        ids = f"SELECT id FROM articles WHERE num IN ({marks})"
        outlet = self.rows(f"SELECT outlet AS value, count(*) AS count FROM articles WHERE num IN ({marks}) "
                           f"AND outlet IS NOT NULL GROUP BY outlet ORDER BY count DESC, value LIMIT ?", [*nums, top])
        month = self.rows(f"SELECT substr(published_utc, 1, 7) AS value, count(*) AS count FROM articles "
                          f"WHERE num IN ({marks}) AND published_utc IS NOT NULL "
                          f"GROUP BY substr(published_utc, 1, 7) ORDER BY value DESC LIMIT ?", [*nums, top])
        entity = self.rows(f"SELECT e.name AS value, e.type AS type, e.id AS id, "
                           f"count(DISTINCT ae.article_id) AS count FROM article_entities ae "
                           f"JOIN entities e ON e.id = ae.entity_id WHERE ae.article_id IN ({ids}) "
                           f"GROUP BY e.id, e.name, e.type ORDER BY count DESC, value LIMIT ?", [*nums, top])
        events = self.rows(f"SELECT type AS value, count(DISTINCT article_id) AS count FROM events "
                           f"WHERE article_id IN ({ids}) AND type IS NOT NULL GROUP BY type "
                           f"ORDER BY count DESC, value LIMIT ?", [*nums, top])
        return {"outlet": outlet, "month": month, "entity": entity, "event_type": events}

    # --------------------------------------------------------- articles ---
    def list_articles(self, filters: Optional[Filters] = None, limit: int = 20,
                      offset: int = 0) -> tuple[list[dict], int]:
        """Articles matching the filters, newest first, and how many match."""
        where, params = self.filter_sql(filters or Filters())
        cond = _where([where] if where else [])
        items = self.rows(f"SELECT {ARTICLE_COLUMNS} FROM articles a {cond} "
                          f"ORDER BY a.published_utc DESC, a.id LIMIT ? OFFSET ?", [*params, limit, offset])
        total = self.scalar(f"SELECT count(*) FROM articles a {cond}", params)
        return items, int(total or 0)

    def article(self, article_id: str) -> Optional[dict[str, Any]]:
        """The stored row and its child tables, as stored (JSON columns as text)."""
        found = self.rows("SELECT * FROM articles WHERE id = ?", [article_id])
        if not found:
            return None
        art = found[0]
        for table in CHILD_TABLES:
            art[table] = self.rows(f"SELECT * FROM {table} WHERE article_id = ? ORDER BY "
                                   f"{CHILD_ORDER.get(table, 'position')}", [article_id])
        return art

    def article_full(self, article_id: str) -> Optional[dict[str, Any]]:
        """``article`` with JSON decoded, event spans filled from the coded event and the
        entities named (``entity_list``)."""
        art = self.article(article_id)
        if art is None:
            return None
        for col in JSON_COLUMNS:
            art[col] = decode_json(art.get(col))
        for table in ("events", "timeline"):
            for row in art.get(table, []):
                row["data"] = decode_json(row.get("data"))
        for event in art.get("events", []):
            _event_span(event)
        art["entity_list"] = self.article_entities(article_id)
        art.pop("num", None)
        return art

    def article_entities(self, article_id: str) -> list[dict]:
        """The article's entities with their names, most mentioned first."""
        return self.rows("SELECT ae.local_id, ae.entity_id, ae.role, ae.mentions, e.name, e.type, e.country, e.kind "
                         "FROM article_entities ae JOIN entities e ON e.id = ae.entity_id WHERE ae.article_id = ? "
                         "ORDER BY ae.mentions DESC, e.name", [article_id])

    # --------------------------------------------------------- entities ---
    def list_entities(self, prefix: Optional[str] = None, type_: Optional[str] = None, limit: int = 20,
                      offset: int = 0) -> list[dict]:
        """Entities by how many articles name them."""
        conds, params = [], []
        if prefix:
            conds.append("lower(e.name) LIKE ?")
            params.append(prefix.casefold().replace("%", "").replace("_", "") + "%")
        if type_:
            conds.append("e.type = ?")
            params.append(type_.upper())
        return self.rows(f"SELECT e.id, e.name, e.type, e.country, e.kind, count(DISTINCT ae.article_id) AS articles "
                         f"FROM entities e JOIN article_entities ae ON ae.entity_id = e.id {_where(conds)} "
                         f"GROUP BY e.id, e.name, e.type, e.country, e.kind ORDER BY articles DESC, e.name "
                         f"LIMIT ? OFFSET ?", [*params, limit, offset])

    def entity_by_id(self, entity_id: str) -> Optional[dict]:
        found = self.rows("SELECT * FROM entities WHERE id = ?", [entity_id])
        return found[0] if found else None

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
        total = self.scalar(f"SELECT count(DISTINCT article_id) FROM article_entities WHERE entity_id IN ({marks})",
                            ids)
        return {"name": name, "entities": entities, "articles": total, "mentions_by_day": by_day,
                "quotes": quotes, "co_mentioned": co}

    def entity_page(self, entity_id: str, limit: int = 20) -> Optional[dict[str, Any]]:
        """The entity by id, ``entity_report`` for its name, its recent articles and the network of
        co-mentioned entities."""
        entity = self.entity_by_id(entity_id)
        if entity is None:
            return None
        report = self.entity_report(entity["name"], limit) or {
            "name": entity["name"], "entities": [entity], "articles": 0, "mentions_by_day": [], "quotes": [],
            "co_mentioned": []}
        for co in report["co_mentioned"]:
            co["id"] = entity_key(co["type"], co["name"])
        report["entity"] = entity
        report["network"] = self.network(entity, report["co_mentioned"][:NETWORK_SIZE])
        report["recent_articles"] = self.rows(
            f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.id IN (SELECT article_id FROM article_entities "
            f"WHERE entity_id = ?) ORDER BY a.published_utc DESC LIMIT ?", [entity_id, limit])
        return report

    def network(self, center: dict, neighbours: list[dict]) -> dict[str, list[dict]]:
        """Nodes: the entity and its top co-mentioned entities; edges: articles shared by each pair."""
        nodes = [{"id": center["id"], "name": center["name"], "type": center["type"], "center": True}]
        nodes += [{"id": n["id"], "name": n["name"], "type": n["type"], "center": False} for n in neighbours]
        edges = [{"source": center["id"], "target": n["id"], "weight": n["articles"]} for n in neighbours]
        ids = [n["id"] for n in neighbours]
        if len(ids) > 1:
            marks = ", ".join("?" * len(ids))
            edges += self.rows(
                f"SELECT x.entity_id AS source, y.entity_id AS target, count(DISTINCT x.article_id) AS weight "
                f"FROM article_entities x JOIN article_entities y ON y.article_id = x.article_id "
                f"AND x.entity_id < y.entity_id WHERE x.entity_id IN ({marks}) AND y.entity_id IN ({marks}) "
                f"AND x.article_id IN (SELECT article_id FROM article_entities WHERE entity_id = ?) "
                f"GROUP BY x.entity_id, y.entity_id", [*ids, *ids, center["id"]])
        return {"nodes": nodes, "edges": edges}

    # ----------------------------------------------------------- quotes ---
    def list_quotes(self, speaker: Optional[str] = None, article_id: Optional[str] = None, limit: int = 20,
                    offset: int = 0) -> list[dict]:
        """Quotes, newest first."""
        conds, params = [], []
        if speaker:
            conds.append("lower(q.speaker) LIKE ?")
            params.append(f"%{speaker.casefold()}%")
        if article_id:
            conds.append("q.article_id = ?")
            params.append(article_id)
        return self.rows(f"SELECT q.article_id, q.position, q.text, q.span_start, q.span_end, q.kind, q.cue, "
                         f"q.speaker, q.speaker_entity_id, q.speaker_role, a.title, a.outlet, a.published "
                         f"FROM quotes q JOIN articles a ON a.id = q.article_id {_where(conds)} "
                         f"ORDER BY a.published_utc DESC, q.article_id, q.position LIMIT ? OFFSET ?",
                         [*params, limit, offset])

    # ----------------------------------------------------------- events ---
    def event_filter_sql(self, type_: Optional[str] = None, actor: Optional[str] = None,
                         target: Optional[str] = None, country: Optional[str] = None, since: Optional[str] = None,
                         until: Optional[str] = None, min_confidence: Optional[float] = None
                         ) -> tuple[list[str], list]:
        """Conditions on ``events ev JOIN articles a``."""
        conds, params = [], []
        if min_confidence:
            conds.append(f"CAST({self.json_text('ev.data', 'confidence')} AS REAL) >= ?")
            params.append(float(min_confidence))
        if type_:
            conds.append("upper(ev.type) = ?")
            params.append(type_.upper())
        if actor:
            conds.append("lower(ev.actor) LIKE ?")
            params.append(f"%{actor.casefold()}%")
        if target:
            conds.append(f"lower({self.json_text('ev.data', 'target', 'name')}) LIKE ?")
            params.append(f"%{target.casefold()}%")
        if country:
            fields = [self.json_text("ev.data", role, "country") for role in ("actor", "target", "location")]
            conds.append("(" + " OR ".join(f"upper({f}) = ?" for f in fields) + ")")
            params += [country.upper()] * 3
        _date_range(conds, params, since, until)
        return conds, params

    def list_events(self, limit: int = 20, offset: int = 0, **filters: Optional[str]) -> list[dict]:
        """Coded events, newest first (filters: see ``event_filter_sql``)."""
        conds, params = self.event_filter_sql(**filters)
        found = self.rows(f"SELECT ev.article_id, ev.position, ev.text, ev.span_start, ev.span_end, ev.type, "
                          f"ev.actor, ev.date, ev.data, a.title, a.outlet, a.published FROM events ev "
                          f"JOIN articles a ON a.id = ev.article_id {_where(conds)} "
                          f"ORDER BY a.published_utc DESC, ev.article_id, ev.position LIMIT ? OFFSET ?",
                          [*params, limit, offset])
        for event in found:
            event["data"] = decode_json(event["data"])
            _event_span(event)
        return found

    def event_types(self) -> list[str]:
        return [r["type"] for r in self.rows("SELECT DISTINCT type FROM events WHERE type IS NOT NULL ORDER BY type")]

    def event_counts(self, **filters: Optional[str]) -> list[dict]:
        """Events per publication day and PLOVER type."""
        conds, params = self.event_filter_sql(**filters)
        conds.append("a.published_utc IS NOT NULL")
        return self.rows(f"SELECT substr(a.published_utc, 1, 10) AS day, ev.type AS type, count(*) AS count "
                         f"FROM events ev JOIN articles a ON a.id = ev.article_id {_where(conds)} "
                         f"GROUP BY substr(a.published_utc, 1, 10), ev.type ORDER BY day, type LIMIT 20000", params)

    def event_pairs(self, limit: int = 20, **filters: Optional[str]) -> list[dict]:
        """The most frequent actor–target pairs."""
        conds, params = self.event_filter_sql(**filters)
        target = self.json_text("ev.data", "target", "name")
        conds += ["ev.actor IS NOT NULL", f"{target} IS NOT NULL"]
        return self.rows(f"SELECT ev.actor AS actor, {target} AS target, count(*) AS count, "
                         f"count(DISTINCT ev.article_id) AS articles FROM events ev "
                         f"JOIN articles a ON a.id = ev.article_id {_where(conds)} "
                         f"GROUP BY ev.actor, {target} ORDER BY count DESC, actor LIMIT ?", [*params, limit])

    # ---------------------------------------------------------- stories ---
    def stories(self, since: Optional[str] = None, limit: int = 100, min_size: int = 2,
                offset: int = 0) -> list[dict[str, Any]]:
        """Stories, largest first, each with its articles."""
        cond, params = self._story_filter(min_size, since)
        found = self.rows(f"SELECT * FROM stories s {cond} ORDER BY s.size DESC, s.last_seen DESC, s.id "
                          f"LIMIT ? OFFSET ?", [*params, limit, offset])
        return [self._story(s) for s in found]

    def story(self, story_id: str) -> Optional[dict[str, Any]]:
        found = self.rows("SELECT * FROM stories WHERE id = ?", [story_id])
        return self._story(found[0]) if found else None

    def count_stories(self, min_size: int = 2, since: Optional[str] = None) -> int:
        cond, params = self._story_filter(min_size, since)
        return int(self.scalar(f"SELECT count(*) FROM stories s {cond}", params) or 0)

    @staticmethod
    def _story_filter(min_size: int, since: Optional[str]) -> tuple[str, list]:
        cond, params = "WHERE s.size >= ?", [min_size]
        if since:
            cond += " AND s.last_seen >= ?"
            params.append(bound(since, end=False))
        return cond, params

    def _story(self, s: dict) -> dict[str, Any]:
        s["outlets"] = decode_json(s.get("outlets")) or []
        s["entities"] = decode_json(s.get("entities")) or []
        s["articles"] = self.rows("SELECT id, title, outlet, published, published_utc, url, duplicate_of "
                                  "FROM articles WHERE story_id = ? ORDER BY published_utc, id LIMIT 500", [s["id"]])
        return s

    # --------------------------------------------------------- timeline ---
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

    # ----------------------------------------------------------- places ---
    def places(self, limit: int = 500, since: Optional[str] = None, until: Optional[str] = None) -> list[dict]:
        """Geocoded entities (places, and organisations seated somewhere) with how many articles name them."""
        conds, params = ["e.lat IS NOT NULL", "e.lon IS NOT NULL"], []
        _date_range(conds, params, since, until)
        join = "JOIN articles a ON a.id = ae.article_id" if since or until else ""
        return self.rows(f"SELECT e.id, e.name, e.type, e.kind, e.country, e.lat, e.lon, "
                         f"count(DISTINCT ae.article_id) AS articles FROM entities e "
                         f"JOIN article_entities ae ON ae.entity_id = e.id {join} {_where(conds)} "
                         f"GROUP BY e.id, e.name, e.type, e.kind, e.country, e.lat, e.lon "
                         f"ORDER BY articles DESC, e.name LIMIT ?", [*params, limit])


def _event_span(event: dict) -> None:
    """Events stored before their span columns were filled: read the trigger span from ``data``."""
    data = event.get("data") if isinstance(event.get("data"), dict) else {}
    trigger = data.get("trigger") if isinstance(data.get("trigger"), dict) else {}
    if event.get("span_start") is None and trigger.get("start") is not None:
        event.update(text=trigger.get("text"), span_start=trigger.get("start"), span_end=trigger.get("end"))
    if event.get("actor") is None and isinstance(data.get("actor"), dict):
        event["actor"] = data["actor"].get("name")
    target = data.get("target")
    event["target"] = target.get("name") if isinstance(target, dict) else target


def _date_range(conds: list[str], params: list[Any], since: Optional[str], until: Optional[str]) -> None:
    """Add the published-date bounds (inclusive since, inclusive until-day) to a WHERE clause."""
    if since:
        conds.append("a.published_utc >= ?")
        params.append(bound(since, end=False))
    if until:
        conds.append("a.published_utc < ?")
        params.append(bound(until, end=True))
