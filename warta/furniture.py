"""Indonesian page furniture: what crawlers keep that is not the article.

``clean_body`` turns a raw body (lines as a crawler saved them) into clean
paragraphs, and reports everything it took out: furniture lines go to
``removed`` (never silently dropped), wire credits to ``wire``, the lead
dateline to ``dateline``, trailing author lines to ``authors``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from warta import outlets as outlet_table
from warta.bylines import parse_byline
from warta.outlets import Outlet
from warta.records import Author, Dateline

# Whole lines that are furniture on any outlet.
FURNITURE_LINES = re.compile(r"""^(?:
    advertisement | iklan | scroll\ to\ continue\ with\ content | scroll\ to\ resume\ content
  | berita\ (?:lainnya|terkait|terpopuler|pilihan|rekomendasi) | artikel\ terkait | rekomendasi
  | baca\ (?:juga|selengkapnya)\s*:?.{0,200} | lihat\ juga\s*:.{0,200}
  | simak\ (?:juga\ )?video\b.* | tonton\ (?:juga\ )?video\b.* | \[gambas:[^\]]*\]
  | ikuti\ (?:whatsapp|wa)\ channel.* | ikuti\ (?:berita|kami|update).{0,80}\ di\ google\ news.*
  | (?:bagikan|share)(?:\ (?:artikel|berita))?(?:\s*:)? | (?:lihat\ foto|lihat\ video|komentar|dengarkan(?:\ berita\ ini)?)
  | halaman\ (?:selanjutnya|berikutnya)|selanjutnya\ >+|next\ page
  | (?:copyright|hak\ cipta)\ ©?.{0,120} | ©.{0,120}
  | \((?:[a-z]{2,4}(?:/[a-z]{2,4})*)\)            # detik/okezone editor initials: (rdp/imk)
  | artikel\ ini\ (?:sudah\ lebih\ dulu|telah)\ (?:tayang|naik)\ di.{0,60}
  | a\ post\ shared\ by.{0,120}
)\s*$""", re.I | re.X)

# Furniture that appears inside a line (glued by the crawler).
INLINE_FURNITURE = re.compile(
    r"(?:SCROLL TO CONTINUE WITH CONTENT|Ikuti Whatsapp Channel \w+|\[Gambas:[^\]]*\]|ADVERTISEMENT)")

# Wire credits: "sumber : Reuters", "Sumber: Antara", "(Reuters)".
WIRE_LINE = re.compile(r"^\s*(?:sumber|source)\s*:\s*(?P<wire>[^:]{2,60}?)\s*$", re.I)
WIRE_TAIL = re.compile(r"(?<=[.!?\"”a-z])\s*(?:sumber|source)\s*:\s*(?P<wire>(?:[A-Z][\w.]*\s?){1,3})\s*$")
KNOWN_WIRES = {"reuters": "Reuters", "ap": "AP", "afp": "AFP", "antara": "Antara", "antara foto": "Antara",
               "xinhua": "Xinhua", "bloomberg": "Bloomberg", "anadolu": "Anadolu", "bbc": "BBC",
               "aljazeera": "Al Jazeera", "al jazeera": "Al Jazeera", "dpa": "dpa", "kyodo": "Kyodo",
               "yonhap": "Yonhap", "cnn": "CNN", "sputnik": "Sputnik", "tass": "TASS"}

# Author lines at the end: "Penulis: Arby Salim", "Editor: X", "(Arief Setyadi )".
AUTHOR_TAIL = re.compile(r"^\s*(?:penulis|editor|reporter|pewarta|redaktur|kontributor|fotografer)\s*:\s*\S.{0,80}$", re.I)
NAME_IN_PARENS = re.compile(r"^\s*\(\s*(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,3})\s*\)\s*$")

CITY_DASH = re.compile(r"^[A-Z]{3,}(?:\s[A-Z]{3,})?\s*(?:--|-|–|—)\s*$")
BACA_JUGA = re.compile(r"Baca\s*[Jj]uga\s*:?\s*")
# A place where the crawler glued two texts: no space before a capital/quote.
GLUE = re.compile(r"(?<=[a-z0-9!?.)\"”'])(?=[A-Z“\"])")
SMALL_WORDS = {"di", "ke", "dari", "dan", "yang", "untuk", "ini", "itu", "pada", "dengan", "atau", "jadi",
               "soal", "usai", "saat", "vs", "hingga", "bagi", "tak", "tidak", "akan", "jelang", "karena"}


@dataclass
class CleanBody:
    paragraphs: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    wire: list[str] = field(default_factory=list)
    dateline: Optional[Dateline] = None
    authors: list[Author] = field(default_factory=list)
    outlet: Optional[Outlet] = None  # recognised from the dateline when unknown before

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def normalise_line(line: str) -> str:
    line = line.replace("\xa0", " ").replace("\u200b", "").replace("\ufeff", "")
    return re.sub(r"[ \t]+", " ", line).strip()


def _words(text: str) -> list[str]:
    return re.findall(r"[^\s]+", text)


def is_headline(line: str) -> bool:
    """Short, Title-Case, no closing full stop: a related-article headline."""
    words = [w for w in _words(line) if any(c.isalpha() for c in w)]
    if not words or len(words) > 25 or line.rstrip().endswith((".", ",", ";")) or line.startswith(("\"", "“")):
        return False
    content = [w for w in words if w.lower().strip(",:!?") not in SMALL_WORDS]
    capital = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return bool(content) and capital / len(content) >= 0.6


def _sentence_follows(text: str) -> bool:
    """Does ``text`` read as running prose (not another headline)?"""
    if text[:1] in "“\"":
        return True
    words = _words(text)[:8]
    lower = sum(1 for w in words if w[0].islower())
    return lower >= 3 or (len(words) >= 2 and words[0].endswith(",") and words[1][0].islower())


def split_glued_related(line: str) -> tuple[str, list[str]]:
    """Remove ``Baca Juga`` + glued related headlines from inside a line."""
    removed: list[str] = []
    while True:
        m = BACA_JUGA.search(line)
        if not m:
            return line, removed
        tail = line[m.end():]
        cut = None
        for g in GLUE.finditer(tail):
            if g.start() > 0 and _sentence_follows(tail[g.start():]):
                cut = g.start()
                break
        if cut is None:
            if m.start() > 0 and not is_headline(tail):
                return line, removed  # not a related block we can delimit
            cut = len(tail)
        removed.append(line[m.start():m.end() + cut].strip())
        line = (line[:m.start()].rstrip() + " " + tail[cut:].lstrip()).strip() if line[:m.start()].strip() \
            else tail[cut:].lstrip()


def _wire_name(raw: str) -> str:
    key = raw.strip().strip(".").lower()
    return KNOWN_WIRES.get(key, raw.strip().strip("."))


def dedupe_lines(lines: list[str]) -> tuple[list[str], list[str]]:
    """Drop repeated paragraphs and 'glued copies' (one line holding several others).

    Some crawlers save an article three times: glued into one line, then as
    lines, then paragraph by paragraph.  The first full copy is kept.
    """
    long_lines = [l for l in lines if len(l) > 60]
    kept, dropped, seen = [], [], set()
    for line in lines:
        if len(line) > 60 and line in seen:
            dropped.append(line)
            continue
        inner = [o for o in long_lines if o is not line and len(o) < len(line) and o in line]
        if len(line) > 200 and sum(len(o) for o in set(inner)) >= 0.5 * len(line) and len(set(inner)) >= 2:
            dropped.append(line)
            continue
        seen.add(line)
        kept.append(line)
    return kept, dropped


def take_dateline(paragraph: str, outlet: Optional[Outlet]) -> tuple[str, Optional[Dateline], Optional[Outlet]]:
    """Remove the lead dateline (``JAKARTA, KOMPAS.com -``) from the first paragraph."""
    m = None
    if outlet and outlet.dateline:
        m = outlet.rx("dateline").match(paragraph)
    found = outlet
    if m is None:
        found, m = outlet_table.by_dateline(paragraph)
        if m is not None and CITY_DASH.match(m.group(0)):
            found = outlet  # the bare "CITY -" form is everyone's: it names no outlet
    if m is None:
        return paragraph, None, outlet
    place = m.groupdict().get("place")
    place = place.title() if place and place.isupper() else place
    dateline = Dateline(text=m.group(0).strip(), place=place, outlet=found.name if found else None)
    return paragraph[m.end():].lstrip(), dateline, found or outlet


def clean_body(text: str, outlet: Optional[Outlet] = None) -> CleanBody:
    result = CleanBody(outlet=outlet)
    lines = [normalise_line(l) for l in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines, dupes = dedupe_lines([l for l in lines if l])
    result.removed.extend(dupes)
    outlet_furniture = outlet.rx("furniture") if outlet else None
    kept: list[str] = []
    after_related = False  # inside a standalone "Baca Juga" block of headlines
    for raw_line in lines:
        line = _strip_inline(raw_line, result, outlet_furniture)
        if not line:
            # a "Baca Juga" line emptied by the inline pass still opens a headline block
            after_related = after_related or bool(BACA_JUGA.match(raw_line))
            continue
        if after_related and is_headline(line):
            result.removed.append(line)
            continue
        after_related = False
        wire = WIRE_LINE.match(line)
        if wire:
            result.wire.append(_wire_name(wire.group("wire")))
            continue
        if FURNITURE_LINES.match(line) or (outlet_furniture and outlet_furniture.fullmatch(line)):
            result.removed.append(line)
            after_related = bool(re.match(r"(?i)baca juga|berita (?:lainnya|terkait)|artikel terkait", line))
            continue
        kept.append(line)
    kept = _take_trailing_authors(kept, result, outlet)
    if kept:
        first, result.dateline, result.outlet = take_dateline(kept[0], outlet)
        kept[0] = first
    result.paragraphs = [p for p in kept if p]
    return result


def _strip_inline(line: str, result: CleanBody, outlet_furniture: Optional[re.Pattern]) -> str:
    line, related = split_glued_related(line)
    result.removed.extend(related)
    for m in INLINE_FURNITURE.finditer(line):
        result.removed.append(m.group(0))
    line = INLINE_FURNITURE.sub(" ", line)
    if outlet_furniture:
        for m in outlet_furniture.finditer(line):
            result.removed.append(m.group(0))
        line = outlet_furniture.sub(" ", line)
    tail = WIRE_TAIL.search(line)
    if tail and _wire_name(tail.group("wire")).lower() in {v.lower() for v in KNOWN_WIRES.values()}:
        result.wire.append(_wire_name(tail.group("wire")))
        line = line[:tail.start()]
    return normalise_line(line)


def _take_trailing_authors(lines: list[str], result: CleanBody, outlet: Optional[Outlet]) -> list[str]:
    """Author/editor lines after the last paragraph become authors (in printed order)."""
    found: list[Author] = []
    while lines:
        last = lines[-1]
        m = NAME_IN_PARENS.match(last)
        if AUTHOR_TAIL.match(last):
            found[:0] = parse_byline(last, outlet)
        elif m:
            found[:0] = parse_byline(m.group("name"), outlet, default_role="editor")
        else:
            break
        result.removed.append(last)
        lines = lines[:-1]
    result.authors.extend(found)
    return lines
