"""Bylines: ``Rep: X/ Red: Y``, ``Reporter: … | Editor: …``, ``Penulis``,
``X -detikFinance``, several names separated by commas or ``dan``;
``Laporan Wartawan Tribunnews.com, X``; a byline sharing its line with the
date (``X, Jurnalis-Senin, 16 Juni 2025 |15:20 WIB``, ``Oleh: X - 3 Juli 2025``).

Each name gets a role: reporter, editor, writer, photographer, contributor.
"""
from __future__ import annotations

import re
from typing import Optional

from warta.outlets import OUTLETS, Outlet
from warta.records import Author

# Role words as outlets print them -> role.
ROLE_WORDS: dict[str, str] = {
    "rep": "reporter", "reporter": "reporter", "wartawan": "reporter", "jurnalis": "reporter",
    "pewarta": "reporter", "koresponden": "reporter", "laporan": "reporter",
    "red": "editor", "redaktur": "editor", "editor": "editor", "penyunting": "editor", "penyunting bahasa": "editor",
    "penulis": "writer", "writer": "writer", "author": "writer", "oleh": "writer", "by": "writer",
    "foto": "photographer", "fotografer": "photographer", "pewarta foto": "photographer",
    "photographer": "photographer", "videografer": "photographer",
    "kontributor": "contributor", "contributor": "contributor",
}
_ROLE_ALT = "|".join(sorted((re.escape(w) for w in ROLE_WORDS), key=len, reverse=True))
# Role phrases that open a byline and end in a comma rather than a colon:
# "Laporan Wartawan Tribunnews.com, Nama", "Kontributor Bandung, Nama".
ROLE_PHRASES: tuple[tuple[str, str], ...] = (
    (r"laporan\s+(?:wartawan|reporter|koresponden)(?:\s+[\w.-]+){0,2}\s*,", "reporter"),
    (r"laporan\s+kontributor(?:\s+[\w.-]+){0,3}\s*,", "contributor"),
    (r"kontributor\s+[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+){0,2}\s*,", "contributor"),
)
PHRASED = tuple((re.compile(rf"^\s*{p}\s*(?P<names>\S.*)$", re.I), role) for p, role in ROLE_PHRASES)
# A byline and the date on one line: "Nama, Jurnalis-Senin, 16 Juni 2025 |15:20 WIB"
# (Okezone), "Oleh: Nama - 3 Juli 2025 19:30 WIB" (Tirto).  Group ``byline``
# is the byline text, ``date`` the date string.
_DAY = r"(?:Senin|Selasa|Rabu|Kamis|Jum'?at|Sabtu|Minggu|Ahad)"
DATED_BYLINES: tuple[re.Pattern, ...] = tuple(re.compile(p, re.I) for p in (
    rf"^(?P<byline>[^,|]{{2,80}}?)\s*,\s*(?P<role>Jurnalis|Wartawan|Reporter)\s*-\s*(?P<date>{_DAY}.*\d{{4}}.*)$",
    rf"^(?P<byline>(?:Oleh|Penulis|Reporter)\s*:?\s*[^|]{{2,80}}?)\s+[-–|·]\s+(?P<date>(?:{_DAY},?\s*)?\d{{1,2}}[ /].*\d{{4}}.*)$",
))
# "Rep: X", "Reporter : X", "Penulis X" (a role word before a capitalised name).
LABELLED = re.compile(rf"^\s*(?P<label>{_ROLE_ALT})\s*(?::|\s(?=[A-Z]))\s*(?P<names>.*)$", re.I)
SEGMENT_SPLIT = re.compile(r"\s*[/|;]\s*")
NAME_SPLIT = re.compile(r"\s*(?:,|&|\bdan\b|\band\b)\s*")
# Desk suffixes and other tails after a name: "-detikNews", "- Sport", "(kha)".
GENERIC_TAIL = re.compile(r"\s*(?:-\s*(?:detik\w*|20detik|Sport|Sepakbola)|\([^)]*\))\s*$", re.I)
# Agencies and outlets whose name in a byline credits the source, not a person.
AGENCIES = {"antara": "Antara", "reuters": "Reuters", "ap": "AP", "afp": "AFP", "xinhua": "Xinhua",
            "bloomberg": "Bloomberg", "anadolu": "Anadolu", "kyodo": "Kyodo", "yonhap": "Yonhap", "bbc": "BBC",
            "abc australia": "ABC Australia", "deutsche welle": "DW", "dw": "DW", "dw indonesia": "DW",
            "voa": "VOA", "sputnik": "Sputnik", "tass": "TASS", "aljazeera": "Al Jazeera", "al jazeera": "Al Jazeera"}
AGENCIES.update({o.name.lower(): o.name for o in OUTLETS})


