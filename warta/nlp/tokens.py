"""Tokeniser and sentence splitter for Indonesian news text.

Every token and sentence carries ``start``/``end`` character offsets into the
text it came from (``text[start:end]``).  The rules are written for news
bodies as scrapers deliver them:

* titles and abbreviations keep their period and never end a sentence
  (``dr.``, ``Prof.``, ``H.``, ``Hj.``, ``Jl.``, ``dll.``, ``S.H.``, ``M.Si.``,
  ``a.n.``, initials such as ``B.``);
* numbers keep their ``.`` thousands and ``,`` decimals (``2.030``, ``73,6``),
  dates (``12/1/2022``, ``2022-01-12``) and times (``13.50``, ``13:50``) are one
  token each, ``Rp2,5`` splits into ``Rp`` + ``2,5``;
* URLs, e-mail addresses, domain names (``Liputan6.com``), hashtags and
  @-handles are one token each;
* words keep their clitics and reduplication (``ujarnya``, ``tanda-tanda``)
  and glued words (``menewaskandua``) stay as they are;
* quotes ``"`` ``“`` ``”`` ``'`` ``‘`` ``’`` are tokens of their own, except an
  apostrophe inside a word (``Jum'at``).

Sentences never cross a blank line (paragraph break) nor a line break
followed by anything but a lower-case continuation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from warta.records import Record

__all__ = ["Token", "Sentence", "tokenize", "sentences", "split_sentences", "ABBREVIATIONS"]


@dataclass
class Token(Record):
    text: str
    start: int
    end: int


@dataclass
class Sentence(Record):
    start: int
    end: int
    tokens: list[Token] = field(default_factory=list)


# Abbreviations that keep their final period (compared lower-cased, without
# the final period).  Multi-period forms such as S.H., M.Si., a.n. are caught
# by the pattern below as well; listing them keeps the intent visible.
ABBREVIATIONS = frozenset(
    """
    dr drs dra prof ir h hj tn ny nn sdr sdri bpk bp kol letjen mayjen brigjen jend
    kapt lettu letda serda serka kompol kombes akbp akp iptu ipda aiptu bripka brigpol
    no kec kab kel prov jl jln gg rt rw hlm telp fax ext
    dll dsb dst dkk tsb sbg yth ybs an a.n u.p s.h s.e s.t s.pd s.kom s.sos s.ip s.psi
    s.ag s.hum s.ked s.farm m.si m.m m.h m.a m.sc m.pd m.kom m.t m.ag m.hum ph.d
    st mr mrs jr sr vs etc inc ltd corp bros tbk
    jan feb mar apr jun jul agu agt ags sep sept okt nov des
    min sen sel rab kam jum sab
    """.split()
)

_QUOTES = "\"“”„‟«»'‘’‚‛`"
_OPEN_QUOTES = "“„‟«‘‚‛"

_TOKEN_RE = re.compile(
    r"""
    (?P<url>(?:https?|ftp)://[^\s<>"“”]+|www\.[^\s<>"“”]+)
  | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<tag>[#@][^\W_][\w]*)
  | (?P<domain>(?<![\w.])[A-Za-z][\w-]*(?:\.[A-Za-z0-9-]+)*\.(?:com|co\.id|go\.id|ac\.id|or\.id|net|org|id|ID|COM|CO\.ID|info|tv|news)(?![\w]))
  | (?P<date>\d{1,2}/\d{1,2}/\d{2,4}(?!\d)|\d{4}-\d{1,2}-\d{1,2}(?!\d)|\d{1,2}-\d{1,2}-\d{4}(?!\d))
  | (?P<time>\d{1,2}:\d{2}(?::\d{2})?(?!\d))
  | (?P<money>(?:Rp|RP|rp|US\$|S\$|\$|€|£|¥)(?=\s?\d))
  | (?P<initials>(?<![\w.])(?:[A-Za-z]{1,3}\.){2,}(?:[A-Za-z]{1,3}\.?)?)
  | (?P<number>\d+(?:[.,]\d+)*(?:[.,]-)?)
  | (?P<word>[^\W\d_][\w]*(?:(?:[-'’][\w]+)|(?:\.[A-Z0-9]+(?![\w])))*|\d+[^\W\d_][\w]*(?:-[\w]+)*|_+)
  | (?P<ellipsis>\.{2,}|…|[?!]{2,})
  | (?P<dash>-{2,}|—|–)
  | (?P<other>\S)
    """,
    re.VERBOSE,
)

_URL_TRAIL = ".,;:!?)]}'\"’”"


def _is_abbreviation(word: str, following: str) -> bool:
    """Would ``word`` followed by ``.`` be an abbreviation (the period stays)?"""
    low = word.lower()
    if low in ABBREVIATIONS:
        # "No." as a sentence end ("... bilang no.") is rare; months/days are
        # abbreviations only before a number or inside a date-like context.
        if low in {"min", "sen", "sel", "rab", "kam", "jum", "sab", "mar", "jun", "jul", "des", "sep", "an"}:
            return bool(re.match(r"\s*[\d(,]", following))
        return True
    if len(word) == 1 and word.isalpha() and word.isupper():
        # an initial (B. J. Habibie, Muhammad H. Lubis) when a name follows
        return bool(re.match(r"\s*[A-Z]", following))
    return False


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens with character offsets."""
    tokens: list[Token] = []
    n = len(text)
    pos = 0
    match = _TOKEN_RE.search
    while True:
        m = match(text, pos)
        if m is None:
            break
        kind = m.lastgroup
        start, end = m.start(), m.end()
        if kind == "url":
            while end > start + 8 and text[end - 1] in _URL_TRAIL:
                end -= 1
        elif kind == "word" and end < n and text[end] == "." and _is_abbreviation(m.group(), text[end + 1:end + 12]):
            end += 1
        elif kind == "initials" and not text[end - 1] == "." and end < n and text[end] == ".":
            end += 1
        tokens.append(Token(text[start:end], start, end))
        pos = end
    return tokens


_TERMINAL = {".", "!", "?", "…", "?!", "!?"}
_CLOSERS = set(")]}»") | set(_QUOTES)
_PARA_RE = re.compile(r"\n[ \t\r\f\v]*\n")


def split_sentences(text: str, tokens: list[Token]) -> list[Sentence]:
    """Group ``tokens`` of ``text`` into sentences."""
    result: list[Sentence] = []
    if not tokens:
        return result
    paragraph_breaks = [m.start() for m in _PARA_RE.finditer(text)]
    current: list[Token] = []
    quotes_open = False  # is a quotation open inside the current sentence?
    pending_end = False  # a terminal mark was seen; closers may still attach
    bi = 0

    def close() -> None:
        nonlocal current, quotes_open, pending_end
        if current:
            result.append(Sentence(current[0].start, current[-1].end, current))
        current = []
        quotes_open = False
        pending_end = False

    for tok in tokens:
        if current:
            prev = current[-1]
            gap = text[prev.end:tok.start]
            hard = False
            while bi < len(paragraph_breaks) and paragraph_breaks[bi] < tok.start:
                if paragraph_breaks[bi] >= prev.end - 1:
                    hard = True
                bi += 1
            if hard:
                close()
            elif "\n" in gap and not tok.text[0].islower():
                close()
            elif pending_end:
                if tok.text in _QUOTES:
                    # after a full stop a quote either closes the quotation
                    # still open in this sentence or opens the next sentence
                    if tok.text in _OPEN_QUOTES or not quotes_open:
                        close()
                elif tok.text in _CLOSERS and not gap:
                    pass
                elif tok.text[0].islower() or tok.text in ",;:":
                    pending_end = False  # not an end after all ("... km. lalu")
                else:
                    close()
        current.append(tok)
        t = tok.text
        if t in _QUOTES:
            if t in _OPEN_QUOTES:
                quotes_open = True
            elif t in "”’»":
                quotes_open = not quotes_open if t == "”" else False
            else:
                quotes_open = not quotes_open
        if t in _TERMINAL or (len(t) > 1 and set(t) <= {".", "!", "?"}) or t == "…":
            pending_end = True
    close()
    return result


def sentences(text: str) -> list[Sentence]:
    """Sentences of ``text``, each with its tokens and character offsets."""
    return split_sentences(text, tokenize(text))


def sentence_spans(text: str, nlp_doc=None) -> list[tuple[int, int]]:
    """(start, end) of each sentence: the NlpDoc's when one was computed, else split now.

    Components that only need sentence boundaries call this, so that one splitter
    (this module's, which needs no model) serves them all."""
    sents = getattr(nlp_doc, "sentences", None) if nlp_doc is not None else None
    return [(s.start, s.end) for s in (sents or sentences(text))]
