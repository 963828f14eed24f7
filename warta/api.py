"""The HTTP API and web pages: one FastAPI app over the store.

``create_app(db, token=None)`` serves

- a JSON API under ``/api`` (OpenAPI schema at ``/api/openapi.json``, a
  readable reference at ``/docs``), paginated with bounded limits, every
  error in one shape: ``{"error": {"status", "code", "message", "details"}}``;
- server-rendered pages (Jinja2, autoescaped) with small local scripts and
  styles: search with facets, article, entity, stories, events, map.

Article text is untrusted: templates escape everything, the highlighted body
is built from escaped pieces, page data reaches scripts as JSON in a
non-executable ``<script type="application/json">`` block, and every
response carries a Content-Security-Policy that allows only warta's own
scripts and styles.  Reads use connections that cannot write
(``open_store(..., read_only=True)``); the one write endpoint (``POST /api/ingest``)
exists only with a token and checks it.
"""
from __future__ import annotations

import hashlib
import hmac
import html
import json
import re
import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Callable, Literal, Optional, Union
from urllib.parse import quote, urlencode

from fastapi import Depends, FastAPI, Path as PathParam, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from markupsafe import Markup, escape
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from warta.errors import WartaError
from warta.store import Filters, Store, open_store
from warta.store.reads import FACET_WINDOW

WEB = Path(__file__).parent / "web"
DEFAULT_LIMIT, MAX_LIMIT = 20, 100
MAX_OFFSET = 10_000
MAX_SEARCH_OFFSET = 500          # search pages are cut from the ranked list: keep it short
MAX_QUERY_CHARS = 300            # the search text
MAX_PARAM_CHARS = 200            # any other text parameter
MAX_QUERY_STRING = 2048          # the whole ?query string (bytes)
MAX_PATH = 1024
MAX_BODY = 4 * 1024 * 1024       # request body (only ingest has one)
MAX_INGEST_PAGES = 50
MAX_PAGE_CHARS = 1_000_000
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
ERROR_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 413: "payload_too_large", 414: "uri_too_long",
               422: "invalid_parameter", 500: "internal_error", 503: "unavailable"}


# --------------------------------------------------------------- errors ---

class ErrorDetail(BaseModel):
    status: int
    code: str = Field(description="stable machine-readable code, e.g. not_found, invalid_parameter")
    message: str
    details: Optional[list[dict[str, Any]]] = None


class ErrorBody(BaseModel):
    error: ErrorDetail


class ApiError(Exception):
    def __init__(self, status: int, message: str, code: Optional[str] = None,
                 details: Optional[list[dict]] = None):
        super().__init__(message)
        self.status, self.message, self.details = status, message, details
        self.code = code or ERROR_CODES.get(status, "error")


def error_body(status: int, code: str, message: str, details: Optional[list] = None) -> dict:
    return {"error": {"status": status, "code": code, "message": message, "details": details}}


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api") or "application/json" in request.headers.get("accept", "")


def _error_response(request: Request, err: ApiError) -> Response:
    if _wants_json(request):
        return JSONResponse(error_body(err.status, err.code, err.message, err.details), status_code=err.status)
    page = request.app.state.render("error.html", request, status=err.status, code=err.code,
                                    message=err.message, details=err.details or [])
    return HTMLResponse(page, status_code=err.status)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        return _error_response(request, exc)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        message = exc.detail if isinstance(exc.detail, str) else ERROR_CODES.get(exc.status_code, "error")
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page: {request.url.path}"
        return _error_response(request, ApiError(exc.status_code, message))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        details = [{"parameter": ".".join(str(p) for p in e.get("loc", ())[1:]) or str(e.get("loc")),
                    "in": str(e.get("loc", ("?",))[0]), "message": e.get("msg", "")} for e in exc.errors()]
        names = ", ".join(d["parameter"] for d in details)
        return _error_response(request, ApiError(422, f"invalid parameter: {names}", details=details))

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, exc: ValueError):
        return _error_response(request, ApiError(422, str(exc)))

    @app.exception_handler(WartaError)
    async def warta_error(request: Request, exc: WartaError):
        status = 503 if exc.transient else 422
        return _error_response(request, ApiError(status, exc.message, code=exc.name))

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception):
        return _error_response(request, ApiError(500, "internal error"))


