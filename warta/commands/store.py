"""Store commands: ``ingest``, ``search``, ``stories``, ``entity``, ``timeline``, ``export``."""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer
from rich.markup import escape
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                           TimeRemainingColumn)
from rich.table import Table

from warta.commands import common
from warta.errors import WartaError

Db = typer.Option(None, "--db", help="SQLite file or postgresql:// URL (default: $WARTA_DB or warta.db).")
OutputFormat = typer.Option("table", "--format", help="table | json | jsonl")


def register(app: typer.Typer) -> None:
    for name, func in (("ingest", ingest), ("search", search), ("stories", stories), ("entity", entity),
                       ("timeline", timeline), ("export", export)):
        app.command(name)(func)


def _open(db: Optional[str]):
    from warta.store import open_store

    try:
        return open_store(db)
    except WartaError as err:
        common.stderr.print(f"[red]error[/red] {escape(str(err))}")
        raise typer.Exit(2) from None


def _check_format(output: str, allowed=("table", "json", "jsonl")) -> None:
    if output not in allowed:
        raise typer.BadParameter(f"{output!r}; choose from {', '.join(allowed)}", param_hint="--format")


def _emit(obj: Any, pretty: bool = False) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None, default=str) + "\n")


def _print(rows: Any, output: str) -> None:
    if output == "jsonl":
        for row in rows:
            _emit(row)
    else:
        _emit(rows, pretty=True)


# ----------------------------------------------------------------- ingest ---

def ingest(
    sources: list[str] = typer.Argument(..., help="Files, directories, globs, - for stdin, article or RSS/Atom URLs."),
    db: Optional[str] = Db,
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes for parsing and analysis."),
    components: Optional[str] = typer.Option(None, "--components", help="Analysis components (default: all)."),
    no_analysis: bool = typer.Option(False, "--no-analysis", help="Store the parsed articles only."),
    retry_errors: bool = typer.Option(False, "--retry-errors", help="Try again the records that failed before."),
    input_format: str = common.InputFormat,
    columns: Optional[str] = common.Columns,
    url: Optional[str] = common.Url,
    fetched_at: Optional[str] = common.FetchedAt,
    output: str = typer.Option("text", "--format", help="text | json (the summary)"),
) -> None:
    """Parse, analyse and store articles; resumable and idempotent (safe to re-run)."""
    from warta.store.ingest import ingest as run_ingest

    mapping = common.column_mapping(input_format, columns)
    chosen = common.component_names(components)
    store = _open(db)
    with store, _IngestProgress() as on_progress:
        summary = run_ingest(store, sources, workers=workers, components=chosen, analyse=not no_analysis,
                             input_format=input_format, columns=mapping, url=url, fetched_at=fetched_at,
                             retry_errors=retry_errors, on_progress=on_progress)
        errors = store.rows("SELECT input, code, message FROM errors WHERE run_id = ? ORDER BY input LIMIT 5",
                            [summary.run_id]) if summary.errors else []
    if output == "json":
        _emit(summary.to_dict() | {"db": store.location}, pretty=True)
    else:
        _print_summary(summary, store.location, errors)
    if summary.interrupted:
        raise typer.Exit(130)
    if summary.processed == 0 and summary.errors and not summary.skipped:
        raise typer.Exit(1)


class _IngestProgress:
    """Rich progress on stderr (articles/s, errors, ETA) when it is a terminal."""

    def __enter__(self):
        self.bar = None
        if sys.stderr.isatty():
            self.bar = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[rate]} articles/s"), TextColumn("errors: {task.fields[errors]}"),
                                TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                                console=common.stderr, transient=True)
            self.task = self.bar.add_task("ingest", total=None, rate="-", errors=0)
            self.bar.start()
        return self.update

    def update(self, summary, total: int) -> None:
        if self.bar is not None:
            self.bar.update(self.task, total=total, completed=summary.processed, errors=summary.errors,
                            rate=f"{summary.rate:.0f}")

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


