"""Sentences read for coding: their words, clause bounds and participant candidates (entity mentions,
collective nouns).
"""
from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from warta.events.lexicon import (
    _collective_pattern, _sector, Arg, country_names, igos, sectors, Sentence, WORD, words,
)
from warta.glue import GLUED_MIN, split_glued
from warta.records import Analysis, Entity, Quote


def _body_view(analysis: Analysis) -> Analysis:
    """The analysis with only body mentions: caption mentions have offsets into their caption."""
    if all(m.field is None for e in analysis.entities for m in e.mentions):
        return analysis
    entities = [dataclasses.replace(e, mentions=[m for m in e.mentions if m.field is None])
                for e in analysis.entities]
    return dataclasses.replace(analysis, entities=[e for e in entities if e.mentions])


def _mention_index(analysis: Analysis) -> dict[str, Entity]:
    """Mention text -> the entity it most likely names (a person over a misread place)."""
    rank = {"PER": 0, "ORG": 1, "LOC": 2}
    out: dict[str, Entity] = {}
    for e in sorted(analysis.entities, key=lambda e: (rank.get(e.type, 3), -len(e.mentions))):
        for m in e.mentions:
            out.setdefault(m.text.lower(), e)
    return out


LED_BY = re.compile(r"\)?(?:\s*\([^)]{1,40}\))?\s+yang\s+dipimpin\s+(\w+)", re.I)


def _led_by(analysis: Analysis) -> dict[str, Entity]:
    """"CSTO yang dipimpin Rusia" -> {"rusia": CSTO}: a later "pasukan yang dipimpin Rusia" is that body."""
    body = analysis.article.body
    out: dict[str, Entity] = {}
    for e in analysis.entities:
        if e.type != "ORG":
            continue
        for m in e.mentions:
            led = LED_BY.match(body, m.end)
            if led:
                out.setdefault(led.group(1).lower(), e)
    return out


def _phrases(body: str, words_: list, table: dict, capitalised: bool, low: Optional[list[str]] = None
             ) -> list[tuple[int, int, str]]:
    """Longest phrases (up to four words) of ``words_`` found in ``table`` (keys lower-cased)."""
    firsts = _first_words(id(table), table)
    low = low if low is not None else [w.group(0).lower() for w in words_]
    if firsts.isdisjoint(low):
        return []
    out, i = [], 0
    while i < len(words_):
        if low[i] in firsts and not (capitalised and not words_[i].group(0)[0].isupper()):
            for n in range(min(4, len(words_) - i), 0, -1):
                key = " ".join(low[i:i + n])
                if key in table and all(body[words_[j].end():words_[j + 1].start()].isspace()
                                        for j in range(i, i + n - 1)):
                    out.append((words_[i].start(), words_[i + n - 1].end(), key))
                    i += n - 1
                    break
        i += 1
    return out


_FIRSTS: dict[int, frozenset[str]] = {}


def _first_words(key: int, table: dict) -> frozenset[str]:
    if key not in _FIRSTS:
        _FIRSTS[key] = frozenset(k.split(" ")[0] for k in table)
    return _FIRSTS[key]


def _state_name(word: str) -> bool:
    """A country's or IGO's name; a two-letter one only in capitals ("AS", not "as")."""
    low = word.lower()
    return (low in country_names() or low in igos()) and (len(word) > 2 or word.isupper())


@lru_cache(maxsize=1)
def _known_table() -> dict[str, str]:
    """Country and IGO names (lower-cased, three letters or more) -> a marker."""
    return {**{n: "c" for n in country_names() if len(n) > 2}, **{n: "i" for n in igos() if len(n) > 2}}


@lru_cache(maxsize=1)
def _collective_table() -> dict[str, tuple[str, str]]:
    return _collective_pattern()[1]


