"""Event coding: who did what to whom, where and when (PLOVER types, CAMEO codes).

Per sentence: find triggers from the lexicon (``warta/data/events_lexicon.tsv``)
through Indonesian morphology (``warta.morphology``: ``menarik``/``ditarik``/
``penarikan`` are one action), then fill the roles from the analysis already
done: actors and targets from entity mentions and collective nouns
(``warta/data/actor_sectors.tsv``), read clause by clause (a speech verb or a
connector starts a new clause, so a speaker is not the actor of what they
report).  Passive ``di-``: the subject is the target, ``oleh X`` or a name right
after the verb the actor; an arrest or a sentence without an agent is the
article's law-enforcement body's or the state's.  Nouns of action act under a
light verb (``menggelar unjuk rasa``), at the head of their clause, or with
their actor after them (``serangan Israel terhadap Iran``).  Closed word
classes (negation, plans, speech verbs, prepositions) live in
``warta/data/event_words.tsv``.  A trigger whose actor cannot be attributed is
not coded (no invented events).  One event per (actor, type, target, date).
"""
from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

from warta import gazetteer
from warta.glue import GLUED_MIN, pieces as glued_pieces, split_glued
from warta.nlp.tokens import sentence_spans
from warta.morphology import analyse
from warta.records import Actor, Analysis, Entity, Event, Mention, Place, Quote

# A word, split where a lowercase letter meets a capital ("denganSatgas"); words glued without that sign
# ("menahanlima", "Indonesiamengutuk") are read as their pieces by warta.glue (see _read_words).  The body
# text itself is left as it is.
_PART = r"(?:(?:[a-z](?![A-Z])|[^\Wa-z])+[a-z]?|[a-z])"
WORD = re.compile(rf"{_PART}(?:-{_PART})*")
PEOPLE_UNITS = {"orang", "pasukan", "personel", "prajurit", "tentara", "aktivis", "demonstran", "pengunjuk",
                "warga", "mahasiswa", "tahanan", "jiwa", "peserta", "massa", "polisi", "anggota", "tersangka"}
QUAD = {**{f"{i:02d}": 1 for i in range(1, 5)}, **{f"{i:02d}": 2 for i in range(5, 9)},
        **{f"{i:02d}": 3 for i in range(9, 14)}, **{f"{i:02d}": 4 for i in range(14, 21)}}
LAW_SECTORS = {"COP", "JUD", "MIL"}
HOME = "ID"   # the press's own country: offices named without a country are its own
STATE_SECTORS = {"GOV", "MIL", None}
ARREST_TYPES = {"COERCE", "INVESTIGATE"}
INTRANSITIVE = {"PROTEST", "RETREAT", "MOBILIZE"}   # a target only through a preposition ("ke Rusia")
# Types PLOVER codes between two parties: with no one on the receiving end there is no event to code
# ("berterima kasih kepada bapak ibu", "berkoordinasi via HT").
DYADIC = {"SUPPORT", "CONSULT", "DISAPPROVE", "AGREE", "AID", "THREATEN", "DEMAND", "FIGHT", "COOPERATE"}
OPEN_CALLS = {"call for", "promise"}   # "X berjanji akan …": a pledge to no one in particular still counts
# One questions, summons, investigates or searches someone: with no one named there is no event to code,
# except an inquiry or search a named law-enforcement body runs (_inquiry_under_way).
ADDRESSED_MODES = {"questioning", "summons", "investigate", "search"}
SUSPECT_MODES = {"arrest", "suspect named", "sentence", "detention"}
POLICE_UNIT = r"[Pp]ol(?:res(?:ta(?:bes)?)?|sek|da)"   # Polres, Polresta, Polrestabes, Polsek, Polda
# Acts done to someone: a verb of them with no one named as undergoing it is no event ("pohon menahan …");
# a noun of them may count operations ("melakukan 1.201 operasi tangkap tangan").
DONE_TO_MODES = {"arrest", "suspect named", "sentence", "dismissal", "expulsion", "vehicle"}   # "vehicle": run over
REACTIONS = {"SUPPORT", "DISAPPROVE", "REJECT", "DEMAND", "CONCEDE"}   # verbal reactions to others' deeds


@dataclass(frozen=True)
class TriggerRule:
    root: str
    second: Optional[str]       # a literal word that must follow ("sambut baik")
    objects: frozenset[str]     # roots, one of which must follow within the window
    type: str
    mode: str
    cameo: Optional[str]
    noun: bool = False                    # a noun of action (acts like a verb's nominal forms)
    only_negated: bool = False            # "tidak menghiraukan": an event only when negated
    exclude: Optional[re.Pattern] = None  # surface forms that are not this action
    sectors: frozenset[str] = frozenset()  # actor sectors the row is limited to
    agent_noun: bool = False              # "pelapor Y": the clause's subject does it, to the name after it
    modal: bool = False                   # '"X harus …," kata Y': Y demands of X (quotes only)


@dataclass
class Arg:
    """A participant candidate: an entity mention or a collective noun."""

    text: str
    start: int
    end: int
    entity: Optional[Entity] = None
    sector: Optional[str] = None
    collective: bool = False
    kind: str = ""              # "" | collective | target | agency


@dataclass
class Trigger:
    index: int                  # word index in the sentence
    start: int
    end: int
    rule: TriggerRule
    voice: str                  # active | passive | nominal


@dataclass
class Sentence:
    start: int
    end: int
    words: list                 # re.Match objects over the body
    groups: list                # list[list[Arg]]
    bounds: list                # clause boundaries: (char offset, kind) kind in speech|connector|punct
    triggers: list = None       # list[Trigger], filled once per sentence
    low: list = None            # the words lower-cased


def _rows(name: str) -> list[list[str]]:
    text = resources.files("warta.data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def lexicon() -> dict[str, list[TriggerRule]]:
    rules: dict[str, list[TriggerRule]] = {}
    for row in _rows("events_lexicon.tsv"):
        row = [c.strip() for c in row] + [""] * (8 - len(row))
        trigger, objects, type_, mode, cameo, pos, exclude, sectors_ = row[:8]
        root, _, second = trigger.partition(" ")
        rule = TriggerRule(root, second or None, frozenset(o for o in objects.split("|") if o), type_, mode,
                           cameo or None, noun=pos == "n", only_negated=pos == "neg",
                           exclude=re.compile(rf"(?:{exclude})", re.I) if exclude else None,
                           sectors=frozenset(s for s in sectors_.split("|") if s), agent_noun=pos == "agent",
                           modal=pos == "modal")
        rules.setdefault(root, []).append(rule)
    return rules


@lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    """Closed word classes (event_words.tsv): negation, hypothetical, light, speech, ...  What ought to be done
    (deontic) is hypothetical too."""
    classes = {row[0]: frozenset(row[1].split()) for row in _rows("event_words.tsv")}
    classes["hypothetical"] = classes["hypothetical"] | classes["deontic"]
    return classes


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, tuple[str, float]]:
    return {code: (name, float(g)) for code, name, g in _rows("cameo.tsv")}


@lru_cache(maxsize=1)
def sectors() -> list[tuple[re.Pattern, str, str]]:
    out = []
    for row in _rows("actor_sectors.tsv"):
        word, sector = row[0], row[1]
        kind = row[2].strip() if len(row) > 2 else ""
        out.append((re.compile(rf"\b{re.escape(word)}\b", re.I), sector, kind))
    return out


@lru_cache(maxsize=1)
def _collective_pattern() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    table = {p.pattern[2:-2].replace("\\", ""): (sector, kind) for p, sector, kind in sectors() if kind}
    alternation = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b", re.I), table


@lru_cache(maxsize=1)
def igos() -> dict[str, str]:
    return {name: code for name, code in _rows("igos.tsv")}


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Lower-cased country names and press forms -> ISO alpha-2 (from the gazetteer's tables)."""
    out: dict[str, str] = {}
    for row in _rows("places.tsv"):
        if len(row) > 10 and row[2] == "country" and row[3]:
            for name in [row[1]] + row[10].split("|"):
                if name:
                    out.setdefault(name.lower(), row[3])
    for row in _rows("aliases.tsv"):
        if len(row) > 1 and row[1].startswith("country:") and row[0] != "surface":
            out[row[0].lower()] = row[1].split(":", 1)[1]
    return out


@lru_cache(maxsize=512)
def alpha3(alpha2: Optional[str]) -> Optional[str]:
    if not alpha2:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha2.upper())
    return country.alpha_3 if country else None


# ------------------------------------------------------------- sentences ---

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


# -------------------------------------------------------------- triggers ---

def _triggers(body: str, sent: Sentence, cache: ArticleCache) -> list[Trigger]:
    words_ = sent.words
    rules = lexicon()
    spans = [(m.start, m.end) for m, _ in cache.mentions(sent.start, sent.end) if " " in m.text.strip()]
    attributive = words()["attributive"]
    out: list[Trigger] = []
    for i, word in enumerate(words_):
        candidates = _candidates(sent.low[i])
        if not candidates or not _glued_trigger_ok(word, cache):
            continue
        if any(s <= word.start() and word.end() <= e for s, e in spans):
            continue  # inside a name: "Komisi Pemberantasan Korupsi"
        if out and out[-1].end > word.start():
            continue  # the second word of "kontak tembak"
        named_before = i and words_[i - 1].group(0)[0].isupper() or \
            i > 1 and sent.low[i - 1] == "dan" and words_[i - 2].group(0)[0].isupper()
        if named_before and word.group(0)[0].isupper():
            continue  # inside a name the NER missed: "Menteri Komunikasi", "Bidang Informasi dan Komunikasi Publik"
        found = None
        for root, voice in candidates:
            for rule in rules[root]:
                if rule.exclude and rule.exclude.match(body, word.start()):
                    continue
                if rule.second and (i + 1 >= len(words_) or words_[i + 1].group(0).lower() != rule.second):
                    continue
                if rule.objects and not _object_follows(_in_clause(words_[i + 1:i + 13]), rule.objects):
                    continue
                bare = word.group(0).lower() == root
                if voice == "nominal" and not bare and not rule.agent_noun and _agent_noun(word.group(0).lower()):
                    continue  # "penyidik", "penculik": the doer named, not the deed
                if bare and i and words_[i - 1].group(0).lower() in attributive:
                    continue  # "pasukan tempur": describes the troops
                if bare and root.endswith("si") and i and _qualified_noun(words_[i - 1].group(0)):
                    continue  # "metadata komunikasi", "satelit komunikasi": a loan noun qualifying another
                end_at = words_[i + 1].end() if rule.second else word.end()
                if (rule.noun or bare and not root.endswith(("kan", "i"))) and voice == "active" \
                        and not word.group(0).lower().startswith(("ber", "me")) \
                        and word.group(0).lower() not in words()["bare_verb"] \
                        and not (i and sent.low[i - 1] == "saling"):  # "saling serang": a bare verb
                    voice = "nominal"  # a noun of action, or a bare root used as one ("kasus suap")
                if bare and root.endswith("si") and voice == "active" and i and _is_verb(sent.low[i - 1]):
                    voice = "nominal"  # "mengkritik distribusi bantuan": a loan noun as the verb's object
                if bare and i and voice != "passive" and words_[i - 1].group(0).lower() in words()["pronoun_speaker"]:
                    voice = "pronominal"  # "kami amankan", "saya minta": the pronoun is the doer
                found = Trigger(i, word.start(), end_at, rule, voice)
                break
            if found:
                break
        if found:
            out.append(found)
    return out


def _qualified_noun(before: str) -> bool:
    """The word before a bare loan noun ("komunikasi") is a common noun it qualifies, not its subject's
    auxiliary, a light verb or a function word ("akan koordinasi", "dan koordinasi" stay verbs)."""
    low = before.lower()
    if not before.islower() or _is_verb(low):
        return False
    classes = words()
    return not any(low in classes[c] for c in ("light", "auxiliary", "negation", "connector", "function",
                                                 "speech", "modal_adverb", "preposition", "hypothetical",
                                                 "pronoun_person", "pronoun_group", "pronoun_speaker"))


def _agent_noun(word: str) -> bool:
    """peN- without -an names the doer ("penyidik", "pembunuh"); peN-…-an names the deed ("penyidikan")."""
    return word.startswith("pe") and not word.endswith(("an", "annya", "anya"))


def _glued_trigger_ok(word, cache: ArticleCache) -> bool:
    """A trigger inside a glued word is a verb form in running text (``mendukungpencegahan``,
    ``polisimenyita``), or a verb form right after a name the NER tagged (``ErdoganmengatakanIran``,
    ``Zarof Ricardivonis``: the NER reads glued words as their pieces), not a bare noun (``korupsidi``)
    nor a verb glued onto a name no one tagged."""
    if not isinstance(word, _SubWord):
        return True
    if not word.group(0).lower().startswith(("me", "di", "ber", "ter")):
        # a noun of action glued after a light verb is that verb's action ("menggelardemo")
        return word.host[:word.host.find(word.group(0))].lower() in words()["light"]
    return word.host[:1].islower() or any(
        m.end == word.start() for m, _ in cache.mentions(word.start() - 60, word.start())) \
        or _known_name_before(word)


def _known_name_before(word) -> bool:
    """The piece glued before the verb is a name the coder knows ("Iranmeluncurkan": a country)."""
    at = word.host.find(word.group(0))
    name = re.search(r"[A-Z][\w-]*$", word.host[:at]) if at > 0 else None
    return name is not None and name.group(0).lower() in _known_table()


@lru_cache(maxsize=65536)
def _candidates(word: str) -> tuple[tuple[str, str], ...]:
    """The roots of ``word`` the lexicon knows, with their voice."""
    rules = lexicon()
    return tuple((root, voice) for root, voice in analyse(word).items() if root in rules)


def _in_clause(words_) -> list:
    """The words up to the next connector: an object word past "karena …" belongs to another clause."""
    connectors = words()["connector"] - {"sementara", "serta", "maupun", "hingga", "selama", "sejak", "saat"}
    for k, w in enumerate(words_):
        if w.group(0).lower() in connectors:
            return words_[:k]
    return words_


