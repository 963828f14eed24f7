"""The store suite, run on SQLite and on a real PostgreSQL server."""
from __future__ import annotations

import copy
import json

import pytest

from store_fixtures import ALL, BANJIR, CABAI, KEBAKARAN, db_url, make_analysis, pg_server, rows, store  # noqa: F401
from warta.store import Filters, Result, open_store
from warta.store.base import DATA_TABLES
from warta.stories import update_stories


def _load(store, *analyses):
    return store.write_batch([Result(f"k:{a.article.id}", "h", rows=rows(a)) for a in analyses], run_id=None)


def test_migrations_are_numbered_applied_once_and_recorded(store, db_url):
    assert store.schema_version() == 5
    assert [r["version"] for r in store.rows("SELECT version FROM schema_migrations ORDER BY version")] == [1, 2, 3, 4, 5]
    again = open_store(db_url)
    assert again.migrate() == []
    again.close()


def test_every_table_of_the_schema_exists(store):
    counts = store.counts()
    assert set(counts) >= {"articles", "authors", "entities", "mentions", "quotes", "quantities", "times",
                           "events", "stories", "ingest_runs", "errors"}
    assert all(n == 0 for n in counts.values())


def test_an_article_is_stored_with_its_analysis(store):
    outcome = _load(store, CABAI)
    assert outcome.stored == 1
    art = store.article(CABAI.article.id)
    assert art["title"] == CABAI.article.title
    assert art["published_utc"] == "2025-06-18T03:00:00Z"
    assert [a["name"] for a in art["authors"]] == ["Rina Wulandari"]
    mention = art["mentions"][0]
    assert art["body"][mention["span_start"]:mention["span_end"]] == mention["text"]
    quote = art["quotes"][0]
    assert quote["speaker"] == "Budi Santoso" and quote["speaker_entity_id"] == "PER:budi santoso"
    assert art["body"][quote["span_start"]:quote["span_end"]] == quote["text"]
    assert art["quantities"][0]["value"] == 20.0 and art["times"][0]["value"] == "2025-06-18"
    assert art["events"][0]["type"] == "announce"


def test_the_same_article_twice_changes_nothing(store):
    _load(store, *ALL)
    before = store.fingerprint()
    outcome = _load(store, *ALL)
    assert (outcome.stored, outcome.replaced, outcome.unchanged) == (0, 0, 3)
    assert store.fingerprint() == before


def test_a_newer_version_replaces_the_old_one_and_its_index(store):
    _load(store, CABAI)
    newer = copy.deepcopy(CABAI)
    newer.article.body = newer.article.body.replace("cabai rawit", "bawang merah")
    newer.article.updated = "2025-06-18T12:00:00+07:00"
    assert _load(store, newer).replaced == 1
    assert store.counts(["articles"])["articles"] == 1
    assert "bawang merah" in store.article(CABAI.article.id)["body"]
    assert [h["id"] for h in store.search("bawang")] == [CABAI.article.id]
    assert store.search("rawit") == [] or all("rawit" in (h["title"] or "").lower() for h in store.search("rawit"))
    assert len(store.rows("SELECT * FROM quotes")) == 1  # children replaced, not doubled


def test_an_older_version_does_not_replace_a_newer_one(store):
    newer = copy.deepcopy(CABAI)
    newer.article.updated = "2025-06-18T12:00:00+07:00"
    _load(store, newer)
    older = copy.deepcopy(CABAI)
    older.article.body += " Tambahan lama."
    older.article.updated = "2025-06-18T11:00:00+07:00"
    assert _load(store, older).unchanged == 1
    assert "Tambahan lama" not in store.article(CABAI.article.id)["body"]


def test_failures_go_to_the_errors_table_and_only_terminal_ones_are_marked_done(store):
    bad = {"code": "W120", "name": "no-body", "message": "no article text", "transient": False}
    busy = {"code": "W140", "name": "fetch-failed", "message": "HTTP 503", "transient": True}
    outcome = store.write_batch([Result("a.csv:3", "h1", error=bad), Result("https://x.id/a", "h2", error=busy)], 1)
    assert outcome.errors == 2
    errors = store.rows("SELECT input, code FROM errors ORDER BY input")
    assert errors == [{"input": "a.csv:3", "code": "W120"}, {"input": "https://x.id/a", "code": "W140"}]
    assert store.seen(["a.csv:3", "https://x.id/a"]) == {"a.csv:3": "h1"}
    store.write_batch([Result("a.csv:3", "h1", error=bad)], 2)
    assert store.counts(["errors"])["errors"] == 2