@dataclass
class ArticleCache:
    """Per-article lookups built once and passed to the functions that need them."""

    analysis: Analysis
    index: dict                 # mention text -> entity (see _mention_index), plus "\0led:" keys
    starts: list                # mention start offsets, sorted
    pairs: list                 # (Mention, Entity) sorted by start
    known: dict                 # "country:XX" / "igo:CODE" -> the one Entity standing for it
    short_names: dict = None    # "Abral" -> the one person named "Abral Wandikbo" (a later short mention)
    initials: frozenset = frozenset()   # initials the article gives an age once ("RK (25)"): a person later too

    @classmethod
    def build(cls, analysis: Analysis) -> "ArticleCache":
        pairs = sorted(((m, e) for e in analysis.entities for m in e.mentions), key=lambda p: p[0].start)
        index = _mention_index(analysis)
        index.update({"\0led:" + k: e for k, e in _led_by(analysis).items()})
        body = analysis.article.body
        initials = frozenset(m.group(0) for m in SUSPECT_INITIALS.finditer(body)
                             if len(m.group(0)) >= 2 and m.group(0).lower() not in _known_table())
        return cls(analysis, index, [m.start for m, _ in pairs], pairs, {}, _short_names(analysis), initials)

    def mentions(self, start: int, end: int) -> list:
        """(Mention, Entity) pairs starting in [start, end)."""
        return self.pairs[bisect_left(self.starts, start):bisect_left(self.starts, end)]


def _short_names(analysis: Analysis) -> dict[str, Entity]:
    """First and last words of multi-word person names that name one person only ("Abral" -> Abral Wandikbo):
    the NER often leaves the short form a later sentence uses untagged."""
    seen: dict[str, Optional[Entity]] = {}
    for e in analysis.entities:
        parts = WORD.findall(e.name)
        if e.type != "PER" or len(parts) < 2:
            continue
        for part in {parts[0], parts[-1]}:
            if len(part) >= 4 and part[0].isupper() and not part.isupper() and part.lower() not in _common_words():
                seen[part] = e if seen.get(part, e) is e else None
    names_of_others = {w for e in analysis.entities if e.type != "PER" for w in WORD.findall(e.name)}
    return {w: e for w, e in seen.items() if e is not None and w not in names_of_others}


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Words of the closed classes and the sector table: never a person's short name."""
    out = set()
    for class_words in words().values():
        out |= class_words
    for pattern, _, _ in sectors():
        out |= set(pattern.pattern[2:-2].replace("\\", "").lower().split())
    return frozenset(out)