def _object_follows(words_, objects: frozenset[str]) -> bool:
    return any(objects & set(analyse(w.group(0))) for w in words_)


def _before_skipping_numbers(words_, i: int, n: int) -> list[str]:
    """The ``n`` words before ``i`` past a number between ("melakukan 1.201 operasi tangkap tangan")."""
    out = []
    for w in reversed(words_[max(0, i - n - 3):i]):
        if not w.group(0).isdigit():
            out.insert(0, w.group(0).lower())
            if len(out) == n:
                break
    return out


def _before(words_, i: int, n: int) -> list[str]:
    return [w.group(0).lower() for w in words_[max(0, i - n):i]]


# ---------------------------------------------------------------- actors ---

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
    cache: Optional["ArticleCache"] = None
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
PLATE = re.compile(r"\b(?:nomor|bernomor|nopol|plat|pelat)\s+$", re.I)
BRACKETED = re.compile(r"(?:\s+[a-z]+)?\s*\(([A-Z][\w ]+)\)")


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
    if head.entity is not None and head.entity.type == "LOC":
        sector = "GOV" if head.entity.kind in ("country", "seat-of-government") else None
    else:
        sector = _sector(head.text) or head.sector or _sector(" ".join(a.text for a in group)) \
            or _sector(title + " " + role)
        if sector is None and head.entity is not None and head.entity.type == "PER":
            sector = _sector(" ".join(_title_before(body, m.start) for m in head.entity.mentions[:5]))
        elif sector is None and head.entity is not None:
            # an acronym ("IRIB") carries its sector in the full name it abbreviates
            sector = _sector(name) or _sector(head.entity.name)
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


@lru_cache(maxsize=1)
def _sector_pattern() -> tuple[re.Pattern, dict[str, tuple[int, str]]]:
    """All sector words in one alternation (longest first), each with its row's rank and sector."""
    table: dict[str, tuple[int, str]] = {}
    for rank, (pattern, sector, _) in enumerate(sectors()):
        table.setdefault(pattern.pattern[2:-2].replace("\\", "").lower(), (rank, sector))
    alternation = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b", re.I), table


@lru_cache(maxsize=8192)
def _sector(text: str) -> Optional[str]:
    """The sector of the first row of actor_sectors.tsv whose word occurs in ``text``."""
    pattern, table = _sector_pattern()
    found = [table[m.group(0).lower()] for m in pattern.finditer(text)]
    return min(found)[1] if found else None


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


# ----------------------------------------------------------------- roles ---

def _clause_start(sent: Sentence, pos: int) -> tuple[int, Optional[str]]:
    start, kind = sent.start, None
    for at, k in sent.bounds:
        if at < pos:
            start, kind = at, k
    return start, kind


def _clause_end(sent: Sentence, pos: int) -> int:
    for at, k in sent.bounds:
        if at >= pos and k in ("connector", "speech", "punct"):
            return at
    return sent.end


def _preceded_by(body: str, start: int, classes: frozenset[str], reach: int = 1) -> bool:
    """One of ``classes`` right before ``start`` (or up to ``reach`` words back, over common nouns)."""
    window = body[max(0, start - 40):start]
    if re.search(r"[,;:.()]\s*$", window):
        return False
    before = WORD.findall(window)[-reach:]
    if reach > 1 and any(w[0].isupper() for w in before[1:]):
        before = before[-1:]
    return any(w.lower() in classes for w in before)


def _subject(ctx: Context, sent: Sentence, pos: int, acted_upon: bool = False) -> Optional[list[Arg]]:
    """The first group of the trigger's clause that can act (not after a preposition, not a place).

    ``acted_upon``: the subject of a passive, which may be a group that only undergoes ("10 ribu orang").
    """
    prepositions = words()["preposition"] | words()["agentive"]
    clause_start, _ = _clause_start(sent, pos)
    for g in sent.groups:
        # a group may straddle the comma opening the clause ("Kadispora Kota Bandung, Eddy Marwoto resmi ditahan")
        if (clause_start <= g[0].start or g[0].start < clause_start < g[-1].start) and g[-1].end <= pos \
                and not _is_place(g) and (acted_upon or _head(g).kind != "target") \
                and not _preceded_by(ctx.body, g[0].start, prepositions):
            return g
    found = _pronoun(ctx, sent, clause_start, pos, acted_upon)
    kind = _clause_start(sent, pos)[1]
    if found is None and kind == "speech" and clause_start > sent.start and not acted_upon \
            and _reported_own_deed(sent, clause_start, pos):
        return _subject(ctx, sent, clause_start)  # "KKP mengumumkan telah menangkap …": the speaker acts
    if found is None and kind == "punct" and ctx.body[clause_start] in "\"“" and not acted_upon \
            and not any(clause_start < w.start() < pos for w in sent.words):
        speech = _clause_start(sent, clause_start)
        if speech[1] == "speech" and not WORD.search(ctx.body, ctx.body.find(" ", speech[0]) + 1, clause_start):
            return _subject(ctx, sent, speech[0])  # 'Tentara Israel menyebutkan "menyesalkan …"': the speaker
    if found is None and clause_start > sent.start and kind == "connector" \
            and not any(clause_start <= w.start() < pos for w in sent.words
                        if _is_verb(w.group(0)) and w.group(0).lower() not in words()["auxiliary"]):
        found = _subject(ctx, sent, clause_start, acted_upon)  # "X menjadi sorotan usai ditetapkan tersangka"
        if found is None and not acted_upon:
            found = _coordinated_subject(ctx, sent, clause_start)
        if found is None and not acted_upon:
            found = _sentence_speaker(ctx, sent, clause_start)  # '…," ujarnya, sambil mendesak PBB'
    elif found is None and clause_start > sent.start and kind == "punct" and ctx.body[clause_start] == "," \
            and _only_auxiliaries(sent, clause_start - 1, pos):
        opening = next((w for w in sent.words if w.start() > clause_start), None)
        if not acted_upon and opening is not None and opening.group(0).lower() in COORDINATORS:
            return _coordinated_subject(ctx, sent, opening.start())  # "…, lalu menahan Andi"
        return _appositive_head(ctx, sent, clause_start, acted_upon)
    if found is None and clause_start > sent.start and kind == "punct" and ctx.body[clause_start] == ",":
        found = _relative_antecedent(ctx, sent, clause_start, pos)
    return found


def _relative_antecedent(ctx: Context, sent: Sentence, comma: int, pos: int) -> Optional[list[Arg]]:
    """"… dari Presiden AS Donald Trump, yang beberapa jam sebelumnya menyerukan …": a relative clause set off
    by a comma is about the name right before the comma, whatever preposition that name follows."""
    inside = [w.group(0) for w in sent.words if comma < w.start() < pos]
    if not inside or inside[0].lower() != "yang" or any(
            _is_verb(w) and w.lower() not in words()["auxiliary"] for w in inside[1:]):
        return None
    before = [g for g in sent.groups if g[-1].end <= comma and not ctx.body[g[-1].end:comma].strip(" )")]
    return before[-1] if before and not _is_place(before[-1]) else None


COORDINATORS = {"namun", "tetapi", "tapi", "dan", "lalu", "kemudian"}


def _coordinated_subject(ctx: Context, sent: Sentence, connector: int) -> Optional[list[Arg]]:
    """"Iran tidak menginginkan perang, namun akan terus membalas …": a clause opening with a coordinator and
    no subject shares the subject of the verb before it."""
    word = next((w for w in sent.words if w.start() == connector), None)
    if word is None or word.group(0).lower() not in COORDINATORS:
        return None
    verb = next((w for w in reversed(sent.words) if w.start() < connector and _is_verb(w.group(0))
                 and w.group(0).islower() and w.group(0) not in words()["auxiliary"]), None)
    if verb is None:
        return None
    found = _subject(ctx, sent, verb.start())
    if found is not None and found[0].text.lower().endswith("nya"):
        return None  # "pemerintahnya tidak ingin …, tetapi akan membalas": whose it is, the speaker says (below)
    start, kind = _clause_start(sent, verb.start())
    if found is None and kind == "speech" and start > sent.start:
        found = _subject(ctx, sent, start)  # "Iran menegaskan tidak menginginkan perang, namun akan …": the speaker
    return found


def _appositive_head(ctx: Context, sent: Sentence, comma: int, acted_upon: bool) -> Optional[list[Arg]]:
    """The subject before appositives set off by commas: "advokat PDI-P, Wiradarma Harefa, berterima kasih",
    "Doni Herdaru, pemimpin ADI, resmi ditetapkan …", "…, Iran Broadcasting (IRIB), telah mendesak".
    Verbless comma segments are read back from the trigger; the nearest person among them, else the nearest
    segment's first group that can act."""
    prepositions = words()["preposition"] | words()["agentive"]
    end, candidates = comma, []
    for _ in range(3):
        start, kind = _clause_start(sent, end)
        segment = [g for g in sent.groups if start < g[-1].end <= end and g[0].start >= sent.start and not _is_place(g)
                   and (acted_upon or _head(g).kind != "target")
                   and not _preceded_by(ctx.body, g[0].start, prepositions)]
        inside = [w.group(0) for w in sent.words if start <= w.start() < end]
        relative = bool(inside) and inside[0].lower() == "yang"  # ", yang merupakan …,": a relative clause, skipped
        if not relative and any(_is_verb(w) for w in inside if w.islower()):
            break
        if not relative:
            candidates.append(segment)
        if start <= sent.start or kind != "punct" or ctx.body[start] != ",":
            break
        end = start
    for segment in candidates:
        person = next((g for g in segment if _head(g).entity is not None and _head(g).entity.type == "PER"), None)
        if person is not None:
            return person
    return next((segment[0] for segment in candidates if segment), None)


def _only_auxiliaries(sent: Sentence, clause_start: int, pos: int) -> bool:
    """Only auxiliaries ("telah", "akan") between the word opening the clause and ``pos``."""
    between = [w.group(0).lower() for w in sent.words if clause_start < w.start() < pos]
    allowed = words()["auxiliary"] | words()["negation"]
    return all(w in allowed for w in between)


def _reported_own_deed(sent: Sentence, clause_start: int, pos: int) -> bool:
    """"KKP mengumumkan telah menangkap …": a perfective auxiliary right after the speech verb."""
    between = [w.group(0).lower() for w in sent.words if clause_start < w.start() < pos]
    # "Ara mengatakan meminta …": an active verb right after the speech verb is the speaker's own
    return all(w in words()["perfective"] | words()["auxiliary"] | words()["negation"] for w in between)


def _sentence_speaker(ctx: Context, sent: Sentence, before: int) -> Optional[list[Arg]]:
    """The speaker of a quote the sentence reports with a speech verb before ``before``."""
    if not any(k == "speech" and at < before for at, k in sent.bounds):
        return None
    for quote in ctx.analysis.quotes:
        if quote.start < sent.end and sent.start < quote.end and quote.speaker is not None:
            return _speaker_group(ctx, quote.start)
    return None


def _is_verb(word: str) -> bool:
    w = word.lower()
    return len(w) > 4 and w.startswith(("me", "di", "ber", "ter"))


def _speaker_group(ctx: Context, pos: int) -> Optional[list[Arg]]:
    """"Kami"/"saya" inside a direct quote: its speaker."""
    quote = _quote_at(ctx.analysis.quotes, pos)
    if quote is None or quote.speaker is None:
        return None
    speaker = quote.speaker
    entity = next((e for e in ctx.analysis.entities if e.id == speaker.entity_id), None)
    if entity is not None and entity.mentions:
        m = entity.mentions[0]
        return [Arg(m.text, m.start, m.end, entity=entity)]
    named = (speaker.name or "").split()
    entity = next((e for e in ctx.analysis.entities if e.type == "PER" and e.mentions and named
                   and set(e.name.split()) & set(named[1:] or named)), None)
    if entity is not None:  # "Depok Enjat Mujiat" as the quotes stage read the role's end: the person "Enjat"
        m = entity.mentions[0]
        return [Arg(m.text, m.start, m.end, entity=entity)]
    at = ctx.body.find(speaker.name or "\0")
    if at >= 0 and len(named) >= 2:  # a speaker the NER did not tag ("… Ajat Sudrajat")
        person = Entity("speaker:" + speaker.name, speaker.name, "PER", [], role=speaker.role)
        return [Arg(speaker.name, at, at + len(speaker.name), entity=person)]
    return None


def _speaker_body(ctx: Context, group: Optional[list[Arg]]) -> Optional[list[Arg]]:
    """"kami"/"pihaknya" said by a person: the organisation named in that person's role, if any
    ("Sekjen KPK Cahya Harefa …, lembaganya mendukung" -> KPK); else the person."""
    head = _head(group) if group else None
    person = head.entity if head is not None else None
    if person is None or person.type != "PER":
        return group
    roles = " ".join([person.role or ""] + [_title_before(ctx.body, m.start) for m in person.mentions[:3]])
    if not roles.strip():
        return group
    for e in ctx.analysis.entities:
        if e.type != "ORG":
            continue
        for m in e.mentions:
            if len(m.text) >= 2 and re.search(r"(?<![\w-])" + re.escape(m.text) + r"(?![\w-])", roles):
                first = e.mentions[0]
                return [Arg(first.text, first.start, first.end, entity=e)]
    return group


def _relative_pronoun_at(sent: Sentence, index: int) -> Optional[int]:
    """The index of the "yang" opening the relative clause the verb at ``index`` heads, past auxiliaries and
    modals ("saksi yang harus diperiksa"), else None."""
    classes = words()
    k = index - 1
    while k >= 0 and (sent.low[k] in classes["auxiliary"] or sent.low[k] in classes["modal_adverb"]
                      or sent.low[k] in ("harus", "perlu", "wajib", "belum", "tidak")) and index - k <= 3:
        k -= 1
    return k if k >= 0 and sent.low[k] == "yang" else None


def _right_before(ctx: Context, sent: Sentence, index: int) -> Optional[list[Arg]]:
    """The group ending right before word ``index`` (the head noun of a relative clause)."""
    if index <= 0:
        return None
    at = sent.words[index].start()
    for g in sent.groups:
        if 0 <= at - g[-1].end <= 2:
            return g
    return None


