"""Polite fetching of article URLs and RSS/Atom feeds.

All network access goes through a ``Transport`` with one method,
``request(url, headers, timeout) -> Response``, so tests swap in a local
server or a fake and nothing else in warta opens a socket.  ``Fetcher``
adds the manners: robots.txt (and its Crawl-delay), a minimum interval per
host, timeouts, and retries with exponential backoff on transient failures
(connection errors, timeouts, 429 and 5xx, honouring ``Retry-After``).
"""
from __future__ import annotations

import datetime as dt
import time
import urllib.error
import urllib.request
import urllib.robotparser
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional, Protocol, Union
from urllib.parse import urljoin, urlsplit

from warta import __version__ as VERSION
from warta.capture import decode
from warta.errors import WartaError
from warta.records import Capture

USER_AGENT = f"warta/{VERSION} (+https://github.com/warta-news/warta)"
RETRY_STATUS = {429, 500, 502, 503, 504}
MAX_RETRY_AFTER_S = 60.0
MAX_BYTES = 20 * 1024 * 1024
FEED_TYPES = ("rss", "atom", "xml")


@dataclass
class Response:
    url: str                   # final URL after redirects
    status: int
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""


class Transport(Protocol):
    def request(self, url: str, headers: dict[str, str], timeout: float) -> Response: ...


class UrllibTransport:
    """The real network, through the standard library (redirects followed)."""

    def request(self, url: str, headers: dict[str, str], timeout: float) -> Response:
        req = urllib.request.Request(url, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - http(s) only, checked by caller
                return Response(resp.geturl(), resp.status, {k.lower(): v for k, v in resp.headers.items()},
                                resp.read(MAX_BYTES + 1))
        except urllib.error.HTTPError as err:
            return Response(url, err.code, {k.lower(): v for k, v in (err.headers or {}).items()}, err.read() or b"")


class Fetcher:
    def __init__(self, transport: Optional[Transport] = None, user_agent: str = USER_AGENT,
                 min_interval: float = 1.0, timeout: float = 15.0, retries: int = 3, backoff: float = 1.0,
                 obey_robots: bool = True, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic):
        self.transport = transport or UrllibTransport()
        self.user_agent = user_agent
        self.min_interval = min_interval
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.obey_robots = obey_robots
        self.sleep = sleep
        self.clock = clock
        self._last: dict[str, float] = {}
        self._robots: dict[str, Optional[urllib.robotparser.RobotFileParser]] = {}

    # ------------------------------------------------------------ manners ---
    def _host(self, url: str) -> str:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}"

    def _wait_turn(self, host: str) -> None:
        interval = self.min_interval
        robots = self._robots.get(host)
        delay = robots.crawl_delay(self.user_agent) if robots else None
        if delay:
            interval = max(interval, float(delay))
        last = self._last.get(host)
        if last is not None:
            remaining = last + interval - self.clock()
            if remaining > 0:
                self.sleep(remaining)
        self._last[host] = self.clock()

    def allowed(self, url: str) -> bool:
        if not self.obey_robots:
            return True
        host = self._host(url)
        if host not in self._robots:
            self._robots[host] = self._load_robots(host)
        robots = self._robots[host]
        return robots is None or robots.can_fetch(self.user_agent, url)

    def _load_robots(self, host: str) -> Optional[urllib.robotparser.RobotFileParser]:
        """The host's rules; None = no rules (404). Unreachable or 401/403 = everything disallowed."""
        parser = urllib.robotparser.RobotFileParser(host + "/robots.txt")
        try:
            resp = self._request(host + "/robots.txt")
        except WartaError:
            parser.disallow_all = True
            return parser
        if resp.status in (401, 403) or resp.status >= 500:
            parser.disallow_all = True
        elif resp.status >= 400:
            return None
        else:
            parser.parse(resp.body.decode("utf-8", "replace").splitlines())
        return parser

    # ------------------------------------------------------------ request ---
    def _request(self, url: str) -> Response:
        """One URL with retries and backoff; a WartaError W140 when it cannot be had."""
        host = self._host(url)
        headers = {"User-Agent": self.user_agent, "Accept-Encoding": "identity"}
        problem = ""
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self._backoff(attempt, problem))
            self._wait_turn(host)
            try:
                resp = self.transport.request(url, headers, self.timeout)
            except (OSError, TimeoutError, ValueError) as exc:
                problem = f"{type(exc).__name__}: {exc}"
                continue
            if resp.status in RETRY_STATUS:
                problem = f"HTTP {resp.status}"
                self._retry_after = resp.headers.get("retry-after")
                continue
            return resp
        raise WartaError("W140", url, f"{problem} after {self.retries + 1} attempts")

    _retry_after: Optional[str] = None

    def _backoff(self, attempt: int, problem: str) -> float:
        wait = self.backoff * 2 ** (attempt - 1)
        if self._retry_after:
            try:
                wait = max(wait, min(MAX_RETRY_AFTER_S, float(self._retry_after)))
            except ValueError:
                pass
            self._retry_after = None
        return wait

    def get(self, url: str) -> Response:
        if urlsplit(url).scheme not in ("http", "https"):
            raise WartaError("W141", url, "only http and https URLs are fetched")
        if not self.allowed(url):
            raise WartaError("W141", url, "disallowed by robots.txt")
        resp = self._request(url)
        if resp.status >= 400:
            raise WartaError("W140", url, f"HTTP {resp.status}")
        if len(resp.body) > MAX_BYTES:
            raise WartaError("W104", url, f"more than {MAX_BYTES} bytes")
        return resp


