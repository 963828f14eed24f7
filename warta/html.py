"""Reading a saved news article page (HTML) into its fields.

Metadata comes first from what the page declares about itself (JSON-LD
``NewsArticle``, ``og:``/``article:`` meta, ``itemprop``), then from what it
prints (headings, the visible Indonesian date line).  The body comes from the
outlet's article container when ``data/html_outlets.json`` knows it (or a
schema.org ``articleBody``), otherwise from trafilatura.  Outlet knowledge is
data in that file; nothing here names an outlet.

The Indonesian clean-up of the body (datelines, ``Baca juga``, wire credits)
is not done here: ``warta.parse`` runs the same clean-up on HTML bodies as on
raw text.  Only blocks that are plainly not article text are removed here,
and kept in ``HtmlPage.removed``.
"""
from __future__ import annotations

import codecs
import datetime as dt
import gzip
import html as html_lib
import json
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Optional
from urllib.parse import urljoin, urlparse

from selectolax.lexbor import LexborHTMLParser, LexborNode

from warta.dates import find_datetimes
from warta.errors import WartaError

WIB = dt.timezone(dt.timedelta(hours=7))

# A container must hold at least this much text to be taken as the body;
# below it trafilatura reads the whole page instead.
MIN_CONTAINER_CHARS = 80

ARTICLE_TYPES = {"newsarticle", "article", "reportagenews", "analysisnewsarticle", "opinionnewsarticle",
                 "blogposting", "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting"}

# Metadata keys, in order of trust, for each field (lower-cased name/property/itemprop).
PUBLISHED_KEYS = ("article:published_time", "og:article:published_time", "datepublished", "pubdate",
                  "publishdate", "publish-date", "publish_date", "content_publisheddate", "dc.date.issued",
                  "dc.date", "dcterms.created", "parsely-pub-date", "sailthru.date", "dtk:publishdate",
                  "date", "og:published_time", "datecreated")
UPDATED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "lastmod", "last-modified",
                "dcterms.modified", "content_lastmodifieddate")
TITLE_KEYS = ("og:title", "twitter:title", "title", "headline", "dc.title")
DESCRIPTION_KEYS = ("og:description", "description", "twitter:description", "dc.description")
AUTHOR_KEYS = ("author", "dc.creator", "content_author", "parsely-author", "sailthru.author", "dtk:author")
SITE_KEYS = ("og:site_name", "application-name", "publisher", "twitter:site")

# Separators between a headline and the site/section names a <title> appends.
TITLE_SEPARATOR = re.compile(r"\s+(?:[-|–—]|::|»|·)\s+")
DOMAIN_LIKE = re.compile(r"\b[\w-]+\.(?:com|co\.id|co|id|net|org|news)\b", re.I)

BLOCK_TAGS = {"p", "div", "section", "article", "main", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
              "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "tr", "center", "address", "hr"}

# Whole paragraphs that are page furniture whatever the outlet (checked after the container/trafilatura).
CREDIT_LINE = re.compile(
    r"^(?:pewarta|penulis|reporter|editor|redaktur|penyunting|kontributor|fotografer|foto|photo|writer|"
    r"reporting by|editing by)"
    r"\s*:\s*\S.{0,80}$", re.I)
JUNK_LINE = re.compile(
    r"^(?:copyright\b.*|\(?c\)\s*\d{4}.*|©.*|hak cipta.*|all rights reserved.*|"
    r"(?:share|bagikan)(?: (?:this|artikel ini|ke))?\s*:?\s*(?:facebook|twitter|whatsapp|line|\W)*|"
    r"advertisement|iklan|scroll to continue with content)$", re.I)

# Newsroom contact and advertising lines of page footers.
CONTACT_LINE = re.compile(r"^(?:informasi )?pemasangan iklan\b|^(?:redaksi|hubungi)\s*:?\s*\S+(?:\[at\]|@)\S+", re.I)

# Function words that tell Indonesian from English text.
LANGUAGE_WORDS = {
    "id": {"yang", "dan", "di", "dengan", "untuk", "itu", "ini", "dari", "tidak", "akan", "dalam", "pada", "juga",
           "karena", "sudah", "ke", "oleh", "kata", "mereka", "bahwa"},
    "en": {"the", "and", "of", "to", "in", "is", "that", "for", "on", "was", "with", "said", "by", "are", "has",
           "from", "it", "as", "have", "be"},
}

ZONE_WORDS = re.compile(r"\b(?:WIB|WITA|WIT|GMT|UTC)\b|[+-]\d{2}:?\d{2}\b")
HAS_TIME = re.compile(r"\d{1,2}[:.]\d{2}")
YEAR = re.compile(r"(?:19|20)\d{2}")


@dataclass
class HtmlPage:
    """What a news page says about its article, before the Indonesian clean-up."""

    url: Optional[str] = None
    title: Optional[str] = None
    subtitle: Optional[str] = None
    published: Optional[str] = None
    updated: Optional[str] = None
    authors_raw: Optional[str] = None
    outlet: Optional[str] = None
    language: Optional[str] = None
    images: list[dict[str, Optional[str]]] = field(default_factory=list)
    body: str = ""
    warnings: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # non-article blocks taken out of the body
    outlet_key: Optional[str] = None  # key of the matching entry in data/html_outlets.json

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --------------------------------------------------------------------------- tables

@dataclass(frozen=True)
class OutletSelectors:
    key: str
    name: str
    domains: tuple[str, ...]
    body: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()
    byline: tuple[str, ...] = ()
    caption: tuple[str, ...] = ()
    credit: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    title_suffixes: tuple[str, ...] = ()
    meta_utc_is_local: bool = False


@lru_cache(maxsize=1)
def selector_tables() -> tuple[OutletSelectors, tuple[OutletSelectors, ...]]:
    """(generic, per-outlet) selector tables from ``warta/data/html_outlets.json``."""
    raw = json.loads((Path(__file__).parent / "data" / "html_outlets.json").read_text(encoding="utf-8"))

    def build(entry: dict[str, Any], key: str = "generic", name: str = "") -> OutletSelectors:
        return OutletSelectors(
            key=entry.get("key", key), name=entry.get("name", name), domains=tuple(entry.get("domains", ())),
            **{k: tuple(entry.get(k, ())) for k in ("body", "drop", "byline", "caption", "credit", "dates", "title_suffixes")},
            meta_utc_is_local=bool(entry.get("meta_utc_is_local", False)))

    return build(raw["generic"]), tuple(build(e) for e in raw["outlets"])


def outlet_for(url: Optional[str]) -> Optional[OutletSelectors]:
    """The outlet entry whose domain the URL is on (the longest matching domain wins)."""
    host = urlparse(url).netloc.lower().split(":")[0] if url and "//" in url else ""
    if not host:
        return None
    _, outlets = selector_tables()
    hits = [(len(d), o) for o in outlets for d in o.domains if host == d or host.endswith("." + d)]
    return max(hits, key=lambda h: h[0])[1] if hits else None


# --------------------------------------------------------------------------- decoding

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Labels browsers read as windows-1252 (WHATWG Encoding): the bytes 0x80-0x9F are cp1252 there.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii", "windows-1252",
              "cp1252", "iso_8859-1", "8859_1"}


