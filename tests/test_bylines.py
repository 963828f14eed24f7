"""Bylines as Indonesian outlets print them -> names with roles."""
from __future__ import annotations

import pytest

from warta.bylines import dated_byline, looks_like_byline, parse_byline, role_line, split_credits
from warta.outlets import BY_KEY
from warta.records import Author

# (byline as printed, outlet key or None, [(name, role), ...])
FORMS = [
    # Republika
    ("Rep: Lintang Sari/ Red: Yudha Pratama", "republika", [("Lintang Sari", "reporter"), ("Yudha Pratama", "editor")]),
    ("Rep: Dedi Kurniawan, Nurul Aini/ Red: Hasanul Rizqa", "republika",
     [("Dedi Kurniawan", "reporter"), ("Nurul Aini", "reporter"), ("Hasanul Rizqa", "editor")]),
    ("Red: Friska Yolandha", "republika", [("Friska Yolandha", "editor")]),
    # Reporter | Editor, Penulis, Pewarta
    ("Reporter: Aditya Nugraha | Editor: Maria Fransiska", None,
     [("Aditya Nugraha", "reporter"), ("Maria Fransiska", "editor")]),
    ("Penulis: Rina Kartika, Yoga Pratama | Editor: Dimas Anggoro", "kompas",
     [("Rina Kartika", "writer"), ("Yoga Pratama", "writer"), ("Dimas Anggoro", "editor")]),
    ("Penulis: Ardi Wicaksono dan Nadia Putri | Editor: Bambang Suryo", None,
     [("Ardi Wicaksono", "writer"), ("Nadia Putri", "writer"), ("Bambang Suryo", "editor")]),
    ("Pewarta: Yohanes Kambu", "antara", [("Yohanes Kambu", "reporter")]),
    ("Editor: Siti Rahmawati", None, [("Siti Rahmawati", "editor")]),
    ("Penulis Bayu Setiawan", None, [("Bayu Setiawan", "writer")]),
    ("Oleh: Fitri Handayani", None, [("Fitri Handayani", "writer")]),
    ("Fotografer: Wahyu Putro", None, [("Wahyu Putro", "photographer")]),
    ("Kontributor: Aris Munandar", None, [("Aris Munandar", "contributor")]),
    ("Penulis: Kontributor Bandung, Agie Permadi | Editor: Reni Susanti", "kompas",
     [("Agie Permadi", "contributor"), ("Reni Susanti", "editor")]),
    # Tribun's opening line
    ("Laporan Wartawan Tribun-Timur.com, Andi Muhammad Arsyad", "tribunnews", [("Andi Muhammad Arsyad", "reporter")]),
    ("Laporan Wartawan Tribunnews.com, Igor Pratama", "tribunnews", [("Igor Pratama", "reporter")]),
    # Detik desk suffixes, several names with commas and "dan"
    ("Dina Rayanti -detikOto", "detik", [("Dina Rayanti", "writer")]),
    ("Aulia Damayanti -detikFinance", "detik", [("Aulia Damayanti", "writer")]),
    ("Aulia Damayanti - detikFinance", "detik", [("Aulia Damayanti", "writer")]),
    ("Rahmat Hidayat, Sinta Maharani - detikNews", "detik", [("Rahmat Hidayat", "writer"), ("Sinta Maharani", "writer")]),
    ("Rahmat Hidayat, Sinta Maharani dan Joko Susilo -detikNews", "detik",
     [("Rahmat Hidayat", "writer"), ("Sinta Maharani", "writer"), ("Joko Susilo", "writer")]),
    ("Bagus Prasetyo - Sport", "detik", [("Bagus Prasetyo", "writer")]),
    ("Tim detikcom -detikTravel", "detik", [("Tim detikcom", "writer")]),
    ("prih febriani -detikHealth", "detik", [("Prih Febriani", "writer")]),
    ("tim detikEvent -Sport", "detik", [("Tim detikEvent", "writer")]),
    # Kompas CSV column: writer(s) then editor
    ("Irma Suryani, Jessi Karina", "kompas", [("Irma Suryani", "writer"), ("Jessi Karina", "editor")]),
    ("Wisnu Baskoro", "kompas", [("Wisnu Baskoro", "writer")]),
    # Okezone: the byline names the journalist, alone or with the date
    ("Dimas Saputra", "okezone", [("Dimas Saputra", "reporter")]),
    ("Cikal Wibisono, Jurnalis-Senin, 16 Juni 2025 |15:20 WIB", "okezone", [("Cikal Wibisono", "reporter")]),
    # Tirto: byline and date on one line
    ("Oleh: Bayu Setiawan - 3 Juli 2025 19:30 WIB", "tirto", [("Bayu Setiawan", "writer")]),
    # No-break spaces and stray separators
    ("Rep:\u00a0Lintang Sari /Red:\u00a0Yudha", "republika", [("Lintang Sari", "reporter"), ("Yudha", "editor")]),
    ("Hendra Lumban (hl)", None, [("Hendra Lumban", "writer")]),
]


