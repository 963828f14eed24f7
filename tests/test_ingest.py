"""warta ingest: idempotent, resumable, parallel, errors recorded; the store commands end to end."""
from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time

import pytest
import typer
from typer.testing import CliRunner

from conftest import ROOT
from store_fixtures import db_url, fresh_postgres, pg_server  # noqa: F401
from warta.commands import store as store_cmd
from warta.store import open_store
from warta.store.ingest import capture_key, ingest

COLUMNS = {"url": "url", "title": "judul", "body": "isi", "outlet": "sumber", "published": "tanggal"}
COLUMN_SPEC = ",".join(f"{k}={v}" for k, v in COLUMNS.items())
PLACES = ["Bekasi", "Bogor", "Depok", "Cirebon", "Garut", "Sleman", "Kediri", "Jember", "Banyumas", "Tegal"]
HAPPENINGS = ["Banjir merendam {n} rumah warga di {p} setelah hujan deras semalam.",
              "Harga cabai rawit di pasar {p} naik menjadi Rp {n}.000 per kilogram.",
              "Petugas memadamkan kebakaran {n} kios di pasar induk {p} pada malam hari.",
              "Pemerintah kabupaten {p} membangun {n} sekolah baru tahun ini."]


def write_csv(path, n, bad_rows=()):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["url", "judul", "isi", "sumber", "tanggal"])
        for i in range(n):
            place, text = PLACES[i % len(PLACES)], HAPPENINGS[i % len(HAPPENINGS)]
            body = " ".join(text.format(n=i + 3, p=place) for _ in range(3)) + f" Laporan nomor {i}."
            if i in bad_rows:
                body = "   "
            writer.writerow([f"https://contoh.id/berita/{i}", f"Kabar {place} nomor {i}", body, "kompas.com",
                             f"Rabu, 18 Jun 2025 {8 + i % 10:02d}:{i % 60:02d} WIB"])
    return str(path)


def data_counts(store):
    return store.counts(["articles", "authors", "errors", "ingested", "stories"])


def test_capture_keys_are_absolute_and_keep_the_record_number(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("x")
    os.chdir(tmp_path)
    assert capture_key("a.csv:7") == f"{path}:7" and capture_key("a.csv") == str(path)
    assert capture_key("https://contoh.id/a") == "https://contoh.id/a"


def test_ingest_twice_changes_nothing_and_records_bad_rows(db_url, tmp_path):
    source = write_csv(tmp_path / "berita.csv", 12, bad_rows={5})
    with open_store(db_url) as store:
        first = ingest(store, [source], columns=COLUMNS, analyse=False)
        assert (first.stored, first.errors) == (12, 0)  # a row without text is kept with a warning
        before, counts = store.fingerprint(), data_counts(store)
        second = ingest(store, [source], columns=COLUMNS, analyse=False)
        assert (second.skipped, second.stored, second.unchanged) == (12, 0, 0)
        assert store.fingerprint() == before and data_counts(store) == counts
        runs = store.rows("SELECT status, stored, skipped FROM ingest_runs ORDER BY id")
        assert runs == [{"status": "done", "stored": 12, "skipped": 0}, {"status": "done", "stored": 0, "skipped": 12}]


def test_unreadable_inputs_go_to_the_errors_table_and_the_run_goes_on(db_url, tmp_path):
    (tmp_path / "kosong.txt").write_text("   ")
    (tmp_path / "biner.txt").write_bytes(b"\x00\x01\x02" * 100)
    good = tmp_path / "berita.txt"
    good.write_text("Banjir Bekasi\n\nBanjir setinggi satu meter merendam tiga kecamatan di Bekasi setelah hujan "
                    "deras semalam. Ribuan warga mengungsi ke balai desa.\n")
    with open_store(db_url) as store:
        summary = ingest(store, [str(tmp_path), str(tmp_path / "tidak-ada.txt")], analyse=False)
        assert summary.stored == 1 and summary.errors == 3
        codes = {r["code"] for r in store.rows("SELECT code FROM errors")}
        assert codes == {"W100", "W101", "W102"}
        assert ingest(store, [str(tmp_path)], analyse=False).skipped == 3
        assert store.counts(["errors"])["errors"] == 3


def test_an_updated_capture_replaces_the_article(db_url, tmp_path):
    page = tmp_path / "berita.txt"
    page.write_text("Banjir Bekasi\n\nBanjir setinggi satu meter merendam tiga kecamatan di Bekasi.\n")
    with open_store(db_url) as store:
        ingest(store, [str(page)], analyse=False, url="https://contoh.id/banjir")
        page.write_text("Banjir Bekasi\n\nBanjir setinggi dua meter merendam lima kecamatan di Bekasi.\n")
        summary = ingest(store, [str(page)], analyse=False, url="https://contoh.id/banjir")
        assert summary.replaced == 1
        assert store.rows("SELECT body FROM articles")[0]["body"].startswith("Banjir setinggi dua meter")


def test_an_interrupted_run_resumes_to_the_same_counts(tmp_path):
    source = write_csv(tmp_path / "berita.csv", 40)
    with open_store(str(tmp_path / "utuh.db")) as whole:
        ingest(whole, [source], columns=COLUMNS, analyse=False)
        expected, expected_print = data_counts(whole), whole.fingerprint()

    def stop_after_first_batch(summary, total):
        raise KeyboardInterrupt

    with open_store(str(tmp_path / "putus.db")) as store:
        cut = ingest(store, [source], columns=COLUMNS, analyse=False, batch_size=8,
                     on_progress=stop_after_first_batch)
        assert cut.interrupted and store.counts(["articles"])["articles"] == 8
        again = ingest(store, [source], columns=COLUMNS, analyse=False)
        assert (again.skipped, again.stored) == (8, 32)
        assert data_counts(store) == expected and store.fingerprint() == expected_print


def test_two_workers_store_what_one_worker_stores(tmp_path):
    source = write_csv(tmp_path / "berita.csv", 30)
    prints = []
    for workers in (1, 2):
        with open_store(str(tmp_path / f"w{workers}.db")) as store:
            summary = ingest(store, [source], columns=COLUMNS, workers=workers, components=["quantities"])
            assert summary.stored == 30
            prints.append(store.fingerprint())
    assert prints[0] == prints[1]


@pytest.mark.slow
def test_kill_9_halfway_then_restart_gives_the_uninterrupted_counts(tmp_path):
    source = write_csv(tmp_path / "berita.csv", 600)
    whole_db, cut_db = str(tmp_path / "utuh.db"), str(tmp_path / "putus.db")
    with open_store(whole_db) as whole:
        ingest(whole, [source], columns=COLUMNS, analyse=False)
        expected, expected_print = data_counts(whole), whole.fingerprint()
    script = (f"from warta.store import open_store; from warta.store.ingest import ingest; "
              f"ingest(open_store({cut_db!r}), [{source!r}], columns={COLUMNS!r}, analyse=False, batch_size=16)")
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        time.sleep(0.02)
        try:
            with open_store(cut_db) as peek:
                done = peek.counts(["ingested"])["ingested"]
        except Exception:  # noqa: BLE001 - the database may not exist yet
            continue
        if done >= 100:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with open_store(cut_db) as store:
        assert 0 < store.counts(["articles"])["articles"] < 600
        ingest(store, [source], columns=COLUMNS, analyse=False)
        assert data_counts(store) == expected and store.fingerprint() == expected_print


# ------------------------------------------------------------------ CLI ---

@pytest.fixture
def cli():
    app = typer.Typer()

    @app.callback()
    def main():
        pass

    store_cmd.register(app)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])


