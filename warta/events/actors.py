"""Actors: a participant candidate turned into a coded actor (name, CAMEO code, country, sector), and
the article context that resolves them.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from warta import gazetteer
from warta.events.lexicon import (
    _rows, _sector, alpha3, Arg, country_names, HOME, igos, LAW_SECTORS, POLICE_UNIT, Sentence, WORD, words,
)
from warta.events.sentences import _aged, _complete, _head, _initials, _is_place, _title_before, ArticleCache
from warta.records import Actor, Analysis, Entity, Place


@dataclass
class Context:
    """What the coder knows while reading an article.

    The memory of earlier sentences (last person, group and collective named; their groups) is filled
    lazily: a sentence without a trigger is read for its participants only when a later trigger asks
    for that memory (most never do, and reading participants is the costly part)."""

    analysis: Analysis
    body: str
    focus: Optional[str]              # ISO alpha-2 of the article's focus country
    agency: Optional[list[Arg]]       # the article's acting law-enforcement body
    countries: dict[str, str]         # lower-cased country names -> alpha-2
    culprit: Optional[list[Arg]] = None       # who last did a deed or was arrested for one ("pelaku")
    cache: Optional[ArticleCache] = None
    pending: list = dataclasses.field(default_factory=list)   # sentences read but not yet remembered
    _last_person: Optional[list[Arg]] = None
    _last_group: Optional[list[Arg]] = None
    _last_people: Optional[list[Arg]] = None  # the last collective named (who "mereka" undergo as)
    _last_subject: Optional[list[Arg]] = None  # the person opening the last sentence that named one first
    _last_group_subject: Optional[list[Arg]] = None  # the body or collective opening the last sentence so opened
    _groups_before: list = dataclasses.field(default_factory=list)  # groups of the sentences read so far
    arrested_by: dict = dataclasses.field(default_factory=dict)  # (mode, who was arrested, questioned …) -> by whom

    def _recall(self) -> None:
        for sent in self.pending:
            if sent.groups is None:
                _complete(self.body, sent, self.cache)
            _remember(self, sent)
            self._groups_before.extend(sent.groups)
        self.pending.clear()

    @property
    def last_person(self) -> Optional[list[Arg]]:
        self._recall()
        return self._last_person

    @property
    def last_subject(self) -> Optional[list[Arg]]:
        self._recall()
        return self._last_subject

    @property
    def last_group_subject(self) -> Optional[list[Arg]]:
        self._recall()
        return self._last_group_subject

    @property
    def last_group(self) -> Optional[list[Arg]]:
        self._recall()
        return self._last_group

    @property
    def last_people(self) -> Optional[list[Arg]]:
        self._recall()
        return self._last_people

    @property
    def groups_before(self) -> list:
        self._recall()
        return self._groups_before


POLICE_WORDS = {"polisi", "kepolisian", "pihak kepolisian"}
BRACKETED = re.compile(r"(?:\s+[a-z]+)?\s*\(([A-Z][\w ]+)\)")


ORIGIN = re.compile(r"\b((?:[a-z][\w-]*\s+){1,3})(?:asal|berasal\s+dari)\s+$")


def _actor(ctx: Context, group: Optional[list[Arg]]) -> Optional[Actor]:
    if not group:
        return None
    head = _head(group)
    if head.kind == "agency" and len(group) == 1 and ctx.agency:
        agency = _actor(ctx, ctx.agency)
        # "penyidik" are the article's KPK or Kejagung investigators, but "pihak kepolisian" is the police
        if head.text.lower() not in POLICE_WORDS or agency.sector == "COP":
            return agency
    body = ctx.body
    title = _title_before(body, group[0].start)
    role = head.entity.role or "" if head.entity else ""
    text = " ".join(a.text for a in group) + " " + title + " " + role
    bracketed = BRACKETED.match(body, group[-1].end) if head.collective else None
    if bracketed:
        text += " " + bracketed.group(1)  # "pasukan pendudukan (Israel)": whose forces, in brackets
    country = _country(ctx, group, text)
    if head.entity is not None and head.entity.type == "PER":
        name = head.entity.name
    elif all(_initials(a) for a in group):
        name = " dan ".join(a.text for a in group)
    elif head.collective:
        name = _members(body, head.end) or _members(body, group[-1].end) or _spaced(body, group)
    elif head.entity is not None and head.entity.kind == "country" and len(group) == 1:
        # the fullest form the article uses: "Amerika Serikat" for "AS", "Korea Utara" for "Korut" (an epithet,
        # "Negeri Zionis", only when the article has no other)
        forms = [m.text for m in head.entity.mentions if not gazetteer.EPITHET.match(m.text)]
        name = max(forms, key=len) if forms else head.entity.name or head.text
    else:
        name = _with_seat(body, group, head) or _expanded(body, head.text)
    origin = ORIGIN.search(body, max(0, group[0].start - 50), group[0].start) \
        if head.entity is not None and head.entity.kind == "country" else None
    if origin:  # "kapal asing asal Filipina", "perusahaan asal Jerman": a party from the state, not the state
        name, sector = body[origin.start():group[-1].end], _sector(origin.group(1))
    elif head.entity is not None and head.entity.type == "LOC":
        sector = "GOV" if head.entity.kind in ("country", "seat-of-government") else None
    else:
        sector = _sector(head.text) or head.sector or _sector(" ".join(a.text for a in group)) \
            or _sector(title + " " + role)
        if sector is None and head.entity is not None and head.entity.type == "PER":
            sector = _sector(" ".join(_title_before(body, m.start) for m in head.entity.mentions[:5]))
        elif sector is None and head.entity is not None:
            # an acronym ("IRIB") carries its sector in the full name it abbreviates
            sector = _sector(name) or _sector(head.entity.name)
    if name and name.count("(") > name.count(")"):
        name += ")"  # "pemerintah Amerika Serikat (AS": a span cut inside its brackets
    igo = _igo(group)
    code = igo or ((alpha3(country) or "") + (sector or "")) or None
    return Actor(name=name, entity_id=head.entity.id if head.entity else None, code=code,
                 country=None if igo else country, sector="IGO" if igo else sector)


def _spaced(body: str, group: list[Arg]) -> str:
    """The group's text, a space put back where the crawler glued two of its words ("militerIsrael")."""
    out = body[group[0].start:group[0].end]
    for prev, arg in zip(group, group[1:]):
        out += (body[prev.end:arg.start] or " ") + body[arg.start:arg.end]
    return out


