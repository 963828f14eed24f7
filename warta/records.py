"""The record types that flow through warta, one per stage.

    source ──> Capture ──> Article ──> Analysis ──> Store

Each stage takes the previous record and returns the next; nothing reaches
back.  Every record has ``to_dict``/``from_dict`` giving its JSON form, which
is the public contract of ``warta parse`` / ``warta analyze``.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any, Optional


class Record:
    """Mixin: JSON form of a dataclass record (nested records included)."""

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        kwargs = {}
        hints = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        for name, value in data.items():
            if name not in hints:
                continue
            sub = _NESTED.get((cls.__name__, name))
            if sub is not None and value is not None:
                value = [sub.from_dict(v) for v in value] if isinstance(value, list) else sub.from_dict(value)
            kwargs[name] = value
        return cls(**kwargs)


# ---------------------------------------------------------------- Capture ---

@dataclass
class Capture(Record):
    """What was read from a source, before any interpretation.

    ``format`` is ``text`` (a crawler's saved page text), ``html``, or
    ``fields`` (a CSV/JSONL row whose columns were mapped to Article fields
    by ``--columns``; the raw strings are in ``fields``).
    """

    source: str                      # input name: path, "path:row", "-", URL
    format: str                      # text | html | fields
    text: str = ""                   # decoded content (text/html formats)
    url: Optional[str] = None
    fetched_at: Optional[str] = None  # ISO 8601; reference for "2 jam lalu"
    fields: dict[str, str] = field(default_factory=dict)
    encoding: Optional[str] = None


# ---------------------------------------------------------------- Article ---

@dataclass
class Author(Record):
    name: str
    role: str  # reporter | editor | writer | photographer | contributor


@dataclass
class Image(Record):
    url: Optional[str] = None
    caption: Optional[str] = None
    credit: Optional[str] = None


@dataclass
class Dateline(Record):
    text: str             # as printed, e.g. "REPUBLIKA.CO.ID, CIREBON--"
    place: Optional[str]  # "Cirebon"
    outlet: Optional[str]  # "Republika"


@dataclass
class Article(Record):
    """A clean news article: metadata plus body with furniture removed."""

    id: str
    source: str
    url: Optional[str] = None
    outlet: Optional[str] = None
    language: str = "id"
    title: Optional[str] = None
    subtitle: Optional[str] = None
    published: Optional[str] = None  # ISO 8601 with offset
    updated: Optional[str] = None
    authors: list[Author] = field(default_factory=list)
    dateline: Optional[Dateline] = None
    wire: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    body: str = ""
    removed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def article_id(url: Optional[str], title: Optional[str], body: str) -> str:
    """Stable id: the canonical URL when known, else the content."""
    basis = url.strip() if url else f"{title or ''}\n{body}"
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------- Analysis ---
# Every span carries ``start``/``end`` character offsets into Article.body.

@dataclass
class Mention(Record):
    text: str
    start: int
    end: int
    field: Optional[str] = None  # None: offsets into Article.body; else e.g. "images[0].caption"


@dataclass
class Entity(Record):
    id: str
    name: str                 # canonical name
    type: str                 # PER | ORG | LOC
    mentions: list[Mention] = field(default_factory=list)
    country: Optional[str] = None  # ISO 3166-1 alpha-2
    lat: Optional[float] = None
    lon: Optional[float] = None
    kind: Optional[str] = None     # country | province | city | seat-of-government | ...
    role: Optional[str] = None     # e.g. "Juru bicara Departemen Luar Negeri AS"


@dataclass
class Speaker(Record):
    name: str
    entity_id: Optional[str] = None
    role: Optional[str] = None


@dataclass
class Quote(Record):
    text: str
    start: int
    end: int
    kind: str                 # direct | indirect
    cue: Optional[str] = None
    speaker: Optional[Speaker] = None


@dataclass
class Quantity(Record):
    text: str
    start: int
    end: int
    value: float
    unit: Optional[str] = None       # counted noun, or ISO currency, or "%"
    qualifier: Optional[str] = None  # about | approx | almost | more-than | less-than | at-least | at-most
    value_max: Optional[float] = None


@dataclass
class TimeExpression(Record):
    text: str
    start: int
    end: int
    type: str                 # DATE | TIME | DURATION | SET
    value: str                # TIMEX3 value
    field: Optional[str] = None  # None: offsets into Article.body; else e.g. "images[0].caption"


@dataclass
class Actor(Record):
    """Who acts or is acted upon, coded in the CAMEO style (``KAZGOV``, ``IGOCSTO``)."""

    name: Optional[str]
    entity_id: Optional[str] = None
    code: Optional[str] = None      # country ISO 3166 alpha-3 (or IGO + org) + sector
    country: Optional[str] = None   # ISO 3166-1 alpha-2
    sector: Optional[str] = None    # GOV MIL POL JUD OPP PTY REB CVL MED BUS IGO COP ...


@dataclass
class Place(Record):
    name: Optional[str]
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None


@dataclass
class Event(Record):
    """Who did what to whom, where and when (PLOVER type with the closest CAMEO code)."""

    type: str                        # one of PLOVER's 19 types
    mode: Optional[str]
    cameo: Optional[str]             # None for PLOVER types CAMEO has no code for (CRIME)
    goldstein: Optional[float]
    quad_class: Optional[int]        # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    actor: Optional[Actor]
    target: Optional[Actor]
    trigger: Mention
    sentence: Mention                # the sentence span (text, start, end)
    location: Optional[Place] = None
    date: Optional[str] = None       # TIMEX3-style value (2022-01-05, 2022-W01)
    size: Optional[float] = None     # people or troops involved
    negated: bool = False
    hypothetical: bool = False
    source: Optional[Speaker] = None  # the speaker when the event is reported in a quote
    confidence: float = 0.5
    mentions: list[Mention] = field(default_factory=list)  # every trigger of this same event


@dataclass
class Analysis(Record):
    """An Article plus what the analysis components found in its body.

    Its JSON form is the Article's keys plus the analysis keys, flat, so that
    ``warta analyze`` output is a superset of ``warta parse`` output.
    """

    article: Article
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = self.article.to_dict()
        for f in dataclasses.fields(self):
            if f.name != "article":
                data[f.name] = [v.to_dict() if isinstance(v, Record) else v for v in getattr(self, f.name)]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Analysis":
        article = Article.from_dict(data)
        return cls(
            article=article,
            entities=[Entity.from_dict(e) for e in data.get("entities", [])],
            quotes=[Quote.from_dict(q) for q in data.get("quotes", [])],
            quantities=[Quantity.from_dict(q) for q in data.get("quantities", [])],
            times=[TimeExpression.from_dict(t) for t in data.get("times", [])],
            events=[Event.from_dict(e) for e in data.get("events", [])],
            timeline=list(data.get("timeline", [])),
        )


_NESTED: dict[tuple[str, str], type] = {
    ("Article", "authors"): Author,
    ("Article", "images"): Image,
    ("Article", "dateline"): Dateline,
    ("Entity", "mentions"): Mention,
    ("Quote", "speaker"): Speaker,
    ("Event", "actor"): Actor,
    ("Event", "target"): Actor,
    ("Event", "trigger"): Mention,
    ("Event", "sentence"): Mention,
    ("Event", "location"): Place,
    ("Event", "source"): Speaker,
    ("Event", "mentions"): Mention,
}
