"""Event coding: who did what to whom, where and when (PLOVER types, CAMEO codes).

Per sentence: find triggers from the lexicon (``warta/data/events_lexicon.tsv``)
through Indonesian morphology (``warta.morphology``: ``menarik``/``ditarik``/
``penarikan`` are one action), then fill the roles from the analysis already
done: actors and targets from entity mentions and collective nouns (passive
``di-``: the subject is the target, ``oleh X`` the actor), the date from the
sentence's time expressions, the size from its quantities, the speaker when
the sentence is a quote.  A trigger whose actor cannot be attributed is not
coded (no invented events).  One event per (actor, type, target, date).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

from warta.morphology import analyse
from warta.records import Actor, Analysis, Entity, Event, Mention, Place, Quote

WORD = re.compile(r"\w+(?:-\w+)*")
NEGATIONS = {"tidak", "tak", "bukan", "belum", "tanpa", "enggan", "batal", "gagal"}
HYPOTHETICAL = {"akan", "berencana", "rencana", "jika", "bila", "apabila", "kalau", "ingin", "hendak", "bakal",
                "harus", "mungkin", "siap", "mengancam", "terancam", "seandainya", "diminta", "meminta"}
COMPLEMENT = {"untuk", "agar", "supaya"}        # "meminta X untuk mengirimkan": a request, not a deed
CIRCUMSTANCE = {"atas", "dengan", "karena", "terkait", "soal", "tentang", "dugaan", "kasus", "akibat", "selama",
                "saat", "ketika", "usai", "setelah", "sebelum", "pasca", "di", "dalam"}
LIGHT_VERBS = {"mulai", "memulai", "melakukan", "menggelar", "mengadakan", "melaksanakan", "proses", "fase",
               "lanjutkan", "melanjutkan", "menyelesaikan", "selesai"}
PLURAL_PRONOUNS = {"mereka"}
PEOPLE_UNITS = {"orang", "pasukan", "personel", "prajurit", "tentara", "aktivis", "demonstran", "pengunjuk",
                "warga", "mahasiswa", "tahanan", "jiwa", "peserta", "massa", "polisi", "anggota"}
QUAD = {**{f"{i:02d}": 1 for i in range(1, 5)}, **{f"{i:02d}": 2 for i in range(5, 9)},
        **{f"{i:02d}": 3 for i in range(9, 14)}, **{f"{i:02d}": 4 for i in range(14, 21)}}


@dataclass(frozen=True)
class TriggerRule:
    root: str
    second: Optional[str]       # a literal word that must follow ("sambut baik")
    objects: frozenset[str]     # roots, one of which must follow within the window
    type: str
    mode: str
    cameo: Optional[str]
    noun: bool = False                   # a noun trigger: an event only under a light verb
    exclude: Optional[re.Pattern] = None  # surface forms that are not this action


@dataclass
class Arg:
    """A participant candidate: an entity mention or a collective noun."""

    text: str
    start: int
    end: int
    entity: Optional[Entity] = None
    sector: Optional[str] = None
    collective: bool = False


def _rows(name: str) -> list[list[str]]:
    text = resources.files("warta.data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def lexicon() -> dict[str, list[TriggerRule]]:
    rules: dict[str, list[TriggerRule]] = {}
    for row in _rows("events_lexicon.tsv"):
        row += [""] * (7 - len(row))
        trigger, objects, type_, mode, cameo, pos, exclude = row[:7]
        root, _, second = trigger.partition(" ")
        rule = TriggerRule(root, second or None, frozenset(o for o in objects.split("|") if o), type_, mode,
                           cameo or None, noun=pos == "n",
                           exclude=re.compile(rf"(?:{exclude})", re.I) if exclude else None)
        rules.setdefault(root, []).append(rule)
    return rules


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, tuple[str, float]]:
    return {code: (name, float(g)) for code, name, g in _rows("cameo.tsv")}


@lru_cache(maxsize=1)
def sectors() -> list[tuple[re.Pattern, str, bool]]:
    out = []
    for row in _rows("actor_sectors.tsv"):
        word, sector = row[0], row[1]
        kind = row[2] if len(row) > 2 else ""
        out.append((re.compile(rf"\b{re.escape(word)}\b", re.I), sector, kind == "collective"))
    return out


@lru_cache(maxsize=1)
def igos() -> dict[str, str]:
    return {name: code for name, code in _rows("igos.tsv")}


@lru_cache(maxsize=512)
def alpha3(alpha2: Optional[str]) -> Optional[str]:
    if not alpha2:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha2.upper())
    return country.alpha_3 if country else None


# ------------------------------------------------------------- sentences ---

def _sentences(analysis: Analysis, nlp_doc) -> list[tuple[int, int]]:
    if nlp_doc is not None and getattr(nlp_doc, "sentences", None):
        return [(s.start, s.end) for s in nlp_doc.sentences]
    body = analysis.article.body
    spans, start = [], 0
    for m in re.finditer(r"(?<=[.!?])[\"”]?\s+(?=[A-Z\"“])|\n\n", body):
        spans.append((start, m.start() + (1 if body[m.start()] in "\"”" else 0)))
        start = m.end()
    spans.append((start, len(body)))
    return [s for s in spans if s[1] > s[0]]


def _args(body: str, start: int, end: int, analysis: Analysis) -> list[Arg]:
    args = [Arg(m.text, m.start, m.end, entity=e) for e in analysis.entities for m in e.mentions
            if start <= m.start and m.end <= end]
    taken = [(a.start, a.end) for a in args]
    for pattern, sector, collective in sectors():
        if not collective:
            continue
        for m in pattern.finditer(body, start, end):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                args.append(Arg(m.group(0), m.start(), m.end(), sector=sector, collective=True))
                taken.append((m.start(), m.end()))
    return sorted(args, key=lambda a: a.start)


def _groups(body: str, args: list[Arg]) -> list[list[Arg]]:
    """Adjacent arguments that form one noun phrase ("Presiden Rusia Vladimir Putin")."""
    groups: list[list[Arg]] = []
    for arg in args:
        if groups:
            gap = body[groups[-1][-1].end:arg.start]
            words = WORD.findall(gap)
            if len(words) <= 3 and "," not in gap and "(" not in gap.strip()[:1] \
                    and not any(_is_verb(w) for w in words):
                groups[-1].append(arg)
                continue
            if gap.strip() in ("(", ")", ") (") or re.fullmatch(r"\s*\(\s*", gap):
                groups[-1].append(arg)
                continue
        groups.append([arg])
    return groups


def _is_verb(word: str) -> bool:
    w = word.lower()
    return len(w) > 4 and w.startswith(("me", "di", "ber", "ter")) and w not in {"departemen", "dewan", "direktur"}


def _head(group: list[Arg]) -> Arg:
    for label in ("PER", "ORG"):
        for arg in group:
            if arg.entity is not None and arg.entity.type == label:
                return arg
    return group[0]


# -------------------------------------------------------------- triggers ---

def _triggers(body: str, start: int, end: int):
    words = list(WORD.finditer(body, start, end))
    rules = lexicon()
    for i, word in enumerate(words):
        for root, voice in analyse(word.group(0)).items():
            for rule in rules.get(root, ()):
                if rule.exclude and rule.exclude.match(body, word.start()):
                    continue
                if rule.second and (i + 1 >= len(words) or words[i + 1].group(0).lower() != rule.second):
                    continue
                if rule.objects and not _object_follows(words[i + 1:i + 13], rule.objects):
                    continue
                end_at = words[i + 1].end() if rule.second else word.end()
                yield i, words, word.start(), end_at, rule, "nominal" if rule.noun and voice == "active" \
                    and not word.group(0).lower().startswith(("ber", "me")) else voice
                break
            else:
                continue
            break


def _object_follows(words, objects: frozenset[str]) -> bool:
    return any(objects & set(analyse(w.group(0))) for w in words)


def _before(words, i: int, n: int) -> list[str]:
    return [w.group(0).lower() for w in words[max(0, i - n):i]]


# ---------------------------------------------------------------- actors ---

def _actor(body: str, group: Optional[list[Arg]], focus: Optional[str]) -> Optional[Actor]:
    if not group:
        return None
    head = _head(group)
    country = _country(group, focus)
    name = head.entity.name if head.entity else head.text
    text = " ".join(a.text for a in group) + " " + _title_before(body, group[0].start) + " " \
        + (head.entity.role or "" if head.entity else "")
    if head.entity is not None and head.entity.type == "LOC":
        sector = "GOV" if head.entity.kind == "seat-of-government" or _used_as_actor(head) else None
    else:
        sector = head.sector or _sector(text)
    igo = _igo(group)
    code = igo or ((alpha3(country) or "") + (sector or "")) or None
    return Actor(name=name, entity_id=head.entity.id if head.entity else None, code=code,
                 country=None if igo else country, sector="IGO" if igo else sector)


def _title_before(body: str, start: int) -> str:
    """Up to four words right before a name, within its clause: its title or office."""
    window = re.split(r"[.,;:\"“”()]", body[max(0, start - 60):start])[-1]
    return " ".join(WORD.findall(window)[-4:])


def _used_as_actor(arg: Arg) -> bool:
    return arg.entity is not None and arg.entity.kind in ("country", "seat-of-government")


def _country(group: list[Arg], focus: Optional[str]) -> Optional[str]:
    for arg in group:
        if arg.entity is not None and arg.entity.country:
            return arg.entity.country
    return focus


def _sector(text: str) -> Optional[str]:
    for pattern, sector, _ in sectors():
        if pattern.search(text):
            return sector
    return None


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
    for e in analysis.entities:
        if e.type == "LOC" and e.country:
            counts[e.country] = counts.get(e.country, 0) + len(e.mentions)
    return max(counts, key=counts.get) if counts else None


def _focus_place(analysis: Analysis) -> Optional[Place]:
    best = None
    for e in analysis.entities:
        if e.type == "LOC" and e.kind != "seat-of-government" and (best is None or len(e.mentions) > len(best.mentions)):
            best = e
    return Place(best.name, best.country, best.lat, best.lon) if best else None


# ----------------------------------------------------------------- coder ---

def find_events(analysis: Analysis, nlp_doc=None) -> list[Event]:
    body = analysis.article.body
    focus = _focus_country(analysis)
    focus_place = _focus_place(analysis)
    events: dict[tuple, Event] = {}
    last_org: Optional[list[Arg]] = None
    for s_start, s_end in _sentences(analysis, nlp_doc):
        args = _args(body, s_start, s_end, analysis)
        groups = _groups(body, args)
        demand_seen = False
        for i, words, t_start, t_end, rule, voice in _triggers(body, s_start, s_end):
            before = _before(words, i, 3)
            if voice == "nominal" and not (set(_before(words, i, 3)) & LIGHT_VERBS):
                if set(before[-2:]) & CIRCUMSTANCE or not _is_clause_head(words, i):
                    continue
            if demand_seen and set(before[-2:]) & COMPLEMENT:
                continue  # the requested act of a DEMAND, not a deed of its own
            actor_group, target_group, implicit = _roles(body, groups, words, i, t_start, t_end, voice, last_org)
            if actor_group is None and not implicit:
                continue  # cannot attribute: do not invent
            actor = _actor(body, actor_group, focus) if actor_group else _implicit_actor(rule, focus)
            target = _actor(body, target_group, focus) if target_group else None
            if actor is None or (target is not None and actor.code and actor.code == target.code
                                 and actor.name == target.name):
                continue
            event = _event(analysis, rule, actor, target, body, words, i, t_start, t_end, s_start, s_end,
                           focus_place, implicit)
            key = (actor.code or actor.name, event.type, target.code or target.name if target else None, event.date)
            if key in events:
                events[key].mentions.append(event.trigger)
            else:
                events[key] = event
            demand_seen |= rule.type == "DEMAND"
        orgs = [g for g in groups if _head(g).entity is not None and _head(g).entity.type == "ORG"]
        last_org = orgs[-1] if orgs else last_org
    return list(events.values())


def _is_clause_head(words, i: int) -> bool:
    """A nominal trigger at the start of its clause ("Penarikan pasukan dimulai …")."""
    return i == 0 or words[i - 1].group(0)[0].isupper() and i == 1


def _roles(body, groups, words, i, t_start, t_end, voice, last_org):
    before = [g for g in groups if g[-1].end <= t_start]
    after = [g for g in groups if g[0].start >= t_end]
    clause_before = [g for g in before if "," not in body[g[-1].end:t_start] or len(before) == 1]
    if voice == "passive":
        agent = [g for g in after if re.search(r"\boleh\s*$", body[t_end:g[0].start])]
        target = clause_before[-1] if clause_before else None
        return (agent[0] if agent else None), target, not agent
    subject = clause_before[0] if clause_before else (before[0] if before else None)
    if subject is None:
        pronoun = next((w for w in reversed(words[:i]) if w.group(0).lower() in PLURAL_PRONOUNS), None)
        subject = last_org if pronoun is not None else None
    entity_after = [g for g in after if _head(g).entity is not None]
    target = (entity_after or after or [None])[0]
    return subject, target, False


def _implicit_actor(rule: TriggerRule, focus: Optional[str]) -> Optional[Actor]:
    """Passive arrests and detentions without ``oleh``: the state's authorities."""
    if rule.type != "COERCE" or not focus:
        return None
    return Actor(name=None, code=(alpha3(focus) or "") + "GOV", country=focus, sector="GOV")


