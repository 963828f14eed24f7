"""HTTP API and server-rendered pages against a real SQLite store built by ``warta ingest``."""
from __future__ import annotations

import re
import shutil
import sqlite3
from html.parser import HTMLParser
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("jinja2")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from api_fixtures import SCRIPT_TITLE, build_db  # noqa: E402
from warta.api import MAX_LIMIT, create_app, highlight  # noqa: E402

DWIKORITA = "PER:dwikorita karnawati"


@pytest.fixture(scope="module")
def dbs(tmp_path_factory):
    base = tmp_path_factory.mktemp("api")
    db = build_db(base / "warta.db")
    spare = base / "writable.db"
    shutil.copy(db, spare)  # for the write tests; the store closed its WAL on exit
    return db, spare


@pytest.fixture(scope="module")
def client(dbs):
    with TestClient(create_app(str(dbs[0])), raise_server_exceptions=False) as c:
        yield c


def assert_error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "details"}
    assert body["error"]["status"] == status
    assert body["error"]["message"]
    if code:
        assert body["error"]["code"] == code
    return body["error"]


def article_id(client, title_start: str) -> str:
    items = client.get("/api/articles", params={"limit": MAX_LIMIT}).json()["items"]
    return next(a["id"] for a in items if (a["title"] or "").startswith(title_start))


# ------------------------------------------------------------------ reads ---

def test_health_counts_the_ingested_articles(client):
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["read_only"] is True
    assert body["articles"] == 8  # 3 example pages + 2 synthetic pages + 3 analysed articles


def test_articles_list_is_paginated_newest_first(client):
    first = client.get("/api/articles", params={"limit": 3}).json()
    assert first["total"] == 8 and len(first["items"]) == 3
    dates = [a["published"] for a in first["items"]]
    assert dates == sorted(dates, reverse=True)
    assert "offset=3" in first["next"]
    second = client.get(first["next"]).json()
    assert {a["id"] for a in second["items"]}.isdisjoint({a["id"] for a in first["items"]})
    last = client.get("/api/articles", params={"limit": 3, "offset": 6}).json()
    assert len(last["items"]) == 2 and last["next"] is None


def test_articles_filters(client):
    detik = client.get("/api/articles", params={"outlet": "detik"}).json()["items"]
    assert detik and all(a["outlet"] == "Detik" for a in detik)
    bmkg = client.get("/api/articles", params={"entity": "BMKG"}).json()
    assert bmkg["total"] == 2
    april = client.get("/api/articles", params={"since": "2025-04-10", "until": "2025-04-10"}).json()
    assert {a["id"] for a in april["items"]} == {"synthetic-gempa-kompas", "synthetic-gempa-detik"}


def test_search_ranks_snippets_and_pages(client):
    body = client.get("/api/search", params={"q": "gempa cianjur", "total": "true"}).json()
    assert body["total"] == 3
    assert all("<mark>" in hit["snippet"] for hit in body["items"])
    page = client.get("/api/search", params={"q": "gempa", "limit": 2}).json()
    assert len(page["items"]) == 2 and page["next"]
    rest = client.get(page["next"]).json()
    assert len(rest["items"]) == 1 and rest["next"] is None
    assert rest["items"][0]["id"] not in {h["id"] for h in page["items"]}


def test_search_filters_match_the_cli_options(client):
    aid = client.get("/api/search", params={"q": "gempa", "event_type": "AID"}).json()["items"]
    assert [h["id"] for h in aid] == ["synthetic-bnpb-bantuan"]
    spoken = client.get("/api/search", params={"q": "*", "speaker": "Dwikorita"}).json()["items"]
    assert len(spoken) == 3
    assert client.get("/api/search", params={"q": "gempa", "outlet": "republika"}).json()["items"] == []