def decode_html(raw: bytes) -> tuple[str, str]:
    """Decode page bytes: BOM, then the declared charset, then UTF-8, then a guess, then cp1252.

    A gzip stream is unpacked first.  A page declaring a Latin charset whose
    bytes are valid UTF-8 with multi-byte characters is read as UTF-8 (the
    declaration is stale more often than the bytes are Latin).
    """
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise WartaError("W105", "<html>", str(exc)) from exc
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return raw.decode(name, errors="replace"), name.replace("-sig", "")
    declared = _declared_charset(raw[:4096])
    if declared and declared not in _AS_CP1252:
        try:
            return raw.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if not declared:
        guessed = _guess_charset(raw)
        if guessed:
            return raw.decode(guessed, errors="replace"), guessed
    return raw.decode("cp1252", errors="replace"), "cp1252"


def _declared_charset(head: bytes) -> Optional[str]:
    match = _DECLARED_CHARSET.search(head)
    if not match:
        return None
    label = match.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(label).name if label not in _AS_CP1252 else label
    except LookupError:
        return None


def _guess_charset(raw: bytes) -> Optional[str]:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional: installed with requests/trafilatura
        return None
    best = from_bytes(raw[:65536]).best()
    return best.encoding if best else None


# --------------------------------------------------------------------------- page reading

def extract_html(html: str, url: Optional[str] = None) -> HtmlPage:
    """Read an article page.  Raises ``WartaError`` W121 (not HTML) or W120 (no article text)."""
    source = url or "<html>"
    tree = _parse(html, source)
    html = html.replace("\x00", "") if "\x00" in html else html
    page = HtmlPage(warnings=[])
    if not re.search(r"</(?:body|html)\s*>", html[-4096:], re.I):
        page.warnings.append("html: the document looks truncated (no closing </body>/</html>)")
    meta = _collect_meta(tree)
    article = _json_ld_article(tree, page.warnings)

    page.url = _canonical_url(tree, meta, article, url)
    outlet = outlet_for(page.url) or outlet_for(url) or _outlet_from_page(meta)
    generic, _ = selector_tables()
    page.outlet_key = outlet.key if outlet else None
    page.outlet = _outlet_name(outlet, meta, article, page.url)

    page.title = _title(tree, meta, article, _headings(tree), outlet, page.outlet)
    body_node = _body_container(tree, outlet, generic)
    body, removed, credits, body_node = _body(html, tree, body_node, outlet, generic, page.url, page.title,
                                              page.warnings)
    if not body:
        raise WartaError("W120", source, "no article container and the extractor found no text")
    page.body, page.removed = body, removed
    page.images = _images(tree, meta, article, body_node, outlet, generic, page.url)
    page.authors_raw = _authors(tree, meta, article, outlet, generic)
    extra = [c for c in credits if not page.authors_raw or c not in page.authors_raw]
    if extra:
        page.authors_raw = " | ".join(([page.authors_raw] if page.authors_raw else []) + extra)
    page.published, page.updated = _times(tree, meta, article, outlet, generic, body_node, page.title,
                                          page.warnings)
    page.subtitle = _subtitle(meta, article, page.title, body)
    page.language = _language(tree, meta, article, body, page.warnings)
    return page