@pytest.mark.parametrize(("text", "outlet", "authors"), FORMS)
def test_byline_forms(text, outlet, authors):
    found = parse_byline(text, BY_KEY.get(outlet) if outlet else None)
    assert [(a.name, a.role) for a in found] == authors


@pytest.mark.parametrize(("text", "outlet", "authors"), FORMS)
def test_names_are_clean(text, outlet, authors):
    for a in parse_byline(text, BY_KEY.get(outlet) if outlet else None):
        assert a.name == a.name.strip()
        assert not any(sep in a.name for sep in ("|", "/", ";", ":", " -", "- ", ","))
        assert "detikNews" not in a.name and not a.name.endswith("-")


@pytest.mark.parametrize("text", ["", "  ", None, "-", " | "])
def test_empty_bylines_give_no_authors(text):
    assert parse_byline(text) == []


def test_caller_default_role_is_kept_for_parenthesised_editor():
    assert parse_byline("Arief Setyadi", BY_KEY["okezone"], default_role="editor") == [Author("Arief Setyadi", "editor")]


def test_repeated_name_and_role_is_listed_once():
    assert parse_byline("Penulis: Ani Lestari | Penulis: Ani Lestari") == [Author("Ani Lestari", "writer")]


@pytest.mark.parametrize(("raw", "outlet", "people", "wire"), [
    ("Antara -detikTravel", "detik", [], ["Antara"]),
    ("CNN Indonesia -detikTravel", "detik", [], ["CNN Indonesia"]),
    ("Deutsche Welle (DW) -detikNews", "detik", [], ["DW"]),
    ("ABC Australia -detikNews", "detik", [], ["ABC Australia"]),
    ("Tempo.co", "tempo", [("Tempo.co", "writer")], []),
    ("Liputan6.com", "liputan6", [("Liputan6.com", "writer")], []),
    ("Reuters, Nadia Putri", None, [("Nadia Putri", "writer")], ["Reuters"]),
])
def test_agency_credits_become_wire(raw, outlet, people, wire):
    o = BY_KEY.get(outlet) if outlet else None
    found, credited = split_credits(parse_byline(raw, o), o)
    assert [(a.name, a.role) for a in found] == people
    assert credited == wire


@pytest.mark.parametrize(("line", "is_byline"), [
    ("Rep: Lintang Sari/ Red: Yudha Pratama", True),
    ("Penulis: Rina Kartika | Editor: Dimas Anggoro", True),
    ("Pewarta: Yohanes Kambu", True),
    ("Laporan Wartawan Tribunnews.com, Igor Pratama", True),
    ("Reporter:", False),
    ("Editor memutuskan menunda terbit karena alasan teknis.", False),
    ("Petani Cirebon Arak Gunungan Hasil Bumi", False),
])
def test_byline_lines_are_recognised(line, is_byline):
    assert looks_like_byline(line) is is_byline


@pytest.mark.parametrize(("line", "byline", "date"), [
    ("Cikal Wibisono, Jurnalis-Senin, 16 Juni 2025 |15:20 WIB", "Cikal Wibisono", "Senin, 16 Juni 2025 |15:20 WIB"),
    ("Oleh: Bayu Setiawan - 3 Juli 2025 19:30 WIB", "Oleh: Bayu Setiawan", "3 Juli 2025 19:30 WIB"),
    ("Rabu, 18 Jun 2025 20:29 WIB", None, None),
    (", Jurnalis-Rabu, 18 Juni 2025 |20:35 WIB", None, None),
])
def test_byline_sharing_the_date_line(line, byline, date):
    found = dated_byline(line)
    assert (found[:2] if found else (None, None)) == (byline, date)


@pytest.mark.parametrize(("line", "role"), [
    ("Wartawan BBC News Indonesia", "reporter"),
    ("Koresponden VOA di Washington", "reporter"),
    ("Wartawan senior itu menolak berkomentar.", None),
    ("Larasati Wibowo", None),
])
def test_role_lines_under_a_bare_name(line, role):
    assert role_line(line) == role
