"""``warta events``: GDELT-2.0-style rows from the CLI, on original synthetic pages."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from warta.cli import app
from warta.commands.events import COLUMNS, gdelt_day

PAGE = Path(__file__).parent / "fixtures" / "pages" / "okezone.txt"   # an arrest by the police: events to code


def run(*args):
    return CliRunner().invoke(app, ["events", *map(str, args)])


def rows(output: str) -> list[dict]:
    lines = output.strip("\n").split("\n")
    assert lines[0].split("\t") == list(COLUMNS)
    return [dict(zip(COLUMNS, line.split("\t"))) for line in lines[1:]]


def test_tsv_rows_have_gdelt_days_codes_and_a_confidence():
    result = run(PAGE)
    assert result.exit_code == 0, result.output
    events = rows(result.output)
    assert events and all(len(e["Day"]) == 8 and e["Day"].isdigit() for e in events)
    assert all(e["PloverType"] and e["EventCode"] and 0.0 <= float(e["Confidence"]) <= 1.0 for e in events)
    assert len({e["GlobalEventID"] for e in events}) == len(events)


def test_min_confidence_keeps_only_the_surer_events():
    everything = rows(run(PAGE).output)
    sure = rows(run(PAGE, "--min-confidence", 0.7).output)
    assert all(float(e["Confidence"]) >= 0.7 for e in sure)
    assert {e["GlobalEventID"] for e in sure} <= {e["GlobalEventID"] for e in everything}
    assert len(sure) < len(everything)
    assert run(PAGE, "--min-confidence", 2).exit_code != 0   # out of range: refused


def test_jsonl_carries_the_article_and_the_event():
    result = run(PAGE, "--format", "jsonl")
    events = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert events and all(e["url"] is None or e["url"].startswith("http") for e in events)
    assert all({"type", "actor", "target", "confidence", "trigger", "sentence"} <= set(e) for e in events)


def test_bad_input_is_named_and_fails_the_command(tmp_path):
    empty = tmp_path / "kosong.txt"
    empty.write_text("")
    result = CliRunner().invoke(app, ["events", str(empty)])
    assert result.exit_code != 0
    assert "kosong.txt" in result.output and "W101" in result.output


def test_gdelt_day_is_a_day_or_the_publication_day():
    assert gdelt_day("2025-03-04", "2025-03-06T10:00:00+07:00") == "20250304"
    assert gdelt_day("2025-W11", "2025-03-06T10:00:00+07:00") == "20250306"
    assert gdelt_day("2025-03", None) == "" and gdelt_day(None, None) == ""
