"""Errors with stable codes, one message each.

A record that cannot be read never becomes a bare ``None``: it becomes a
``WartaError`` carrying the input name and a code from ``CODES``.  Codes are
part of the public contract (they appear in JSON output and in the store's
``errors`` table); never renumber them, only add.  ``transient`` tells batch
runners whether retrying may help (network, locks) or not (bad input).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# code -> (short name, transient?, message template)
CODES: dict[str, tuple[str, bool, str]] = {
    "W100": ("not-found", False, "no such file or directory"),
    "W101": ("empty-input", False, "the input is empty"),
    "W102": ("binary-input", False, "the input looks binary, not text or HTML ({detail})"),
    "W103": ("undecodable", False, "the input could not be decoded as text ({detail})"),
    "W104": ("too-large", False, "the input is larger than the limit ({detail})"),
    "W105": ("bad-gzip", False, "the gzip stream is corrupt or truncated ({detail})"),
    "W110": ("bad-csv-row", False, "malformed CSV/JSONL row ({detail})"),
    "W111": ("bad-column-map", False, "bad --columns mapping ({detail})"),
    "W112": ("missing-column", False, "column not in the file header ({detail})"),
    "W113": ("bad-warc-record", False, "malformed WARC record ({detail})"),
    "W120": ("no-body", False, "no article text was found ({detail})"),
    "W121": ("html-unparsable", False, "the HTML could not be parsed ({detail})"),
    "W130": ("unknown-format", False, "unknown input format ({detail})"),
    "W140": ("fetch-failed", True, "fetching failed ({detail})"),
    "W141": ("fetch-refused", False, "the URL is not fetched ({detail})"),
    "W150": ("component-failed", False, "an analysis component failed ({detail})"),
    "W160": ("store-locked", True, "the database is busy ({detail})"),
    "W170": ("record-failed", False, "the record could not be processed ({detail})"),
}


@dataclass
class WartaError(Exception):
    code: str
    source: str
    detail: str = ""

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown error code {self.code}")
        super().__init__(self.message)

    @property
    def name(self) -> str:
        return CODES[self.code][0]

    @property
    def transient(self) -> bool:
        return CODES[self.code][1]

    @property
    def message(self) -> str:
        return CODES[self.code][2].format(detail=self.detail)

    def to_dict(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "name": self.name, "source": self.source,
                          "message": self.message, "transient": self.transient}}

    def __str__(self) -> str:
        return f"{self.source}: {self.code} {self.name}: {self.message}"
