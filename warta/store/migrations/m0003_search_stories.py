"""Search index (stemmed terms, FTS5 or tsvector), MinHash signatures and stories."""
from warta.store.migrations import types


def statements(dialect: str) -> list[str]:
    t = types(dialect)
    out = [
        # num = articles.num, so FTS5 (external content) and joins share one integer key.
        f"""CREATE TABLE article_index (
            num {t['int']} PRIMARY KEY, article_id TEXT NOT NULL UNIQUE,
            title_terms TEXT NOT NULL, body_terms TEXT NOT NULL, minhash {t['blob']})""",
        f"""CREATE TABLE stories (
            id TEXT PRIMARY KEY, title TEXT, first_seen TEXT, last_seen TEXT, size {t['int']},
            outlets TEXT, entities TEXT)""",
    ]
    if dialect == "postgres":
        out += [
            """ALTER TABLE article_index ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('simple', title_terms), 'A') ||
                setweight(to_tsvector('simple', body_terms), 'B')) STORED""",
            "CREATE INDEX article_index_search ON article_index USING GIN (search_vector)",
        ]
    else:
        out += [
            """CREATE VIRTUAL TABLE article_fts USING fts5(
                title_terms, body_terms, content='article_index', content_rowid='num',
                tokenize='unicode61 remove_diacritics 0')""",
        ]
    return out
