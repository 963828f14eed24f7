"""Analysis pipeline: Article -> Analysis through declared components.

Each component declares what it needs and what it adds, like a spaCy
pipeline component.  The runner checks the declaration before running it
(a component whose needs are not met is skipped with a warning) and sends an
exception in one component to the error handler, so a batch records it and
goes on with the next component and the next article.

Components are thin adapters: the work lives in domain modules
(``warta.nlp``, ``warta.entities``, ``warta.quotes``, ``warta.quantities``,
``warta.timex``, ``warta.events``), imported lazily so that running only
some components loads only what they need.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Optional

from warta.records import Analysis, Article


@dataclass
class Context:
    """Working state of one article's analysis."""

    analysis: Analysis
    reference: Optional[dt.datetime]  # reference time for relative dates
    provided: set[str] = field(default_factory=set)
    nlp: Any = None  # warta.nlp.NlpDoc once the "nlp" component ran
    options: dict[str, Any] = field(default_factory=dict)  # e.g. quote_kinds=("direct",)

    @property
    def body(self) -> str:
        return self.analysis.article.body


@dataclass(frozen=True)
class Component:
    name: str
    needs: tuple[str, ...]
    adds: tuple[str, ...]
    run: Callable[[Context], None]
    doc: str = ""


REGISTRY: dict[str, Component] = {}


def component(name: str, needs: Iterable[str] = (), adds: Iterable[str] = ()):
    """Register a component function under ``name`` (order of registration = run order)."""

    def wrap(func: Callable[[Context], None]) -> Callable[[Context], None]:
        REGISTRY[name] = Component(name, tuple(needs), tuple(adds), func, (func.__doc__ or "").strip())
        return func

    return wrap


# ------------------------------------------------------------ components ---

@component("nlp", needs=("body",), adds=("tokens", "sentences", "ner"))
def _nlp(ctx: Context) -> None:
    """Tokens, sentences and named-entity spans (warta's own NER model)."""
    from warta import nlp

    ctx.nlp = nlp.process(ctx.body)


@component("entities", needs=("body", "ner"), adds=("entities",))
def _entities(ctx: Context) -> None:
    """Mentions grouped into entities, normalised and geocoded."""
    from warta.entities import find_article_entities

    # Caption entities too (a photo's place is often only there): their mentions carry
    # field="images[N].caption" and offsets into that caption.
    process = None
    if ctx.nlp is not None and ctx.analysis.article.images:
        from warta.nlp import process
    ctx.analysis.entities = find_article_entities(ctx.analysis.article, ctx.nlp, process)


@component("quotes", needs=("body",), adds=("quotes",))
def _quotes(ctx: Context) -> None:
    """Direct and indirect quotes with their speakers (using sentences and entities when present)."""
    from warta.quotes import find_quotes

    kinds = ctx.options.get("quote_kinds", ("direct", "indirect"))
    ctx.analysis.quotes = [q for q in find_quotes(ctx.body, ctx.nlp, ctx.analysis.entities) if q.kind in kinds]


@component("quantities", needs=("body",), adds=("quantities",))
def _quantities(ctx: Context) -> None:
    """Reported numbers with units and qualifiers."""
    from warta.quantities import find_quantities

    ctx.analysis.quantities = find_quantities(ctx.body)


@component("times", needs=("body", "published"), adds=("times",))
def _times(ctx: Context) -> None:
    """Time expressions normalised to TIMEX3 values against the reference time."""
    from warta.timex import find_article_times

    # Caption times too: those carry field="images[N].caption" and offsets into it.
    ctx.analysis.times = find_article_times(ctx.analysis.article, ctx.reference)


@component("timeline", needs=("times", "quotes"), adds=("timeline",))
def _timeline(ctx: Context) -> None:
    """Quotes and dated facts placed at their resolved dates."""
    from warta.timeline import build_timeline

    ctx.analysis.timeline = build_timeline(ctx.analysis, ctx.nlp)


@component("events", needs=("body", "entities"), adds=("events",))
def _events(ctx: Context) -> None:
    """Who did what to whom, where and when (PLOVER types with CAMEO codes)."""
    from warta.events import find_events

    ctx.analysis.events = find_events(ctx.analysis, ctx.nlp)


# ---------------------------------------------------------------- runner ---

ErrorHandler = Callable[[Component, Exception, Context], None]


def _warn(comp: Component, exc: Exception, ctx: Context) -> None:
    ctx.analysis.article.warnings.append(f"W150 component-failed: {comp.name}: {type(exc).__name__}: {exc}")


def reference_time(article: Article, override: Optional[str] = None) -> Optional[dt.datetime]:
    value = override or article.published
    if not value:
        return None
    from warta.timex import parse_reference  # accepts unpadded dates such as 2013-12-5

    return parse_reference(value)


def analyze(article: Article, components: Optional[Iterable[str]] = None,
            published: Optional[str] = None, on_error: ErrorHandler = _warn,
            options: Optional[dict[str, Any]] = None) -> Analysis:
    """Run the named components (default: all registered) over one Article."""
    names = list(components) if components is not None else list(REGISTRY)
    unknown = [n for n in names if n not in REGISTRY]
    if unknown:
        raise ValueError(f"unknown component(s): {', '.join(unknown)}; known: {', '.join(REGISTRY)}")
    ctx = Context(Analysis(article=article), reference_time(article, published), options=dict(options or {}))
    ctx.provided = {"body"} | ({"published"} if ctx.reference else set())
    # Entities need the NER spans: pull "nlp" in when a chosen component needs it.
    wanted = [n for n in REGISTRY if n in names or (n == "nlp" and _needs_nlp(names))]
    for name in wanted:
        comp = REGISTRY[name]
        missing = [n for n in comp.needs if n not in ctx.provided and n != "published"]
        if missing:
            article.warnings.append(f"component {name} skipped: needs {', '.join(missing)}")
            continue
        try:
            comp.run(ctx)
            _check_output(comp, ctx)
        except Exception as exc:  # noqa: BLE001 - one component must not end the batch
            on_error(comp, exc, ctx)
            continue
        ctx.provided.update(comp.adds)
    return ctx.analysis


def _check_output(comp: Component, ctx: Context) -> None:
    """What a component adds to the Analysis must be a list of spans within the body."""
    body_len = len(ctx.body)
    for name in comp.adds:
        value = getattr(ctx.analysis, name, None)
        if value is None:
            continue  # an intermediate product (tokens, sentences, ner) kept in the context
        if not isinstance(value, list):
            raise TypeError(f"{comp.name} set {name} to {type(value).__name__}, not a list")
        for span in value:
            start, end = getattr(span, "start", None), getattr(span, "end", None)
            if isinstance(start, int) and getattr(span, "field", None) is None and not 0 <= start <= end <= body_len:
                raise ValueError(f"{comp.name}: {name} span {start}-{end} is outside the body")


def _needs_nlp(names: list[str]) -> bool:
    nlp_adds = set(REGISTRY["nlp"].adds)
    return any(nlp_adds & set(REGISTRY[n].needs) for n in names if n in REGISTRY)
