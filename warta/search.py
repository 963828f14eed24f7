"""Search text analysis shared by every store backend.

The same Indonesian analysis runs on indexed text and on queries, in Python,
so SQLite (FTS5) and PostgreSQL (tsvector with the ``simple`` configuration)
match exactly the same documents:

- words are lower-cased runs of letters/digits;
- stop words (Sastrawi's list) are dropped;
- every other word is reduced to its Sastrawi stem (``pemerintahan`` ->
  ``perintah``), so ``kebakaran`` finds ``terbakar``.

Query syntax (``parse_query``): words are ANDed; ``"a phrase"`` matches the
words in order; ``a OR b``; ``-word`` excludes; ``word*`` is a prefix (not
stemmed).  The query becomes an FTS5 MATCH expression or a PostgreSQL
``tsquery``; snippets are cut from the original body with the matched words
marked, identically for both backends.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional

WORD = re.compile(r"[^\W_]+")
QUERY_TOKEN = re.compile(r'-?"[^"]*"?|\S+')
SNIPPET_WORDS = 32
MARK = ("<mark>", "</mark>")


# ------------------------------------------------------------- analysis ---

@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    return frozenset(StopWordRemoverFactory().get_stop_words())


@lru_cache(maxsize=400_000)
def stem(word: str) -> str:
    """Sastrawi stem of one lower-case word; numbers and short words unchanged."""
    if len(word) <= 3 or not word.isalpha():
        return word
    return _stemmer().stem(word) or word


def terms(text: str) -> list[str]:
    """Index terms of a text: stems of its words, stop words dropped, in order."""
    stops = stop_words()
    return [stem(w) for w in WORD.findall(text.lower()) if w not in stops]


def index_text(text: Optional[str]) -> str:
    """Text as the index sees it: its terms joined by spaces."""
    return " ".join(terms(text or ""))


# ---------------------------------------------------------------- query ---

@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]   # stems; more than one = phrase
    prefix: bool = False


@dataclass
class Query:
    """Conjunction of clauses; each clause is a disjunction of terms."""

    clauses: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    text: str = ""

    @property
    def empty(self) -> bool:
        return not self.clauses

    def stems(self) -> set[str]:
        """Every stem the query looks for (for snippet highlighting)."""
        return {w for clause in self.clauses for t in clause for w in t.words if not t.prefix}

    def prefixes(self) -> set[str]:
        return {t.words[0] for clause in self.clauses for t in clause if t.prefix}


def _term(token: str) -> Optional[Term]:
    if token.startswith('"'):
        words = tuple(terms(token.strip('"')))
        return Term(words) if words else None
    if token.endswith("*") and len(token) > 1:
        base = WORD.findall(token[:-1].lower())
        # The index holds stems, so the prefix is stemmed too ("kecamat*" -> "camat*").
        return Term((stem(base[0]),), prefix=True) if len(base) == 1 else None
    words = tuple(terms(token))
    if not words:
        return None
    return Term(words)


def parse_query(text: str) -> Query:
    """The Query for a user's search string (stop words alone give an empty query)."""
    query = Query(text=text)
    pending_or = False
    for token in QUERY_TOKEN.findall(text):
        if token == "OR":
            pending_or = bool(query.clauses)
            continue
        negated = token.startswith("-") and len(token) > 1
        term = _term(token[1:] if negated else token)
        if term is None:
            continue
        if negated:
            query.excluded.append(term)
        elif pending_or:
            query.clauses[-1].append(term)
        else:
            query.clauses.append([term])
        pending_or = False
    return query


def to_fts5(query: Query) -> str:
    """FTS5 MATCH expression (columns title and body)."""
    def item(t: Term) -> str:
        return f'"{t.words[0]}"*' if t.prefix else '"' + " ".join(t.words) + '"'

    parts = ["(" + " OR ".join(item(t) for t in clause) + ")" for clause in query.clauses]
    expr = " AND ".join(parts)
    for t in query.excluded:
        expr = f"({expr}) NOT {item(t)}"
    return expr


def to_tsquery(query: Query) -> str:
    """PostgreSQL ``to_tsquery('simple', ...)`` expression with the same meaning."""
    def item(t: Term) -> str:
        if t.prefix:
            return f"'{t.words[0]}':*"
        return "(" + " <-> ".join(f"'{w}'" for w in t.words) + ")" if len(t.words) > 1 else f"'{t.words[0]}'"

    parts = ["(" + " | ".join(item(t) for t in clause) + ")" for clause in query.clauses]
    parts += [f"!{item(t)}" for t in query.excluded]
    return " & ".join(parts)


# -------------------------------------------------------------- snippet ---

def _matches(word: str, stems: set[str], prefixes: set[str]) -> bool:
    if prefixes and any(word.startswith(p) or stem(word).startswith(p) for p in prefixes):
        return True
    return word not in stop_words() and stem(word) in stems


def snippet(body: str, query: Query, width: int = SNIPPET_WORDS) -> str:
    """The window of ``width`` words of ``body`` holding most query terms, HTML-escaped,
    matched words wrapped in ``<mark>``."""
    words = list(WORD.finditer(body))
    if not words:
        return ""
    stems, prefixes = query.stems(), query.prefixes()
    hits = [i for i, m in enumerate(words) if _matches(m.group().lower(), stems, prefixes)]
    start = _best_window(words, hits, stems, prefixes, width)
    end = min(len(words), start + width)
    lo, hi = words[start].start(), words[end - 1].end()
    while hi < len(body) and not body[hi].isspace() and not body[hi].isalnum():
        hi += 1  # keep the punctuation that closes the last word
    out, pos = [], lo
    for i in hits:
        if start <= i < end:
            m = words[i]
            out.append(html.escape(body[pos:m.start()]) + MARK[0] + html.escape(m.group()) + MARK[1])
            pos = m.end()
    out.append(html.escape(body[pos:hi]))
    text = "".join(out).replace("\n", " ")
    return ("… " if lo > 0 else "") + text + (" …" if hi < len(body.rstrip()) else "")


def _best_window(words, hits: list[int], stems, prefixes, width: int) -> int:
    """Start index of the window with the most distinct matched terms (earliest on ties)."""
    if not hits:
        return 0
    best, best_score = hits[0], -1
    for i in hits:
        window = {_key(words[j].group().lower(), prefixes) for j in hits if i <= j < i + width}
        if len(window) > best_score:
            best, best_score = i, len(window)
    return max(0, best - width // 4)


def _key(word: str, prefixes: Iterable[str]) -> str:
    for p in prefixes:
        if word.startswith(p) or stem(word).startswith(p):
            return p
    return stem(word)
