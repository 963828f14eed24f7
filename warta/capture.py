"""Sources -> Captures: files, directories, globs, stdin, gzip, CSV/JSONL, WARC.

``iter_captures`` yields a ``Capture`` per record, or a ``WartaError`` for a
record that cannot be read; the caller decides whether to go on.  Format is
detected from the name and the content unless ``input_format`` says.
"""
from __future__ import annotations

import csv
import glob
import gzip
import io
import json
import os
import re
import sys
import zlib
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from warta.errors import WartaError
from warta.records import Capture

MAX_BYTES = 20 * 1024 * 1024  # a news page is never this large; a dump of one is
FORMATS = ("auto", "text", "html", "csv", "jsonl", "warc")
FIELDS = ("url", "title", "subtitle", "authors", "published", "updated", "body", "outlet", "language", "image")
KNOWN_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".csv", ".tsv", ".jsonl", ".ndjson", ".warc", ".gz")
HTML_SNIFF = re.compile(rb"<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<article[\s>]", re.I)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.I)

Item = Union[Capture, WartaError]


def parse_columns(spec: Optional[str]) -> dict[str, str]:
    """``url=url,title=judul`` -> {field: column}."""
    if not spec:
        return {}
    mapping: dict[str, str] = {}
    for pair in spec.split(","):
        name, sep, column = pair.partition("=")
        name, column = name.strip(), column.strip()
        if not sep or not name or not column:
            raise WartaError("W111", "--columns", f"{pair!r} is not field=column")
        if name not in FIELDS:
            raise WartaError("W111", "--columns", f"unknown field {name!r}; fields: {', '.join(FIELDS)}")
        mapping[name] = column
    return mapping


def expand(inputs: Iterable[str]) -> Iterator[Union[str, WartaError]]:
    """Paths named by the inputs: files as given, directories and globs recursively."""
    for item in inputs:
        if item == "-":
            yield item
        elif os.path.isdir(item):
            for path in sorted(Path(item).rglob("*")):
                if path.is_file() and path.name.lower().endswith(KNOWN_SUFFIXES) and not path.name.startswith("."):
                    yield str(path)
        elif os.path.exists(item):
            yield item
        elif glob.has_magic(item):
            matches = sorted(p for p in glob.glob(item, recursive=True) if os.path.isfile(p))
            if not matches:
                yield WartaError("W100", item, "the pattern matches no file")
            yield from matches
        else:
            yield WartaError("W100", item)