# ----------------------------------------------------------- middleware ---

class Guard:
    """ASGI middleware: bound path, query string and body sizes; add the security headers."""

    def __init__(self, app, max_body: int = MAX_BODY):
        self.app, self.max_body = app, max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if len(scope.get("query_string", b"")) > MAX_QUERY_STRING or len(scope.get("path", "")) > MAX_PATH:
            return await self._reject(send, 414, "the request URI is too long")
        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            return await self._reject(send, 413, f"the request body is larger than {self.max_body} bytes")
        if scope["method"] in ("POST", "PUT", "PATCH"):
            body, ok = await self._read(receive)
            if not ok:
                return await self._reject(send, 413, f"the request body is larger than {self.max_body} bytes")
            receive = _replay(body)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _read(self, receive) -> tuple[bytes, bool]:
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return b"", False
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                return b"", False
            chunks.append(chunk)
            if not message.get("more_body"):
                return b"".join(chunks), True

    async def _reject(self, send, status: int, message: str):
        body = json.dumps(error_body(status, ERROR_CODES[status], message)).encode()
        await send({"type": "http.response.start", "status": status, "headers": [
            (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())] + SECURITY_HEADERS})
        await send({"type": "http.response.body", "body": body})


def _replay(body: bytes):
    sent = False

    async def receive():
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


# ----------------------------------------------------------- store pool ---

class StorePool:
    """One read connection per worker thread (SQLite connections are not shared across threads)."""

    def __init__(self, db: Union[str, Store, None]):
        self.shared = db if isinstance(db, Store) else None
        self.location = db.location if isinstance(db, Store) else db
        self.local = threading.local()
        self.lock = threading.Lock()
        self.opened: list[Store] = []
        self.write_lock = threading.Lock()

    def reader(self) -> Store:
        store = getattr(self.local, "store", None)
        if store is None:
            store = open_store(self.location, read_only=True)
            self.local.store = store
            with self.lock:
                self.opened.append(store)
        return store

    def close(self) -> None:
        with self.lock:
            for store in self.opened:
                try:
                    store.close()
                except Exception:  # noqa: BLE001 - closing on shutdown, another thread's connection
                    pass
            self.opened.clear()


def _db(request: Request) -> Store:
    return request.app.state.pool.reader()


# -------------------------------------------------------------- helpers ---

def _page(items: list, limit: int, offset: int, total: Optional[int], request: Request,
          has_more: Optional[bool] = None) -> dict:
    more = has_more if has_more is not None else (total is not None and offset + len(items) < total)
    nxt = None
    if more:
        params = dict(request.query_params)
        params.update(offset=str(offset + limit), limit=str(limit))
        nxt = f"{request.url.path}?{urlencode(params)}"
    return {"items": items, "limit": limit, "offset": offset, "total": total, "next": nxt}


def _filters(outlet, since, until, entity, speaker, event_type) -> Filters:
    return Filters(outlet or None, since or None, until or None, entity or None, speaker or None,
                   event_type or None)


MARK_SPLIT = re.compile(r"(</?mark>)")


def safe_snippet(snippet: str) -> Markup:
    """A search snippet as markup: only <mark> survives, everything else is re-escaped."""
    out = []
    for part in MARK_SPLIT.split(snippet or ""):
        out.append(part if part in ("<mark>", "</mark>") else str(escape(html.unescape(part))))
    return Markup("".join(out))


# ----------------------------------------------------------- highlight ---

KIND_ORDER = {"quote": 0, "event": 1, "time": 2, "quantity": 3, "entity": 4}  # outer -> inner


