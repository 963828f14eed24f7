"""``warta analyze``: Articles plus entities, quotes, quantities and times."""
from __future__ import annotations

from typing import Optional

import typer

from warta.commands import common
from warta.errors import WartaError
from warta.parse import parse_capture
from warta.pipeline import REGISTRY, analyze as run_pipeline
from warta.records import Article, Capture, article_id


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
    input_format: str = common.InputFormat,
    columns: Optional[str] = common.Columns,
    url: Optional[str] = common.Url,
    fetched_at: Optional[str] = common.FetchedAt,
    strict: bool = common.Strict,
) -> None:
    """Parse the inputs and run the analysis components over each Article."""
    if output not in ("json", "jsonl"):
        raise typer.BadParameter(f"{output!r}; choose json or jsonl", param_hint="--format")
    chosen = [c.strip() for c in components.split(",") if c.strip()] if components else None
    unknown = [c for c in chosen or [] if c not in REGISTRY]
    if unknown:
        raise typer.BadParameter(f"unknown: {', '.join(unknown)}; known: {', '.join(REGISTRY)}",
                                 param_hint="--components")
    items = list(common.captures(paths, "text" if plain else input_format, columns, url, fetched_at))
    done = failed = 0
    with common.progress("analyze") as advance:
        for item in items:
            try:
                if isinstance(item, WartaError):
                    raise item
                article = plain_article(item, published) if plain else parse_capture(item)
                result = run_pipeline(article, chosen, published=published)
            except WartaError as err:
                failed += 1
                common.report_error(err, jsonl_out=output == "jsonl")
                advance(False)
                continue
            done += 1
            common.emit(result.to_dict())
            advance(True)
    common.finish(done, failed, strict)


def plain_article(capture: Capture, published: Optional[str]) -> Article:
    """The whole input as the body, unchanged, so offsets point into it."""
    body = capture.text
    return Article(id=article_id(capture.url, None, body), source=capture.source, url=capture.url,
                   published=published, body=body)