def read_bytes(path: str, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a file (or stdin), gunzipped when compressed."""
    if path == "-":
        raw = sys.stdin.buffer.read(max_bytes + 1)
    else:
        with open(path, "rb") as fh:
            raw = fh.read(max_bytes + 1)
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = _gunzip(raw, max_bytes)
        except (OSError, EOFError, zlib.error) as exc:
            raise WartaError("W105", path, str(exc)) from None
    if len(raw) > max_bytes:
        raise WartaError("W104", path, f"more than {max_bytes} bytes")
    return raw


def _gunzip(raw: bytes, max_bytes: int) -> bytes:
    with gzip.GzipFile(fileobj=io.BytesIO(raw)) as gz:
        return gz.read(max_bytes + 1)


def decode(raw: bytes, source: str) -> tuple[str, str]:
    """Text and encoding: BOM, declared charset, UTF-8, then cp1252."""
    if not raw.strip():
        raise WartaError("W101", source)
    sample = raw[:8192]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise WartaError("W102", source, "NUL bytes")
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            return raw.decode(enc, errors="replace"), enc
    declared = META_CHARSET.search(sample)
    candidates = ([declared.group(1).decode("ascii", "ignore").lower()] if declared else []) + ["utf-8", "cp1252"]
    for enc in candidates:
        try:
            text = raw.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if _controls(text) > 0.05:
            raise WartaError("W102", source, "mostly control characters")
        return text, enc
    raise WartaError("W103", source, "neither the declared charset, UTF-8 nor cp1252 fits")


def _controls(text: str) -> float:
    sample = text[:4096]
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return bad / max(1, len(sample))


def detect_format(path: str, raw: bytes) -> str:
    name = path.lower().removesuffix(".gz")
    if name.endswith((".csv", ".tsv")):
        return "csv"
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if name.endswith(".warc") or raw[:8] == b"WARC/1.0" or raw[:8] == b"WARC/1.1":
        return "warc"
    if name.endswith((".html", ".htm", ".xhtml")) or HTML_SNIFF.search(raw[:4096]):
        return "html"
    return "text"


def iter_captures(inputs: Iterable[str], input_format: str = "auto", columns: Optional[dict[str, str]] = None,
                  url: Optional[str] = None, fetched_at: Optional[str] = None,
                  max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    """A Capture per record of every input, or a WartaError for one that cannot be read."""
    for path in expand(inputs):
        if isinstance(path, WartaError):
            yield path
            continue
        try:
            raw = read_bytes(path, max_bytes)
            fmt = detect_format(path, raw) if input_format == "auto" else input_format
            if fmt == "warc":
                yield from _warc_records(path, raw, max_bytes)
                continue
            text, encoding = decode(raw, path)
        except WartaError as err:
            yield err
            continue
        except OSError as exc:
            yield WartaError("W100", path, exc.strerror or str(exc))
            continue
        if fmt == "csv":
            yield from _csv_rows(path, text, columns or {})
        elif fmt == "jsonl":
            yield from _jsonl_rows(path, text, columns or {})
        elif fmt in ("text", "html"):
            yield Capture(source=path, format=fmt, text=text, url=url, fetched_at=fetched_at, encoding=encoding)
        else:
            yield WartaError("W130", path, fmt)


def _mapped(row: dict, columns: dict[str, str], source: str) -> Item:
    if not columns:
        columns = {f: f for f in FIELDS if f in row}
        if "body" not in columns:
            return WartaError("W111", source, "no --columns given and no 'body' column")
    missing = [c for c in columns.values() if c not in row]
    if missing:
        return WartaError("W112", source, ", ".join(missing))
    fields = {name: "" if row[col] is None else str(row[col]) for name, col in columns.items()}
    return Capture(source=source, format="fields", fields=fields, url=fields.get("url") or None)


def _csv_rows(path: str, text: str, columns: dict[str, str]) -> Iterator[Item]:
    csv.field_size_limit(MAX_BYTES)
    delimiter = "\t" if path.lower().removesuffix(".gz").endswith(".tsv") else ","
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        yield WartaError("W110", path, f"no header row: {exc}" if str(exc) else "no header row")
        return
    missing = [c for c in columns.values() if c not in header]
    if missing:
        yield WartaError("W112", path, ", ".join(missing))
        return
    row_no = 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            row_no += 1
            yield WartaError("W110", f"{path}:{row_no}", str(exc))
            continue
        row_no += 1
        source = f"{path}:{row_no}"
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            yield WartaError("W110", source, f"{len(values)} fields, the header has {len(header)}")
            continue
        yield _mapped(dict(zip(header, values)), columns, source)


def _jsonl_rows(path: str, text: str, columns: dict[str, str]) -> Iterator[Item]:
    for line_no, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        source = f"{path}:{line_no}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield WartaError("W110", source, f"invalid JSON: {exc.msg}")
            continue
        if not isinstance(row, dict):
            yield WartaError("W110", source, "a JSON object per line is expected")
            continue
        yield _mapped(row, columns, source)


def _warc_records(path: str, raw: bytes, max_bytes: int) -> Iterator[Item]:
    """HTML responses in a WARC (gzip already undone by read_bytes)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    stream = ArchiveIterator(io.BytesIO(raw))
    n = 0
    try:
        for record in stream:
            if record.rec_type != "response":
                continue
            n += 1
            uri = record.rec_headers.get_header("WARC-Target-URI")
            date = record.rec_headers.get_header("WARC-Date")
            ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            if "html" not in ctype.lower():
                continue
            source = f"{path}#{n}"
            try:
                body = record.content_stream().read(max_bytes + 1)
                text, encoding = decode(body, source)
            except WartaError as err:
                yield err
                continue
            except Exception as exc:  # noqa: BLE001 - a bad record must not end the archive
                yield WartaError("W113", source, str(exc))
                continue
            yield Capture(source=source, format="html", text=text, url=uri,
                          fetched_at=date.replace("Z", "+00:00") if date else None, encoding=encoding)
    except (ArchiveLoadFailed, ValueError, zlib.error) as exc:
        yield WartaError("W113", f"{path}#{n + 1}", str(exc))
    except Exception as exc:  # noqa: BLE001 - warcio fails in many ways on malformed headers
        yield WartaError("W113", f"{path}#{n + 1}", f"{type(exc).__name__}: {exc}")