def _parse(html: str, source: str) -> LexborHTMLParser:
    if not isinstance(html, str):
        raise WartaError("W121", source, f"expected text, got {type(html).__name__}")
    if html[:2048].count("\x00") > 20:
        raise WartaError("W121", source, "binary content, not markup")
    if "<" not in html[:65536]:
        raise WartaError("W121", source, "no markup found")
    try:
        tree = LexborHTMLParser(html)
    except Exception as exc:  # the parser's own failure, whatever its type
        raise WartaError("W121", source, str(exc)[:200]) from exc
    if tree.body is None and tree.head is None:
        raise WartaError("W121", source, "no document element")
    return tree


# --------------------------------------------------------------------------- metadata

def _collect_meta(tree: LexborHTMLParser) -> dict[str, list[str]]:
    """Meta values by lower-cased name/property/itemprop, in document order (also itemprop in the body)."""
    meta: dict[str, list[str]] = {}
    for node in tree.css("meta[content], [itemprop][content], [itemprop][datetime]"):
        attrs = node.attributes
        value = (attrs.get("content") or attrs.get("datetime") or "").strip()
        if not value:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            for key in (attrs.get(attr) or "").lower().split():
                meta.setdefault(key, []).append(value)
    return meta


def _first(meta: dict[str, list[str]], keys: Iterable[str]) -> Optional[str]:
    for key in keys:
        for value in meta.get(key, ()):
            if value.strip():
                return value.strip()
    return None


def _json_ld_article(tree: LexborHTMLParser, warnings: list[str]) -> dict[str, Any]:
    """The first JSON-LD object typed as an article (searching lists and @graph)."""
    for node in tree.css('script[type="application/ld+json"]'):
        text = (node.text() or "").strip()
        if not text:
            continue
        try:
            data = json.loads(text, strict=False)
        except ValueError:
            data = _salvage_json_ld(text)
            if data is None:
                warnings.append("html: unreadable JSON-LD block skipped")
                continue
        found = _find_article_object(data)
        if found:
            return found
    return {}


def _salvage_json_ld(text: str) -> Optional[dict[str, Any]]:
    """Key fields of a JSON-LD block that is not valid JSON (trailing commas, raw quotes)."""
    fields = {}
    for key in ("@type", "headline", "datePublished", "dateModified", "url", "description"):
        match = re.search(rf'"{re.escape(key)}"\s*:\s*"((?:[^"\\]|\\.)*)"', text)
        if match:
            try:
                fields[key] = json.loads(f'"{match.group(1)}"')
            except ValueError:
                fields[key] = match.group(1)
    return fields or None


def _find_article_object(data: Any, depth: int = 0) -> Optional[dict[str, Any]]:
    if depth > 4:
        return None
    if isinstance(data, list):
        for item in data:
            found = _find_article_object(item, depth + 1)
            if found:
                return found
        return None
    if not isinstance(data, dict):
        return None
    types = data.get("@type", "")
    types = [types] if isinstance(types, str) else [t for t in types if isinstance(t, str)] if isinstance(types, list) else []
    if any(t.lower() in ARTICLE_TYPES for t in types):
        return data
    if "@graph" in data:
        return _find_article_object(data["@graph"], depth + 1)
    return None


def _ld_text(value: Any) -> Optional[str]:
    """A JSON-LD value as text: strings, the first of a list, or an object's name/@id/url."""
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("url") or value.get("@id")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _canonical_url(tree: LexborHTMLParser, meta: dict[str, list[str]], article: dict[str, Any],
                   given: Optional[str]) -> Optional[str]:
    candidates = [node.attributes.get("href") for node in tree.css('link[rel="canonical"]')]
    candidates += [_first(meta, ("og:url",)), _ld_text(article.get("url")), _ld_text(article.get("mainEntityOfPage"))]
    for candidate in candidates:
        candidate = (candidate or "").strip()
        if not candidate:
            continue
        absolute = urljoin(given, candidate) if given else candidate
        if urlparse(absolute).scheme in ("http", "https") and urlparse(absolute).netloc:
            return absolute
    return given


def _outlet_from_page(meta: dict[str, list[str]]) -> Optional[OutletSelectors]:
    """The outlet of a page saved without its address: from the site name, else the hosts of its images."""
    _, outlets = selector_tables()
    site = re.sub(r"[^a-z0-9]", "", (_first(meta, SITE_KEYS) or "").lower())
    if site:
        for outlet in outlets:
            if any(re.sub(r"[^a-z0-9]", "", d.split(".")[0]) in site for d in outlet.domains):
                return outlet
    for key in ("og:image", "twitter:image", "og:url"):
        for value in meta.get(key, ()):
            found = outlet_for(value)
            if found:
                return found
    return None


def _outlet_name(outlet: Optional[OutletSelectors], meta: dict[str, list[str]], article: dict[str, Any],
                 url: Optional[str]) -> Optional[str]:
    if outlet:
        return outlet.name
    name = _first(meta, ("og:site_name", "application-name")) or _ld_text(article.get("publisher"))
    if name:
        return name
    host = urlparse(url).netloc if url else ""
    return re.sub(r"^www\.", "", host) or None