def _print_summary(summary, location: str, errors: list[dict]) -> None:
    out = common.stderr
    state = "[yellow]interrupted[/yellow] (run again to resume)" if summary.interrupted else "done"
    out.print(f"ingest {state}: {summary.captures} record(s) read into {escape(location)} in "
              f"{summary.seconds:.1f} s ({summary.rate:.1f} articles/s)")
    out.print(f"  new {summary.stored}, updated {summary.replaced}, unchanged {summary.unchanged}, "
              f"already ingested {summary.skipped}, errors {summary.errors}, stories {summary.stories}")
    if summary.error_codes:
        out.print("  errors by code: " + ", ".join(f"{k} × {v}" for k, v in sorted(summary.error_codes.items())))
    for e in errors:
        out.print(f"  [red]{e['code']}[/red] {escape(e['input'])}: {escape(e['message'] or '')}", soft_wrap=True)


# ----------------------------------------------------------------- search ---

def search(
    query: str = typer.Argument(..., help='Words (stemmed), "a phrase", a OR b, -excluded, prefix*; "*" = all.'),
    db: Optional[str] = Db,
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Only this outlet (e.g. detik, Kompas)."),
    since: Optional[str] = typer.Option(None, "--since", help="Published on/after (ISO date or time)."),
    until: Optional[str] = typer.Option(None, "--until", help="Published on/before (a date includes the day)."),
    entity_name: Optional[str] = typer.Option(None, "--entity", help="Only articles mentioning this entity."),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Only articles quoting this speaker."),
    event_type: Optional[str] = typer.Option(None, "--event-type", help="Only articles with an event of this type."),
    limit: int = typer.Option(20, "--limit", min=1, max=1000),
    output: str = OutputFormat,
) -> None:
    """Full-text search (Indonesian stemming, BM25) with highlighted snippets."""
    from warta.store import Filters

    _check_format(output)
    filters = Filters(outlet, since, until, entity_name, speaker, event_type)
    with _open(db) as store:
        try:
            hits = store.search(query, filters, limit)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from None
    if output != "table":
        _print(hits, output)
        return
    if not hits:
        common.stderr.print("no match")
        return
    table = Table(show_lines=True)
    for col in ("score", "published", "outlet", "title / snippet"):
        table.add_column(col)
    for h in hits:
        table.add_row(f"{h['score']:.2f}", (h["published"] or "")[:16], h["outlet"] or "",
                      f"[bold]{escape(h['title'] or '')}[/bold]\n{rich_snippet(h['snippet'])}\n"
                      f"[dim]{escape(h['url'] or h['id'])}[/dim]")
    _console().print(table)


def rich_snippet(snippet: str) -> str:
    """An HTML snippet with <mark> as Rich markup."""
    import html
    import re

    marks = {"<mark>": "[bold yellow]", "</mark>": "[/]"}
    return "".join(marks.get(p) or escape(html.unescape(p)) for p in re.split(r"(</?mark>)", snippet))


def _console():
    from rich.console import Console

    return Console()


# ---------------------------------------------------------------- stories ---

def stories(
    db: Optional[str] = Db,
    since: Optional[str] = typer.Option(None, "--since", help="Stories seen on/after this date."),
    min_size: int = typer.Option(2, "--min-size", min=1, help="Smallest story shown (articles)."),
    limit: int = typer.Option(50, "--limit", min=1),
    recluster: bool = typer.Option(False, "--recluster", help="Recompute every story first."),
    output: str = OutputFormat,
) -> None:
    """Stories: articles about the same happening across outlets and days."""
    from warta.stories import update_stories

    _check_format(output)
    with _open(db) as store:
        if recluster:
            update_stories(store, full=True)
        found = store.stories(since, limit, min_size)
    if output != "table":
        _print(found, output)
        return
    console = _console()
    for s in found:
        console.print(f"[bold]{escape(s['title'] or s['id'])}[/bold]  [dim]{s['id']}[/dim]")
        console.print(f"  {s['size']} articles · {', '.join(s['outlets'])} · "
                      f"{(s['first_seen'] or '')[:16]} → {(s['last_seen'] or '')[:16]}"
                      + (f" · {escape(', '.join(s['entities'][:5]))}" if s["entities"] else ""))
        for a in s["articles"]:
            dup = " [dim](duplicate)[/dim]" if a["duplicate_of"] else ""
            console.print(f"    {(a['published'] or '')[:16]}  {escape(a['outlet'] or '')}: "
                          f"{escape(a['title'] or a['id'])}{dup}")
    if not found:
        common.stderr.print("no story with that many articles")


