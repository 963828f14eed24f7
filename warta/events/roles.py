"""Roles: who acts and who is acted on for one trigger, read from the clause (subject, object, passive
agent, pronouns, implicit agents).
"""
from __future__ import annotations

import re
from typing import Optional

from warta import outlets
from warta.events.actors import _actor, _country_surface, Context
from warta.events.lexicon import (
    _sector, alpha3, Arg, ARREST_TYPES, HOME, INTRANSITIVE, LAW_SECTORS, lexicon, POLICE_UNIT, REACTIONS,
    Sentence, Trigger, TriggerRule, WORD, words,
)
from warta.events.sentences import _head, _is_place, _quote_at, _title_before
from warta.events.triggers import _before, _before_skipping_numbers, _is_verb
from warta.glue import pieces as glued_pieces
from warta.morphology import analyse
from warta.records import Actor, Entity


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
                if linked is None:
                    opening = w.start() == sent.start or not WORD.search(ctx.body, sent.start, w.start())
                    # "Dia …" opening a sentence continues the last sentence's subject, not its last-named person
                    linked = _sentence_subject_person(ctx, sent, w.start()) or \
                        (ctx.last_subject if opening and ctx.last_subject else ctx.last_person)
                return None if _quoted_speaker(ctx, w.start(), linked) else linked
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


def _quoted_speaker(ctx: Context, pos: int, group: Optional[list[Arg]]) -> bool:
    """Whether ``group`` is the speaker of the direct quote ``pos`` lies in: '"Tapi dia tidak mengindahkan,"
    kata Aris' -- a speaker calls himself "saya", so "dia" there is someone else."""
    quote = _quote_at(ctx.analysis.quotes, pos)
    if not group or quote is None or quote.kind != "direct" or quote.speaker is None:
        return False
    head = _head(group)
    return bool(head.entity and head.entity.id == quote.speaker.entity_id) or head.text == quote.speaker.name


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
            if any(w.lower() == "yang" and _is_verb(v) and v.lower() not in ("berinisial", "bernama")
                   for w, v in zip(gap, gap[1:])):
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
    if m is not None and all(w.lower() in words()["glue"] | words()["office"] for w in m.group(1).split()):
        return True
    return NAMED_AGENT.search(gap) is not None


# "dilaporkan ke polisi oleh istrinya yang berinisial KR", "oleh seorang warga bernama Budi": the agent named
NAMED_AGENT = re.compile(r"\boleh(?:\s+[a-z]+){1,3}\s+(?:yang\s+)?(?:berinisial|bernama)\s*$")


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
        if light and set(_before(sent.words, trig.index, 1)) & classes["happening"]:
            return None  # "menyampaikan peristiwa pemerkosaan 1998": a happening spoken of, not the speaker's deed
        if light:  # "X, Wakil Menteri, juga menyampaikan apresiasi kepada Y": the light verb's subject
            targets = _objects(ctx, sent, trig.rule, trig.end)
            return _subject(ctx, sent, _light_verb_start(sent, trig)), \
                (targets if len(targets) > 1 else targets[0] if targets else None), False
        genitive = _genitive(ctx, sent, trig) or (_nominal_actor(ctx, sent, trig) if _is_object_of(sent, trig) else None)
        if genitive is not None and trig.rule.type == "INVESTIGATE" and outlets.by_name(_head(genitive).text):
            return None  # "penelusuran detikcom": a newsroom's own inquiry is journalism, no event
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
    """Who arrests, questions or sentences when no one is said to: the trial court; the article's agency; the
    police it speaks of; else, for holding people only, the state.  Who charges ("didakwa", "dituntut"):
    the prosecution."""
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
    if rule.mode not in ("arrest", "detention"):
        return None  # "masyarakat dilarang mendekat", "mereka diusir", "sita jaminan": no one named doing it
    # "ratusan aktivis ditahan di Almaty" (the canonical page): holding people is the state's
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
