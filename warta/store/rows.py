"""Analysis -> table rows, computed where the analysis ran (a worker process).

Everything a writer needs is prepared here (search terms, MinHash signature,
content hash), so the single writer only executes inserts.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from typing import Any, Optional

from warta.records import Analysis
from warta.search import index_text

SPACE = re.compile(r"\s+")


def entity_key(type_: str, name: str) -> str:
    """Global entity id: the same name and type in two articles is one entity."""
    return f"{type_}:{SPACE.sub(' ', name).strip().casefold()}"


def utc(value: Optional[str]) -> Optional[str]:
    """ISO 8601 (with or without offset, or a bare date) -> sortable UTC ``YYYY-MM-DDTHH:MM:SSZ``.

    A value without an offset is read as WIB (+07:00), the zone most Indonesian
    news is dated in."""
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone(dt.timedelta(hours=7)))
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def content_hash(analysis: Analysis) -> str:
    data = analysis.to_dict()
    data.pop("source", None)
    return hashlib.sha1(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _json(value: Any) -> Optional[str]:
    if value in (None, [], {}):
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def article_rows(analysis: Analysis, with_signature: bool = True) -> dict[str, Any]:
    """All rows for one analysed article, keyed by table."""
    from warta.stories import signature

    a = analysis.article
    aid = a.id
    rows: dict[str, Any] = {
        "article": {
            "id": aid, "url": a.url, "source": a.source, "outlet": a.outlet, "language": a.language,
            "title": a.title, "subtitle": a.subtitle, "published": a.published, "published_utc": utc(a.published),
            "updated": a.updated, "body": a.body, "dateline": _json(a.dateline.to_dict() if a.dateline else None),
            "wire": _json(a.wire), "images": _json([i.to_dict() for i in a.images]), "removed": _json(a.removed),
            "warnings": _json(a.warnings), "content_hash": content_hash(analysis),
        },
        "authors": [{"article_id": aid, "position": i, "name": au.name, "role": au.role}
                    for i, au in enumerate(a.authors)],
    }
    entities, links, mentions, global_of = {}, [], [], {}
    for ent in analysis.entities:
        key = entity_key(ent.type, ent.name)
        global_of[ent.id] = key
        entities.setdefault(key, {"id": key, "name": ent.name, "type": ent.type, "country": ent.country,
                                  "lat": ent.lat, "lon": ent.lon, "kind": ent.kind})
        links.append({"article_id": aid, "local_id": ent.id, "entity_id": key, "role": ent.role,
                      "mentions": len(ent.mentions)})
        mentions += [{"article_id": aid, "entity_id": key, "text": m.text, "span_start": m.start, "span_end": m.end}
                     for m in ent.mentions if getattr(m, "field", None) is None]  # caption offsets are not body's
    rows.update(entities=list(entities.values()), article_entities=links, mentions=mentions)
    rows["quotes"] = [{
        "article_id": aid, "position": i, "text": q.text, "span_start": q.start, "span_end": q.end, "kind": q.kind,
        "cue": q.cue, "speaker": q.speaker.name if q.speaker else None,
        "speaker_entity_id": global_of.get(q.speaker.entity_id) if q.speaker and q.speaker.entity_id else None,
        "speaker_role": q.speaker.role if q.speaker else None} for i, q in enumerate(analysis.quotes)]
    rows["quantities"] = [{
        "article_id": aid, "position": i, "text": q.text, "span_start": q.start, "span_end": q.end,
        "value": q.value, "unit": q.unit, "qualifier": q.qualifier, "value_max": q.value_max}
        for i, q in enumerate(analysis.quantities)]
    rows["times"] = [{"article_id": aid, "position": i, "text": t.text, "span_start": t.start, "span_end": t.end,
                      "type": t.type, "value": t.value} for i, t in enumerate(analysis.times)]
    rows["events"] = [_event_row(aid, i, e) for i, e in enumerate(analysis.events)]
    rows["timeline"] = [_timeline_row(aid, i, e) for i, e in enumerate(analysis.timeline)]
    title_terms, body_terms = index_text(a.title), index_text(a.body)
    rows["index"] = {"article_id": aid, "title_terms": title_terms, "body_terms": body_terms,
                     "minhash": signature(body_terms) if with_signature else None}
    return rows


def _span(entry: dict) -> tuple:
    return entry.get("text"), entry.get("start"), entry.get("end")


def _event_row(aid: str, i: int, event) -> dict:
    if hasattr(event, "to_dict"):  # records.Event: its span is the trigger's
        event = event.to_dict()
        event.update(event.get("trigger") or {})
    text, start, end = _span(event)
    actor = event.get("actor")
    if isinstance(actor, dict):
        actor = actor.get("name")
    return {"article_id": aid, "position": i, "text": text, "span_start": start, "span_end": end,
            "type": event.get("type"), "actor": actor, "date": event.get("date") or event.get("time"),
            "data": _json(event)}


def _timeline_row(aid: str, i: int, entry: dict) -> dict:
    text, start, end = _span(entry)
    return {"article_id": aid, "position": i, "text": text, "span_start": start, "span_end": end,
            "date": entry.get("date") or entry.get("value"), "kind": entry.get("kind") or entry.get("type"),
            "data": _json(entry)}


CHILD_TABLES = ("authors", "article_entities", "mentions", "quotes", "quantities", "times", "events", "timeline")