# "dua tersangka berinisial AR (34) dan MP (36)", "tersangka, AW alias Bowo (23) dan SNZ (23)": the members
_INITIALS = r"[A-Z][A-Za-z]{0,3}(?:\s+alias\s+[A-Z]\w*)?(?:\s*\(\d{1,2}\))?"
MEMBERS = re.compile(rf"\s*(?:,\s*|\s+(?:berinisial|bernama|yakni|yaitu)\s+|\s+(?=[A-Z]{{1,4}}\s*\(\d))"
                     rf"({_INITIALS}(?:\s*(?:,|dan|serta)\s+{_INITIALS})*)")


def _members(body: str, end: int) -> Optional[str]:
    """The initials a collective is named by right after it: generic nouns for different people stay apart."""
    m = MEMBERS.match(body, end)
    if m is None or not re.match(r"[A-Z]{1,4}\b", m.group(1)):
        return None
    names = [re.match(r"[A-Z]\w*", part).group(0) for part in re.split(r"\s*(?:,|\bdan\b|\bserta\b)\s+", m.group(1))]
    return " dan ".join(names)


REGIONAL_BODY = re.compile(r"(?:Ma)?" + POLICE_UNIT + r"|Kejati|Kejari|Pemprov|Pemkab|Pemkot|DPRD|"
                           r"PN|PT|PTUN|Kodam|Korem|Kodim|Lapas|Rutan|Kanwil|Kemenag|Bawaslu|KPU|BPBD|Dinkes|Disdik")