def article_spans(art: dict) -> list[dict]:
    """Every highlighted span of an article: kind, offsets, label, link."""
    body_len = len(art.get("body") or "")
    names = {e["entity_id"]: e for e in art.get("entity_list", [])}
    spans = []

    def add(kind: str, idx: int, start, end, label: str, href: Optional[str] = None, extra: str = ""):
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= body_len:
            spans.append({"kind": kind, "idx": idx, "start": start, "end": end, "label": label, "href": href,
                          "extra": extra})

    for i, m in enumerate(art.get("mentions", [])):
        ent = names.get(m["entity_id"], {})
        add("entity", i, m["span_start"], m["span_end"], f"{ent.get('name', m['text'])} ({ent.get('type', '?')})",
            entity_href(m["entity_id"]), extra=ent.get("type", ""))
    for q in art.get("quotes", []):
        add("quote", q["position"], q["span_start"], q["span_end"], f"quote — {q.get('speaker') or 'unknown speaker'}")
    for n in art.get("quantities", []):
        unit = f" {n['unit']}" if n.get("unit") else ""
        add("quantity", n["position"], n["span_start"], n["span_end"], f"number: {_num(n['value'])}{unit}")
    for t in art.get("times", []):
        add("time", t["position"], t["span_start"], t["span_end"], f"{t.get('type')}: {t.get('value')}")
    for e in art.get("events", []):
        who = " → ".join(x for x in (e.get("actor"), e.get("target")) if x)
        add("event", e["position"], e.get("span_start"), e.get("span_end"), f"event {e.get('type')}: {who}".strip())
    return spans


def _num(value) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}".replace(",", ".") if float(value).is_integer() else f"{value:g}"


def entity_href(entity_id: str) -> str:
    return "/entities/" + quote(entity_id, safe="")


def highlight(body: str, spans: list[dict]) -> Markup:
    """The body as escaped text with each span wrapped; overlapping spans are split at the
    boundaries of others so the markup always nests."""
    cuts = sorted({0, len(body)} | {s["start"] for s in spans} | {s["end"] for s in spans})
    out: list[str] = []
    first_piece: set[tuple[str, int]] = set()
    for lo, hi in zip(cuts, cuts[1:]):
        active = sorted((s for s in spans if s["start"] <= lo and s["end"] >= hi),
                        key=lambda s: (KIND_ORDER[s["kind"]], s["start"], -s["end"]))
        text = str(escape(body[lo:hi]))
        linked = False
        for s in reversed(active):
            key = (s["kind"], s["idx"])
            anchor = f' id="{s["kind"]}-{s["idx"]}"' if key not in first_piece else ""
            first_piece.add(key)
            cls = f"hl hl-{s['kind']}" + (f" hl-{escape(s['extra'])}" if s["extra"] else "")
            title = escape(s["label"])
            if s["href"] and not linked:
                text = f'<a class="{cls}"{anchor} href="{escape(s["href"])}" title="{title}">{text}</a>'
                linked = True
            else:
                text = f'<span class="{cls}"{anchor} title="{title}">{text}</span>'
        out.append(text)
    return Markup("".join(out))


# ------------------------------------------------------------ templates ---

def _templates() -> Callable[..., str]:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(str(WEB / "templates")), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["entity_href"] = entity_href
    env.filters["quote"] = lambda v: quote(str(v or ""), safe="")
    env.filters["day"] = lambda v: (v or "")[:10]
    env.filters["minute"] = lambda v: (v or "")[:16].replace("T", " ")
    env.filters["num"] = _num
    env.globals["urlencode"] = lambda d: urlencode({k: v for k, v in d.items() if v not in (None, "")})

    def render(name: str, request: Request, **context) -> str:
        return env.get_template(name).render(request_path=request.url.path, read_only=request.app.state.token is None,
                                             **context)

    return render


# ------------------------------------------------------------------ app ---