# --------------------------------------------------------------------------- title

def _headings(tree: LexborHTMLParser) -> list[tuple[str, str]]:
    """(tag, text) of the page's h1/h2 headings long enough to be headlines."""
    found = []
    for node in tree.css("h1, h2")[:40]:
        text = _clean_inline(node.text(separator=" "))
        if len(text) >= 8:
            found.append((node.tag, text))
    return found


def _title(tree: LexborHTMLParser, meta: dict[str, list[str]], article: dict[str, Any],
           headings: list[tuple[str, str]], outlet: Optional[OutletSelectors], outlet_name: Optional[str]) -> Optional[str]:
    """The headline without site suffixes.

    A heading that the page's declared title starts with is the clean headline
    when what follows it is the site's name (or the heading is the h1);
    otherwise site-like trailing segments are cut off the declared title.
    """
    title_node = tree.css_first("title")
    declared = [_ld_text(article.get("headline"))] + [_first(meta, (k,)) for k in TITLE_KEYS]
    declared.append(title_node.text() if title_node else None)
    declared = [_clean_inline(html_lib.unescape(t)) for t in declared if t and _clean_inline(t)]
    site = _site_words(outlet, outlet_name)
    for candidate in declared:
        for tag, heading in headings:
            if candidate == heading:
                return heading
            rest = candidate[len(heading):] if candidate.startswith(heading) else ""
            if rest and TITLE_SEPARATOR.match(rest) and (tag == "h1" or _is_site_suffix(rest, site)):
                return heading
    if declared:
        return _strip_site_suffix(declared[0], site)
    return headings[0][1] if headings else None


def _site_words(outlet: Optional[OutletSelectors], outlet_name: Optional[str]) -> tuple[set[str], set[str]]:
    """(names of outlets and sites, the outlet's domain roots) for recognising title suffixes."""
    generic, outlets = selector_tables()
    names = {s.lower() for o in outlets for s in o.title_suffixes + (o.name,)} | {s.lower() for s in generic.title_suffixes}
    if outlet_name:
        names.add(outlet_name.lower())
    roots = {d.split(".")[0] for d in (outlet.domains if outlet else ())}
    return names, roots


def _is_site_segment(segment: str, site: tuple[set[str], set[str]]) -> bool:
    names, roots = site
    tail = segment.strip().lower()
    return bool(tail in names or DOMAIN_LIKE.search(tail) or any(r in tail for r in roots)
                or any(w in tail for w in names if len(w) > 4))


def _is_site_suffix(rest: str, site: tuple[set[str], set[str]]) -> bool:
    """Whether separator-led text after a headline is site furniture: it ends with the site's name, and
    anything before that is a short section label (`` | National | Tempo.co``)."""
    segments = [s for s in TITLE_SEPARATOR.split(rest) if s.strip()]
    if not segments or not _is_site_segment(segments[-1], site):
        return False
    return all(_is_site_segment(s, site) or len(s.split()) <= 3 for s in segments[:-1])


def _strip_site_suffix(title: str, site: tuple[set[str], set[str]]) -> str:
    parts = TITLE_SEPARATOR.split(title)
    keep = len(parts)
    while keep > 1 and _is_site_segment(parts[keep - 1], site):
        keep -= 1
    return _rejoin(title, keep)


def _rejoin(title: str, keep: int) -> str:
    """The first ``keep`` separator-delimited segments of ``title``, with their original separators."""
    cuts = [m.start() for m in TITLE_SEPARATOR.finditer(title)]
    return title[:cuts[keep - 1]].strip() if keep - 1 < len(cuts) else title.strip()


def _clean_inline(text: Optional[str]) -> str:
    return re.sub(r"\s+", " ", (text or "").replace("\xa0", " ")).strip()


# --------------------------------------------------------------------------- authors, images, subtitle

def _authors(tree: LexborHTMLParser, meta: dict[str, list[str]], article: dict[str, Any],
             outlet: Optional[OutletSelectors], generic: OutletSelectors) -> Optional[str]:
    """The byline as printed (it carries roles), else JSON-LD author names, else the author meta."""
    for selector in (outlet.byline if outlet else ()) + generic.byline:
        texts = [_byline_text(n) for n in tree.css(selector)[:6]]
        texts = [t for t in texts if t and len(t) <= 200]
        if texts:
            return " | ".join(dict.fromkeys(texts))
    names = [n for n in _ld_names(article.get("author")) if not _is_publisher(n, outlet)]
    if names:
        return ", ".join(names)
    value = _first(meta, AUTHOR_KEYS)
    if value and "://" not in value and not _is_publisher(value, outlet):
        return value
    return None


def _byline_text(node: LexborNode) -> str:
    """A byline element as one line: its lines/rows joined by `` | ``, copyright lines left out."""
    lines = [_clean_inline(line).replace(" :", ":") for line in _container_paragraphs(node, ())]
    return " | ".join(line for line in lines if not JUNK_LINE.match(line))


def _ld_names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip() and "://" not in name:
            names.append(_clean_inline(name))
    return names


