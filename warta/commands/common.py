"""What the commands share: reading inputs, reporting errors, progress, output."""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from typing import Any, Iterator, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from warta.capture import FORMATS, iter_captures, parse_columns
from warta.errors import WartaError

stderr = Console(stderr=True)

InputFormat = typer.Option("auto", "--input-format", help=f"Input format: {', '.join(FORMATS)} (auto detects).")
Columns = typer.Option(None, "--columns", help="CSV/JSONL column mapping, e.g. "
                       "url=url,title=judul,authors=author,published=tanggal_publikasi,body=isi_berita,outlet=sumber")
Url = typer.Option(None, "--url", help="The URL of a single input page.")
FetchedAt = typer.Option(None, "--fetched-at", help="Capture time (ISO 8601), reference for '2 jam lalu'.")
Strict = typer.Option(False, "--strict", help="Exit non-zero when any record fails.")


def column_mapping(input_format: str, columns: Optional[str]) -> dict[str, str]:
    """Check --input-format and turn --columns into {field: column}, as usage errors."""
    if input_format not in FORMATS:
        raise typer.BadParameter(f"{input_format!r}; choose from {', '.join(FORMATS)}", param_hint="--input-format")
    try:
        return parse_columns(columns)
    except WartaError as err:
        raise typer.BadParameter(err.message, param_hint="--columns") from None


def component_names(components: Optional[str]) -> Optional[list[str]]:
    """--components a,b as a checked list (None: all components)."""
    from warta.pipeline import REGISTRY

    chosen = [c.strip() for c in components.split(",") if c.strip()] if components else None
    unknown = [c for c in chosen or [] if c not in REGISTRY]
    if unknown:
        raise typer.BadParameter(f"unknown: {', '.join(unknown)}; known: {', '.join(REGISTRY)}",
                                 param_hint="--components")
    return chosen


def captures(paths: list[str], input_format: str, columns: Optional[str], url: Optional[str],
             fetched_at: Optional[str]) -> Iterator:
    return iter_captures(paths, input_format, column_mapping(input_format, columns), url, fetched_at)


def report_error(err: WartaError, jsonl_out: bool) -> None:
    stderr.print(f"[red]error[/red] {err}", markup=True, highlight=False, soft_wrap=True)
    if jsonl_out:
        emit(err.to_dict())


def emit(obj: dict[str, Any]) -> None:
    """One JSON object on one line (scripts read the last line of output)."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


@contextmanager
def progress(label: str) -> Iterator:
    """A Rich progress bar on stderr when it is a terminal; a no-op otherwise."""
    if not sys.stderr.isatty():
        yield lambda ok=True: None
        return
    bar = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]} rec/s"),
                   TextColumn("errors: {task.fields[errors]}"), TimeElapsedColumn(), console=stderr, transient=True)
    task = bar.add_task(label, total=None, rate="-", errors=0)
    counts = {"n": 0, "errors": 0}

    def advance(ok: bool = True) -> None:
        counts["n"] += 1
        counts["errors"] += 0 if ok else 1
        elapsed = bar.tasks[0].elapsed or 0
        bar.update(task, advance=1, errors=counts["errors"],
                   rate=f"{counts['n'] / elapsed:.0f}" if elapsed > 0.5 else "-")

    with bar:
        yield advance


def finish(done: int, failed: int, strict: bool) -> None:
    """Exit status: 0 when anything was produced (1 with --strict and a failure)."""
    if done == 0 and failed:
        stderr.print(f"nothing was read: {failed} input(s) failed")
        raise typer.Exit(1)
    if failed:
        stderr.print(f"{done} record(s) read, {failed} failed")
        if strict:
            raise typer.Exit(1)