def _with_seat(body: str, group: list[Arg], head: Arg) -> Optional[str]:
    """A regional body the NER cut from its place ("Polda" + "Bali"): its full name, "Polda Bali"."""
    at = group.index(head)
    if at + 1 >= len(group) or not REGIONAL_BODY.fullmatch(head.text):
        return None
    place = group[at + 1]
    if place.entity is None or place.entity.type != "LOC" or not re.fullmatch(r" ?", body[head.end:place.start]):
        return None
    return "P" + body[head.start + 1:place.end] if head.text.startswith("pol") else body[head.start:place.end]


def _expanded(body: str, name: str) -> str:
    """An acronym's long form when the article spells it out: "Komisi Yudisial (KY)" for "KY"."""
    if not re.fullmatch(r"[A-Z][A-Z0-9-]{1,7}", name):
        return name
    m = re.search(r"((?:[A-Z][\w-]*\s+(?:dan\s+|\d+\s+)?){1,6})\(" + re.escape(name) + r"\)", body)
    return m.group(1).strip() if m else name


def _country(ctx: Context, group: list[Arg], text: str) -> Optional[str]:
    for arg in group:
        if arg.entity is not None and arg.entity.country and arg.entity.type != "PER":
            return arg.entity.country
    for arg in group:
        if arg.entity is not None and arg.entity.country:
            return arg.entity.country
    if all(_initials(a) for a in group):
        text = " ".join(text.split()[len(group):])  # "AS (45)": the initials name no country
    for m in WORD.finditer(text):
        w = m.group(0)
        if len(w) <= 3 and not w.isupper() or text[m.end():m.end() + 1] in ("'", "’"):
            continue  # "AS" is the US, "As'ad" is a name
        if w.lower() in ctx.countries:
            return ctx.countries[w.lower()]
    low = text.lower()
    for name, code in ctx.countries.items():
        if " " in name and name in low:
            return code
    head = _head(group)
    if head.entity is not None and head.entity.type == "PER":
        return _person_country(ctx, head.entity) or ctx.focus
    if head.entity is not None and head.entity.type == "ORG" and \
            {w.lower() for w in WORD.findall(head.entity.name + " " + head.text)} & words()["home_body"]:
        return HOME  # "Kementerian Agama", "Polri", "KPK" with no country named: the press's own state
    return ctx.focus


def _person_country(ctx: Context, person: Entity) -> Optional[str]:
    """A person's country from the titles of all their mentions; an office named with no country is a
    home office (the Indonesian press writes "Presiden Prabowo" but "Presiden AS Donald Trump")."""
    titles = " ".join([person.role or ""] + [_title_before(ctx.body, m.start) for m in person.mentions[:5]]).lower()
    for w in WORD.findall(titles):
        if w in ctx.countries:
            return ctx.countries[w]
    if set(WORD.findall(titles)) & words()["office"] and (ctx.focus in (None, HOME) or _home_in_story(ctx)):
        return HOME  # only where Indonesia is a party of the story: a foreign story's "Presiden X" is foreign
    return None


def _home_in_story(ctx: Context) -> bool:
    return re.search(r"\b(?:Indonesia|RI)\b", ctx.body) is not None


def _igo(group: list[Arg]) -> Optional[str]:
    table = igos()
    for arg in group:
        names = [arg.text.lower()] + ([arg.entity.name.lower()] + [m.text.lower() for m in arg.entity.mentions]
                                      if arg.entity else [])
        for name in names:
            if name in table:
                return table[name]
    return None


def _focus_country(analysis: Analysis) -> Optional[str]:
    counts: dict[str, int] = {}
    body = analysis.article.body
    for e in analysis.entities:
        if e.type == "LOC" and e.country:
            counts[e.country] = counts.get(e.country, 0) + sum(not _aged(body, m.end) for m in e.mentions)
    counts = {c: n for c, n in counts.items() if n}
    return max(counts, key=counts.get) if counts else "ID"  # Indonesian news: home unless told otherwise


def _focus_place(analysis: Analysis) -> Optional[Place]:
    best = None
    for e in analysis.entities:
        if e.type == "LOC" and e.kind != "seat-of-government" and (best is None or len(e.mentions) > len(best.mentions)):
            best = e
    return Place(best.name, best.country, best.lat, best.lon) if best else None


