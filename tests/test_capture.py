"""Reading sources: formats, encodings, and bad input with stable error codes."""
from __future__ import annotations

import gzip
import json

from typer.testing import CliRunner

from warta.capture import iter_captures, parse_columns
from warta.cli import app
from warta.errors import WartaError
from warta.parse import parse_capture

PAGE = """Senin, 3 Mar 2025 09:15 WIB

Warga Desa Sukamaju Bangun Jembatan Bambu Secara Swadaya

Nanda Prasetyo - detikNews
SUKABUMI - Warga Desa Sukamaju, Kabupaten Sukabumi, membangun jembatan bambu sepanjang 40 meter.
SCROLL TO CONTINUE WITH CONTENT
"Kami tidak bisa menunggu lagi," kata Kepala Desa Sukamaju, Ahmad Rifai, Senin (3/3/2025).
(nps/dnu)
"""


def items(paths, **kw):
    return list(iter_captures([str(p) for p in paths], **kw))


def test_text_page_is_read_and_parsed(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    (capture,) = items([path])
    article = parse_capture(capture)
    assert article.title == "Warga Desa Sukamaju Bangun Jembatan Bambu Secara Swadaya"
    assert article.published == "2025-03-03T09:15:00+07:00"
    assert [a.name for a in article.authors] == ["Nanda Prasetyo"]
    assert article.dateline.place == "Sukabumi"
    assert article.body.startswith("Warga Desa Sukamaju")
    assert "SCROLL TO CONTINUE" not in article.body and "(nps/dnu)" in article.removed


def test_gzip_and_cp1252_are_read(tmp_path):
    path = tmp_path / "page.txt.gz"
    path.write_bytes(gzip.compress(PAGE.replace("bambu", "bambú").encode("cp1252")))
    (capture,) = items([path])
    assert capture.encoding == "cp1252" and "bambú" in capture.text


def test_directories_recurse_and_globs_expand(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/one.txt", "a/b/two.txt", "a/skip.bin"):
        (tmp_path / name).write_text(PAGE)
    assert {c.source.rsplit("/", 1)[-1] for c in items([tmp_path / "a"])} == {"one.txt", "two.txt"}
    assert len(items([tmp_path / "a" / "**" / "*.txt"])) == 2


def test_bad_inputs_get_stable_codes(tmp_path):
    cases = {"empty.txt": b"", "blank.txt": b"  \n\n", "junk.txt": bytes(range(256)) * 20,
             "broken.txt.gz": gzip.compress(PAGE.encode())[:40]}
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    got = {e.source.rsplit("/", 1)[-1]: e.code for e in items([tmp_path / n for n in cases])}
    assert got == {"empty.txt": "W101", "blank.txt": "W101", "junk.txt": "W102", "broken.txt.gz": "W105"}
    (missing,) = items([tmp_path / "nope.txt"])
    assert isinstance(missing, WartaError) and missing.code == "W100"


def test_giant_input_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(PAGE * 100)
    (err,) = items([path], max_bytes=1000)
    assert err.code == "W104" and str(path) in str(err)


def test_csv_rows_with_mapping_and_malformed_rows(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text('sumber,url,judul,author,tanggal_publikasi,isi_berita\n'
                    'detik.com,https://news.detik.com/x/1,Judul Satu,Rina Wati -detikNews,'
                    '"Rabu, 18 Jun 2025 20:29 WIB","Jakarta - Isi berita pertama.\nSCROLL TO CONTINUE WITH CONTENT\nLanjut."\n'
                    'detik.com,only,three\n'
                    'kompas.com,https://kompas.com/y,Judul Dua,"A Satu, B Dua","Kompas.com- 18/06/2025, 21:35 WIB",'
                    '"JAKARTA, KOMPAS.com - Isi kedua."\n', encoding="utf-8")
    cols = parse_columns("url=url,title=judul,authors=author,published=tanggal_publikasi,body=isi_berita,outlet=sumber")
    got = items([path], columns=cols)
    assert [type(g).__name__ for g in got] == ["Capture", "WartaError", "Capture"]
    assert got[1].code == "W110" and got[1].source.endswith("rows.csv:3")
    first, second = parse_capture(got[0]), parse_capture(got[2])
    assert first.outlet == "Detik" and first.authors[0].name == "Rina Wati"
    assert first.body == "Isi berita pertama.\n\nLanjut."
    assert second.published == "2025-06-18T21:35:00+07:00"
    assert [(a.name, a.role) for a in second.authors] == [("A Satu", "writer"), ("B Dua", "editor")]


def test_missing_column_and_bad_mapping(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("a,b\n1,2\n")
    (err,) = items([path], columns={"body": "isi"})
    assert err.code == "W112"
    try:
        parse_columns("body")
    except WartaError as exc:
        assert exc.code == "W111"
    else:
        raise AssertionError("a mapping without '=' must be refused")


def test_jsonl_bad_line_does_not_stop_the_rest(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps({"title": "Satu", "body": "Isi satu."}) + "\n{oops\n"
                    + json.dumps({"title": "Dua", "body": "Isi dua."}) + "\n")
    got = items([path])
    assert [getattr(g, "code", "ok") for g in got] == ["ok", "W110", "ok"]


def test_cli_exit_status_and_error_objects(tmp_path):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(PAGE)
    bad.write_bytes(b"")
    runner = CliRunner()
    result = runner.invoke(app, ["parse", "--format", "jsonl", str(good), str(bad)])
    assert result.exit_code == 0
    lines = [json.loads(l) for l in result.stdout.splitlines()]
    assert lines[0]["title"].startswith("Warga Desa") and lines[1]["error"]["code"] == "W101"
    assert "W101" in result.stderr
    assert runner.invoke(app, ["parse", "--strict", str(good), str(bad)]).exit_code == 1
    assert runner.invoke(app, ["parse", str(bad)]).exit_code == 1


def test_stdin(tmp_path):
    result = CliRunner().invoke(app, ["parse", "-"], input=PAGE)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["outlet"] == "Detik"


def _warc(path, pages):
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, ctype, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(html.encode()),
                                                          http_headers=headers))


def test_warc_html_responses_become_captures(tmp_path):
    html = ("<html><head><title>Banjir di Bekasi - Contoh</title>"
            '<meta property="article:published_time" content="2025-03-06T10:25:00+07:00"></head>'
            "<body><article><h1>Banjir di Bekasi</h1>"
            + "".join(f"<p>Paragraf berita nomor {i} tentang banjir yang merendam rumah warga di Bekasi.</p>"
                      for i in range(6))
            + "</article></body></html>")
    path = tmp_path / "crawl.warc.gz"
    _warc(path, [("https://example.co.id/banjir", "text/html; charset=utf-8", html),
                 ("https://example.co.id/logo.png", "image/png", "PNG")])
    (capture,) = items([path])
    assert capture.format == "html" and capture.url == "https://example.co.id/banjir"
    article = parse_capture(capture)
    assert article.title == "Banjir di Bekasi" and article.published == "2025-03-06T10:25:00+07:00"
    assert "Paragraf berita nomor 5" in article.body


def test_truncated_warc_reports_the_record(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9999\r\n\r\n<html>cut")
    got = items([path])
    assert got and all(isinstance(g, WartaError) and g.code == "W113" for g in got)


def test_an_html_page_without_text_is_reported_by_its_file_name(tmp_path):
    path = tmp_path / "kosong.html"
    path.write_text("<html><body>" + "<div>" * 50 + "</div>" * 50 + "</body></html>")
    (capture,) = items([path])
    try:
        parse_capture(capture)
    except WartaError as err:
        assert err.code == "W120" and err.source == str(path)
    else:
        raise AssertionError("a page without text must be refused")
