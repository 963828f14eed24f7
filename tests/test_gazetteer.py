"""Place names: Indonesian and international forms, provinces and kabupaten/kota, scanning."""
from __future__ import annotations

import csv
from importlib import resources

import pytest

from warta import gazetteer


@pytest.mark.parametrize("surface, code, name", [
    ("AS", "US", "United States"), ("Amerika Serikat", "US", "United States"), ("Rusia", "RU", "Russia"),
    ("Tiongkok", "CN", "China"), ("Cina", "CN", "China"), ("China", "CN", "China"), ("RRT", "CN", "China"),
    ("Korsel", "KR", "South Korea"), ("Korut", "KP", "North Korea"), ("Inggris", "GB", "United Kingdom"),
    ("Swedia", "SE", "Sweden"), ("Belanda", "NL", "Netherlands"), ("Jepang", "JP", "Japan"),
    ("Arab Saudi", "SA", "Saudi Arabia"), ("Kazakhstan", "KZ", "Kazakhstan"), ("Perancis", "FR", "France"),
    ("Prancis", "FR", "France"), ("Selandia Baru", "NZ", "New Zealand"), ("Filipina", "PH", "Philippines"),
])
def test_countries_in_indonesian_resolve_to_iso_code_and_english_name(surface, code, name):
    place = gazetteer.resolve(surface)
    assert (place.kind, place.country, place.name) == ("country", code, name)


@pytest.mark.parametrize("surface, name, code", [
    ("Moskow", "Moscow", "RU"), ("Jenewa", "Geneva", "CH"), ("Kairo", "Cairo", "EG"), ("Den Haag", "The Hague", "NL"),
    ("Beijing", "Beijing", "CN"), ("Washington", "Washington", "US"), ("Wina", "Vienna", "AT"),
    ("Nur-Sultan", "Astana", "KZ"), ("Mekkah", "Makkah", "SA"),
])
def test_city_exonyms_resolve_to_the_largest_city_of_that_name(surface, name, code):
    place = gazetteer.resolve(surface)
    assert (place.name, place.country, place.kind) == (name, code, "city")


def test_almaty_is_geocoded():
    place = gazetteer.resolve("Almaty")
    assert place.country == "KZ" and place.kind == "city"
    assert place.lat == pytest.approx(43.25, abs=0.1) and place.lon == pytest.approx(76.91, abs=0.1)


def test_capitals_know_their_country_and_seats_are_seats():
    assert gazetteer.resolve("Moskow").governs == "RU"
    assert gazetteer.resolve("Canberra").governs == "AU"
    assert gazetteer.resolve("Almaty").governs is None  # no longer the capital
    kremlin = gazetteer.resolve("Kremlin")
    assert (kremlin.kind, kremlin.governs) == ("seat-of-government", "RU")
    assert gazetteer.resolve("Gedung Putih").governs == "US"


def test_former_states():
    soviet = gazetteer.resolve("Uni Soviet")
    assert (soviet.kind, soviet.name, soviet.country) == ("former-state", "Soviet Union", "SU")
    assert gazetteer.resolve("Yugoslavia").kind == "former-state"


def test_all_38_provinces_have_points_inside_indonesia():
    provinces = [gazetteer.get(f"province:{code}") for code in gazetteer_province_codes()]
    assert len(provinces) == 38
    for p in provinces:
        assert p.country == "ID" and p.kind == "province"
        assert -11.5 < p.lat < 6.5 and 94.5 < p.lon < 141.5, p


def gazetteer_province_codes() -> list[str]:
    path = resources.files("warta").joinpath("data").joinpath("places.tsv")
    with path.open(encoding="utf-8") as fh:
        return [r["key"].split(":")[1] for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
                if r["key"].startswith("province:")]


@pytest.mark.parametrize("surface, name", [
    ("Jabar", "Jawa Barat"), ("Jateng", "Jawa Tengah"), ("Jatim", "Jawa Timur"), ("DKI Jakarta", "Daerah Khusus Ibukota Jakarta"),
    ("Sulsel", "Sulawesi Selatan"), ("NTT", "Nusa Tenggara Timur"), ("Provinsi Bali", "Bali"), ("Papua Tengah", "Papua Tengah"),
])
def test_province_press_forms(surface, name):
    place = gazetteer.resolve(surface)
    assert (place.kind, place.name) == ("province", name)


def test_kota_and_kabupaten_of_one_name_are_told_apart():
    kota, kabupaten = gazetteer.resolve("Kota Bogor"), gazetteer.resolve("Kabupaten Bogor")
    assert gazetteer.kind_label(kota) == "city" and kabupaten.kind == "regency"
    assert kota.key != kabupaten.key and kota.admin == kabupaten.admin == "Jawa Barat"
    assert gazetteer.resolve("Bogor").key == kota.key  # the bare name: the city
    assert gazetteer.resolve("Kab. Garut").kind == "regency"
    assert gazetteer.resolve("Solo").name == "Surakarta"


def test_same_name_prefers_the_province_to_its_capital_city():
    assert gazetteer.resolve("Jambi").kind == "province"
    assert gazetteer.kind_label(gazetteer.resolve("Kota Jambi")) == "city"


def test_context_countries_pick_the_local_namesake():
    assert gazetteer.resolve("Perth").country == "AU"
    assert gazetteer.resolve("Perth", countries={"GB"}).country == "GB"


def test_unknown_names_resolve_to_nothing():
    assert gazetteer.resolve("Xyzzyland") is None
    assert gazetteer.candidates("") == []


def test_scan_finds_capitalised_country_and_province_names_only():
    text = "Lima orang dari Korsel dan AS tiba di Jawa Barat; rusia ditulis kecil."
    found = {(text[s:e], p.key) for s, e, p in gazetteer.scan(text)}
    assert found == {("Korsel", "country:KR"), ("AS", "country:US"), ("Jawa Barat", "province:32")}


def test_every_curated_alias_points_at_a_known_place():
    path = resources.files("warta").joinpath("data").joinpath("aliases.tsv")
    lines = [l for l in path.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    assert len(rows) > 50
    missing = [r["surface"] for r in rows if gazetteer.get(r["key"]) is None]
    assert missing == []


def test_kabupaten_kota_points_lie_near_their_province():
    core = gazetteer._core()
    provinces = {p.name: p for p in (core.place(k) for k in core.rows if k.startswith("province:"))}
    regions = [core.place(k) for k in core.rows if k.startswith("region:")]
    assert len(regions) == 514  # Kepmendagri 2025: 416 kabupaten + 98 kota
    located = [r for r in regions if r.lat is not None]
    assert len(located) >= 300
    far = [r.name for r in located if gazetteer.distance_km(r, provinces[r.admin]) > 700]
    assert far == []


@pytest.mark.parametrize("surface, code", [
    ("Kota Gaza", "PS"), ("Jalur Gaza", "PS"), ("kota Kharkiv", "UA"), ("Wilayah Kursk", "RU"),
    ("Khan Younis", "PS"), ("Rafah", "PS"), ("Tel Aviv", "IL"), ("Teheran", "IR"),
])
def test_a_generic_head_before_a_foreign_city_still_finds_its_country(surface, code):
    place = gazetteer.resolve(surface)
    assert place is not None and place.country == code


def test_a_generic_head_before_a_country_is_not_a_city_of_it():
    assert gazetteer.resolve("Kota Rusia") is None
    assert gazetteer.resolve("Kota Bandung").country == "ID"
