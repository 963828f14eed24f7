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
- ``byline_role``: the role of an unlabelled byline name (Okezone's byline
  names its ``Jurnalis``: a reporter); writer when not said;
- ``desk_suffix``: what follows a name in the outlet's bylines
  (`` -detikNews``), removed from names;
- ``furniture``: extra patterns that are page furniture, as whole lines or
  glued inside one (an outlet's promo lines, trailing desk codes);
- ``image_credit``: patterns for the outlet's photo caption lines, with
  groups ``caption`` and/or ``credit`` (``… (KOMPAS.com/NAMA)``,
  ``Sumber gambar, …``); ``read_caption`` applies them, generic ones last.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
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
    byline_role: Optional[str] = None
    desk_suffix: Optional[str] = None
    furniture: tuple[str, ...] = ()
    image_credit: tuple[str, ...] = ()
    language: str = "id"
    _compiled: dict = field(default_factory=dict, compare=False, repr=False)

    def rx(self, name: str) -> Optional[re.Pattern]:
        """The compiled form of a pattern field (cached)."""
        if name not in self._compiled:
            value = getattr(self, name)
            if value is None:
                self._compiled[name] = None
            elif isinstance(value, tuple):
                # One alternation; named groups are for ``read_caption`` only.
                joined = "|".join(f"(?:{_unnamed(v)})" for v in value)
                self._compiled[name] = re.compile(joined, re.I) if value else None
            else:
                self._compiled[name] = re.compile(value)
        return self._compiled[name]


def _unnamed(pattern: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


# A place in a dateline: capitalised words, or all caps ("NEW YORK").
_PLACE = r"(?P<place>[A-Z][A-Za-z'.]+(?:-[A-Z][A-Za-z'.]+)?(?:\s+[A-Z][A-Za-z'.]+){0,3}?)"
_DASH = r"\s*(?:--|-|–|—)\s*"
# Editor initials that close an article, on their own line or glued to the
# last sentence: "(rdp/imk)", "[yp/hl]", "(H-2)".
_AFTER_SENTENCE = r"(?:(?<=[.!?\"”’)] )|(?<=[.!?\"”’)])|^)"
_INITIALS = _AFTER_SENTENCE + r"(?:\[[a-z]{2,4}(?:/[a-z]{2,4})+\]|\([a-z]{2,4}(?:/[a-z]{2,4})+\))$"
_CODE = _AFTER_SENTENCE + r"\([A-Z]{1,3}-\d{1,3}\)$"
# A credit in parentheses ending a caption line.
_PAREN_CREDIT = r"^(?P<caption>.+?[.!?)\"”]?)\s*\((?P<credit>(?:{})[^()]{{0,60}})\)$"
# Caption lines that can only be captions; they are furniture too, so that one
# the header reader misses stays out of the body (and is listed in `removed`).
_KOMPAS_CAPTION = _PAREN_CREDIT.format(r"KOMPAS(?:\.com|\.id)?/|DOK\.|Dok\.|SHUTTERSTOCK|Shutterstock")
_MI_CAPTION = r"^(?P<caption>.+?[.!?)\"”])\s+(?P<credit>(?:MI|ANTARA(?: FOTO)?|AFP|REUTERS|Dok\.?)/[\w .'-]{2,60})$"

OUTLETS: tuple[Outlet, ...] = (
    Outlet("republika", "Republika", ("republika.co.id", "republika.id"),
           dateline=rf"^REPUBLIKA\.CO\.ID\s*,\s*{_PLACE}{_DASH}",
           byline_markers=(r"^\s*Rep\s*:.*Red\s*:", r"^\s*Red\s*:"),
           furniture=(r"Ikuti Whatsapp Channel Republika",)),
    Outlet("kompas", "Kompas", ("kompas.com", "kompas.id"),
           dateline=rf"^(?:{_PLACE},\s*)?KOMPAS\.com{_DASH}",
           author_roles=("writer", "editor"),
           furniture=(r"^(?:Dapatkan update berita pilihan|Simak breaking news dan berita pilihan kami)\b.*",
                      r"^Gabung KOMPAS\.com\+.*", _KOMPAS_CAPTION),
           image_credit=(_KOMPAS_CAPTION,)),
    Outlet("detik", "Detik", ("detik.com",),
           dateline=rf"^{_PLACE}{_DASH}(?=\S)",
           desk_suffix=r"\s*-\s*(?:detik\w*|Sport|Sepakbola|20detik)\s*$",
           furniture=(r"^Artikel ini (?:sudah lebih dulu tayang|telah (?:tayang|naik)) di\s*detik\w*.*",),
           image_credit=(_PAREN_CREDIT.format(r"[^()/]{2,40}/detik\w*|20detik|detik\w*"),)),
    Outlet("tempo", "Tempo", ("tempo.co",),
           dateline=rf"^TEMPO\.CO\s*,\s*{_PLACE}{_DASH}",
           furniture=(r"^Pilihan Editor\s*:.*", r"^Baca berita dengan sedikit iklan.*"),
           image_credit=(r"^(?P<caption>.+?[.!?)\"”])\s+(?P<credit>(?:TEMPO|Tempo|ANTARA|REUTERS)/[\w .'-]{2,60})$",)),
    Outlet("liputan6", "Liputan6", ("liputan6.com",),
           # "Liputan6.com, JakartaKita …": the place may be glued to the body.
           dateline=r"^Liputan6\.com\s*,\s*(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:\s*(?:--|-|–|—)\s*|(?=[A-Z\"“]))",
           image_credit=(_PAREN_CREDIT.format(r"(?:Liputan6\.com|Liputan6|Foto: ?)[^()]{0,40}"),)),
    Outlet("okezone", "Okezone", ("okezone.com",), byline_role="reporter",
           dateline=rf"^(?P<place>[A-Z]{{3,}}(?:\s[A-Z]{{3,}})?)\s*(?:--|-|–|—)\s*",
           image_credit=(_PAREN_CREDIT.format(r"Foto: ?|Okezone|Dok\."),)),
    Outlet("antara", "Antara", ("antaranews.com", "antaranews.co.id"),
           dateline=rf"^{_PLACE}\s*\(ANTARA(?: News)?\){_DASH}",
           furniture=(r"^Dilarang keras mengambil konten\b.*", r"^Baca juga\s*:.*"),
           image_credit=(_PAREN_CREDIT.format(r"ANTARA(?: FOTO)?/"),
                         r"^(?P<caption>.+?[.!?)\"”])\s+(?P<credit>ANTARA(?: FOTO)?/[\w .'-]{2,60}(?:/[\w .'-]{2,10})?)\.?$")),
    Outlet("cnnindonesia", "CNN Indonesia", ("cnnindonesia.com",),
           dateline=rf"^(?:{_PLACE},\s*)?CNN Indonesia{_DASH}",
           furniture=(r"^CNN Indonesia$", r"^url telah tercopy$", r"^Baca berita lengkapnya di sini\.?$"),
           image_credit=(_PAREN_CREDIT.format(r"CNN ?Indonesia/|ANTARA FOTO/|REUTERS/|AFP/|AP/|Foto: ?"),)),
    Outlet("tribunnews", "Tribunnews", ("tribunnews.com",),
           # Regional papers print their own name: "TRIBUN-TIMUR.COM, MAKASSAR -".
           dateline=rf"^(?:TRIBUNNEWS\.COM|Tribunnews\.com|TRIBUN-?[A-Z]+(?:-[A-Z]+)?\.COM)\s*,\s*{_PLACE}{_DASH}",
           furniture=(r"^Artikel ini telah tayang di\s+Tribun.*", r"^Ikuti (?:kami|berita) di Google News.*",
                      r"^(?:Dapatkan|Simak) (?:informasi|berita) lain(?:nya)? di Google News.*"),
           image_credit=(_PAREN_CREDIT.format(r"TRIBUN[\w.-]*/|Tribun[\w.-]*/"),)),
    Outlet("kumparan", "Kumparan", ("kumparan.com",),
           # The desk name above the date ("kumparanNEWS") and the reading time.
           furniture=(r"^kumparan[A-Z]+$", r"^waktu baca \d+ menit$", r"^Konten dari Pengguna$",
                      r"^Tulisan dari .{2,60} tidak mewakili pandangan dari redaksi kumparan$"),
           image_credit=(r"^(?P<caption>.+?[.!?)\"”]?)\s*Foto:\s*(?P<credit>[^:]{2,60}/kumparan|[^:]{2,60}/[A-Z]+)$",)),
    Outlet("tirto", "Tirto", ("tirto.id",),
           dateline=rf"^tirto\.id{_DASH}",
           image_credit=(r"^(?P<caption>.+?[.!?)\"”])\s+(?P<credit>(?:tirto\.id|ANTARA FOTO|REUTERS)/[\w .'-]{2,60})$",)),
    Outlet("mediaindonesia", "Media Indonesia", ("mediaindonesia.com",),
           dateline=rf"^(?:MEDIA INDONESIA|MI)\s*,\s*{_PLACE}{_DASH}",
           # Reporter codes closing the last paragraph: "(H-2)", "(Ant/P-5)".
           furniture=(_CODE, _AFTER_SENTENCE + r"\((?:[A-Z][a-z]{1,3}/)?[A-Z]{1,3}-\d{1,3}\)$", _MI_CAPTION),
           image_credit=(_MI_CAPTION,)),
    Outlet("bbcindonesia", "BBC News Indonesia", ("bbc.com/indonesia", "bbc.co.uk/indonesia"),
           # The page prints credit and caption as two labelled lines; until the
           # header reader takes them, they are at least kept out of the body.
           furniture=(r"^Sumber gambar\s*,.*", r"^Keterangan gambar\s*,.*", r"^Lewati \w+( \w+)? dan lanjutkan membaca$",
                      r"^Akhir dari \w+( \w+)?$"),
           image_credit=(r"^Sumber gambar\s*,\s*(?P<credit>.+)$", r"^Keterangan gambar\s*,\s*(?P<caption>.+)$")),
    Outlet("voaindonesia", "VOA Indonesia", ("voaindonesia.com",),
           dateline=rf"^{_PLACE}\s*\(VOA\){_DASH}",
           furniture=(_INITIALS, r"^Forum$"),
           image_credit=(_PAREN_CREDIT.format(r"AP|AFP|REUTERS|Reuters|VOA"),)),
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

# Caption credits any outlet prints: "(ANTARA FOTO/Nama)", "(Dok. Istimewa)".
GENERIC_IMAGE_CREDITS = (
    _PAREN_CREDIT.format(r"ANTARA(?: FOTO)?/|REUTERS/|Reuters/|AFP/|AP(?: Photo)?/|Dok\.|Dok |Istimewa|"
                         r"Shutterstock|Getty Images|iStock|Freepik|Unsplash|Pexels"),
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
    bare = text.removesuffix("com").rstrip(".")   # "detikcom", the outlet's own name for itself
    for outlet in OUTLETS:
        if text in (outlet.key, outlet.name.lower()) or bare in (outlet.key, outlet.name.lower()):
            return outlet
    return None


def by_byline(line: str) -> Optional[Outlet]:
    for outlet in OUTLETS:
        rx = outlet.rx("byline_markers")
        if rx and rx.search(line):
            return outlet
    return None


def read_caption(line: str, outlet: Optional[Outlet] = None) -> Optional[tuple[Optional[str], Optional[str]]]:
    """(caption, credit) when ``line`` is a photo caption/credit line in the
    outlet's form (its own patterns first, then the generic ones), else None.
    Either part may be None: BBC prints credit and caption on two lines."""
    for rx in _caption_patterns(outlet):
        m = rx.match(line.strip())
        if m:
            parts = m.groupdict()
            caption = (parts.get("caption") or "").strip() or None
            credit = (parts.get("credit") or "").strip() or None
            return caption, credit
    return None


_GENERIC_CAPTION_RX = tuple(re.compile(p) for p in GENERIC_IMAGE_CREDITS)


def _caption_patterns(outlet: Optional[Outlet]) -> tuple[re.Pattern, ...]:
    if outlet is None or not outlet.image_credit:
        return _GENERIC_CAPTION_RX
    key = "_image_credit_each"
    if key not in outlet._compiled:
        outlet._compiled[key] = tuple(re.compile(p) for p in outlet.image_credit)
    return outlet._compiled[key] + _GENERIC_CAPTION_RX


def by_dateline(text: str) -> tuple[Optional[Outlet], Optional[re.Match]]:
    """Outlet whose own dateline opens ``text`` (the unspecific all-caps form last)."""
    for outlet in GENERIC_DATELINES:
        m = outlet.rx("dateline").match(text)
        if m:
            return outlet, m
    return None, None


@lru_cache(maxsize=1)
def _rubric_words() -> dict[str, str]:
    rows = resources.files("warta").joinpath("data/rubrics.tsv").read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t")[:2] for line in rows if line.strip() and not line.startswith("#"))


def rubric(url: Optional[str]) -> Optional[str]:
    """The soft rubric a URL is published under (``sport``, ``entertainment``, ``lifestyle`` …), from its
    host labels and first path segment (``warta/data/rubrics.tsv``); None for news and unknown URLs."""
    if not url:
        return None
    parsed = urlparse(url.strip().lower())
    words = parsed.netloc.split(".")[:-2] + parsed.path.strip("/").split("/")[:1]
    table = _rubric_words()
    return next((table[w] for w in words if w in table), None)

