"""Date strings as Indonesian outlets print them -> ISO 8601 with offset."""
from __future__ import annotations

import datetime as dt

import pytest

from warta.dates import find_datetimes, has_time_of_day, read_date

CAPTURED = dt.datetime.fromisoformat("2025-06-18T21:00:00+07:00")

# (date string as printed, published, updated)
FORMS = [
    # Republika, canonical and CSV spacing
    ("Rabu 12 Jan 2022 13:50 WIB", "2022-01-12T13:50:00+07:00", None),
    ("Rabu   18 Jun 2025  21:45 WIB", "2025-06-18T21:45:00+07:00", None),
    ("Jum'at 15 Agt 2025 09:10 WIB", "2025-08-15T09:10:00+07:00", None),
    # Detik / CNN Indonesia
    ("Rabu, 18 Jun 2025 20:29 WIB", "2025-06-18T20:29:00+07:00", None),
    ("Kamis, 12 Des 2024 20:29 WIB", "2024-12-12T20:29:00+07:00", None),
    ("Kamis, 14 Agu 2025 19:30 WIB", "2025-08-14T19:30:00+07:00", None),
    # Kompas, with and without the space before the dash
    ("Kompas.com - 18/06/2025, 21:35 WIB", "2025-06-18T21:35:00+07:00", None),
    ("Kompas.com- 18/06/2025, 21:35 WIB", "2025-06-18T21:35:00+07:00", None),
    # Tempo
    ("18 Juni 2025 | 20.04 WIB", "2025-06-18T20:04:00+07:00", None),
    ("28 Mei 2025 | 15.18 WIB", "2025-05-28T15:18:00+07:00", None),
    # Okezone, the CSV's no-break space included
    (", Jurnalis-Senin, 16 Juni 2025 |15:20 WIB", "2025-06-16T15:20:00+07:00", None),
    (",\u00a0Jurnalis-Rabu, 18 Juni 2025 |20:35 WIB", "2025-06-18T20:35:00+07:00", None),
    ("Cikal Wibisono, Jurnalis-Jum'at, 13 Juni 2025 |07:05 WIB", "2025-06-13T07:05:00+07:00", None),
    # Liputan6: an update time only, or both
    ("Diperbarui 18 Jun 2025, 14:05 WIB", None, "2025-06-18T14:05:00+07:00"),
    ("Diterbitkan 17 Agu 2025, 13:30 WIB · Diperbarui 18 Agu 2025, 14:05 WIB",
     "2025-08-17T13:30:00+07:00", "2025-08-18T14:05:00+07:00"),
    ("Updated: 2 Jan 2025 08:00 WIB", None, "2025-01-02T08:00:00+07:00"),
    # Zones: WITA (Makassar) and WIT (Jayapura)
    ("Jumat, 13 Juni 2025 10:15 WITA", "2025-06-13T10:15:00+08:00", None),
    ("Ahad, 15 Juni 2025 09:12 WIT", "2025-06-15T09:12:00+09:00", None),
    ("Minggu, 1 Des 2024 06:00 WIT", "2024-12-01T06:00:00+09:00", None),
    # Month names: full, short, Indonesian spellings
    ("Senin, 3 Februari 2025 10:00 WIB", "2025-02-03T10:00:00+07:00", None),
    ("3 Pebruari 2025 10:00 WIB", "2025-02-03T10:00:00+07:00", None),
    ("17 Agustus 2025 10:00 WIB", "2025-08-17T10:00:00+07:00", None),
    ("7 Okt 2024 11:11 WIB", "2024-10-07T11:11:00+07:00", None),
    ("21 Nopember 2024 08:00 WIB", "2024-11-21T08:00:00+07:00", None),
    ("1 Mei 2025 pukul 09.00 WIB", "2025-05-01T09:00:00+07:00", None),
    # Tirto "Oleh: … - date", month-first order, ISO 8601 from metadata
    ("Oleh: Bayu Setiawan - 3 Juli 2025 19:30 WIB", "2025-07-03T19:30:00+07:00", None),
    ("Juni 18, 2025 10:30 WIB", "2025-06-18T10:30:00+07:00", None),
    ("2025-06-18T10:00:00+07:00", "2025-06-18T10:00:00+07:00", None),
    ("2025-06-18T03:00:00Z", "2025-06-18T03:00:00+00:00", None),
    ("18/06/2025 21:35:12 WIB", "2025-06-18T21:35:12+07:00", None),
]