def _pronoun(ctx: Context, sent: Sentence, start: int, pos: int, acted_upon: bool = False
             ) -> Optional[list[Arg]]:
    classes = words()
    for w in sent.words:
        if start <= w.start() and w.end() <= pos:
            low = w.group(0).lower()
            if low in classes["pronoun_person"]:
                linked = _linked_person(ctx, w.start(), w.end())
                if linked is not None:  # the entities stage resolved this "ia"/"dia" to a person
                    return linked
                opening = w.start() == sent.start or not WORD.search(ctx.body, sent.start, w.start())
                # "Dia …" opening a sentence continues the last sentence's subject, not its last-named person
                return _sentence_subject_person(ctx, sent, w.start()) or \
                    (ctx.last_subject if opening and ctx.last_subject else ctx.last_person)
            if low in classes["pronoun_group"]:
                if acted_upon:
                    return ctx.last_people or ctx.last_group
                said = _speech_subject(ctx, sent, w.start())
                if said is not None:  # "Garda Revolusi mengatakan mereka telah meluncurkan …": the speaker
                    return said
                opening = w.start() == sent.start or not WORD.search(ctx.body, sent.start, w.start())
                # "Mereka …" opening a sentence continues the body the last one opened with, not its last-named
                return (ctx.last_group_subject if opening and low == "mereka" and ctx.last_group_subject else None) \
                    or ctx.last_group or ctx.last_people
            if low in classes["pronoun_speaker"]:
                speaker = _speaker_group(ctx, w.start())
                return _speaker_body(ctx, speaker) if low in classes["pronoun_we"] else speaker
            if low in classes["pronoun_side"]:
                first = next((g for g in sent.groups if g[-1].end <= w.start() and not _is_place(g)), None)
                if low in classes["pronoun_country"]:
                    return _own_country(ctx, first or ctx.last_person, w.start(), w.end()) or first
                return _speaker_body(ctx, first) if first else ctx.last_group
    return None


def _linked_person(ctx: Context, start: int, end: int) -> Optional[list[Arg]]:
    """The person a pronoun is a mention of, as the entities stage linked it (its first mention)."""
    for m, e in ctx.cache.mentions(start, end):
        if m.start == start and e.type == "PER" and e.mentions and e.mentions[0].start < start \
                and e.mentions[0].text[:1].isupper() and len(e.mentions[0].text.split()) >= 2:
            first = e.mentions[0]
            return [Arg(first.text, first.start, first.end, entity=e)]
    return None


def _speech_subject(ctx: Context, sent: Sentence, at: int) -> Optional[list[Arg]]:
    """The body or collective that opens the sentence when a speech verb (and "bahwa") comes right before ``at``."""
    before = [w for w in sent.words if w.end() <= at][-7:]
    lows = [w.group(0).lower() for w in before]
    speech = words()["speech"]
    if lows and lows[-1] == "bahwa":
        # "… mengatakan telah menyampaikan kepada Washington, bahwa mereka …": whom it was told may stand
        # before "bahwa"
        k = next((k for k in range(len(lows) - 2, -1, -1) if lows[k] in speech), None)
        told = {"kepada", "pada", "menyampaikan", "memberitahukan", "memberi", "tahu"} | words()["auxiliary"]
        if k is None or any(w not in told and not before[j].group(0)[:1].isupper()
                            for j, w in enumerate(lows[k + 1:-1], k + 1)):
            return None
        verb = before[k]
    elif lows and lows[-1] in speech:
        verb = before[-1]
    else:
        return None
    first = next((g for g in sent.groups if not _is_place(g)), None)
    if first is None or first[-1].end > verb.start() or _is_person(first):
        return None
    return first


def _own_country(ctx: Context, group: Optional[list[Arg]], start: int, end: int) -> Optional[list[Arg]]:
    """"negaranya" said of a person or body: the state they belong to ("Khamenei … negaranya" -> Iran)."""
    if not group:
        return None
    country = _actor(ctx, group).country
    if not country:
        return None
    name = _country_surface(ctx, country)
    return [Arg(name, start, end, entity=Entity("country:" + country, name, "LOC", [], country=country,
                                                kind="country"))]


def _sentence_subject_person(ctx: Context, sent: Sentence, before: int) -> Optional[list[Arg]]:
    """"Abdul Wahid menyampaikan …, tetapi ia berjanji …": "ia" is the person the sentence opens with."""
    first = next((g for g in sent.groups if not _is_place(g)), None)
    if first is None or first[-1].end > before or _head(first).entity is None or _head(first).entity.type != "PER":
        return None
    opening = WORD.findall(ctx.body[sent.start:first[0].start])
    return first if all(w[0].isupper() or w.lower() in words()["glue"] for w in opening) else None


def _object(ctx: Context, sent: Sentence, rule: TriggerRule, after: int, limit: Optional[int] = None
            ) -> Optional[list[Arg]]:
    """The first group after ``after`` in the clause that can be acted upon."""
    classes = words()
    end = limit if limit is not None else _clause_end(sent, after)
    extended, comma = False, end
    if limit is None and end < sent.end and ctx.body[end] == ",":
        comma_end = _clause_end(sent, end + 1)
        if not any(g[0].start < end and g[0].start >= after for g in sent.groups) \
                and len(WORD.findall(ctx.body[after:end])) <= 5:
            end, extended = comma_end, True  # "menangkap ayahanda penyanyi cilik, FP bernama Joko Suyoto"
    stop = re.compile(r"\b(?:%s)\b|\byang\s+(?:(?:telah|sudah|akan|sedang|tengah|turut|ikut)\s+)?(?:me|ber)\w+"
                      % "|".join(classes["complement"]), re.I) \
        .search(ctx.body, after, end)
    end = stop.start() if stop else end
    for g in sent.groups:
        if g[0].start < after or g[0].start >= end:
            continue
        if _is_place(g) or _preceded_by(ctx.body, g[0].start, classes["agentive"]):
            continue
        if _preceded_by(ctx.body, g[0].start, classes["law_title"]):
            continue  # "menuntut pembatalan RUU TNI": a bill's name, not a party
        if len(g) == 1 and g[0].collective and _preceded_by(ctx.body, g[0].start, classes["facility"]):
            continue  # "fasilitas militer … Iran": describes the site, whose owner comes after
        if _preceded_by(ctx.body, g[0].start, classes["preposition"] - classes["target_preposition"], 2):
            continue
        if len(g) == 1 and g[0].collective and rule.objects & set(analyse(g[0].text.split()[0])) \
                and rule.type not in ARREST_TYPES:
            continue  # "menarik pasukan": the troops are the object word, not a target (one arrests the suspects)
        if (rule.type in INTRANSITIVE or rule.mode in ("regret", "apologize")) and not _preceded_by(ctx.body, g[0].start, classes["target_preposition"]):
            continue
        if rule.mode in ("complain", "sue") and _preceded_by(ctx.body, g[0].start, {"ke", "kepada"}) \
                and _actor(ctx, g).sector in LAW_SECTORS:
            continue  # "melaporkan kasus ini ke Polres Tangerang": where it is filed, not whom it is against
        if extended and g[0].start > comma and _head(g).entity is None and not _is_person(g) \
                and all(a.entity is None for a in g):
            continue  # past the comma only a name ("pihak otoritas Bandara Kualanamu"), not a bare noun
        return g
    return None


IDENTITY = re.compile(r"\s+yang\s+(?:(?:diduga|disebut|dituduh|diklaim)\s+)?(?:merupakan|adalah|sebagai|menjadi)\s+"
                      r"(?:\w+\s+){0,4}?$")


def _identity_role_start(gap: str) -> int:
    """Offset in ``gap`` of the words after "merupakan/adalah/sebagai/menjadi"."""
    m = re.search(r"\b(?:merupakan|adalah|sebagai|menjadi)\s+", gap)
    return m.end() if m else len(gap)


def _identity(ctx: Context, sent: Sentence, group: list[Arg]) -> list[Arg]:
    """"lima orang yang diduga merupakan agen … Mossad": who the people undergoing it are said to be."""
    if len(group) != 1 or _head(group).kind != "target":
        return group
    for g in sent.groups:
        if g[0].start > group[-1].end:
            gap = ctx.body[group[-1].end:g[0].start]
            if IDENTITY.match(gap) is None or re.search(r"[,;:.]", gap) or _is_place(g):
                return group
            start = group[-1].end + _identity_role_start(gap)
            text = ctx.body[start:g[0].start].strip()
            if text:  # "agen dinas intelijen Israel": the role, of the body named after it
                return [Arg(text, start, start + len(text), sector=_sector(text), collective=True)] + g
            return g
    return group


def _objects(ctx: Context, sent: Sentence, rule: TriggerRule, after: int) -> list[list[Arg]]:
    """The object and those coordinated with it ("Windy Idol dan kakaknya, Rinaldo Septariando")."""
    first = _object(ctx, sent, rule, after)
    if first is None:
        return []
    first = _identity(ctx, sent, first)
    out = [first]
    for g in sent.groups:
        if g[0].start <= out[-1][-1].end:
            continue
        gap = ctx.body[out[-1][-1].end:g[0].start]
        if re.fullmatch(r"(?:\s+[A-Z][\w-]*)?\s*,?\s*(?:dan|serta|,)\s+(?:[a-z]+\s*,\s*)?", gap) and not _is_place(g) \
                and _head(g).entity is not None and _head(g).entity.type == "PER" \
                and _head(out[0]).entity is not None and _head(out[0]).entity.type == "PER":
            out.append(g)
        elif rule.type == "SUPPORT" and THANKED_NEXT.fullmatch(gap) and not _is_place(g):
            out.append(g)  # "terima kasih kepada Presiden Prabowo, Menteri ATR/BPN, serta pihak Polri": each thanked
        else:
            break
    return out


THANKED_NEXT = re.compile(r"(?:/\w+)?\s*(?:,|dan|serta)\s*(?:(?:dan|serta)\s+)?(?:(?:kemudian|juga|termasuk|terutama|"
                          r"khususnya)\s+)?(?:(?:pihak|kepada|pada|para|seluruh)\s+)*")


def _agent_after(ctx: Context, sent: Sentence, t_end: int, rule: Optional[TriggerRule] = None,
                 nominal: bool = False) -> Optional[list[Arg]]:
    """Passive agent: ``oleh X`` in the clause, or a body named right after the verb (ditangkap prajurit TNI).

    ``nominal``: the agent of a noun of action, whose "oleh" cannot lie past another verb
    ("penyitaan yang disebut terbesar … patut ditiru oleh APH" is not APH's seizure)."""
    end = _clause_end(sent, t_end)
    for g in sent.groups:
        if t_end <= g[0].start < end and _after_oleh(ctx.body[t_end:g[0].start]):
            gap = WORD.findall(ctx.body[t_end:g[0].start])
            if nominal and any(_is_verb(w) for w in gap):
                return None
            if any(w.lower() == "yang" and _is_verb(v) for w, v in zip(gap, gap[1:])):
                return None  # "ditangkap berkat pencekalan yang diajukan oleh Interpol": the relative's agent
            return g
    named = _described_agent(ctx, sent, t_end)
    if named is not None:
        return named
    for g in sent.groups:
        gap = ctx.body[t_end:g[0].start]
        if g[0].start >= t_end and len(WORD.findall(gap)) <= 1 and not re.search(r"[,;:.]", gap) \
                and not any(_is_verb(w) or w.lower() in ("sebagai", "menjadi") for w in WORD.findall(gap)) \
                and not _is_place(g) and _head(g).kind != "target" and not _object_word(g, rule) and not (
                WORD.findall(gap) and WORD.findall(gap)[0].lower() in words()["preposition"]):
            return g
    return None


def _after_oleh(gap: str) -> bool:
    """The gap ends with "oleh", maybe with role words after it ("oleh kader PDI-P", "oleh pihak KPK")."""
    m = re.search(r"\boleh((?:\s+[A-Za-z]+){0,2})\s*$", gap)   # "oleh Gubernur Riau Abdul Wahid" too
    return m is not None and all(w.lower() in words()["glue"] | words()["office"] for w in m.group(1).split())


def _described_agent(ctx: Context, sent: Sentence, t_end: int) -> Optional[list[Arg]]:
    """"diberikan oleh pengusaha … yang berperkara di MA, Heryanto Tanaka,": the person named after the
    description of the agent, set off by commas."""
    by = re.compile(r"\s*(?:[a-z]\w*\s+)?oleh\s+(?=[a-z])").match(ctx.body, t_end)
    if by is None:
        return None
    for g in sent.groups:
        if g[0].start < by.end():
            continue
        gap = ctx.body[by.end():g[0].start]
        if re.search(r"[,;:.]", gap[:-2]) or len(WORD.findall(gap)) > 15:
            return None
        if gap.rstrip().endswith(",") and _is_person(g) \
                and re.match(r"\s*(?:\(\d{1,3}\)\s*)?[,.]", ctx.body[g[-1].end:]):
            return g
    return None


def _is_person(group: list[Arg]) -> bool:
    """A named person, or one named by initials ("JN (37)")."""
    head = _head(group)
    if head.entity is not None:
        return head.entity.type == "PER"
    return head.sector == "CRM" and not head.collective


def _named_after(ctx: Context, sent: Sentence, t_end: int) -> Optional[list[Arg]]:
    """A named party right after an agent noun, past its title ("pelapor Menteri Koperasi X")."""
    for g in sent.groups:
        if g[0].start < t_end:
            continue
        gap = ctx.body[t_end:g[0].start]
        gap_words = WORD.findall(gap)
        if len(gap_words) <= 3 and all(w[0].isupper() or w.lower() in words()["glue"] for w in gap_words) \
                and not re.search(r"[,;:.]", gap) and _head(g).entity is not None and not _is_place(g):
            return g
        return None
    return None


