"""Deterministic post-processing of the CRF's BIO tags, per document.

The CRF tags each sentence on its own; these rules look at the sentences of
one document (an article, or the CoNLL input given to ``warta ner``) and fix
what a sentence-local tagger gets wrong in systematic ways.  Each rule was
kept only because it raised dev F1 without hurting the other dev sets more
than it helped (measured per rule in the "Post-processing" section of
``warta/models/ner/MODEL_CARD.md``):

* ``split_commas``: a LOC/ORG span across a comma is two names;
* ``gazetteer``: an untagged country/province/capital name right after a
  locative word (``warta/data/ner_loc_cues.tsv``) is a LOC;
* ``consistency``: a name the document tags somewhere is tagged (with its
  majority label) where the CRF left it untagged, except place names, whose
  tag depends on the sentence (IDNer2k leaves countries acting as agents O).

    postprocess(words_per_sentence, tags_per_sentence) -> tags_per_sentence
"""
from __future__ import annotations

import functools
from collections import Counter, defaultdict
from importlib import resources
from typing import Iterable, Optional, Sequence

__all__ = ["postprocess", "bio_to_spans", "RULES", "DEFAULT_RULES"]

Span = tuple[int, int, str]  # first token, last token + 1, label


# ------------------------------------------------------------------ data ---

@functools.lru_cache(maxsize=None)
def _words(name: str) -> frozenset[str]:
    text = resources.files("warta").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def loc_cues() -> frozenset[str]:
    return _words("ner_loc_cues.tsv")


@functools.lru_cache(maxsize=1)
def place_forms() -> dict[str, list[tuple[str, ...]]]:
    """Gazetteer names worth finding in text (countries, provinces, seats, large
    capitals; ``warta.gazetteer``), as token tuples by first token, longest first."""
    from warta.gazetteer import _scan_forms

    index: dict[str, list[tuple[str, ...]]] = {}
    for form in _scan_forms():
        toks = tuple(form.split())
        index.setdefault(toks[0], []).append(toks)
    for forms in index.values():
        forms.sort(key=len, reverse=True)
    return index


def _is_place(form: tuple[str, ...]) -> bool:
    return form in place_forms().get(form[0], ())


# --------------------------------------------------------------- helpers ---

def bio_to_spans(tags: Sequence[str]) -> list[Span]:
    """(first, last+1, label) token ranges of a BIO sequence (lenient: an I- after O opens a span)."""
    spans: list[Span] = []
    start, label = None, None
    for i, t in enumerate(list(tags) + ["O"]):
        if t.startswith("I-") and start is not None and t[2:] == label:
            continue
        if start is not None:
            spans.append((start, i, label))
            start = label = None
        if t.startswith(("B-", "I-")):
            start, label = i, t[2:]
    return spans


def _tags(n: int, spans: Iterable[Span]) -> list[str]:
    """Valid BIO tags of non-overlapping spans (of overlapping ones, the first wins)."""
    out = ["O"] * n
    for a, b, label in sorted(spans):
        if a >= b or any(t != "O" for t in out[a:b]):
            continue
        out[a] = "B-" + label
        for i in range(a + 1, b):
            out[i] = "I-" + label
    return out


def _cap(word: str) -> bool:
    return word[:1].isupper()


def _name_word(word: str) -> bool:
    """A capitalised alphabetic word: it would join a name next to it."""
    return word[:1].isupper() and word.isalpha()


def _covered(spans: Iterable[Span]) -> set[int]:
    return {i for a, b, _ in spans for i in range(a, b)}


# ------------------------------------------------------------ sentence rules

def split_commas(words: list[str], spans: list[Span]) -> list[Span]:
    """A LOC or ORG span across a comma is several names ("Senayan , Jakarta");
    each part keeps the label.  PER spans keep theirs ("Harold Belafonte , Jr .")."""
    out: list[Span] = []
    for a, b, label in spans:
        if label == "PER":
            out.append((a, b, label))
            continue
        start = a
        for i in range(a, b):
            if words[i] == ",":
                out.append((start, i, label))
                start = i + 1
        out.append((start, b, label))
    return [s for s in out if s[0] < s[1]]


def gazetteer_places(words: list[str], spans: list[Span]) -> list[Span]:
    """An untagged gazetteer place name right after a locative word ("di Kenya") is a LOC,
    unless a capitalised word next to it makes it part of a longer name."""
    index, cues = place_forms(), loc_cues()
    covered = _covered(spans)
    out = list(spans)
    for i in range(1, len(words)):
        if words[i - 1].lower() not in cues:
            continue
        for form in index.get(words[i], ()):
            j = i + len(form)
            if tuple(words[i:j]) == form and not covered.intersection(range(i, j)):
                if not (j < len(words) and _name_word(words[j])):
                    out.append((i, j, "LOC"))
                break
    return out


SENTENCE_RULES = {
    "split_commas": split_commas,
    "gazetteer": gazetteer_places,
}


# ------------------------------------------------------------ document rules

def consistency(words: list[list[str]], spans: list[list[Span]]) -> list[list[Span]]:
    """An untagged occurrence of a name the document tags elsewhere gets the
    name's majority label, if the name is tagged at least as often as it is
    left untagged.  Place names are left to the CRF (their tag depends on the
    sentence in IDNer2k); so are occurrences inside a longer capitalised name."""
    labels: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for ws, ss in zip(words, spans):
        for a, b, label in ss:
            labels[tuple(ws[a:b])][label] += 1
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for form in labels:
        if _cap(form[0]) and not _is_place(form):
            by_first[form[0]].append(form)
    if not by_first:
        return spans
    for forms in by_first.values():
        forms.sort(key=len, reverse=True)
    untagged: Counter = Counter()
    found: list[tuple[int, int, int, tuple[str, ...]]] = []
    for n, (ws, ss) in enumerate(zip(words, spans)):
        covered = _covered(ss)
        i = 0
        while i < len(ws):
            for form in by_first.get(ws[i], ()):
                j = i + len(form)
                if tuple(ws[i:j]) == form and not covered.intersection(range(i, j)) \
                        and not (i and _name_word(ws[i - 1]) and (i - 1) not in covered) \
                        and not (j < len(ws) and _name_word(ws[j])):
                    found.append((n, i, j, form))
                    untagged[form] += 1
                    i = j - 1
                    break
            i += 1
    out = [list(ss) for ss in spans]
    for n, i, j, form in found:
        if sum(labels[form].values()) >= untagged[form]:
            out[n].append((i, j, labels[form].most_common(1)[0][0]))
    return out


DOCUMENT_RULES = {"consistency": consistency}

RULES = tuple(SENTENCE_RULES) + tuple(DOCUMENT_RULES)
DEFAULT_RULES: tuple[str, ...] = RULES


def postprocess(words: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
                rules: Optional[Iterable[str]] = None) -> list[list[str]]:
    """BIO tags of one document's sentences after the post-processing rules
    (all of ``DEFAULT_RULES`` unless ``rules`` names some); always valid BIO."""
    chosen = set(DEFAULT_RULES if rules is None else rules)
    words = [list(w) for w in words]
    spans = [bio_to_spans(t) for t in tags]
    for name, rule in SENTENCE_RULES.items():
        if name in chosen:
            spans = [rule(w, s) for w, s in zip(words, spans)]
    for name, rule in DOCUMENT_RULES.items():
        if name in chosen:
            spans = rule(words, spans)
    return [_tags(len(w), s) for w, s in zip(words, spans)]
