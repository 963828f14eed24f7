"""The shared raw CSV (1,973 rows, six outlets) through ``--columns``: the
issue's figures pinned as floors.  Run with ``-s`` to see the measured figures.

Never lower a floor silently: a drop means a regression in the outlet tables,
the date reader, the byline reader or the furniture clean-up.
"""
from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from conftest import shared_path
from warta.cli import app

pytestmark = pytest.mark.shared

COLUMNS = "url=url,title=judul,authors=author,published=tanggal_publikasi,body=isi_berita,outlet=sumber"
FURNITURE = ("Advertisement", "Baca Juga", "SCROLL TO CONTINUE WITH CONTENT", "Simak Video", "[Gambas:",
             "Ikuti Whatsapp Channel")
TO_THE_MINUTE_WIB = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?\+07:00$")
# What a clean name never holds: a desk suffix, a separator, a role label.
UNCLEAN = re.compile(r"-\s*detik\w*$|-\s*(?:Sport|Sepakbola|20detik)$|[|/;:,]|^\W|\W$|\s{2}")

FLOORS = {"dates": 0.99, "furniture_left": 0.005, "bylines": 0.97}


@pytest.fixture(scope="module")
def records():
    path = shared_path("data", "news", "raw-2025-06-18.csv")
    import csv

    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    result = CliRunner().invoke(app, ["parse", str(path), "--columns", COLUMNS, "--format", "jsonl"])
    assert result.exit_code == 0, result.output[-2000:]
    parsed = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return rows, parsed


def test_every_row_yields_a_record(records):
    rows, parsed = records
    errors = [r for r in parsed if "code" in r and "body" not in r]
    print(f"\nrows {len(rows)}, records {len(parsed) - len(errors)}, errors {len(errors)}")
    assert not errors
    assert len(parsed) == len(rows)


def test_published_to_the_minute_in_wib(records):
    rows, parsed = records
    good = sum(1 for r in parsed if r.get("published") and TO_THE_MINUTE_WIB.match(r["published"]))
    share = good / len(parsed)
    print(f"\npublished to the minute with +07:00: {good}/{len(parsed)} = {share:.4f} (floor {FLOORS['dates']})")
    assert share >= FLOORS["dates"]


def test_furniture_left_in_bodies(records):
    _, parsed = records
    left = [r for r in parsed if any(f.lower() in (r.get("body") or "").lower() for f in FURNITURE)]
    share = len(left) / len(parsed)
    print(f"\nbodies with furniture left: {len(left)}/{len(parsed)} = {share:.4f} (ceiling {FLOORS['furniture_left']})")
    assert share <= FLOORS["furniture_left"]


def _clean_byline(record: dict) -> bool:
    people = record.get("authors") or []
    if not people and not record.get("wire"):
        return False
    return all(a["name"] and not UNCLEAN.search(a["name"]) for a in people)


def test_bylines_split_into_clean_names(records):
    rows, parsed = records
    with_author = [(row, rec) for row, rec in zip(rows, parsed) if row["author"].strip()]
    clean = [rec for _, rec in with_author if _clean_byline(rec)]
    share = len(clean) / len(with_author)
    print(f"\nbylines split into clean names: {len(clean)}/{len(with_author)} = {share:.4f} (floor {FLOORS['bylines']})")
    assert share >= FLOORS["bylines"]
    assert not any(re.search(r"-\s*detik", a["name"]) for _, rec in with_author for a in rec.get("authors", []))


def test_several_writers_and_editor_on_kompas_rows(records):
    rows, parsed = records
    two = [rec for row, rec in zip(rows, parsed)
           if row["sumber"].startswith("kompas") and row["author"].count(",") == 1]
    assert two, "the CSV has Kompas rows with a writer and an editor"
    for rec in two:
        assert [a["role"] for a in rec["authors"]] == ["writer", "editor"]


def test_liputan6_update_time_is_kept_as_update(records):
    rows, parsed = records
    lip = [rec for row, rec in zip(rows, parsed) if row["tanggal_publikasi"].startswith("Diperbarui")]
    assert lip
    assert all(rec["updated"] and TO_THE_MINUTE_WIB.match(rec["updated"]) for rec in lip)