def _is_publisher(value: str, outlet: Optional[OutletSelectors]) -> bool:
    lowered = value.lower()
    if outlet and lowered in (outlet.name.lower(), *(s.lower() for s in outlet.title_suffixes)):
        return True
    if re.search(r"\b(?:media|cyber|redaksi|newsroom|tim)\b", lowered):
        return True
    return bool(outlet and any(d.split(".")[0] in lowered for d in outlet.domains))


def _images(tree: LexborHTMLParser, meta: dict[str, list[str]], article: dict[str, Any],
            body_node: Optional[LexborNode], outlet: Optional[OutletSelectors], generic: OutletSelectors,
            page_url: Optional[str]) -> list[dict[str, Optional[str]]]:
    images: list[dict[str, Optional[str]]] = []
    seen: set[str] = set()

    def add(src: Optional[str], caption: Optional[str] = None, credit: Optional[str] = None) -> None:
        src = (src or "").strip()
        if not src or src.startswith("data:"):
            return
        src = urljoin(page_url, src) if page_url else src
        if src in seen:
            return
        seen.add(src)
        caption = _clean_inline(caption) or None
        credit = _clean_inline(credit) or _photo_credit(caption)
        if caption and credit and caption.startswith(credit):  # a printed credit opening the caption
            caption = caption[len(credit):].strip() or None
        images.append({"url": src, "caption": caption, "credit": credit or None})

    lead_caption = lead_credit = None
    for selector in (outlet.caption if outlet else ()) + generic.caption:
        node = tree.css_first(selector)
        if node is not None and _clean_inline(node.text(separator=" ")):
            lead_caption = node.text(separator=" ")
            credit_selectors = (outlet.credit if outlet else ()) + generic.credit
            credit_node = _first_node(node, credit_selectors)
            if credit_node is None and node.parent is not None:  # printed beside the caption
                credit_node = _first_node(node.parent, credit_selectors)
            lead_credit = credit_node.text(separator=" ") if credit_node is not None else None
            break
    add(_first(meta, ("og:image", "og:image:url", "twitter:image", "twitter:image:src", "image"))
        or _ld_text(article.get("image")), lead_caption, lead_credit)
    for figure in (body_node.css("figure") if body_node is not None else ()):
        img = figure.css_first("img")
        caption = figure.css_first("figcaption")
        if img is not None:
            add(img.attributes.get("src") or img.attributes.get("data-src"),
                caption.text(separator=" ") if caption is not None else img.attributes.get("alt"))
    return images


def _first_node(node: LexborNode, selectors: Iterable[str]) -> Optional[LexborNode]:
    for selector in selectors:
        found = node.css_first(selector)
        if found is not None:
            return found
    return None


_CREDIT = (re.compile(r"\((?:Foto|FOTO|Photo)\s*:\s*([^)]{2,60})\)"),
           re.compile(r"\(((?:ANTARA(?: FOTO)?|FOTO|Foto|Dok\.?|Dokumentasi)\s*/\s*[^)]{2,60})\)"),
           re.compile(r"(?:^|\s)(?:Foto|FOTO|Photo|Image|Sumber foto|Dok\.?)\s*:\s*([^|()]{2,60})$"),
           re.compile(r"(?:^|\s)((?:ANTARA(?: FOTO)?|KOMPAS\.com|TEMPO)/[\w .'-]{2,60})$", re.I))


def _photo_credit(caption: Optional[str]) -> Optional[str]:
    if not caption:
        return None
    for pattern in _CREDIT:
        match = pattern.search(caption)
        if match:
            return match.group(1).strip()
    return None


def _subtitle(meta: dict[str, list[str]], article: dict[str, Any], title: Optional[str], body: str) -> Optional[str]:
    """The page's description when it says something the title and the body's opening do not."""
    text = _clean_inline(html_lib.unescape(_ld_text(article.get("description")) or _first(meta, DESCRIPTION_KEYS) or ""))
    text = text.lstrip("-–—|: ")
    if not text or len(text) < 20:
        return None
    bare = re.sub(r"(?:\.\.\.|…)$", "", text).strip()
    words = lambda s: re.findall(r"\w+", s.lower())
    if title and words(bare) == words(title):
        return None
    opening = " ".join(words(body[: len(bare) * 2 + 200]))
    if " ".join(words(bare)[:-1]) in opening:  # the description is the body's first sentence(s), cut
        return None
    return text


# --------------------------------------------------------------------------- language

def _language(tree: LexborHTMLParser, meta: dict[str, list[str]], article: dict[str, Any], body: str,
              warnings: list[str]) -> Optional[str]:
    html_node = tree.css_first("html")
    declared = (_ld_text(article.get("inLanguage")) or _first(meta, ("og:locale", "content-language", "language"))
                or (html_node.attributes.get("lang") if html_node is not None else None)
                or (html_node.attributes.get("xml:lang") if html_node is not None else None))
    declared = declared.lower().replace("_", "-").split("-")[0] if declared else None
    if declared == "in":  # the old ISO 639 code for Indonesian
        declared = "id"
    counted = _count_language(body)
    if counted and declared != counted:
        if declared:
            warnings.append(f"html: page declares language {declared!r}, text reads as {counted!r}")
        return counted
    return declared or counted


