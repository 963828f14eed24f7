"""Browser tests: Playwright for Python driving Debian's Chromium, headless, against ``warta serve``'s app.

Skipped with a reason when /usr/bin/chromium or the playwright package is
missing.  ``WARTA_SCREENSHOTS=DIR`` also saves screenshots of the main pages
(the README's are in docs/screenshots, made this way).
"""
from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest

CHROMIUM = "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
uvicorn = pytest.importorskip("uvicorn")

from api_fixtures import SCRIPT_TITLE, build_db  # noqa: E402
from warta.api import create_app  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SHOTS = os.environ.get("WARTA_SCREENSHOTS")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    db = build_db(tmp_path_factory.mktemp("ui") / "warta.db")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("the test server did not start")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(5)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []  # console errors, CSP violations, uncaught exceptions, dialogs (alert = injection)
    page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.on("dialog", lambda d: (page.problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.set_default_timeout(5000)
    yield page
    context.close()


def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def test_search_article_entity_story_flow(page):
    page.goto("/")
    page.fill("#q", "gempa cianjur")
    page.press("#q", "Enter")
    page.wait_for_selector(".hit-title")
    assert page.locator(".hit-title").count() == 3
    assert page.locator(".facet-outlet li").count() == 3
    shot(page, "search")

    page.click("text=Gempa Magnitudo 5,6 Guncang Cianjur")
    page.wait_for_selector("#body")
    person = page.locator("#body a.hl-entity.hl-PER").first
    assert person.inner_text() == "Dwikorita Karnawati"
    assert person.evaluate("e => getComputedStyle(e).borderBottomStyle") == "solid"  # the stylesheet applied
    for kind in ("quote", "quantity", "time", "event"):
        assert page.locator(f"#body .hl-{kind}").count() >= 1, kind
    shot(page, "article")

    person.click()
    page.wait_for_selector("#network svg")
    assert page.locator("h1.entity-name").inner_text().startswith("Dwikorita Karnawati")
    assert page.locator("#mentions-chart rect.bar").count() == 2  # two days with mentions
    assert page.locator("#network a.node").count() == 5  # the entity and four co-mentioned
    shot(page, "entity")

    page.click("#network a.node >> text=BNPB")
    page.wait_for_url("**/entities/ORG%3Abnpb")
    assert page.locator("h1.entity-name").inner_text().startswith("BNPB")

    page.go_back()
    page.go_back()
    page.click("a.story-link")
    page.wait_for_selector("#story-timeline svg")
    articles = page.locator(".story-articles li").count()
    assert articles >= 2 and page.locator("#story-timeline a.story-dot").count() == articles
    shot(page, "story")
    assert page.problems == []


def test_script_title_renders_as_text(page):
    page.goto("/?q=" + quote("protes depok"))
    page.wait_for_selector(".hit-title")
    assert page.locator(".hit-title").first.inner_text() == SCRIPT_TITLE
    page.click(".hit-title")
    page.wait_for_selector("h1.article-title")
    assert page.locator("h1.article-title").inner_text() == SCRIPT_TITLE
    assert "<img src=x onerror=alert(2)>" in page.locator("#body").inner_text()
    assert page.locator("#body img, #body b, main script").count() == 0
    assert page.evaluate("document.scripts.length") == 1 + page.locator("script[type='application/json']").count()
    assert page.problems == []


def test_events_dashboard_and_map(page):
    page.goto("/events?since=2025-04-10&until=2025-04-12")  # the analysed synthetic articles
    page.wait_for_selector("#events-chart svg")
    assert page.locator("#events-chart rect.bar").count() == 2  # DEMAND on one day, AID on another
    assert page.locator("table.pairs tbody tr").first.inner_text().startswith("BMKG")
    shot(page, "events")
    page.goto("/map")
    page.wait_for_selector("#map a.place")
    page.wait_for_function("document.querySelector('#map path.land').getAttribute('d').length > 1000")
    assert page.locator("#map a.place").count() >= 2  # Cianjur, Jakarta and whatever NER geocoded
    shot(page, "map")
    page.locator('#map a.place[href="/?entity=Cianjur"]').dispatch_event("click")  # dots may overlap
    page.wait_for_selector(".hit-title")
    assert page.url.endswith("/?entity=Cianjur") and page.locator(".hit-title").count() >= 3
    assert page.problems == []