# ----------------------------------------------------------------- entity ---

def entity(
    name: str = typer.Argument(..., help="Entity name as written (case-insensitive)."),
    db: Optional[str] = Db,
    limit: int = typer.Option(20, "--limit", min=1),
    output: str = OutputFormat,
) -> None:
    """An entity: mentions over time, quotes by it, entities mentioned with it."""
    _check_format(output)
    with _open(db) as store:
        report = store.entity_report(name, limit)
    if report is None:
        common.stderr.print(f"no entity named {escape(name)!r} in the store")
        raise typer.Exit(1)
    if output != "table":
        _print(report if output == "json" else [report], output)
        return
    console = _console()
    kinds = ", ".join(f"{e['name']} ({e['type']})" for e in report["entities"])
    console.print(f"[bold]{escape(name)}[/bold]: {escape(kinds)} — {report['articles']} article(s)")
    for d in report["mentions_by_day"]:
        console.print(f"  {d['day']}: {d['articles']} article(s), {d['mentions']} mention(s)")
    if report["quotes"]:
        console.print("[bold]quotes[/bold]")
        for q in report["quotes"]:
            console.print(f"  “{escape(q['text'] or '')}” — {escape(q['title'] or '')}", soft_wrap=True)
    if report["co_mentioned"]:
        console.print("[bold]mentioned with[/bold]: " + escape(", ".join(
            f"{c['name']} ({c['articles']})" for c in report["co_mentioned"])))


# --------------------------------------------------------------- timeline ---

def timeline(
    entity_name: Optional[str] = typer.Option(None, "--entity", help="Only articles mentioning this entity."),
    db: Optional[str] = Db,
    limit: int = typer.Option(200, "--limit", min=1),
    output: str = OutputFormat,
) -> None:
    """Dated entries (analysis timeline and publications) in time order."""
    _check_format(output)
    with _open(db) as store:
        entries = store.timeline(entity_name, limit)
    if output != "table":
        _print(entries, output)
        return
    console = _console()
    for e in entries:
        console.print(f"{str(e['date'])[:16]:16}  [dim]{e['kind'] or ''}[/dim]  {escape(e['text'] or '')}"
                      f"  [dim]({escape(e['outlet'] or '')})[/dim]", soft_wrap=True)


# ----------------------------------------------------------------- export ---

def export(
    output_format: str = typer.Option("jsonl", "--format", help="jsonl | csv | parquet"),
    tables: list[str] = typer.Option(["articles"], "--table", help="Table(s) to export (repeatable)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="File (one table) or directory (several); stdout for jsonl/csv."),
    db: Optional[str] = Db,
) -> None:
    """Export tables as JSONL, CSV or Parquet (for Spark, pandas, DuckDB)."""
    from warta.store.base import TABLES

    _check_format(output_format, ("jsonl", "csv", "parquet"))
    unknown = [t for t in tables if t not in TABLES]
    if unknown:
        raise typer.BadParameter(f"unknown: {', '.join(unknown)}; tables: {', '.join(TABLES)}", param_hint="--table")
    if output is None and output_format == "parquet":
        raise typer.BadParameter("Parquet needs --output FILE or DIR", param_hint="--output")
    if len(tables) > 1 and output is not None and output.suffix:
        raise typer.BadParameter("several tables need --output DIR", param_hint="--output")
    with _open(db) as store:
        for table in tables:
            rows = store.export_rows(table)
            target = output
            if output is not None and (len(tables) > 1 or output.is_dir()):
                output.mkdir(parents=True, exist_ok=True)
                target = output / f"{table}.{output_format}"
            n = write_rows(rows, output_format, target)
            common.stderr.print(f"{table}: {n} row(s)" + (f" → {target}" if target else ""))


def write_rows(rows, fmt: str, target: Optional[Path]) -> int:
    rows = [{k: (bytes(v).hex() if isinstance(v, (bytes, memoryview)) else v) for k, v in r.items()} for r in rows]
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(rows), str(target))
        return len(rows)
    fh = open(target, "w", encoding="utf-8", newline="") if target else sys.stdout
    try:
        if fmt == "jsonl":
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
        elif rows:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    finally:
        if target:
            fh.close()
    return len(rows)