def _event(analysis: Analysis, rule: TriggerRule, actor: Actor, target: Optional[Actor], body: str, words, i: int,
           t_start: int, t_end: int, s_start: int, s_end: int, focus_place: Optional[Place], implicit: bool) -> Event:
    name_g = cameo_table().get(rule.cameo or "", (None, None))
    before = set(_before(words, i, 4))
    quote = _quote_at(analysis.quotes, t_start)
    return Event(
        type=rule.type, mode=rule.mode or None, cameo=rule.cameo, goldstein=name_g[1],
        quad_class=QUAD.get((rule.cameo or "")[:2]), actor=actor, target=target,
        trigger=Mention(body[t_start:t_end], t_start, t_end),
        sentence=Mention(body[s_start:s_end], s_start, s_end),
        location=_location(analysis, s_start, s_end) or focus_place,
        date=_date(analysis, s_start, s_end), size=_size(analysis, s_start, s_end),
        negated=bool(before & NEGATIONS), hypothetical=bool(before & HYPOTHETICAL),
        source=quote.speaker if quote else None,
        confidence=round(0.75 - (0.25 if implicit else 0) - (0.1 if actor.entity_id is None else 0), 2),
        mentions=[Mention(body[t_start:t_end], t_start, t_end)])


def _quote_at(quotes: list[Quote], pos: int) -> Optional[Quote]:
    return next((q for q in quotes if q.start <= pos < q.end), None)


def _location(analysis: Analysis, start: int, end: int) -> Optional[Place]:
    for e in analysis.entities:
        if e.type == "LOC" and e.kind != "seat-of-government" and any(start <= m.start < end for m in e.mentions):
            return Place(e.name, e.country, e.lat, e.lon)
    return None


def _date(analysis: Analysis, start: int, end: int) -> Optional[str]:
    for t in analysis.times:
        if start <= t.start < end and t.type in ("DATE", "TIME") and re.match(r"\d{4}", t.value or ""):
            return t.value[:10] if t.type == "TIME" else t.value
    published = analysis.article.published
    return published[:10] if published else None


def _size(analysis: Analysis, start: int, end: int) -> Optional[float]:
    for q in analysis.quantities:
        unit = (q.unit or "").split(" ")[0].lower()
        if start <= q.start < end and unit in PEOPLE_UNITS:
            return q.value
    return None
