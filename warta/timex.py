"""Indonesian time expressions, found and normalised to TIMEX3 values.

``find_times(text, reference)`` returns :class:`warta.records.TimeExpression`
spans (``type`` DATE / TIME / DURATION / SET, ``value`` in TIMEX3 form such
as ``2022-01-09``, ``2022-W01``, ``2014-Q1``, ``P2D``, ``PRESENT_REF``).

How it works, in three steps:

1. *Recognise*: each rule below is one compiled regular expression, built
   once from the lexicon in ``warta/data/timex.json``.  Every rule is run
   over the text; a range modifier just before a match (``awal``, ``akhir``,
   ``pertengahan``, ``sekitar`` …) is pulled into its span.
2. *Select*: overlapping candidates are settled longest-first, so
   ``Rabu (12/1/2022)`` beats ``Rabu`` and ``3 hari lalu`` beats ``3 hari``.
3. *Normalise*, in reading order, against the reference time (the article's
   publication time).  Expressions that need an anchor other than "now"
   (``hari itu``, ``pukul 08.00 WIB``, ``dua hari kemudian``) use the last
   calendar day mentioned before them, as TimeML annotators do.

Span conventions follow the IndoTimex (Kompas) TimeML annotation: the
preposition (``pada``, ``sejak``, ``dalam``, ``selama``) stays outside; the
weekday, ``tahun``, ``pukul`` and the time zone are inside.

Without a reference, absolute dates still resolve; relative ones get an
underspecified value (``XXXX-XX-XX``, ``XXXX-WXX``, ``XXXX``).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Callable, Optional

from warta.records import TimeExpression

_LEX = json.loads(resources.files("warta.data").joinpath("timex.json").read_text(encoding="utf-8"))

WEEKDAYS: dict[str, int] = _LEX["weekdays"]
MONTHS: dict[str, int] = _LEX["months"]
MONTHS_ANY: dict[str, int] = {**_LEX["months"], **_LEX["month_abbreviations"]}
DIGITS: dict[str, int] = _LEX["digits"]
NUMBER_WORDS: dict[str, float] = _LEX["number_words"]
VAGUE_NUMBERS: set[str] = set(_LEX["vague_numbers"])
UNITS: dict[str, list] = _LEX["units"]  # word -> [TIMEX letter, is clock unit, factor]
SE_UNITS: dict[str, str] = _LEX["se_units"]
REDUPLICATED: dict[str, str] = _LEX["reduplicated_units"]
PARTS_OF_DAY: dict[str, str] = _LEX["parts_of_day"]
SEASONS: dict[str, str] = _LEX["seasons"]
ORDINALS: dict[str, int] = _LEX["ordinals"]
VAGUE: dict[str, str] = _LEX["vague"]
VAGUE_DURATIONS: dict[str, str] = _LEX["vague_durations"]
HOLIDAYS: dict[str, str] = _LEX["holidays"]
COUNT_NOUNS: set[str] = set(_LEX["count_nouns_after_year"])
PAST_WORDS = _LEX["past_words"]
FUTURE_WORDS = _LEX["future_words"]


# ---------------------------------------------------------------- patterns ---

def _alt(words) -> str:
    """Regex alternation of words, longest first, spaces matching any whitespace."""
    escaped = (re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return "(?:" + "|".join(escaped) + ")"


# "Minggu" is Sunday only when capitalised; lower-case "minggu" is the week.
WEEKDAY = "(?:" + "|".join(re.escape(w) for w in WEEKDAYS if w != "minggu") + "|(?-i:Minggu))"
MONTH = _alt(MONTHS)
MONTH_ANY = _alt(MONTHS_ANY)
ONE = _alt(DIGITS)
NUM = (r"(?:\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?"
       rf"|{ONE}\s+puluh(?:\s+{ONE})?|{ONE}\s+belas|{ONE}\s+ratus|{_alt(NUMBER_WORDS)}|{ONE}"
       rf"|{_alt(VAGUE_NUMBERS)})(?:\s+setengah)?")
UNIT = _alt(UNITS)
DATE_UNIT = _alt(w for w, spec in UNITS.items() if not spec[1])
POD = _alt(PARTS_OF_DAY)
TZ = r"(?:WITA|WIB|WIT|GMT|UTC)\b"
YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
PAST = _alt(PAST_WORDS)
FUTURE = _alt(FUTURE_WORDS)
DIRECTION = f"(?:{PAST}|{FUTURE}|ini)"
B = r"(?<![\w'’])"           # word start
E = r"(?!\w)"                # word end
MODIFIERS = re.compile(r"(?:^|(?<=[\s(]))(" + _alt(_LEX["range_modifiers"]) + r")\s+$", re.I)


# ------------------------------------------------------------- resolution ---

@dataclass
class Resolver:
    """Reference time plus the last calendar day mentioned (the anchor)."""

    ref: Optional[dt.datetime]
    anchor: Optional[dt.date] = None

    @property
    def today(self) -> Optional[dt.date]:
        return self.ref.date() if self.ref else None

    @property
    def base(self) -> Optional[dt.date]:
        """Anchor for anaphoric expressions: last day mentioned, else today."""
        return self.anchor or self.today


def _add_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def _week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _quarter(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _shift(day: dt.date, n: int, letter: str) -> dt.date:
    if letter == "D":
        return day + dt.timedelta(days=n)
    if letter == "W":
        return day + dt.timedelta(weeks=n)
    if letter == "M":
        return _add_months(day, n)
    if letter == "Q":
        return _add_months(day, 3 * n)
    if letter == "Y":
        return _add_months(day, 12 * n)
    if letter == "DE":
        return _add_months(day, 120 * n)
    return _add_months(day, 1200 * n)  # CE


def _granular(day: Optional[dt.date], letter: str) -> str:
    """A day written at the granularity of a calendar unit."""
    if day is None:
        return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX"}.get(letter, "XXXX")
    if letter == "D":
        return day.isoformat()
    if letter == "W":
        return _week(day)
    if letter == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if letter == "Q":
        return _quarter(day)
    if letter == "DE":
        return f"{day.year // 10:03d}"
    if letter == "CE":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def _nearest_year(ref: Optional[dt.date], month: int, day: Optional[int] = None, direction: int = 0,
                  weekday: Optional[int] = None) -> Optional[int]:
    """Year that puts the month (and day) nearest to ``ref``; ``direction`` -1 past only, +1 future only.

    Months are compared in whole months, days in days, with days ahead
    counting double and ties going to the past (news mostly reports what
    happened).  A written weekday (``Rabu (18/6)``) picks the year it fits.
    """
    if ref is None:
        return None
    years = [ref.year - 1, ref.year, ref.year + 1]
    if weekday and day:
        fitting = [y for y in years if (d := _safe_date(y, month, day)) and d.isoweekday() == weekday]
        if len(fitting) == 1:
            return fitting[0]
    best = None
    for year in years:
        if day is None:
            delta = (year * 12 + month) - (ref.year * 12 + ref.month)
            if direction < 0 and delta >= 0:
                continue  # "Desember lalu" written in December is last year's
        else:
            cand = _safe_date(year, month, day) or dt.date(year, month, 28)
            delta = (cand - ref).days
            if direction < 0 and delta > 0:
                continue
        if direction > 0 and delta < 0:
            continue
        key = (abs(delta) * (2 if day is not None and delta > 0 else 1), delta > 0)
        if best is None or key < best[0]:
            best = (key, year)
    return best[1] if best else ref.year


def _direction(word: Optional[str]) -> int:
    if not word:
        return 0
    word = " ".join(word.lower().split())
    if word in PAST_WORDS or word.startswith(("pekan l", "minggu l", "pekan k", "minggu k")):
        return -1
    if word in FUTURE_WORDS or word.startswith(("pekan d", "minggu d", "pekan m", "minggu m")):
        return 1
    return 0


def _number(text: str) -> Optional[float]:
    """Value of a numeral (digits or words); ``None`` for vague ones (``beberapa``)."""
    t = " ".join(text.lower().split())
    half = 0.0
    if t.endswith(" setengah"):
        t, half = t[: -len(" setengah")], 0.5
    if t in VAGUE_NUMBERS:
        return None
    if t[0].isdigit():
        if "," in t:
            return float(t.replace(".", "").replace(",", ".")) + half
        return float(t.replace(".", "")) + half
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t] + half
    parts = t.split()
    value = DIGITS.get(parts[0], 0)
    if len(parts) >= 2:
        value *= {"puluh": 10, "belas": 1, "ratus": 100}[parts[1]]
        if parts[1] == "belas":
            value += 10
        if len(parts) == 3:
            value += DIGITS.get(parts[2], 0)
    return value + half


def _fmt(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _duration(n: Optional[float], unit: str) -> str:
    letter, clock, factor = UNITS[unit.lower()]
    if n is None:
        return f"PTX{letter}" if clock else f"PX{letter}"
    n = n * factor
    if n < 1:  # "setengah tahun" -> P6M, "setengah jam" -> PT30M
        finer = {"Y": ("M", 12, False), "D": ("H", 24, True), "H": ("M", 60, True), "W": ("D", 7, False)}
        if letter in finer and float(n * finer[letter][1]).is_integer():
            letter, mult, clock = finer[letter]
            n *= mult
    if letter in ("DE", "CE"):  # ISO 8601 has no decade/century unit
        n, letter = n * (10 if letter == "DE" else 100), "Y"
    return f"P{'T' if clock else ''}{_fmt(n)}{letter}"


# ------------------------------------------------------------------ rules ---

Value = tuple[str, str]  # (type, value)


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    resolve: Callable[[re.Match, Resolver], Optional[Value]]
    check: Optional[Callable[[re.Match, str], bool]] = None
    first: frozenset = frozenset()  # lower-case tokens a match can start with; "#" = any number


RULES: list[Rule] = []
DIGIT = "#"


def _firsts(*groups) -> frozenset:
    """First tokens of words and phrases (``"dini hari"`` -> ``dini``, ``"sehari-hari"`` -> ``sehari``)."""
    out = set()
    for group in groups:
        for phrase in ([group] if isinstance(group, str) else group):
            out.add(re.split(r"[\s-]+", phrase.lower())[0])
    return frozenset(out)


def rule(name: str, pattern: str, first, check: Optional[Callable[[re.Match, str], bool]] = None):
    """Register a rule; ``first`` lists the tokens where a match may begin (matching is tried only there)."""
    def wrap(func):
        RULES.append(Rule(name, re.compile(pattern, re.I), func, check, _firsts(first)))
        return func
    return wrap


_WD = list(WEEKDAYS)
_NUM_START = [DIGIT, *DIGITS, *NUMBER_WORDS, *VAGUE_NUMBERS]


def _g(m: re.Match, name: str) -> Optional[str]:
    try:
        return m.group(name)
    except IndexError:
        return None


def _pod(m: re.Match, *names: str) -> Optional[str]:
    for name in names:
        word = _g(m, name)
        if word:
            return PARTS_OF_DAY[" ".join(word.lower().split())]
    return None


def _day_value(day: Optional[dt.date], pod: Optional[str], placeholder: str = "XXXX-XX-XX") -> Value:
    text = day.isoformat() if day else placeholder
    return ("TIME", f"{text}T{pod}") if pod else ("DATE", text)


def _year_of(y: str) -> int:
    year = int(y)
    if year < 100:
        year += 2000 if year < 50 else 1900
    return year


def _safe_date(year: Optional[int], month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day) if year else None
    except ValueError:
        return None


# Full dates: "9 Januari 2022", "Ahad, 9 Januari 2022", "5 Januari lalu", "tanggal 27 November".
@rule("date_dmy",
      rf"{B}(?:hari\s+)?(?:(?P<wd>{WEEKDAY})\s*,?\s*)?(?:(?:tanggal|tgl\.?)\s+)?(?P<d>[0-3]?\d)\s*"
      rf"(?P<mon>{MONTH}|{MONTH_ANY}\.?)(?:\s*,?\s*(?:tahun\s+)?(?P<y>{YEAR}))?(?!\d)"
      rf"(?:\s+(?P<rel>{PAST}|{FUTURE}|ini))?{E}",
      first=["hari", *_WD, "tanggal", "tgl", DIGIT])
def _date_dmy(m: re.Match, r: Resolver) -> Optional[Value]:
    day, month = int(m["d"]), MONTHS_ANY[m["mon"].rstrip(".").lower()]
    if not 1 <= day <= 31:
        return None
    wd = WEEKDAYS[m["wd"].lower()] if m["wd"] else None
    year = int(m["y"]) if m["y"] else _nearest_year(r.today, month, day, _direction(m["rel"]), wd)
    date = _safe_date(year, month, day)
    return ("DATE", date.isoformat()) if date else ("DATE", f"XXXX-{month:02d}-{day:02d}")


def _dm_ok(m: re.Match, text: str) -> bool:
    """A bare d/m needs a weekday, parentheses or a year to count as a date."""
    if not (1 <= int(m["d"]) <= 31 and 1 <= int(m["mo"]) <= 12):
        return False
    return bool(m["y"] or m["wd"] or m["open"])


# Numeric dates: "12/1/2022", "Rabu (12/1/2022)", "Rabu (18/6)", "Senin (29/12/2014) malam".
@rule("date_numeric",
      rf"{B}(?:hari\s+)?(?:(?P<wd>{WEEKDAY})(?:\s+(?P<pod1>{POD}))?\s*,?\s*)?(?P<open>\()?\s*"
      r"(?<![\d/.,])(?P<d>[0-3]?\d)\s*[/-]\s*(?P<mo>[01]?\d)(?:\s*[/-]\s*(?P<y>(?:19|20)?\d\d))?(?![\d/.,]\d)"
      rf"\s*(?(open)\)|)(?:\s+(?P<pod2>{POD}))?(?:\s+(?P<tz>{TZ}))?",
      first=["hari", *_WD, "(", DIGIT], check=_dm_ok)
def _date_numeric(m: re.Match, r: Resolver) -> Optional[Value]:
    day, month = int(m["d"]), int(m["mo"])
    wd = WEEKDAYS[m["wd"].lower()] if m["wd"] else None
    year = _year_of(m["y"]) if m["y"] else _nearest_year(r.today, month, day, 0, wd)
    date = _safe_date(year, month, day)
    if date is None and year:
        return None
    return _day_value(date, _pod(m, "pod1", "pod2"), f"XXXX-{month:02d}-{day:02d}")


@rule("date_iso", rf"(?<![\d/.-])(?P<y>{YEAR})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?![\d/])",
      first=[DIGIT])
def _date_iso(m: re.Match, r: Resolver) -> Optional[Value]:
    date = _safe_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    return ("DATE", date.isoformat()) if date else None


_FUTURE_CUE = re.compile(r"\b(?:akan|bakal|dijadwalkan|rencananya|direncanakan|nanti)\b[^.!?\n]{0,40}$", re.I)


def _resolve_weekday(today: dt.date, wd: int, mode: str) -> dt.date:
    monday = today - dt.timedelta(days=today.weekday())
    if mode in ("last_week", "next_week", "this_week"):
        weeks = {"last_week": -1, "this_week": 0, "next_week": 1}[mode]
        return monday + dt.timedelta(weeks=weeks, days=wd - 1)
    delta = (wd - 1) - today.weekday()
    if mode == "past":          # strictly before today
        return today + dt.timedelta(days=delta - 7 if delta >= 0 else delta)
    if mode == "future":        # strictly after today
        return today + dt.timedelta(days=delta + 7 if delta <= 0 else delta)
    if mode == "upcoming":      # today or later
        return today + dt.timedelta(days=delta + 7 if delta < 0 else delta)
    return today + dt.timedelta(days=delta - 7 if delta > 0 else delta)  # most recent, today included


# Weekdays: "Jumat", "Senin lalu", "Jumat pekan depan", "Selasa malam", "(Rabu pagi WIB)".
@rule("weekday",
      rf"{B}(?:hari\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<pod>{POD}))?"
      rf"(?:\s+(?P<rel>(?:pekan|minggu)\s+(?:{PAST}|{FUTURE}|ini)|{PAST}|{FUTURE}|ini))?"
      rf"(?:\s+(?P<tz>{TZ}))?{E}",
      first=["hari", *_WD])
def _weekday(m: re.Match, r: Resolver) -> Optional[Value]:
    if re.search(r"\b(?:pasar|jalan|jl\.?)\s+$", m.string[max(0, m.start() - 8):m.start()], re.I):
        return None  # a place name: "Pasar Minggu"
    wd = WEEKDAYS[m["wd"].lower()]
    pod = _pod(m, "pod")
    if r.today is None:
        return _day_value(None, pod, f"XXXX-WXX-{wd}")
    rel = " ".join((m["rel"] or "").lower().split())
    direction = _direction(rel)
    if rel.startswith(("pekan", "minggu")):
        mode = {-1: "last_week", 1: "next_week"}.get(direction, "this_week")
    elif rel == "ini":
        mode = "this_week"
    elif direction:
        mode = "past" if direction < 0 else "future"
    elif _FUTURE_CUE.search(m.string, max(0, m.start() - 60), m.start()):
        mode = "upcoming"
    else:
        mode = "recent"
    return _day_value(_resolve_weekday(r.today, wd, mode), pod)


# Month (and year): "Januari 2022", "bulan Juli lalu", "Oktober ini", "Januari tahun depan".
@rule("month",
      rf"{B}(?:bulan\s+)?(?:(?P<mon>{MONTH})|(?P<abbr>{MONTH_ANY})\.?(?=\s*{YEAR}))"
      rf"(?:\s*,?\s*(?:tahun\s+)?(?P<y>{YEAR})(?!\d)|\s+tahun\s+(?P<yrel>{DIRECTION})|\s+(?P<rel>{DIRECTION}))?{E}"
      rf"(?=\s*(?:-|–|hingga|sampai|dan)\s*{MONTH}\s+(?:tahun\s+)?(?P<ry>{YEAR}))?",
      first=["bulan", *MONTHS_ANY])
def _month(m: re.Match, r: Resolver) -> Optional[Value]:
    month = MONTHS_ANY[(m["mon"] or m["abbr"]).lower()]
    if m["y"] or m["ry"]:
        year = int(m["y"] or m["ry"])
    elif m["yrel"]:
        year = r.today.year + _direction(m["yrel"]) if r.today else None
    elif r.today is not None:
        rel = (m["rel"] or "").lower()
        direction = _direction(rel) or _month_cue(m)
        year = r.today.year if rel == "ini" else _nearest_year(r.today, month, None, direction)
    else:
        year = None
    return ("DATE", f"{year:04d}-{month:02d}" if year else f"XXXX-{month:02d}")


_SINCE = re.compile(r"\b(?:sejak|semenjak|sepanjang)\s+(?:(?:awal|akhir|pertengahan)\s+)?(?:bulan\s+)?$", re.I)


def _month_cue(m: re.Match) -> int:
    """``sejak Juni`` can only look back; ``akan … Juni`` only ahead."""
    if _SINCE.search(m.string, max(0, m.start() - 30), m.start()):
        return -1
    return 1 if _FUTURE_CUE.search(m.string, max(0, m.start() - 60), m.start()) else 0


def _year_ok(m: re.Match, text: str) -> bool:
    """Reject a bare 4-digit number that counts something (``2000 orang``) or is money."""
    if m["tahun"]:
        return True
    before = text[max(0, m.start() - 4):m.start()].lower()
    if re.search(r"(?:rp\.?|\$|no\.?|nomor)\s*$", before):
        return False
    after = re.match(r"\s*([\w%]+)", text[m.end():m.end() + 20])
    return not (after and after.group(1).lower() in COUNT_NOUNS)


# Years: "2014", "tahun 2005", "tahun 2014 lalu".
@rule("year", rf"{B}(?:(?P<tahun>tahun|thn\.?)\s+)?(?<![\w/.,:'’-])(?P<y>{YEAR})(?![\w/]|[.,:]\d|-\d)"
              rf"(?:\s+(?P<rel>{PAST}|ini|mendatang){E})?", first=["tahun", "thn", DIGIT], check=_year_ok)
def _year(m: re.Match, r: Resolver) -> Optional[Value]:
    return ("DATE", m["y"])


def _decade_ok(m: re.Match, text: str) -> bool:
    return bool(m["d4"] or m["pre"] or m["ap"])  # "usia 40-an" is an age, not a decade


# Decades: "tahun 40-an", "1990-an", "era '80-an".
@rule("decade", rf"{B}(?:(?P<pre>tahun|era|dekade|medio)\s+)?(?:(?P<d4>(?:19|20)\d0)|(?P<ap>['’])?(?P<d2>\d0))\s*-?\s*an{E}",
      first=["tahun", "era", "dekade", "medio", "'", "’", DIGIT], check=_decade_ok)
def _decade(m: re.Match, r: Resolver) -> Optional[Value]:
    if m["d4"]:
        return ("DATE", m["d4"][:3])
    tens = int(m["d2"])
    ref_year = r.today.year if r.today else 2000
    century = ref_year // 100 if (ref_year // 100) * 100 + tens <= ref_year else ref_year // 100 - 1
    return ("DATE", f"{century:02d}{tens // 10}")


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def _roman(text: str) -> int:
    total, prev = 0, 0
    for ch in reversed(text.lower()):
        v = _ROMAN[ch]
        total, prev = (total - v, prev) if v < prev else (total + v, v)
    return total


# Centuries: "abad ke-21", "abad XX".
@rule("century", rf"{B}abad\s+(?:ke\s*-?\s*)?(?P<c>\d{{1,2}}|[ivxl]+){E}",
      first=["abad"])
def _century(m: re.Match, r: Resolver) -> Optional[Value]:
    c = m["c"]
    n = int(c) if c.isdigit() else _roman(c)
    return ("DATE", f"{n - 1:02d}") if 0 < n < 30 else None


_ORDINAL = _alt(list(ORDINALS) + list(DIGITS)[:4])


# Quarters and halves: "kuartal I 2014", "triwulan ketiga tahun lalu", "semester pertama 2015".
@rule("quarter",
      rf"{B}(?P<kind>kuartal|kwartal|triwulan|semester|paruh)\s+(?:ke\s*-?\s*)?(?P<ord>{_ORDINAL}){E}"
      rf"(?:\s*[,-]?\s*(?:tahun\s+)?(?P<y>{YEAR})(?!\d)|\s+tahun\s+(?P<rel>{DIRECTION}){E})?",
      first=["kuartal", "kwartal", "triwulan", "semester", "paruh"])
def _quarter_rule(m: re.Match, r: Resolver) -> Optional[Value]:
    word = m["ord"].lower()
    n = ORDINALS.get(word) or DIGITS.get(word)
    half = m["kind"].lower() in ("semester", "paruh")
    if half:
        n = 2 if word == "terakhir" else n
        if n not in (1, 2):
            return None
    if m["y"]:
        year: Optional[int] = int(m["y"])
    elif r.today:
        year = r.today.year + _direction(m["rel"])
    else:
        year = None
    return ("DATE", f"{year if year else 'XXXX'}-{'H' if half else 'Q'}{n}")


_REL_UNITS = "(?:hari|pekan|(?-i:minggu)|bulan|tahun|kuartal|triwulan|semester|dekade|abad|musim)"


_AFTER_NUMBER = re.compile(rf"(?:\d|\b{ONE}|\bpuluh|\bbelas|\bratus|\bbeberapa)\s+$", re.I)


def _not_counted(m: re.Match, text: str) -> bool:
    """``22 tahun itu`` is an age, not "that year"."""
    return not _AFTER_NUMBER.search(text, max(0, m.start() - 12), m.start())


# Calendar units relative to now or to the anchor: "pekan lalu", "bulan depan", "tahun ini", "hari itu".
@rule("relative_unit",
      rf"{B}(?P<unit>{_REL_UNITS})\s+(?P<rel>{PAST}|{FUTURE}|ini|itu|yang\s+sama|sebelumnya|berikutnya|selanjutnya){E}",
      first=["hari", "pekan", "minggu", "bulan", "tahun", "kuartal", "triwulan", "semester", "dekade", "abad", "musim"], check=_not_counted)
def _relative_unit(m: re.Match, r: Resolver) -> Optional[Value]:
    unit = m["unit"].lower()
    rel = " ".join(m["rel"].lower().split())
    if unit == "musim":
        return None
    letter = {"semester": "H", "triwulan": "Q", "kuartal": "Q"}.get(unit) or UNITS[unit][0]
    anaphoric = rel in ("itu", "yang sama", "sebelumnya", "berikutnya", "selanjutnya")
    base = r.base if anaphoric else r.today
    if unit == "hari" and rel in ("lalu", "yang lalu", "depan", "mendatang", "kemarin"):
        return None  # "hari lalu" is not an expression on its own
    step = {"sebelumnya": -1, "berikutnya": 1, "selanjutnya": 1}.get(rel, _direction(rel) if not anaphoric else 0)
    if letter == "H":
        if base is None:
            return ("DATE", "XXXX-HX")
        half_index = (base.month - 1) // 6 + step
        year, h = base.year + half_index // 2, half_index % 2 + 1
        return ("DATE", f"{year}-H{h}")
    day = _shift(base, step, letter) if base else None
    return ("DATE", _granular(day, letter))


_DEICTIC_DAYS = {
    "kemarin": -1, "kemarin lusa": -2, "besok": 1, "esok": 1, "esok hari": 1, "besok lusa": 2,
    "lusa": 2, "hari ini": 0, "tadi": 0, "nanti": 0, "semalam": -1,
}


# Deictic days and parts of day: "kemarin", "hari ini", "besok", "lusa", "malam ini", "pagi tadi", "tadi malam".
@rule("deictic",
      rf"{B}(?:(?P<day>kemarin\s+lusa|besok\s+lusa|esok\s+hari|hari\s+ini|kemarin|besok|esok|lusa)"
      rf"(?:\s+(?P<pod1>{POD}))?"
      rf"|(?P<tadi>tadi|nanti)\s+(?P<pod2>{POD})"
      rf"|(?P<pod3>{POD})\s+(?P<post>ini|tadi|nanti|kemarin|hari\s+ini)"
      rf"|(?P<semalam>semalam)(?!\s+suntuk))(?:\s+(?P<tz>{TZ}))?{E}",
      first=["kemarin", "besok", "esok", "hari", "lusa", "tadi", "nanti", "semalam", *PARTS_OF_DAY])
def _deictic(m: re.Match, r: Resolver) -> Optional[Value]:
    if m["semalam"]:
        offset, pod = -1, "NI"
    else:
        word = " ".join((m["day"] or m["tadi"] or m["post"]).lower().split())
        offset = _DEICTIC_DAYS.get(word, 0)
        pod = _pod(m, "pod1", "pod2", "pod3")
        if m["tadi"] and pod == "NI" and m["tadi"].lower() == "tadi":
            offset = -1  # "tadi malam": last night
    day = r.today + dt.timedelta(days=offset) if r.today else None
    return _day_value(day, pod)


# Parts of the anchor day: "malam itu", "pagi harinya", "tengah hari".
@rule("pod_anchor", rf"{B}(?:(?P<pod>{POD})\s+(?:hari\s+itu|harinya|itu|hari(?!\s+(?:ini|itu)))|(?P<noon>tengah\s+hari)(?!\s+ini)){E}",
      first=[*PARTS_OF_DAY, "tengah"])
def _pod_anchor(m: re.Match, r: Resolver) -> Optional[Value]:
    return _day_value(r.base, "MI" if m["noon"] else _pod(m, "pod"))


# Days counted from the anchor: "keesokan harinya", "sehari sebelumnya", "hari yang sama".
@rule("anchored_day", rf"{B}(?P<w>keesokan\s+hari(?:nya)?|esok\s+harinya|besoknya|hari\s+berikutnya){E}",
      first=["keesokan", "esok", "besoknya", "hari"])
def _anchored_day(m: re.Match, r: Resolver) -> Optional[Value]:
    return _day_value(r.base + dt.timedelta(days=1) if r.base else None, None)


# "lagi" is left out: "diperpanjang tujuh hari lagi" is seven more days (a duration).
_OFFSET_DIR = (r"yang\s+lalu|lalu|silam|kemarin|sebelumnya|sebelum\s+itu|kemudian|setelahnya|sesudahnya"
               r"|setelah\s+itu|mendatang|yang\s+akan\s+datang")


# Offsets: "3 hari lalu", "dua bulan mendatang", "sehari sebelumnya", "beberapa tahun lalu".
@rule("offset",
      rf"{B}(?:(?P<num>{NUM})\s+(?P<unit>{UNIT})|(?P<se>{_alt(SE_UNITS)}))\s+(?P<dir>{_OFFSET_DIR}){E}",
      first=[*_NUM_START, *SE_UNITS])
def _offset(m: re.Match, r: Resolver) -> Optional[Value]:
    unit = (m["unit"] or SE_UNITS[m["se"].lower()]).lower()
    n = _number(m["num"]) if m["num"] else 1.0
    direction = " ".join(m["dir"].lower().split())
    sign = -1 if direction in ("yang lalu", "lalu", "silam", "kemarin", "sebelumnya", "sebelum itu") else 1
    if n is None or not float(n).is_integer():
        return ("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    anaphoric = direction in ("sebelumnya", "sebelum itu", "kemudian", "setelahnya", "sesudahnya", "setelah itu")
    letter, clock, factor = UNITS[unit]
    n = int(n) * factor
    if clock:
        if r.ref is None or anaphoric:
            return ("TIME", "XXXX-XX-XXTXX:XX")
        seconds = {"H": 3600, "M": 60, "S": 1}[letter] * n * sign
        when = r.ref.replace(tzinfo=None) + dt.timedelta(seconds=seconds)
        return ("TIME", when.strftime("%Y-%m-%dT%H:%M"))
    base = r.base if anaphoric else r.today
    day = _shift(base, sign * n, letter) if base else None
    return ("DATE", _granular(day, letter))


# Durations: "dua hari", "10 hari", "24 jam", "enam bulan", "sepekan", "bertahun-tahun", "lima tahun terakhir".
@rule("duration",
      rf"{B}(?:(?P<num>{NUM})\s+(?P<unit>{UNIT})(?:\s+(?:terakhir|belakangan|ke\s+depan|lamanya))?"
      rf"|(?P<se>{_alt(SE_UNITS)})(?:\s+(?:terakhir|belakangan|ke\s+depan|lamanya))?"
      rf"|(?P<redup>{_alt(REDUPLICATED)})|(?P<vague>{_alt(VAGUE_DURATIONS)})){E}",
      first=[*_NUM_START, *SE_UNITS, *REDUPLICATED, *VAGUE_DURATIONS])
def _duration_rule(m: re.Match, r: Resolver) -> Optional[Value]:
    if m["vague"]:
        return ("DURATION", VAGUE_DURATIONS[m["vague"].lower()])
    if m["redup"]:
        return ("DURATION", _duration(None, REDUPLICATED[m["redup"].lower()]))
    if m["se"]:
        return ("DURATION", _duration(1, SE_UNITS[m["se"].lower()]))
    return ("DURATION", _duration(_number(m["num"]), m["unit"]))


# Sets: "setiap hari", "tiap tahun", "setiap Senin", "sehari-hari", "dua kali sehari".
@rule("set",
      rf"{B}(?:(?:setiap|tiap|saban)\s+(?:(?P<num>{NUM})\s+)?(?:(?P<unit>{UNIT})|(?P<wd>{WEEKDAY})|(?P<pod>{POD}))"
      rf"|(?P<daily>sehari-hari(?:nya)?)"
      rf"|(?P<freq>{NUM}|se)\s*kali\s+(?:dalam\s+)?(?P<per>{_alt(SE_UNITS)})){E}",
      first=["setiap", "tiap", "saban", "sehari", "sekali", *_NUM_START])
def _set(m: re.Match, r: Resolver) -> Optional[Value]:
    if m["daily"]:
        return ("SET", "P1D")
    if m["per"]:
        return ("SET", _duration(1, SE_UNITS[m["per"].lower()]))
    if m["wd"]:
        return ("SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()]}")
    if m["pod"]:
        return ("SET", f"XXXX-XX-XXT{_pod(m, 'pod')}")
    n = _number(m["num"]) if m["num"] else 1.0
    return ("SET", _duration(n, m["unit"]))


def _clock_ok(m: re.Match, text: str) -> bool:
    hour = int(m["h"])
    if hour > 24 or (m["mi"] and int(m["mi"]) > 59):
        return False
    return bool(m["pre"] or (m["mi"] and m["tz"]))


# Clock times: "pukul 06.18 WIB", "pukul 13.00 WITA", "jam 8 malam", "10:14 WIB".
@rule("clock",
      rf"{B}(?:(?P<pre>pukul|pkl\.?|jam)\s+)?(?<![\d.,:])(?P<h>[0-2]?\d)(?:[.:](?P<mi>[0-5]\d))?(?:[.:](?P<s>[0-5]\d))?(?![\d.,:]\d)"
      rf"(?:\s*(?:-|–|s\.?d\.?|sampai|hingga)\s*(?:pukul\s+)?[0-2]?\d[.:][0-5]\d)?"
      rf"(?:\s+(?P<pod>{POD}))?(?:\s+(?P<tz>{TZ}))?(?:\s+waktu\s+setempat)?",
      first=["pukul", "pkl", "jam", DIGIT], check=_clock_ok)
def _clock(m: re.Match, r: Resolver) -> Optional[Value]:
    hour, minute = int(m["h"]), int(m["mi"] or 0)
    pod = _pod(m, "pod")
    if pod in ("AF", "EV", "NI") and hour < 12 and not (pod == "NI" and hour <= 4):
        hour += 12
    if pod == "MI" and hour < 12:
        hour += 12 if hour < 6 else 0
    hour %= 24
    day = r.base
    return ("TIME", f"{day.isoformat() if day else 'XXXX-XX-XX'}T{hour:02d}:{minute:02d}")


_SEASON = _alt(SEASONS)


# Seasons: "musim penghujan" -> 2014-WI.
@rule("season", rf"{B}musim\s+(?P<s>{_SEASON})(?:\s+(?:tahun\s+)?(?P<y>{YEAR})|\s+(?P<rel>{DIRECTION}))?{E}",
      first=["musim"])
def _season(m: re.Match, r: Resolver) -> Optional[Value]:
    code = SEASONS[m["s"].lower()]
    if m["y"]:
        year: Optional[int] = int(m["y"])
    else:
        year = r.today.year + _direction(m["rel"]) if r.today else None
    return ("DATE", f"{year if year else 'XXXX'}-{code}")


# Holidays with a fixed date: "Natal", "malam Tahun Baru 2015".
@rule("holiday", rf"{B}(?:hari\s+raya\s+|(?P<eve>malam)\s+)?(?-i:(?P<h>{_alt(HOLIDAYS)}))(?:\s+(?P<y>{YEAR}))?{E}",
      first=["hari", *HOLIDAYS])
def _holiday(m: re.Match, r: Resolver) -> Optional[Value]:
    key = " ".join(m["h"].split())
    if m["eve"] and f"Malam {key}" in HOLIDAYS:
        key = f"Malam {key}"
    month_day = HOLIDAYS[key]
    month, day = (int(x) for x in month_day.split("-"))
    year = int(m["y"]) if m["y"] else _nearest_year(r.today, month, day)
    return ("DATE", f"{year}-{month_day}" if year else f"XXXX-{month_day}")


# Day of the current month: "tanggal 10".
@rule("day_of_month", rf"{B}(?:tanggal|tgl\.?)\s+(?P<d>[0-3]?\d)(?![\d/.,]\d){E}",
      first=["tanggal", "tgl"])
def _day_of_month(m: re.Match, r: Resolver) -> Optional[Value]:
    day = int(m["d"])
    base = r.base
    date = _safe_date(base.year, base.month, day) if base else None
    return ("DATE", date.isoformat() if date else f"XXXX-XX-{day:02d}")


_ANY_UNIT = "(?:tahun|bulan|pekan|(?-i:minggu)|abad|dekade|semester|kuartal)"


# A range modifier on the current unit: "akhir tahun", "awal bulan", "akhir pekan".
@rule("unit_modifier", rf"{B}(?P<mod>awal|akhir|pertengahan|penghujung|pengujung|tengah|medio)\s+(?P<unit>{_ANY_UNIT}){E}",
      first=["awal", "akhir", "pertengahan", "penghujung", "pengujung", "tengah", "medio"])
def _unit_modifier(m: re.Match, r: Resolver) -> Optional[Value]:
    unit = m["unit"].lower()
    letter = {"semester": "H", "kuartal": "Q"}.get(unit) or UNITS[unit][0]
    if letter == "H":
        return ("DATE", f"{r.today.year}-H{(r.today.month - 1) // 6 + 1}" if r.today else "XXXX-HX")
    value = _granular(r.today, letter)
    if letter == "W" and m["mod"].lower() == "akhir":
        value += "-WE"
    return ("DATE", value)


_DULU_CUE = re.compile(r"(?:(?:sejak|dari|pada|masa|zaman|jaman|waktu)\s+|(?:^|[.!?\n\"“]\s*))$", re.I)


def _vague_ok(m: re.Match, text: str) -> bool:
    """``dulu`` is PAST_REF only after ``sejak``/``dari``… or opening a sentence (else it means "first")."""
    if m["dulu"]:
        return bool(_DULU_CUE.search(text, max(0, m.start() - 12), m.start()))
    return True


# Vague references: "sekarang", "saat ini", "kini", "masa lalu", "dulu", "mendatang".
@rule("vague", rf"{B}(?:(?P<v>{_alt(VAGUE)})|(?P<dulu>dulu|dahulu)|(?P<fut>mendatang)){E}", first=[*VAGUE, "dulu", "dahulu", "mendatang"], check=_vague_ok)
def _vague(m: re.Match, r: Resolver) -> Optional[Value]:
    if m["dulu"]:
        return ("DATE", "PAST_REF")
    if m["fut"]:
        return ("DATE", "FUTURE_REF")
    return ("DATE", VAGUE[" ".join(m["v"].lower().split())])


# ------------------------------------------------------------------ finder ---

@dataclass
class _Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match
    order: int


def _with_modifier(text: str, start: int) -> int:
    """Start of the span once range modifiers just before it (``awal``, ``akhir``, ``sekitar``) are included."""
    while True:
        mod = MODIFIERS.search(text, max(0, start - 20), start)
        if not mod:
            return start
        start = mod.start(1)


_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[('’]")
_BY_FIRST: dict[str, list[tuple[int, Rule]]] = {}
for _order, _rule in enumerate(RULES):
    for _tok in _rule.first:
        _BY_FIRST.setdefault(_tok, []).append((_order, _rule))


def _candidates(text: str) -> list[_Candidate]:
    """Every rule match, tried only where a token that can begin it stands (one pass over the tokens)."""
    found = []
    for tok in _TOKEN.finditer(text):
        word = tok.group()
        rules = _BY_FIRST.get(DIGIT if word[0].isdigit() else word.lower())
        if not rules:
            continue
        for order, r in rules:
            m = r.pattern.match(text, tok.start())
            if m is None or m.end() == m.start() or (r.check and not r.check(m, text)):
                continue
            start, end = m.start(), m.end()
            while end > start and text[end - 1].isspace():
                end -= 1
            while start < end and text[start].isspace():
                start += 1
            found.append(_Candidate(_with_modifier(text, start), end, r, m, order))
    return found


def _select(cands: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, longest first (rule order breaks ties)."""
    chosen: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.order, c.start)):
        if all(c.end <= s or c.start >= e for s, e in taken):
            chosen.append(c)
            taken.append((c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)


_DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


_LOOSE_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(.*)$", re.S)


def parse_reference(value: Optional[str]) -> Optional[dt.datetime]:
    """A reference time from ISO 8601, tolerating unpadded dates (``2013-12-5``, as in TimeML DCTs)."""
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        m = _LOOSE_DATE.match(value)
        if not m:
            raise
        return dt.datetime.fromisoformat(f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}{m[4]}")


def _as_reference(reference) -> Optional[dt.datetime]:
    if reference is None:
        return None
    if isinstance(reference, str):
        reference = parse_reference(reference)
    if isinstance(reference, dt.datetime):
        return reference
    return dt.datetime.combine(reference, dt.time())


def _merge_parenthesised(cands: list[_Candidate], text: str) -> list[_Candidate]:
    """``kemarin (19/11)``: a deictic day followed by its date in brackets is one expression."""
    merged: list[_Candidate] = []
    for c in cands:
        prev = merged[-1] if merged else None
        if (prev is not None and prev.rule.name in ("deictic", "relative_unit") and c.rule.name == "date_numeric"
                and c.match["open"] and not c.match["wd"] and re.fullmatch(r"[\s,]*", text[prev.end:c.start])):
            merged[-1] = _Candidate(prev.start, c.end, c.rule, c.match, c.order)
        else:
            merged.append(c)
    return merged


_CLOCK_TO_DATE = re.compile(r"[\s,]*(?:pada\s+)?(?:hari\s+)?")


def _day_after(cands: list[_Candidate], i: int, text: str, resolver: Resolver) -> Optional[dt.date]:
    """The day written right after a clock time (``pukul 7:55 WIB, Jumat (5/12/2014)``), if any."""
    if i + 1 >= len(cands):
        return None
    nxt = cands[i + 1]
    if not _CLOCK_TO_DATE.fullmatch(text, cands[i].end, nxt.start):
        return None
    resolved = nxt.rule.resolve(nxt.match, Resolver(resolver.ref, resolver.anchor))
    day = _DAY_VALUE.match(resolved[1]) if resolved else None
    return dt.date(int(day[1]), int(day[2]), int(day[3])) if day else None


def find_times(text: str, reference: Optional[dt.datetime] = None) -> list[TimeExpression]:
    """Time expressions in ``text``, normalised against ``reference`` (the publication time).

    ``reference`` may be a datetime, a date or an ISO string; ``None`` leaves
    relative expressions underspecified.
    """
    resolver = Resolver(_as_reference(reference))
    cands = _merge_parenthesised(_select(_candidates(text)), text)
    times: list[TimeExpression] = []
    for i, c in enumerate(cands):
        if c.rule.name == "clock":
            resolver.anchor = _day_after(cands, i, text, resolver) or resolver.anchor
        resolved = c.rule.resolve(c.match, resolver)
        if resolved is None:
            continue
        kind, value = resolved
        if re.fullmatch(r"\d{4}-W\d\d", value) and text[c.start:c.start + 5].lower() == "akhir":
            value += "-WE"  # "akhir pekan lalu": last weekend
        times.append(TimeExpression(text=text[c.start:c.end], start=c.start, end=c.end, type=kind, value=value))
        day = _DAY_VALUE.match(value)
        if day and kind in ("DATE", "TIME"):
            resolver.anchor = dt.date(int(day[1]), int(day[2]), int(day[3]))
    return times


def find_article_times(article, reference: Optional[dt.datetime] = None) -> list[TimeExpression]:
    """Times in an Article's body, then in its image captions.

    Caption times carry ``field="images[i].caption"`` and offsets into that
    caption (a photo's date, ``Ahad, 9 Januari 2022``, is often only there).
    """
    times = find_times(article.body, reference)
    for i, image in enumerate(article.images or []):
        if image.caption:
            for t in find_times(image.caption, reference):
                t.field = f"images[{i}].caption"
                times.append(t)
    return times
