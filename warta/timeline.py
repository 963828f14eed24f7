"""The article's timeline: quotes and dated facts placed at their resolved dates.

``build_timeline(analysis)`` reads the ``times`` and ``quotes`` already found
and returns entries sorted by date::

    {"date": "2022-01-05", "text": ..., "start": ..., "end": ..., "kind": "fact"}
    {"date": "2022-01-12", "text": ..., "start": ..., "end": ..., "kind": "quote",
     "quote_index": 0, "dated_by": "published"}

The rules, deliberately simple:

- A *fact* is a sentence holding a calendar-anchored DATE/TIME value (a year,
  month, week, quarter, half, season, day or clock time; not ``PRESENT_REF``
  nor an underspecified ``XXXX``) and no quote.  Its date is the first
  day-precise value in the sentence, else its first calendar value.
- A *quote* takes the first calendar value inside the quote or in the
  sentences it overlaps (``…," kata Price, Rabu (12/1/2022).``); without
  one it is placed at the publication date (``dated_by: "published"``).
- Image captions are read the same way: their facts carry ``field``
  (``images[0].caption``) and offsets into that caption.
- Entries are sorted by the start of their period (``2022-W01`` sorts at
  Monday 3 January 2022), then by position in the body; undated ones last.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Optional

from warta.nlp.tokens import sentence_spans
from warta.records import Analysis, TimeExpression
from warta.timex import parse_reference

CALENDAR = re.compile(r"^\d{4}(?:-(?:\d{2}(?:-\d{2}(?:T[\w:]+)?)?|W\d{2}(?:-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI))?$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def period_start(value: str) -> Optional[dt.date]:
    """First day of the period a calendar TIMEX3 value names (None for anything else)."""
    if not CALENDAR.match(value or ""):
        return None
    year = int(value[:4])
    rest = value[5:]
    if not rest:
        return dt.date(year, 1, 1)
    if rest in _SEASON_MONTH:  # before weeks: winter is "WI", week 1 is "W01"
        return dt.date(year, _SEASON_MONTH[rest], 1)
    if rest[0] == "W":
        return dt.date.fromisocalendar(year, int(rest[1:3]), 1)
    if rest[0] in "QH":
        months_per = 3 if rest[0] == "Q" else 6
        return dt.date(year, (int(rest[1]) - 1) * months_per + 1, 1)
    month = int(rest[:2])
    day = int(rest[3:5]) if len(rest) >= 5 else 1
    return dt.date(year, month, day)


def _calendar_times(times: list[TimeExpression], start: int, end: int) -> list[TimeExpression]:
    return [t for t in times if start <= t.start < end and t.type in ("DATE", "TIME")
            and CALENDAR.match(t.value) and period_start(t.value) is not None]


def _pick(dated: list[TimeExpression]) -> Optional[str]:
    """The most telling date among several: the first day-precise one, else the first."""
    if not dated:
        return None
    for t in dated:
        if _DAY.match(t.value):
            return t.value
    return dated[0].value


def _published_date(analysis: Analysis) -> Optional[str]:
    try:
        published = parse_reference(analysis.article.published)
    except ValueError:
        return None
    return published.date().isoformat() if published else None


def _facts(text: str, sentences: list[tuple[int, int]], times: list[TimeExpression], skip: set[int],
           field: Optional[str] = None) -> list[dict[str, Any]]:
    """One entry per sentence holding a calendar date (sentences in ``skip`` hold quotes)."""
    facts = []
    for i, (start, end) in enumerate(sentences):
        date = None if i in skip else _pick(_calendar_times(times, start, end))
        if date:
            chunk = text[start:end]
            lead = len(chunk) - len(chunk.lstrip())
            fact = {"date": date, "text": chunk.strip(), "start": start + lead,
                    "end": start + lead + len(chunk.strip()), "kind": "fact"}
            if field:
                fact["field"] = field  # offsets into that field, not the body
            facts.append(fact)
    return facts


def build_timeline(analysis: Analysis, nlp_doc: Any = None) -> list[dict[str, Any]]:
    """Quotes and dated facts of one article, sorted by their resolved dates.

    ``nlp_doc``: the article's NlpDoc when the pipeline has one (its sentences are reused).
    """
    body = analysis.article.body
    times = sorted((t for t in analysis.times if getattr(t, "field", None) is None), key=lambda t: t.start)
    sentences = sentence_spans(body, nlp_doc)
    published = _published_date(analysis)
    entries: list[dict[str, Any]] = []

    quoted: set[int] = set()  # indexes of sentences that hold a quote
    for index, quote in enumerate(analysis.quotes):
        around = [i for i, (s, e) in enumerate(sentences) if s < quote.end and quote.start < e]
        quoted.update(around)
        date = _pick(_calendar_times(times, quote.start, quote.end))
        if date is None and around:
            date = _pick(_calendar_times(times, sentences[around[0]][0], sentences[around[-1]][1]))
        entry = {"date": date or published, "text": quote.text, "start": quote.start, "end": quote.end,
                 "kind": "quote", "quote_index": index, "dated_by": "text" if date else "published"}
        entries.append(entry)

    entries += _facts(body, sentences, times, quoted)
    for i, image in enumerate(analysis.article.images or []):
        field = f"images[{i}].caption"
        caption_times = [t for t in analysis.times if t.field == field]
        if image.caption and caption_times:
            entries += _facts(image.caption, sentence_spans(image.caption), caption_times, set(), field)

    far = dt.date.max
    entries.sort(key=lambda e: (period_start(e["date"] or "") or far, e["start"]))
    return entries
