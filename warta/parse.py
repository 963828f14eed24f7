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
from warta.bylines import dated_byline, looks_like_byline, parse_byline, role_line, split_credits
from warta.dates import DateReading, find_datetimes, read_date
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
    """Read the header lines (date, title, lead, byline, caption) that open a saved page.

    The header ends at the lead dateline, or at the first plain line after the
    title once a header mark (date, byline, credit) has followed the title, or
    at the second plain line after the title: a page has one subtitle.
    """
    head = _Header(outlet=outlet)
    numbered = [(i, l) for i, l in enumerate(lines) if l][:HEADER_SCAN]
    title_seen = mark_after_title = False
    plain_after_title = 0
    head.body_start = numbered[-1][0] + 1 if numbered else 0
    for k, (i, line) in enumerate(numbered):
        nxt = numbered[k + 1][1] if k + 1 < len(numbered) else ""
        role = _header_role(line, nxt, head, capture)
        if role == "body":
            head.body_start = i
            return head
        if role is not None:
            mark_after_title |= title_seen and role != "furniture"
            if role == "furniture":
                head.removed.append(line)
            continue
        if not title_seen:
            head.title, title_seen = line, True
            continue
        plain_after_title += 1
        if mark_after_title or plain_after_title > 1 or not _mark_within(numbered[k + 1:k + 4], head, capture):
            head.body_start = i
            return head
        head.subtitle = line
    return head


def _header_role(line: str, nxt: str, head: _Header, capture: Capture) -> Optional[str]:
    """What a header line is (recording what it holds in ``head``), or None for plain text."""
    if outlet_table.by_dateline(line)[1] is not None or (
            head.outlet and head.outlet.dateline and head.outlet.rx("dateline").match(line)):
        return "body"
    reading = None if (head.date.published or head.date.updated) else _date_line(line, capture)
    if reading is not None:
        head.date = reading
        if dated_byline(line):
            head.authors.extend(parse_byline(line, head.outlet))
        return "date"
    caption = _caption(line, nxt, head)
    if caption:
        return caption
    if FURNITURE_LINES.match(line) or (head.outlet and head.outlet.rx("furniture")
                                       and head.outlet.rx("furniture").fullmatch(line)):
        return "furniture"
    if looks_like_byline(line) or _desk_byline(line):
        head.outlet = head.outlet or outlet_table.by_byline(line) or _desk_byline(line)
        head.authors.extend(parse_byline(line, head.outlet))
        return "byline"
    if role_line(line):
        return "byline"  # "Wartawan BBC News Indonesia": the name above it was read with it
    if nxt and role_line(nxt) and len(line.split()) <= 5:
        head.outlet = head.outlet or next((o for o in outlet_table.OUTLETS if o.name in nxt), None)
        head.authors.extend(parse_byline(line, head.outlet, default_role=role_line(nxt)))
        return "byline"
    return None


def _caption(line: str, nxt: str, head: _Header) -> Optional[str]:
    """Photo caption and credit lines: ``Foto:`` lines and the outlets' caption forms."""
    if PHOTO_CREDIT.match(line):
        rest = PHOTO_CREDIT.match(line).group("rest").strip()
        pending = head.images[-1] if head.images and head.images[-1].credit is None and not rest.startswith(
            "(") else None
        if pending is not None and not CREDIT_IN_PARENS.search(rest):
            pending.credit = rest  # "caption line" then "Foto: credit"
        else:
            head.images.append(_image(line, None))
        return "credit"
    if _credit_only(nxt) and len(line.split()) >= 6 and not looks_like_byline(line):
        head.images.append(Image(caption=line, credit=None))  # its credit follows on the next line
        return "caption"
    read = outlet_table.read_caption(line, head.outlet)
    if read is None:
        return None
    caption, credit = read
    if caption is None and head.images and head.images[-1].credit is None and head.images[-1].caption:
        head.images[-1].credit = credit
    elif caption is None and nxt:
        nxt_read = outlet_table.read_caption(nxt, head.outlet)
        head.images.append(Image(caption=nxt_read[0] if nxt_read else None, credit=credit))
    elif head.images and caption and head.images[-1].caption in (None, caption):
        head.images[-1].caption = caption  # the caption half of a two-line credit + caption
    else:
        head.images.append(Image(caption=caption, credit=credit))
    return "caption"


