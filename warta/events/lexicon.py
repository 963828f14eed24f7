"""The event lexicon and word tables as data: trigger rules, closed word classes, CAMEO codes, actor
sectors.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

from warta.records import Entity


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
    blame: bool = False                   # a noun of wrongdoing in someone's words: they accuse its doer


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
                           cameo or None, noun=pos in ("n", "blame"), only_negated=pos == "neg",
                           exclude=re.compile(rf"(?:{exclude})", re.I) if exclude else None,
                           sectors=frozenset(s for s in sectors_.split("|") if s), agent_noun=pos == "agent",
                           modal=pos == "modal", blame=pos == "blame")
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
