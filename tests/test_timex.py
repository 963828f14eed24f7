"""Indonesian time expressions: recognition, span conventions and TIMEX3 values.

Fixtures are original synthetic sentences; the reference time is a Wednesday
(12 January 2022, 13:50 WIB) unless a test says otherwise.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from warta.records import Article, Image
from warta.timex import find_article_times, find_times, parse_reference

REF = dt.datetime(2022, 1, 12, 13, 50, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def one(phrase: str, reference=REF):
    """The single expression found in a sentence built around ``phrase``."""
    text = f"Menurut dia, {phrase} keadaan berubah."
    found = find_times(text, reference)
    assert len(found) == 1, found
    t = found[0]
    assert text[t.start:t.end] == t.text
    return t


@pytest.mark.parametrize("phrase, value", [
    ("9 Januari 2022", "2022-01-09"),
    ("Ahad, 9 Januari 2022", "2022-01-09"),
    ("12/1/2022", "2022-01-12"),
    ("Rabu (12/1/2022)", "2022-01-12"),
    ("Rabu ( 12/1/2022 )", "2022-01-12"),
    ("Januari 2022", "2022-01"),
    ("bulan Maret 2020", "2020-03"),
    ("tahun 2014", "2014"),
    ("2014", "2014"),
    ("5 Januari lalu", "2022-01-05"),
    ("20 Januari mendatang", "2022-01-20"),
    ("17 Agustus 1945", "1945-08-17"),
    ("12 Jan 2022", "2022-01-12"),
    ("2021-11-30", "2021-11-30"),
])
def test_calendar_dates(phrase, value):
    t = one(phrase)
    assert (t.type, t.value, t.text) == ("DATE", value, phrase)


@pytest.mark.parametrize("phrase, value", [
    ("Senin lalu", "2022-01-10"),
    ("Rabu lalu", "2022-01-05"),        # "lalu" on the same weekday means a week ago
    ("Jumat", "2022-01-07"),            # plain weekday: the most recent one
    ("Rabu", "2022-01-12"),             # ... today included
    ("Jumat pekan depan", "2022-01-21"),
    ("Senin pekan lalu", "2022-01-03"),
    ("Kamis depan", "2022-01-13"),
    ("hari Selasa", "2022-01-11"),
])
def test_weekdays(phrase, value):
    assert one(phrase).value == value


def test_weekday_after_future_cue_looks_ahead():
    found = find_times("Sidang itu akan digelar Jumat di Jakarta.", REF)
    assert [t.value for t in found] == ["2022-01-14"]


def test_weekday_with_day_and_month_picks_fitting_year():
    # 18 June fell on a Saturday in 2022 and on a Friday in 2021.
    assert one("Sabtu (18/6)").value == "2022-06-18"
    assert one("Jumat (18/6)").value == "2021-06-18"


def test_capitalised_minggu_is_sunday_but_lowercase_is_week():
    assert one("Minggu").value == "2022-01-09"
    assert one("minggu depan").value == "2022-W03"


def test_place_named_after_a_weekday_is_not_a_date():
    assert find_times("Ia tinggal di Pasar Minggu sejak kecil.", REF) == []


@pytest.mark.parametrize("phrase, value", [
    ("kemarin", "2022-01-11"),
    ("hari ini", "2022-01-12"),
    ("besok", "2022-01-13"),
    ("lusa", "2022-01-14"),
    ("pekan lalu", "2022-W01"),
    ("Pekan lalu", "2022-W01"),
    ("minggu depan", "2022-W03"),
    ("bulan depan", "2022-02"),
    ("bulan lalu", "2021-12"),
    ("tahun lalu", "2021"),
    ("tahun ini", "2022"),
    ("tahun depan", "2023"),
    ("3 hari lalu", "2022-01-09"),
    ("dua bulan mendatang", "2022-03"),
    ("tiga tahun silam", "2019"),
    ("awal tahun", "2022"),
    ("akhir bulan", "2022-01"),
    ("akhir tahun lalu", "2021"),
    ("pertengahan 2014", "2014"),
    ("akhir pekan", "2022-W02-WE"),
    ("Desember lalu", "2021-12"),
    ("Oktober", "2021-10"),
    ("Februari", "2022-02"),
])
def test_relative_dates(phrase, value):
    assert one(phrase).value == value


@pytest.mark.parametrize("phrase, kind, value", [
    ("pukul 06.18 WIB", "TIME", "2022-01-12T06:18"),
    ("pukul 13.00 WITA", "TIME", "2022-01-12T13:00"),
    ("pukul 8 malam", "TIME", "2022-01-12T20:00"),
    ("malam ini", "TIME", "2022-01-12TNI"),
    ("pagi tadi", "TIME", "2022-01-12TMO"),
    ("kemarin sore", "TIME", "2022-01-11TAF"),
    ("Selasa malam", "TIME", "2022-01-11TNI"),
    ("dua jam lalu", "TIME", "2022-01-12T11:50"),
])
def test_times_of_day(phrase, kind, value):
    t = one(phrase)
    assert (t.type, t.value) == (kind, value)


def test_clock_time_takes_the_day_mentioned_before_it():
    text = "Pesawat jatuh pada Sabtu 20 April 1997, pukul 08.00 WIB, di desa itu."
    values = [t.value for t in find_times(text, REF)]
    assert values == ["1997-04-20", "1997-04-20T08:00"]


def test_clock_time_takes_the_day_written_right_after_it():
    text = "Harga naik kemarin. Kontrak dibuka pada pukul 7:55 WIB, Jumat (7/1/2022)."
    clock = [t for t in find_times(text, REF) if t.type == "TIME"][0]
    assert clock.value == "2022-01-07T07:55"


@pytest.mark.parametrize("phrase, value", [
    ("dua hari", "P2D"),
    ("10 hari", "P10D"),
    ("tiga pekan", "P3W"),
    ("lima tahun", "P5Y"),
    ("enam bulan", "P6M"),
    ("24 jam", "PT24H"),
    ("sebelas hari", "P11D"),
    ("dua puluh tahun", "P20Y"),
    ("dua belas bulan", "P12M"),
    ("setengah jam", "PT30M"),
    ("satu setengah tahun", "P1.5Y"),
    ("sepekan", "P1W"),
    ("setahun", "P1Y"),
    ("belasan tahun", "PXY"),
    ("puluhan tahun", "PXY"),
    ("bertahun-tahun", "PXY"),
    ("empat tahun terakhir", "P4Y"),
    ("tujuh hari", "P7D"),
    ("satu dekade", "P10Y"),
])
def test_durations(phrase, value):
    t = one(phrase)
    assert (t.type, t.value) == ("DURATION", value)


def test_duration_span_leaves_the_preposition_out():
    text = "Pasukan akan mundur dalam 10 hari dan bertahan selama dua pekan."
    found = find_times(text, REF)
    assert [(t.text, t.value) for t in found] == [("10 hari", "P10D"), ("dua pekan", "P2W")]


def test_lagi_counts_more_time_not_a_date():
    found = find_times("Pencarian diperpanjang tujuh hari lagi.", REF)
    assert [(t.type, t.value) for t in found] == [("DURATION", "P7D")]


def test_range_keeps_only_the_unit_bearing_part():
    found = find_times("Koordinasi butuh dua hingga tiga menit saja.", REF)
    assert [(t.text, t.value) for t in found] == [("tiga menit", "PT3M")]


@pytest.mark.parametrize("phrase, value", [
    ("setiap hari", "P1D"),
    ("tiap tahun", "P1Y"),
    ("setiap Senin", "XXXX-WXX-1"),
    ("dua kali sehari", "P1D"),
])
def test_sets(phrase, value):
    t = one(phrase)
    assert (t.type, t.value) == ("SET", value)


@pytest.mark.parametrize("phrase, value", [
    ("sekarang", "PRESENT_REF"),
    ("saat ini", "PRESENT_REF"),
    ("Saat ini", "PRESENT_REF"),
    ("kini", "PRESENT_REF"),
    ("masa lalu", "PAST_REF"),
    ("saat itu", "PAST_REF"),
    ("di masa mendatang", "FUTURE_REF"),
    ("beberapa tahun lalu", "PAST_REF"),
])
def test_vague_references(phrase, value):
    assert one(phrase).value == value


def test_dulu_meaning_first_is_not_a_time():
    assert find_times("Kami ingin memastikan dulu sistemnya jalan.", REF) == []
    assert [t.value for t in find_times("Sejak dulu warga menanam padi.", REF)] == ["PAST_REF"]


@pytest.mark.parametrize("phrase, value", [
    ("kuartal I 2014", "2014-Q1"),
    ("triwulan ketiga tahun lalu", "2021-Q3"),
    ("triwulan I-2015", "2015-Q1"),
    ("semester pertama 2023", "2023-H1"),
    ("paruh pertama tahun depan", "2023-H1"),
    ("tahun 1990-an", "199"),
    ("sekitar tahun 40-an", "194"),
    ("abad ke-21", "20"),
    ("musim hujan", "2022-WI"),
])
def test_quarters_decades_seasons(phrase, value):
    assert one(phrase).value == value


def test_anaphoric_day_uses_last_date_mentioned():
    text = "Kapal tenggelam pada 28 Desember 2014. Pada hari itu cuaca buruk."
    assert [t.value for t in find_times(text, REF)] == ["2014-12-28", "2014-12-28"]


def test_bracketed_date_after_kemarin_is_one_expression():
    found = find_times("Data dirilis kemarin (11/1) oleh badan itu.", REF)
    assert [(t.text, t.value) for t in found] == [("kemarin (11/1)", "2022-01-11")]


def test_counted_things_and_money_are_not_years():
    assert find_times("Sebanyak 2030 orang hadir dan membayar Rp 2015.", REF) == []


def test_month_range_shares_its_year():
    found = find_times("Harga stabil pada Juni-Juli 2014 lalu.", REF)
    assert [t.value for t in found] == ["2014-06", "2014-07"]


def test_without_reference_absolute_dates_resolve_and_relative_ones_stay_open():
    found = find_times("Pada 9 Januari 2022 dan kemarin serta pekan lalu, sekarang.", None)
    assert [t.value for t in found] == ["2022-01-09", "XXXX-XX-XX", "XXXX-WXX", "PRESENT_REF"]


def test_reference_may_be_an_unpadded_date_string():
    assert parse_reference("2013-12-5") == dt.datetime(2013, 12, 5)
    assert [t.value for t in find_times("Kemarin harga turun.", "2013-12-5")] == ["2013-12-04"]


def test_offsets_point_into_the_text():
    text = "Pada Senin (10/1/2022) pukul 09.30 WIB, rapat digelar selama tiga jam. Sekarang sudah usai."
    for t in find_times(text, REF):
        assert text[t.start:t.end] == t.text
        assert t.type in {"DATE", "TIME", "DURATION", "SET"}


def test_caption_times_are_marked_with_their_field():
    article = Article(id="a", source="s", body="Pasukan mundur pekan lalu.",
                      images=[Image(caption="Konvoi di Almaty, Ahad, 9 Januari 2022.")])
    found = find_article_times(article, REF)
    assert [(t.field, t.value) for t in found] == [(None, "2022-W01"), ("images[0].caption", "2022-01-09")]
    caption = found[1]
    assert article.images[0].caption[caption.start:caption.end] == "Ahad, 9 Januari 2022"


# ------------------------------------------------------------ shared data ---

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = SHARED / "data" / "timex" / "kompas-gold-dev"


@pytest.mark.shared
@pytest.mark.skipif(not GOLD.is_dir(), reason="../shared/data/timex is absent")
def test_indotimex_dev_floor():
    """IndoTimex dev (evaluation only), scored as score_timex.py does; floors pinned at what we reach."""
    spec = importlib.util.spec_from_file_location("score_timex", SHARED / "tools" / "score_timex.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    tp = n_pred = n_gold = ok = n_concrete = 0
    for tml in sorted(GOLD.glob("*.tml")):
        dct, text, gold = scorer.parse(tml)
        pred = find_times(text, dct)
        n_pred += len(pred)
        n_gold += len(gold)
        for g in gold:
            hit = [p for p in pred if p.start < g["end"] and g["start"] < p.end]
            tp += bool(hit)
            if scorer.CONCRETE.match(g["value"]):
                n_concrete += 1
                ok += any(p.value == g["value"] for p in hit)
    precision, recall = tp / n_pred, tp / n_gold
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.95
    assert ok / n_concrete >= 0.95


def test_age_before_tahun_itu_is_a_duration_not_that_year():
    found = find_times("Pemain 22 tahun itu pindah klub.", REF)
    assert [(t.text, t.value) for t in found] == [("22 tahun", "P22Y")]


def test_fixed_holidays_resolve_to_the_nearest_year():
    found = find_times("Libur Natal dan malam Tahun Baru ramai.", "2014-12-29")
    assert [t.value for t in found] == ["2014-12-25", "2014-12-31"]
