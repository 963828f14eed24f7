"""Shared by the store tests: synthetic analysed articles and a store per backend.

The PostgreSQL backend runs against a real server started once per session
in a temporary directory (scripts/pg_test_server.py), or the server named by
$WARTA_TEST_PG; each test gets a fresh database.
"""
from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path
from typing import Optional

import pytest

from warta.records import (Analysis, Article, Author, Entity, Mention, Quantity, Quote, Speaker, TimeExpression,
                           article_id)
from warta.store.rows import article_rows

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

_counter = itertools.count()


def make_analysis(url: Optional[str], title: str, body: str, published: str = "2025-06-18T10:00:00+07:00",
                  outlet: str = "Kompas", entities: tuple = (), speaker: Optional[str] = None,
                  events: tuple = (), updated: Optional[str] = None) -> Analysis:
    """An Analysis whose spans point into ``body`` (entities found by their names in it)."""
    art = Article(id=article_id(url, title, body), source=f"test:{url or title}", url=url, outlet=outlet,
                  title=title, published=published, updated=updated, body=body,
                  authors=[Author("Rina Wulandari", "reporter")])
    ents = []
    for n, (name, type_) in enumerate(entities, 1):
        start = body.find(name)
        mentions = [Mention(name, start, start + len(name))] if start >= 0 else []
        ents.append(Entity(id=f"e{n}", name=name, type=type_, mentions=mentions))
    quotes = []
    if speaker:
        q_start = body.find('"')
        q_end = body.find('"', q_start + 1) + 1
        ent = next((e for e in ents if e.name == speaker), None)
        quotes.append(Quote(body[q_start:q_end], q_start, q_end, "direct", "kata",
                            Speaker(speaker, ent.id if ent else None, "Menteri")))
    qty = [Quantity("20 lokasi", body.find("20 lokasi"), body.find("20 lokasi") + 9, 20.0, "lokasi")] \
        if "20 lokasi" in body else []
    times = [TimeExpression("Rabu", body.find("Rabu"), body.find("Rabu") + 4, "DATE", "2025-06-18")] \
        if "Rabu" in body else []
    return Analysis(article=art, entities=ents, quotes=quotes, quantities=qty, times=times,
                    events=[dict(e) for e in events],
                    timeline=[{"date": "2025-06-18", "kind": "event", "text": body[:20], "start": 0, "end": 20}])


CABAI = make_analysis(
    "https://example.id/ekonomi/harga-cabai-naik", "Harga Cabai Rawit Naik Tajam di Pasar Induk",
    'Harga cabai rawit di Pasar Induk Kramat Jati naik menjadi Rp 90.000 per kilogram pada Rabu. '
    'Menteri Perdagangan Budi Santoso mengatakan pemerintah akan menggelar operasi pasar di 20 lokasi. '
    '"Pasokan dari Jawa Tengah berkurang karena hujan deras," kata Budi Santoso.',
    entities=(("Budi Santoso", "PER"), ("Kramat Jati", "LOC")), speaker="Budi Santoso",
    events=({"type": "announce", "actor": "Budi Santoso", "text": "menggelar operasi pasar", "start": 120,
             "end": 143},))
KEBAKARAN = make_analysis(
    "https://example.id/metro/kebakaran-pasar", "Kebakaran Hanguskan Puluhan Kios di Pasar Senen",
    "Puluhan kios di Pasar Senen terbakar pada Selasa malam. Petugas pemadam kebakaran mengerahkan "
    "dua belas mobil untuk memadamkan api yang diduga berasal dari korsleting listrik.",
    published="2025-06-17T21:00:00+07:00", outlet="Detik", entities=(("Pasar Senen", "LOC"),))
BANJIR = make_analysis(
    None, "Banjir Rendam Tiga Kecamatan di Bekasi",
    "Banjir setinggi satu meter merendam tiga kecamatan di Bekasi setelah hujan deras semalam. "
    "Ribuan warga mengungsi ke balai desa dan masjid terdekat.",
    published="2025-06-10T07:00:00+07:00", outlet="Republika", entities=(("Bekasi", "LOC"),))
ALL = (CABAI, KEBAKARAN, BANJIR)


def rows(analysis: Analysis) -> dict:
    return article_rows(analysis)


@pytest.fixture(scope="session")
def pg_server():
    url = os.environ.get("WARTA_TEST_PG")
    if url:
        yield url
        return
    import pg_test_server

    if not pg_test_server.pg_bin():
        pytest.skip("PostgreSQL binaries not found (/usr/lib/postgresql/*/bin or $PG_BIN); "
                    "the PostgreSQL half of the store suite needs them")
    try:
        url, data = pg_test_server.start()
    except Exception as exc:  # noqa: BLE001 - report why, do not hide it
        pytest.fail(f"could not start a test PostgreSQL server: {exc}")
    yield url
    pg_test_server.stop(data)


def fresh_postgres(server_url: str) -> str:
    """A new empty database on the test server; its URL."""
    import psycopg

    name = f"t{os.getpid()}_{next(_counter)}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return server_url.replace("/postgres?", f"/{name}?")


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "warta.db")
    return fresh_postgres(request.getfixturevalue("pg_server"))


@pytest.fixture
def store(db_url):
    from warta.store import open_store

    s = open_store(db_url)
    yield s
    s.close()