class IngestPage(BaseModel):
    text: str = Field(..., max_length=MAX_PAGE_CHARS, description="the captured page: text or HTML")
    format: Literal["text", "html"] = "text"
    url: Optional[str] = Field(None, max_length=2048)
    fetched_at: Optional[str] = Field(None, max_length=64, description="ISO 8601 capture time")


class IngestRequest(BaseModel):
    pages: list[IngestPage] = Field(..., min_length=1, max_length=MAX_INGEST_PAGES)


# Parameter declarations: a fresh Query object for each parameter (FastAPI must not share one).
def Limit():  # noqa: N802 - read as a type in signatures
    return Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"page size (at most {MAX_LIMIT})")


def Offset():  # noqa: N802
    return Query(0, ge=0, le=MAX_OFFSET, description="items to skip")


def Text():  # noqa: N802
    return Query(None, max_length=MAX_PARAM_CHARS)


def Since():  # noqa: N802
    return Query(None, max_length=40, description="published on/after (ISO date or time, dates in WIB)")


def Until():  # noqa: N802
    return Query(None, max_length=40, description="published on/before (a date includes the whole day)")


def MinConfidence():  # noqa: N802
    return Query(None, ge=0, le=1, description="only events of at least this confidence (0.7: fewer, surer)")


def create_app(db: Union[str, Store, None] = None, token: Optional[str] = None) -> FastAPI:
    """The app over ``db`` (a path, a postgresql:// URL or an open Store); read-only unless ``token``."""
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.pool.close()

    app = FastAPI(title="warta", lifespan=lifespan, version="0.1.0", docs_url=None, redoc_url=None, openapi_url="/api/openapi.json",
                  description="Indonesian news as structured knowledge: articles, entities, quotes, events, "
                              "stories. Every error has the shape `{\"error\": {status, code, message, details}}`.",
                  responses={422: {"model": ErrorBody, "description": "invalid parameter"}})
    app.state.pool = StorePool(db)
    app.state.token = token or None
    app.state.render = _templates()
    app.add_middleware(Guard)
    _install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=str(WEB / "static")), name="static")
    _api_routes(app)
    _page_routes(app)

    return app