@pytest.mark.parametrize(("text", "published", "updated"), FORMS)
def test_outlet_date_forms(text, published, updated):
    reading = read_date(text)
    assert (reading.published, reading.updated) == (published, updated)
    assert not reading.assumed_zone
    assert reading.warnings == []


# Relative forms against the capture time.
RELATIVE = [
    ("2 jam lalu", "2025-06-18T19:00:00+07:00"),
    ("2 jam yang lalu", "2025-06-18T19:00:00+07:00"),
    ("45 menit lalu", "2025-06-18T20:15:00+07:00"),
    ("sejam lalu", "2025-06-18T20:00:00+07:00"),
    ("satu hari lalu", "2025-06-17T21:00:00+07:00"),
    ("3 hari yang lalu", "2025-06-15T21:00:00+07:00"),
    ("kemarin 20:15", "2025-06-17T20:15:00+07:00"),
    ("Hari ini, 09.30 WIT", "2025-06-18T09:30:00+09:00"),
]


@pytest.mark.parametrize(("text", "published"), RELATIVE)
def test_relative_forms_against_the_capture_time(text, published):
    assert read_date(text, CAPTURED).published == published


def test_relative_form_keeps_the_capture_zone():
    captured_in_makassar = dt.datetime.fromisoformat("2025-07-20T21:45:00+08:00")
    assert read_date("2 jam lalu", captured_in_makassar).published == "2025-07-20T19:45:00+08:00"


def test_capture_time_without_offset_is_taken_as_wib():
    assert read_date("2 jam lalu", dt.datetime(2025, 6, 18, 21, 0)).published == "2025-06-18T19:00:00+07:00"


def test_relative_form_without_capture_time_is_not_guessed_from_today():
    assert find_datetimes("2 jam lalu") == []


def test_time_without_zone_is_read_as_wib_and_says_so():
    reading = read_date("18/6/2025 19:30")
    assert reading.published == "2025-06-18T19:30:00+07:00"
    assert reading.assumed_zone
    assert any("WIB" in w for w in reading.warnings)


def test_date_without_time_of_day_is_midnight_and_says_so():
    reading = read_date("18 Juni 2025")
    assert reading.published == "2025-06-18T00:00:00+07:00"
    assert reading.date_only
    assert any("time of day" in w for w in reading.warnings)


@pytest.mark.parametrize(("text", "has_time"), [
    ("18 Juni 2025 | 20.04 WIB", True), ("18 Juni 2025", False), ("18.06.2025", False),
    ("2025-06-18", False), ("2025-06-18T10:00:00Z", True), ("2 jam lalu", True),
])
def test_time_of_day_detection(text, has_time):
    assert has_time_of_day(text) is has_time


@pytest.mark.parametrize("text", ["", "   ", None])
def test_empty_date_string_reads_nothing(text):
    reading = read_date(text)
    assert reading.published is None and reading.updated is None and reading.warnings == []


def test_impossible_date_is_not_invented():
    reading = read_date("31 Februari 2025 10:00 WIB")
    assert reading.published != "2025-02-31T10:00:00+07:00"
    assert reading.published is None or not reading.published.startswith("2025-02-31")


def test_numbers_in_prose_are_not_dates():
    assert find_datetimes("Harga naik menjadi Rp 42.000 per kilogram") == []


@pytest.mark.parametrize("text, published, updated", [
    ("Juni 18, 2025 7:30 PM", "2025-06-18T19:30:00+07:00", None),
    ("18 Jun 2025 07.30 PM WIB", "2025-06-18T19:30:00+07:00", None),
    ("June 18, 2025 12:05 AM", "2025-06-18T00:05:00+07:00", None),
    ("Senin, 16 Juni 2025 15:20 WIB Diperbarui: Senin, 16 Juni 2025 16:00 WIB",
     "2025-06-16T15:20:00+07:00", "2025-06-16T16:00:00+07:00"),
])
def test_twelve_hour_clocks_and_dated_update_lines(text, published, updated):
    reading = read_date(text)
    assert (reading.published, reading.updated) == (published, updated)
