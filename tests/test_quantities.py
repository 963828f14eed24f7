"""warta.quantities: reported numbers with units, qualifiers and ranges.

Fixtures are the project's own synthetic Indonesian sentences; only the
canonical-page test reads ../shared (marked ``shared``).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from warta.quantities import find_quantities, parse_number_words, lexicon
from warta.records import Quantity

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def only(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, found
    q = found[0]
    assert text[q.start:q.end] == q.text
    return q


def values(text: str) -> list[tuple[float, str | None]]:
    return [(q.value, q.unit) for q in find_quantities(text)]


# --------------------------------------------------------------- digits ---

@pytest.mark.parametrize("text, value, unit", [
    ("Sebanyak 2.030 pasukan tiba di bandara.", 2030, "pasukan"),
    ("Angka kemiskinan turun ke 73,6 persen tahun ini.", 73.6, "%"),
    ("Pemerintah menyalurkan 1.250.000 paket sembako.", 1250000, "paket"),
    ("Harga saham ditutup pada 7.181,46 kemarin.", 7181.46, None),
    ("Kapasitas baterainya 55,4 kWh.", 55.4, "kWh"),
    ("Mobil itu menempuh 420 km dalam sekali pengisian.", 420, "km"),
])
def test_digits_with_indonesian_separators(text, value, unit):
    q = only(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize("text, value", [
    ("Penduduk kota itu mencapai 19 juta orang.", 19_000_000),
    ("Kerugian ditaksir 10 ribu orang terdampak.", 10_000),
    ("Utang proyek itu 1,5 triliun rupiah.", 1.5e12),
    ("Dana desa cair 2,5 miliar rupiah.", 2.5e9),
    ("Ongkos parkir naik jadi Rp 10rb sejak Senin.", 10_000),
    ("Gajinya Rp 3 jt per bulan.", 3_000_000),
    ("Proyek senilai Rp 5 M itu mangkrak.", 5e9),
])
def test_multipliers(text, value):
    assert only(text).value == value


# --------------------------------------------------------- number words ---

@pytest.mark.parametrize("words, value", [
    ("satu", 1), ("sembilan", 9), ("sepuluh", 10), ("sebelas", 11), ("dua belas", 12),
    ("dua puluh lima", 25), ("seratus", 100), ("seribu", 1000), ("tiga ratus dua puluh", 320),
    ("dua ratus lima puluh ribu", 250_000), ("satu juta dua ratus ribu", 1_200_000),
    ("setengah", 0.5),
])
def test_number_word_values(words, value):
    used, got, upper = parse_number_words(words, lexicon())
    assert (used, got, upper) == (len(words), value, None)


def test_number_word_run_stops_at_a_second_unit():
    used, value, _ = parse_number_words("dua tiga", lexicon())
    assert (used, value) == (3, 2)


@pytest.mark.parametrize("text, value, value_max", [
    ("Belasan warga mengungsi ke balai desa.", 11, 19),
    ("Puluhan rumah terendam banjir.", 20, 99),
    ("Ratusan buruh berunjuk rasa di depan pabrik.", 100, 999),
    ("Ribuan penonton memadati stadion.", 1000, 9999),
    ("Jutaan pelanggan terdampak gangguan itu.", 1e6, 9999999),
    ("Puluhan ribu pendukung hadir di lapangan.", 20_000, 99_000),
])
def test_vague_number_words_are_approximate_ranges(text, value, value_max):
    q = only(text)
    assert (q.value, q.value_max, q.qualifier) == (value, value_max, "approx")


def test_number_words_count_nouns():
    q = only("Polisi menangkap tiga tersangka di gudang.")
    assert (q.text, q.value, q.unit) == ("tiga tersangka", 3, "tersangka")
    assert values("Dua puluh lima siswa lulus ujian.") == [(25, "siswa")]


@pytest.mark.parametrize("text", [
    "Ia salah satu pemain terbaik musim ini.",
    "Para tamu masuk satu per satu ke ruangan.",
    "Itu satu-satunya jalan keluar.",
    "Di satu sisi, kebijakan ini membantu petani.",
])
def test_satu_as_an_article_is_not_a_count(text):
    assert find_quantities(text) == []


# ---------------------------------------------------------------- money ---

@pytest.mark.parametrize("text, value, unit", [
    ("Proyek itu menelan Rp 2,5 miliar dari APBD.", 2.5e9, "IDR"),
    ("Harga tiketnya Rp2.500 untuk pelajar.", 2500, "IDR"),
    ("Investor menanam USD 10 juta di pabrik baterai.", 1e7, "USD"),
    ("Bantuan senilai 10 juta dolar AS dikirim pekan ini.", 1e7, "USD"),
    ("Ekspor turun US$ 1,2 miliar tahun lalu.", 1.2e9, "USD"),
    ("Transfer pemain itu bernilai 55 juta euro.", 5.5e7, "EUR"),
    ("Oleh-oleh itu dijual 30 ringgit per kotak.", 30, "MYR"),
    ("Tiket kereta di Tokyo seharga 2.000 yen.", 2000, "JPY"),
    ("Saham ditawarkan di harga $ 2.50 per lembar.", 2.5, "USD"),
])
def test_money_gets_iso_currency(text, value, unit):
    q = only(text)
    assert (q.value, q.unit) == (value, unit)


def test_money_span_ends_at_the_amount_not_the_full_stop():
    q = only("Terdakwa dihukum denda Rp 1 miliar.")
    assert q.text == "Rp 1 miliar"


def test_approximate_multiplier_suffix():
    q = only("Mobil listrik itu dijual Rp 200 jutaan di diler.")
    assert (q.value, q.unit, q.qualifier) == (2e8, "IDR", "approx")


# ----------------------------------------------------------- percentages ---

def test_percent_sign_and_word():
    assert values("Inflasi naik 5% sementara suku bunga turun 0,25 persen.") == [(5, "%"), (0.25, "%")]


# ---------------------------------------------------------------- ranges ---

@pytest.mark.parametrize("text, value, value_max, unit", [
    ("Setiap kelompok berisi 10-15 orang relawan.", 10, 15, "orang"),
    ("Kebakaran itu menghanguskan antara 10 hingga 20 kios.", 10, 20, "kios"),
    ("Panitia menyiapkan 10 sampai 15 tenda darurat.", 10, 15, "tenda darurat"),
    ("Harga cabai Rp 4-6 ribu per kilogram.", 4000, 6000, "IDR"),
    ("Anggarannya Rp 11 sampai Rp 16 miliar.", 11e9, 16e9, "IDR"),
    ("Kenaikan yang diminta 10%-15% dari upah.", 10, 15, "%"),
    ("Rapat dihadiri antara 30 dan 40 kepala desa.", 30, 40, "kepala desa"),
])
def test_ranges_give_value_and_value_max(text, value, value_max, unit):
    q = only(text)
    assert (q.value, q.value_max, q.unit, q.qualifier) == (value, value_max, unit, "range")


@pytest.mark.parametrize("text", [
    "Persija menang 3-1 atas tamunya.",
    "Tim tamu kalah 1-3 di kandang sendiri.",
    "Ia menjabat pada periode 2019-2024 di kementerian itu.",
])
def test_scores_and_periods_are_not_ranges(text):
    assert find_quantities(text) == []


# ------------------------------------------------------------ qualifiers ---

@pytest.mark.parametrize("phrase, qualifier", [
    ("hampir", "almost"), ("sekitar", "about"), ("kurang lebih", "about"),
    ("kira-kira", "about"), ("lebih dari", "more-than"), ("di atas", "more-than"),
    ("kurang dari", "less-than"), ("di bawah", "less-than"), ("sedikitnya", "at-least"),
    ("setidaknya", "at-least"), ("minimal", "at-least"), ("maksimal", "at-most"),
    ("paling banyak", "at-most"),
])
def test_qualifiers_before_the_number(phrase, qualifier):
    q = only(f"Petugas mencatat {phrase} 40 pengungsi di posko.")
    assert (q.value, q.unit, q.qualifier) == (40, "pengungsi", qualifier)
    assert q.text == f"{phrase} 40 pengungsi"


# ---------------------------------------------------------- counted noun ---

@pytest.mark.parametrize("text, unit", [
    ("Mereka mengirim 250 perangkat militer ke perbatasan.", "perangkat militer"),
    ("Sekitar 50 aktivis turut ditahan polisi.", "aktivis"),
    ("Hampir 10 ribu orang ditahan selama kerusuhan.", "orang"),
    ("Nelayan menangkap 12 ekor hiu di perairan itu.", "hiu"),
    ("Pengembang membangun 300 unit rumah subsidi.", "rumah"),
    ("Dealer itu menjual 158 unit pada Mei.", "unit"),
    ("Peternak kehilangan 7 ekor.", "ekor"),
    ("Gugus pulau itu terdiri dari 1.411 pulau kecil.", "pulau kecil"),
    ("Partai itu menempatkan dua menterinya di kabinet.", "menteri"),
    ("Bantuan diterima 119.781 KK di kabupaten itu.", "KK"),
])
def test_head_noun_after_the_number(text, unit):
    assert only(text).unit == unit


def test_verb_after_number_is_not_the_unit():
    q = only("Sebanyak 35 dilaporkan hilang, kata petugas.")
    assert (q.text, q.value, q.unit) == ("35", 35, None)


# ------------------------------------------------------------- durations ---

def test_durations_are_quantities_with_time_units():
    assert values("Penarikan dimulai dalam dua hari dan selesai dalam 10 hari.") == [(2, "hari"), (10, "hari")]
    assert values("Antrean berlangsung lebih dari 12 jam.") == [(12, "jam")]


def test_relative_dates_are_left_to_timex():
    assert find_quantities("Kapal itu tenggelam 3 hari lalu di selat.") == []


# ---------------------------------------------------- not quantities at all ---

@pytest.mark.parametrize("text", [
    "Pada 2022 harga minyak melonjak.",
    "Rapat digelar Rabu (12/1/2022) di Jakarta.",
    "Acara dimulai 13.50 WIB di aula.",
    "Gempa terjadi pukul 06.18 pagi tadi.",
    "Ia dijerat Pasal 5 Undang-Undang Tipikor.",
    "Warga RT 02 bergotong royong.",
    "Ini kunjungan ke-3 presiden ke daerah itu.",
    "Ia menjadi juara kedua lomba itu.",
    "Hubungi 081234567890 untuk informasi.",
    "Peraturan Menteri Keuangan Nomor 32 Tahun 2025 berlaku segera.",
    "Kecelakaan di Tol Cipularang KM 93 arah Bandung.",
    "Pasien Covid-19 dirawat di rumah sakit.",
    "Timnas U-23 berlatih di Bali.",
    "Band Dewa 19 tampil di Surabaya.",
    "Pertandingan dimulai 15 Agustus mendatang.",
    "Pusat gempa di 8,32 Lintang Selatan.",
    "Sholat Isya 18:39 di masjid raya.",
])
def test_identifiers_dates_times_are_not_quantities(text):
    assert find_quantities(text) == []


def test_list_numbering_is_not_a_quantity():
    assert find_quantities("Syaratnya:\n1. Berlaku untuk pelajar.\n2. Membawa kartu.") == []


def test_offsets_point_into_the_text():
    text = "Sebanyak 2.030 pasukan dan 250 perangkat militer dikirim. Sekitar 50 aktivis ditahan."
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text
    assert [q.text for q in find_quantities(text)] == ["2.030 pasukan", "250 perangkat militer", "Sekitar 50 aktivis"]


def test_quantity_records_round_trip():
    q = only("Sekitar 50 aktivis ditahan.")
    assert Quantity.from_dict(q.to_dict()) == q


# --------------------------------------------------------- canonical page ---

@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "examples/republika-csto/page.txt").exists(), reason="../shared is absent")
def test_canonical_page_quantities():
    text = (SHARED / "examples/republika-csto/page.txt").read_text(encoding="utf-8")
    got = [(q.text, q.value, q.unit, q.qualifier) for q in find_quantities(text)]
    assert got == [
        ("dua hari", 2, "hari", None),  # the caption
        ("2.030 pasukan", 2030, "pasukan", None),
        ("250 perangkat militer", 250, "perangkat militer", None),
        ("dua hari", 2, "hari", None),
        ("10 hari", 10, "hari", None),
        ("19 juta orang", 19_000_000, "orang", None),
        ("hampir 10 ribu orang", 10_000, "orang", "almost"),
        ("sekitar 50 aktivis", 50, "aktivis", "about"),
    ]


def test_narrow_no_break_spaces_join_number_and_unit():
    q = only("Torsi puncaknya 716\u202fNm pada 6.250\u202frpm.".replace("716\u202fNm pada ", ""))
    assert (q.value, q.unit) == (6250, "rpm")


def test_number_words_inside_names_are_not_counts():
    assert find_quantities("Ia menggagas Program Satu Desa Satu Lapangan.") == []


def test_glued_scrape_text_is_not_misread():
    # '0,5 gram' glued to the word before it must not be read as '5 gram'
    assert find_quantities("Hargaemas0,5 gram naik lagi.") == []


@pytest.mark.parametrize("text, expected", [
    ("Ia menunggu 2 jam lebih di sana.", ("2 jam lebih", 2, "jam", "more-than")),
    ("Kerugian negara Rp 1 triliun lebih.", ("Rp 1 triliun lebih", 1e12, "IDR", "more-than")),
    ("Harga naik 5 persen lebih tinggi dari bulan lalu.", ("5 persen", 5, "%", None)),
])
def test_trailing_lebih_means_more_than_unless_comparing(text, expected):
    q = only(text)
    assert (q.text, q.value, q.unit, q.qualifier) == expected


def test_word_number_ranges_and_antara_in_the_span():
    q = only("Ada dua-tiga orang yang menunggu.")
    assert (q.text, q.value, q.value_max, q.unit) == ("dua-tiga orang", 2, 3, "orang")
    q = only("Bunga kredit naik antara 10 dan 20 persen.")
    assert (q.text, q.value, q.value_max, q.unit) == ("antara 10 dan 20 persen", 10, 20, "%")


@pytest.mark.parametrize("text", [
    "Balapan berikutnya. Formula 1 MSC Cruises Austrian Grand Prix digelar pekan depan.",
    "Pesawat jemaah hajiKloter 12 JKS mendarat darurat.",
    "Proyek ini bagian dari Program 3 Juta Rumah pemerintah.",
])
def test_numbers_inside_names_and_codes(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Dealer menyalurkan 4.278 unit sepanjang tahun.", ("4.278 unit", 4278, "unit")),
    ("Wilayah kerja dibagi menjadi 10 teritori baru.", ("10 teritori", 10, "teritori")),
    ("Cekungan itu menampung 573 giga ton karbon.", ("573 giga ton", 573e9, "ton")),
])
def test_unit_edge_cases(text, expected):
    q = only(text)
    assert (q.text, q.value, q.unit) == expected


def test_multiplier_glued_to_the_next_word():
    q = only("Varian tertingginya dijual Rp 423 jutaBYD tahun ini.")
    assert (q.text, q.value, q.unit) == ("Rp 423 juta", 423e6, "IDR")


@pytest.mark.parametrize("text", [
    "Piala Dunia adalah ajang empat tahunan.",
    "Secara enam bulanan indeks masih melemah.",
    "",
])
def test_periodic_adjectives_and_empty_text(text):
    assert find_quantities(text) == []
