"""What the analysis found: entities and mentions, quotes, quantities, times, events, timeline."""
from warta.store.migrations import types


def statements(dialect: str) -> list[str]:
    t = types(dialect)
    span = f"text TEXT, span_start {t['int']}, span_end {t['int']}"
    return [
        f"""CREATE TABLE entities (
            id TEXT PRIMARY KEY,              -- TYPE:normalised name, shared across articles
            name TEXT NOT NULL, type TEXT NOT NULL, country TEXT, lat {t['real']}, lon {t['real']}, kind TEXT)""",
        "CREATE INDEX entities_name ON entities (lower(name))",
        f"""CREATE TABLE article_entities (
            article_id TEXT NOT NULL, local_id TEXT NOT NULL, entity_id TEXT NOT NULL,
            role TEXT, mentions {t['int']} NOT NULL, PRIMARY KEY (article_id, local_id))""",
        "CREATE INDEX article_entities_entity ON article_entities (entity_id)",
        f"CREATE TABLE mentions (article_id TEXT NOT NULL, entity_id TEXT NOT NULL, {span})",
        "CREATE INDEX mentions_article ON mentions (article_id)",
        "CREATE INDEX mentions_text ON mentions (lower(text))",
        f"""CREATE TABLE quotes (article_id TEXT NOT NULL, position {t['int']} NOT NULL, {span},
            kind TEXT, cue TEXT, speaker TEXT, speaker_entity_id TEXT, speaker_role TEXT,
            PRIMARY KEY (article_id, position))""",
        "CREATE INDEX quotes_speaker ON quotes (lower(speaker))",
        "CREATE INDEX quotes_speaker_entity ON quotes (speaker_entity_id)",
        f"""CREATE TABLE quantities (article_id TEXT NOT NULL, position {t['int']} NOT NULL, {span},
            value {t['real']}, unit TEXT, qualifier TEXT, value_max {t['real']}, PRIMARY KEY (article_id, position))""",
        f"""CREATE TABLE times (article_id TEXT NOT NULL, position {t['int']} NOT NULL, {span},
            type TEXT, value TEXT, PRIMARY KEY (article_id, position))""",
        f"""CREATE TABLE events (article_id TEXT NOT NULL, position {t['int']} NOT NULL, {span},
            type TEXT, actor TEXT, date TEXT, data TEXT, PRIMARY KEY (article_id, position))""",
        "CREATE INDEX events_type ON events (type)",
        f"""CREATE TABLE timeline (article_id TEXT NOT NULL, position {t['int']} NOT NULL, {span},
            date TEXT, kind TEXT, data TEXT, PRIMARY KEY (article_id, position))""",
    ]