def _args(body: str, start: int, end: int, cache: ArticleCache, words_: list, low: list[str]) -> list[Arg]:
    args = []
    index = cache.index
    pronouns = _pronouns()
    collectives = _collective_table()
    for m, e in cache.mentions(start, end):
        if e.type == "PER" and m.text.lower() in collectives:
            continue  # "Polisi" tagged as a person: the collective noun, read below
        if m.end <= end and len(m.text) > 1 and m.text.lower() != "nya" and m.text.lower() not in pronouns \
                and not (e.type != "PER" and (_aged(body, m.end) or m.text in cache.initials)):
            # "AS (45)": initials, not the United States; so are "AW" wherever the article gave "AW alias Bowo (23)"
            entity = e
            if e.type == "LOC" and e.kind in (None, "place"):
                entity = index.get(m.text.lower(), e)  # "Tokayev" read as an unknown place elsewhere
            args.append(Arg(m.text, m.start, m.end, entity=entity))
    taken = [(a.start, a.end) for a in args]
    for w in words_:
        entity = cache.short_names.get(w.group(0))
        if entity is not None and not any(s < w.end() and w.start() < e for s, e in taken):
            args.append(Arg(w.group(0), w.start(), w.end(), entity=entity))
            taken.append((w.start(), w.end()))
    for m in SUSPECT_INITIALS.finditer(body, start, end):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            args.append(Arg(m.group(0), m.start(), m.end(), sector="CRM"))
            taken.append((m.start(), m.end()))
    for w in words_ if cache.initials else ():
        if w.group(0) in cache.initials and not any(s < w.end() and w.start() < e for s, e in taken):
            args.append(Arg(w.group(0), w.start(), w.end(), sector="CRM"))  # "JN membunuh RK" after "RK (25)"
            taken.append((w.start(), w.end()))
    for s_, e_, _ in _phrases(body, words_, _known_table(), capitalised=True, low=low):
        if not any(s < e_ and s_ < e for s, e in taken) and not _aged(body, e_):
            args.append(Arg(body[s_:e_], s_, e_, entity=_known_entity(cache, body[s_:e_])))
            taken.append((s_, e_))
    for m in _unnamed_bodies().finditer(body, start, end):
        opening = m.start() > start or m.group(0).split()[0].lower() in words()["body_head"]
        inside = _fragments_of_body(m, args)
        if inside:  # "Direktorat Jenderal (Ditjen) Imigrasi" of which the NER tagged "Ditjen" only
            args = [a for a in args if a not in inside]
            taken = [(a.start, a.end) for a in args]
            name = TRAILING_ABBREVIATION.sub("", m.group(0))  # "Kejaksaan Agung (Kejagung)": the name alone
            args.append(Arg(name, m.start(), m.start() + len(name), entity=inside[0].entity))
            taken.append((m.start(), m.end()))
            continue
        if opening and not any(s < m.end() and m.start() < e for s, e in taken) \
                and _sector(m.group(0)) is not None:
            args.append(Arg(m.group(0), m.start(), m.end(), sector=_sector(m.group(0))))
            taken.append((m.start(), m.end()))
    table = _collective_table()
    firsts = _first_words(id(table), table)
    # "warganya", "pasukannya": a collective with a possessive is that collective
    low_own = [w[:-3] if w.endswith("nya") and w not in firsts and w[:-3] in firsts else w for w in low]
    for s_, e_, key in _phrases(body, words_, table, capitalised=False, low=low_own):
        if any(s < e_ and s_ < e for s, e in taken):
            continue
        text = body[s_:e_]
        if text[0].isupper() and re.search(r"[A-Z][\w-]*\s+$", body[max(start, s_ - 30):s_]):
            continue  # "Aliansi Mahasiswa …": part of a name
        if PLATE.search(body, max(start, s_ - 12), s_):
            continue  # "truk bernomor polisi DK-8348-CT": a number plate, not the police
        sector, kind = table[key]
        led = LED_BY.match(body, e_)
        leader = index.get("\0led:" + led.group(1).lower()) if led else None
        if leader is not None:
            args.append(Arg(leader.mentions[0].text if leader.mentions else leader.name, s_, e_, entity=leader))
        else:
            args.append(Arg(text, s_, e_, sector=sector, collective=True, kind=kind))
        taken.append((s_, e_))
    return sorted(args, key=lambda a: a.start)


TRAILING_ABBREVIATION = re.compile(r"\s*\([A-Z][\w-]+\)$")


def _fragments_of_body(m: re.Match, args: list[Arg]) -> list[Arg]:
    """The NER's organisation spans lying inside a longer capitalised body name that opens with a body word
    ("Direktorat", "Kementerian", …) and is written with its abbreviation in brackets."""
    if m.group(0).split()[0].lower() not in words()["body_head"] or "(" not in m.group(0):
        return []
    inside = [a for a in args if m.start() <= a.start and a.end <= m.end()]
    overlapping = [a for a in args if a.start < m.end() and m.start() < a.end]
    if not inside or inside != overlapping or any(a.entity is None or a.entity.type != "ORG" for a in inside):
        return []
    return inside


# "menangkap ZF (29)", "tersangka berinisial AR": a person named by initials, the way crime news names
# suspects and victims (the NER rarely tags them); an age in brackets or "(ber)inisial" marks them.
SUSPECT_INITIALS = re.compile(r"(?<![\w-])[A-Z]{1,4}(?=(?:\s+alias\s+[A-Z][a-z]+)?\s*\(\d{1,2}(?:\s*(?:tahun|th))?\))"
                              r"|(?<=inisial\s)[A-Z]{1,4}\b")


@lru_cache(maxsize=1)
def _pronouns() -> frozenset[str]:
    """Pronouns the NER sometimes tags as names ("Pihaknya"): read as pronouns, not as participants."""
    classes = words()
    return classes["pronoun_person"] | classes["pronoun_group"] | classes["pronoun_side"] | classes["pronoun_speaker"]


AGE = re.compile(r"\s*\(\d{1,2}(?:\s*(?:tahun|th))?\)")


def _aged(body: str, end: int) -> bool:
    """An age in brackets right after: the name is a person's ("AS (45)")."""
    return AGE.match(body, end) is not None


