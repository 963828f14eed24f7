"""Publication date strings as Indonesian outlets print them.

Handles the forms seen on the main outlets:
``Rabu 12 Jan 2022 13:50 WIB``, ``Selasa, 17 Jun 2025 19:05 WIB``,
``Kompas.com- 18/06/2025, 21:35 WIB``, ``18 Juni 2025 | 20.04 WIB``,
``, Jurnalis-Senin, 16 Juni 2025 |15:20 WIB``, ``Diperbarui 18 Jun 2025,
14:05 WIB`` (an update time), ISO 8601 from metadata, and relative forms
(``2 jam lalu``, ``kemarin 20:15``) against the capture time, and the
month-first order some pages use (``Juni 18, 2025 10:30 WIB``).  Anything
else goes to dateparser as a last resort.

The zone words map to fixed offsets: WIB +07:00, WITA +08:00, WIT +09:00.
A time without a zone is read as WIB (most outlets are in Jakarta) and the
reading says so in ``assumed_zone``; a date without a time of day is read as
midnight and says so in ``warnings``.  A capture time without an offset is
taken as WIB too.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}
DAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad")
ZONES = {"WIB": 7, "WITA": 8, "WIT": 9, "UTC": 0, "GMT": 0}
WIB = dt.timezone(dt.timedelta(hours=7))

# Words that say which of the page's times a date is.
# ... possibly followed by a day name: "Diperbarui: Senin, 16 Juni 2025 16:00 WIB".
UPDATED_WORDS = re.compile(r"(?:diperbarui|diperbaharui|update[d]?|pembaruan|terakhir diubah)\s*:?\s*"
                           r"(?:(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)\s*,?\s*)?$", re.I)

_TIME = (r"(?:[\s,|\-–]*(?:pukul|jam|pk\.?)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:[:.](?P<second>\d{2}))?"
         r"(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?)(?![a-z]))?"
         r"(?:\s*(?P<zone>WIB|WITA|WIT|UTC|GMT)\b|\s*(?P<offset>[+-]\d{2}:?\d{2})|(?!\d))?)?")
_MONTH_WORD = "|".join(sorted(MONTHS, key=len, reverse=True))
TEXT_DATE = re.compile(
    rf"(?P<day>\d{{1,2}})\s*(?P<month>{_MONTH_WORD})\.?,?\s+(?P<year>\d{{4}}){_TIME}", re.I)
MONTH_FIRST_DATE = re.compile(
    rf"(?<![\w])(?P<month>{_MONTH_WORD})\.?\s+(?P<day>\d{{1,2}}),\s*(?P<year>\d{{4}}){_TIME}", re.I)
NUMERIC_DATE = re.compile(rf"(?<![\d/])(?P<day>\d{{1,2}})[/.-](?P<month>\d{{1,2}})[/.-](?P<year>\d{{4}}){_TIME}")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
# "kemarin 20:15", "hari ini, 09.30 WIB": a named day plus a time.
NAMED_DAY = re.compile(
    r"(?P<word>kemarin|hari ini|tadi(?:\s+(?:pagi|siang|sore|malam))?)\s*,?\s*(?:pukul\s*)?"
    r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:\s*(?P<zone>WIB|WITA|WIT)\b)?", re.I)
_DAY_OFFSET = {"kemarin": 1, "hari ini": 0}
RELATIVE = re.compile(
    r"(?P<n>\d+|se|satu|dua|tiga|empat|lima)\s*(?P<unit>detik|menit|jam|hari|minggu|pekan|bulan|tahun)\s+(?:yang\s+)?lalu",
    re.I)
_NUMBER_WORDS = {"se": 1, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5}
_UNIT_SECONDS = {"detik": 1, "menit": 60, "jam": 3600, "hari": 86400, "minggu": 604800, "pekan": 604800,
                 "bulan": 2592000, "tahun": 31536000}


@dataclass
class DateReading:
    """The times found in one date string."""

    published: Optional[str] = None
    updated: Optional[str] = None
    assumed_zone: bool = False
    date_only: bool = False  # the string gives a day, no time of day
    warnings: list[str] = field(default_factory=list)


def _tz(match: re.Match) -> tuple[dt.tzinfo, bool]:
    zone = match.groupdict().get("zone")
    offset = match.groupdict().get("offset")
    if zone:
        return dt.timezone(dt.timedelta(hours=ZONES[zone.upper()])), False
    if offset:
        sign = 1 if offset[0] == "+" else -1
        digits = offset[1:].replace(":", "")
        return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))), False
    return WIB, True


def _from_match(match: re.Match, month: int) -> Optional[tuple[dt.datetime, bool]]:
    g = match.groupdict()
    tz, assumed = _tz(match)
    hour = int(g["hour"] or 0)
    if g.get("ampm"):  # 12-hour clock: 12:05 AM is 00:05, 7:30 PM is 19:30
        hour = hour % 12 + (12 if g["ampm"][0] in "Pp" else 0)
    try:
        value = dt.datetime(int(g["year"]), month, int(g["day"]),
                            hour, int(g["minute"] or 0), int(g["second"] or 0), tzinfo=tz)
    except ValueError:
        return None
    return value, assumed and g["hour"] is not None


def find_datetimes(text: str, reference: Optional[dt.datetime] = None) -> list[tuple[int, dt.datetime, bool]]:
    """All date(-time)s in a date string: (position, value, zone_assumed), in text order."""
    found: list[tuple[int, dt.datetime, bool]] = []
    taken: list[tuple[int, int]] = []

    def add(pos: int, end: int, value: Optional[tuple[dt.datetime, bool]]) -> None:
        if value and not any(s < end and pos < e for s, e in taken):
            found.append((pos, value[0], value[1]))
            taken.append((pos, end))

    for m in ISO_DATE.finditer(text):
        try:
            value = dt.datetime.fromisoformat(m.group(0).replace("Z", "+00:00"))
        except ValueError:
            continue
        assumed = value.tzinfo is None
        add(m.start(), m.end(), (value if not assumed else value.replace(tzinfo=WIB), assumed and ":" in m.group(0)))
    for m in TEXT_DATE.finditer(text):
        add(m.start(), m.end(), _from_match(m, MONTHS[m.group("month").lower()]))
    for m in MONTH_FIRST_DATE.finditer(text):
        add(m.start(), m.end(), _from_match(m, MONTHS[m.group("month").lower()]))
    for m in NUMERIC_DATE.finditer(text):
        add(m.start(), m.end(), _from_match(m, int(m.group("month"))))
    if reference is not None:
        reference = _aware(reference)
        for m in NAMED_DAY.finditer(text):
            add(m.start(), m.end(), _named_day(m, reference))
        for m in RELATIVE.finditer(text):
            n = m.group("n").lower()
            count = int(n) if n.isdigit() else _NUMBER_WORDS[n]
            value = reference - dt.timedelta(seconds=count * _UNIT_SECONDS[m.group("unit").lower()])
            add(m.start(), m.end(), (value.replace(microsecond=0), False))
    return sorted(found, key=lambda f: f[0])


def _aware(reference: dt.datetime) -> dt.datetime:
    """A capture time without an offset is taken as WIB."""
    return reference if reference.tzinfo is not None else reference.replace(tzinfo=WIB)


def _named_day(match: re.Match, reference: dt.datetime) -> Optional[tuple[dt.datetime, bool]]:
    word = match.group("word").lower()
    days = _DAY_OFFSET.get(word, 0)
    tz, assumed = _tz(match)
    local = reference.astimezone(tz if not assumed else reference.tzinfo)
    day = (local - dt.timedelta(days=days)).date()
    value = dt.datetime(day.year, day.month, day.day, int(match.group("hour")), int(match.group("minute")),
                        tzinfo=tz if not assumed else reference.tzinfo)
    return value, False


def has_time_of_day(text: str) -> bool:
    """Does the date string carry a clock time (not just a day)?"""
    return bool(re.search(r"(?<![\d/.-])\d{1,2}[:.]\d{2}(?![\d/.-]*\d{4})|\b(?:jam|menit|detik)\b", text, re.I)) \
        or bool(ISO_DATE.search(text) and re.search(r"T?\d{2}:\d{2}", text))


def read_date(text: Optional[str], reference: Optional[dt.datetime] = None) -> DateReading:
    """Read an outlet's date string into published/updated ISO 8601 times."""
    reading = DateReading()
    if not text or not text.strip():
        return reading
    text = text.replace("\xa0", " ")
    found = find_datetimes(text, reference)
    if not found:
        value = _dateparser_fallback(text, reference)
        if value is None:
            reading.warnings.append(f"date not understood: {text.strip()[:80]!r}")
            return reading
        found = [(0, value, value.tzinfo is None)]
    for pos, value, assumed in found:
        key = "updated" if UPDATED_WORDS.search(text[:pos]) else "published"
        if getattr(reading, key) is None:
            setattr(reading, key, value.isoformat())
            reading.assumed_zone |= assumed
    if reading.assumed_zone:
        reading.warnings.append("no time zone in the date string: WIB (+07:00) assumed")
    if not has_time_of_day(text):
        reading.date_only = True
        reading.warnings.append("no time of day in the date string: midnight assumed")
    return reading


def _dateparser_fallback(text: str, reference: Optional[dt.datetime]) -> Optional[dt.datetime]:
    import dateparser  # slow to import: only for strings the tables above do not know

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": True, "TIMEZONE": "Asia/Jakarta"}
    if reference is not None:
        settings["RELATIVE_BASE"] = reference.replace(tzinfo=None)
    value = dateparser.parse(text, languages=["id", "en"], settings=settings)
    if value is None:
        return None
    return value.replace(microsecond=0)