def _nominal_actor(ctx: Context, sent: Sentence, trig: Trigger) -> Optional[list[Arg]]:
    """Who does a noun of action named as an object ("menyambut baik penarikan pasukan … CSTO").

    The first group after it, past its object words, places, and the agents of relative clauses, up to
    the next clause (appositive commas are crossed).
    """
    classes = words()
    end = min([at for at, k in sent.bounds if at >= trig.end and k != "punct"] + [sent.end])
    for g in sent.groups:
        if g[0].start < trig.end or g[0].start >= end:
            continue
        if re.search(r"\b(?:terhadap|kepada|ke|atas|dengan|untuk)\b", ctx.body[trig.end:g[0].start], re.I):
            return None
        if re.search(r"(?:\boleh|\byang\s+(?:di)?lakukan(?:\s+oleh)?)\s*$", ctx.body[trig.end:g[0].start], re.I) \
                and not _is_place(g):
            return g  # "pembebasan tahanan oleh Thailand", "serangan yang dilakukan Israel": the deed's doer
        if _is_place(g) or _preceded_by(ctx.body, g[0].start, classes["agentive"] | classes["preposition"]) \
                or _former_state(g) or _head(g).kind == "target":
            continue
        if len(g) == 1 and g[0].collective and trig.rule.objects & set(analyse(g[0].text.split()[0])):
            continue
        return g
    return None


def _object_word(group: list[Arg], rule: Optional[TriggerRule]) -> bool:
    return rule is not None and len(group) == 1 and group[0].collective \
        and bool(rule.objects & set(analyse(group[0].text.split()[0])))


def _former_state(group: list[Arg]) -> bool:
    head = _head(group)
    return head.entity is not None and head.entity.kind == "former-state"


def _genitive(ctx: Context, sent: Sentence, trig: Trigger) -> Optional[list[Arg]]:
    """The actor named right after a noun of action: "serangan (udara) Israel", "tembakan tank Israel"."""
    for g in sent.groups:
        if g[0].start < trig.end:
            continue
        gap = [p for w in WORD.findall(ctx.body[trig.end:g[0].start]) for p in glued_pieces(w)]  # "fiktifdi"
        prosecutor = trig.rule.mode == "prosecute" and _head(g).sector == "JUD"  # "tuntutan jaksa"
        if len(g) == 1 and g[0].collective and trig.rule.objects & set(analyse(g[0].text.split()[0])) \
                and not prosecutor:
            continue  # "penarikan pasukan …": the object word, the actor comes later
        if ctx.body[max(sent.start, g[0].start - 2):g[0].start].strip() == "(":
            return None  # "pencucian uang (TPPU)": the phrase's own abbreviation, not its actor
        if _head(g).entity is None and _head(g).sector not in ("MIL", "REB", "COP") and not prosecutor:
            return None  # "penabrakan pendemo": the people undergoing it, not its actor
        if len(g) == 1 and g[0].collective and g[0].text.lower() in ("militer", "bersenjata") and not gap:
            return None  # "serangan militer terhadap Iran": a military strike, by someone named elsewhere
        if len(gap) <= 2 and not re.search(r"[,;:.]", ctx.body[trig.end:g[0].start]) \
                and not any(w.lower() in words()["preposition"] or w.lower() in words()["complement"]
                            or w.lower() == "yang" or analyse(w).keys()
                            & lexicon().keys() and w.lower().startswith(("me", "di")) for w in gap) \
                and not _is_place(g) and _head(g).kind != "target":
            return g
        return None
    return None


# "Ayahpenyanyi cilik Farel" (glued too); "Ibu" right before a name is "Mrs", so it needs a word between
KIN_BEFORE = re.compile(r"\b(?:(?:[Aa]yah|ayahanda|ibunda|anak|putra|putri|istri|suami|kakak|adik|paman|bibi|kakek|"
                        r"nenek|cucu|keponakan|menantu|mertua)(?:\s*[a-z]+){0,2}|[Ii]bu(?:\s*[a-z]+){1,2})\s*$")


def _kin_of(ctx: Context, group) -> bool:
    """A person named only as whose kin the participant is ("ayah penyanyi cilik Farel")."""
    if not group or isinstance(group[0], list) or not _is_person(group):
        return False
    lead = ctx.body[max(0, group[0].start - 40):group[0].start]
    return bool(KIN_BEFORE.search(lead))


def _defendant(sent: Sentence, trig: Trigger) -> Optional[list[Arg]]:
    """The person the sentence opens with, before a prosecution named as a noun: the one prosecuted."""
    first = next((g for g in sent.groups if not _is_place(g)), None)
    return first if first is not None and first[-1].end <= trig.start and _is_person(first) else None


def _roles(ctx: Context, sent: Sentence, trig: Trigger) -> Optional[tuple]:
    """(actor group, target group, implicit) or None when the trigger is not an event here."""
    classes = words()
    before = _before(sent.words, trig.index, 2)
    if trig.rule.agent_noun:
        named = _named_after(ctx, sent, trig.end)
        return (_subject(ctx, sent, trig.start), named, False) if named else None
    if trig.rule.modal:
        return _modal_roles(ctx, sent, trig)
    if trig.voice == "pronominal":
        return _pronominal_roles(ctx, sent, trig)
    if trig.voice == "passive":
        if set(before) & {"seperti", "sebagaimana"} or (before[-1:] == ["yang"] and
                                                        set(_before(sent.words, trig.index, 3)) & {"seperti"}):
            return None
        agent = _agent_after(ctx, sent, trig.end, trig.rule)
        relative = _relative_pronoun_at(sent, trig.index)
        if relative is not None:
            target = _right_before(ctx, sent, relative)  # "orang yang (harus) ditangkap": the head noun
        else:
            target = _subject(ctx, sent, trig.start, acted_upon=True)
        if agent is None and trig.rule.type in ("SUPPORT", "DISAPPROVE") and trig.rule.mode != "prosecute":
            agent = _judge(ctx, sent, trig)  # "Albert menilai Kejagung patut diapresiasi": the speaker's judgement
        return agent, target, agent is None
    if trig.voice == "nominal" and trig.rule.type in ARREST_TYPES \
            and set(_before_skipping_numbers(sent.words, trig.index, 2)) & classes["undergo"]:
        # "JN menjalani pemeriksaan di Polda": the subject undergoes it, as with a passive
        agent = _agent_after(ctx, sent, trig.end, trig.rule)
        return agent, _subject(ctx, sent, trig.start, acted_upon=True), agent is None
    if trig.voice == "nominal" and set(_before(sent.words, trig.index, 1)) & classes["setting_noun"]:
        return None  # "melakukan pemberantasan korupsi", "tindak pidana korupsi": a setting, not the deed
    if trig.voice == "nominal" and set(_before(sent.words, trig.index, 1)) & classes["passive_light"]:
        # "dilakukan penahanan terhadap X (oleh Y)": the agent after "oleh", else the article's agency
        agent = _agent_after(ctx, sent, trig.end, trig.rule)
        target = _object(ctx, sent, trig.rule, trig.end)
        if target is not None and agent is not None and target[0].start >= agent[0].start:
            target = None
        if target is None:  # "pelaku dapat dikenai sanksi pidana": the subject undergoes it
            target = _subject(ctx, sent, trig.start, acted_upon=True)
        return agent, target, agent is None
    if trig.voice == "nominal":
        light = set(_before_skipping_numbers(sent.words, trig.index, 2)) & classes["light"]
        if light and set(_before(sent.words, trig.index - 1, 1)) & classes["circumstance"]:
            return None  # "dalam melaksanakan unjuk rasa": a setting
        if light:  # "X, Wakil Menteri, juga menyampaikan apresiasi kepada Y": the light verb's subject
            targets = _objects(ctx, sent, trig.rule, trig.end)
            return _subject(ctx, sent, _light_verb_start(sent, trig)), \
                (targets if len(targets) > 1 else targets[0] if targets else None), False
        genitive = _genitive(ctx, sent, trig) or (_nominal_actor(ctx, sent, trig) if _is_object_of(sent, trig) else None)
        patient = genitive is not None and trig.rule.type in ARREST_TYPES and (
            _actor(ctx, genitive).sector not in LAW_SECTORS | {"GOV"}
            or words()["office"] & {w.lower() for w in WORD.findall(ctx.body[trig.end:genitive[0].start])}
            or genitive[0].collective and genitive[0].text.lower() in words()["office"])
        # "penangkapan hakim PN Tangerang …": an official of the body is the one arrested
        if genitive is not None and not patient:
            target = _object(ctx, sent, trig.rule, genitive[-1].end)
            if target is None and trig.rule.mode == "prosecute":
                # "Zarof … tidak dijatuhkan … sebagaimana tuntutan jaksa"; else the one last sentenced or held
                target = _defendant(sent, trig) or (ctx.culprit if ctx.culprit and _is_person(ctx.culprit) else None)
            return genitive, target, False
        if set(before) & classes["circumstance"] or not _is_clause_head(sent, trig):
            return None
        if patient:  # "penangkapan Rizieq", "vonis Ronald": the one arrested or sentenced, not the doer
            agent = _agent_after(ctx, sent, genitive[-1].end, trig.rule, nominal=True)
            return agent, genitive, agent is None
        agent = _agent_after(ctx, sent, trig.end, trig.rule, nominal=True)
        return agent, _recipient(ctx, sent, trig, agent), agent is None
    targets = _objects(ctx, sent, trig.rule, trig.end)
    if targets and trig.rule.type == "CONSULT" and sent.low[trig.index].startswith("ber") \
            and not re.search(r"\b(?:dengan|bersama|kepada)\b", ctx.body[trig.end:targets[0][0].start]):
        targets = []  # "berkoordinasi terkait hilangnya Ketua DPRD": one meets *with* someone, not a topic's name
    target = targets[0] if targets else _owned_body(ctx, sent, trig) or _object_owner(ctx, sent, trig)
    if target is None and trig.rule.type == "DEMAND":
        target = _addressee_after_complement(ctx, sent, trig) or _demanded_party(ctx, sent, trig)
    if target is None and trig.rule.type == "INVESTIGATE" and trig.rule.mode == "investigate":
        target = _investigated_body(ctx, sent, trig)
    if target is None and trig.rule.mode == "confiscate":
        target = _dispossessed(ctx, sent)
    subject = _relative_head(ctx, sent, trig) or _subject(ctx, sent, trig.start)
    if subject is not None and _deed_owner(ctx, sent, subject):
        return None  # "serangan Iran menewaskan 24 orang": the attack is the event, its toll is not another
    if len(targets) > 1:
        return subject, targets, False
    if trig.rule.type in REACTIONS:
        nominal = _nominal_after(ctx, sent, trig)
        if nominal is not None:
            target = nominal
        elif target is None:
            target = _possessor(ctx, sent, trig)
    return subject, target, False


def _light_verb_start(sent: Sentence, trig: Trigger) -> int:
    """Where the light verb before a noun of action starts ("melakukan 1.201 operasi", "menyampaikan apresiasi")."""
    light = words()["light"]
    for w in reversed(sent.words[max(0, trig.index - 4):trig.index]):
        if w.group(0).lower() in light:
            return w.start()
    return trig.start


def _deed_owner(ctx: Context, sent: Sentence, group: list[Arg]) -> bool:
    """The group is the doer named right after a noun of action ("serangan (udara) Iran"), not a subject."""
    for t in sent.triggers:
        if t.voice == "nominal" and t.end <= group[0].start:
            gap = ctx.body[t.end:group[0].start]
            if len(WORD.findall(gap)) <= 1 and not re.search(r"[,;:.]", gap):
                return True
    return False


ADDRESSEE = re.compile(r"\s+(?:(?:agar|supaya|untuk)\s+)+(?:(?:pihak|para|seluruh|semua)\s+)?", re.I)


def _addressee_after_complement(ctx: Context, sent: Sentence, trig: Trigger) -> Optional[list[Arg]]:
    """"mendesak agar pemerintah segera …", "menyerukan agar Iran menyerah": the one asked to act."""
    for g in sent.groups:
        if g[0].start >= trig.end:
            if ADDRESSEE.fullmatch(ctx.body[trig.end:g[0].start]) is None or _is_place(g):
                return None
            following = WORD.findall(ctx.body[g[-1].end:g[-1].end + 40])[:2]
            if any(w.lower().startswith("di") and _is_verb(w) for w in following):
                return None  # "menuntut agar Rafah dibuka": what is to be done, not who is asked
            return g
    return None


def _object_owner(ctx: Context, sent: Sentence, trig: Trigger) -> Optional[list[Arg]]:
    """"tak hadir dalam pemeriksaan penyidik Kejagung", "mengabaikan panggilan KPK": for a row with object
    words, the body named right after its object word (whose summons, call or ban it is)."""
    if trig.rule.type != "REJECT" or not trig.rule.objects:
        return None
    for k in range(trig.index + 1, min(len(sent.words), trig.index + 5)):
        if trig.rule.objects & set(analyse(sent.low[k])):
            after = sent.words[k].end()
            for g in sent.groups:
                if g[0].start >= after:
                    gap = ctx.body[after:g[0].start]
                    named = _head(g).entity is not None or _head(g).kind == "agency"
                    close = len(WORD.findall(gap)) <= 1 and not re.search(r"[,;:.]", gap)
                    return g if close and named and not _is_place(g) else None
            return None
    return None


def _investigated_body(ctx: Context, sent: Sentence, trig: Trigger) -> Optional[list[Arg]]:
    """"mengusut kasus korupsi pengadaan laptop di Kementerian Pendidikan …": the body the case is in."""
    end = min([at for at, k in sent.bounds if at >= trig.end and k != "punct"] + [sent.end])
    for g in sent.groups:
        if trig.end <= g[0].start < end and _head(g).entity is not None and _head(g).entity.type == "ORG" \
                and re.search(r"\bdi\s+$", ctx.body[max(trig.end, g[0].start - 5):g[0].start]) \
                and "kasus" in sent.low[trig.index + 1:trig.index + 3]:
            return g
    return None