def _credit_only(line: str) -> bool:
    """A ``Foto:`` line holding a credit alone (``Foto: Antara/Nama``), not a caption."""
    m = PHOTO_CREDIT.match(line)
    return bool(m) and not CREDIT_IN_PARENS.search(m.group("rest")) and len(m.group("rest").split()) <= 6


def _mark_within(following: list[tuple[int, str]], head: _Header, capture: Capture) -> bool:
    """Does a header mark (byline, date, credit) follow within the next lines?"""
    for _, line in following:
        if looks_like_byline(line) or _desk_byline(line) or PHOTO_CREDIT.match(line) or role_line(line) \
                or outlet_table.read_caption(line, head.outlet) or _date_line(line, capture):
            return True
    return False


def _desk_byline(line: str) -> Optional[Outlet]:
    """The outlet whose desk suffix ends this short name line (``Nama - detikNews``)."""
    if len(line) > 80 or not line[:1].isupper():
        return None
    for outlet in outlet_table.OUTLETS:
        suffix = outlet.rx("desk_suffix")
        if suffix and suffix.search(line) and not suffix.match(line):
            return outlet
    return None


def _date_line(line: str, capture: Capture) -> Optional[DateReading]:
    """The reading of a header line that is a date line (short, few words), else None."""
    if len(line) > DATE_LINE_MAX or len(re.findall(r"[a-z]{4,}", line)) > 4:
        return None
    reference = _reference(capture)
    if not find_datetimes(line.replace("\xa0", " "), reference):
        return None
    reading = read_date(line, reference)
    return reading if (reading.published or reading.updated) else None


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
    # Credit lines closing the article are the fuller list: they come first.
    authors, wire = _credits(body.authors + head.authors, body.wire, body.outlet or head.outlet)
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

    try:
        page = extract_html(capture.text, capture.url)
    except WartaError as err:  # name the input, not the page's URL or "<html>"
        raise WartaError(err.code, capture.source, err.detail) from None
    url = page.url or capture.url
    outlet = outlet_table.by_host(url) or outlet_table.by_name(page.outlet)
    body = clean_body(page.body or "", outlet)
    outlet = body.outlet or outlet
    authors, wire = _credits(parse_byline(page.authors_raw, outlet) + body.authors, body.wire, outlet)
    article = Article(id="", source=capture.source, url=url,
                      outlet=_outlet_name(outlet) or page.outlet, language=page.language or "id",
                      title=page.title, subtitle=page.subtitle, authors=authors, dateline=body.dateline, wire=wire,
                      images=[Image(**img) for img in page.images], body=body.text,
                      removed=list(page.removed) + body.removed, warnings=list(page.warnings))
    article.published, article.updated = page.published, page.updated
    return article


# ---------------------------------------------------------------- shared ---

def _credits(authors: list[Author], wire: list[str], outlet: Optional[Outlet]) -> tuple[list[Author], list[str]]:
    """People stay authors; agency credits join the wire list (no repeats)."""
    people, credited = split_credits(authors, outlet)
    unique = list({(a.name.lower(), a.role): a for a in people}.values())  # first place, same record
    return unique, list(dict.fromkeys(wire + credited))


def _outlet_name(outlet: Optional[Outlet]) -> Optional[str]:
    return outlet.name if outlet else None


def _set_dates(article: Article, reading: DateReading) -> None:
    article.published, article.updated = reading.published, reading.updated
    article.warnings.extend(reading.warnings)
    if article.published is None and article.updated is not None:
        # Pages that print only "Diperbarui …" (Liputan6): the only time known.
        article.published = article.updated
        article.warnings.append("published time taken from the update time (the page prints only that)")
