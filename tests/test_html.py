"""The HTML input path: metadata, printed dates, body containers, decoding, errors."""
from __future__ import annotations

import codecs
import datetime as dt
import gzip
import importlib.util
import json
from pathlib import Path

import pytest

from warta.errors import WartaError
from warta.html import HtmlPage, decode_html, extract_html, selector_tables

FIXTURES = Path(__file__).parent / "fixtures" / "html"
SHARED_HTML = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "html"


def read_fixture(name: str) -> HtmlPage:
    return extract_html((FIXTURES / name).read_text(encoding="utf-8"))


# One row per outlet fixture: what a correct reading holds.
OUTLET_CASES = {
    "kompas.html": dict(
        title="Banjir Rob Rendam Pesisir Semarang, Warga Mengungsi ke Balai Desa",
        published="2024-03-14T09:15:22+07:00", updated="2024-03-14T11:02:00+07:00", outlet="Kompas",
        authors="Penulis Dimas Prasetyo | Editor Sari Wulandari",
        opening="SEMARANG, KOMPAS.com - Ratusan rumah", closing="sedang mencapai puncaknya.",
        absent=("Advertisement", "Terpopuler", "Kemacetan Panjang", "rob\n", "Warga menuntun")),
    "detik.html": dict(
        title="Pemkot Bandung Uji Coba Bus Listrik di Rute Dago",
        published="2024-05-02T13:40:11+07:00", updated=None, outlet="Detik",
        authors="Rina Maharani - detikNews",
        opening="Bandung - Pemerintah Kota Bandung mulai", closing="(rin/aud)",
        absent=("ADVERTISEMENT", "SCROLL TO CONTINUE", "Tarif Angkot", "bus listrik\n", "Jalan Layang")),
    "antara.html": dict(
        title="Harga cabai rawit di Pasar Kramat Jati turun",
        published="2023-11-20T16:02:45+07:00", updated=None, outlet="Antara",
        authors="Pewarta: Fajar Ramadhan | Editor: Rahmad Nasution",
        opening="Jakarta (ANTARA) - Harga cabai rawit merah", closing="hingga pertengahan Desember.",
        absent=("Stok beras di Cipinang", "Copyright", "Pewarta", "Pedagang menata")),
    "tempo.html": dict(
        title="KPU Tetapkan Jadwal Debat Kedua Calon Kepala Daerah",
        published="2024-01-09T18:30:00+07:00", updated="2024-01-09T19:12:08+07:00", outlet="Tempo",
        authors="Nadia Putri",
        opening="TEMPO.CO, Jakarta - Komisi Pemilihan Umum", closing="Pilihan Editor: Survei Elektabilitas Terbaru Jelang Debat",
        absent=("Panelis Debat Pertama",)),
    "republika.html": dict(
        title="Pesantren di Garut Gelar Pelatihan Wirausaha untuk Santri",
        published="2023-02-12T14:05:00+07:00", updated=None, outlet="Republika",
        authors="Rep: Ahmad Fikri/ Red: Nur Aini",
        opening="REPUBLIKA.CO.ID, GARUT -- Sebuah pondok pesantren", closing="membuka lapangan kerja,\" ujarnya.",
        absent=("Usaha Kopi",)),
    "cnnindonesia.html": dict(
        title="Gempa Magnitudo 5,1 Guncang Bima, Tidak Berpotensi Tsunami",
        published="2024-02-20T07:05:33+07:00", updated="2024-02-20T08:41:00+07:00", outlet="CNN Indonesia",
        authors=None,
        opening="Jakarta, CNN Indonesia -- Gempa bumi bermagnitudo 5,1", closing="maupun korban jiwa.",
        absent=("Baca berita lengkapnya", "Gambas")),
    "liputan6.html": dict(
        title="Festival Layang-Layang Pangandaran Diikuti Peserta dari Lima Negara",
        published="2024-07-21T10:30:00+07:00", updated=None, outlet="Liputan6",
        authors="Hendra Gunawan",
        opening="Liputan6.com, Pangandaran - Festival layang-layang", closing="di luar musim libur sekolah.",
        absent=("Baca Juga", "Wisatawan Padati")),
}