def test_search_facets_count_outlets_entities_and_event_types(client):
    facets = client.get("/api/search", params={"q": "gempa", "facets": "true"}).json()["facets"]
    assert {f["value"]: f["count"] for f in facets["outlet"]} == {"Detik": 1, "Kompas": 1, "Tempo": 1}
    entities = {f["value"]: f["count"] for f in facets["entity"]}
    assert entities["Dwikorita Karnawati"] == 3 and entities["BMKG"] == 2
    assert {f["value"]: f["count"] for f in facets["event_type"]} == {"DEMAND": 2, "AID": 1}
    assert facets["month"] == [{"value": "2025-04", "count": 3}]


def test_article_has_its_full_analysis_with_offsets_into_the_body(client):
    art = client.get("/api/articles/synthetic-gempa-kompas").json()
    body = art["body"]
    for table in ("mentions", "quotes", "quantities", "times", "events"):
        assert art[table], table
        for span in art[table]:
            assert body[span["span_start"]:span["span_end"]] == span["text"], (table, span)
    assert {e["name"] for e in art["entity_list"]} >= {"Dwikorita Karnawati", "BMKG", "Cianjur"}
    assert art["events"][0]["target"] == "pemerintah daerah"


def test_entity_report_network_and_quotes(client):
    r = client.get(f"/api/entities/{quote(DWIKORITA, safe='')}").json()
    assert r["articles"] == 3
    assert [d["day"] for d in r["mentions_by_day"]] == ["2025-04-10", "2025-04-12"]
    assert len(r["quotes"]) == 3
    assert {c["name"] for c in r["co_mentioned"]} == {"BMKG", "BNPB", "Cianjur", "Jakarta"}
    net = r["network"]
    assert net["nodes"][0] == {"id": DWIKORITA, "name": "Dwikorita Karnawati", "type": "PER", "center": True}
    ids = {n["id"] for n in net["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in net["edges"])
    assert any(e["source"] != DWIKORITA for e in net["edges"])  # neighbours linked to each other too


def test_entities_list_quotes_and_timeline(client):
    ents = client.get("/api/entities", params={"type": "LOC"}).json()["items"]
    assert {"Cianjur", "Jakarta"} <= {e["name"] for e in ents}  # and whatever NER finds in the pages
    assert all(e["type"] == "LOC" for e in ents)
    assert client.get("/api/entities", params={"prefix": "dwi"}).json()["items"][0]["id"] == DWIKORITA
    quotes = client.get("/api/quotes", params={"speaker": "dwikorita", "limit": 2}).json()
    assert len(quotes["items"]) == 2 and quotes["next"]
    timeline = client.get("/api/timeline", params={"entity": "BNPB"}).json()["items"]
    assert timeline and all(e["article_id"].startswith("synthetic") for e in timeline)


def test_events_filters_counts_and_pairs(client):
    quake_days = {"since": "2025-04-10", "until": "2025-04-12"}  # the analysed synthetic articles only
    assert len(client.get("/api/events", params=quake_days).json()["items"]) == 3
    assert len(client.get("/api/events").json()["items"]) >= 3  # plus what the pipeline coded in the pages
    demand = client.get("/api/events", params={"type": "demand", **quake_days}).json()["items"]
    assert {e["article_id"] for e in demand} == {"synthetic-gempa-kompas", "synthetic-gempa-detik"}
    assert len(client.get("/api/events", params={"target": "warga cianjur"}).json()["items"]) == 1
    assert len(client.get("/api/events", params={"country": "id", **quake_days}).json()["items"]) == 3
    assert client.get("/api/events", params={"country": "MY", **quake_days}).json()["items"] == []
    sure = client.get("/api/events", params={"min_confidence": 0.85, **quake_days}).json()["items"]
    assert [e["type"] for e in sure] == ["AID"]
    assert client.get("/api/events", params={"min_confidence": 1.5}).status_code == 422
    summary = client.get("/api/events/counts", params=quake_days).json()
    assert {(c["day"], c["type"], c["count"]) for c in summary["counts"]} == {
        ("2025-04-10", "DEMAND", 2), ("2025-04-12", "AID", 1)}
    assert summary["pairs"][0] == {"actor": "BMKG", "target": "pemerintah daerah", "count": 2, "articles": 2}


def test_stories_list_and_one_story(client):
    stories = client.get("/api/stories").json()
    assert stories["total"] == 1
    story = stories["items"][0]
    # the two reports of the earthquake (one a near-copy of the other) are one story
    assert story["size"] >= 2 and {"Kompas", "Detik"} <= set(story["outlets"])
    one = client.get(f"/api/stories/{story['id']}").json()
    assert [a["id"] for a in one["articles"]][:2] == ["synthetic-gempa-kompas", "synthetic-gempa-detik"]
    assert len(one["articles"]) == story["size"]
    assert_error(client.get("/api/stories/s000000000000"), 404, "not_found")


def test_places_carry_coordinates(client):
    places = {p["name"]: p for p in client.get("/api/places").json()["items"]}
    assert places["Cianjur"]["lat"] == pytest.approx(-6.8222) and places["Cianjur"]["articles"] == 3


# ----------------------------------------------------------------- errors ---

@pytest.mark.parametrize("method, url, status, code", [
    ("GET", "/api/articles/no-such-article", 404, "not_found"),
    ("GET", "/api/no-such-endpoint", 404, "not_found"),
    ("GET", f"/api/articles?limit={MAX_LIMIT + 1}", 422, "invalid_parameter"),
    ("GET", "/api/articles?offset=-1", 422, "invalid_parameter"),
    ("GET", "/api/articles?since=yesterday", 422, "invalid_parameter"),
    ("GET", "/api/search?q=" + "a" * 301, 422, "invalid_parameter"),
    ("GET", "/api/search?offset=100000", 422, "invalid_parameter"),
    ("GET", "/api/search?q=" + "x" * 3000, 414, "uri_too_long"),
    ("GET", "/api/entities?type=XYZ", 422, "invalid_parameter"),
    ("DELETE", "/api/articles", 405, "method_not_allowed"),
    ("POST", "/api/ingest", 403, "read_only"),
])
def test_every_error_has_one_shape(client, method, url, status, code):
    assert_error(client.request(method, url, json={"pages": [{"text": "x"}]}), status, code)


def test_validation_errors_name_the_parameter(client):
    err = assert_error(client.get("/api/articles", params={"limit": 0}), 422)
    assert err["details"][0]["parameter"] == "limit" and err["details"][0]["in"] == "query"


def test_pages_render_errors_as_html(client):
    page = client.get("/articles/no-such-article")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "no such-article" not in page.text and "not_found" in page.text


# --------------------------------------------------------------- security ---

def test_security_headers_on_pages_api_and_errors(client):
    for url in ("/", "/api/health", "/api/nope", "/static/app.js"):
        headers = client.get(url).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"


def test_script_in_title_and_body_is_text_everywhere(client):
    aid = article_id(client, "Warga Protes")
    assert client.get(f"/api/articles/{aid}").json()["title"] == SCRIPT_TITLE
    pages = [client.get(f"/articles/{aid}").text, client.get("/", params={"q": "protes depok"}).text,
             client.get("/stories", params={"min_size": 1}).text]
    for html in pages:
        assert "&lt;script&gt;alert(" in html
        assert "<script>alert(" not in html
        assert "<img src=x" not in html and "<b>tebal" not in html
        scripts = re.findall(r"<script\b[^>]*>", html)
        assert all('src="/static/' in s or 'type="application/json"' in s for s in scripts), scripts


def test_page_data_cannot_close_its_script_block(client):
    story = client.get("/api/stories", params={"min_size": 1, "limit": 50}).json()["items"]
    sid = next(s["id"] for s in story if (s["title"] or "").startswith("Warga Protes"))
    html = client.get(f"/stories/{sid}").text
    block = re.search(r'<script type="application/json" id="page-data">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block and "alert" in block  # JSON escapes '<' as \u003c


def test_pages_load_only_local_assets(client):
    for url in ("/", "/articles/synthetic-gempa-kompas", f"/entities/{quote(DWIKORITA, safe='')}", "/events",
                "/map", "/stories", "/docs"):
        html = client.get(url).text
        for ref in re.findall(r'(?:src|href)="([^"]+)"', html):
            assert not ref.startswith(("http:", "https:", "//", "javascript:")) or ref.startswith(
                ("https://kompas.example", "https://detik.example", "https://tempo.example")), (url, ref)


def test_reads_cannot_write(client):
    store = client.app.state.pool.reader()
    with pytest.raises(sqlite3.OperationalError):
        store.execute("DELETE FROM articles")


def test_request_body_is_bounded(dbs):
    app = create_app(str(dbs[1]), token="s3cret")
    with TestClient(app, raise_server_exceptions=False) as c:
        big = b'{"pages": [{"text": "' + b"a" * (5 * 1024 * 1024) + b'"}]}'
        assert_error(c.post("/api/ingest", content=big, headers={"Authorization": "Bearer s3cret",
                                                                  "Content-Type": "application/json"}),
                     413, "payload_too_large")


def test_ingest_needs_the_token_and_then_stores(dbs):
    page = ("Sekolah Darurat Dibangun di Cianjur\n\nKompas.com - 15/04/2025, 09:00 WIB\n\n"
            "CIANJUR, KOMPAS.com - Relawan membangun tiga ruang kelas darurat dari bambu di halaman "
            "masjid agar murid bisa kembali belajar pekan ini.\n")
    with TestClient(create_app(str(dbs[1]), token="s3cret"), raise_server_exceptions=False) as c:
        payload = {"pages": [{"text": page}]}
        assert_error(c.post("/api/ingest", json=payload), 401, "unauthorized")
        assert_error(c.post("/api/ingest", json=payload, headers={"Authorization": "Bearer wrong"}), 401)
        assert_error(c.post("/api/ingest", json={"pages": []}, headers={"Authorization": "Bearer s3cret"}), 422)
        done = c.post("/api/ingest", json=payload, headers={"Authorization": "Bearer s3cret"})
        assert done.status_code == 200, done.text
        assert done.json()["stored"] == 1
        again = c.post("/api/ingest", json=payload, headers={"Authorization": "Bearer s3cret"}).json()
        assert again["stored"] == 0  # idempotent
        hits = c.get("/api/search", params={"q": "kelas darurat bambu"}).json()["items"]
        assert [h["title"] for h in hits] == ["Sekolah Darurat Dibangun di Cianjur"]


# ------------------------------------------------------------------ pages ---

def test_search_page_lists_hits_and_facet_links(client):
    html = client.get("/", params={"q": "gempa"}).text
    assert html.count('class="hit-title"') == 3
    assert '<mark>Gempa</mark>' in html
    assert 'href="/?q=gempa&amp;outlet=Tempo"' in html
    assert 'href="/?q=gempa&amp;entity=Dwikorita+Karnawati"' in html
    filtered = client.get("/", params={"q": "gempa", "outlet": "Tempo"}).text
    assert filtered.count('class="hit-title"') == 1 and "outlet: Tempo" in filtered


def test_article_page_highlights_entities_quotes_numbers_times_events(client):
    html = client.get("/articles/synthetic-gempa-kompas").text
    assert re.search(r'<a class="hl hl-entity hl-PER"[^>]*href="/entities/PER%3Adwikorita%20karnawati"[^>]*>'
                     r'Dwikorita Karnawati</a>', html)
    for kind in ("quote", "quantity", "time", "event"):
        assert f'class="hl hl-{kind}"' in html, kind
    assert 'id="event-0"' in html and 'href="#event-0"' in html


def test_entity_story_events_map_and_docs_pages_render(client):
    assert "Mentioned with" in client.get(f"/entities/{quote(DWIKORITA, safe='')}").text
    first = client.get("/api/stories").json()["items"][0]
    story = client.get(f"/stories/{first['id']}").text
    assert story.count('href="/articles/') == first["size"] and 'id="story-timeline"' in story
    events = client.get("/events").text
    assert "BMKG" in events and "pemerintah daerah" in events and 'id="events-chart"' in events
    sure = client.get("/events", params={"min_confidence": 0.85, "since": "2025-04-10", "until": "2025-04-12"}).text
    assert "warga Cianjur" in sure and "pemerintah daerah" not in sure and 'value="0.85"' in sure
    assert "Cianjur" in client.get("/map").text
    docs = client.get("/docs").text
    for path in ("/api/search", "/api/articles/{article_id}", "/api/events/counts", "/api/ingest"):
        assert f"<code>{path}</code>" in docs


def test_openapi_documents_every_api_route(client):
    spec = client.get("/api/openapi.json").json()
    routes = {r.path for r in client.app.routes if getattr(r, "path", "").startswith("/api/")} - {"/api/openapi.json"}
    documented = {p.replace("{entity_id}", "{entity_id:path}").replace("{article_id}", "{article_id:path}")
                  for p in spec["paths"]}
    assert routes <= documented, routes - documented


# -------------------------------------------------------------- highlight ---

class _Balance(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.text, self.ok = [], [], True

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        self.ok &= bool(self.stack) and self.stack.pop() == tag

    def handle_data(self, data):
        self.text.append(data)


def test_highlight_nests_overlapping_spans_and_keeps_the_text():
    body = 'Kata "Budi <b> pergi ke Bandung" besok & lusa.'
    spans = [
        {"kind": "quote", "idx": 0, "start": 5, "end": 32, "label": "q", "href": None, "extra": ""},
        {"kind": "entity", "idx": 0, "start": 6, "end": 10, "label": "Budi", "href": "/entities/PER%3Abudi",
         "extra": "PER"},
        {"kind": "entity", "idx": 1, "start": 24, "end": 31, "label": "Bandung", "href": "/entities/x",
         "extra": "LOC"},
        {"kind": "time", "idx": 0, "start": 28, "end": 38, "label": "crosses the quote end", "href": None,
         "extra": ""},
    ]
    out = str(highlight(body, spans))
    parser = _Balance()
    parser.feed(out)
    parser.close()
    assert parser.ok and not parser.stack
    assert "".join(parser.text) == body
    assert "<b>" not in out and "&lt;b&gt;" in out
    assert out.count('id="time-0"') == 1 and out.count('id="quote-0"') == 1


def test_serve_command_binds_localhost_by_default():
    import typer
    from typer.testing import CliRunner

    from warta.commands import serve

    app = typer.Typer()
    serve.register(app)
    app.command("noop", hidden=True)(lambda: None)
    out = CliRunner().invoke(app, ["serve", "--help"], terminal_width=200).output
    assert "--token" in out and "--db" in out and "127.0.0.1" in out and "8000" in out


def test_rank_window_widens_until_the_page_is_full(client, monkeypatch):
    from warta.search import parse_query
    from warta.store import Filters, reads

    monkeypatch.setattr(reads, "RANK_WINDOW", 1)
    store = client.app.state.pool.reader()
    query = parse_query("gempa")
    everything = store.ranked_matches(query, Filters(), need=10)
    assert len(everything) == 3  # the window grew until it covered every match
    newest = store.ranked_matches(query, Filters(), need=10, widen=False)
    assert len(newest) == 1 and newest[0]["num"] == max(r["num"] for r in everything)
    hits, more = store.search_page("gempa", Filters(outlet="tempo"), 10, 0)
    assert [h["id"] for h in hits] == ["synthetic-bnpb-bantuan"] and not more
