"""Read queries the HTTP API needs beyond the store's own (``Store.search``,
``article``, ``entity_report``, ``stories``, ``timeline``).

Every function takes an open ``Store`` and uses only its portable SQL helpers
(``rows``, ``scalar``, ``filter_sql``, ``dialect``), so it runs on SQLite and
PostgreSQL alike.  Limits are applied by the caller (``warta.api``); here
every query has a LIMIT.
"""
from __future__ import annotations

import json
from typing import Any, Optional

from warta.search import parse_query, snippet, to_fts5, to_tsquery
from warta.store.base import Filters, Store, bound
from warta.store.rows import entity_key

FACET_WINDOW = 1000       # facets count the best (or latest) this many matches
RANK_WINDOW = 5000        # a query matching more articles is ranked among the newest this many
NETWORK_SIZE = 12         # co-mentioned entities drawn around an entity
ARTICLE_COLUMNS = "a.id, a.title, a.url, a.outlet, a.published, a.story_id"
JSON_COLUMNS = ("dateline", "wire", "images", "removed", "warnings")


# ------------------------------------------------------------- helpers ---

def _where(conds: list[str]) -> str:
    return ("WHERE " + " AND ".join(conds)) if conds else ""


def _json_text(store: Store, column: str, *path: str) -> str:
    """SQL for the text at ``path`` inside a JSON text column."""
    if store.dialect == "postgres":
        return f"({column}::jsonb #>> '{{{','.join(path)}}}')"
    return f"json_extract({column}, '$.{'.'.join(path)}')"


