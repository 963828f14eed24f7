"""Reported numbers in Indonesian news: value, unit, qualifier, range.

``find_quantities(body)`` finds "2.030 pasukan", "hampir 10 ribu orang",
"Rp 2,5 miliar", "73,6 persen", "10-15 orang", "dua hari" and returns them as
:class:`warta.records.Quantity` spans with character offsets into ``body``.

How it reads a number, in one left-to-right pass of one compiled regex:

1. the number itself: digits with Indonesian separators (``.`` groups
   thousands, ``,`` marks decimals) with an optional currency prefix, or a run
   of number words (``dua puluh lima``, ``seratus``, ``puluhan ribu``);
2. what follows it, each read by an anchored regex at the end of the last:
   a multiplier (``ribu``, ``juta``, ``M`` after a currency), a range
   (``-``, ``hingga``, ``sampai``), a percent sign, a currency name, then the
   counted noun (skipping classifiers such as ``buah``/``unit``/``ekor``) and
   at most one modifier (``perangkat militer``);
3. what precedes it: a qualifier (``hampir``, ``sekitar``, ``lebih dari``…),
   or a word that makes it an identifier rather than an amount (``Pasal 5``,
   ``RT 02``, ``pukul 06.18``, ``tahun 2022``).

Dates, clock times, years, phone numbers, ordinals and bare numbers with
nothing to say what they count are left out.  All word lists live in
``warta/data/quantities.json``; ``warta/data/quantities_pos.json`` (built by
``scripts/build_quantities_lexicon.py``) tells verbs and adjectives from nouns.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

from warta.records import Quantity

__all__ = ["find_quantities"]

SPACE = r"[ \t\u00a0\u2007\u2009\u202f]"  # narrow and thin no-break spaces occur in scraped text
_BLANKS = " \t\u00a0\u2007\u2009\u202f"


def _alternation(words, case_sensitive: bool = False) -> str:
    """Regex alternation, longest first, each word escaped (spaces match any blank)."""
    parts = sorted(set(words), key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", SPACE + "+") for w in parts)
    return f"(?:{body})" if case_sensitive else f"(?i:{body})"


@dataclass(frozen=True)
class Lexicon:
    """The data tables, with the regexes compiled from them once."""

    table: dict
    adjectives: frozenset
    non_nouns: frozenset
    number_re: re.Pattern
    word_anchor_re: re.Pattern
    currency_before_re: re.Pattern
    multiplier_re: re.Pattern
    money_multiplier_re: re.Pattern
    percent_re: re.Pattern
    currency_word_re: re.Pattern
    range_re: re.Pattern
    between_re: re.Pattern
    qualifier_re: re.Pattern
    word_re: re.Pattern
    time_point_re: re.Pattern

    def __getattr__(self, name):  # table lookups as sets: lex.classifiers, lex.months, ...
        try:
            return self.__dict__["_sets"][name]
        except KeyError:
            raise AttributeError(name) from None


def _load_json(name: str) -> dict:
    return json.loads(resources.files("warta.data").joinpath(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    t = _load_json("quantities.json")
    pos = _load_json("quantities_pos.json")
    digits = (r"\d{1,3}(?:\.\d{3})+(?:,\d+)?"       # 1.250.000 / 7.181,46
              r"|\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?"    # 1,250,000 (English grouping)
              r"|\d+\.\d{1,2}(?!\d)"                 # 13.50 / 1.5: a time unless % or juta follows
              r"|\d+(?:,\d+)?")                      # 250 / 73,6
    start_words = list(t["number_words"]) + list(t["vague_words"])
    cont_words = (start_words + list(t["word_scales_small"]) + list(t["multipliers"])
                  + list(t["fraction_denominators"]))
    currency = _alternation(t["currency_prefixes_case_sensitive"], case_sensitive=True)
    word_run = rf"\b{_alternation(start_words)}(?:{SPACE}+{_alternation(cont_words)})*\b"
    number_re = re.compile(
        rf"(?P<skip>\d+(?:/\d+)+|\d{{1,2}}-\d{{1,2}}-\d{{2,4}}\b|\d{{1,2}}:\d{{2}}(?::\d{{2}})?)"
        rf"|(?<![\w$€£¥₩₹])(?:(?P<cur>{currency}){SPACE}?)?(?P<digits>{digits})"
        rf"|(?P<words>{word_run})"
    )
    multiplier_re = re.compile(rf"{SPACE}?(?P<m>{_alternation(t['multipliers'])})(?P<an>an)?(?![a-z])")  # 'jutaBYD': scraped glue
    money_multiplier_re = re.compile(
        rf"{SPACE}?(?P<m>{_alternation(t['money_multipliers_case_sensitive'], case_sensitive=True)})\b")
    percent_re = re.compile(
        rf"{SPACE}?(?:%|{_alternation([w for w in t['percent_words'] if w != '%'])}\b)")
    currency_word_re = re.compile(rf"{SPACE}+(?P<c>{_alternation(t['currency_words'])})\b")
    connectors = [c for c in t["range_connectors"]]
    range_re = re.compile(
        rf"(?P<pct>{SPACE}?%)?{SPACE}*(?P<conn>{_alternation(connectors)}){SPACE}*"
        rf"(?:(?P<cur>{currency}){SPACE}?)?(?:(?P<digits>{digits})|(?P<words>{word_run}))")
    between_re = re.compile(
        rf"{SPACE}+(?i:dan){SPACE}+(?:(?P<cur>{currency}){SPACE}?)?(?:(?P<digits>{digits})|(?P<words>{word_run}))")
    qualifier_re = re.compile(
        rf"(?:^|(?<=[^\w-]))(?P<q>{_alternation(t['qualifiers_before'])}){SPACE}*\Z")
    word_re = re.compile(rf"{SPACE}*(?P<w>[^\W\d_]+(?:-[^\W\d_]+)*(?:/[^\W\d_]+)?[23²³]?(?!\w)|°[CF])")
    time_point_re = re.compile(rf"{SPACE}+{_alternation(t['time_point_after'])}\b")
    currency_before_re = re.compile(rf"(?<![\w$€£¥₩₹])(?P<cur>{currency}){SPACE}?\Z")
    lex = Lexicon(t, frozenset(pos["adjectives"]), frozenset(pos["non_nouns"]), number_re,
                  _first_letter_anchor(start_words), currency_before_re,
                  multiplier_re, money_multiplier_re, percent_re, currency_word_re, range_re,
                  between_re, qualifier_re, word_re, time_point_re)
    sets = {name: frozenset(w.lower() for w in t[name]) for name in (
        "id_words", "months", "clock_words", "classifiers", "unit_nouns", "not_heads",
        "not_modifiers", "duration_units", "cue_words", "coordinate_words")}
    sets["acronym_not_heads"] = frozenset(t["acronym_not_heads"])
    sets["units_exact"] = frozenset(t["unit_abbreviations_case_sensitive"])
    sets["id_words_exact"] = frozenset(t["id_words_case_sensitive"])
    sets["number_words"] = frozenset(t["number_words"]) | frozenset(t["vague_words"]) | \
        frozenset(t["word_scales_small"]) | frozenset(t["multipliers"])
    object.__setattr__(lex, "_sets", sets)
    return lex


def _first_letter_anchor(words) -> re.Pattern:
    """A regex finding where one of ``words`` starts, fast.

    CPython's regex engine skips ahead quickly only when a pattern begins with
    a plain character set; a leading ``\\b`` or alternation makes it try every
    position, which made the number-word search the slowest part of the pass.
    So the pattern starts with the set of first letters and checks the rest
    behind it.
    """
    by_letter: dict[str, list[str]] = {}
    for w in words:
        by_letter.setdefault(w[0].lower(), []).append(w[1:])
    letters = "".join(sorted(by_letter))
    branches = "|".join(
        f"(?<=[{c}{c.upper()}]){_alternation(rests)}" for c, rests in sorted(by_letter.items()))
    return re.compile(rf"[{letters}{letters.upper()}](?<!\w.)(?:{branches})\b")


# ------------------------------------------------------------- numbers ---

def parse_digits(text: str) -> tuple[float, bool]:
    """Value of a digit string; the flag says it is an ambiguous ``13.50`` form."""
    if re.fullmatch(r"\d+\.\d{1,2}", text):
        return float(text), True
    if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?", text):
        return float(text.replace(",", "")), False
    return float(text.replace(".", "").replace(",", ".")), False


def parse_number_words(run: str, lex: Lexicon) -> tuple[int, float, Optional[float]]:
    """Parse a run of number words; returns (characters used, value, vague upper bound).

    ``dua puluh lima`` = 25, ``tiga ratus ribu`` = 300000, ``puluhan ribu`` =
    20000..99000.  The run stops before a word that does not continue the
    number (``dua tiga`` reads ``dua``).
    """
    t = lex.table
    total, current, last, vague_max, used = 0.0, 0.0, None, None, 0
    seen_big = float("inf")
    for m in re.finditer(r"\S+", run):
        w = m.group(0).lower()
        if w in t["number_words"] or w in t["vague_words"]:
            if last is not None:
                break  # two units in a row: the number ended
            if w in t["vague_words"]:
                lo, hi = t["vague_words"][w]
                current += lo
                vague_max = hi
                last = lo
            else:
                last = t["number_words"][w]
                current += last
        elif w in t["word_scales_small"]:
            if last is None or last >= 10:
                break
            if w == "belas":
                current += 10
            else:
                current += last * (t["word_scales_small"][w] - 1)
            last = None
        elif w in t["fraction_denominators"]:
            if last is None or total or current != last:
                break
            current = last / t["fraction_denominators"][w]  # dua pertiga = 2/3
            last = None
        elif w in t["multipliers"]:
            scale = t["multipliers"][w]
            if current == 0 or scale >= seen_big:
                break
            total += current * scale
            if vague_max is not None:
                vague_max = vague_max * scale
            current, last, seen_big = 0.0, None, scale
        else:
            break
        used = m.end()
    return used, total + current, vague_max


# ------------------------------------------------------------ the pass ---

@dataclass
class _Reading:
    """One number being read, grown word by word from its core match."""

    start: int
    end: int
    value: float
    value_max: Optional[float] = None
    qualifier: Optional[str] = None
    unit: Optional[str] = None
    currency: Optional[str] = None
    multiplied: bool = False
    percent: bool = False
    from_words: bool = False
    grouped: bool = False      # written with separators or decimals: clearly an amount
    cue: bool = False          # preceded by sebanyak, mencapai, ...


def find_quantities(text: str) -> list[Quantity]:
    """All reported quantities in ``text``, in order of appearance."""
    lex = lexicon()
    found: list[Quantity] = []
    pos = 0
    for m in _numbers(text, lex):
        if m.start() < pos or m.group("skip"):
            continue
        pos = m.end()
        reading = _read(text, m, lex)
        if reading is None:
            continue
        pos = max(pos, reading.end)
        found.append(Quantity(text=text[reading.start:reading.end], start=reading.start,
                              end=reading.end, value=_clean(reading.value),
                              unit=reading.unit, qualifier=reading.qualifier,
                              value_max=_clean(reading.value_max)))
    return found


def _numbers(text: str, lex: Lexicon):
    """Core number matches in order: digit numbers (with a currency before them) and word runs."""
    digit_at = _DIGIT.search(text)
    word_at = lex.word_anchor_re.search(text)
    while digit_at or word_at:
        if word_at is None or (digit_at is not None and digit_at.start() < word_at.start()):
            p = digit_at.start()
            cur = lex.currency_before_re.search(text, max(0, p - 8), p)
            m = lex.number_re.match(text, cur.start() if cur else p)
            if m is None or m.end() <= p:
                m = None
            resume = m.end() if m else _WORD_CHARS.match(text, p).end()
            if m:
                yield m
            digit_at = _DIGIT.search(text, resume)
        else:
            m = lex.number_re.match(text, word_at.start())
            if m:
                yield m
            word_at = lex.word_anchor_re.search(text, m.end() if m else word_at.end())


_DIGIT = re.compile(r"\d")
_WORD_CHARS = re.compile(r"[\w.,]*")


def _clean(value: Optional[float]) -> Optional[float]:
    if value is None:
        return None
    return float(round(value, 6))


def _read(text: str, m: re.Match, lex: Lexicon) -> Optional[_Reading]:
    """Interpret one core match, or return None when it is not a reported amount."""
    if m.group("words"):
        used, value, vague_max = parse_number_words(m.group("words"), lex)
        if not used:
            return None
        r = _Reading(m.start(), m.start("words") + used, value, from_words=True)
        if vague_max is not None:
            r.value_max, r.qualifier = vague_max, "approx"
        if _excluded_word_number(text, r, lex):
            return None
    else:
        digits = m.group("digits")
        value, ambiguous = parse_digits(digits)
        r = _Reading(m.start(), m.end(), value,
                     grouped=("." in digits or "," in digits) and not ambiguous)
        if ambiguous and m.group("cur"):
            r.grouped = True  # '$ 2.50': an English decimal after a currency
        if m.group("cur"):
            r.currency = lex.table["currency_prefixes_case_sensitive"][m.group("cur")]
        if _excluded_digits(text, m, r, lex, ambiguous):
            return None
    _read_multiplier(text, r, lex)
    if not _read_range(text, r, lex):
        return None
    _read_percent_or_currency(text, r, lex)
    _read_qualifier_and_cue(text, r, lex)
    if r.currency is None and not r.percent:
        if not _read_unit(text, r, lex):
            return None
    _read_trailing_lebih(text, r, lex)
    if not _is_reported(text, r, lex):
        return None
    return r


@dataclass
class _Word:
    """The word just before a number: ``group("w")``, ``start()`` like a regex match."""

    text: str
    begin: int

    def group(self, _name: str = "w") -> str:
        return self.text

    def start(self) -> int:
        return self.begin


def _prev_word(text: str, start: int, lex: Lexicon) -> Optional[_Word]:
    """The word before ``start``, across blanks and an opening parenthesis (scanned back by hand:
    a backward regex search re-tries every start position)."""
    i = start
    while i > 0 and (text[i - 1] in _BLANKS or text[i - 1] == "("):
        i -= 1
    end = i
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "-._") and end - i < 40:
        i -= 1
    while i < end and not text[i].isalpha():
        i += 1  # a word starts with a letter
    for j in range(end - 1, i, -1):
        if text[j].isupper() and text[j - 1].islower():
            i = j  # scraped glue 'hajiKloter': the last word is 'Kloter'
            break
    return _Word(text[i:end], i) if i < end else None


def _excluded_digits(text: str, m: re.Match, r: _Reading, lex: Lexicon, ambiguous: bool) -> bool:
    """Identifiers, times, dates, years, phone numbers: not amounts."""
    digits = m.group("digits")
    s, e = m.start("digits"), m.end()
    before = text[s - 1] if s else ""
    if not m.group("cur"):
        if before and (before in "/+#@_." or (before in "-–" and s > 1 and text[s - 2].isalnum())):
            return True
    after = text[e:e + 1]
    if after and (after.isalpha() and not _glued_suffix_ok(text, e, lex)):
        return True
    if after in (":",) and text[e + 1:e + 2].isdigit():
        return True
    integer = digits.split(",")[0].split(".")[0]
    if len(integer) > 1 and integer.startswith("0"):
        return True  # 021, 06.18, RT 02, phone numbers
    if digits.isdigit() and len(digits) >= 8 and not r.currency:
        return True
    if ambiguous and not r.currency and not _followed_by_scale_or_percent(text, e, lex):
        return True  # 13.50, 06.18, 5.0: clock times and versions
    if _at_list_item(text, s, e):
        return True
    prev = _prev_word(text, m.start(), lex)
    if prev is not None and not r.currency:
        word = prev.group("w")
        low = word.lower().rstrip(".")
        if low in lex.months:
            return True  # Mei 2025
        if (low in lex.id_words or word in lex.id_words_exact) and not _followed_by_scale_or_percent(text, e, lex):
            return True
        if text[max(0, prev.start() - 3):prev.start()].lower().endswith("ke-") or low == "ke-":
            return True
    if text[max(0, s - 3):s].lower() == "ke-":
        return True
    nxt = lex.word_re.match(text, e)
    if nxt is not None:
        w = nxt.group("w").lower()
        if w in lex.months or w in lex.clock_words or w in lex.coordinate_words:
            return True  # 15 Agustus, 13.50 WIB, 8,32 Lintang Selatan
    if _looks_like_year(digits, r) and not _year_used_as_amount(text, e, lex):
        return True
    return False


def _glued_suffix_ok(text: str, end: int, lex: Lexicon) -> bool:
    """'5%' is fine; '10rb', '5kg', '2jt' are fine; 'G20'-like '5G', '48jet' are not."""
    m = re.match(r"[^\W\d_]+", text[end:end + 12])
    word = m.group(0) if m else ""
    if word.lower() in lex.table["multipliers"] or word in lex.units_exact:
        return True
    if word in lex.table["money_multipliers_case_sensitive"]:
        return True
    return False


def _followed_by_scale_or_percent(text: str, end: int, lex: Lexicon) -> bool:
    return bool(lex.multiplier_re.match(text, end) or lex.percent_re.match(text, end))


def _at_list_item(text: str, start: int, end: int) -> bool:
    """'1. Berlaku untuk…', '10) Korean Air' at the start of a line."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(" \t\u00a0(") != "":
        return False
    return text[end:end + 2] in (". ", ") ", ".\t") or text[end:end + 1] in (")",)


def _looks_like_year(digits: str, r: _Reading) -> bool:
    return (digits.isdigit() and len(digits) == 4 and 1900 <= int(digits) <= 2100
            and r.currency is None)


def _year_used_as_amount(text: str, end: int, lex: Lexicon) -> bool:
    if _followed_by_scale_or_percent(text, end, lex):
        return True
    nxt = lex.word_re.match(text, end)
    if nxt is None:
        return False
    w = nxt.group("w")
    return w.islower() and (w in lex.classifiers or (w in lex.unit_nouns and w not in lex.duration_units))


def _excluded_word_number(text: str, r: _Reading, lex: Lexicon) -> bool:
    """'salah satu', 'satu-satunya', 'satu per satu' are not counts."""
    phrase_start = max(0, r.start - 8)
    window = text[phrase_start:r.end + 12].lower()
    for phrase in lex.table["sentence_cue_exclusions"]:
        if phrase in window:
            i = window.find(phrase) + phrase_start
            if i <= r.start < i + len(phrase):
                return True
    if text[r.end:r.end + 1] == "-" and text[r.end + 1:r.end + 2].isalpha():
        rng = lex.range_re.match(text, r.end)
        if rng is None or not rng.group("words"):
            return True  # 'satu-satunya'; 'dua-tiga' is a range
    if text[r.start].isupper() and not _starts_sentence(text, r.start):
        nxt = lex.word_re.match(text, r.end)
        if nxt is not None and nxt.group("w")[:1].isupper():
            return True  # 'Program Satu Desa', 'Dua Suara Media': part of a name
    prev = _prev_word(text, r.start, lex)
    if prev is not None and prev.group("w").lower() in lex.id_words:
        return True
    return False


def _read_multiplier(text: str, r: _Reading, lex: Lexicon) -> None:
    if r.from_words:
        return
    m = lex.multiplier_re.match(text, r.end)
    scale = None
    if m:
        scale = lex.table["multipliers"][m.group("m").lower()]
    elif r.currency:
        m = lex.money_multiplier_re.match(text, r.end)
        if m:
            scale = lex.table["money_multipliers_case_sensitive"][m.group("m")]
    if m and scale:
        r.value *= scale
        r.end = m.end()
        r.multiplied = True
        if m.groupdict().get("an"):
            r.qualifier = "approx"  # 'Rp 200 jutaan': two hundred-odd million
    elif text[r.end:r.end + 3].lower() == "-an" and not text[r.end + 3:r.end + 4].isalpha():
        r.end += 3
        r.qualifier = "approx"  # 500-an orang


def _read_range(text: str, r: _Reading, lex: Lexicon) -> bool:
    """Extend '10-15', 'Rp 11 sampai Rp 16 miliar', 'antara 10 dan 20'; False drops the reading."""
    m = lex.range_re.match(text, r.end)
    if m is None and _preceded_by(text, r.start, "antara", lex):
        m = lex.between_re.match(text, r.end)
    if m is None:
        return True
    if m.group("words"):
        used, high, _ = parse_number_words(m.group("words"), lex)
        if not used:
            return True
        end = m.start("words") + used
    else:
        digits = m.group("digits")
        high, ambiguous = parse_digits(digits)
        end = m.end()
        if ambiguous or _looks_like_year(digits, r):
            return True  # '13.00-14.00', '2019-2022': not a range of amounts
        nxt = lex.word_re.match(text, end)
        if nxt is not None and nxt.group("w").lower() in lex.months | lex.clock_words:
            return True  # '10 hingga 15 Juni': the second number is a date
        if text[end:end + 1] in ("/", ":") or text[end:end + 1].isalpha() and not _glued_suffix_ok(text, end, lex):
            return True
    multiplier = lex.multiplier_re.match(text, end)
    high_scale = 1.0
    if multiplier:
        high_scale = lex.table["multipliers"][multiplier.group("m").lower()]
        end = multiplier.end()
    elif r.currency and lex.money_multiplier_re.match(text, end):
        mm = lex.money_multiplier_re.match(text, end)
        high_scale = lex.table["money_multipliers_case_sensitive"][mm.group("m")]
        end = mm.end()
    high *= high_scale
    if not r.multiplied and high_scale != 1.0:
        r.value *= high_scale  # 'Rp 4-6 ribu', 'Rp 11 sampai Rp 16 miliar'
    if m.groupdict().get("conn", "dan") in "-–—" and high <= r.value:
        return not (r.value < 100 and high < 100)  # 2-1: a score; drop both
    if high <= r.value:
        return True
    if m.group("cur") and r.currency is None:
        r.currency = lex.table["currency_prefixes_case_sensitive"][m.group("cur")]
    r.value_max, r.end = high, end
    if r.qualifier in (None, "approx"):
        r.qualifier = "range"
    if m.groupdict().get("pct"):
        r.percent, r.unit = True, "%"  # '10%-15' with or without the second sign
    return True


def _preceded_by(text: str, start: int, word: str, lex: Lexicon) -> bool:
    prev = _prev_word(text, start, lex)
    return prev is not None and prev.group("w").lower() == word


def _read_percent_or_currency(text: str, r: _Reading, lex: Lexicon) -> None:
    m = lex.percent_re.match(text, r.end)
    if m:
        r.percent, r.unit, r.end = True, "%", m.end()
        return
    if r.currency is None:
        m = lex.currency_word_re.match(text, r.end)
        if m:
            name = re.sub(r"\s+", " ", m.group("c").lower())
            r.currency, r.end = lex.table["currency_words"][name], m.end()
    if r.currency is not None:
        r.unit = r.currency


def _read_qualifier_and_cue(text: str, r: _Reading, lex: Lexicon) -> None:
    m = lex.qualifier_re.search(text, max(0, r.start - 30), r.start)
    if m:
        qualifier = lex.table["qualifiers_before"][re.sub(r"\s+", " ", m.group("q").lower())]
        if r.qualifier != "range":
            r.qualifier = qualifier
        r.start = m.start("q")
    prev = _prev_word(text, r.start, lex)
    if prev is not None and prev.group("w").lower() in lex.cue_words:
        r.cue = True
        if r.qualifier == "range" and prev.group("w").lower() == "antara":
            r.start = prev.start()  # 'antara 10 dan 20 persen'


_NOT_AFTER_LEBIH = frozenset({"dari", "daripada", "ketimbang", "dibanding", "dibandingkan"})


def _read_trailing_lebih(text: str, r: _Reading, lex: Lexicon) -> None:
    """'10 orang lebih', 'Rp 1 triliun lebih': more than, unless a comparison follows
    ('5 persen lebih tinggi', '10 orang lebih dari ...')."""
    m = lex.word_re.match(text, r.end)
    if m is None or m.group("w") != "lebih" or m.start("w") == r.end:
        return
    after = lex.word_re.match(text, m.end())
    if after is not None and after.start("w") > m.end():
        word = after.group("w").lower()
        if word in _NOT_AFTER_LEBIH or word not in lex.not_heads:
            return
    if r.qualifier is None:
        r.qualifier, r.end = "more-than", m.end()


_VERB_SHAPE = re.compile(r"(?:me[mnrl]?|meng|meny|di|memper|diper)\w{3,}")  # ber-/ter- words are often nouns
_ACRONYM = re.compile(r"[A-Z]{2,5}")


def _head_form(word: str, lex: Lexicon) -> Optional[str]:
    """The unit a word gives as the counted thing, or None when it cannot be one.

    ``aktivis`` -> ``aktivis``; ``anggotanya`` -> ``anggota``; ``KPM`` -> ``KPM``;
    ``ditahan`` (a verb), ``dan``, ``Januari``, ``lainnya`` -> None.
    """
    if _ACRONYM.fullmatch(word):
        return None if word in lex.acronym_not_heads else word
    low = word.lower()
    if not (word.islower() or (word[:1].isupper() and word[1:].islower())):
        return None
    if low.endswith("nya") and len(low) > 6 and low not in lex.not_heads:
        low = low[:-3]  # anggotanya: its members
    if low in lex.unit_nouns:
        return low
    if not word.islower():
        return None  # a capitalised word is a name unless it is a known unit noun
    if low in lex.not_heads or low in lex.non_nouns or low in lex.adjectives:
        return None
    if low in lex.months or low in lex.clock_words or low in lex.number_words:
        return None
    if _VERB_SHAPE.fullmatch(low) and not low.endswith("an"):
        return None  # dipimpin, ditahan, bertambah, terluka: a predicate, not what is counted
    return low


def _read_unit(text: str, r: _Reading, lex: Lexicon) -> bool:
    """Attach the counted noun; False when the number is a time point ('3 hari lalu')."""
    m = lex.word_re.match(text, r.end)
    if m is None:
        return True
    word = m.group("w")
    if word in lex.units_exact:
        r.unit, r.end = word, m.end()
        return True
    if m.start("w") == r.end:
        return True  # glued letters were judged by the digit checks
    low = word.lower()
    head, end = None, m.end()
    if low in lex.classifiers:
        nxt = lex.word_re.match(text, end)
        noun = _head_form(nxt.group("w"), lex) if nxt is not None else None
        if noun is not None and noun not in lex.duration_units:
            head, end = noun, nxt.end()  # 'dua unit sepeda': the bicycles are counted
        else:
            head = low
    else:
        head = _head_form(word, lex)
    if head is None:
        return True
    if head in lex.duration_units and lex.time_point_re.match(text, end):
        return False  # '3 hari lalu' is a date, left to the time expressions
    r.unit, r.end = head, end
    _read_modifier(text, r, lex)
    return True


def _read_modifier(text: str, r: _Reading, lex: Lexicon) -> None:
    """One word that narrows the counted noun: 'perangkat militer', 'pulau kecil'."""
    if r.unit in lex.duration_units or r.unit.isupper():
        return
    m = lex.word_re.match(text, r.end)
    if m is None or m.start("w") == r.end:
        return
    word = m.group("w")
    low = word.lower()
    if word.islower() and (low in lex.table["modifier_nouns"].get(r.unit, ())
                           or (low in lex.adjectives and low not in lex.not_modifiers)):
        r.unit, r.end = f"{r.unit} {low}", m.end()


def _is_reported(text: str, r: _Reading, lex: Lexicon) -> bool:
    """Keep numbers that say what they count or how much; drop bare labels and scores."""
    if r.currency or r.percent:
        return True
    if r.multiplied:
        return not (r.unit and _names_a_thing(text, r, lex))
    qualified = r.qualifier not in (None, "range") or r.cue
    if r.from_words:
        if r.value == 1 and r.value_max is None and not qualified:
            # 'satu' mostly works as an article ('satu sisi', 'satu langkah')
            return r.unit is not None and (r.unit.split()[0] in lex.unit_nouns)
        return r.unit is not None or (r.value_max is not None and r.qualifier == "approx")
    if r.unit:
        return r.grouped or qualified or not _names_a_thing(text, r, lex)
    return (r.grouped or qualified) and not _names_a_thing(text, r, lex)


def _starts_sentence(text: str, start: int) -> bool:
    i = start
    while i > 0 and (text[i - 1] in _BLANKS or text[i - 1] in "\"'“("):
        i -= 1
    return i == 0 or text[i - 1] in ".!?:\n"


def _names_a_thing(text: str, r: _Reading, lex: Lexicon) -> bool:
    """'Liga 1 Indonesia', 'Dewa 19', 'Ryzen 5': a number right after a Capitalised name."""
    prev = _prev_word(text, r.start, lex)
    if prev is None:
        return False
    word = prev.group("w")
    if not word[:1].isupper() or word.lower() in lex.cue_words:
        return False
    if r.unit is not None and r.unit.isupper():
        return True  # 'Formula 1 MSC', 'Kloter 12 JKS': a name and its code
    if _starts_sentence(text, prev.start()):
        return False  # a capital that only starts a sentence
    if r.unit is not None and text[r.end - len(r.unit):r.end][:1].isupper():
        return True  # 'Program 3 Juta Rumah': a title-case name
    return r.unit is None or r.unit.split()[0] not in lex.unit_nouns