def _demanded_party(ctx: Context, sent: Sentence, trig: Trigger) -> Optional[list[Arg]]:
    """"menyerukan 'penyerahan tanpa syarat' Iran", "menuntut pembebasan … oleh Israel": the party whose act
    is demanded, named after the demanded deed (quotes crossed, not past another clause or preposition)."""
    end = min([at for at, k in sent.bounds if at >= trig.end and k != "punct"] + [sent.end])
    for g in sent.groups:
        if g[0].start < trig.end or g[0].start >= end:
            continue
        gap = ctx.body[trig.end:g[0].start]
        gap_words = [w.lower() for w in WORD.findall(gap)]
        if len(gap_words) > 8 or re.search(r"[,;:.]", gap) or any(_is_verb(w) for w in gap_words) \
                or words()["complement"] & set(gap_words):
            return None  # past "agar/untuk" the addressee rule decides
        before = gap_words[-1:]
        if before and before[0] in words()["preposition"] and before[0] not in ("dari", "oleh", "kepada", "terhadap", "bagi"):
            return None
        if before and before[0] in words()["law_title"]:
            return None  # "pembatalan RUU TNI": a bill's name
        if _is_place(g) or _head(g).entity is None:
            return None
        return g
    return None


def _judge(ctx: Context, sent: Sentence, trig: Trigger) -> Optional[list[Arg]]:
    """Who passes an agentless judgement ("… patut diapresiasi", "… layak dikecam"): the subject of the
    speech verb (menilai, mengatakan …) the clause hangs on."""
    clause_start, kind = _clause_start(sent, trig.start)
    for _ in range(3):  # back over commas and adverbial "saat ini …"
        if kind not in ("punct", "connector") or clause_start <= sent.start:
            break
        clause_start, kind = _clause_start(sent, clause_start)
    if kind != "speech":
        return None
    return _subject(ctx, sent, clause_start)


def _pronominal_roles(ctx: Context, sent: Sentence, trig: Trigger) -> Optional[tuple]:
    """"Tersangka sudah kami amankan", "yang kami tangkap", "saya minta Kapolda …": the pronoun right before
    the bare verb does it; what is named before it in the clause (else after the verb) undergoes it."""
    pronoun = sent.words[trig.index - 1]
    actor = _pronoun(ctx, sent, pronoun.start(), pronoun.end())
    if actor is None:
        return None
    if _before(sent.words, trig.index - 1, 1) == ["yang"] or \
            _before(sent.words, trig.index - 1, 2)[:1] == ["yang"]:
        target = _right_before(ctx, sent, max(0, trig.index - 2)) or _right_before(ctx, sent, max(0, trig.index - 3))
    else:
        clause_start, _ = _clause_start(sent, pronoun.start())
        before = [g for g in sent.groups if clause_start <= g[0].start and g[-1].end <= pronoun.start()
                  and not _is_place(g)]
        target = before[0] if before else _object(ctx, sent, trig.rule, trig.end)
    return actor, target, False


def _relative_head(ctx: Context, sent: Sentence, trig: Trigger) -> Optional[list[Arg]]:
    """"Polsek Ciledug yang juga menangkap …": the noun the relative clause hangs on does it,
    even after a preposition ("begitu pula dengan Polsek Ciledug yang …")."""
    m = re.search(r"\byang(?:\s+(?:juga|pun|telah|sudah|kemudian|lalu|akhirnya|berhasil))*\s+$",
                  ctx.body[max(sent.start, trig.start - 40):trig.start])
    if m is None:
        return None
    at = max(sent.start, trig.start - 40) + m.start()
    group = next((g for g in sent.groups if 0 <= at - g[-1].end <= 2), None)
    return None if group is None or _is_place(group) or _head(group).kind == "target" else group


def _dispossessed(ctx: Context, sent: Sentence) -> Optional[list[Arg]]:
    """"Dari (tangan) Jack, polisi menyita …": whom goods are seized from."""
    for g in sent.groups:
        if re.search(r"\bdari\s+(?:(?:tangan|rumah|kediaman|kantor|mobil|rekening|brankas)\s+)?$",
                     ctx.body[max(sent.start, g[0].start - 20):g[0].start], re.I) \
                and not _is_place(g):
            return g
    return None


def _recipient(ctx: Context, sent: Sentence, trig: Trigger, agent: Optional[list[Arg]]) -> Optional[list[Arg]]:
    """"Suap diberikan oleh Y": a bribe given goes to the one named before as taking it."""
    following = sent.words[trig.index + 1:trig.index + 2]
    if trig.rule.type != "CRIME" or agent is None or ctx.culprit is None or not following \
            or following[0].group(0).lower() not in words()["giving"] or ctx.culprit[-1].end > sent.start:
        return None
    return ctx.culprit if _head(ctx.culprit).entity is not _head(agent).entity else None


RECIPIENT_PLACE = re.compile(r"\b(?:ke|kepada|untuk|bagi)\s+(?:(?:warga|penduduk|rakyat|masyarakat|"
                             r"pengungsi|korban|wilayah|kota|kawasan|jalur|daerah)\s+){0,2}$", re.I)


def _residents(ctx: Context, sent: Sentence, trig: Trigger) -> Optional[Actor]:
    """"mengirim bantuan ke Gaza": aid sent to a place goes to the people living there (its country, CVL)."""
    end = _clause_end(sent, trig.end)
    for g in sent.groups:
        if g[0].start < trig.end or g[0].start > end:
            continue
        head = _head(g)
        if head.entity is None or head.entity.type != "LOC" or not head.entity.country:
            continue
        if RECIPIENT_PLACE.search(ctx.body[max(sent.start, g[0].start - 40):g[0].start]):
            country = head.entity.country
            return Actor(name="warga " + head.entity.name, entity_id=head.entity.id,
                         code=(alpha3(country) or "") + "CVL", country=country, sector="CVL")
    return None


def _owned_body(ctx: Context, sent: Sentence, trig: Trigger) -> Optional[list[Arg]]:
    """"menuding partainya": the party (or company) last named, when a possessed body is the object."""
    following = sent.words[trig.index + 1:trig.index + 2]
    if not following or following[0].group(0).lower() not in words()["owned_body"]:
        return None
    sector = _sector(following[0].group(0).lower()[:-3])
    earlier = [g for g in ctx.groups_before + sent.groups if g[-1].end <= trig.start]
    for g in reversed(earlier):
        if _head(g).entity is not None and not _is_place(g) and _actor(ctx, g).sector == sector:
            return g
    return None


def _modal_roles(ctx: Context, sent: Sentence, trig: Trigger) -> Optional[tuple]:
    """'"(CSTO) harus meninggalkan …," kata Price': the quote's speaker demands it of the named party.

    Only inside a direct quote with a known speaker, and only of a named entity right before the modal.
    """
    speaker = _speaker_group(ctx, trig.start)
    addressee = _right_before(ctx, sent, trig.index)
    if speaker is None or addressee is None or _is_place(addressee) or _head(addressee).entity is None:
        return None
    if _head(addressee).entity is _head(speaker).entity:
        return None
    if not _acts_next(sent, trig.index) or _modifies(ctx, sent, addressee):
        return None  # "PHBS harus kembali dibiasakan", "bahasa Indonesia harus tetap utama": no one is asked to act
    return speaker, addressee, False


def _acts_next(sent: Sentence, index: int) -> bool:
    """An active verb follows the modal, past "bisa", "segera", "terus" …"""
    for low in sent.low[index + 1:index + 4]:
        if low in words()["modal_adverb"]:
            continue
        return low.startswith(("me", "ber")) and len(low) > 4
    return False


def _modifies(ctx: Context, sent: Sentence, group: list[Arg]) -> bool:
    """The name qualifies a common noun before it ("bahasa Indonesia", "rupiah Indonesia")."""
    before = WORD.findall(ctx.body[max(sent.start, group[0].start - 25):group[0].start])[-1:]
    classes = words()
    return bool(before) and before[0].islower() and not any(
        before[0] in classes[c] for c in ("glue", "preposition", "speech", "connector", "function", "auxiliary"))


def _nominal_after(ctx: Context, sent: Sentence, trig: Trigger) -> Optional[list[Arg]]:
    """A reaction to a deed named as a noun ("mengutuk serangan Israel"): its target is the deed's actor."""
    for other in sent.triggers:
        if other.voice == "nominal" and 0 < other.index - trig.index <= 2:
            return _nominal_actor(ctx, sent, other)
    return None


def _possessor(ctx: Context, sent: Sentence, trig: Trigger) -> Optional[list[Arg]]:
    """A noun object named earlier with its owner ("mempertanyakan durasi misi" after "misi CSTO")."""
    following = [w for w in sent.words[trig.index + 1:trig.index + 4] if w.group(0).islower()]
    for w in following:
        noun = w.group(0).lower()
        if len(noun) < 4 or noun in words()["preposition"] or noun == "yang":
            continue
        for m in re.finditer(rf"\b{re.escape(noun)}\s+", ctx.body[:sent.start], re.I):
            for g in ctx.groups_before:
                if g[0].start == m.end() and not _is_place(g) and _head(g).entity is not None:
                    return g
    return None


def _is_object_of(sent: Sentence, trig: Trigger) -> bool:
    """A noun of action right after a reaction verb ("menyambut baik penarikan …")."""
    return any(o.rule.type in REACTIONS and o.voice != "nominal" and 0 < trig.index - o.index <= 2
               for o in sent.triggers)


def _is_clause_head(sent: Sentence, trig: Trigger) -> bool:
    """A noun of action opening its sentence or clause ("Penarikan pasukan dimulai …")."""
    start, _ = _clause_start(sent, trig.start)
    between = [w for w in sent.words if start <= w.start() < trig.start]
    return len(between) <= 1


COURT = re.compile(r"Pengadilan(?:\s+(?:[A-Z][\w-]*|\([A-Z]+\)))+")


def _implicit_actor(ctx: Context, rule: TriggerRule) -> Optional[Actor]:
    """Who arrests, questions or sentences when no one is said to: the article's agency, else the state;
    who charges ("didakwa", "dituntut"): the prosecution."""
    if rule.mode == "prosecute" and rule.root in ("dakwa", "tuntut", "tuntutan") and ctx.focus:
        return _prosecution(ctx)
    if rule.type not in ARREST_TYPES or not ctx.focus:
        return None
    if rule.mode == "sentence":
        courts = [e for e in ctx.analysis.entities if e.type == "ORG" and e.mentions and
                  _sector(e.name + " " + " ".join(m.text for m in e.mentions)) == "JUD" and
                  re.search(r"pengadilan|mahkamah|court|tipikor", e.name, re.I)]
        # the trial court over a high court named in passing ("mantan pejabat Mahkamah Agung")
        court = min(courts, key=lambda e: (not re.search(r"pengadilan|tipikor", e.name, re.I), -len(e.mentions)),
                    default=None)
        trial = COURT.search(ctx.body)
        if trial is not None and (court is None or not re.search(r"pengadilan|tipikor", court.name, re.I)):
            return Actor(name=trial.group(0), code=(alpha3(ctx.focus) or "") + "JUD", country=ctx.focus,
                         sector="JUD")  # a trial court the NER did not tag
        if court is not None:
            return _actor(ctx, [Arg(court.mentions[0].text, court.mentions[0].start, court.mentions[0].end,
                                    entity=court)])
        return Actor(name="pengadilan", code=(alpha3(ctx.focus) or "") + "JUD", country=ctx.focus, sector="JUD")
    if ctx.agency is not None:
        return _actor(ctx, ctx.agency)
    if POLICE.search(ctx.body):  # no body named, but the article speaks of the police: theirs
        return Actor(name="polisi", code=(alpha3(ctx.focus) or "") + "COP", country=ctx.focus, sector="COP")
    return Actor(name=None, code=(alpha3(ctx.focus) or "") + "GOV", country=ctx.focus, sector="GOV")


POLICE = re.compile(r"\b(?:[Pp]olisi|[Kk]epolisian|(?:Ma)?(?:" + POLICE_UNIT + r"|[Pp]olri)"
                    r"|Sat(?:reskrim|lantas|narkoba))\b")
STATION = re.compile(r"\b(?:di|ke)\s+(?:Ma(?=pol))?(" + POLICE_UNIT + r"(?:\s+[A-Z][\w-]*){1,3})")


def _station(ctx: Context, sent: Sentence) -> Optional[Actor]:
    """The police station a person is held at or taken to ("di Mapolres Bangkalan"): the police that hold them."""
    m = STATION.search(ctx.body, sent.start, sent.end)
    if m is None:
        return None
    country = ctx.focus or HOME
    return Actor(name="P" + m.group(1)[1:], code=(alpha3(country) or "") + "COP", country=country, sector="COP")


def _prosecution(ctx: Context) -> Actor:
    """The prosecution body the article names (Kejaksaan …, KPK), else "jaksa" of the focus country."""
    for e in ctx.analysis.entities:
        if e.type == "ORG" and e.mentions and re.search(r"kejaksaan|kejati|kejari|kejagung|\bkpk\b|jaksa",
                                                        e.name + " " + e.mentions[0].text, re.I):
            m = e.mentions[0]
            return _actor(ctx, [Arg(m.text, m.start, m.end, entity=e)])
    return Actor(name="jaksa", code=(alpha3(ctx.focus) or "") + "JUD", country=ctx.focus, sector="JUD")


def _implicit_protesters(ctx: Context) -> Actor:
    return Actor(name="pengunjuk rasa", code=(alpha3(ctx.focus) or "") + "CVL", country=ctx.focus, sector="CVL")


# ----------------------------------------------------------------- coder ---

