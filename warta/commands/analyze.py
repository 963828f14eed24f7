"""``warta analyze``: Articles plus entities, quotes, quantities and times."""
from __future__ import annotations

from typing import Iterator, Optional

import typer

from warta.commands import common
from warta.errors import WartaError
from warta.parse import parse_capture
from warta.pipeline import REGISTRY, analyze as run_pipeline
from warta.records import Analysis, Article, Capture, article_id


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze)


def analyze(
    paths: list[str] = typer.Argument(..., help="Files, directories, globs, or - for stdin."),
    output: str = typer.Option("json", "--format", help="json | jsonl"),
    published: Optional[str] = typer.Option(None, "--published",
                                            help="Reference time (ISO 8601) when the input has none."),
    plain: bool = typer.Option(False, "--plain", help="The whole input is the body (no header lines)."),
    components: Optional[str] = typer.Option(None, "--components",
                                             help=f"Comma-separated subset of: {', '.join(REGISTRY)}."),
    quotes: str = typer.Option("all", "--quotes", help="Quote kinds to report: all | direct | indirect."),
    input_format: str = common.InputFormat,
    columns: Optional[str] = common.Columns,
    url: Optional[str] = common.Url,
    fetched_at: Optional[str] = common.FetchedAt,
    strict: bool = common.Strict,
) -> None:
    """Parse the inputs and run the analysis components over each Article."""
    kinds = {"all": ("direct", "indirect"), "direct": ("direct",), "indirect": ("indirect",)}
    if quotes not in kinds:
        raise typer.BadParameter(f"{quotes!r}; choose all, direct or indirect", param_hint="--quotes")
    if output not in ("json", "jsonl"):
        raise typer.BadParameter(f"{output!r}; choose json or jsonl", param_hint="--format")
    chosen = common.component_names(components)
    done = failed = 0
    for result in iter_analyses(paths, plain, published, chosen, input_format, columns, url, fetched_at,
                                jsonl_errors=output == "jsonl", options={"quote_kinds": kinds[quotes]}):
        if result is None:
            failed += 1
            continue
        done += 1
        common.emit(result.to_dict())
    common.finish(done, failed, strict)


def iter_analyses(paths: list[str], plain: bool, published: Optional[str], chosen: Optional[list[str]],
                  input_format: str, columns: Optional[str], url: Optional[str], fetched_at: Optional[str],
                  jsonl_errors: bool, options: Optional[dict] = None) -> Iterator[Optional[Analysis]]:
    """An Analysis per readable record; None (after reporting it) for one that failed."""
    items = list(common.captures(paths, "text" if plain else input_format, columns, url, fetched_at))
    with common.progress("analyze") as advance:
        for item in items:
            try:
                if isinstance(item, WartaError):
                    raise item
                article = plain_article(item, published) if plain else parse_capture(item)
                result = run_pipeline(article, chosen, published=published, options=options)
            except WartaError as err:
                common.report_error(err, jsonl_out=jsonl_errors)
                advance(False)
                yield None
                continue
            advance(True)
            yield result


def plain_article(capture: Capture, published: Optional[str]) -> Article:
    """The whole input as the body, unchanged, so offsets point into it."""
    body = capture.text
    return Article(id=article_id(capture.url, None, body), source=capture.source, url=capture.url,
                   published=published, body=body)
