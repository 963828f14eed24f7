"""Who said what: direct and indirect quotes with their speakers.

    find_quotes(text, nlp_doc, entities) -> list[Quote]

Direct quotes are found by pairing quote marks (``"``, ``“ ”``, the scraped
``”…”`` where ``”`` also opens, ``''``) paragraph by paragraph; a quote left
open at a paragraph end continues when the next paragraph opens with a mark.
Each quote gets its cue and speaker from the words around it:

* after the closing mark: ``,” kata Price`` / ``,” ujarnya`` /
  ``,” Price menambahkan``;
* before the opening mark: ``Price mengatakan, ”…”`` / ``Menurut Price, ”…”``;
* otherwise (a paragraph that is all quote) the speaker of the neighbouring
  quote, or the person last mentioned.

Indirect quotes are sentences shaped ``X mengatakan(,) (bahwa) …``,
``Menurut X, …`` or ``…, kata X.``; the statement is the reported clause.

Speaker phrases are read as ``ROLE NAME`` / ``ROLE, NAME`` / ``NAME, ROLE``
with the help of the lexicon in ``warta/data/quote_cues.json``; a person span
from the entities component or the NER model, when one falls in the phrase,
fixes the name.  Pronouns (``Ia``, ``dia``, ``beliau``) and ``-nya`` cues
resolve to the person last mentioned; a bare role (``kata Presiden``) to the
last person who bore it.  Speakers are linked to entities by mention overlap
and named by the entity's canonical name.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Iterable, Optional

from warta.nlp.tokens import sentence_spans
from warta.records import Entity, Quote, Speaker

__all__ = ["find_quotes"]


# ---------------------------------------------------------------- lexicon ---

def _load_lexicon() -> dict[str, Any]:
    with resources.files("warta").joinpath("data/quote_cues.json").open(encoding="utf-8") as f:
        return json.load(f)


_LEX = _load_lexicon()
_SHORT_CUES = sorted(set(_LEX["short_cues"]), key=len, reverse=True)
_LONG_CUES = sorted(set(_LEX["long_cues"]), key=len, reverse=True)
_WEAK_CUES = frozenset(_LEX["weak_long_cues"])
_CUE_WORDS = frozenset(c for c in _LONG_CUES if " " not in c)   # one-word speech verbs (mengatakan, …)
_PRONOUNS = frozenset(_LEX["pronouns"])
_TITLES = frozenset(_LEX["title_prefixes"])
_ROLE_HEADS = frozenset(_LEX["role_heads"])
_ORG_WORDS = frozenset(_LEX["org_words"])
_SPEAKER_STOPS = frozenset(_LEX["speaker_stops"])
_ADJUNCTS = frozenset(_LEX["adjunct_starts"])
_FRONTED = frozenset(_LEX["fronted"])
_NON_SPEAKERS = frozenset(_LEX["non_speakers"])
_COLLECTIVES = frozenset(_LEX["collectives"])
_TITLE_CONTEXT = frozenset(_LEX["title_context"])
_PLACE_HEADS = frozenset(_LEX["place_heads"])
_NAME_PARTICLES = frozenset({"bin", "binti", "de", "van", "der", "den", "von", "al", "el", "da", "dos", "la", "le", "di"})
_WEEKDAYS = frozenset({"senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad"})
_ADVERBS = frozenset({"juga", "pun", "pula", "kembali", "sempat", "telah", "sudah", "lalu", "kemudian",
                      "bahkan", "lantas", "hanya", "tetap", "masih", "memang", "justru", "sendiri",
                      "langsung", "sebelumnya", "kala", "itu", "saat", "terpisah", "secara"})
_DEMONSTRATIVES = frozenset({"ini", "itu", "tersebut"})
_NEGATIONS = frozenset({"tidak", "tak", "belum", "bukan", "enggan", "menolak", "tanpa", "jangan"})

_MARK_RE = re.compile(r"''|``|[\"“”„«»]")
_OPENERS = frozenset("“„«`")
_SHORT_CUE_ALT = "|".join(map(re.escape, _SHORT_CUES))
_LONG_CUE_ALT = "|".join(map(re.escape, _LONG_CUES))
# cue right after a closing mark: ,” kata X / ,” ujarnya / ,” menurutnya
_CUE_AFTER_RE = re.compile(rf"\s*(?P<cue>(?:{_SHORT_CUE_ALT}|menurut)(?:nya)?)\b(?![-’'])")
# ,” Price menambahkan.  (a short subject, then a long cue)
_SUBJ_CUE_AFTER_RE = re.compile(
    rf"\s*(?P<subj>[^\s.!?”\"“][^.!?”\"“\n]{{0,80}}?)\s+(?P<cue>{_LONG_CUE_ALT})\b")
_LONG_CUE_RE = re.compile(rf"(?<![\w-])(?P<cue>{_LONG_CUE_ALT})\b(?![-])")
# (Kata|Ujar|Menurut) X, ”…  or  X mengatakan, ”…  or  X: ”…
_INTRO_SHORT_RE = re.compile(r"(?:^|[.!?,;]\s+|^\s*)(?P<cue>[Mm]enurut|[Kk]ata|[Uu]jar|[Tt]utur|[Uu]cap)\s+(?P<np>[^,.!?:]{1,120}?)\s*[,:]\s*$")
_INTRO_LONG_RE = re.compile(rf"(?P<cue>{_LONG_CUE_ALT})(?:\s+(?:bahwa|kepada\s+[^,]{{1,60}}|dalam\s+[^,]{{1,80}}))?\s*[,:]?\s*$")
_INTRO_COLON_RE = re.compile(r"(?:^|[.!?]\s+)(?P<np>[A-Z][^.!?:,]{0,80}?)\s*:\s*$")
_WORD_RE = re.compile(r"\([^()\n]{0,80}\)|[^\s,;:()]+|[,;:]")
_ABBREV = frozenset("""dr drs dra prof ir h hj kh tn ny nn sdr bpk bp kol jl jln no st mr mrs ms jr sr
    kec kab kel prov a.n s.h s.e s.t m.si m.m m.h m.a m.sc ph.d tbk dll dsb dst dkk""".split())
_WS = " \t\r\n"
_LAST_WORDS_RE = re.compile(r"((?:[\w-]+\s+){0,2}[\w-]+)\s*[,:]?\s*$")
_CLAUSE_LEAD_RE = re.compile(r"\s*(?:(,)|(:))?\s*(?:(bahwa)\b)?")
_CLAUSE_ADJUNCT_RE = re.compile(r"(?:kepada|dalam|saat|ketika|di|pada|melalui|lewat|seusai|usai|via)\b[^,.]{0,100},\s*")
_NEXT_WORD_RE = re.compile(r"\s*(\S+)")
_CAPITAL_WORD_RE = re.compile(r"(?<![\w-])[A-Z][\w'’]*(?:-[\w'’]+)*")


# -------------------------------------------------------------- working ---

@dataclass
class _Found:
    """A quote under construction (offsets into the body)."""

    start: int
    end: int
    kind: str
    cue: Optional[str] = None
    name: Optional[str] = None
    name_start: int = -1
    name_end: int = -1
    role: Optional[str] = None
    anaphor: bool = False          # speaker given by a pronoun, -nya, or a bare description
    anchor: int = -1               # where the anaphor sits (for entity lookup)
    role_only: bool = False        # "kata Presiden": resolve to the last person with that role
    neighbour: bool = False        # no cue: take the speaker of the adjacent quote
    entity_id: Optional[str] = None


@dataclass
class _Person:
    name: str
    start: int
    end: int
    entity_id: Optional[str] = None
    role: Optional[str] = None


@dataclass
class _Doc:
    text: str
    sentences: list[tuple[int, int]]
    persons: list[_Person] = field(default_factory=list)      # PER spans (NER / entities), by start
    guessed: list[_Person] = field(default_factory=list)      # likely people when no PER spans are given
    entity_at: list[tuple[int, int, Entity]] = field(default_factory=list)

    def sentence_index(self, pos: int) -> int:
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.sentences[mid][1] <= pos:
                lo = mid + 1
            else:
                hi = mid
        return min(lo, len(self.sentences) - 1) if self.sentences else 0

    def sentence_start(self, pos: int) -> int:
        if not self.sentences:
            return 0
        s, e = self.sentences[self.sentence_index(pos)]
        return s if s <= pos else pos

    def entity_for(self, start: int, end: int) -> Optional[Entity]:
        for s, e, ent in self.entity_at:
            if s < end and start < e:
                return ent
        return None


# ---------------------------------------------------------------- words ---

@dataclass
class _W:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()


def _words(text: str, start: int, end: int) -> list[_W]:
    return [_W(m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(text, start, end)]


def _is_capital(w: str) -> bool:
    return w[:1].isupper() or (w[:1] in "'’" and w[1:2].isupper())


_DEGREE_RE = re.compile(r"(?:[A-Z][a-z]{0,3}\.){1,3}[A-Za-z]{0,4}\.?")   # Sp.A, S.H., M.Si., Ph.D


def _name_like(w: _W) -> bool:
    t = w.text.rstrip(".")
    if not t or not _is_capital(t) or t.startswith("(") or ("." in t and _DEGREE_RE.fullmatch(w.text)):
        return False
    low = t.lower()
    if low in _ORG_WORDS or low in _ROLE_HEADS or low in _WEEKDAYS:
        return False
    return not any(c.isdigit() for c in t)


# ------------------------------------------------------ speaker phrases ---

@dataclass
class _NP:
    name: Optional[str] = None
    start: int = -1
    end: int = -1
    role: Optional[str] = None
    anaphor: bool = False
    role_only: bool = False


def _span_text(text: str, words: list[_W]) -> Optional[str]:
    if not words:
        return None
    s = text[words[0].start:words[-1].end].strip(" ,;:")
    return s or None


def _strip_titles(words: list[_W]) -> tuple[list[_W], list[_W]]:
    """Split leading titles/ranks (AKBP, Prof., Pak) off a name."""
    i = 0
    while i < len(words) - 1 and words[i].low.rstrip(".") in _TITLES | {w.rstrip(".") for w in _TITLES}:
        i += 1
    return words[:i], words[i:]


def _name_tail(words: list[_W]) -> int:
    """Index where the trailing personal name of ``words`` starts (len(words) if none)."""
    if len(words) == 1 and _is_capital(words[0].text) and not words[0].text.startswith("(") \
            and words[0].low not in _ROLE_HEADS and not any(c.isdigit() for c in words[0].text):
        return 0                            # "kata Agung": a lone capitalised word is the name
    i = len(words)
    while i > 0:
        w = words[i - 1]
        if w.low.rstrip(".") in _TITLES and i < len(words):
            i -= 1                          # "Mas Achmad", "AKBP Eko": the title opens the name
            break
        if _name_like(w) and not (len(w.text) > 2 and w.text.isupper() and i < len(words)):
            i -= 1
        elif w.low in _NAME_PARTICLES and i < len(words) and i - 1 > 0 and _name_like(words[i - 2]):
            i -= 1
        else:
            break
        if len(words) - i >= 4:
            break
    # "Bupati Sukamaju Rina Lestari": the word after a place head is the place
    if 0 < i < len(words) and words[i - 1].low in _PLACE_HEADS:
        i += 1                              # (a lone word after a place head is the place itself)
    # an all-capitals acronym opens a name only when it is the whole phrase (``ujar PT``)
    while i < len(words) and len(words[i].text) > 1 and words[i].text.isupper() and (len(words) - i > 1 or i > 0):
        i += 1
    return i


def _parse_np(text: str, words: list[_W]) -> Optional[_NP]:
    """Read a speaker noun phrase (one comma chunk) into name and role."""
    words = [w for w in words if w.text not in ",;:"]
    verb = next((i for i, w in enumerate(words) if i > 0 and w.low in _CUE_WORDS), None)
    if verb is not None:
        words = words[:verb]  # "Otoritas Iran mengatakan telah menyampaikan …": the speaker ends at the verb
    demonstrative = bool(words) and len(words) > 1 and words[-1].low in {"ini", "itu", "tersebut"}
    while words and words[-1].low in _ADVERBS | {"tersebut"}:
        words = words[:-1]
    if not words:
        return None
    if demonstrative and words[0].low not in _PRONOUNS:
        # "kata politisi senior Partai Golkar ini": a description of someone named before
        if words[-1].low in _DEMONSTRATIVES and len(words) > 1:
            words = words[:-1]
        return _NP(role=_span_text(text, words), start=words[0].start, end=words[-1].end,
                   anaphor=True, role_only=words[0].low in _ROLE_HEADS)
    first = words[0].low
    if len(words) <= 2 and first in _PRONOUNS:
        return _NP(anaphor=True, start=words[0].start, end=words[0].end)
    if first in _NON_SPEAKERS:
        return None
    core = [w for w in words if not w.text.startswith("(")] or words
    rel = next((i for i, w in enumerate(core) if i > 0 and w.low == "yang"), None)
    tail = _name_tail(core[:rel]) if rel is not None else _name_tail(core)
    if rel is not None and tail == rel:
        tail = len(core)
    titles, name = _strip_titles(core[tail:rel] if rel is not None and tail < rel else core[tail:])
    before = core[:tail] + titles
    if first in _COLLECTIVES and (not name or len(before) > 0 and all(w.low in _COLLECTIVES or w.text[:1].islower() for w in before)):
        return _NP(name=_span_text(text, words), start=words[0].start, end=words[-1].end)
    if name:
        role = text[before[0].start:name[0].start].strip(" ,;:") or None if before else None
        if role and role.lower() in _FRONTED:
            role = None
        return _NP(name=_span_text(text, name), start=name[0].start, end=name[-1].end, role=role)
    if first in _ROLE_HEADS or first in _TITLES or first in _COLLECTIVES or words[0].text[:1].islower():
        return _NP(role=_span_text(text, core), start=words[0].start, end=words[-1].end,
                   role_only=first in _ROLE_HEADS or first in _TITLES, anaphor=True)
    return None


def _chunks(words: list[_W]) -> list[list[_W]]:
    out: list[list[_W]] = [[]]
    for w in words:
        if w.text in ",;":
            out.append([])
        else:
            out[-1].append(w)
    return [c for c in out if c]


def _combine(text: str, chunks: list[list[_W]]) -> Optional[_NP]:
    """``ROLE, NAME`` / ``NAME, ROLE`` / ``ROLE NAME`` from up to three comma chunks."""
    if not chunks:
        return None
    first = _parse_np(text, chunks[0])
    if first is None:
        return None
    role_led = chunks[0][0].low in _ROLE_HEADS or chunks[0][0].text[:1].islower()
    if role_led and len(chunks) > 1 and (not first.anaphor or (first.role_only and first.name is None)):
        # "Kepala Puskesmas X, Jakarta Utara, Edison Sahputra": places, then the name
        for k in range(1, len(chunks)):
            np = _parse_np(text, chunks[k])
            place_like = chunks[k][0].low in _ORG_WORDS or chunks[k][0].low in _PLACE_HEADS
            if np is not None and np.name and not np.anaphor and not place_like and (
                    not np.role or all(w.lower().rstrip(".") in _TITLES for w in np.role.split())):
                role = text[chunks[0][0].start:chunks[k - 1][-1].end].strip(" ,")
                if np.role:
                    role = f"{role}, {np.role}"
                return _NP(name=np.name, start=np.start, end=np.end, role=role)
            if not place_like:
                break
    nxt = _parse_np(text, chunks[1]) if len(chunks) > 1 else None
    if first.name and not first.role and not first.anaphor:
        if nxt is not None and nxt.name is None and nxt.role and len(chunks) > 1:
            first.role = nxt.role          # "Issayeva, wakil koalisi …"
        elif nxt is not None and nxt.name and nxt.role and chunks[1][0].low in _ROLE_HEADS:
            first.role = _span_text(text, chunks[1])
        return first
    lowered_role = chunks[0][0].text[:1].islower() or chunks[0][0].low in _ROLE_HEADS
    if (first.name and first.role and lowered_role and nxt is not None and nxt.name and not nxt.anaphor
            and (not nxt.role or all(w.lower().rstrip(".") in _TITLES for w in nxt.role.split()))):
        # "aktivis … Kazakhstan yang tinggal di Swedia, Botagoz Issayeva": the name is the next chunk
        role = _span_text(text, chunks[0]) or ""
        return _NP(name=nxt.name, start=nxt.start, end=nxt.end, role=f"{role}, {nxt.role}" if nxt.role else role)
    if first.name is None and first.role and nxt is not None and nxt.name and not nxt.anaphor:
        role = first.role + (f", {nxt.role}" if nxt.role else "")
        return _NP(name=nxt.name, start=nxt.start, end=nxt.end, role=role)
    return first


def _phrase_cut(chunk: list[_W]) -> Optional[int]:
    """Where a speaker phrase ends inside one comma chunk (None: it runs on)."""
    named = False
    for i, w in enumerate(chunk):
        low = w.low
        lower = w.text[:1].islower()
        if i > 0 and low in _DEMONSTRATIVES and i == len(chunk) - 1:
            return i + 1                    # "politisi senior Partai Golkar ini": a description, kept whole
        if i > 0 and ((lower and (low in _SPEAKER_STOPS or low == "yang")) or low in _WEEKDAYS):
            joins = low in {"dan", "atau", "serta"} and i + 1 < len(chunk) and _is_capital(chunk[i + 1].text)
            if low in _DEMONSTRATIVES:
                return i + 1                # "politisi senior Partai Golkar ini": a description, kept whole
            if not joins:
                return i
        if named and lower and low not in _NAME_PARTICLES and low not in {"dan", "&", "serta"} \
                and low.rstrip(".") not in _TITLES:
            return i                        # "kata Bahtiar menambahkan", "Salehudin dari KKP"
        if _name_like(w) and w.low not in _TITLES:
            named = True
    return None


def _merge_enumerations(chunks: list[list[_W]]) -> list[list[_W]]:
    """Join ``Politik, Hukum, dan Keamanan``: a one-word organisation chunk or a ``dan …`` chunk continues the previous one."""
    out: list[list[_W]] = []
    for chunk in chunks:
        single_org = len(chunk) == 1 and chunk[0].low in _ORG_WORDS and _is_capital(chunk[0].text)
        conj = len(chunk) > 1 and chunk[0].low in {"dan", "serta"} and _is_capital(chunk[1].text)
        if out and (single_org or conj) and not out[-1][0].text[:1].islower():
            out[-1] = out[-1] + chunk
        else:
            out.append(chunk)
    return out


def _read_after(text: str, pos: int, limit: int) -> tuple[list[list[_W]], int]:
    """Comma chunks of the speaker phrase that starts at ``pos`` (after a cue)."""
    words: list[_W] = []
    prev_end = pos
    for w in _words(text, pos, min(limit, pos + 300)):
        t = w.text
        if "\n" in text[prev_end:w.start] or t[:1] in "\"“”'" or t[-1:] in "\"“”" or t == ":":
            break
        prev_end = w.end
        ends = t.endswith((".", "!", "?")) and not (
            t[:-1].lower() in _ABBREV or (len(t) == 2 and t[0].isupper()) or re.fullmatch(r"(?:[A-Za-z]\.)+", t))
        if ends:
            w = _W(t.rstrip(".!?"), w.start, w.end - (len(t) - len(t.rstrip(".!?"))))
        if w.text:
            words.append(w)
        if ends or len(words) > 40:
            break
    chunks = _merge_enumerations(_chunks(words))
    out: list[list[_W]] = []
    for k, chunk in enumerate(chunks[:5]):
        head = chunk[0]
        if k > 0 and (head.low in _SPEAKER_STOPS or head.low in _WEEKDAYS or head.text[:1].isdigit()
                      or head.text.startswith("(")):
            break
        rel = next((i for i, w in enumerate(chunk) if i > 0 and w.low == "yang"), None)
        nxt_name = k + 1 < len(chunks) and _name_like(chunks[k + 1][0])
        if rel is not None and nxt_name and not any(_name_like(w) for w in chunk[:1]) and k == 0:
            out.append(chunk)              # "aktivis … yang tinggal di Swedia, Botagoz Issayeva"
            continue
        cut = _phrase_cut(chunk)
        if cut is not None:
            out.append(chunk[:cut])
            break
        out.append(chunk)
    return out, (words[-1].end if words else pos)


def _read_before(text: str, start: int, cue_start: int) -> Optional[_NP]:
    """The subject noun phrase of a long cue: the words between ``start`` and the cue."""
    seg_start = start
    seg = text[start:cue_start]
    last_mark = max(seg.rfind("”"), seg.rfind('"'), seg.rfind("“"))
    if last_mark >= 0:
        seg_start = start + last_mark + 1
    words = _words(text, seg_start, cue_start)
    while words and words[-1].low in _ADVERBS | {","}:
        words = words[:-1]
    if not words or words[-1].low in _NEGATIONS or words[-1].low in {"yang", "untuk", "akan", "ingin", "bisa", "dapat", "harus", "perlu", "mau"}:
        return None
    chunks = _chunks(words)
    while len(chunks) > 1 and all("." in w.text and _DEGREE_RE.fullmatch(w.text) for w in chunks[-1]):
        chunks = chunks[:-1]                # "dr. Reza Fahlevi, Sp.A menjelaskan"
    # cut adverbials inside the last chunk: "X dalam rapat … mengatakan"
    while chunks:
        last = chunks[-1]
        cut = next((i for i, w in enumerate(last) if i > 0 and w.low in _ADJUNCTS), None)
        if cut is not None:
            last = last[:cut]
        if not last or last[0].low in _ADJUNCTS or last[0].low in _WEEKDAYS or last[0].text[:1].isdigit() or last[0].text.startswith("("):
            chunks = chunks[:-1]
            continue
        chunks[-1] = last
        break
    if not chunks:
        return None
    last = chunks[-1]
    # drop fronted connectives without a comma: "Sementara itu X mengatakan"
    while len(last) > 1 and last[0].low in _FRONTED and not _name_like(last[0]):
        last = last[1:]
        if last and last[0].low in {"itu", "ini", "lain", "juga"}:
            last = last[1:]
    if len(last) > 14:
        return None
    if len(chunks) > 1 and last[0].text[:1].islower() and last[0].low not in _PRONOUNS:
        prev = _parse_np(text, chunks[-2])
        if prev is not None and prev.name and not prev.role and not prev.anaphor:
            # "Aziz Yanuari, kuasa hukum FPI dan Rizieq Shihab, menyatakan"
            return _NP(name=prev.name, start=prev.start, end=prev.end, role=_span_text(text, last))
    np = _parse_np(text, last)
    if np is None:
        return None
    if len(chunks) > 1 and np.name and not np.role:
        prev = _parse_np(text, chunks[-2])
        if prev is not None and prev.name is None and prev.role and chunks[-2][0].low not in _FRONTED:
            np.role = prev.role            # "Juru bicara Satgas, Wiku Adisasmito, menyebutkan"
    elif len(chunks) > 1 and np.name is None and np.role and not np.role[:1].isupper():
        prev = _parse_np(text, chunks[-2])
        if prev is not None and prev.name and not prev.anaphor:
            return _NP(name=prev.name, start=prev.start, end=prev.end, role=np.role)
    return np


# -------------------------------------------------------- direct quotes ---

@dataclass
class _Mark:
    pos: int
    end: int
    char: str
    lean: str          # open | close | either
    closer_cue: bool   # a cue follows right after: surely a closing mark
    line: int


def _marks(text: str) -> list[_Mark]:
    out = []
    line = 0
    last = 0
    for m in _MARK_RE.finditer(text):
        line += text.count("\n", last, m.start())
        last = m.start()
        s, e, c = m.start(), m.end(), m.group()
        left = text[s - 1] if s > 0 else " "
        right = text[e] if e < len(text) else " "
        left_glued = not left.isspace() and left not in "([{"
        right_glued = not right.isspace() and right not in ",.;:!?)]}"
        closer_cue = bool(_CUE_AFTER_RE.match(text, e)) and left in ",.?!"
        if c in _OPENERS and not closer_cue:
            lean = "open"
        elif c == "»":
            lean = "close"
        elif right_glued and not left_glued:
            lean = "open"
        elif left_glued and not right_glued:
            lean = "close"
        else:
            lean = "either"
        out.append(_Mark(s, e, c, lean, closer_cue, line))
    return out


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, (len(text) if e < 0 else e)


def _after_sentence_end(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before[-1] in ".!?\n" or text[before.rfind("\n") + 1 if "\n" in before else 0:pos].strip() == ""


def _pair(text: str, marks: list[_Mark], doc: _Doc) -> list[tuple[int, int, Optional[_Mark], Optional[_Mark], bool]]:
    """Pair marks into (content start, content end, opener, closer, continued) spans."""
    spans = []
    open_: Optional[_Mark] = None
    open_line = -1
    last_close = 0
    last_line_pos = 0

    def emit(o: Optional[_Mark], c: Optional[_Mark], start: int, end: int, continued: bool = False) -> None:
        spans.append((start, end, o, c, continued))

    for m in marks:
        if open_ is not None and m.line != open_line:
            ls, _ = _line_bounds(text, m.pos)
            between = text[text.find("\n", open_.pos):ls]
            if text[ls:m.pos].strip() == "" and between.count("\n") - between.count("\n\n") <= 2 and m.lean != "close":
                open_line = m.line           # paragraph re-opened: the quote goes on
                continue
            _, le = _line_bounds(text, open_.pos if open_line == open_.line else last_line_pos)
            emit(open_, None, open_.end, le)
            open_ = None
        if open_ is None:
            if m.closer_cue and m.lean == "close":
                ls, _ = _line_bounds(text, m.pos)
                start = max(ls, last_close, doc.sentence_start(m.pos))
                emit(None, m, start, m.pos)
                last_close = m.end
            elif m.lean == "close":
                continue                 # a closing-shaped mark ("… sekarang.” Lalu") closes a quote opened out of view
            else:
                open_, open_line = m, m.line
                last_line_pos = m.pos
            continue
        if m.lean == "open" and not m.closer_cue and _after_sentence_end(text, m.pos) and text[open_.end:m.pos].strip():
            emit(open_, None, open_.end, m.pos, continued=True)   # re-opened without a close
            open_, open_line = m, m.line
            last_line_pos = m.pos
            continue
        emit(open_, m, open_.end, m.pos)
        last_close = m.end
        open_ = None
    if open_ is not None:
        _, le = _line_bounds(text, open_.pos if open_line == open_.line else last_line_pos)
        emit(open_, None, open_.end, le)
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _WS:
        start += 1
    while end > start and text[end - 1] in _WS + ",":
        end -= 1
    return start, end


def _title_before(text: str, pos: int) -> bool:
    """Is the mark at ``pos`` opening a name or title (``diskusi daring “…”``, ``berbunyi “…”``)?"""
    m = _LAST_WORDS_RE.search(text[max(0, pos - 60):pos])
    return bool(m) and any(w.lower() in _TITLE_CONTEXT for w in m.group(1).split())


def _direct_quotes(doc: _Doc) -> list[_Found]:
    text = doc.text
    found: list[_Found] = []
    for start, end, o, c, continued in _pair(text, _marks(text), doc):
        s, e = _trim(text, start, end)
        if e - s < 2:
            continue
        q = _Found(s, e, "direct")
        cued = False
        if c is not None:
            cued = _cue_after(doc, q, c.end)
        if not cued and o is not None:
            cued = _cue_before(doc, q, o.pos)
        if not cued:
            nwords = len(text[s:e].split())
            sentence_initial = o is None or _after_sentence_end(text, o.pos) or text[:o.pos].rstrip().endswith(":")
            if o is not None and _title_before(text, o.pos):
                continue
            if nwords < 3 or (not sentence_initial and nwords < 8):
                continue
            if not sentence_initial and text[s:e].rstrip()[-1:] not in ".!?" and nwords < 12:
                continue
            q.neighbour = True
        if continued and not cued:
            q.neighbour = True
        found.append(q)
    return found


def _set_np(q: _Found, np: _NP, anchor: int) -> None:
    q.name, q.name_start, q.name_end, q.role = np.name, np.start, np.end, np.role
    q.anaphor, q.role_only = np.anaphor, np.role_only
    q.anchor = np.start if np.start >= 0 else anchor


def _cue_after(doc: _Doc, q: _Found, pos: int) -> bool:
    text = doc.text
    m = _CUE_AFTER_RE.match(text, pos)
    if m:
        cue = m.group("cue")
        q.cue = cue
        if cue.endswith("nya") and cue[:-3] in _SHORT_CUES + ["menurut"]:
            q.anaphor, q.anchor = True, m.start("cue")
            return True
        chunks, _ = _read_after(text, m.end(), _line_bounds(text, pos)[1])
        np = _combine(text, chunks)
        if np is None:
            q.anaphor, q.anchor = True, m.start("cue")
        else:
            _set_np(q, np, m.start("cue"))
        return True
    m = _SUBJ_CUE_AFTER_RE.match(text, pos)
    if m and text[pos - 1:pos] in ",.?!" or (m and text[pos - 2:pos - 1] in ",.?!"):
        np = _read_before(text, m.start("subj"), m.start("cue"))
        if np is not None and (np.name or np.anaphor):
            q.cue = m.group("cue")
            _set_np(q, np, m.start("cue"))
            return True
    return False


def _cue_before(doc: _Doc, q: _Found, pos: int) -> bool:
    text = doc.text
    sent_start = doc.sentence_start(pos)
    ls, _ = _line_bounds(text, pos)
    start = max(sent_start, ls)
    if start >= pos:
        start = max(ls, text.rfind(".", 0, pos - 1) + 1 if pos > 1 else 0)
    seg = text[start:pos]
    m = _INTRO_SHORT_RE.search(seg)
    if m:
        q.cue = m.group("cue")
        chunks = _chunks(_words(text, start + m.start("np"), start + m.end("np")))
        np = _combine(text, chunks)
        if np is not None:
            _set_np(q, np, start + m.start("cue"))
            return True
    m = _INTRO_LONG_RE.search(seg)
    if m:
        np = _read_before(text, start, start + m.start("cue"))
        if np is not None:
            q.cue = m.group("cue")
            _set_np(q, np, start + m.start("cue"))
            return True
    m = _INTRO_COLON_RE.search(seg)
    if m:
        np = _combine(text, _chunks(_words(text, start + m.start("np"), start + m.end("np"))))
        if np is not None and np.name and len(m.group("np").split()) <= 8:
            _set_np(q, np, start + m.start("np"))
            return True
    return False


# ------------------------------------------------------ indirect quotes ---

_MENURUT_BODY = r"(?P<cue>[Mm]enurut)(?:(?P<nya>nya)|\s+(?P<np>[^,.;!?]{1,100}?))\s*(?:,|(?=[.!?]?\s*$))"
_MENURUT_START_RE = re.compile(r"\s*" + _MENURUT_BODY)
_MENURUT_MID_RE = re.compile(r"(?<=[,;]\s)" + _MENURUT_BODY)
_TAIL_CUE_RE = re.compile(rf",\s+(?P<cue>(?:{_SHORT_CUE_ALT})(?:nya)?)\b(?:\s+(?P<np>[^,.;!?]{{1,100}}?))?\s*(?:[,.!?]|$)")


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _WS + ",:":
        start += 1
    while end > start and text[end - 1] in _WS + ".,;:!?":
        end -= 1
    return start, end


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s - 1 <= pos < e + 1 for s, e in spans)


def _indirect_quotes(doc: _Doc, direct: list[_Found]) -> list[_Found]:
    text = doc.text
    taken = [(q.start, q.end) for q in direct]
    out: list[_Found] = []
    for ss, se in doc.sentences:
        sent = text[ss:se]
        if not sent.strip() or any(m in sent for m in "“”\"") or "''" in sent:
            continue
        q = _menurut(doc, ss, se) or _tail_cue(doc, ss, se) or _long_cue(doc, ss, se)
        if q is not None and not _inside(taken, q.start) and q.end - q.start > 10:
            out.append(q)
    return out


def _menurut(doc: _Doc, ss: int, se: int) -> Optional[_Found]:
    text = doc.text
    m = _MENURUT_START_RE.match(text, ss, se) or _MENURUT_MID_RE.search(text, ss, se)
    if not m:
        return None
    head = text[ss:m.start()].strip(" ,")
    if m.start() > ss and len(head.split()) > 4:
        return None
    if m.group("nya"):
        np: Optional[_NP] = _NP(anaphor=True, start=m.start(), end=m.end("nya"))
    else:
        np = _combine(text, _read_after(text, m.start("np"), m.end("np"))[0])
    if np is None:
        return None
    if m.end() >= se - 2:           # "…, menurut X." at the end
        s, e = _clause_bounds(text, ss, m.start())
    elif head and not head.split()[0].lower() in _FRONTED:
        s, e = _clause_bounds(text, ss, se)
    else:
        s, e = _clause_bounds(text, m.end(), se)
    if len(text[s:e].split()) < 3:
        return None
    q = _Found(s, e, "indirect", cue=m.group("cue") + (m.group("nya") or ""))
    _set_np(q, np, m.start())
    return q


def _tail_cue(doc: _Doc, ss: int, se: int) -> Optional[_Found]:
    text = doc.text
    m = _TAIL_CUE_RE.search(text, ss, se)
    if not m:
        return None
    cue = m.group("cue")
    if cue.endswith("nya"):
        np: Optional[_NP] = _NP(anaphor=True, start=m.start("cue"), end=m.end("cue"))
    else:
        if not m.group("np"):
            return None
        chunks, _ = _read_after(text, m.start("np"), se)
        np = _combine(text, chunks)
        if np is None or not (np.name or np.role):
            return None
    if len(text[ss:m.start()].split()) < 3:
        return None
    if text[m.end() - 1:m.end()] in ".!?" or m.end() >= se - 1:
        s, e = _clause_bounds(text, ss, m.start())
    else:
        s, e = _clause_bounds(text, ss, se)
    q = _Found(s, e, "indirect", cue=cue)
    _set_np(q, np, m.start("cue"))
    return q


def _long_cue(doc: _Doc, ss: int, se: int) -> Optional[_Found]:
    text = doc.text
    for m in _LONG_CUE_RE.finditer(text, ss, se):
        cue = m.group("cue")
        lead = _CLAUSE_LEAD_RE.match(text, m.end(), se)
        comma, colon, bahwa = lead.group(1), lead.group(2), lead.group(3)
        if cue in _WEAK_CUES and not (comma or colon or bahwa):
            continue
        cs = lead.end()
        # "mengatakan kepada wartawan, …" / "menjelaskan dalam rapat itu, …"
        adj = _CLAUSE_ADJUNCT_RE.match(text, cs, se)
        if adj and not (comma or bahwa):
            cs = adj.end()
        elif not (comma or colon or bahwa):
            nxt = _NEXT_WORD_RE.match(text, cs, se)
            if nxt is None or nxt.group(1).lower().strip(",.") in _ADJUNCTS | {"hal", "sejumlah", "beberapa", "banyak", "kepada", "dengan"}:
                continue
        s, e = _clause_bounds(text, cs, se)
        if len(text[s:e].split()) < 3:
            continue
        np = _read_before(text, ss, m.start())
        if np is None or not (np.name or np.anaphor or np.role):
            continue
        q = _Found(s, e, "indirect", cue=cue)
        _set_np(q, np, m.start())
        return q
    return None


# ------------------------------------------------------------- speakers ---

def _people(text: str, nlp_doc: Any, entities: Iterable[Entity]) -> tuple[list[_Person], list[tuple[int, int, Entity]]]:
    persons: list[_Person] = []
    entity_at: list[tuple[int, int, Entity]] = []
    for ent in entities or ():
        for mention in ent.mentions:
            if getattr(mention, "field", None) is not None:
                continue                    # a caption's mention: its offsets are not into the body
            entity_at.append((mention.start, mention.end, ent))
            if ent.type == "PER":
                persons.append(_Person(ent.name, mention.start, mention.end, ent.id, ent.role))
    if not persons and nlp_doc is not None:
        for span in getattr(nlp_doc, "entities", None) or ():
            if span.label == "PER":
                persons.append(_Person(span.text, span.start, span.end))
    persons.sort(key=lambda p: p.start)
    entity_at.sort(key=lambda t: t[0])
    return persons, entity_at


_AGE_RE = re.compile(r"(?<![\w-])((?:[A-Z][\w'’-]+\s){0,3}[A-Z][\w'’-]+)\s\(\d{1,3}\)")
_ACTIVE_RE = re.compile(r"(?:(?:juga|pun|telah|sudah|akan|masih|kembali|sempat|lalu|kemudian|pula)\s+)*(?:me|ber)\w+")


def _heuristic_persons(text: str, sentences: list[tuple[int, int]]) -> list[_Person]:
    """Likely people without a NER model: ``Nama (37)`` and the named subject of an active verb."""
    out = [_Person(m.group(1), m.start(1), m.end(1)) for m in _AGE_RE.finditer(text)
           if m.group(1).split()[0].lower() not in _ORG_WORDS]
    for ss, se in sentences:
        head = text.find(",", ss, min(se, ss + 80))
        first = _WORD_RE.search(text, ss, se)
        if first is None:
            continue
        if head > 0 and first.group().lower() in _FRONTED:
            ss = head + 1                    # "Sementara itu, X mengatakan"
        subject: list[_W] = []
        for m in _WORD_RE.finditer(text, ss, min(se, ss + 240)):   # lazily: stops at the first verb
            w = _W(m.group(), m.start(), m.end())
            if w.text in ",;:" or (w.text[:1].islower() and w.low not in _NAME_PARTICLES
                                   and w.low not in _ROLE_HEADS and w.low not in _ORG_WORDS):
                break
            subject.append(w)
        if not subject or len(subject) > 12 or subject[0].low in _COLLECTIVES:
            continue
        nxt = subject[-1].end
        if not _ACTIVE_RE.match(text, nxt + 1) or text[nxt:nxt + 1] != " ":
            continue
        np = _parse_np(text, subject)
        if np is None or not np.name or np.anaphor:
            continue
        role_led = np.role is not None and np.role.split()[0].lower() in _ROLE_HEADS
        cue_next = bool(_LONG_CUE_RE.match(text, nxt + 1))
        if role_led or len(np.name.split()) >= 2 or cue_next:
            out.append(_Person(np.name, np.start, np.end, None, np.role))
    return out


def _person_in(doc: _Doc, start: int, end: int) -> Optional[_Person]:
    for p in doc.persons:
        if p.start >= start and p.end <= end:
            return p
        if p.start >= end:
            break
    return None


def _fit_person_span(doc: _Doc, q: _Found) -> None:
    """A PER span (NER or entities) inside the heuristic name fixes its bounds; the rest joins the role."""
    for p in doc.persons:
        if p.start >= q.name_end:
            break
        if p.end > q.name_start and p.start < q.name_end and (p.start, p.end) != (q.name_start, q.name_end):
            _take_person(doc, q, p)
            return


def _skip_to_person(doc: _Doc, q: _Found) -> None:
    """A name read as a place or organisation, with a person named right after it in the same phrase, is role.

    ``Head of Investment Research at PT Infovesta Utama Wawan Hendrayana``: the speaker is the PER span at
    the end; what the heuristic took for the name joins the role."""
    ent = doc.entity_for(q.name_start, q.name_end)
    if ent is None or ent.type == "PER" or q.name_start < 0:
        return
    p = next((p for p in doc.persons if p.start >= q.name_end), None)
    if p is None:
        return
    gap = doc.text[q.name_end:p.start]
    lowered = [w for w in gap.split() if w[:1].islower()]
    if len(gap) > 60 or not re.fullmatch(r"[\w &()-]*", gap) or len(lowered) > 1 or q.start <= p.start < q.end:
        return                              # "… at PT X Name" continues the phrase; a clause does not
    _take_person(doc, q, p)


def _take_person(doc: _Doc, q: _Found, p: _Person) -> None:
    """``p`` is the speaker's name; what the heuristic name held before it joins the role."""
    if p.start > q.name_start:
        extra = doc.text[q.name_start:p.start].strip(" ,")
        q.role = f"{q.role} {extra}".strip() if q.role else extra
    q.name, q.name_start, q.name_end = doc.text[p.start:p.end], p.start, p.end