@lru_cache(maxsize=1)
def _unnamed_bodies() -> re.Pattern:
    """Two or more capitalised words (an institution the NER missed: "Komisi Yudisial (KY)")."""
    return re.compile(r"(?<![A-Z0-9_-])[A-Z][\w-]+(?:\s+(?:[A-Z][\w-]*|dan|\d+|\([A-Z][\w-]+\)))*\s+[A-Z][\w-]+"
                      r"(?:\s*\([A-Z][\w-]+\))?")


def _known_entity(cache: ArticleCache, surface: str) -> Entity:
    """One entity per country or IGO per article: the article's own when it has one."""
    low = surface.lower()
    if low in igos():
        key, kind, type_, country = "igo:" + igos()[low], "organisation", "ORG", None
    else:
        country = country_names()[low]
        key, kind, type_ = "country:" + country, "country", "LOC"
    known, analysis = cache.known, cache.analysis
    if key not in known:
        def same(e: Entity) -> bool:
            if type_ == "LOC":
                return e.type == "LOC" and e.kind == "country" and e.country == country
            return e.type == "ORG" and any(n.lower() in igos() and igos()[n.lower()] == key[4:]
                                           for n in [e.name] + [m.text for m in e.mentions])
        known[key] = next((e for e in analysis.entities if same(e)), None) \
            or Entity(key, surface, type_, [], country=country, kind=kind)
    return known[key]


def _groups(body: str, args: list[Arg]) -> list[list[Arg]]:
    """Adjacent arguments that form one noun phrase ("Presiden Rusia Vladimir Putin", "tentara Israel")."""
    glue = words()["glue"]
    groups: list[list[Arg]] = []
    for arg in args:
        if groups:
            gap = body[groups[-1][-1].end:arg.start]
            gap_words = WORD.findall(gap)
            if re.fullmatch(r"[\s()]*|\s+yang\s+tergabung\s+(?:dalam|di)\s+(?:[A-Z][\w-]*\s+){0,6}\(?\s*", gap) or (
                    len(gap_words) <= 3 and not re.search(r"[,;:.\"“”]", gap)
                    and all(w[0].isupper() or w.lower() in glue or w == "dari" and i < len(gap_words) - 1
                            for i, w in enumerate(gap_words))):
                groups[-1].append(arg)
                continue
            if _initials(arg) and _initials(groups[-1][-1]) \
                    and re.fullmatch(r"\s*(?:\(\d{1,3}\)\s*)?(?:,|dan|serta|,\s*dan)\s*(?:\(\d{1,3}\)\s*)?", gap):
                groups[-1].append(arg)  # "AR (34) dan MP (36)": the suspects named together
                continue
            if re.fullmatch(r"\s*,\s*", gap) and arg.entity is not None and arg.entity.type == "PER" \
                    and _titled(body, groups[-1]):
                groups[-1].append(arg)  # "Presiden Republik Indonesia, Prabowo Subianto": the office, then its holder
                continue
        groups.append([arg])
    return groups


def _initials(arg: Arg) -> bool:
    """A person named by initials (see SUSPECT_INITIALS), or a mention the NER tagged that looks like them."""
    if arg.collective or not arg.text.isupper() or not arg.text.isalpha() or len(arg.text) > 4:
        return False
    return arg.entity is None and arg.sector == "CRM" or arg.entity is not None and arg.entity.type == "PER"


def _titled(body: str, group: list[Arg]) -> bool:
    """A country or body named as part of an office ("Menteri Luar Negeri Rusia", "Ketua Komisi XI DPR")."""
    head = group[0]
    if head.entity is not None and head.entity.type == "PER":
        return False
    title = WORD.findall(_title_before(body, head.start).lower())
    return bool(set(title) & words()["office"])


def _bounds(words_: list, low: list[str]) -> list[tuple[int, str]]:
    classes = words()
    speech, connector = classes["speech"], classes["connector"]
    out = []
    for w, lw in zip(words_, low):
        if lw in speech:
            out.append((w.start(), "speech"))
        elif lw in connector:
            out.append((w.start(), "connector"))
    return out