# ------------------------------------------------------------------ search ---

def test_search_stems_indonesian_words(store):
    _load(store, *ALL)
    assert [h["id"] for h in store.search("kebakaran")] == [KEBAKARAN.article.id]  # body has "terbakar" too
    assert [h["id"] for h in store.search("pengungsian")] == [BANJIR.article.id]   # "mengungsi"
    assert store.search("yang dan di") == []                                       # stop words only


def test_search_ranks_and_highlights(store):
    _load(store, *ALL)
    hits = store.search("pasar")
    assert {h["id"] for h in hits} == {CABAI.article.id, KEBAKARAN.article.id}
    assert hits[0]["score"] >= hits[1]["score"]
    assert "<mark>Pasar</mark>" in hits[0]["snippet"]


def test_search_query_syntax(store):
    _load(store, *ALL)
    ids = lambda q: {h["id"] for h in store.search(q)}  # noqa: E731
    assert ids('"operasi pasar"') == {CABAI.article.id}
    assert ids('"pasar operasi"') == set()
    assert ids("banjir OR kebakaran") == {BANJIR.article.id, KEBAKARAN.article.id}
    assert ids("pasar -cabai") == {KEBAKARAN.article.id}
    assert ids("kecamat*") == {BANJIR.article.id}


def test_search_filters(store):
    _load(store, *ALL)
    ids = lambda q, **f: {h["id"] for h in store.search(q, Filters(**f))}  # noqa: E731
    assert ids("pasar", outlet="detik") == {KEBAKARAN.article.id}
    assert ids("pasar", since="2025-06-18") == {CABAI.article.id}
    assert ids("pasar", until="2025-06-17") == {KEBAKARAN.article.id}
    assert ids("*", since="2025-06-01", until="2025-06-10") == {BANJIR.article.id}
    assert ids("pasar", entity="budi santoso") == {CABAI.article.id}
    assert ids("pasar", speaker="Budi") == {CABAI.article.id}
    assert ids("pasar", event_type="announce") == {CABAI.article.id}
    assert ids("pasar", event_type="protest") == set()


def test_search_ranks_within_the_newest_matches_and_widens_for_filters(store, monkeypatch):
    from warta.search import parse_query
    from warta.store import reads

    _load(store, *ALL)
    monkeypatch.setattr(reads, "RANK_WINDOW", 1)
    query = parse_query("pasar")
    newest = store.ranked_matches(query, need=5, widen=False)
    every = store.ranked_matches(query, need=5)
    assert len(newest) == 1 and len(every) == 2  # the window grew until it covered both matches
    assert newest[0]["num"] == max(r["num"] for r in every)
    older = Filters(until="2025-06-17")  # only the older match passes: the window must widen to reach it
    assert [h["id"] for h in store.search("pasar", older)] == [KEBAKARAN.article.id]
    page, more = store.search_page("pasar", limit=1)
    assert len(page) == 1 and more
    assert store.count_matches("pasar") == 2 and store.count_matches("pasar", older) == 1
    assert store.count_matches("*") == 3 and store.count_matches("yang") == 0


def test_facets_count_outlets_and_entities_of_the_matches(store):
    _load(store, *ALL)
    facets = store.facets("pasar")
    assert sorted(f["count"] for f in facets["outlet"]) == [1, 1]
    assert {"value": "Budi Santoso", "count": 1}.items() <= next(
        f for f in facets["entity"] if f["value"] == "Budi Santoso").items()
    assert store.facets("yang dan di") == {"outlet": [], "month": [], "entity": [], "event_type": []}


def test_a_read_only_store_skips_migrations_and_refuses_writes(store, db_url, monkeypatch):
    from warta.store.base import Store

    _load(store, CABAI)
    monkeypatch.setattr(Store, "migrate", lambda self: pytest.fail("a read-only store migrated"))
    reader = open_store(db_url, read_only=True)
    try:
        assert reader.schema_version() == 5
        assert [h["id"] for h in reader.search("cabai")] == [CABAI.article.id]
        with pytest.raises(Exception):
            reader.execute("DELETE FROM articles")
    finally:
        reader.close()
    assert store.counts(["articles"])["articles"] == 1