@pytest.mark.parametrize("name", sorted(OUTLET_CASES))
def test_outlet_fixture_fields(name):
    want = OUTLET_CASES[name]
    page = read_fixture(name)
    assert page.title == want["title"]
    assert page.published == want["published"]
    assert page.updated == want["updated"]
    assert page.outlet == want["outlet"]
    assert page.authors_raw == want["authors"]
    assert page.language == "id"
    assert page.body.startswith(want["opening"])
    assert page.body.endswith(want["closing"])
    for text in want["absent"]:
        assert text not in page.body, text
    assert "\n\n" in page.body and "\n\n\n" not in page.body


def test_paragraphs_are_separated_by_a_blank_line():
    page = read_fixture("antara.html")
    assert len(page.body.split("\n\n")) == 4


def test_canonical_url_comes_from_the_page_not_the_given_one():
    html = (FIXTURES / "kompas.html").read_text(encoding="utf-8")
    page = extract_html(html, "https://example.org/saved-copy.html")
    assert page.url == "https://regional.kompas.com/read/2024/03/14/091522178/banjir-rob-rendam-pesisir-semarang"


def test_images_carry_caption_and_credit():
    kompas = read_fixture("kompas.html").images
    assert kompas[0]["url"].endswith("rob-semarang.jpg")
    assert kompas[0]["caption"].startswith("Warga menuntun sepeda motor")
    assert kompas[0]["credit"] == "KOMPAS.com/DIMAS PRASETYO"
    assert read_fixture("detik.html").images[0]["credit"] == "Rina Maharani/detikcom"
    assert read_fixture("antara.html").images[0]["credit"] == "ANTARA/Fajar Ramadhan"


def test_subtitle_is_kept_only_when_it_is_not_the_body_opening():
    assert read_fixture("republika.html").subtitle == "Pelatihan diikuti 120 santri dari lima pesantren di Garut selatan."
    page = extract_html(_page(body=_PARAGRAPHS, head='<meta name="description" content="Hujan deras sejak sore membuat '
                                                   'sungai di pinggir kota meluap dan..."><title>Sungai meluap</title>'))
    assert page.subtitle is None


# ------------------------------------------------------------------ titles

def _page(body: str = "", head: str = "", lang: str = "id", tail: str = "</body></html>") -> str:
    return f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>{body}{tail}'


_PARAGRAPHS = "".join(f"<p>{p}</p>" for p in (
    "Hujan deras sejak sore membuat sungai di pinggir kota meluap dan merendam jalan utama menuju pasar.",
    "Petugas pemadam kebakaran dikerahkan untuk membantu warga yang terjebak di rumah mereka dengan perahu karet.",
    "Menurut warga, banjir seperti ini baru pertama kali terjadi dalam sepuluh tahun terakhir di kampung itu.",
    "Pemerintah daerah menyiapkan dapur umum dan tenda pengungsian di halaman kantor kecamatan.",
))


@pytest.mark.parametrize("declared, expected", [
    ("Sungai Meluap, Warga Mengungsi - Kompas.com", "Sungai Meluap, Warga Mengungsi"),
    ("Sungai Meluap, Warga Mengungsi | Republika Online", "Sungai Meluap, Warga Mengungsi"),
    ("Sungai Meluap, Warga Mengungsi - ANTARA News", "Sungai Meluap, Warga Mengungsi"),
    ("Sungai Meluap - Warga Mengungsi | Berita Harian Contoh.id", "Sungai Meluap - Warga Mengungsi"),
    ("Sungai Meluap, Warga Mengungsi", "Sungai Meluap, Warga Mengungsi"),
])
def test_site_suffixes_are_cut_from_the_title(declared, expected):
    page = extract_html(_page(body=f"<article>{_PARAGRAPHS}</article>", head=f"<title>{declared}</title>"),
                        "https://www.contoh.id/berita/1")
    assert page.title == expected


def test_a_heading_that_opens_the_declared_title_is_the_headline():
    head = ('<meta property="og:title" content="Sungai Meluap: Warga Mengungsi | Nasional | Harian Contoh">'
            '<meta property="og:site_name" content="Harian Contoh">')
    page = extract_html(_page(body=f"<h2>Sungai Meluap: Warga Mengungsi</h2>{_PARAGRAPHS}", head=head))
    assert page.title == "Sungai Meluap: Warga Mengungsi"


