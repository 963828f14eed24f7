"""PostgreSQL: a compact vector for ranking (title + lead), kept inline in the row.

Matching still uses the full ``search_vector`` (GIN); ranking every match by
the full vector means de-TOASTing kilobytes per match, which dominates common
queries.  The rank vector holds the title and the first ~1,500 characters of
body terms, small enough to stay in the heap row.  SQLite ranks with FTS5's
BM25 and needs nothing here.
"""

RANK_LEAD_CHARS = 1500


def statements(dialect: str) -> list[str]:
    if dialect != "postgres":
        return []
    return [
        f"""ALTER TABLE article_index ADD COLUMN rank_vector tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('simple', title_terms), 'A') ||
            setweight(to_tsvector('simple', left(body_terms, {RANK_LEAD_CHARS})), 'B')) STORED""",
        "ALTER TABLE article_index ALTER COLUMN rank_vector SET STORAGE MAIN",
    ]
