"""The canonical Republika page: every field of §1 of expected.md."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import shared_path
from warta.capture import iter_captures
from warta.cli import app
from warta.parse import parse_capture

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def article():
    page = shared_path("examples", "republika-csto", "page.txt")
    (capture,) = list(iter_captures([str(page)]))
    return parse_capture(capture)


def test_metadata(article):
    assert article.outlet == "Republika"
    assert article.language == "id"
    assert article.published == "2022-01-12T13:50:00+07:00"
    assert article.updated is None
    assert article.title == "Pasukan Rusia Mulai Mundur dari Kazakhstan, AS Gembira"
    assert article.subtitle == "Pasukan yang dipimpin Rusia memulai proses penarikan pasukan dari Kazakhstan"
    assert [(a.name, a.role) for a in article.authors] == [("Lintar Satria", "reporter"),
                                                            ("Christiyaningsih", "editor")]
    assert article.wire == ["Reuters"]


def test_caption_and_credit(article):
    (image,) = article.images
    assert image.caption.startswith("Dalam foto selebaran yang dirilis oleh Layanan Pers")
    assert image.caption.endswith("memulai proses penarikan pasukan dari Kazakhstan dalam dua hari.")
    assert image.credit == ""


def test_body_is_the_ten_paragraphs_and_nothing_else(article):
    paragraphs = article.body.split("\n\n")
    assert len(paragraphs) == 10
    assert paragraphs[0].startswith("Tokayev menyebut Komite Keamanan Nasional (NSC)")
    assert paragraphs[-1].endswith("untuk menindak korupsi di Kazakhstan.")
    for furniture in ("Advertisement", "Berita Lainnya", "sumber :", "Rep:", "Foto:"):
        assert furniture not in article.body
    assert "Faktar Tokayev" in article.body  # typos kept as published


def test_removed_furniture_is_reported(article):
    assert sorted(article.removed) == sorted(["Advertisement"] * 4 + ["Berita Lainnya"])


def test_cli_prints_one_object():
    page = shared_path("examples", "republika-csto", "page.txt")
    result = CliRunner().invoke(app, ["parse", str(page)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for key in ("id", "url", "outlet", "language", "title", "subtitle", "published", "updated", "authors",
                "dateline", "wire", "images", "body", "removed", "warnings"):
        assert key in data
    assert data["published"] == "2022-01-12T13:50:00+07:00"