def test_a_related_heading_does_not_cut_a_headline_with_a_dash():
    head = '<meta property="og:title" content="Banjir Bekasi - Ribuan Warga Mengungsi">'
    body = f"<h1>Banjir Bekasi - Ribuan Warga Mengungsi</h1>{_PARAGRAPHS}<h2>Banjir Bekasi</h2><ul><li>x</li></ul>"
    assert extract_html(_page(body=body, head=head)).title == "Banjir Bekasi - Ribuan Warga Mengungsi"
    page = extract_html(_page(body=f"{_PARAGRAPHS}<h2>Banjir Bekasi</h2>", head=head))
    assert page.title == "Banjir Bekasi - Ribuan Warga Mengungsi"


def test_json_ld_headline_wins_and_graph_is_searched():
    ld = {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Contoh"},
                                                       {"@type": ["NewsArticle"], "headline": "Judul Dari JSON-LD",
                                                        "datePublished": "2024-04-01T08:00:00Z"}]}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script><title>Judul Lain - Contoh</title>'
    page = extract_html(_page(body=f"<article>{_PARAGRAPHS}</article>", head=head))
    assert page.title == "Judul Dari JSON-LD"
    assert page.published == "2024-04-01T08:00:00+00:00"


def test_broken_json_ld_is_salvaged():
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Judul Rusak",'
            ' "datePublished": "2024-04-01T08:00:00+07:00",}</script>')
    page = extract_html(_page(body=f"<article>{_PARAGRAPHS}</article>", head=head))
    assert page.title == "Judul Rusak"
    assert page.published == "2024-04-01T08:00:00+07:00"


# ------------------------------------------------------------------ dates

@pytest.mark.parametrize("printed, expected", [
    ("Senin, 4 Maret 2024 10:00 WITA", "2024-03-04T10:00:00+08:00"),
    ("Jum'at, 8 Mar 2024 | 19.45 WIT", "2024-03-08T19:45:00+09:00"),
    ("Ahad 10 Mar 2024 06:30 WIB", "2024-03-10T06:30:00+07:00"),
    ("Rabu, 13/03/2024, 21:35 WIB", "2024-03-13T21:35:00+07:00"),
    ("Wednesday, 14 August, 2024 | 07:28 WIB", "2024-08-14T07:28:00+07:00"),
])
def test_printed_indonesian_date_lines(printed, expected):
    body = f'<h1>Sungai Meluap di Pinggir Kota</h1><div class="tanggal">{printed}</div><article>{_PARAGRAPHS}</article>'
    assert extract_html(_page(body=body)).published == expected


def test_the_date_line_nearest_the_article_wins_over_sidebar_times():
    sidebar = "".join(f'<li><a href="#">Berita lain {i}</a><span>Selasa, 5 Maret 2024 | 1{i}:00 WIB</span></li>'
                      for i in range(5))
    body = (f'<ul class="populer">{sidebar}</ul><h1>Sungai Meluap di Pinggir Kota</h1>'
            f'<div>Selasa, 5 Maret 2024 | 08:12 WIB</div><article>{_PARAGRAPHS}</article>')
    assert extract_html(_page(body=body)).published == "2024-03-05T08:12:00+07:00"


def test_zone_less_metadata_time_is_read_as_wib_with_a_warning():
    page = read_fixture("detik.html")
    assert page.published.endswith("+07:00")
    assert any("WIB (+07:00) assumed" in w for w in page.warnings)


def test_day_only_metadata_takes_the_printed_time():
    head = '<meta property="article:published_time" content="2024-03-05">'
    body = f'<h1>Sungai Meluap di Pinggir Kota</h1><p class="date">Selasa, 5 Maret 2024 14:20 WIB</p>{_PARAGRAPHS}'
    assert extract_html(_page(body=body, head=head)).published == "2024-03-05T14:20:00+07:00"


def test_false_utc_marker_is_caught_by_the_printed_wall_clock():
    # An unknown outlet writes WIB wall-clock time with a 'Z'; the printed line shows the same clock time.
    head = '<meta name="pubdate" content="2024-03-05 T14:20:09Z">'
    body = f'<h1>Sungai Meluap di Pinggir Kota</h1><div>Selasa, 05/03/2024 14:20 WIB</div>{_PARAGRAPHS}'
    page = extract_html(_page(body=body, head=head), "https://berita.contoh.id/a/1")
    assert page.published == "2024-03-05T14:20:09+07:00"


