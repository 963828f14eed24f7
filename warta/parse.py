"""Capture -> Article: metadata and a clean body from any captured form.

Three readers share one Indonesian clean-up (``warta.furniture``):
- ``text``: a crawler's saved page text, header lines first (date, title,
  lead, byline, caption, ``Foto:`` credit), then the body;
- ``html``: main text and metadata from ``warta.html``;
- ``fields``: a CSV/JSONL row whose columns were mapped to Article fields.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

from warta import outlets as outlet_table
from warta.bylines import looks_like_byline, parse_byline, split_credits
from warta.dates import DateReading, read_date
from warta.errors import WartaError
from warta.furniture import FURNITURE_LINES, clean_body, normalise_line
from warta.outlets import Outlet
from warta.records import Article, Author, Capture, Image, article_id

HEADER_SCAN = 14  # header lines sit within the first non-empty lines
PHOTO_CREDIT = re.compile(r"^(?:Foto|Photo|Sumber foto|Ilustrasi)\s*:\s*(?P<rest>.*)$", re.I)
CREDIT_IN_PARENS = re.compile(r"\s*\((?P<credit>[^()]{2,80})\)\s*$")
DATE_LINE_MAX = 90


def parse_capture(capture: Capture) -> Article:
    """The Article in a Capture, or a WartaError naming the input and reason."""
    if capture.format == "text":
        article = parse_page_text(capture)
    elif capture.format == "html":
        article = parse_html(capture)
    elif capture.format == "fields":
        article = parse_fields(capture)
    else:
        raise WartaError("W130", capture.source, capture.format)
    if not article.body.strip():
        if capture.format != "fields":
            raise WartaError("W120", capture.source, "nothing left after removing page furniture")
        # A row still carries its metadata: keep the record, say what is missing.
        article.warnings.append("W120 no-body: the row has no article text after removing page furniture")
    article.id = article_id(article.url, article.title, article.body)
    return article


# ------------------------------------------------------------- page text ---

@dataclass
class _Header:
    title: Optional[str] = None
    subtitle: Optional[str] = None
    date: DateReading = field(default_factory=DateReading)
    authors: list[Author] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    outlet: Optional[Outlet] = None
    body_start: int = 0
    removed: list[str] = field(default_factory=list)


def _reference(capture: Capture) -> Optional[dt.datetime]:
    return dt.datetime.fromisoformat(capture.fetched_at) if capture.fetched_at else None


def _read_header(lines: list[str], capture: Capture, outlet: Optional[Outlet]) -> _Header:
    """Find the header lines among the first non-empty lines of a saved page."""
    head = _Header(outlet=outlet)
    numbered = [(i, l) for i, l in enumerate(lines) if l][:HEADER_SCAN]
    roles: dict[int, str] = {}
    for i, line in numbered:
        if FURNITURE_LINES.match(line):
            roles[i] = "furniture"
        elif len(line) <= DATE_LINE_MAX and not head.date.published and not head.date.updated \
                and _is_date_line(line, capture):
            head.date = read_date(line, _reference(capture))
            roles[i] = "date"
        elif PHOTO_CREDIT.match(line):
            roles[i] = "credit"
        elif looks_like_byline(line) or _desk_byline(line):
            head.outlet = head.outlet or outlet_table.by_byline(line) or _desk_byline(line)
            head.authors.extend(parse_byline(line, head.outlet))
            roles[i] = "byline"
    text_lines = [i for i, _ in numbered if i not in roles]
    if not text_lines:
        return head
    marks = [i for i, r in roles.items() if r in ("byline", "credit")]
    last_mark = max(marks) if marks else None
    head.title = lines[text_lines[0]]
    before_mark = [i for i in text_lines[1:] if last_mark is not None and i < last_mark]
    credit_lines = [i for i, r in roles.items() if r == "credit"]
    for ci in credit_lines:
        caption_i = max((i for i in before_mark if i < ci), default=None)
        head.images.append(_image(lines[ci], lines[caption_i] if caption_i is not None else None))
        if caption_i is not None:
            before_mark.remove(caption_i)
    if before_mark:
        head.subtitle = lines[before_mark[0]]
    head.removed = [lines[i] for i, r in sorted(roles.items()) if r == "furniture" and (last_mark or 0) > i]
    head.body_start = (last_mark if last_mark is not None else text_lines[0]) + 1
    # A date line below the title but after the byline is still header.
    dates_after = [i for i, r in roles.items() if r == "date" and i >= head.body_start]
    if dates_after and dates_after[0] <= head.body_start + 1:
        head.body_start = dates_after[0] + 1
    return head


def _desk_byline(line: str) -> Optional[Outlet]:
    """The outlet whose desk suffix ends this short name line (``Nama - detikNews``)."""
    if len(line) > 80 or not line[:1].isupper():
        return None
    for outlet in outlet_table.OUTLETS:
        suffix = outlet.rx("desk_suffix")
        if suffix and suffix.search(line) and not suffix.match(line):
            return outlet
    return None


def _is_date_line(line: str, capture: Capture) -> bool:
    reading = read_date_quiet(line, capture)
    return bool(reading and (reading.published or reading.updated)) and len(re.findall(r"[a-z]{4,}", line)) <= 4


def read_date_quiet(line: str, capture: Capture) -> Optional[DateReading]:
    from warta.dates import find_datetimes

    if not find_datetimes(line.replace("\xa0", " "), _reference(capture)):
        return None
    return read_date(line, _reference(capture))


def _image(credit_line: str, caption: Optional[str]) -> Image:
    rest = PHOTO_CREDIT.match(credit_line).group("rest").strip()
    if caption is None:  # "Foto: caption (credit)" on one line
        m = CREDIT_IN_PARENS.search(rest)
        return Image(caption=rest[:m.start()].strip() if m else rest, credit=m.group("credit") if m else None)
    return Image(caption=caption, credit=rest)


def parse_page_text(capture: Capture) -> Article:
    lines = [normalise_line(l) for l in capture.text.replace("\r\n", "\n").split("\n")]
    outlet = outlet_table.by_host(capture.url)
    head = _read_header(lines, capture, outlet)
    body = clean_body("\n".join(lines[head.body_start:]), head.outlet)
    authors, wire = _credits(head.authors + body.authors, body.wire, body.outlet or head.outlet)
    article = Article(id="", source=capture.source, url=capture.url,
                      outlet=_outlet_name(body.outlet or head.outlet), title=head.title, subtitle=head.subtitle,
                      authors=authors, dateline=body.dateline, wire=wire,
                      images=head.images, body=body.text, removed=head.removed + body.removed)
    _set_dates(article, head.date)
    return article


# -------------------------------------------------------------- CSV rows ---

def parse_fields(capture: Capture) -> Article:
    f = capture.fields
    url = (f.get("url") or capture.url or "").strip() or None
    outlet = outlet_table.by_host(url) or outlet_table.by_name(f.get("outlet"))
    body = clean_body(f.get("body", ""), outlet)
    outlet = body.outlet or outlet
    authors, wire = _credits(parse_byline(f.get("authors"), outlet) + body.authors, body.wire, outlet)
    article = Article(id="", source=capture.source, url=url,
                      outlet=_outlet_name(outlet) or (f.get("outlet") or None),
                      language=f.get("language") or (outlet.language if outlet else "id"),
                      title=normalise_line(f.get("title", "")) or None,
                      subtitle=normalise_line(f.get("subtitle", "")) or None,
                      authors=authors, dateline=body.dateline, wire=wire, body=body.text,
                      removed=body.removed)
    if f.get("image"):
        article.images.append(Image(url=f["image"].strip()))
    _set_dates(article, read_date(f.get("published"), _reference(capture)))
    if f.get("updated"):
        article.updated = read_date(f["updated"], _reference(capture)).published or article.updated
    if not f.get("published"):
        article.warnings.append("no publication date in the row")
    return article


# ------------------------------------------------------------------ HTML ---

def parse_html(capture: Capture) -> Article:
    from warta.html import extract_html

    page = extract_html(capture.text, capture.url)
    url = page.url or capture.url
    outlet = outlet_table.by_host(url) or outlet_table.by_name(page.outlet)
    body = clean_body(page.body or "", outlet)
    outlet = body.outlet or outlet
    authors, wire = _credits(parse_byline(page.authors_raw, outlet) + body.authors, body.wire, outlet)
    article = Article(id="", source=capture.source, url=url,
                      outlet=_outlet_name(outlet) or page.outlet, language=page.language or "id",
                      title=page.title, subtitle=page.subtitle, authors=authors, dateline=body.dateline, wire=wire,
                      images=[Image(**img) for img in page.images], body=body.text,
                      removed=body.removed, warnings=list(page.warnings))
    article.published, article.updated = page.published, page.updated
    return article


# ---------------------------------------------------------------- shared ---

def _credits(authors: list[Author], wire: list[str], outlet: Optional[Outlet]) -> tuple[list[Author], list[str]]:
    """People stay authors; agency credits join the wire list (no repeats)."""
    people, credited = split_credits(authors, outlet)
    return people, list(dict.fromkeys(wire + credited))


def _outlet_name(outlet: Optional[Outlet]) -> Optional[str]:
    return outlet.name if outlet else None


def _set_dates(article: Article, reading: DateReading) -> None:
    article.published, article.updated = reading.published, reading.updated
    article.warnings.extend(reading.warnings)
    if article.published is None and article.updated is not None:
        # Pages that print only "Diperbarui …" (Liputan6): the only time known.
        article.published = article.updated
        article.warnings.append("published time taken from the update time (the page prints only that)")
