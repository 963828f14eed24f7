"""PostgreSQL: the matching vector in a narrow table of its own, GIN without a pending list.

Articles' index rows are wide (terms, MinHash, the inline rank vector), about
one per 8 kB page, so reading the ``num`` of 15,000 matches of a common word
touched 12,000 pages.  ``article_match`` holds only ``num`` and the vector
(long vectors go out of line, and ``toast_tuple_target`` keeps them there once
PostgreSQL toasts a row; short ones stay inline), about 60% of the index rows'
size on a fresh load, and the GIN index answers without a pending list to scan
(``fastupdate`` off; VACUUM after bulk loads keeps statistics current).
SQLite's FTS5 table needs nothing here.
"""


def statements(dialect: str) -> list[str]:
    if dialect != "postgres":
        return []
    return [
        """CREATE TABLE article_match (num BIGINT PRIMARY KEY, search_vector tsvector NOT NULL)
            WITH (toast_tuple_target = 128)""",
        "INSERT INTO article_match (num, search_vector) SELECT num, search_vector FROM article_index",
        "DROP INDEX article_index_search",
        "ALTER TABLE article_index DROP COLUMN search_vector",
        "CREATE INDEX article_match_search ON article_match USING GIN (search_vector) WITH (fastupdate = off)",
    ]
