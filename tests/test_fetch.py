"""Polite fetching through the transport interface, against a local http.server."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from warta.errors import WartaError
from warta.fetch import Fetcher, Response, feed_links, url_captures

PAGE = ("<html><head><title>Warga Bekasi Mengungsi</title></head><body><article><h1>Warga Bekasi Mengungsi</h1>"
        "<p>Banjir setinggi satu meter merendam tiga kecamatan di Bekasi setelah hujan deras semalam.</p>"
        "</article></body></html>")
RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Contoh</title>
<item><title>Satu</title><link>/berita/satu</link></item>
<item><title>Dua</title><link>http://HOST/berita/dua</link></item>
<item><title>Dua lagi</title><link>http://HOST/berita/dua</link></item>
</channel></rss>"""
ATOM = """<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Contoh</title>
<entry><title>Satu</title><link rel="alternate" href="https://contoh.id/a"/></entry></feed>"""


class Site(BaseHTTPRequestHandler):
    hits: dict = {}
    flaky_left = 0

    def log_message(self, *args):
        pass

    def do_GET(self):
        Site.hits[self.path] = Site.hits.get(self.path, 0) + 1
        host = self.headers["Host"]
        if self.path == "/robots.txt":
            self._send(200, "User-agent: *\nDisallow: /rahasia/\n", "text/plain")
        elif self.path == "/feed.xml":
            self._send(200, RSS.replace("HOST", host), "application/rss+xml")
        elif self.path.startswith("/berita/") or self.path == "/halaman":
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif self.path == "/sibuk":
            if Site.flaky_left > 0:
                Site.flaky_left -= 1
                self._send(503, "sibuk", "text/plain", {"Retry-After": "0"})
            else:
                self._send(200, PAGE, "text/html")
        else:
            self._send(404, "tidak ada", "text/plain")

    def _send(self, status, text, ctype, headers=None):
        body = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def polite(**kw) -> Fetcher:
    kw.setdefault("min_interval", 0.0)
    kw.setdefault("backoff", 0.0)
    return Fetcher(**kw)


def test_an_article_url_becomes_an_html_capture(site):
    [capture] = list(url_captures([f"{site}/halaman"], polite()))
    assert capture.format == "html" and capture.url == f"{site}/halaman"
    assert "Bekasi" in capture.text and capture.fetched_at.endswith("+07:00")


def test_a_feed_is_followed_to_its_articles_once_each(site):
    captures = list(url_captures([f"{site}/feed.xml"], polite()))
    assert [c.url for c in captures] == [f"{site}/berita/satu", f"{site}/berita/dua"]


def test_atom_links_are_read():
    assert feed_links(ATOM.encode(), "https://contoh.id/feed") == ["https://contoh.id/a"]


def test_robots_txt_is_obeyed(site):
    [err] = list(url_captures([f"{site}/rahasia/dokumen"], polite()))
    assert isinstance(err, WartaError) and err.code == "W141" and not err.transient and "robots" in err.detail
    assert Site.hits.get("/rahasia/dokumen") is None


def test_transient_failures_are_retried_with_backoff(site):
    Site.flaky_left = 2
    waits = []
    fetcher = polite(backoff=0.5, sleep=waits.append)
    assert fetcher.get(f"{site}/sibuk").status == 200
    assert waits == [0.5, 1.0]


def test_a_url_that_keeps_failing_gives_a_transient_error(site):
    Site.flaky_left = 10
    with pytest.raises(WartaError) as err:
        polite(retries=1).get(f"{site}/sibuk")
    assert err.value.code == "W140" and err.value.transient and "503" in err.value.detail
    Site.flaky_left = 0


def test_missing_pages_are_errors_not_retried(site):
    [err] = list(url_captures([f"{site}/hilang"], polite()))
    assert err.code == "W140" and "404" in err.detail and Site.hits["/hilang"] == 1


class FakeTransport:
    """The one-method transport: records requests, answers from a table."""

    def __init__(self, pages):
        self.pages, self.requests = pages, []

    def request(self, url, headers, timeout):
        self.requests.append((url, headers["User-Agent"], timeout))
        if url not in self.pages:
            raise TimeoutError("timed out")
        return Response(url, 200, {"content-type": "text/html"}, self.pages[url].encode())


def test_requests_to_one_host_are_spaced_and_carry_user_agent_and_timeout():
    clock = [100.0]
    waits = []

    def sleep(seconds):
        waits.append(round(seconds, 3))
        clock[0] += seconds

    transport = FakeTransport({"https://a.id/robots.txt": "User-agent: *\nCrawl-delay: 2\n",
                               "https://a.id/1": PAGE, "https://a.id/2": PAGE, "https://b.id/robots.txt": "",
                               "https://b.id/1": PAGE})
    fetcher = Fetcher(transport, min_interval=1.0, timeout=7.5, sleep=sleep, clock=lambda: clock[0])
    for url in ("https://a.id/1", "https://a.id/2", "https://b.id/1"):
        fetcher.get(url)
    # a.id: robots.txt -> /1 -> /2 spaced by its Crawl-delay; b.id: robots.txt -> /1 by min_interval
    assert waits == [2.0, 2.0, 1.0]
    assert all(ua.startswith("warta/") and timeout == 7.5 for _, ua, timeout in transport.requests)


def test_timeouts_are_retried_then_reported():
    fetcher = Fetcher(FakeTransport({"https://a.id/robots.txt": ""}), min_interval=0, retries=2,
                      backoff=0, sleep=lambda s: None)
    with pytest.raises(WartaError) as err:
        fetcher.get("https://a.id/lambat")
    assert "TimeoutError" in err.value.detail and "3 attempts" in err.value.detail


def test_unreachable_robots_txt_means_do_not_fetch():
    fetcher = Fetcher(FakeTransport({}), min_interval=0, retries=0, sleep=lambda s: None)
    with pytest.raises(WartaError) as err:
        fetcher.get("https://mati.id/berita")
    assert "robots" in err.value.detail


def test_only_http_urls_are_fetched():
    with pytest.raises(WartaError):
        Fetcher(FakeTransport({})).get("file:///etc/passwd")