def test_real_utc_metadata_is_kept():
    head = '<meta property="article:published_time" content="2024-03-05T07:20:09Z">'
    body = f'<h1>Sungai Meluap di Pinggir Kota</h1><div>Selasa, 05/03/2024 14:20 WIB</div>{_PARAGRAPHS}'
    page = extract_html(_page(body=body, head=head), "https://berita.contoh.id/a/1")
    assert dt.datetime.fromisoformat(page.published) == dt.datetime(2024, 3, 5, 14, 20, 9,
                                                                     tzinfo=dt.timezone(dt.timedelta(hours=7)))


def test_outlet_table_flag_reads_its_utc_marker_as_local():
    assert any(o.meta_utc_is_local for o in selector_tables()[1])
    head = '<meta name="pubdate" content="2024-03-05 T16:00:20Z">'
    page = extract_html(_page(body=f'<div class="detail__body-text">{_PARAGRAPHS}</div>', head=head),
                        "https://finance.detik.com/berita/d-1/contoh")
    assert page.published == "2024-03-05T16:00:20+07:00"


def test_no_date_at_all_is_a_warning_not_an_error():
    page = extract_html(_page(body=f"<h1>Sungai Meluap di Pinggir Kota</h1><article>{_PARAGRAPHS}</article>"))
    assert page.published is None
    assert any("no publication time" in w for w in page.warnings)


# ------------------------------------------------------------------ body, language, outlets

def test_unknown_outlet_goes_through_the_extractor_and_loses_page_furniture():
    nav = '<nav><a href="/">Beranda</a><a href="/nasional">Nasional</a></nav>'
    footer = "<footer><p>Copyright © 2024 Harian Contoh. All rights reserved.</p></footer>"
    body = (f'{nav}<div class="wrap"><h1>Sungai Meluap di Pinggir Kota</h1><div class="isi">{_PARAGRAPHS}'
            f'<p>Copyright © 2024 Harian Contoh</p></div></div>{footer}')
    page = extract_html(_page(body=body), "https://www.hariancontoh.id/berita/123")
    assert page.outlet == "hariancontoh.id"
    assert page.body.startswith("Hujan deras sejak sore")
    assert "Pemerintah daerah menyiapkan dapur umum" in page.body
    assert "Copyright" not in page.body and "Beranda" not in page.body


def test_outlet_is_found_from_the_page_when_no_url_is_given():
    html = (FIXTURES / "antara.html").read_text(encoding="utf-8").replace(
        '<link rel="canonical" href="https://www.antaranews.com/berita/3830123/harga-cabai-rawit-di-pasar-kramat-jati-turun">', "")
    page = extract_html(html)
    assert page.url is None
    assert page.outlet == "Antara"


def test_declared_english_but_indonesian_text_reads_as_indonesian():
    page = extract_html(_page(body=f"<article>{_PARAGRAPHS}</article>", lang="en"))
    assert page.language == "id"
    assert any("declares language 'en'" in w for w in page.warnings)


def test_english_text_stays_english():
    text = "".join(f"<p>{s}</p>" for s in (
        "The minister said on Monday that the government would expand the program to three more provinces.",
        "It was the first time that the ministry has published the figures for the whole year, he said.",
        "Officials from the provinces are expected to meet in Jakarta next week to discuss the budget."))
    assert extract_html(_page(body=f"<article>{text}</article>", lang="en")).language == "en"


# ------------------------------------------------------------------ errors and broken input

def test_truncated_page_returns_what_it_can_with_a_warning():
    html = (FIXTURES / "kompas.html").read_text(encoding="utf-8")
    cut = html[: html.index("Menurut dia, rob")]
    page = extract_html(cut)
    assert page.title == "Banjir Rob Rendam Pesisir Semarang, Warga Mengungsi ke Balai Desa"
    assert "memasang pompa portabel" in page.body
    assert any("truncated" in w for w in page.warnings)


def test_page_without_article_text_is_w120():
    with pytest.raises(WartaError) as err:
        extract_html(_page(body="<nav><a href='/'>Beranda</a></nav>", head="<title>Kosong</title>"), "https://a.id/x")
    assert err.value.code == "W120" and err.value.source == "https://a.id/x"