def _full_name(short: str, known: list[_Person]) -> Optional[_Person]:
    """A speaker named earlier in full whose name contains ``short`` (``Price`` → ``Ned Price``)."""
    parts = set(short.split())
    for p in reversed(known):
        if p.name != short and parts and parts <= set(p.name.split()):
            return p
    return None


def _resolve(doc: _Doc, quotes: list[_Found], direct_spans: list[tuple[int, int]]) -> None:
    """Fill names for anaphors, bare roles and cue-less quotes; link entities."""
    text = doc.text
    speakers: list[_Person] = []      # explicit speakers so far, in text order

    def mentions_before(pos: int) -> list[_Person]:
        window = doc.sentences[max(0, doc.sentence_index(pos) - 2)][0] if doc.sentences else 0
        cands = [p for p in doc.persons + doc.guessed
                 if window <= p.start and p.end <= pos and not _inside(direct_spans, p.start)]
        said = sorted([p for p in speakers if window <= p.start < pos], key=lambda p: p.end)
        cands += said
        return sorted(cands, key=lambda p: p.end)

    # explicit names first (in order), so anaphors can look back and forward
    for q in sorted(quotes, key=lambda q: q.start):
        if q.name and not q.anaphor:
            _fit_person_span(doc, q)
            _skip_to_person(doc, q)
            ent = doc.entity_for(q.name_start, q.name_end)
            if ent is not None and ent.type != "PER" and not q.name_start < 0:
                ent = None
            if ent is not None:
                q.entity_id, q.role = ent.id, q.role or ent.role
                q.name = ent.name
            else:
                full = _full_name(q.name, speakers)
                if full is not None:
                    q.name, q.entity_id, q.role = full.name, full.entity_id, q.role or full.role
            speakers.append(_Person(q.name, q.name_start, q.name_end, q.entity_id, q.role))
    speakers.sort(key=lambda p: p.start)
    explicit = list(speakers)
    speakers = _echoes(text, speakers, direct_spans)

    ordered = sorted(quotes, key=lambda q: q.start)
    for i, q in enumerate(ordered):
        if q.name and not q.anaphor:
            continue
        if q.neighbour:
            nb = _neighbour(text, ordered, i)
            if nb is not None:
                q.name, q.role, q.entity_id = nb.name, nb.role, nb.entity_id
                continue
        anchor = q.anchor if q.anchor >= 0 else q.start
        if q.role_only and q.role:
            p = _bearer(doc, q.role, q.start, speakers)
            if p is not None:
                q.name, q.entity_id = p.name, p.entity_id
                continue
        if q.anaphor:
            p = _salient(doc, min(q.start, anchor), speakers, direct_spans, explicit)
            if p is not None:
                q.name, q.entity_id = p.name, p.entity_id
                q.role = q.role if q.role_only else (q.role or p.role)
                continue
        ent = doc.entity_for(anchor, anchor + 1) if q.anaphor else None
        if ent is not None and ent.type == "PER":
            q.name, q.entity_id, q.role = ent.name, ent.id, q.role if q.role_only else (q.role or ent.role)
            continue
        prior = mentions_before(min(q.start, anchor))
        if not prior:
            prior = [p for p in speakers if p.start < min(q.start, anchor)]   # farther back: the last speaker
        if prior:
            p = prior[-1]
            q.name, q.entity_id = p.name, p.entity_id
            q.role = q.role if q.role_only else (q.role or p.role)
            continue
        if q.role:                      # a description with no one to refer to
            q.name = q.role if not q.role_only else q.role
            q.role = None if q.name == q.role else q.role


