"""Outlet fixtures: one original synthetic page per outlet, in the outlet's
saved-page-text format, against the sidecar that says what a correct reading
holds (``tests/fixtures/pages/<outlet>.txt`` + ``<outlet>.expected.json``).

A sidecar may name fields the parser does not read correctly yet under
``xfail`` (field -> reason; ``_all`` for a page it cannot read at all);
those checks are strict xfails, so they start failing loudly the day the
parser gets them right.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warta import outlets
from warta.capture import iter_captures
from warta.cli import app
from warta.parse import parse_capture
from warta.records import Article

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
OUTLET_PAGES = sorted(p.name.removesuffix(".expected.json") for p in PAGES.glob("*.expected.json")
                      if (PAGES / p.name.replace(".expected.json", ".txt")).exists())
FIELDS = ("outlet", "published", "updated", "title", "subtitle", "authors", "dateline", "wire", "images",
          "first_paragraph", "last_paragraph", "paragraphs", "removed")


def _sidecar(name: str) -> dict:
    return json.loads((PAGES / f"{name}.expected.json").read_text(encoding="utf-8"))


def _parse(name: str) -> Article:
    given = _sidecar(name).get("input", {})
    items = list(iter_captures([str(PAGES / f"{name}.txt")], url=given.get("url"),
                               fetched_at=given.get("fetched_at")))
    assert len(items) == 1
    return parse_capture(items[0])


_CACHE: dict[str, Article] = {}


def article_for(name: str) -> Article:
    if name not in _CACHE:
        _CACHE[name] = _parse(name)
    return _CACHE[name]


def reading(article: Article, field: str):
    """The value of one sidecar field in a parsed Article."""
    paragraphs = article.body.split("\n\n") if article.body else []
    if field == "authors":
        return sorted((a.name, a.role) for a in article.authors)
    if field == "dateline":
        d = article.dateline
        return {"place": d.place, "outlet": d.outlet} if d else None
    if field == "images":
        return [{"caption": i.caption, "credit": i.credit} for i in article.images]
    if field == "first_paragraph":
        return paragraphs[0] if paragraphs else None
    if field == "last_paragraph":
        return paragraphs[-1] if paragraphs else None
    if field == "paragraphs":
        return len(paragraphs)
    if field == "removed":
        return Counter(article.removed)
    return getattr(article, field)


def expected(name: str, field: str):
    value = _sidecar(name)["expected"][field]
    if field == "authors":
        return sorted((a["name"], a["role"]) for a in value)
    if field == "removed":
        return Counter(value)
    return value


def _gap(gaps: dict, field: str) -> list:
    reason = gaps.get(field) or gaps.get("_all")
    return [pytest.mark.xfail(strict=True, reason=reason)] if reason else []


def _cases():
    for name in OUTLET_PAGES:
        gaps = _sidecar(name).get("xfail", {})
        for field in FIELDS:
            yield pytest.param(name, field, marks=_gap(gaps, field), id=f"{name}-{field}")


def _pages():
    return [pytest.param(name, marks=_gap(_sidecar(name).get("xfail", {}), "_all"), id=name)
            for name in OUTLET_PAGES]


def test_every_listed_outlet_has_a_fixture():
    wanted = {"republika", "kompas", "detik", "tempo", "liputan6", "okezone", "antara", "cnnindonesia",
              "tribunnews", "kumparan", "tirto", "mediaindonesia", "bbcindonesia", "voaindonesia"}
    assert wanted <= set(OUTLET_PAGES)
    assert wanted <= set(outlets.BY_KEY)


def test_sidecars_name_every_field():
    for name in OUTLET_PAGES:
        data = _sidecar(name)
        assert set(FIELDS) <= set(data["expected"]), name
        assert set(data.get("xfail", {})) <= set(FIELDS) | {"_all"}, name


@pytest.mark.parametrize(("name", "field"), list(_cases()))
def test_fixture_field(name, field):
    assert reading(article_for(name), field) == expected(name, field)


@pytest.mark.parametrize("name", _pages())
def test_body_keeps_no_furniture(name):
    body = article_for(name).body
    for word in ("Advertisement", "ADVERTISEMENT", "SCROLL TO CONTINUE", "Baca juga", "Baca Juga", "[Gambas:",
                 "Simak juga Video", "Ikuti Whatsapp Channel", "Copyright", "Pewarta:"):
        assert word not in body, (name, word)


@pytest.mark.parametrize("name", OUTLET_PAGES)
def test_outlet_is_known_to_the_table(name):
    assert outlets.by_name(_sidecar(name)["expected"]["outlet"]) is not None


def test_cli_reads_a_fixture_like_the_library():
    name = "kompas"
    given = _sidecar(name).get("input", {})
    args = ["parse", str(PAGES / f"{name}.txt")] + (["--url", given["url"]] if given.get("url") else [])
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    want = _sidecar(name)["expected"]
    assert data["outlet"] == want["outlet"]
    assert data["published"] == want["published"]
    assert data["title"] == want["title"]
    assert sorted((a["name"], a["role"]) for a in data["authors"]) == expected(name, "authors")
    assert data["body"].split("\n\n")[0] == want["first_paragraph"]


# ----------------------------------------------------------------- CSV rows ---

ROWS_COLUMNS = "url=url,title=judul,authors=author,published=tanggal_publikasi,body=isi_berita,outlet=sumber"


ROW_FIELDS = ("outlet", "published", "updated", "authors", "dateline", "first_paragraph", "last_paragraph",
              "paragraphs", "removed")


def _row_sidecar() -> list[dict]:
    return json.loads((PAGES / "rows.expected.json").read_text(encoding="utf-8"))


_ROWS: list[Article] = []


def rows() -> list[Article]:
    from warta.capture import parse_columns

    if not _ROWS:
        items = list(iter_captures([str(PAGES / "rows.csv")], columns=parse_columns(ROWS_COLUMNS)))
        _ROWS.extend(parse_capture(item) for item in items)
    return _ROWS


def _row_cases():
    for i, row in enumerate(_row_sidecar()):
        for field in ROW_FIELDS:
            yield pytest.param(i, field, marks=_gap(row.get("xfail", {}), field), id=f"row{i + 2}-{field}")


def test_every_csv_row_yields_a_record():
    assert len(rows()) == len(_row_sidecar())


@pytest.mark.parametrize(("index", "field"), list(_row_cases()))
def test_csv_row_field(index, field):
    want = _row_sidecar()[index]["expected"][field]
    if field == "authors":
        want = sorted((a["name"], a["role"]) for a in want)
    elif field == "removed":
        want = Counter(want)
    assert reading(rows()[index], field) == want


def test_csv_rows_through_the_cli():
    result = CliRunner().invoke(app, ["parse", str(PAGES / "rows.csv"), "--columns", ROWS_COLUMNS,
                                      "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [r["outlet"] for r in records] == [r["expected"]["outlet"] for r in _row_sidecar()]
    assert [r["published"] for r in records] == [r["expected"]["published"] for r in _row_sidecar()]


# ------------------------------------------------------------ caption lines ---

@pytest.mark.parametrize(("outlet", "line", "caption", "credit"), [
    ("kompas", "Petugas memeriksa pompa air di Kemang, Rabu (18/6/2025). (KOMPAS.com/RINA KARTIKA)",
     "Petugas memeriksa pompa air di Kemang, Rabu (18/6/2025).", "KOMPAS.com/RINA KARTIKA"),
    ("mediaindonesia", "Ilustrasi. Siswa belajar di kelas. MI/Ardi Wicaksono", "Ilustrasi. Siswa belajar di kelas.",
     "MI/Ardi Wicaksono"),
    ("tirto", "Ilustrasi karung beras di gudang. tirto.id/Fuad", "Ilustrasi karung beras di gudang.", "tirto.id/Fuad"),
    ("tempo", "Pedagang cabai di Kramat Jati. TEMPO/Hilman Fathurrahman", "Pedagang cabai di Kramat Jati.",
     "TEMPO/Hilman Fathurrahman"),
    ("kumparan", "Layang-layang naga di Pantai Padang Galak. Foto: Made Ayu/kumparan",
     "Layang-layang naga di Pantai Padang Galak.", "Made Ayu/kumparan"),
    ("bbcindonesia", "Sumber gambar, Getty Images", None, "Getty Images"),
    ("bbcindonesia", "Keterangan gambar, Nelayan menambatkan perahu.", "Nelayan menambatkan perahu.", None),
    ("tribunnews", "Nelayan di Paotere, Jumat (13/6/2025). (TRIBUN-TIMUR.COM/ANDI ARSYAD)",
     "Nelayan di Paotere, Jumat (13/6/2025).", "TRIBUN-TIMUR.COM/ANDI ARSYAD"),
    (None, "Warga antre di loket stasiun. (ANTARA FOTO/Budi Santoso/tom)", "Warga antre di loket stasiun.",
     "ANTARA FOTO/Budi Santoso/tom"),
])
def test_caption_lines_in_each_outlet_form(outlet, line, caption, credit):
    assert outlets.read_caption(line, outlets.BY_KEY.get(outlet)) == (caption, credit)


@pytest.mark.parametrize(("outlet", "line"), [
    ("kompas", "Ia mengatakan hal itu kepada wartawan di Jakarta (Senin)."),
    (None, "Kapolres menyebut pelaku sudah diintai sejak Mei (2025)."),
    ("mediaindonesia", "Harga naik 5 persen pada Mei lalu."),
])
def test_prose_is_not_a_caption(outlet, line):
    assert outlets.read_caption(line, outlets.BY_KEY.get(outlet)) is None


# ----------------------------------------------------------- outlet lookups ---

@pytest.mark.parametrize(("where", "key"), [
    ("https://megapolitan.kompas.com/read/2025/06/18/x", "kompas"),
    ("https://papua.antaranews.com/berita/1/x", "antara"),
    ("https://makassar.tribunnews.com/2025/06/13/x", "tribunnews"),
    ("https://www.bbc.com/indonesia/articles/abc", "bbcindonesia"),
    ("https://www.bbc.com/news/world-1", None),
    ("https://en.tempo.co/read/1", "tempoenglish"),
    ("https://www.tempo.co/ekonomi/x", "tempo"),
    ("liputan6.com", "liputan6"),
    ("Media Indonesia", "mediaindonesia"),
    ("detik.com", "detik"),
    ("example.org", None),
])
def test_outlet_lookup_by_host_or_name(where, key):
    found = outlets.by_name(where)
    assert (found.key if found else None) == key


@pytest.mark.parametrize(("lead", "key", "place"), [
    ("JAKARTA, KOMPAS.com - Hujan turun.", "kompas", "JAKARTA"),
    ("REPUBLIKA.CO.ID, CIREBON--Petani panen.", "republika", "CIREBON"),
    ("TEMPO.CO, Jakarta - Harga naik.", "tempo", "Jakarta"),
    ("Liputan6.com, JakartaWarga antre.", "liputan6", "Jakarta"),
    ("JAYAPURA (ANTARA) - Dinas membuka layanan.", "antara", "JAYAPURA"),
    ("Jakarta, CNN Indonesia -- BMKG memprediksi hujan.", "cnnindonesia", "Jakarta"),
    ("TRIBUN-TIMUR.COM, MAKASSAR - Nelayan melaut.", "tribunnews", "MAKASSAR"),
    ("TRIBUNNEWS.COM, JAKARTA - Sidang dibuka.", "tribunnews", "JAKARTA"),
    ("tirto.id - Harga beras naik.", "tirto", None),
    ("RANTEPAO (VOA) — Petani kopi menjual.", "voaindonesia", "RANTEPAO"),
])
def test_datelines_name_their_outlet(lead, key, place):
    outlet, m = outlets.by_dateline(lead)
    assert outlet is not None and outlet.key == key
    assert m.groupdict().get("place") == place


@pytest.mark.parametrize("lead", ["PEMERINTAH Kabupaten Sleman mulai menerima siswa.", "Setiap pagi, Rukmini mendayung."])
def test_prose_opening_is_no_dateline(lead):
    assert outlets.by_dateline(lead) == (None, None)


@pytest.mark.parametrize(("key", "line"), [
    ("tempo", "Pilihan Editor: Pemerintah Siapkan Operasi Pasar"),
    ("kompas", "Simak breaking news dan berita pilihan kami langsung di ponselmu."),
    ("antara", "Dilarang keras mengambil konten, melakukan crawling atau pengindeksan otomatis."),
    ("cnnindonesia", "url telah tercopy"),
    ("kumparan", "kumparanNEWS"),
    ("kumparan", "waktu baca 3 menit"),
    ("voaindonesia", "[ab/cd]"),
    ("mediaindonesia", "(H-2)"),
    ("mediaindonesia", "(Ant/P-5)"),
    ("bbcindonesia", "Sumber gambar, Getty Images"),
])
def test_outlet_furniture_lines(key, line):
    assert outlets.BY_KEY[key].rx("furniture").fullmatch(line)


def test_trailing_initials_glued_to_the_last_sentence_are_found():
    rx = outlets.BY_KEY["voaindonesia"].rx("furniture")
    m = rx.search("Ongkos kirim masih menjadi tantangan. [yp/hl]")
    assert m and m.group(0) == "[yp/hl]"
    assert rx.search("Ia menyebut angka [12/4] dalam laporan itu dan pergi") is None


@pytest.mark.parametrize("url, expected", [
    ("https://sport.detik.com/sepakbola/liga-inggris/d-1/judul", "sport"),
    ("https://www.liputan6.com/showbiz/read/1/judul", "entertainment"),
    ("https://celebrity.okezone.com/read/2025/06/18/598/1/judul", "entertainment"),
    ("https://travel.detik.com/travel-news/d-1/judul", "travel"),
    ("https://finance.detik.com/industri/d-1/judul", "business"),
    ("https://www.liputan6.com/cek-fakta/read/1/judul", "fact check"),
    ("https://news.detik.com/berita/d-1/judul", None),
    ("https://www.liputan6.com/news/read/1/judul", None),
    ("https://hukum.tempo.co/read/1/judul", None),
    ("https://www.contoh.id/hotel-murah/read/1", None),   # a path word is whole, not a prefix
    (None, None),
])
def test_rubric_from_host_label_or_first_path_segment(url, expected):
    assert outlets.rubric(url) == expected


def test_an_outlet_named_as_it_names_itself():
    assert outlets.by_name("detikcom").key == "detik" and outlets.by_name("Kompas.com").key == "kompas"
    assert outlets.by_name("Polri") is None