def find_events(analysis: Analysis, nlp_doc=None) -> list[Event]:
    analysis = _body_view(analysis)
    body = analysis.article.body
    cache = ArticleCache.build(analysis)
    ctx = Context(analysis, body, _focus_country(analysis), None, country_names(), cache=cache)
    focus_place = _focus_place(analysis)
    ctx.agency = _lead_agency(analysis, ctx.focus)
    events: list[tuple[Event, bool]] = []
    persons = frozenset(e.id for e in analysis.entities if e.type == "PER")
    for s_start, s_end in sentence_spans(analysis.article.body, nlp_doc):
        sent = _sentence_words(body, s_start, s_end)
        demand_target: Optional[list[Arg]] = None
        sent.triggers = _triggers(body, sent, cache)
        if sent.triggers:
            _complete(body, sent, cache)
        for trig in sent.triggers:
            for coded in _code(ctx, sent, trig, focus_place, demand_target) or ():
                _add(events, *coded, persons)
            if trig.rule.type == "DEMAND":
                demand_target = _object(ctx, sent, trig.rule, trig.end)
        if LABELLED.search(body, s_start, s_end):
            for coded in _labellings(ctx, sent, focus_place):
                _add(events, *coded, persons)
        ctx.pending.append(sent)  # remembered when a later sentence asks (Context._recall)
    explicit_protest = any(e.type == "PROTEST" and e.actor.entity_id or e.type == "PROTEST" and
                           e.actor.name != "pengunjuk rasa" for e, _ in events)
    return [event for event, _ in events
            if not (explicit_protest and event.type == "PROTEST" and event.actor.name == "pengunjuk rasa"
                    and event.confidence < 0.5)]


# "X menegaskan Y merupakan anggota OPM", "X menyebut Y berperan sebagai pengatur …": calling someone a
# culprit is an accusation by the one who says it
LABELLED = re.compile(r"\s+(?:merupakan|adalah|ialah|berperan\s+sebagai|bertindak\s+sebagai)\s+(?:seorang\s+)?"
                      r"(?:(?P<member>anggota)|pelaku|dalang|otak|pengatur|penyandang\s+dana|provokator|"
                      r"mata-mata|teroris|bandar|pengedar|perekrut)(?![a-z])")  # "anggotaOrganisasi …": glued is fine
ACCUSATION = TriggerRule("tuduh", None, frozenset(), "DISAPPROVE", "accuse", "112")
ALIAS = re.compile(r"\s+alias\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*")


def _labellings(ctx: Context, sent: Sentence, focus_place) -> list:
    out = []
    if sent.groups is None:
        _complete(ctx.body, sent, ctx.cache)
    speech = words()["speech"]
    for m in LABELLED.finditer(ctx.body, sent.start, sent.end):
        labelled = next((g for g in reversed(sent.groups) if g[-1].end <= m.start() and (
            g[-1].end == m.start() or ALIAS.fullmatch(ctx.body, g[-1].end, m.start()))), None)
        if labelled is None or not _is_person(labelled):
            continue
        named = next((g for g in reversed(sent.groups) if g[-1].end <= labelled[0].start), None)
        if named is not None and re.fullmatch(r"\s+alias\s+", ctx.body[named[-1].end:labelled[0].start]):
            labelled = named  # "Abral Wandikbo alias Almaroko Nirigi": the name first given
        if m.group("member"):
            if _sector(ctx.body[m.end():min(sent.end, m.end() + 40)]) not in ("REB", "CRM"):
                continue  # "anggota DPR" is no charge; "anggota OPM" is
        speaker = next((g for g in reversed(sent.groups) if g[-1].end <= labelled[0].start), None)
        if speaker is None or _is_place(speaker):
            continue
        between = [w.lower() for w in WORD.findall(ctx.body[speaker[-1].end:labelled[0].start])]
        if not between or between[0] not in speech or any(w not in speech for w in between):
            continue
        index = next((i for i, w in enumerate(sent.words) if w.start() >= m.start()), len(sent.words) - 1)
        trig = Trigger(index, m.start(), m.end(), ACCUSATION, "active")
        coded = _code_one(ctx, sent, trig, focus_place, speaker, labelled, False, None, False)
        if coded is not None:
            out.append(coded)
    return out


def _code(ctx: Context, sent: Sentence, trig: Trigger, focus_place, demand_target
          ) -> Optional[list[tuple[Event, bool]]]:
    classes = words()
    rule = trig.rule
    before3 = set(_before(sent.words, trig.index, 3))
    negated = bool(before3 & classes["negation"])
    if rule.only_negated and not negated:
        return None
    if _threatened(sent, trig):
        return None
    if rule.type == "CRIME" and _alleged(sent, trig):
        return None
    if _deed_relative(sent, trig):
        # "pemboman besar-besaran yang mendorong Iran untuk menanggapi": a deed prompts, no one asks;
        # "kasus penembakan yang menewaskan seorang warga": the shooting's toll, not a second deed
        return None
    if rule.type in REACTIONS and not words()["consideration"].isdisjoint(sent.low):
        return None  # "Hal yang memberatkan, terdakwa tidak mendukung program pemerintah": a court's reasoning
    if rule.type in REACTIONS and negated and not words()["policy"].isdisjoint(sent.low[trig.index + 1:trig.index + 3]):
        return None  # "… tidak mendukung program pemerintah": conduct judged, not a reaction to anyone
    asked = demand_target is not None and (bool(set(_before(sent.words, trig.index, 2)) & classes["complement"])
                                           or not rule.modal and _asked_right_after(ctx, sent, trig, demand_target))
    requested = demand_target if asked else None
    pair = _warring_pair(ctx, sent, trig) if rule.type == "FIGHT" and trig.voice == "nominal" else None
    if pair is not None:  # "perang antara Israel dan Iran", "perang Iran-Israel": each fights the other
        coded = [_code_one(ctx, sent, trig, focus_place, a, b, False, None, negated)
                 for a, b in (pair, pair[::-1])]
        return [c for c in coded if c is not None] or None
    roles = _roles(ctx, sent, trig)
    if roles is None:
        if rule.type == "PROTEST":
            roles = (None, None, True)
        else:
            return None
    actor_group, target_group, implicit = roles
    if rule.type == "MOBILIZE" and target_group is None and actor_group:
        helped = _helped_country(ctx, sent, trig)
        if helped is not None:  # "mengirim pasukan ke … Rusia untuk membantu …": military aid to Russia
            rule = dataclasses.replace(rule, type="AID", mode="military aid", cameo="074")
            trig, target_group = dataclasses.replace(trig, rule=rule), helped
    if target_group is None and rule.mode == "confiscate" and trig.voice != "active":
        target_group = _dispossessed(ctx, sent)  # "penyitaan Rp11,8 triliun dari Wilmar Group"
    if target_group and isinstance(target_group[0], list):  # coordinated objects: one event each
        coded = [_code_one(ctx, sent, trig, focus_place, actor_group, g, implicit, requested, negated)
                 for g in target_group]
        return [c for c in coded if c is not None] or None
    partner = _reciprocal_partner(ctx, sent, trig, actor_group) if target_group is None else None
    if partner is not None:  # "Israel dan Iran saling serang": each does it to the other
        coded = [_code_one(ctx, sent, trig, focus_place, a, b, False, None, negated)
                 for a, b in ((actor_group, partner), (partner, actor_group))]
        return [c for c in coded if c is not None] or None
    if target_group is None and rule.type in ANSWERS:
        target_group = _demand_author(ctx, sent, trig)  # "menolak tuntutan Trump": rejects Trump
    if target_group is None and rule.type == "SUPPORT" and actor_group:
        target_group = _met_party(ctx, sent, trig, actor_group)
    one = _code_one(ctx, sent, trig, focus_place, actor_group, target_group, implicit, requested, negated)
    out = [one] if one is not None else []
    if one is not None and rule.type in ANSWERS:
        out.extend(_answered_demand(ctx, sent, trig, focus_place, actor_group))
    return out or None


HELP = re.compile(r"\b(?:untuk|guna)\s+(?:membantu|mendukung)\b", re.I)


def _helped_country(ctx: Context, sent: Sentence, trig: Trigger) -> Optional[list[Arg]]:
    """The country troops are sent to ("ke wilayah Kursk di Rusia") when they are sent to help."""
    helping = HELP.search(ctx.body, trig.end, sent.end)
    if helping is None:
        return None
    for g in sent.groups:
        head = _head(g)
        if trig.end <= g[0].start < helping.start() and head.entity is not None and head.entity.type == "LOC" \
                and re.search(r"\bke\b", ctx.body[trig.end:g[0].start]):
            if head.entity.kind == "country":
                return g
            if head.entity.country:  # "ke wilayah Kursk": the state it lies in
                return _own_country(ctx, g, g[0].start, g[-1].end)
    return None


def _met_party(ctx: Context, sent: Sentence, trig: Trigger, actor_group) -> Optional[list[Arg]]:
    """"Kapolda … yang turun menemui massa menyampaikan apresiasi": praise said to no one is for the party
    the same actor met earlier in the sentence."""
    for other in sent.triggers:
        if other is trig or other.start >= trig.start or other.rule.type != "CONSULT":
            continue
        roles = _roles(ctx, sent, other)
        if roles and roles[0] is actor_group and roles[1] and not isinstance(roles[1][0], list):
            return roles[1]
    return None


def _reciprocal_partner(ctx: Context, sent: Sentence, trig: Trigger, actor_group) -> Optional[list[Arg]]:
    """"X dan Y (terus) saling …", "X dan Y sepakat/bertemu …": Y, the other party of a reciprocal deed."""
    mutual = "saling" in sent.low[max(0, trig.index - 3):trig.index] or trig.rule.type in SYMMETRIC
    if not actor_group or not mutual:
        return None
    for g in sent.groups:
        if g[0].start >= actor_group[-1].end:
            gap = ctx.body[actor_group[-1].end:g[0].start]
            return g if re.fullmatch(r"\s*(?:dan|serta|,)\s*", gap) and not _is_place(g) else None
    return None


BETWEEN = re.compile(r"\s+(?:(?:militer|bersenjata|udara|terbuka|terbaru|berkepanjangan|besar-besaran|habis-habisan|sengit|"
                     r"dahsyat|total|yang\s+\w+)\s+){0,2}antara\s*$")


HYPHENED_STATES = re.compile(r"\s+([A-Z]\w+)-([A-Z]\w+)\b(?!-)")
AND_PARTY = re.compile(r"\s*(?:dan|dengan)\s*(?:(?:kelompok|pasukan|milisi|militan)\s*)?")


def _warring_pair(ctx: Context, sent: Sentence, trig: Trigger) -> Optional[tuple[list[Arg], list[Arg]]]:
    """The two states a war noun is between: "… antara X dan Y" or "X-Y" right after it."""
    hyphened = HYPHENED_STATES.match(ctx.body, trig.end)
    if hyphened and all(_state_name(hyphened.group(k)) for k in (1, 2)):
        # "perang Iran-Israel" as one word the NER left untagged
        return tuple([Arg(hyphened.group(k), hyphened.start(k), hyphened.end(k),
                          entity=_known_entity(ctx.cache, hyphened.group(k)))] for k in (1, 2))
    after = [g for g in sent.groups if g[0].start >= trig.end]
    if after and len(after[0]) == 2 and ctx.body[after[0][0].end:after[0][1].start] == "-" \
            and not ctx.body[trig.end:after[0][0].start].strip():
        after = [[after[0][0]], [after[0][1]]] + after[1:]  # "perang Iran-Israel": one group, two states
    elif after and after[0][0].collective and len(after[0]) == 1:
        after = after[1:]  # "konfrontasi militer antara …": the modifier, not a party
    if len(after) < 2 or not all(_is_state(g) for g in after[:2]):
        return None
    first, second = after[:2]
    lead, gap = ctx.body[trig.end:first[0].start], ctx.body[first[-1].end:second[0].start]
    if BETWEEN.fullmatch(lead) and AND_PARTY.fullmatch(gap) or not lead.strip() and gap == "-":
        return first, second
    return None


def _is_state(group: list[Arg]) -> bool:
    """A state, its forces, or an armed group ("kelompok Hamas"): a party that can wage war."""
    head = _head(group)
    return head.entity is not None and head.entity.kind in ("country", "seat-of-government") \
        or head.sector == "MIL" or _sector(" ".join(a.text for a in group)) in ("REB", "MIL")


ANSWERS = {"REJECT", "AGREE", "CONCEDE"}
SYMMETRIC = {"AGREE", "CONSULT", "COOPERATE"}   # "X dan Y sepakat": each with the other
ANSWERED_DEMAND = TriggerRule("seruan", None, frozenset(), "DEMAND", "demand", "10", noun=True)


def _demand_noun(sent: Sentence, trig: Trigger) -> Optional[Trigger]:
    """The demand noun right after an answer ("menolak tuntutan …"), as a trigger of its own."""
    nxt = trig.index + 1 if trig.rule.second is None else trig.index + 2
    if nxt >= len(sent.words) or sent.low[nxt] not in words()["demand_noun"]:
        return None
    noun = sent.words[nxt]
    return Trigger(nxt, noun.start(), noun.end(), ANSWERED_DEMAND, "nominal")


def _demand_author(ctx: Context, sent: Sentence, trig: Trigger) -> Optional[list[Arg]]:
    """Who made the demand an answer answers: named right after the demand noun."""
    demand = _demand_noun(sent, trig)
    if demand is None:
        return _order_author(ctx, sent, trig)
    author = _genitive(ctx, sent, demand) or _named_after(ctx, sent, demand.end)
    return author if author is not None and _head(author).entity is not None else None


def _order_author(ctx: Context, sent: Sentence, trig: Trigger) -> Optional[list[Arg]]:
    """"tidak menghiraukan larangan tersebut": a ban or order spoken of again is the authorities' of the
    story (its acting law body), as an unnamed doer of an arrest is."""
    nxt = trig.index + 1 if trig.rule.second is None else trig.index + 2
    if nxt + 1 >= len(sent.words) or sent.low[nxt] not in words()["order_noun"] \
            or sent.low[nxt + 1] not in ("tersebut", "itu", "ini"):
        return None
    if ctx.agency is not None:
        return ctx.agency
    police = POLICE.search(ctx.body)
    return [Arg(police.group(0), police.start(), police.end(), sector="COP", collective=True)] if police else None


def _answered_demand(ctx: Context, sent: Sentence, trig: Trigger, focus_place, answering) -> list:
    """"Iran menolak seruan Trump untuk menyerah": rejecting (or meeting) a demand named with its author
    reports that demand too (the author demands of the one answering)."""
    found = _demand_noun(sent, trig)
    author = _demand_author(ctx, sent, trig)
    if not answering or found is None or author is None:
        return []
    coded = _code_one(ctx, sent, found, focus_place, author, answering, False, None, False)
    if coded is None:
        return []
    event, stated = coded
    return [(dataclasses.replace(event, negated=False, hypothetical=False), stated)]