_SUBJECT_BLOCKERS = frozenset("""di ke dari kepada terhadap dengan bersama untuk bagi oleh pada atas tentang
    mengenai soal terkait antara dan atau serta""".split())
_SPEECH_AFTER_RE = re.compile(
    rf"(?:\s*\([^()]{{0,60}}\))?(?:\s*,[^,.;!?\"“”]{{1,160}},)?\s+(?:(?:{'|'.join(sorted(_ADVERBS))})\s+)*(?:{_LONG_CUE_ALT})\b")
ANTECEDENT_SENTENCES = 2   # sentences before the anaphor's own that a speaker or subject may sit in


def _salient(doc: _Doc, pos: int, speakers: list[_Person], direct_spans: list[tuple[int, int]],
             explicit: list[_Person]) -> Optional[_Person]:
    """The person a ``-nya`` cue or pronoun at ``pos`` refers to.

    News prose carries the speaker, not the last name dropped: the latest
    person in the last sentences who speaks (a quote's speaker, the subject of
    a speech verb) or is a sentence subject wins over later names in object
    position (``Menurut Kusnawan, … sementara Ekajaya …. ”…,” katanya``).
    """
    if not doc.sentences:
        return None
    si = doc.sentence_index(pos)
    window = doc.sentences[max(0, si - ANTECEDENT_SENTENCES)][0]
    said = {(p.start, p.end) for p in explicit}     # named speakers, not every echo of their names
    cands: dict[int, _Person] = {}
    for p in doc.persons + doc.guessed + speakers:
        if window <= p.start and p.end <= pos and not _inside(direct_spans, p.start):
            if p.start not in cands or (p.start, p.end) in said:
                cands[p.start] = p
    best: Optional[_Person] = None
    seen_sentences: set[int] = set()
    for start in sorted(cands):
        p = cands[start]
        sentence = doc.sentence_index(start)
        first_in_sentence = sentence not in seen_sentences
        seen_sentences.add(sentence)
        speaks = (p.start, p.end) in said or bool(_SPEECH_AFTER_RE.match(doc.text, p.end))
        if speaks or (first_in_sentence and _subject_like(doc, p)):
            best = p
    return best