@pytest.mark.parametrize("garbage", ["just some words with no markup at all", "\x00\x01" * 40 + "<html>", ""])
def test_text_that_is_not_html_is_w121(garbage):
    with pytest.raises(WartaError) as err:
        extract_html(garbage)
    assert err.value.code == "W121"


def test_deeply_nested_markup_does_not_crash():
    body = "<div>" * 3000 + _PARAGRAPHS + "</div>" * 3000
    page = extract_html(_page(body=f'<div itemprop="articleBody">{body}</div>'))
    assert page.body.startswith("Hujan deras")


# ------------------------------------------------------------------ decoding

SAMPLE = '<html><head><meta charset="{cs}"></head><body><p>Kafé “Sejuk” di Bogor – dibuka lagi</p></body></html>'


def test_decode_honours_the_bom():
    text, enc = decode_html(codecs.BOM_UTF8 + SAMPLE.format(cs="utf-8").encode("utf-8"))
    assert enc == "utf-8" and "Kafé “Sejuk”" in text and not text.startswith("\ufeff")
    text, enc = decode_html(SAMPLE.format(cs="utf-16").encode("utf-16"))
    assert enc == "utf-16" and "Kafé" in text


def test_decode_honours_the_declared_charset():
    raw = SAMPLE.format(cs="windows-1252").encode("cp1252")
    text, enc = decode_html(raw)
    assert "Kafé “Sejuk” di Bogor – dibuka" in text and enc in ("windows-1252", "cp1252")


def test_latin1_declaration_is_read_as_cp1252_like_browsers():
    raw = SAMPLE.format(cs="iso-8859-1").encode("cp1252")
    assert "“Sejuk”" in decode_html(raw)[0]


def test_stale_latin_declaration_over_utf8_bytes_reads_utf8():
    raw = SAMPLE.format(cs="iso-8859-1").encode("utf-8")
    text, enc = decode_html(raw)
    assert enc == "utf-8" and "Kafé “Sejuk”" in text


def test_http_equiv_declaration_and_gzip():
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>'
            '<body><p>Kafé</p></body></html>')
    text, enc = decode_html(gzip.compress(page.encode("cp1252")))
    assert "Kafé" in text


def test_undeclared_non_utf8_falls_back_without_crashing():
    text, enc = decode_html("<html><body><p>Kafé “Sejuk” dibuka</p></body></html>".encode("cp1252"))
    assert "Kaf" in text and enc


# ------------------------------------------------------------------ selector table shape

def test_selector_table_entries_are_well_formed():
    generic, outlets = selector_tables()
    assert generic.body and generic.drop
    keys = [o.key for o in outlets]
    assert len(keys) == len(set(keys))
    for outlet in outlets:
        assert outlet.name and outlet.domains
        assert all("/" not in d for d in outlet.domains)


# ------------------------------------------------------------------ shared pages (evaluation only)

def _load_scorer():
    path = SHARED_HTML.parents[1] / "tools" / "score_html.py"
    spec = importlib.util.spec_from_file_location("score_html", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
@pytest.mark.skipif(not SHARED_HTML.is_dir(), reason="../shared/data/html is not present")
def test_shared_pages_reach_the_pinned_floors():
    scorer = _load_scorer()
    wib = dt.timezone(dt.timedelta(hours=7))
    titles = dates = 0
    precisions, recalls = [], []
    golds = [g for f in sorted(SHARED_HTML.glob("*/gold.json")) for g in json.loads(f.read_text())]
    for gold in golds:
        text, _ = decode_html((SHARED_HTML / gold["file"]).read_bytes())
        page = extract_html(text, gold["url"])
        titles += page.title == gold["title"].strip()
        want = dt.datetime.fromtimestamp(gold["date_epoch_ms"] / 1000, wib)
        dates += bool(page.published) and abs((dt.datetime.fromisoformat(page.published) - want).total_seconds()) <= 60
        p, r = scorer.prf(page.body, gold["content"])
        precisions.append(p)
        recalls.append(r)
    n = len(golds)
    precision, recall = sum(precisions) / n, sum(recalls) / n
    f1 = 2 * precision * recall / (precision + recall)
    # Floors pinned from the measured figures (1.00 / 1.00 / 0.997); never lower them silently.
    assert titles / n >= 0.95
    assert dates / n >= 0.95
    assert f1 >= 0.98