def test_a_read_only_store_needs_an_existing_database(tmp_path):
    from warta.errors import WartaError

    with pytest.raises(WartaError):
        open_store(str(tmp_path / "none.db"), read_only=True)
    assert not (tmp_path / "none.db").exists()


# ------------------------------------------------------------ read models ---

def test_entity_report(store):
    _load(store, *ALL)
    report = store.entity_report("Budi Santoso")
    assert report["articles"] == 1
    assert report["quotes"][0]["text"].startswith('"Pasokan')
    assert {c["name"] for c in report["co_mentioned"]} == {"Kramat Jati"}
    assert report["mentions_by_day"] == [{"day": "2025-06-18", "articles": 1, "mentions": 1}]
    assert store.entity_report("Tidak Ada") is None


def test_timeline_is_in_time_order_and_filters_by_entity(store):
    _load(store, *ALL)
    entries = store.timeline()
    assert [e["kind"] for e in entries].count("published") == 3
    dates = [e["date"][:10] for e in entries]
    assert dates == sorted(dates)
    assert {e["article_id"] for e in store.timeline("Bekasi")} == {BANJIR.article.id}


def test_stories_group_reports_of_one_happening_and_keep_others_apart(store):
    copy_a = make_analysis("https://lain.id/cabai", "Harga Cabai Rawit di Pasar Induk Naik Tajam",
                           CABAI.article.body.replace("Rabu", "Rabu siang"), outlet="Detik",
                           published="2025-06-18T11:00:00+07:00")
    _load(store, *ALL, copy_a)
    assert update_stories(store) == 1
    story = {r["id"]: r["story_id"] for r in store.rows("SELECT id, story_id FROM articles")}
    assert story[CABAI.article.id] == story[copy_a.article.id]
    assert len(set(story.values())) == 3 and all(story.values())
    dup = store.rows("SELECT duplicate_of FROM articles WHERE id = ?", [copy_a.article.id])[0]["duplicate_of"]
    assert dup == CABAI.article.id
    listed = store.stories()
    assert len(listed) == 1 and listed[0]["size"] == 2 and listed[0]["outlets"] == ["Detik", "Kompas"]
    before = store.fingerprint()
    update_stories(store, full=True)
    assert store.fingerprint() == before


def test_export_rows_of_every_data_table(store):
    _load(store, *ALL)
    for table in DATA_TABLES:
        list(store.export_rows(table))
    exported = list(store.export_rows("articles"))
    assert [r["id"] for r in exported] == [a.article.id for a in ALL]
    assert json.dumps(exported, default=str)
    with pytest.raises(ValueError):
        list(store.export_rows("pg_catalog.pg_user"))


def _open_and_report(url):
    with open_store(url) as s:
        return s.schema_version()


def test_processes_opening_a_new_database_at_once_migrate_it_once(db_url):
    import multiprocessing as mp

    with mp.get_context("fork").Pool(4) as pool:
        assert pool.map(_open_and_report, [db_url] * 8) == [5] * 8
    with open_store(db_url) as s:
        assert s.scalar("SELECT count(*) FROM schema_migrations") == 5


def test_events_filter_by_confidence_on_both_backends(store):
    body = ("Polisi menangkap dua pengedar di Bekasi pada Rabu. Warga meminta polisi menambah patroli malam.")
    analysis = make_analysis(
        "https://example.id/metro/pengedar", "Polisi Tangkap Dua Pengedar", body,
        events=({"type": "COERCE", "actor": {"name": "polisi"}, "text": "menangkap", "start": 7, "end": 16,
                 "confidence": 0.9},
                {"type": "DEMAND", "actor": {"name": "warga"}, "text": "meminta", "start": 57, "end": 64,
                 "confidence": 0.45}))
    _load(store, analysis)
    assert {e["type"] for e in store.list_events(10, 0)} >= {"COERCE", "DEMAND"}
    assert [e["type"] for e in store.list_events(10, 0, min_confidence=0.7)] == ["COERCE"]
    assert [c["type"] for c in store.event_counts(min_confidence=0.7)] == ["COERCE"]