def _subject_like(doc: _Doc, p: _Person) -> bool:
    """No preposition or object marker right before the name (titles and roles may be)."""
    before = doc.text[doc.sentence_start(p.start):p.start].split()
    return not before or before[-1].lower().strip(",") not in _SUBJECT_BLOCKERS


def _echoes(text: str, speakers: list[_Person], direct_spans: list[tuple[int, int]]) -> list[_Person]:
    """Every later or earlier mention of a named speaker's surname/first name, outside quotes."""
    by_token: dict[str, _Person] = {}
    for p in speakers:
        parts = [w for w in p.name.split() if len(w) >= 3 and _is_capital(w) and w.lower() not in _ORG_WORDS]
        if not parts or p.name.split()[0].lower() in _COLLECTIVES:
            continue
        for w in {parts[0], parts[-1]}:
            by_token.setdefault(w, p)
    if not by_token:
        return speakers
    found = list(speakers)
    for m in _CAPITAL_WORD_RE.finditer(text):
        p = by_token.get(m.group())
        if p is None or _inside(direct_spans, m.start()):
            continue
        found.append(_Person(p.name, m.start(), m.end(), p.entity_id, p.role))
    found.sort(key=lambda p: p.start)
    return found


def _neighbour(text: str, ordered: list[_Found], i: int) -> Optional[_Found]:
    """The speaker of an adjacent direct quote (multi-paragraph speech)."""
    q = ordered[i]
    for j in (i + 1, i - 1):
        if 0 <= j < len(ordered):
            o = ordered[j]
            if o.kind != "direct" or not o.name:
                continue
            gap = text[min(q.end, o.end):max(q.start, o.start)]
            if len(gap) < 160 and gap.count(".") <= 2:
                return o
    return None


