"""``warta parse``: captured pages -> clean Articles (JSON)."""
from __future__ import annotations

from typing import Optional

import typer

from warta.commands import common
from warta.errors import WartaError
from warta.parse import parse_capture
from warta.records import Article


def register(app: typer.Typer) -> None:
    app.command("parse")(parse)


def parse(
    paths: list[str] = typer.Argument(..., help="Files, directories, globs, or - for stdin."),
    output: str = typer.Option("json", "--format", help="json | jsonl | text"),
    input_format: str = common.InputFormat,
    columns: Optional[str] = common.Columns,
    url: Optional[str] = common.Url,
    fetched_at: Optional[str] = common.FetchedAt,
    strict: bool = common.Strict,
) -> None:
    """Read captured pages (text, HTML, CSV/JSONL rows, WARC) into clean Articles."""
    if output not in ("json", "jsonl", "text"):
        raise typer.BadParameter(f"{output!r}; choose json, jsonl or text", param_hint="--format")
    items = list(common.captures(paths, input_format, columns, url, fetched_at))
    done = failed = 0
    with common.progress("parse") as advance:
        for item in items:
            try:
                if isinstance(item, WartaError):
                    raise item
                article = parse_capture(item)
            except WartaError as err:
                failed += 1
                common.report_error(err, jsonl_out=output != "text")
                advance(False)
                continue
            done += 1
            if output == "text":
                typer.echo(as_text(article))
            else:
                common.emit(article.to_dict())
            advance(True)
    common.finish(done, failed, strict)


def as_text(article: Article) -> str:
    authors = ", ".join(f"{a.name} ({a.role})" for a in article.authors)
    head = [f"# {article.title or '(untitled)'}"]
    if article.subtitle:
        head.append(article.subtitle)
    head.append(" · ".join(x for x in (article.outlet, article.published, authors) if x))
    return "\n".join(head) + "\n\n" + article.body + "\n"