def test_the_store_commands_on_the_example_pages(cli, db_url, tmp_path):
    result = cli("ingest", ROOT / "examples" / "pages", "--db", db_url, "--format", "json",
                 "--components", "quantities,times")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["stored"] == 3 and summary["errors"] == 0
    again = json.loads(cli("ingest", ROOT / "examples" / "pages", "--db", db_url, "--format", "json").stdout)
    assert again["skipped"] == 3 and again["stored"] == 0

    hits = json.loads(cli("search", "cabai", "--db", db_url, "--format", "json").stdout)
    assert len(hits) == 1 and "<mark>" in hits[0]["snippet"]
    lines = cli("search", "*", "--db", db_url, "--format", "jsonl", "--limit", "2").stdout.splitlines()
    assert len(lines) == 2
    table = cli("search", "banjir", "--db", db_url)
    assert table.exit_code == 0 and "Bekasi" in table.stdout

    stories = json.loads(cli("stories", "--db", db_url, "--format", "json", "--min-size", "1").stdout)
    assert sum(s["size"] for s in stories) == 3
    timeline = json.loads(cli("timeline", "--db", db_url, "--format", "json").stdout)
    assert len([e for e in timeline if e["kind"] == "published"]) == 3
    assert cli("entity", "Tidak Ada Sama Sekali", "--db", db_url).exit_code == 1

    out = tmp_path / "export"
    for fmt in ("jsonl", "csv", "parquet"):
        result = cli("export", "--format", fmt, "--table", "articles", "--table", "times", "--output", out, "--db", db_url)
        assert result.exit_code == 0, result.output
    import pyarrow.parquet as pq

    assert pq.read_table(out / "articles.parquet").num_rows == 3
    assert len((out / "articles.jsonl").read_text().splitlines()) == 3
    assert cli("export", "--table", "nope", "--db", db_url).exit_code != 0


def _crash_on_bogor(task):
    """A stand-in for a native crash: the worker dies on one record."""
    from warta.store import ingest as ingest_module

    if task[2].fields.get("title") == "Kabar Bogor nomor 1":
        os._exit(11)
    return ingest_module._original_process(task)


def test_a_worker_that_crashes_costs_one_record_not_the_run(tmp_path, monkeypatch):
    from warta.store import ingest as ingest_module

    monkeypatch.setattr(ingest_module, "_original_process", ingest_module.process, raising=False)
    monkeypatch.setattr(ingest_module, "process", _crash_on_bogor)
    source = write_csv(tmp_path / "berita.csv", 20)
    with open_store(str(tmp_path / "w.db")) as store:
        summary = ingest(store, [source], columns=COLUMNS, workers=2, components=["quantities"])
        assert (summary.stored, summary.errors) == (19, 1)
        [error] = store.rows("SELECT input, message FROM errors")
        assert error["input"].endswith("berita.csv:3") and "crashed" in error["message"]