def _code_one(ctx: Context, sent: Sentence, trig: Trigger, focus_place, actor_group, target_group, implicit: bool,
              requested, negated: bool) -> Optional[tuple[Event, bool]]:
    classes = words()
    rule = trig.rule
    demand_target = requested
    requested = requested is not None and requested is not False
    if requested:
        actor_group, implicit = demand_target, False  # "meminta CSTO untuk mengirimkan pasukan": CSTO's act, asked for
    actor_group = _antecedent(ctx, sent, actor_group)
    target_group = _antecedent(ctx, sent, target_group)
    if _kin_of(ctx, target_group) or _kin_of(ctx, actor_group):
        return None  # "Ayah penyanyi cilik Farel Prayoga ditangkap": Farel's father, unnamed here, not Farel
    if rule.mode == "urge" and trig.voice in ("active", "pronominal") and target_group \
            and not _urged_party(ctx, trig, target_group):
        return None  # "mendorong pertumbuhan ekonomi …": promoting a thing, not urging a party
    if rule.mode == "vehicle" and target_group and not (_is_person(target_group) or _head(target_group).collective):
        return None  # "Fuso menabrak Toyota Innova": a collision between vehicles, no one run over
    actor = _actor(ctx, actor_group) if actor_group else None
    if rule.mode == "sentence" and actor is not None and actor.sector != "JUD" and trig.voice == "active":
        actor = None  # "… menyatakan Zarof terbukti …, sehingga menjatuhkan hukuman": only a court sentences
    if actor is None and not implicit and rule.mode == "sentence" and target_group:
        implicit = True  # '"Menjatuhkan pidana terhadap terdakwa …," ujar hakim': the verdict is the court's
    if actor is None and implicit and rule.type in ARREST_TYPES:
        # "DFJ ditangkap berkat pencekalan …" after "DFJ … ditangkap Ditjen Imigrasi": the body named before
        actor = ctx.arrested_by.get((rule.mode, _participant_key(_actor(ctx, target_group)))) \
            or _station(ctx, sent)  # "ditahan di Mapolres Bangkalan": held by the Polres Bangkalan
    if actor is None and implicit:
        actor = _implicit_protesters(ctx) if rule.type == "PROTEST" else _implicit_actor(ctx, rule)
        if rule.type == "PROTEST" and actor is not None:
            target_group = None
    capable = rule.type in FORCE_TYPES and _capable(sent, trig)
    planned = actor is not None and bool(set(_before(sent.words, trig.index, 3)) & {"akan", "bakal"})
    said = _claimant(ctx, sent, trig) if rule.type in FORCE_TYPES and target_group and not negated \
        and not requested and (capable or planned) else None
    claimant = said if said is not None and (capable or _speaks_for(ctx, said, actor)) else None
    if capable and claimant is None and implicit and rule.mode in ("sentence", "sanction", "fine"):
        return None  # "pelaku dapat dihukum penjara seumur hidup" (no court named): what a law provides
    if claimant is not None:
        # "As'ad menegaskan pelaku dapat dikenai sanksi pidana", "… mengatakan AS dapat membunuh Khamenei":
        # saying one can punish or strike someone threatens them (coded below as THREATEN by the claimant)
        actor, implicit = _actor(ctx, claimant), False
    if actor is None or (implicit and rule.type != "PROTEST" and target_group is None):
        return None  # cannot attribute (or an agentless passive with no one undergoing it): do not invent
    if rule.sectors and actor.sector not in rule.sectors:
        return None
    target = _actor(ctx, target_group) if target_group else None
    if target is None and not implicit and _refine(rule, actor, actor)[0] == "FIGHT" or \
            target is None and rule.type == "ASSAULT" and rule.mode in ("attack", "shooting") and trig.voice != "passive":
        target = _struck_country(ctx, sent, trig, actor)
    if target is None and rule.type == "AID" and not implicit:
        target = _residents(ctx, sent, trig)
    if target is None and rule.mode == "condemn" and not implicit:
        target = _perpetrators(sent, trig, actor)
    if target is None and _needs_target(sent, trig, rule, implicit) \
            and not _inquiry_under_way(sent, trig, actor, implicit):
        return None  # a bare "serangan Israel" names a deed only with whom it hit; "melepaskan tembakan" acts
    if rule.type == "PROTEST" and implicit and target is None:
        target = Actor(name=None, code=(alpha3(ctx.focus) or "") + "GOV", country=ctx.focus, sector="GOV")
    if target is not None and (actor.entity_id and actor.entity_id == target.entity_id or
                               actor.name and actor.name == target.name):
        target = None
    if rule.type not in ("ASSAULT", "FIGHT"):  # those shot at are rarely the shooter's own people
        target = _public_of(ctx, actor, target)
    if target is not None and rule.mode in SUSPECT_MODES and target.sector == "CVL" and not target.entity_id:
        # "menetapkan tujuh orang sebagai tersangka", "tiga pemuda berhasil diamankan": suspects (CAMEO CRM)
        target = dataclasses.replace(target, sector="CRM", code=(alpha3(target.country) or "") + "CRM")
    type_, cameo = _refine(rule, actor, target)
    if rule.type in ARREST_TYPES and not implicit and target is not None:
        ctx.arrested_by.setdefault((rule.mode, _participant_key(target)), actor)
    if rule.type in ("ASSAULT", "CRIME") and actor_group and not implicit:
        ctx.culprit = actor_group
    elif rule.type in ARREST_TYPES and target_group:
        ctx.culprit = target_group
    denied = _denied(sent, trig)
    hypothetical = bool(set(_before(sent.words, trig.index, 4)) & classes["hypothetical"]) or requested \
        or bool(set(sent.low[:trig.index]) & classes["conditional"])  # "…, jika X, pelaku dapat dihukum …"
    if hypothetical and not requested and not negated and _unmet_condition(ctx, sent, trig):
        # "Jika tuntutan kami tidak dipenuhi, kami akan menduduki …": a threat, which is itself real
        rule = dataclasses.replace(rule, mode="conditional threat")
        type_, cameo, hypothetical = "THREATEN", "130", False
    if claimant is not None:
        rule = dataclasses.replace(rule, mode="threat of " + (rule.mode or type_.lower()))
        type_, cameo, hypothetical = "THREATEN", "130", False
    return _event(ctx, rule, type_, cameo, actor, target, sent, trig, focus_place, implicit,
                  negated=(negated and not rule.only_negated) or denied, hypothetical=hypothetical)


CONDEMNED_DEED = {"aksi", "tindakan", "perbuatan", "praktik", "keras", "tegas", "sekeras-kerasnya", "segala",
                  "bentuk", "setiap", "adanya", "terjadinya"}


def _perpetrators(sent: Sentence, trig: Trigger, actor: Actor) -> Optional[Actor]:
    """"KAI mengecam keras aksi pelemparan terhadap kereta api": condemning a deed no one is named for
    condemns those who did it (CAMEO CRM, of the condemning side's country)."""
    for k in range(trig.index + 1, min(len(sent.low), trig.index + 5)):
        word = sent.low[k]
        if word in CONDEMNED_DEED:
            continue
        if _deed_noun(word):
            return Actor(name="pelaku " + word, code=(alpha3(actor.country) or "") + "CRM",
                         country=actor.country, sector="CRM")
        return None
    return None


URGED_FILLERS = {"para", "pihak", "seluruh", "semua", "agar", "supaya", "kepada", "untuk", "segenap"}


def _urged_party(ctx: Context, trig: Trigger, target_group: list[Arg]) -> bool:
    """"mendorong pemerintah untuk …", "mendorong agar seluruh pihak …", "mendorong Presiden Prabowo …": the one
    urged follows the verb."""
    between = WORD.findall(ctx.body[trig.end:target_group[0].start]) if target_group[0].start >= trig.end else ["?"]
    return all(w.lower() in URGED_FILLERS or w[:1].isupper() for w in between)  # titles too ("Presiden")


def _public_of(ctx: Context, actor: Actor, target: Optional[Actor]) -> Optional[Actor]:
    """Civilians named with no country ("publik", "warga") are the acting state's own people
    ("Televisi pemerintah Iran menyerukan kepada publik …": Iran's public)."""
    if target is None or target.entity_id or target.sector != "CVL" or not actor.country \
            or target.country == actor.country or actor.sector == "IGO":
        return target
    if any(w.lower() in ctx.countries for w in WORD.findall(target.name or "")):
        return target  # "warga Palestina": named
    return dataclasses.replace(target, country=actor.country, code=(alpha3(actor.country) or "") + "CVL")


FORCE_TYPES = {"ASSAULT", "FIGHT", "COERCE", "SANCTION"}


def _deed_relative(sent: Sentence, trig: Trigger) -> bool:
    """The trigger opens a relative clause ("yang …") on a noun of action named just before."""
    before = sent.low[max(0, trig.index - 3):trig.index]
    if "yang" not in before:
        return False
    at = trig.index - len(before) + before.index("yang")
    # a noun of a forceful deed just before "yang", taken as a trigger or not ("mengatasiserangan beruangyang …");
    # not a statement ("ucapan Budi Arie yang menuding …" is an accusation)
    return any(_deed_noun(w) for w in sent.low[max(0, at - 3):at])


DEEDS = {"ASSAULT", "FIGHT", "COERCE", "CRIME", "MOBILIZE"}


def _deed_noun(word: str) -> bool:
    """A noun of a forceful or criminal deed ("serangan", "pelemparan"), whether taken as a trigger or not."""
    return any(voice == "nominal" and any(r.type in DEEDS for r in lexicon()[root])
               for root, voice in _candidates(word))


def _needs_target(sent: Sentence, trig: Trigger, rule: TriggerRule, implicit: bool) -> bool:
    """An event of this kind is coded only with someone it is done to."""
    if rule.type in DYADIC and rule.mode not in OPEN_CALLS:
        return not (rule.type == "THREATEN" and not implicit and _threatened_act_follows(sent, trig))
    if rule.mode in ADDRESSED_MODES or rule.mode in DONE_TO_MODES and trig.voice != "nominal":
        return True
    return rule.type == "ASSAULT" and trig.voice == "nominal" \
        and not set(_before(sent.words, trig.index, 2)) & words()["light"]


def _inquiry_under_way(sent: Sentence, trig: Trigger, actor: Actor, implicit: bool) -> bool:
    """"Polda Jatim langsung melakukan penyelidikan", "KPK telah melakukan penggeledahan": an inquiry or search
    that a named law-enforcement body runs is an event even with no one named as investigated -- not one it
    only plans ("kami juga akan dalami")."""
    return trig.rule.mode in ("investigate", "search") and not implicit and actor.sector in LAW_SECTORS \
        and not set(_before(sent.words, trig.index, 4)) & words()["hypothetical"]


def _threatened_act_follows(sent: Sentence, trig: Trigger) -> bool:
    """"Iran mengancam akan menutup Selat Hormuz": a threat of an act aimed at no party named still counts."""
    following = sent.low[trig.index + 1:trig.index + 3]
    return bool(following) and following[0] in ("akan", "untuk", "bakal") and len(following) > 1 \
        and _is_verb(following[1])


def _capable(sent: Sentence, trig: Trigger) -> bool:
    """"dapat dihukum", "bisa dengan mudah membunuh", "dapat dikenai sanksi" -- not "bisa jadi" (maybe)."""
    for k in range(trig.index - 1, max(-1, trig.index - 4), -1):
        if sent.low[k] in words()["capability"]:
            if k and sent.low[k - 1] in ("akhirnya", "sudah", "telah", "berhasil", "baru"):
                return False  # "keduanya akhirnya dapat diamankan": managed to, a fact
            if set(sent.low[max(0, k - 4):k]) & words()["deontic"]:
                return False  # "sudah seharusnya polisi bisa menangkap pelaku": what ought to be, no threat
            light = words()["light"] | words()["passive_light"] | words()["undergo"]
            if any(_is_verb(w) and w not in light for w in sent.low[k + 1:trig.index]):
                return False  # "AS dapat menghentikan serangan Israel": what can be done is another act
            return k + 1 >= len(sent.low) or sent.low[k + 1] not in ("jadi", "saja")
    return False


def _speaks_for(ctx: Context, claimant: list[Arg], actor: Actor) -> bool:
    """The one saying that force will be used speaks for its user: ""Kami akan merespons dengan tegas," kata
    X" / "X mengatakan mereka akan membalas" is a threat (PLOVER THREATEN), not a plan reported by others."""
    said = _actor(ctx, claimant)
    state = actor.entity_id is not None and (actor.entity_id.startswith("country:") or any(
        e.id == actor.entity_id and e.kind == "country" for e in ctx.analysis.entities))
    # the speaker itself, or a state's official speaking of the state or its forces ("Kami akan membalas",
    # "Araghchi mengatakan bahwa pasukan Iran akan menggempur Israel")
    forces = actor.entity_id is None and actor.sector in ("MIL", "GOV") and said.sector in ("GOV", "MIL")
    return bool(said.entity_id and said.entity_id == actor.entity_id
                or (state or forces) and said.country and said.country == actor.country)


def _claimant(ctx: Context, sent: Sentence, trig: Trigger) -> Optional[list[Arg]]:
    """Who says what the trigger reports: the subject of a speech verb before it, else the quote's speaker."""
    said = next((at for at, k in sent.bounds if k == "speech" and at < trig.start), None)
    if said is not None:
        for group in reversed([g for g in sent.groups if g[-1].end <= said and not _is_place(g)]):
            following = WORD.search(ctx.body, group[-1].end, said + 40)
            # the one who acts or speaks: a name right before a verb ("Trump menuntut … sambil membanggakan")
            if following is not None and (_is_verb(following.group(0)) or following.start() == said) \
                    and (_is_person(group) or any(a.entity is not None for a in group)):
                return group  # "Otoritas Iran mengatakan …" too: a body of a named state
    return _speaker_group(ctx, trig.start)


