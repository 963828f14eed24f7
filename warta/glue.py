"""Words the crawler glued together: ``menewaskandua``, ``Santosomengaku``, ``denganSatgas``.

Crawled bodies lose the space between words (a tag boundary in the page's HTML),
and the body must stay as published because every offset points into it.  So the
fix lives in how a word is READ: ``split_glued(word)`` gives the spans of the known
words a glued word is made of, or ``None`` when the word is a known word itself or
does not split cleanly.

A word is known when it is a function word or one of its candidate roots
(``warta.morphology.analyse``) is in PySastrawi's root-word dictionary (MIT licence,
shipped with the ``Sastrawi`` package).  A capitalised word is a name we cannot
check, so it is split only where its tail is a function word or a verb form
(``me-``/``di-``/``ber-``/``ter-`` + a known root): ``Polriterkait`` -> ``Polri`` +
``terkait``; ``Kendari``, ``Setiadi``, ``Ramadan`` stay whole.  Two roots written
as one (``tandatangan``, ``antikorupsi``) and ``se-``/double-prefixed forms
(``kesepahaman``, ``ketergantungan``) count as known, so they are never split.
Results are cached per word: a running article pays for each distinct word once.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Optional

from warta.morphology import analyse

Span = tuple[int, int]

FUNCTION_WORDS = frozenset(
    "yang dan di ke dari dalam terkait untuk dengan pada oleh itu ini".split())
# tails a name may be cut before: long enough not to end ordinary names
# ("Setiadi", "Ramadan", "Kendari", "Mussolini" keep their endings)
NAME_TAILS = frozenset("yang dalam terkait untuk dengan pada kepada terhadap bersama oleh kembali telah sudah masih tidak "
                        "bahwa belum sedang hingga sejak agar serta namun juga resmi terus".split())
PLACE_TAILS = frozenset("dan di ke ini itu pun".split())   # cut only after a place ("Sudan", "Jordan" stay whole)
VERB_PREFIXES = ("me", "di", "ber", "ter")
MIN_PART = 4          # a shorter lowercase piece is a word only when listed below
SHORT_WORDS = FUNCTION_WORDS | frozenset("dua ada dia tak pun kan".split())
MIN_ROOT = 4          # "seba+liknya" would stand on a three-letter root
MIN_NAME_HEAD = 4     # "Iran", "Polri"; shorter capitalised heads are kept whole
MIN_VERB_TAIL = 6     # "diduga", "mengaku", "terkait"
MAX_PARTS = 3
GLUED_MIN = 8         # readers (the NER, the event coder) look for glue only in words this long or longer


@lru_cache(maxsize=1)
def root_words() -> frozenset[str]:
    """PySastrawi's bundled dictionary of Indonesian root words."""
    text = resources.files("Sastrawi").joinpath("Stemmer/data/kata-dasar.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip())


@lru_cache(maxsize=131072)
def is_known(word: str) -> bool:
    """A function word, a root word, or an affixed form of one."""
    low = word.lower()
    if low in FUNCTION_WORDS:
        return True
    roots = root_words()
    return _has_root(low, roots) or low.startswith("se") and _has_root(low[2:], roots)


def _has_root(low: str, roots: frozenset[str]) -> bool:
    """``low`` or one or two affix layers off it is a root word (``ketergantungan`` -> ``gantung``)."""
    stems = analyse(low)
    if any(root in roots for root in stems):
        return True
    for stem in stems:
        if stem.startswith("se") and stem[2:] in roots:      # sebaliknya, kesepahaman
            return True
        if stem != low and len(stem) >= MIN_ROOT and any(r in roots for r in analyse(stem)):
            return True
        if _compound(stem, roots):
            return True
    return False


def _compound(stem: str, roots: frozenset[str]) -> bool:
    """Two roots written as one (``tandatangan``, ``antikorupsi``): a word, not a glue error."""
    # the second root has five letters or more: "korupsidi" is no "korup" + "sidi"; and it is no function word
    # a name may be glued to ("Way Kananmasih" is "Kanan" + "masih", not a compound)
    return len(stem) >= 2 * MIN_ROOT + 1 and any(
        stem[:cut] in roots and stem[cut:] in roots and stem[cut:] not in NAME_TAILS
        for cut in range(MIN_ROOT, len(stem) - MIN_ROOT))


@lru_cache(maxsize=131072)
def _is_piece(piece: str) -> bool:
    """A lowercase piece of a glued word: a listed short word, or a longer word on a long enough root."""
    if piece in SHORT_WORDS:
        return True
    if len(piece) < MIN_PART:
        return False
    roots = root_words()
    return any(root in roots and len(root) >= MIN_ROOT for root in analyse(piece))


@lru_cache(maxsize=65536)
def is_verb_form(word: str) -> bool:
    """``mengaku``, ``diduga``, ``berkata``, ``terkait``: a verbal prefix on a known root."""
    low = word.lower()
    if len(low) < MIN_VERB_TAIL or not low.startswith(VERB_PREFIXES):
        return False
    roots = root_words()
    return any(root in roots and len(root) >= 3 and root != low for root in analyse(low))


def _lower_parts(word: str) -> Optional[list[Span]]:
    """Fewest known pieces (2..MAX_PARTS) covering a lowercase run; ``None`` when there are none."""
    n = len(word)
    # best[i]: fewest pieces covering word[:i], with the split points
    best: list[Optional[list[Span]]] = [None] * (n + 1)
    best[0] = []
    for i in range(1, n + 1):
        for j in range(i - 1, -1, -1):
            if best[j] is None or len(best[j]) >= MAX_PARTS:
                continue
            piece = word[j:i]
            if not _is_piece(piece):
                continue
            candidate = best[j] + [(j, i)]
            if best[i] is None or len(candidate) < len(best[i]):
                best[i] = candidate
    parts = best[n]
    return parts if parts and len(parts) > 1 else None


def _name_parts(word: str) -> Optional[list[Span]]:
    """A capitalised word cut before a function-word tail, else before the longest verb-form tail.

    ``Setiadidalam`` -> ``Setiadi`` + ``dalam`` (not ``Setia`` + ``didalam``);
    ``Dhanimemberikan`` -> ``Dhani`` + ``memberikan`` (not ``Dhanimem`` + ``berikan``)."""
    cuts = [cut for cut in range(2, len(word) - 1) if _name_head(word[:cut]) and word[cut:].islower()]
    for cut in cuts:  # the longest tail: "Messi" + "kepada", not "Messike" + "pada"
        if word[cut:] in NAME_TAILS:
            return [(0, cut), (cut, len(word))]
    for cut in cuts:
        if is_verb_form(word[cut:]):
            return [(0, cut), (cut, len(word))]
    for cut in reversed(cuts):  # "Israeldan", "Irandi": a short tail only after a known place
        if word[cut:] in PLACE_TAILS and _is_place(word[:cut]):
            return [(0, cut), (cut, len(word))]
    return None


def _is_place(head: str) -> bool:
    from warta.gazetteer import candidates  # imported late: the gazetteer's tables load on first use
    return any(p.kind in ("country", "province", "seat-of-government") or p.capital_of
               for p in candidates(head, core_only=True))


def _name_head(head: str) -> bool:
    if head.isupper():
        return len(head) >= 2          # "KPKterkait"
    return len(head) >= MIN_NAME_HEAD and not head[:2].isupper()


def _case_pieces(word: str) -> list[Span]:
    """Runs of ``word`` split where a lowercase letter meets a capital (``denganSatgas``), or where an
    acronym meets a capitalised word (``ASDonald``, ``DPRRudianto``)."""
    cuts = [i for i in range(1, len(word)) if word[i - 1].islower() and word[i].isupper()
            or _acronym_end(word, i)]
    bounds = [0] + cuts + [len(word)]
    return [(bounds[k], bounds[k + 1]) for k in range(len(bounds) - 1)]


def _acronym_end(word: str, i: int) -> bool:
    """Two or more capitals, then a capitalised word: "AS|Donald" (not "YouTube", "McDonald", "iPhone")."""
    if not (i >= 2 and i + 2 < len(word) and word[i - 2].isupper() and word[i - 1].isupper()
            and word[i].isupper() and word[i + 1].islower() and word[i + 2].islower()):
        return False
    rest = word[i + 1:]
    rest = rest[:next((k for k, c in enumerate(rest) if c.isupper()), len(rest))]
    return not is_known(rest)  # "KPKterkait" is "KPK" + "terkait", not "KP" + "Kterkait"


def _split_piece(word: str) -> Optional[list[Span]]:
    if word[:1].isupper():
        return _name_parts(word)
    return _lower_parts(word) if word.islower() else None


def split_glued(word: str) -> Optional[list[Span]]:
    """Sub-word spans (offsets within ``word``) of a glued word; ``None`` for a word to read whole."""
    spans = _split_cached(word)
    return list(spans) if spans else None


@lru_cache(maxsize=131072)
def _split_cached(word: str) -> Optional[tuple[Span, ...]]:
    if len(word) < 5 or not word.isalpha():
        return None
    pieces = _case_pieces(word)
    if len(pieces) == 1:
        if is_known(word):
            return None
        parts = _split_piece(word)
        return tuple(parts) if parts else None
    inners = [None if is_known(word[s:e]) else _split_piece(word[s:e]) for s, e in pieces]
    # a later piece that is itself glued to a word ("OtoritasIranmengatakan": Iran + mengatakan) shows the
    # capitals are glue, not a name's own
    glued_later = any(inner is not None for inner in inners[1:]) or any(_acronym_end(word, s) for s, _ in pieces[1:])
    out: list[Span] = []
    for k, ((s, e), inner) in enumerate(zip(pieces, inners)):
        if k + 1 < len(pieces) and inner is None and not is_known(word[s:e]) and not out and not glued_later:
            return None  # "YouTube", "McDonald", "DeepSeek": a name's own capitals, unless the head is a word
        out.extend((s + a, s + b) for a, b in (inner or [(0, e - s)]))
    return tuple(out) if len(out) > 1 else None


def pieces(word: str) -> list[str]:
    """The sub-words of ``word`` (itself alone when it is not glued)."""
    spans = _split_cached(word)
    return [word[s:e] for s, e in spans] if spans else [word]