def _lead_agency(analysis: Analysis, focus: Optional[str]) -> Optional[list[Arg]]:
    """The focus country's police, prosecution or military body the article names most: who arrests when no
    one is said to (a foreign ministry of defence named in passing does not arrest people at home)."""
    best, best_n = None, 0
    countries = country_names()
    for e in analysis.entities:
        if e.type != "ORG" or not e.mentions:
            continue
        named = {countries[w.lower()] for w in WORD.findall(e.name) if w.lower() in countries}
        if (e.country and focus and e.country != focus) or (focus and named and focus not in named):
            continue
        sector = _sector(" ".join([e.name] + [m.text for m in e.mentions]))
        if sector in LAW_SECTORS and len(e.mentions) > best_n:
            best, best_n = e, len(e.mentions)
    if best is None:
        return _office_agency(analysis)
    m = best.mentions[0]
    return [Arg(m.text, m.start, m.end, entity=best)]


def _office_agency(analysis: Analysis) -> Optional[list[Arg]]:
    """The body an official speaks for when the NER named no agency: "Kasat Reskrim Polrestabes Surabaya AKBP
    Edy" -> Polrestabes Surabaya (the institution word, then its capitalised place words)."""
    institutions = words()["institution"]
    best, best_n = None, 0
    for e in analysis.entities:
        if e.type != "PER" or not e.role or not e.mentions or len(e.mentions) <= best_n:
            continue
        role = WORD.findall(e.role)
        at = next((i for i, w in enumerate(role) if w.lower() in institutions), None)
        if at is None:
            continue
        name = [role[at]]
        for w in role[at + 1:]:
            if not w[0].isupper() or _sector(w) is not None:
                break
            name.append(w)
        if _sector(name[0]) in LAW_SECTORS:
            best, best_n = (" ".join(name), e.mentions[0]), len(e.mentions)
    if best is None:
        return None
    name, m = best
    return [Arg(name, m.start, m.end, sector=_sector(name))]


def _country_surface(ctx: Context, country: str) -> str:
    """The name the article itself uses for a country ("Ukraina"), else the gazetteer's."""
    low = ctx.body.lower()
    for name, code in ctx.countries.items():
        if code == country and re.search(r"\b%s\b" % re.escape(name), low):
            m = re.search(r"\b%s\b" % re.escape(name), ctx.body, re.I)
            return m.group(0)
    return _gazetteer_countries().get(country, country)


@lru_cache(maxsize=1)
def _gazetteer_countries() -> dict[str, str]:
    return {r[3]: r[1] for r in _rows("places.tsv") if len(r) > 3 and r[2] == "country" and r[3]}


PREPOSITIONS = frozenset("di dari ke pada kepada oleh untuk dengan dalam bagi terhadap".split())


def _opens(ctx: Context, sent: Sentence, group: list[Arg]) -> bool:
    """The group opens its sentence (nothing but capitalised words or glue before it)."""
    before = WORD.findall(ctx.body[sent.start:group[0].start])
    return all((w[0].isupper() or w.lower() in words()["glue"]) and w.lower() not in PREPOSITIONS for w in before)


def _remember(ctx: Context, sent: Sentence) -> None:
    first = next((g for g in sent.groups if not _is_place(g)), None)
    if first is not None and _head(first).entity is not None and _head(first).entity.type == "PER":
        ctx._last_subject = first
    if first is not None:
        head = _head(first)
        ctx._last_group_subject = first if _opens(ctx, sent, first) and (
            (head.entity is not None and head.entity.type == "ORG") or (head.collective and head.kind != "target")) \
            else None
    for g in sent.groups:
        head = _head(g)
        if head.entity is not None and head.entity.type == "PER":
            ctx._last_person = g
        elif (head.entity is not None and head.entity.type == "ORG") or (head.collective and head.kind != "target"):
            ctx._last_group = g
        if head.collective and head.sector in ("CRM", "CVL", "OPP", "EDU"):
            ctx._last_people = g