def _api_routes(app: FastAPI) -> None:
    not_found = {404: {"model": ErrorBody, "description": "no such item"}}

    @app.get("/api/health", tags=["meta"], summary="Is the store reachable; how many articles")
    def health(request: Request):
        store = _db(request)
        return {"status": "ok", "articles": store.scalar("SELECT count(*) FROM articles"),
                "schema_version": store.schema_version(), "read_only": request.app.state.token is None}

    @app.get("/api/articles", tags=["articles"], summary="Articles, newest first, with filters")
    def articles(request: Request, outlet: Optional[str] = Text(), since: Optional[str] = Since(),
                 until: Optional[str] = Until(), entity: Optional[str] = Text(), speaker: Optional[str] = Text(),
                 event_type: Optional[str] = Text(), limit: int = Limit(), offset: int = Offset()):
        items, total = _db(request).list_articles(_filters(outlet, since, until, entity, speaker, event_type), limit, offset)
        return _page(items, limit, offset, total, request)

    @app.get("/api/articles/{article_id:path}", tags=["articles"], responses=not_found,
             summary="One article with its full analysis (offsets are character offsets into body)")
    def article(request: Request, article_id: str = PathParam(..., max_length=2048)):
        art = _db(request).article_full(article_id)
        if art is None:
            raise ApiError(404, f"no article {article_id!r}")
        return art

    @app.get("/api/search", tags=["search"],
             summary="Full-text search (stemmed, BM25) with the CLI's filters, snippets and facets")
    def search(request: Request,
               q: str = Query("*", max_length=MAX_QUERY_CHARS,
                              description='words, "a phrase", a OR b, -excluded, prefix*; * = everything'),
               outlet: Optional[str] = Text(), since: Optional[str] = Since(), until: Optional[str] = Until(),
               entity: Optional[str] = Text(), speaker: Optional[str] = Text(), event_type: Optional[str] = Text(),
               limit: int = Limit(), offset: int = Query(0, ge=0, le=MAX_SEARCH_OFFSET),
               facets: bool = Query(False, description=f"add counts by outlet, month, entity and event type "
                                                       f"(over the best {FACET_WINDOW} matches)"),
               total: bool = Query(False, description="count every match")):
        store = _db(request)
        filters = _filters(outlet, since, until, entity, speaker, event_type)
        items, more = store.search_page(q, filters, limit, offset)
        result = _page(items, limit, offset, store.count_matches(q, filters) if total else None, request,
                       has_more=more)
        if facets:
            result["facets"] = store.facets(q, filters)
        return result

    @app.get("/api/entities", tags=["entities"], summary="Entities by how many articles name them")
    def entities(request: Request, prefix: Optional[str] = Text(),
                 type: Optional[Literal["PER", "ORG", "LOC"]] = Query(None), limit: int = Limit(),
                 offset: int = Offset()):
        items = _db(request).list_entities(prefix, type, limit + 1, offset)
        return _page(items[:limit], limit, offset, None, request, has_more=len(items) > limit)

    @app.get("/api/entities/{entity_id:path}", tags=["entities"], responses=not_found,
             summary="One entity: mentions over time, quotes by it, co-mentioned entities and their network")
    def entity(request: Request, entity_id: str, limit: int = Limit()):
        report = _db(request).entity_page(entity_id[:MAX_PARAM_CHARS], limit)
        if report is None:
            raise ApiError(404, f"no entity {entity_id!r}")
        return report

    @app.get("/api/quotes", tags=["quotes"], summary="Quotes, newest first")
    def quotes(request: Request, speaker: Optional[str] = Text(), article_id: Optional[str] = Text(),
               limit: int = Limit(), offset: int = Offset()):
        items = _db(request).list_quotes(speaker, article_id, limit + 1, offset)
        return _page(items[:limit], limit, offset, None, request, has_more=len(items) > limit)

    def event_filters(type: Optional[str] = Text(), actor: Optional[str] = Text(), target: Optional[str] = Text(),
                      country: Optional[str] = Query(None, max_length=3, description="ISO country code"),
                      since: Optional[str] = Since(), until: Optional[str] = Until(),
                      min_confidence: Optional[float] = MinConfidence()) -> dict:
        return {"type_": type, "actor": actor, "target": target, "country": country, "since": since,
                "until": until, "min_confidence": min_confidence}

    @app.get("/api/events", tags=["events"], summary="Coded events (PLOVER types), newest first")
    def events(request: Request, f: dict = Depends(event_filters), limit: int = Limit(), offset: int = Offset()):
        items = _db(request).list_events(limit + 1, offset, **f)
        return _page(items[:limit], limit, offset, None, request, has_more=len(items) > limit)

    @app.get("/api/events/counts", tags=["events"],
             summary="Events per day (of publication) and type, and the top actor–target pairs")
    def event_counts(request: Request, f: dict = Depends(event_filters), pairs: int = Query(20, ge=0, le=100)):
        store = _db(request)
        return {"counts": store.event_counts(**f), "pairs": store.event_pairs(pairs, **f) if pairs else []}

    @app.get("/api/stories", tags=["stories"], summary="Stories (articles about one happening across outlets)")
    def stories(request: Request, since: Optional[str] = Since(),
                min_size: int = Query(2, ge=1, le=1000, description="smallest story (articles)"),
                limit: int = Limit(), offset: int = Query(0, ge=0, le=1000)):
        store = _db(request)
        found = store.stories(since, limit, min_size, offset)
        return _page(found, limit, offset, store.count_stories(min_size, since), request)

    @app.get("/api/stories/{story_id}", tags=["stories"], responses=not_found, summary="One story and its articles")
    def story(request: Request, story_id: str = PathParam(..., max_length=64)):
        found = _db(request).story(story_id)
        if found is None:
            raise ApiError(404, f"no story {story_id!r}")
        return found

    @app.get("/api/timeline", tags=["timeline"], summary="Dated entries (facts, quotes, publications) in time order")
    def timeline(request: Request, entity: Optional[str] = Text(), limit: int = Query(200, ge=1, le=1000)):
        return {"items": _db(request).timeline(entity, limit), "limit": limit}

    @app.get("/api/places", tags=["places"], summary="Geocoded entities with article counts (for the map)")
    def places(request: Request, since: Optional[str] = Since(), until: Optional[str] = Until(),
               limit: int = Query(500, ge=1, le=2000)):
        return {"items": _db(request).places(limit, since, until), "limit": limit}

    @app.post("/api/ingest", tags=["write"], status_code=200,
              responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody}, 413: {"model": ErrorBody}},
              summary="Ingest captured pages over HTTP (needs the server's token: Authorization: Bearer …)")
    def ingest(request: Request, body: IngestRequest):
        _check_token(request)
        return _ingest(request.app, body)