def clean_name(name: str, outlet: Optional[Outlet] = None) -> str:
    name = name.replace("\xa0", " ").strip(" \t-–,.:;")
    suffix = outlet.rx("desk_suffix") if outlet else None
    if suffix:
        name = suffix.sub("", name)
    name = GENERIC_TAIL.sub("", name)
    name = re.sub(r"\s+", " ", name).strip(" -–,")
    if name.islower():
        # "prih febriani": a byline typed without capitals.
        name = " ".join(w[:1].upper() + w[1:] for w in name.split(" "))
    return _TEAM.sub("Tim ", name)


_TEAM = re.compile(r"^tim\s+", re.I)


def dated_byline(line: str) -> Optional[tuple[str, str, Optional[str]]]:
    """(byline, date string, role word) when a header line holds both, else None."""
    for rx in DATED_BYLINES:
        m = rx.match(line.replace("\xa0", " ").strip())
        if m:
            return m.group("byline").strip(), m.group("date").strip(), m.groupdict().get("role")
    return None


def _is_name(name: str) -> bool:
    return bool(name) and any(c.isalpha() for c in name) and len(name) <= 80


def split_credits(authors: list[Author], outlet: Optional[Outlet]) -> tuple[list[Author], list[str]]:
    """Move agency/other-outlet credits (``Antara -detikTravel``) from authors to wire.

    The outlet's own name (``Tempo.co`` on Tempo) stays: it is a staff byline.
    """
    people, wire = [], []
    own = {outlet.name.lower(), *outlet.domains} if outlet else set()
    for author in authors:
        key = author.name.lower()
        if key in AGENCIES and key not in own and AGENCIES[key].lower() not in own:
            wire.append(AGENCIES[key])
        else:
            people.append(author)
    return people, wire


def parse_byline(text: Optional[str], outlet: Optional[Outlet] = None, default_role: str = "writer") -> list[Author]:
    """Authors with roles from a byline string (empty list when there is none)."""
    if not text or not text.strip():
        return []
    text = text.replace("\xa0", " ").strip()
    if outlet is not None and outlet.byline_role and default_role == "writer":
        default_role = outlet.byline_role
    dated = dated_byline(text)
    if dated:
        text = dated[0]
        if dated[2] and not LABELLED.match(text):
            default_role = ROLE_WORDS.get(dated[2].lower(), default_role)
    authors: list[Author] = []
    unlabelled: list[str] = []
    for segment in SEGMENT_SPLIT.split(text):
        role, names = _labelled(segment)
        inner = _phrased(names) if role else None
        if inner:  # "Penulis: Kontributor Bandung, Nama": the inner phrase is more specific
            role, names = inner
        for raw in NAME_SPLIT.split(names):
            name = clean_name(raw, outlet)
            if not _is_name(name):
                continue
            if role:
                authors.append(Author(name, role))
            else:
                unlabelled.append(name)
    roles = outlet.author_roles if outlet and len(unlabelled) == len(outlet.author_roles) > 1 else ()
    for i, name in enumerate(unlabelled):
        authors.append(Author(name, roles[i] if roles else default_role))
    return _dedupe(authors)


def _phrased(segment: str) -> Optional[tuple[str, str]]:
    for rx, role in PHRASED:
        m = rx.match(segment)
        if m:
            return role, m.group("names")
    return None


def _labelled(segment: str) -> tuple[Optional[str], str]:
    """(role, names) of one byline segment; role None when it carries no label."""
    phrased = _phrased(segment)
    if phrased:
        return phrased
    m = LABELLED.match(segment)
    if m:
        return ROLE_WORDS[m.group("label").lower()], m.group("names")
    return None, segment


def _dedupe(authors: list[Author]) -> list[Author]:
    seen: set[tuple[str, str]] = set()
    out = []
    for a in authors:
        key = (a.name.lower(), a.role)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


# A line naming only a role and a newsroom, under a bare name line:
# "Wartawan BBC News Indonesia", "Koresponden VOA di Washington".
ROLE_LINE = re.compile(r"^(?i:(?P<label>wartawan|reporter|koresponden|jurnalis|kontributor|penulis|editor))\s+"
                       r"[A-Z][\w.-]*(?:\s+(?:[A-Z][\w.-]*|di|untuk)){0,5}$")


def role_line(line: str) -> Optional[str]:
    """The role a ``Wartawan BBC News Indonesia`` line gives the name above it, else None."""
    m = ROLE_LINE.match(line.strip())
    return ROLE_WORDS[m.group("label").lower()] if m else None


def looks_like_byline(line: str) -> bool:
    """A header line that is a labelled byline (``Rep: …``, ``Penulis: …``)."""
    line = line.strip()
    if len(line) >= 200:
        return False
    if any(rx.match(line) for rx, _ in PHRASED):
        return True
    segments = SEGMENT_SPLIT.split(line)
    matches = [LABELLED.match(s) for s in segments if s]
    return bool(matches) and all(m and ":" in m.group(0) and m.group("names").strip() for m in matches)