# ---------------------------------------------------------------- feeds ---

def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def is_feed(resp: Response) -> bool:
    ctype = resp.headers.get("content-type", "").lower()
    if any(f"/{t}" in ctype or f"+{t}" in ctype for t in FEED_TYPES) and "html" not in ctype:
        return True
    head = resp.body[:1024].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in resp.body[:4096].lower() or b"<feed" in resp.body[:4096].lower())


def feed_links(body: bytes, base: str) -> list[str]:
    """Article links of an RSS 2.0 or Atom feed, in feed order, without repeats."""
    root = ET.fromstring(body)
    links: list[str] = []
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "item":
            link = next((c.text for c in el if c.tag.rsplit("}", 1)[-1] == "link" and c.text), None)
            link = link or next((c.text for c in el if c.tag.rsplit("}", 1)[-1] == "guid" and c.text), None)
        elif tag == "entry":
            anchors = [c for c in el if c.tag.rsplit("}", 1)[-1] == "link"]
            best = next((a for a in anchors if a.get("rel", "alternate") == "alternate"), anchors[0] if anchors else None)
            link = best.get("href") if best is not None else None
        else:
            continue
        if link:
            link = urljoin(base, link.strip())
            if link not in links:
                links.append(link)
    return links


def url_captures(urls: Iterable[str], fetcher: Optional[Fetcher] = None) -> Iterator[Union[Capture, WartaError]]:
    """A Capture per article page: the URL itself, or every item of a feed."""
    fetcher = fetcher or Fetcher()
    for url in urls:
        try:
            resp = fetcher.get(url)
            if is_feed(resp):
                links = feed_links(resp.body, resp.url)
            else:
                yield _capture(url, resp)
                continue
        except WartaError as err:
            yield err
            continue
        except ET.ParseError as exc:
            yield WartaError("W140", url, f"unreadable feed: {exc}")
            continue
        for link in links:
            try:
                yield _capture(link, fetcher.get(link))
            except WartaError as err:
                yield err


def _capture(url: str, resp: Response) -> Capture:
    text, encoding = decode(resp.body, url)
    fetched = dt.datetime.now(dt.timezone.utc).astimezone(dt.timezone(dt.timedelta(hours=7)))
    return Capture(source=url, format="html", text=text, url=resp.url or url,
                   fetched_at=fetched.isoformat(timespec="seconds"), encoding=encoding)
