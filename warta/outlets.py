"""What warta knows about each outlet's pages, as data.

One ``Outlet`` entry per outlet; control flow never names an outlet.  Adding
an outlet means adding an entry here (and a fixture + test), nothing else.
The generic patterns at the bottom apply to every page; an outlet's own
patterns are tried first.

Fields:
- ``domains``: hosts (and suffixes) the outlet publishes on;
- ``dateline``: regex for the lead dateline that opens the body
  (``JAKARTA, KOMPAS.com -``); group ``place`` is the city;
- ``byline_markers``: regexes that, matched on a header line, identify the
  outlet (Republika's ``Rep: … / Red: …``);
- ``author_roles``: roles given, in order, to a plain comma-separated author
  list from a CSV column (Kompas prints writer(s) then editor);
- ``desk_suffix``: what follows a name in the outlet's bylines
  (`` -detikNews``), removed from names;
- ``furniture``: extra whole-line patterns that are page furniture.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional
from urllib.parse import urlparse


@dataclass(frozen=True)
class Outlet:
    key: str
    name: str
    domains: tuple[str, ...]
    dateline: Optional[str] = None
    byline_markers: tuple[str, ...] = ()
    author_roles: tuple[str, ...] = ()
    desk_suffix: Optional[str] = None
    furniture: tuple[str, ...] = ()
    language: str = "id"
    _compiled: dict = field(default_factory=dict, compare=False, repr=False)

    def rx(self, name: str) -> Optional[re.Pattern]:
        """The compiled form of a pattern field (cached)."""
        if name not in self._compiled:
            value = getattr(self, name)
            if value is None:
                self._compiled[name] = None
            elif isinstance(value, tuple):
                self._compiled[name] = re.compile("|".join(f"(?:{v})" for v in value), re.I) if value else None
            else:
                self._compiled[name] = re.compile(value)
        return self._compiled[name]


# A place in a dateline: capitalised words, or all caps ("NEW YORK").
_PLACE = r"(?P<place>[A-Z][A-Za-z'.]+(?:-[A-Z][A-Za-z'.]+)?(?:\s+[A-Z][A-Za-z'.]+){0,3}?)"
_DASH = r"\s*(?:--|-|–|—)\s*"

OUTLETS: tuple[Outlet, ...] = (
    Outlet("republika", "Republika", ("republika.co.id", "republika.id"),
           dateline=rf"^REPUBLIKA\.CO\.ID\s*,\s*{_PLACE}{_DASH}",
           byline_markers=(r"^\s*Rep\s*:.*Red\s*:", r"^\s*Red\s*:"),
           furniture=(r"Ikuti Whatsapp Channel Republika",)),
    Outlet("kompas", "Kompas", ("kompas.com", "kompas.id"),
           dateline=rf"^(?:{_PLACE},\s*)?KOMPAS\.com{_DASH}",
           author_roles=("writer", "editor")),
    Outlet("detik", "Detik", ("detik.com",),
           dateline=rf"^{_PLACE}{_DASH}(?=\S)",
           desk_suffix=r"\s*-\s*(?:detik\w*|Sport|Sepakbola|20detik)\s*$",
           furniture=(r"^Artikel ini (?:sudah lebih dulu tayang|telah (?:tayang|naik)) di\s*detik\w*",)),
    Outlet("tempo", "Tempo", ("tempo.co",),
           dateline=rf"^TEMPO\.CO\s*,\s*{_PLACE}{_DASH}"),
    Outlet("liputan6", "Liputan6", ("liputan6.com",),
           # "Liputan6.com, JakartaKita …": the place may be glued to the body.
           dateline=r"^Liputan6\.com\s*,\s*(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:\s*(?:--|-|–|—)\s*|(?=[A-Z\"“]))"),
    Outlet("okezone", "Okezone", ("okezone.com",),
           dateline=rf"^(?P<place>[A-Z]{{3,}}(?:\s[A-Z]{{3,}})?)\s*(?:--|-|–|—)\s*"),
    Outlet("antara", "Antara", ("antaranews.com", "antaranews.co.id"),
           dateline=rf"^{_PLACE}\s*\(ANTARA(?: News)?\){_DASH}"),
    Outlet("cnnindonesia", "CNN Indonesia", ("cnnindonesia.com",),
           dateline=rf"^(?:{_PLACE},\s*)?CNN Indonesia{_DASH}"),
    Outlet("tribunnews", "Tribunnews", ("tribunnews.com",),
           dateline=rf"^(?:TRIBUNNEWS\.COM|Tribunnews\.com)\s*,\s*{_PLACE}{_DASH}"),
    Outlet("kumparan", "Kumparan", ("kumparan.com",)),
    Outlet("tirto", "Tirto", ("tirto.id",),
           dateline=rf"^tirto\.id{_DASH}"),
    Outlet("mediaindonesia", "Media Indonesia", ("mediaindonesia.com",),
           dateline=rf"^(?:MEDIA INDONESIA|MI)\s*,\s*{_PLACE}{_DASH}"),
    Outlet("bbcindonesia", "BBC News Indonesia", ("bbc.com/indonesia", "bbc.co.uk/indonesia")),
    Outlet("voaindonesia", "VOA Indonesia", ("voaindonesia.com",),
           dateline=rf"^{_PLACE}\s*\(VOA\){_DASH}"),
    Outlet("cnbcindonesia", "CNBC Indonesia", ("cnbcindonesia.com",),
           dateline=rf"^(?:{_PLACE},\s*)?CNBC Indonesia{_DASH}"),
    Outlet("suara", "Suara", ("suara.com",),
           dateline=rf"^Suara\.com{_DASH}"),
    Outlet("jpnn", "JPNN", ("jpnn.com",),
           dateline=rf"^jpnn\.com\s*,\s*{_PLACE}{_DASH}"),
    Outlet("sindonews", "Sindonews", ("sindonews.com",),
           dateline=rf"^{_PLACE}\s*-\s*"),
    Outlet("idntimes", "IDN Times", ("idntimes.com",),
           dateline=rf"^{_PLACE},\s*IDN Times{_DASH}"),
    Outlet("thejakartapost", "The Jakarta Post", ("thejakartapost.com",), language="en"),
    Outlet("tempoenglish", "Tempo English", ("en.tempo.co",), language="en",
           dateline=rf"^TEMPO\.CO\s*,\s*{_PLACE}{_DASH}"),
)

BY_KEY = {o.key: o for o in OUTLETS}

# Datelines of any outlet, tried when the outlet is unknown; the generic
# all-caps city dash form ("JAKARTA -") comes last.
GENERIC_DATELINES = tuple(o for o in OUTLETS if o.dateline and o.key not in {"detik", "okezone", "sindonews"}) + (
    BY_KEY["okezone"],)


def by_host(url_or_host: Optional[str]) -> Optional[Outlet]:
    """The outlet publishing at a URL or host (subdomains included; the longest domain wins)."""
    if not url_or_host:
        return None
    text = url_or_host.strip().lower()
    parsed = urlparse(text if "//" in text else "//" + text)
    host, path = parsed.netloc, parsed.path.lstrip("/")
    matches = [(len(domain), outlet) for outlet in OUTLETS for domain in outlet.domains
               if _on_domain(host, path, domain)]
    return max(matches, key=lambda m: m[0])[1] if matches else None


def _on_domain(host: str, path: str, domain: str) -> bool:
    dom_host, _, dom_path = domain.partition("/")
    if not (host == dom_host or host.endswith("." + dom_host)):
        return False
    return not dom_path or path.startswith(dom_path)


def by_name(name: Optional[str]) -> Optional[Outlet]:
    """Outlet from a free-form name such as ``liputan6.com`` or ``Kompas``."""
    if not name:
        return None
    text = name.strip().lower()
    found = by_host(text)
    if found:
        return found
    for outlet in OUTLETS:
        if text in (outlet.key, outlet.name.lower()):
            return outlet
    return None


def by_byline(line: str) -> Optional[Outlet]:
    for outlet in OUTLETS:
        rx = outlet.rx("byline_markers")
        if rx and rx.search(line):
            return outlet
    return None


def by_dateline(text: str) -> tuple[Optional[Outlet], Optional[re.Match]]:
    """Outlet whose own dateline opens ``text`` (the unspecific all-caps form last)."""
    for outlet in GENERIC_DATELINES:
        m = outlet.rx("dateline").match(text)
        if m:
            return outlet, m
    return None, None
