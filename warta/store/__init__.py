"""Where analysed articles live: SQLite by default, PostgreSQL for teams.

``open_store("warta.db")`` or ``open_store("postgresql://user@host/db")``
returns a migrated Store with the same methods on either backend.
"""
from __future__ import annotations

import os

from warta.store.base import BatchOutcome, Filters, Result, Store

DEFAULT_DB = "warta.db"
POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def open_store(url_or_path: str | os.PathLike | None = None, read_only: bool = False) -> Store:
    """The store at a path or URL, migrated to the current schema.  ``read_only``: skip the
    migrations (the database must exist and be migrated already) and refuse every write."""
    location = str(url_or_path or os.environ.get("WARTA_DB") or DEFAULT_DB)
    if location.startswith(POSTGRES_SCHEMES):
        from warta.store.postgres import PostgresStore

        return PostgresStore.open(location, read_only=read_only)
    from warta.store.sqlite import SQLiteStore

    if location.startswith("sqlite:///"):
        location = location[len("sqlite:///"):]
    return SQLiteStore.open(location, read_only=read_only)


__all__ = ["open_store", "Store", "Filters", "Result", "BatchOutcome", "DEFAULT_DB"]
