"""Bylines: ``Rep: X/ Red: Y``, ``Reporter: … | Editor: …``, ``Penulis``,
``X -detikFinance``, several names separated by commas or ``dan``.

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
# "Rep: X", "Reporter : X", "Penulis X" (a role word before a capitalised name).
LABELLED = re.compile(rf"^\s*(?P<label>{_ROLE_ALT})\s*(?::|\s(?=[A-Z]))\s*(?P<names>.*)$", re.I)
SEGMENT_SPLIT = re.compile(r"\s*[/|;]\s*")
NAME_SPLIT = re.compile(r"\s*(?:,|&|\bdan\b|\band\b)\s*")
# Desk suffixes and other tails after a name: "-detikNews", "- Sport", "(kha)".
GENERIC_TAIL = re.compile(r"\s*(?:-\s*(?:detik\w*|20detik|Sport|Sepakbola)|\([^)]*\))\s*$", re.I)
# Agencies and outlets whose name in a byline credits the source, not a person.
AGENCIES = {"antara": "Antara", "reuters": "Reuters", "ap": "AP", "afp": "AFP", "xinhua": "Xinhua",
            "bloomberg": "Bloomberg", "anadolu": "Anadolu", "kyodo": "Kyodo", "yonhap": "Yonhap", "bbc": "BBC"}
AGENCIES.update({o.name.lower(): o.name for o in OUTLETS})


def clean_name(name: str, outlet: Optional[Outlet] = None) -> str:
    name = name.replace("\xa0", " ").strip(" \t-–,.:;")
    suffix = outlet.rx("desk_suffix") if outlet else None
    if suffix:
        name = suffix.sub("", name)
    name = GENERIC_TAIL.sub("", name)
    return re.sub(r"\s+", " ", name).strip(" -–,")


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
    authors: list[Author] = []
    unlabelled: list[str] = []
    for segment in SEGMENT_SPLIT.split(text.strip()):
        m = LABELLED.match(segment)
        role = ROLE_WORDS[m.group("label").lower()] if m else None
        names = m.group("names") if m else segment
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


def _dedupe(authors: list[Author]) -> list[Author]:
    seen: set[tuple[str, str]] = set()
    out = []
    for a in authors:
        key = (a.name.lower(), a.role)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def looks_like_byline(line: str) -> bool:
    """A header line that is a labelled byline (``Rep: …``, ``Penulis: …``)."""
    segments = SEGMENT_SPLIT.split(line.strip())
    matches = [LABELLED.match(s) for s in segments if s]
    return len(line) < 200 and bool(matches) and all(m and ":" in m.group(0) and m.group("names").strip()
                                                     for m in matches)