CONDITION = re.compile(r"[\"“']?\s*(?:jika|apabila|bila|kalau|seandainya)\b([^,;]{3,120}),", re.I)


def _asked_right_after(ctx: Context, sent: Sentence, trig: Trigger, addressee: list[Arg]) -> bool:
    """"mendesak pemerintah segera mengevakuasi …": the act right after the one asked (past adverbs) is asked for."""
    if addressee[-1].end > trig.start:
        return False
    between = [w.lower() for w in WORD.findall(ctx.body[addressee[-1].end:trig.start])]
    allowed = words()["modal_adverb"] | words()["auxiliary"] | words()["complement"] | words()["negation"]
    return not re.search(r"[,;:.]", ctx.body[addressee[-1].end:trig.start]) and all(w in allowed for w in between)


def _unmet_condition(ctx: Context, sent: Sentence, trig: Trigger) -> bool:
    """The sentence opens with a condition of not getting something, and the trigger follows it."""
    m = CONDITION.match(ctx.body, sent.start)
    if m is None or m.end() > trig.start:
        return False
    said = WORD.findall(m.group(1).lower())
    return bool(set(said) & words()["negation"]) and bool(
        set(said) & {"dipenuhi", "dikabulkan", "dituruti", "direspons", "ditanggapi", "dihentikan", "dicabut",
                     "dibebaskan", "mundur", "berhenti", "menyerah", "dipenuhinya"})


def _alleged(sent: Sentence, trig: Trigger) -> bool:
    """A crime only suspected, charged or asked to be found ("diduga menerima suap", "mendakwa X melakukan
    pencucian uang", "menuntut agar … menyatakan terdakwa terbukti … memberikan suap"):
    PLOVER codes the accusation or the charge, not the crime as a fact."""
    if set(_before(sent.words, trig.index, 8)) & words()["allegation"]:
        return True
    return any((o.rule.type == "DISAPPROVE" and o.rule.mode in ("accuse", "prosecute") or o.rule.type == "DEMAND")
               and o.index < trig.index for o in sent.triggers)


def _threatened(sent: Sentence, trig: Trigger) -> bool:
    """"mengancam akan menyerang X": the threat is the event; the act threatened is not coded apart."""
    for other in sent.triggers:
        if other.rule.type == "THREATEN" and 0 < trig.index - other.index <= 3:
            between = {w.group(0).lower() for w in sent.words[other.index + 1:trig.index]}
            if between and between <= {"akan", "untuk", "bakal", "hendak", "kembali"}:
                return True
    return False


def _struck_country(ctx: Context, sent: Sentence, trig: Trigger, actor: Actor) -> Optional[Actor]:
    """"Israel membombardir Kota Gaza", "rudal ke Tel Aviv": force used on a place of another country
    is used on that country (a city cannot act, but its state is the one at war)."""
    if trig.voice == "passive":
        return None
    end = _clause_end(sent, trig.end)
    for g in sent.groups:
        if g[0].start < trig.end or g[0].start >= end or not _is_place(g):
            continue
        country = _head(g).entity.country
        if country and country != actor.country:
            return Actor(name=_country_surface(ctx, country), code=alpha3(country), country=country)
        return None
    for g in sent.groups:  # "serangan udara Israel yang menyasar fasilitas … di wilayah Iran"
        if g[0].start >= trig.end and _head(g).entity is not None and _head(g).entity.kind == "country" \
                and AIMED_AT.search(ctx.body[max(trig.end, g[0].start - 60):g[0].start]):
            country = _actor(ctx, g).country
            if country and country != actor.country:
                return Actor(name=_country_surface(ctx, country), code=alpha3(country), country=country)
    return None


AIMED_AT = re.compile(r"\b(?:menyasar|menargetkan|mengincar|menghantam|menggempur)\b(?:\s+\S+){0,6}?\s+"
                      r"(?:(?:di\s+)?(?:wilayah|negara|kota|tanah)\s*)?$|\b(?:di\s+)?wilayah\s*$"
                      r"|^\s*(?:\S+\s+){0,3}?ke\s+(?:\S+\s+){0,4}?di\s*$", re.I)   # "… ke berbagai lokasi di Iran"


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


PRIVATE_SECTORS = {None, "CRM", "CVL", "BUS", "EDU", "PTY"}


def _antecedent(ctx: Context, sent: Sentence, group: Optional[list[Arg]]) -> Optional[list[Arg]]:
    """A bare role noun ("pelaku", "tersangka", "pria itu") -> the person it refers back to.

    The person the article titles with that noun, else the culprit of the deed reported before, else the
    nearest earlier person noun ("seorang pria"); plural or named roles ("empat tersangka", "tersangka YI")
    stay as they are.
    """
    if not group or len(group) != 1 or not group[0].collective:
        return group
    arg = group[0]
    classes = words()
    noun = arg.text.lower().split()[-1]  # "yang bersangkutan": the person concerned
    if noun in classes["victim_anaphor"] and not re.match(r"\s+(?:itu|tersebut)?\s*(?:berinisial|bernama|,|[A-Z])",
                                                          ctx.body[arg.end:arg.end + 30]):
        before = WORD.findall(ctx.body[max(0, arg.start - 25):arg.start])[-1:]
        if not (before and (before[0].isdigit() or before[0].lower() in classes["plural"])):
            return _victim(ctx, sent, arg) or group
        return group
    if noun in classes["office"] and re.match(r"\s+(?:itu|tersebut)\b", ctx.body[arg.end:arg.end + 12]):
        return _office_holder(ctx, sent, arg, noun) or group  # "Presiden itu": the president named before
    if noun not in classes["role_anaphor"] and not (
            noun in classes["person_noun"] and re.match(r"\s+(?:itu|tersebut|ini)\b", ctx.body[arg.end:arg.end + 12])):
        return group
    before = WORD.findall(ctx.body[max(0, arg.start - 25):arg.start])[-1:]
    if before and (before[0].isdigit() or before[0].lower() in classes["plural"]):
        return _culprit_band(ctx, arg) or group
    after = ctx.body[arg.end:arg.end + 40]
    if re.match(r"\s+(?:berinisial\s+|bernama\s+|,\s*)?[A-Z]", after):
        return group  # named right there
    titled = _titled_person(ctx, noun)
    if titled is not None:
        return titled  # "Terdakwa meminta …" where the article writes "Terdakwa Zarof Ricar"
    if ctx.culprit is not None and ctx.culprit[-1].end <= arg.start and ctx.culprit is not group:
        return ctx.culprit  # the doer of the deed reported, or the one arrested for it
    earlier = [g for g in ctx.groups_before + sent.groups if g[-1].end <= arg.start]
    # (No fall-back to the nearest private person named: in reported speech that is as often the witness
    # quoted as the culprit.)
    for g in reversed(earlier):
        if len(g) == 1 and g[0].collective and g[0].text.lower() in classes["person_noun"]:
            return g
    return group


def _titled_person(ctx: Context, noun: str) -> Optional[list[Arg]]:
    """The one person the article titles with the role noun ("Terdakwa Zarof Ricar", "tersangka Budi")."""
    counts = []
    for e in ctx.analysis.entities:
        if e.type != "PER" or not e.mentions:
            continue
        n = sum(noun in WORD.findall(_title_before(ctx.body, m.start).lower()) for m in e.mentions)
        if n:
            counts.append((n, e))
    counts.sort(key=lambda c: -c[0])
    if not counts or len(counts) > 1 and counts[1][0] == counts[0][0]:
        return None  # no one, or two people as often so titled: the noun does not pick one
    found = counts[0][1]
    m = found.mentions[0]
    return [Arg(m.text, m.start, m.end, entity=found)]


def _victim(ctx: Context, sent: Sentence, arg: Arg) -> Optional[list[Arg]]:
    """"korban" -> the nearest earlier private person who is not the culprit."""
    culprit = _head(ctx.culprit).entity if ctx.culprit else None
    earlier = [g for g in ctx.groups_before + sent.groups if g[-1].end <= arg.start]
    for g in reversed(earlier):
        head = _head(g)
        if head.entity is not None and head.entity.type == "PER" and head.entity is not culprit \
                and _actor(ctx, g).sector in PRIVATE_SECTORS | {"REB"}:
            return g
    return None


def _office_holder(ctx: Context, sent: Sentence, arg: Arg, office: str) -> Optional[list[Arg]]:
    """The nearest earlier person whose title or role names ``office``."""
    earlier = [g for g in ctx.groups_before + sent.groups if g[-1].end <= arg.start]
    for g in reversed(earlier):
        head = _head(g)
        if head.entity is None or head.entity.type != "PER":
            continue
        titles = " ".join([head.entity.role or ""] + [_title_before(ctx.body, m.start) for m in head.entity.mentions[:3]]
                          + [_title_before(ctx.body, g[0].start)])
        if office in titles.lower().split():
            return g
    return None


def _culprit_band(ctx: Context, arg: Arg) -> Optional[list[Arg]]:
    """"para pelaku" after an armed band's deed: the band ("KKB menembaki … memukul mundur para pelaku")."""
    if ctx.culprit is None or ctx.culprit[-1].end > arg.start:
        return None
    head = _head(ctx.culprit)
    if head.entity is not None and head.entity.type == "PER" or head.collective and head.sector != "REB":
        return None
    return ctx.culprit if _actor(ctx, ctx.culprit).sector == "REB" else None


def _refine(rule: TriggerRule, actor: Actor, target: Optional[Actor]) -> tuple[str, Optional[str]]:
    """An attack between states or armed forces is FIGHT (conventional force), not ASSAULT."""
    if rule.type == "ASSAULT" and rule.mode in ("attack", "shooting") and target is not None \
            and actor.sector in STATE_SECTORS and target.sector in STATE_SECTORS and actor.country \
            and target.country and actor.country != target.country:
        return "FIGHT", "190"
    if rule.type == "COERCE" and rule.mode in FORCIBLE_MODES and target is not None and actor.sector == "MIL" \
            and target.sector == "MIL" and actor.country and target.country and actor.country != target.country:
        return "FIGHT", "190"  # "tentara … mengusir pasukan Ukraina": armed forces driving out others' is combat
    return rule.type, rule.cameo


FORCIBLE_MODES = {"expel", "expulsion"}


def _denied(sent: Sentence, trig: Trigger) -> bool:
    denial = words()["denial"]
    return any(w.group(0).lower() in denial for w in sent.words[:trig.index])


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


def _add(events: list[tuple[Event, bool]], event: Event, stated: bool, persons: frozenset[str]) -> None:
    """One event per (actor, type, target); dates keep two apart only when both sentences state them."""
    for known, known_stated in events:
        if known.type == event.type and _same(known.actor, event.actor, persons) \
                and _same(known.target, event.target, persons):
            if known.date != event.date and known_stated and stated:
                continue
            known.mentions.append(event.trigger)
            return
    events.append((event, stated))


def _participant_key(actor: Optional[Actor]) -> Optional[str]:
    return None if actor is None else actor.entity_id or actor.name


def _same(a: Optional[Actor], b: Optional[Actor], persons: frozenset[str] = frozenset()) -> bool:
    """The same participant: one entity, or bodies with one code ("Kejati Jabar" / "Kejaksaan Tinggi …")."""
    if a is None or b is None:
        return a is None and b is None
    if a.entity_id and a.entity_id == b.entity_id:
        return True
    if a.code and a.code == b.code and a.sector not in (None, "CRM", "CVL") and a.name and b.name \
            and a.entity_id not in persons and b.entity_id not in persons:
        return True
    if a.entity_id or b.entity_id:
        return False
    return (a.name or a.code) == (b.name or b.code)



def _event(ctx: Context, rule: TriggerRule, type_: str, cameo: Optional[str], actor: Actor,
           target: Optional[Actor], sent: Sentence, trig: Trigger, focus_place: Optional[Place], implicit: bool,
           negated: bool, hypothetical: bool) -> tuple[Event, bool]:
    analysis, body = ctx.analysis, ctx.body
    name_g = cameo_table().get(cameo or "", (None, None))
    quote = _quote_at(analysis.quotes, trig.start)
    date, stated = _date(analysis, sent.start, sent.end)
    event = Event(
        type=type_, mode=rule.mode or None, cameo=cameo, goldstein=name_g[1],
        quad_class=QUAD.get((cameo or "")[:2]), actor=actor, target=target,
        trigger=Mention(body[trig.start:trig.end], trig.start, trig.end),
        sentence=Mention(body[sent.start:sent.end], sent.start, sent.end),
        location=_location(analysis, sent.start, sent.end) or focus_place,
        date=date, size=_size(analysis, sent.start, sent.end),
        negated=negated, hypothetical=hypothetical,
        source=quote.speaker if quote else None,
        confidence=round(0.75 - (0.25 if implicit else 0) - (0.1 if actor.entity_id is None else 0), 2),
        mentions=[Mention(body[trig.start:trig.end], trig.start, trig.end)])
    return event, stated


def _quote_at(quotes: list[Quote], pos: int) -> Optional[Quote]:
    return next((q for q in quotes if q.start <= pos < q.end), None)


def _location(analysis: Analysis, start: int, end: int) -> Optional[Place]:
    for e in analysis.entities:
        if e.type == "LOC" and e.kind != "seat-of-government" and any(start <= m.start < end for m in e.mentions):
            return Place(e.name, e.country, e.lat, e.lon)
    return None


def _date(analysis: Analysis, start: int, end: int) -> tuple[Optional[str], bool]:
    for t in analysis.times:
        if start <= t.start < end and t.type in ("DATE", "TIME") and re.match(r"\d{4}", t.value or "") \
                and not getattr(t, "field", None):
            return (t.value[:10] if t.type == "TIME" else t.value), True
    published = analysis.article.published
    return (published[:10] if published else None), False


def _size(analysis: Analysis, start: int, end: int) -> Optional[float]:
    for q in analysis.quantities:
        unit = (q.unit or "").split(" ")[0].lower()
        if start <= q.start < end and unit in PEOPLE_UNITS:
            return q.value
    return None