def _count_language(text: str) -> Optional[str]:
    words = re.findall(r"[a-z]+", text[:4000].lower())
    if len(words) < 20:
        return None
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in LANGUAGE_WORDS.items()}
    best = max(scores, key=scores.get)
    others = max(v for k, v in scores.items() if k != best)
    return best if scores[best] >= 5 and scores[best] >= 2 * others else None


# --------------------------------------------------------------------------- times

def _times(tree: LexborHTMLParser, meta: dict[str, list[str]], article: dict[str, Any],
           outlet: Optional[OutletSelectors], generic: OutletSelectors, body_node: Optional[LexborNode],
           title: Optional[str], warnings: list[str]) -> tuple[Optional[str], Optional[str]]:
    """(published, updated) as ISO 8601 with offset.

    Declared times win when they carry a time of day; the printed date line
    near the article fills in a missing time, and also shows when an outlet
    writes local wall-clock time with a false ``Z`` (then WIB is used).
    """
    declared_pub = _read_declared([article.get("datePublished"), article.get("dateCreated")]
                                  + [_first(meta, (k,)) for k in PUBLISHED_KEYS])
    declared_upd = _read_declared([article.get("dateModified")] + [_first(meta, (k,)) for k in UPDATED_KEYS])
    all_declared = [d for d in (_read_declared([v]) for vs in meta.values() for v in vs) if d] if declared_pub else []
    printed = _printed_time(tree, outlet, generic, body_node, title)

    published = declared_pub
    if published and published.utc_claimed and (
            (outlet and outlet.meta_utc_is_local) or _wall_clock_printed(printed, all_declared)):
        published = published.as_local()
        declared_upd = declared_upd.as_local() if declared_upd and declared_upd.utc_claimed else declared_upd
        warnings.append("html: metadata times marked UTC are local (WIB) wall-clock times; +07:00 used")
    if published is None or (not published.has_time and printed and printed.value.date() == published.value.date()):
        published = printed or published
    elif not published.has_time:
        warnings.append("html: publication time known to the day only")
    if published and published.zone_assumed:
        warnings.append("html: no time zone given for the publication time; WIB (+07:00) assumed")
    if published is None:
        warnings.append("html: no publication time found")
    updated = declared_upd if declared_upd and (not published or declared_upd.value != published.value) else None
    return (published.iso() if published else None), (updated.iso() if updated else None)


@dataclass
class _Time:
    value: dt.datetime
    has_time: bool
    zone_assumed: bool = False
    utc_claimed: bool = False

    def iso(self) -> str:
        return self.value.isoformat()

    def as_local(self) -> "_Time":
        return _Time(self.value.replace(tzinfo=WIB), self.has_time, False, False)


_ISO = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s*T?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?)?"
                  r"\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}|WIB|WITA|WIT)?", re.I)
_ZONE_HOURS = {"WIB": 7, "WITA": 8, "WIT": 9, "Z": 0, "UTC": 0, "GMT": 0}


def _read_declared(values: Iterable[Any]) -> Optional[_Time]:
    """The first machine-readable time among metadata values (ISO-like, or epoch seconds/ms)."""
    for value in values:
        if isinstance(value, (int, float)) or (isinstance(value, str) and re.fullmatch(r"\d{10}(?:\d{3})?", value.strip())):
            seconds = float(value) / (1000 if len(str(int(float(value)))) == 13 else 1)
            return _Time(dt.datetime.fromtimestamp(seconds, WIB), True)
        if not isinstance(value, str):
            continue
        match = _ISO.search(value)
        if not match:
            continue
        year, month, day, hour, minute, second, zone = match.groups()
        try:
            tz, assumed, utc = _zone(zone)
            stamp = dt.datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0),
                                tzinfo=tz)
        except ValueError:
            continue
        return _Time(stamp, hour is not None, assumed and hour is not None, utc)
    return None


def _zone(zone: Optional[str]) -> tuple[dt.tzinfo, bool, bool]:
    """(tzinfo, assumed?, claims UTC?) for a zone designator."""
    if not zone:
        return WIB, True, False
    upper = zone.upper()
    if upper in _ZONE_HOURS:
        return dt.timezone(dt.timedelta(hours=_ZONE_HOURS[upper])), False, _ZONE_HOURS[upper] == 0
    sign = 1 if zone[0] == "+" else -1
    digits = zone[1:].replace(":", "")
    offset = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return dt.timezone(sign * offset), False, offset == dt.timedelta(0)


def _wall_clock_printed(printed: Optional[_Time], declared: list[_Time]) -> bool:
    """Whether the printed local time equals a declared 'UTC' time's wall clock (to the minute)."""
    if not printed or not printed.has_time:
        return False
    shown = printed.value.replace(tzinfo=None, second=0)
    return any(d.utc_claimed and d.value.replace(tzinfo=None, second=0) == shown for d in declared)