def _check_token(request: Request) -> None:
    token = request.app.state.token
    if token is None:
        raise ApiError(403, "the server is read-only (start it with --token to allow ingest)", code="read_only")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
        raise ApiError(401, "a valid token is needed: Authorization: Bearer <token>")


def _ingest(app: FastAPI, body: IngestRequest) -> dict:
    from warta.records import Capture
    from warta.store.ingest import ingest

    captures = []
    for page in body.pages:
        source = page.url or "-"
        captures.append(Capture(source=source, format=page.format, text=page.text, url=page.url,
                                fetched_at=page.fetched_at))
    pool: StorePool = app.state.pool
    with pool.write_lock:
        writer = open_store(pool.location)
        try:
            summary = ingest(writer, [], workers=1, items=captures)
        finally:
            writer.close()
    ids = [hashlib.sha1(c.text.encode()).hexdigest()[:8] for c in captures]
    return summary.to_dict() | {"pages": len(captures), "page_digests": ids}


# ----------------------------------------------------------------- pages ---

def _page_routes(app: FastAPI) -> None:
    def html_page(request: Request, name: str, **context) -> HTMLResponse:
        return HTMLResponse(request.app.state.render(name, request, **context))

    @app.get("/", include_in_schema=False)
    def search_ui(request: Request, q: str = Query("", max_length=MAX_QUERY_CHARS), outlet: str = Text(),
                  since: str = Since(), until: str = Until(), entity: str = Text(), event_type: str = Text(),
                  speaker: str = Text(), page: int = Query(1, ge=1, le=MAX_SEARCH_OFFSET // DEFAULT_LIMIT)):
        store = _db(request)
        filters = _filters(outlet, since, until, entity, speaker, event_type)
        text = q.strip() or "*"
        offset = (page - 1) * DEFAULT_LIMIT
        hits, more = store.search_page(text, filters, DEFAULT_LIMIT, offset)
        for hit in hits:
            hit["snippet_html"] = safe_snippet(hit["snippet"])
        params = {"q": q, "outlet": outlet, "since": since, "until": until, "entity": entity,
                  "event_type": event_type, "speaker": speaker}
        nums = store.facet_nums(text, filters)
        filtered = any(v for k, v in params.items() if k != "q")
        # an exact count with filters reads every match: past the facet window the page says "N+"
        total = max(len(nums), offset + len(hits)) if filtered else store.count_matches(text, filters)
        return html_page(request, "search.html", q=q, params=params, hits=hits, page=page, more=more, total=total,
                         at_least=filtered and (more or len(nums) >= FACET_WINDOW),
                         facets=store.facets_of(nums),
                         facet_window=FACET_WINDOW, active={k: v for k, v in params.items() if v and k != "q"})

    @app.get("/articles/{article_id:path}", include_in_schema=False)
    def article_ui(request: Request, article_id: str = PathParam(..., max_length=2048)):
        art = _db(request).article_full(article_id)
        if art is None:
            raise ApiError(404, f"no article {article_id!r}")
        body_html = highlight(art["body"] or "", article_spans(art))
        return html_page(request, "article.html", art=art, body_html=body_html)

    @app.get("/entities/{entity_id:path}", include_in_schema=False)
    def entity_ui(request: Request, entity_id: str):
        report = _db(request).entity_page(entity_id[:MAX_PARAM_CHARS], 20)
        if report is None:
            raise ApiError(404, f"no entity {entity_id!r}")
        data = {"mentions_by_day": report["mentions_by_day"], "network": report["network"]}
        return html_page(request, "entity.html", r=report, data=data)

    @app.get("/stories", include_in_schema=False)
    def stories_ui(request: Request, min_size: int = Query(2, ge=1, le=1000), page: int = Query(1, ge=1, le=50)):
        store = _db(request)
        found = store.stories(None, DEFAULT_LIMIT + 1, min_size, (page - 1) * DEFAULT_LIMIT)
        return html_page(request, "stories.html", stories=found[:DEFAULT_LIMIT], more=len(found) > DEFAULT_LIMIT,
                         page=page, min_size=min_size)

    @app.get("/stories/{story_id}", include_in_schema=False)
    def story_ui(request: Request, story_id: str = PathParam(..., max_length=64)):
        found = _db(request).story(story_id)
        if found is None:
            raise ApiError(404, f"no story {story_id!r}")
        data = {"articles": [{"id": a["id"], "title": a["title"], "outlet": a["outlet"],
                              "published": a["published_utc"] or a["published"]} for a in found["articles"]]}
        return html_page(request, "story.html", s=found, data=data)

    @app.get("/events", include_in_schema=False)
    def events_ui(request: Request, type: str = Text(), actor: str = Text(), target: str = Text(),
                  country: str = Query(None, max_length=3), since: str = Since(), until: str = Until(),
                  min_confidence: Optional[float] = MinConfidence()):
        store = _db(request)
        f = {"type_": type, "actor": actor, "target": target, "country": country, "since": since, "until": until,
             "min_confidence": min_confidence}
        counts = store.event_counts(**f)
        data = {"counts": counts}
        return html_page(request, "events.html", data=data, pairs=store.event_pairs(20, **f),
                         recent=store.list_events(30, 0, **f), types=store.event_types(),
                         params={"type": type, "actor": actor, "target": target, "country": country,
                                 "since": since, "until": until, "min_confidence": min_confidence},
                         total=sum(c["count"] for c in counts))

    @app.get("/map", include_in_schema=False)
    def map_ui(request: Request, since: str = Since(), until: str = Until()):
        found = _db(request).places(500, since, until)
        return html_page(request, "map.html", places=found[:50], data={"places": found},
                         params={"since": since, "until": until})

    @app.get("/docs", include_in_schema=False)
    def docs_ui(request: Request):
        return html_page(request, "docs.html", endpoints=_endpoints(request.app.openapi()))


def _endpoints(spec: dict) -> list[dict]:
    """The OpenAPI operations, flattened for the reference page."""
    out = []
    for path, ops in spec.get("paths", {}).items():
        for method, op in ops.items():
            params = []
            for p in op.get("parameters", []):
                schema = p.get("schema", {})
                if "anyOf" in schema:
                    schema = next((s for s in schema["anyOf"] if s.get("type") != "null"), schema)
                bounds = ", ".join(f"{k} {schema[k]}" for k in ("minimum", "maximum", "maxLength", "enum")
                                   if k in schema)
                params.append({"name": p["name"], "in": p["in"], "type": schema.get("type", ""),
                               "default": schema.get("default"), "bounds": bounds, "required": p.get("required"),
                               "description": p.get("description", "")})
            out.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "tag": (op.get("tags") or [""])[0], "params": params,
                        "body": "requestBody" in op})
    return out