class _SubWord:
    """A piece of a glued word, read like the ``re.Match`` of a whole word (``menewaskan`` in ``menewaskandua``)."""

    __slots__ = ("_text", "_start", "_end", "host")

    def __init__(self, text: str, start: int, end: int, host: str):
        self._text, self._start, self._end, self.host = text, start, end, host

    def group(self, _index: int = 0) -> str:
        return self._text

    def start(self, _index: int = 0) -> int:
        return self._start

    def end(self, _index: int = 0) -> int:
        return self._end


def _read_words(body: str, start: int, end: int) -> list:
    """The sentence's words, glued words read as their pieces (the body is left as published)."""
    out: list = []
    for w in WORD.finditer(body, start, end):
        text = w.group(0)
        # a glued pair worth reading apart has a verb form (six letters or more) in it: shorter words are whole
        spans = split_glued(text) if len(text) >= GLUED_MIN else None
        if spans is None:
            out.append(w)
            continue
        at = w.start()
        out.extend(_SubWord(body[at + a:at + b], at + a, at + b, w.group(0)) for a, b in spans)
    return out


def _sentence(body: str, start: int, end: int, cache: ArticleCache) -> Sentence:
    return _complete(body, _sentence_words(body, start, end), cache)


def _sentence_words(body: str, start: int, end: int) -> Sentence:
    """A sentence with its words only (enough to find its triggers)."""
    words_ = _read_words(body, start, end)
    return Sentence(start, end, words_, None, None, low=[w.group(0).lower() for w in words_])


PUNCT_BOUND = re.compile(r"[,;:\"“”]|\s-\s")


def _complete(body: str, sent: Sentence, cache: ArticleCache) -> Sentence:
    """The sentence's participants (grouped into noun phrases) and clause boundaries."""
    args = _args(body, sent.start, sent.end, cache, sent.words, sent.low)
    scare = _scare_quotes(body, sent.start, sent.end)
    punct = [(m.start(), "punct") for m in PUNCT_BOUND.finditer(body, sent.start, sent.end) if m.start() not in scare]
    sent.bounds = sorted(_bounds(sent.words, sent.low) + punct)
    sent.groups = _groups(body, args)
    return sent


SCARE = re.compile(r"[\"“”]\s*(?:[\w-]+\s*){1,3}[\"“”]")


def _scare_quotes(body: str, start: int, end: int) -> set[int]:
    """Quote marks around one to three words inside a clause (pasukan Iran akan "menggempur" Israel): no bound."""
    out: set[int] = set()
    for m in SCARE.finditer(body, start, end):
        if m.start() > start and body[m.start() - 1].isspace() and re.match(r"\s+\w", body[m.end():m.end() + 2]):
            out.update((m.start(), m.end() - 1))  # words on both sides
    return out


def _head(group: list[Arg]) -> Arg:
    for arg in group:
        if arg.entity is not None and arg.entity.type == "PER":
            return arg
    if len(group) == 2 and group[0].entity is not None and group[0].entity.kind == "country" \
            and group[1].entity is None and group[1].sector == "CRM" and not group[1].collective:
        return group[1]  # "WN Australia berinisial DFJ (27)": the person the initials name, of that nationality
    for arg in group:
        if arg.entity is not None and arg.entity.type == "ORG":
            return arg
    for arg in group:
        if arg.collective:
            return arg
    return group[0]


def _is_place(group: list[Arg]) -> bool:
    """A place that cannot act (a city, a region, a building), unlike a country or a capital."""
    head = _head(group)
    return head.entity is not None and head.entity.type == "LOC" and \
        head.entity.kind not in ("country", "seat-of-government") and _sector(head.text) is None  # "SMAN 1 Bandung"


PLATE = re.compile(r"\b(?:nomor|bernomor|nopol|plat|pelat)\s+$", re.I)   # "nomor polisi": a plate


def _title_before(body: str, start: int) -> str:
    """Up to four words right before a name, within its clause: its title or office."""
    window = re.split(r"[.,;:\"“”()]", body[max(0, start - 60):start])[-1]
    glue = words()["glue"]
    title: list[str] = []
    for w in reversed(WORD.findall(window)[-4:]):
        if not (w[0].isupper() or w.lower() in glue):
            break
        title.insert(0, w)
    return " ".join(title)


def _quote_at(quotes: list[Quote], pos: int) -> Optional[Quote]:
    return next((q for q in quotes if q.start <= pos < q.end), None)