def _printed_time(tree: LexborHTMLParser, outlet: Optional[OutletSelectors], generic: OutletSelectors,
                  body_node: Optional[LexborNode], title: Optional[str]) -> Optional[_Time]:
    """The article's printed date line: the date-bearing text nearest the article body (sidebars list
    other articles' times further away); the outlet's date elements and a printed zone count in its favour."""
    root = tree.body
    if root is None:
        return None
    dated: set[int] = set()
    for selector in (outlet.dates if outlet else ()):
        dated.update(n.mem_id for n in tree.css(selector)[:20])
    anchor = body_node.mem_id if body_node is not None else None
    candidates: list[tuple[int, _Time, float]] = []
    anchors: list[int] = []  # the body container and every printed copy of the headline
    for index, node in enumerate(root.traverse(include_text=True)):
        mem_id = node.mem_id
        if mem_id == anchor or (title and node.tag == "-text" and _is_title_text(node.text_content, title)):
            anchors.append(index)
        if mem_id in dated:
            found = _time_in_text(node.text(separator=" "))
            if found:
                candidates.append((index, found, -150.0))
            continue
        if node.tag == "time" and node.attributes.get("datetime"):
            found = _read_declared([node.attributes["datetime"]])
            if found:
                candidates.append((index, found, -100.0))
            continue
        if node.tag != "-text":
            continue
        text = node.text_content or ""
        if len(text) > 200 or not YEAR.search(text):
            continue
        found = _time_in_text(text)
        if found:
            in_link = node.parent is not None and node.parent.tag == "a"
            candidates.append((index, found, 300.0 if in_link else 0.0))
    if not candidates:
        return None
    anchors = anchors or [candidates[0][0]]

    def cost(item: tuple[int, _Time, float]) -> float:
        index, found, penalty = item
        distance = min(abs(index - a) * (1.0 if index <= a else 1.5) for a in anchors)
        return distance + penalty + (0 if found.has_time else 400) + (60 if found.zone_assumed else 0)

    return min(candidates, key=cost)[1]


def _is_title_text(text: Optional[str], title: str) -> bool:
    # The cheap length test first: most text nodes are far shorter or longer than a headline.
    return bool(text) and len(title) <= len(text) <= 3 * len(title) + 40 and _clean_inline(text) == title


def _time_in_text(text: str) -> Optional[_Time]:
    text = (text or "").replace("\xa0", " ")
    found = find_datetimes(text)
    if not found:
        return None
    pos, value, assumed = found[0]
    has_time = bool(HAS_TIME.search(text[pos:pos + 40]))
    zoned = bool(ZONE_WORDS.search(text[pos:pos + 60]))
    return _Time(value, has_time, has_time and (assumed or not zoned))


# --------------------------------------------------------------------------- body

def _body_container(tree: LexborHTMLParser, outlet: Optional[OutletSelectors],
                    generic: OutletSelectors) -> Optional[LexborNode]:
    for selector in (outlet.body if outlet else ()) + generic.body:
        for node in tree.css(selector)[:3]:
            if len(_clean_inline(node.text(separator=" "))) >= MIN_CONTAINER_CHARS:
                return node
    return None


def _body(html: str, tree: LexborHTMLParser, container: Optional[LexborNode], outlet: Optional[OutletSelectors],
          generic: OutletSelectors, url: Optional[str], title: Optional[str],
          warnings: list[str]) -> tuple[str, list[str], list[str], Optional[LexborNode]]:
    """(body, removed blocks, credit lines, container) from the known container, else from trafilatura."""
    drop = (outlet.drop if outlet else ()) + generic.drop
    paragraphs: list[str] = []
    if container is not None:
        paragraphs = _container_paragraphs(container, drop)
    if _char_count(paragraphs) < MIN_CONTAINER_CHARS:
        extracted = _trafilatura_paragraphs(html, url, warnings)
        container, paragraphs = _widen_to_container(tree, extracted, drop) if extracted else (None, paragraphs)
    return (*_drop_furniture(paragraphs, title), container)


def _widen_to_container(tree: LexborHTMLParser, extracted: list[str],
                        drop: tuple[str, ...]) -> tuple[Optional[LexborNode], list[str]]:
    """The element holding trafilatura's paragraphs, read whole when that adds little.

    trafilatura sometimes skips an article's opening paragraph (text before the
    first ``<br>``); the smallest element holding its first and last
    paragraphs has it.  The element's text is used when it keeps nearly all of
    trafilatura's text and is not much longer (else it is a page-wide wrapper).
    """
    first = _text_node_within(tree, extracted[0], last=False)
    last = _text_node_within(tree, extracted[-1], last=True)
    node = _common_ancestor(first, last) if first is not None and last is not None else None
    if node is None or node.tag in ("body", "html"):
        return None, extracted
    widened = _container_paragraphs(node, drop)
    wanted = set(_word_grams(" ".join(extracted)))
    have = set(_word_grams(" ".join(widened)))
    if not wanted or len(wanted & have) < 0.95 * len(wanted) or len(have) > 1.6 * len(wanted):
        return None, extracted
    # What the element adds must read as article prose (long sentences), not link lists or labels.
    added = [p for p in widened if not set(_word_grams(p)) <= wanted]
    prose = sum(len(p) for p in added if len(p) >= 60 and re.search(r"[.!?\"”]", p))
    if prose < 0.7 * sum(len(p) for p in added):
        return None, extracted
    return node, widened


