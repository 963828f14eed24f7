"""Articles, their authors, ingest runs, per-input progress and errors."""
from warta.store.migrations import types


def statements(dialect: str) -> list[str]:
    t = types(dialect)
    return [
        f"""CREATE TABLE articles (
            num {t['serial']},
            id TEXT NOT NULL UNIQUE,          -- warta.records.article_id: canonical URL or content hash
            url TEXT, source TEXT, outlet TEXT, language TEXT,
            title TEXT, subtitle TEXT,
            published TEXT,                   -- ISO 8601 with the outlet's offset
            published_utc TEXT,               -- same instant, UTC, sortable: 2025-06-18T07:30:00Z
            updated TEXT,
            body TEXT NOT NULL,
            dateline TEXT, wire TEXT, images TEXT, removed TEXT, warnings TEXT,   -- JSON
            content_hash TEXT NOT NULL,       -- hash of the stored analysis: unchanged input = no write
            story_id TEXT, duplicate_of TEXT,
            run_id {t['int']}, ingested_at TEXT)""",
        "CREATE INDEX articles_published ON articles (published_utc)",
        "CREATE INDEX articles_outlet ON articles (outlet)",
        "CREATE INDEX articles_story ON articles (story_id)",
        f"""CREATE TABLE authors (
            article_id TEXT NOT NULL, position {t['int']} NOT NULL, name TEXT NOT NULL, role TEXT,
            PRIMARY KEY (article_id, position))""",
        "CREATE INDEX authors_name ON authors (name)",
        f"""CREATE TABLE ingest_runs (
            id {t['serial']}, started_at TEXT NOT NULL, finished_at TEXT, status TEXT NOT NULL,
            inputs TEXT, workers {t['int']}, components TEXT,
            captures {t['int']} DEFAULT 0, stored {t['int']} DEFAULT 0, unchanged {t['int']} DEFAULT 0,
            skipped {t['int']} DEFAULT 0, errors {t['int']} DEFAULT 0)""",
        # One row per capture seen: written in the same transaction as its article,
        # so a run killed at any point resumes without loss or duplicates.
        f"""CREATE TABLE ingested (
            capture_key TEXT PRIMARY KEY, capture_hash TEXT NOT NULL, article_id TEXT,
            status TEXT NOT NULL, run_id {t['int']})""",
        f"""CREATE TABLE errors (
            input TEXT NOT NULL, code TEXT NOT NULL, name TEXT, message TEXT, transient {t['int']} DEFAULT 0,
            run_id {t['int']}, at TEXT, PRIMARY KEY (input, code))""",
    ]