def _bearer(doc: _Doc, role: str, pos: int, speakers: list[_Person]) -> Optional[_Person]:
    """The last person before ``pos`` whose role or title matches a bare ``role`` (``Presiden``)."""
    head = role.split()[0].lower()
    key = role.lower()
    for p in reversed([p for p in speakers if p.start < pos]):
        if p.role and (key in p.role.lower() or head == p.role.split()[0].lower()):
            return p
    # "Presiden Joko Widodo" written earlier in the body
    m = None
    for m in re.finditer(rf"\b{re.escape(role)}\s+((?:[A-Z][\w'’.-]+\s?){{1,4}})", doc.text[:pos]):
        pass
    if m is not None:
        words = _words(doc.text, m.start(1), m.end(1))
        tail = _name_tail(words)
        if tail < len(words):
            name = _span_text(doc.text, words[tail:])
            if name:
                ent = doc.entity_for(words[tail].start, words[-1].end)
                return _Person(ent.name if ent else name, words[tail].start, words[-1].end, ent.id if ent else None, role)
    return None


# ------------------------------------------------------------------ API ---

def find_quotes(text: str, nlp_doc: Any = None, entities: Optional[list[Entity]] = None) -> list[Quote]:
    """Direct and indirect quotes in ``text`` with their speakers."""
    if not text or not text.strip():
        return []
    persons, entity_at = _people(text, nlp_doc, entities or [])
    doc = _Doc(text, sentence_spans(text, nlp_doc), persons=persons, entity_at=entity_at)
    if not persons:
        doc.guessed = _heuristic_persons(text, doc.sentences)
    direct = _direct_quotes(doc)
    spans = [(q.start, q.end) for q in direct]
    indirect = _indirect_quotes(doc, direct)
    quotes = direct + indirect
    _resolve(doc, quotes, spans)
    quotes.sort(key=lambda q: q.start)
    return [_record(text, q) for q in quotes]


def _record(text: str, q: _Found) -> Quote:
    speaker = Speaker(name=q.name, entity_id=q.entity_id, role=q.role) if q.name else None
    return Quote(text=text[q.start:q.end], start=q.start, end=q.end, kind=q.kind, cue=q.cue, speaker=speaker)