def _text_node_within(tree: LexborHTMLParser, paragraph: str, last: bool) -> Optional[LexborNode]:
    """The first (or last) text node of the page, 15+ characters, whose text occurs in ``paragraph``."""
    root = tree.body
    if root is None:
        return None
    hit = None
    for node in root.traverse(include_text=True):
        if node.tag != "-text":
            continue
        text = _clean_inline(node.text_content)
        if len(text) >= 15 and text in paragraph:
            hit = node
            if not last:
                break
    return hit


def _common_ancestor(a: LexborNode, b: LexborNode) -> Optional[LexborNode]:
    seen = set()
    node = a
    while node is not None:
        seen.add(node.mem_id)
        node = node.parent
    node = b
    while node is not None and node.mem_id not in seen:
        node = node.parent
    while node is not None and node.tag == "-text":
        node = node.parent
    return node


def _word_grams(text: str, n: int = 4) -> list[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return [tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1))] if words else []


def _char_count(paragraphs: list[str]) -> int:
    return sum(len(p) for p in paragraphs)


def _container_paragraphs(container: LexborNode, drop_selectors: tuple[str, ...]) -> list[str]:
    """Text of the container as paragraphs: block elements and line breaks split it."""
    dropped: set[int] = set()
    for selector in drop_selectors:
        try:
            dropped.update(n.mem_id for n in container.css(selector))
        except Exception:  # a selector the engine does not support: skip it, not the page
            continue
    dropped.discard(container.mem_id)
    pieces: list[str] = []
    stack: list[Any] = [container]
    # Iterative walk (deeply nested broken pages must not hit the recursion limit).
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            pieces.append(item)
            continue
        tag = item.tag
        if tag == "-text":
            pieces.append(re.sub(r"\s+", " ", item.text_content or ""))
            continue
        if tag == "br":
            pieces.append("\n")
            continue
        if tag.startswith("-") or item.mem_id in dropped:
            continue
        block = tag in BLOCK_TAGS
        children = list(item.iter(include_text=True))
        if block:
            stack.append("\n")
        stack.extend(reversed(children))
        if block:
            stack.append("\n")
    return _join_dateline(_split_paragraphs("".join(pieces)))


def _split_paragraphs(text: str) -> list[str]:
    parts = (re.sub(r"[ \t\xa0]+", " ", p).strip() for p in text.split("\n"))
    return [p for p in parts if p and re.search(r"\w", p)]


def _join_dateline(paragraphs: list[str]) -> list[str]:
    """Rejoin a dateline printed in its own element (``<strong>Jakarta</strong> - <p>…``) to its paragraph."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and len(joined[-1]) <= 60 and re.search(r"(?:--|-|–|—)$", joined[-1]):
            joined[-1] = f"{joined[-1]} {paragraph}"
        else:
            joined.append(paragraph)
    return joined


def _trafilatura_paragraphs(html: str, url: Optional[str], warnings: list[str]) -> list[str]:
    import trafilatura  # imported here: the container path does not need it

    try:
        text = trafilatura.extract(html, url=url, favor_precision=True, include_comments=False,
                                   include_tables=False, include_images=False, deduplicate=False,
                                   with_metadata=False, output_format="txt")
    except Exception as exc:  # the extractor's own failure on broken markup
        warnings.append(f"html: the extractor failed ({type(exc).__name__})")
        return []
    return _split_paragraphs(text or "")


def _drop_furniture(paragraphs: list[str], title: Optional[str] = None) -> tuple[str, list[str], list[str]]:
    """Take out the repeated headline and section label at the top, date-only and number-only lines,
    copyright/share/contact lines, and credit lines (returned apart: they name the authors)."""
    kept: list[str] = []
    removed: list[str] = []
    credits: list[str] = []
    heading = _clean_inline(title).lower() if title else None
    for paragraph in paragraphs:
        at_top = not kept
        if CREDIT_LINE.match(paragraph):
            removed.append(paragraph)
            credits.append(paragraph)
        elif (JUNK_LINE.match(paragraph) or CONTACT_LINE.search(paragraph) or _is_date_line(paragraph)
              or not re.search(r"[^\W\d_]", paragraph)
              or (at_top and (paragraph.lower() == heading
                              or (re.fullmatch(r"[\w.]+", paragraph) and not paragraph.isupper())))):
            removed.append(paragraph)
        else:
            kept.append(paragraph)
    return "\n\n".join(kept), removed, credits


def _is_date_line(paragraph: str) -> bool:
    if len(paragraph) > 60 or not YEAR.search(paragraph):
        return False
    found = find_datetimes(paragraph)
    if not found:
        return False
    rest = re.sub(r"\d{1,2}[:.]\d{2}|\b(?:WIB|WITA|WIT|GMT|UTC)\b|\d+|[^\w]+", " ", paragraph)
    words = [w for w in rest.split() if w.lower() not in _DATE_WORDS]
    return not words


_DATE_WORDS = {"senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "ahad", "monday", "tuesday",
               "wednesday", "thursday", "friday", "saturday", "sunday", "diperbarui", "updated", "pukul", "jam",
               "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
               "november", "desember", "jan", "feb", "mar", "apr", "jun", "jul", "agu", "agt", "aug", "sep", "okt",
               "oct", "nov", "des", "dec", "january", "february", "march", "may", "june", "july", "august",
               "october", "december"}
