"""``warta events``: coded events as GDELT-2.0-style rows (TSV) or JSON lines."""
from __future__ import annotations

import csv
import re
import sys
from typing import Optional

import typer

from warta.commands import common
from warta.commands.analyze import iter_analyses
from warta.records import Analysis, Event

# GDELT 2.0 event-table columns warta fills, then warta's own (PLOVER, flags, evidence).
COLUMNS = ("GlobalEventID", "Day", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
           "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "IsRootEvent", "EventCode",
           "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "ActionGeo_FullName",
           "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long", "SOURCEURL",
           "PloverType", "PloverMode", "Negated", "Hypothetical", "Source", "Confidence", "Trigger", "Sentence")


def register(app: typer.Typer) -> None:
    app.command("events")(events)


def events(
    paths: list[str] = typer.Argument(..., help="Files, directories, globs, or - for stdin."),
    output: str = typer.Option("tsv", "--format", help="tsv | jsonl"),
    published: Optional[str] = typer.Option(None, "--published", help="Reference time when the input has none."),
    input_format: str = common.InputFormat,
    columns: Optional[str] = common.Columns,
    url: Optional[str] = common.Url,
    fetched_at: Optional[str] = common.FetchedAt,
    strict: bool = common.Strict,
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0,
                                         help="Only events of at least this confidence (0.7: fewer, surer)."),
) -> None:
    """Code events (PLOVER/CAMEO) in the inputs and print one row per event."""
    if output not in ("tsv", "jsonl"):
        raise typer.BadParameter(f"{output!r}; choose tsv or jsonl", param_hint="--format")
    writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    if output == "tsv":
        writer.writerow(COLUMNS)
    done = failed = 0
    for analysis in iter_analyses(paths, False, published, None, input_format, columns, url, fetched_at,
                                  jsonl_errors=output == "jsonl"):
        if analysis is None:
            failed += 1
            continue
        done += 1
        for n, event in enumerate(analysis.events, 1):
            if (event.confidence or 0.0) < min_confidence:
                continue
            if output == "tsv":
                writer.writerow(gdelt_row(analysis, event, n))
            else:
                common.emit({"article_id": analysis.article.id, "url": analysis.article.url, **event.to_dict()})
    common.finish(done, failed, strict)


def gdelt_row(analysis: Analysis, event: Event, n: int) -> list:
    def actor(a) -> list:
        return [a.code or "", a.name or "", a.country or "", a.sector or ""] if a else ["", "", "", ""]

    loc = event.location
    cameo = event.cameo or ""
    return [f"{analysis.article.id}-{n}", gdelt_day(event.date, analysis.article.published), *actor(event.actor),
            *actor(event.target), 1, cameo, cameo[:3], cameo[:2], event.quad_class or "",
            "" if event.goldstein is None else event.goldstein, len(event.mentions),
            loc.name if loc else "", loc.country if loc else "", loc.lat if loc and loc.lat is not None else "",
            loc.lon if loc and loc.lon is not None else "", analysis.article.url or analysis.article.source,
            event.type, event.mode or "", int(event.negated), int(event.hypothetical),
            event.source.name if event.source else "", event.confidence, event.trigger.text,
            " ".join(event.sentence.text.split())]


def gdelt_day(date: Optional[str], published: Optional[str]) -> str:
    """GDELT's Day, YYYYMMDD: the event's date when it names a day, else the publication day (a week or a
    month, "2025-W11", is no day)."""
    for value in (date, published):
        if value and re.match(r"\d{4}-\d{2}-\d{2}", value):
            return value[:10].replace("-", "")
    return ""