def decode_json(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


# ------------------------------------------------------------ articles ---

def list_articles(store: Store, filters: Filters, limit: int, offset: int) -> tuple[list[dict], int]:
    """Articles matching the filters, newest first, and how many match."""
    where, params = store.filter_sql(filters)
    cond = f"WHERE {where}" if where else ""
    items = store.rows(f"SELECT {ARTICLE_COLUMNS} FROM articles a {cond} "
                       f"ORDER BY a.published_utc DESC, a.id LIMIT ? OFFSET ?", [*params, limit, offset])
    total = store.scalar(f"SELECT count(*) FROM articles a {cond}", params)
    return items, int(total or 0)


def article_full(store: Store, article_id: str) -> Optional[dict[str, Any]]:
    """``Store.article`` with JSON columns decoded and event spans taken from the coded event."""
    art = store.article(article_id)
    if art is None:
        return None
    for col in JSON_COLUMNS:
        art[col] = decode_json(art.get(col))
    for table in ("events", "timeline"):
        for row in art.get(table, []):
            row["data"] = decode_json(row.get("data"))
    for event in art.get("events", []):
        _event_span(event)
    art["entity_list"] = article_entities(store, article_id)
    art.pop("num", None)
    return art


def article_entities(store: Store, article_id: str) -> list[dict]:
    """The article's entities with their names, most mentioned first."""
    return store.rows("SELECT ae.local_id, ae.entity_id, ae.role, ae.mentions, e.name, e.type, e.country, e.kind "
                      "FROM article_entities ae JOIN entities e ON e.id = ae.entity_id WHERE ae.article_id = ? "
                      "ORDER BY ae.mentions DESC, e.name", [article_id])


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


def article_titles(store: Store, ids: list[str]) -> dict[str, dict]:
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    return {r["id"]: r for r in store.rows(f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.id IN ({marks})", ids)}


# -------------------------------------------------------------- search ---

def search(store: Store, text: str, filters: Filters, limit: int, offset: int) -> tuple[list[dict], bool]:
    """One page of ranked hits (with snippets) and whether more follow.

    On SQLite, BM25 is computed over a window of the newest matches
    (``ranked_matches``) and article rows are read only for the page itself;
    other backends and the date-ordered browse use ``Store.search``."""
    query = parse_query(text)
    if store.dialect != "sqlite" or query.empty:
        hits = store.search(text, filters, limit=offset + limit + 1)
        return hits[offset:offset + limit], len(hits) > offset + limit
    ranked = ranked_matches(store, query, filters, offset + limit + 1)[offset:]
    nums = [r["num"] for r in ranked[:limit]]
    if not nums:
        return [], False
    rows = {r["num"]: r for r in store.rows(
        f"SELECT num, id, title, url, outlet, published, story_id, body FROM articles "
        f"WHERE num IN ({', '.join('?' * len(nums))})", nums)}
    hits = []
    for r in ranked[:limit]:
        art = rows[r["num"]]
        hits.append({"id": art["id"], "title": art["title"], "url": art["url"], "outlet": art["outlet"],
                     "published": art["published"], "story_id": art["story_id"],
                     "score": round(-float(r["score"]), 4), "snippet": snippet(art["body"] or "", query)})
    return hits, len(ranked) > limit


def ranked_matches(store: Store, query, filters: Filters, need: int, widen: bool = True) -> list[dict]:
    """SQLite: ``num, score`` of the best ``need`` matches, best first.

    FTS5 walks a term's rows in rowid order cheaply but computes BM25 for every
    row it is given, so a query is ranked among its newest RANK_WINDOW matches
    (rowid = storage order); when the filters leave fewer than ``need`` there,
    the window grows fourfold until it covers every match (unless ``widen``
    is false: facets count what the first window holds)."""
    from warta.store.sqlite import BODY_WEIGHT, TITLE_WEIGHT

    fts = to_fts5(query)
    where, params = store.filter_sql(filters)
    join = "JOIN articles a ON a.num = article_fts.rowid" if where else ""
    extra = f"AND {where}" if where else ""
    window = RANK_WINDOW
    while True:
        cutoff = store.scalar("SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rowid DESC "
                              "LIMIT 1 OFFSET ?", [fts, window - 1])
        bound_sql = "AND article_fts.rowid >= ?" if cutoff is not None else ""
        found = store.rows(
            f"SELECT article_fts.rowid AS num, bm25(article_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS score "
            f"FROM article_fts {join} WHERE article_fts MATCH ? {bound_sql} {extra} "
            f"ORDER BY score, article_fts.rowid LIMIT ?",
            [fts, *([cutoff] if cutoff is not None else []), *params, need])
        if cutoff is None or len(found) >= need or (found and not widen):
            return found
        window *= 4


def facet_nums(store: Store, text: str, filters: Filters) -> list[int]:
    """``articles.num`` of the best FACET_WINDOW matches (the newest, for an empty query)."""
    query = parse_query(text)
    where, params = store.filter_sql(filters)
    if query.empty:
        if text.strip() not in ("", "*"):
            return []
        return [r["num"] for r in store.rows(f"SELECT a.num FROM articles a {'WHERE ' + where if where else ''} "
                                             f"ORDER BY a.published_utc DESC LIMIT {FACET_WINDOW}", params)]
    if store.dialect == "sqlite":
        return [r["num"] for r in ranked_matches(store, query, filters, FACET_WINDOW, widen=False)]
    extra = f"AND {where}" if where else ""
    return [r["num"] for r in store.rows(
        f"SELECT a.num FROM article_index i JOIN articles a ON a.num = i.num, to_tsquery('simple', ?) q "
        f"WHERE i.search_vector @@ q {extra} ORDER BY ts_rank(i.search_vector, q) DESC LIMIT {FACET_WINDOW}",
        [to_tsquery(query), *params])]


def count_matches(store: Store, text: str, filters: Filters) -> int:
    """How many articles match (exact; with filters on a large store this reads every match)."""
    query = parse_query(text)
    where, params = store.filter_sql(filters)
    if query.empty:
        if text.strip() not in ("", "*"):
            return 0
        return int(store.scalar(f"SELECT count(*) FROM articles a {'WHERE ' + where if where else ''}", params) or 0)
    extra = f"AND {where}" if where else ""
    if store.dialect == "postgres":
        sql = (f"SELECT count(*) FROM article_index i JOIN articles a ON a.num = i.num "
               f"WHERE i.search_vector @@ to_tsquery('simple', ?) {extra}")
        return int(store.scalar(sql, [to_tsquery(query), *params]) or 0)
    if not where:
        return int(store.scalar("SELECT count(*) FROM article_fts WHERE article_fts MATCH ?", [to_fts5(query)]) or 0)
    sql = (f"SELECT count(*) FROM article_fts JOIN articles a ON a.num = article_fts.rowid "
           f"WHERE article_fts MATCH ? {extra}")
    return int(store.scalar(sql, [to_fts5(query), *params]) or 0)


def facets(store: Store, text: str, filters: Filters, top: int = 10) -> dict[str, list[dict]]:
    """Counts by outlet, month, entity and event type over the best FACET_WINDOW matches."""
    return facets_of(store, facet_nums(store, text, filters), top)


def facets_of(store: Store, nums: list[int], top: int = 10) -> dict[str, list[dict]]:
    if not nums:
        return {"outlet": [], "month": [], "entity": [], "event_type": []}
    marks = ", ".join("?" * len(nums))
    ids = f"SELECT id FROM articles WHERE num IN ({marks})"
    outlet = store.rows(f"SELECT outlet AS value, count(*) AS count FROM articles WHERE num IN ({marks}) "
                        f"AND outlet IS NOT NULL GROUP BY outlet ORDER BY count DESC, value LIMIT ?", [*nums, top])
    month = store.rows(f"SELECT substr(published_utc, 1, 7) AS value, count(*) AS count FROM articles "
                       f"WHERE num IN ({marks}) AND published_utc IS NOT NULL GROUP BY substr(published_utc, 1, 7) "
                       f"ORDER BY value DESC LIMIT ?", [*nums, top])
    entity = store.rows(f"SELECT e.name AS value, e.type AS type, e.id AS id, count(DISTINCT ae.article_id) AS count "
                        f"FROM article_entities ae JOIN entities e ON e.id = ae.entity_id "
                        f"WHERE ae.article_id IN ({ids}) GROUP BY e.id, e.name, e.type "
                        f"ORDER BY count DESC, value LIMIT ?", [*nums, top])
    events = store.rows(f"SELECT type AS value, count(DISTINCT article_id) AS count FROM events "
                        f"WHERE article_id IN ({ids}) AND type IS NOT NULL GROUP BY type "
                        f"ORDER BY count DESC, value LIMIT ?", [*nums, top])
    return {"outlet": outlet, "month": month, "entity": entity, "event_type": events}

# ------------------------------------------------------------ entities ---

def list_entities(store: Store, prefix: Optional[str], type_: Optional[str], limit: int,
                  offset: int) -> list[dict]:
    conds, params = [], []
    if prefix:
        conds.append("lower(e.name) LIKE ?")
        params.append(prefix.casefold().replace("%", "").replace("_", "") + "%")
    if type_:
        conds.append("e.type = ?")
        params.append(type_.upper())
    return store.rows(f"SELECT e.id, e.name, e.type, e.country, e.kind, count(DISTINCT ae.article_id) AS articles "
                      f"FROM entities e JOIN article_entities ae ON ae.entity_id = e.id {_where(conds)} "
                      f"GROUP BY e.id, e.name, e.type, e.country, e.kind ORDER BY articles DESC, e.name "
                      f"LIMIT ? OFFSET ?", [*params, limit, offset])


def entity_by_id(store: Store, entity_id: str) -> Optional[dict]:
    found = store.rows("SELECT * FROM entities WHERE id = ?", [entity_id])
    return found[0] if found else None


def entity_page(store: Store, entity_id: str, limit: int = 20) -> Optional[dict[str, Any]]:
    """The entity, ``Store.entity_report`` for its name, and the network of co-mentioned entities."""
    entity = entity_by_id(store, entity_id)
    if entity is None:
        return None
    report = store.entity_report(entity["name"], limit) or {
        "name": entity["name"], "entities": [entity], "articles": 0, "mentions_by_day": [], "quotes": [],
        "co_mentioned": []}
    for co in report["co_mentioned"]:
        co["id"] = entity_key(co["type"], co["name"])
    report["entity"] = entity
    report["network"] = network(store, entity, report["co_mentioned"][:NETWORK_SIZE])
    report["recent_articles"] = store.rows(
        f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.id IN (SELECT article_id FROM article_entities "
        f"WHERE entity_id = ?) ORDER BY a.published_utc DESC LIMIT ?", [entity_id, limit])
    return report


def network(store: Store, center: dict, neighbours: list[dict]) -> dict[str, list[dict]]:
    """Nodes: the entity and its top co-mentioned entities; edges: articles shared by each pair."""
    nodes = [{"id": center["id"], "name": center["name"], "type": center["type"], "center": True}]
    nodes += [{"id": n["id"], "name": n["name"], "type": n["type"], "center": False} for n in neighbours]
    edges = [{"source": center["id"], "target": n["id"], "weight": n["articles"]} for n in neighbours]
    ids = [n["id"] for n in neighbours]
    if len(ids) > 1:
        marks = ", ".join("?" * len(ids))
        pairs = store.rows(
            f"SELECT x.entity_id AS source, y.entity_id AS target, count(DISTINCT x.article_id) AS weight "
            f"FROM article_entities x JOIN article_entities y ON y.article_id = x.article_id "
            f"AND x.entity_id < y.entity_id WHERE x.entity_id IN ({marks}) AND y.entity_id IN ({marks}) "
            f"AND x.article_id IN (SELECT article_id FROM article_entities WHERE entity_id = ?) "
            f"GROUP BY x.entity_id, y.entity_id", [*ids, *ids, center["id"]])
        edges += pairs
    return {"nodes": nodes, "edges": edges}


# -------------------------------------------------------------- quotes ---

def list_quotes(store: Store, speaker: Optional[str], article_id: Optional[str], limit: int,
                offset: int) -> list[dict]:
    conds, params = [], []
    if speaker:
        conds.append("lower(q.speaker) LIKE ?")
        params.append(f"%{speaker.casefold()}%")
    if article_id:
        conds.append("q.article_id = ?")
        params.append(article_id)
    return store.rows(f"SELECT q.article_id, q.position, q.text, q.span_start, q.span_end, q.kind, q.cue, "
                      f"q.speaker, q.speaker_entity_id, q.speaker_role, a.title, a.outlet, a.published "
                      f"FROM quotes q JOIN articles a ON a.id = q.article_id {_where(conds)} "
                      f"ORDER BY a.published_utc DESC, q.article_id, q.position LIMIT ? OFFSET ?",
                      [*params, limit, offset])


# -------------------------------------------------------------- events ---

def _event_filters(store: Store, type_: Optional[str], actor: Optional[str], target: Optional[str],
                   country: Optional[str], since: Optional[str], until: Optional[str]) -> tuple[list[str], list]:
    conds, params = [], []
    if type_:
        conds.append("upper(ev.type) = ?")
        params.append(type_.upper())
    if actor:
        conds.append("lower(ev.actor) LIKE ?")
        params.append(f"%{actor.casefold()}%")
    if target:
        conds.append(f"lower({_json_text(store, 'ev.data', 'target', 'name')}) LIKE ?")
        params.append(f"%{target.casefold()}%")
    if country:
        fields = [_json_text(store, "ev.data", role, "country") for role in ("actor", "target", "location")]
        conds.append("(" + " OR ".join(f"upper({f}) = ?" for f in fields) + ")")
        params += [country.upper()] * 3
    if since:
        conds.append("a.published_utc >= ?")
        params.append(bound(since, end=False))
    if until:
        conds.append("a.published_utc < ?")
        params.append(bound(until, end=True))
    return conds, params


def list_events(store: Store, limit: int, offset: int, **filters: Optional[str]) -> list[dict]:
    conds, params = _event_filters(store, **filters)
    found = store.rows(f"SELECT ev.article_id, ev.position, ev.text, ev.span_start, ev.span_end, ev.type, "
                       f"ev.actor, ev.date, ev.data, a.title, a.outlet, a.published FROM events ev "
                       f"JOIN articles a ON a.id = ev.article_id {_where(conds)} "
                       f"ORDER BY a.published_utc DESC, ev.article_id, ev.position LIMIT ? OFFSET ?",
                       [*params, limit, offset])
    for event in found:
        event["data"] = decode_json(event["data"])
        _event_span(event)
    return found


def event_types(store: Store) -> list[str]:
    return [r["type"] for r in store.rows("SELECT DISTINCT type FROM events WHERE type IS NOT NULL ORDER BY type")]


def event_counts(store: Store, **filters: Optional[str]) -> list[dict]:
    """Events per publication day and PLOVER type."""
    conds, params = _event_filters(store, **filters)
    conds.append("a.published_utc IS NOT NULL")
    return store.rows(f"SELECT substr(a.published_utc, 1, 10) AS day, ev.type AS type, count(*) AS count "
                      f"FROM events ev JOIN articles a ON a.id = ev.article_id {_where(conds)} "
                      f"GROUP BY substr(a.published_utc, 1, 10), ev.type ORDER BY day, type LIMIT 20000", params)


def event_pairs(store: Store, limit: int, **filters: Optional[str]) -> list[dict]:
    """The most frequent actor–target pairs."""
    conds, params = _event_filters(store, **filters)
    target = _json_text(store, "ev.data", "target", "name")
    conds += ["ev.actor IS NOT NULL", f"{target} IS NOT NULL"]
    return store.rows(f"SELECT ev.actor AS actor, {target} AS target, count(*) AS count, "
                      f"count(DISTINCT ev.article_id) AS articles FROM events ev "
                      f"JOIN articles a ON a.id = ev.article_id {_where(conds)} "
                      f"GROUP BY ev.actor, {target} ORDER BY count DESC, actor LIMIT ?", [*params, limit])


# ------------------------------------------------------------- stories ---

def story(store: Store, story_id: str) -> Optional[dict[str, Any]]:
    found = store.rows("SELECT * FROM stories WHERE id = ?", [story_id])
    if not found:
        return None
    s = found[0]
    s["outlets"] = decode_json(s.get("outlets")) or []
    s["entities"] = decode_json(s.get("entities")) or []
    s["articles"] = store.rows("SELECT id, title, outlet, published, published_utc, url, duplicate_of "
                               "FROM articles WHERE story_id = ? ORDER BY published_utc, id LIMIT 500", [story_id])
    return s


def count_stories(store: Store, min_size: int, since: Optional[str]) -> int:
    cond, params = "WHERE size >= ?", [min_size]
    if since:
        cond += " AND last_seen >= ?"
        params.append(bound(since, end=False))
    return int(store.scalar(f"SELECT count(*) FROM stories {cond}", params) or 0)


# -------------------------------------------------------------- places ---

def places(store: Store, limit: int, since: Optional[str] = None, until: Optional[str] = None) -> list[dict]:
    """Geocoded entities (places, and organisations seated somewhere) with how many articles name them."""
    conds, params = ["e.lat IS NOT NULL", "e.lon IS NOT NULL"], []
    if since:
        conds.append("a.published_utc >= ?")
        params.append(bound(since, end=False))
    if until:
        conds.append("a.published_utc < ?")
        params.append(bound(until, end=True))
    join = "JOIN articles a ON a.id = ae.article_id" if since or until else ""
    return store.rows(f"SELECT e.id, e.name, e.type, e.kind, e.country, e.lat, e.lon, "
                      f"count(DISTINCT ae.article_id) AS articles FROM entities e "
                      f"JOIN article_entities ae ON ae.entity_id = e.id {join} {_where(conds)} "
                      f"GROUP BY e.id, e.name, e.type, e.kind, e.country, e.lat, e.lon "
                      f"ORDER BY articles DESC, e.name LIMIT ?", [*params, limit])
