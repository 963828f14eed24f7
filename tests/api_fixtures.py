"""A real SQLite store for the API and UI tests.

``build_db(path)`` runs ``warta ingest`` on the bundled example pages and the
synthetic pages in ``tests/fixtures/api`` (one has ``<script>`` in its title
and raw HTML in its body), then stores three analysed articles written for
these tests (two outlets reporting one earthquake, and a follow-up) through
the store's own writer, so entities, quotes, numbers, times and events are
there whatever the state of the NER model, and clusters stories.
"""
from __future__ import annotations

from pathlib import Path

from warta.records import (Actor, Analysis, Article, Author, Entity, Event, Mention, Quantity, Quote, Speaker,
                           TimeExpression)

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "examples" / "pages", ROOT / "tests" / "fixtures" / "api"]
SCRIPT_TITLE = 'Warga Protes <script>alert("xss")</script> di Balai Kota Depok'

QUAKE_BODY = (
    "Gempa bermagnitudo 5,6 mengguncang Kabupaten Cianjur, Jawa Barat, pada Kamis (10/4/2025) pukul 07.42 WIB. "
    "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) mencatat pusat gempa berada 12 kilometer di barat daya "
    "Cianjur pada kedalaman 10 kilometer.\n\n"
    "\"Gempa ini tidak berpotensi tsunami, tetapi warga diminta menjauhi bangunan yang retak,\" kata Kepala BMKG "
    "Dwikorita Karnawati di Jakarta.\n\n"
    "Badan Nasional Penanggulangan Bencana (BNPB) melaporkan sedikitnya 120 rumah rusak. BMKG mendesak pemerintah "
    "daerah memeriksa sekolah sebelum kegiatan belajar dimulai lagi.")
QUAKE_BODY_2 = QUAKE_BODY.replace("Gempa bermagnitudo 5,6 mengguncang", "Gempa berkekuatan 5,6 mengguncang")
FOLLOW_BODY = (
    "Dua hari setelah gempa, Badan Nasional Penanggulangan Bencana (BNPB) menyalurkan 500 paket bantuan ke "
    "Cianjur pada Sabtu (12/4/2025).\n\n"
    "\"Distribusi kami percepat karena banyak warga masih tidur di tenda,\" kata Dwikorita Karnawati saat "
    "meninjau posko di Jakarta.\n\n"
    "BNPB membantu warga Cianjur membangun kembali 120 rumah yang rusak.")

PLACES = {"Cianjur": ("ID", -6.8222, 107.1394, "regency"), "Jakarta": ("ID", -6.2146, 106.8451, "city")}


def _span(body: str, text: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return start, start + len(text)


def _entity(body: str, eid: str, name: str, type_: str, texts: list[str]) -> Entity:
    mentions = []
    for text in texts:
        nth = sum(1 for m in mentions if m.text == text)
        start, end = _span(body, text, nth)
        mentions.append(Mention(text, start, end))
    country, lat, lon, kind = PLACES.get(name, (None, None, None, None))
    return Entity(eid, name, type_, mentions, country=country, lat=lat, lon=lon, kind=kind)


def _event(body: str, type_: str, trigger: str, actor: str, target: str, sentence_end: str,
           confidence: float = 0.6) -> Event:
    t0, t1 = _span(body, trigger)
    s0 = body.rfind(". ", 0, t0) + 2 if body.rfind(". ", 0, t0) >= 0 else 0
    s1 = _span(body, sentence_end)[1]
    return Event(type=type_, mode=None, cameo=None, goldstein=None, quad_class=None,
                 actor=Actor(actor, country="ID", sector="GOV"), target=Actor(target, country="ID", sector="GOV"),
                 trigger=Mention(trigger, t0, t1), sentence=Mention(body[s0:s1], s0, s1), date="2025-04-10",
                 confidence=confidence)


def quake_analysis(article_id: str, outlet: str, published: str, title: str, body: str) -> Analysis:
    art = Article(id=article_id, source=f"synthetic:{article_id}", url=f"https://{outlet.lower()}.example/{article_id}",
                  outlet=outlet, title=title, published=published, authors=[Author("Rina Kartika", "reporter")],
                  body=body)
    q0, q1 = _span(body, "\"Gempa ini tidak berpotensi tsunami, tetapi warga diminta menjauhi bangunan yang retak,\"")
    return Analysis(
        article=art,
        entities=[
            _entity(body, "e1", "Cianjur", "LOC", ["Cianjur", "Cianjur"]),
            _entity(body, "e2", "BMKG", "ORG", ["Badan Meteorologi, Klimatologi, dan Geofisika", "BMKG", "BMKG"]),
            _entity(body, "e3", "Dwikorita Karnawati", "PER", ["Dwikorita Karnawati"]),
            _entity(body, "e4", "Jakarta", "LOC", ["Jakarta"]),
            _entity(body, "e5", "BNPB", "ORG", ["Badan Nasional Penanggulangan Bencana"]),
        ],
        quotes=[Quote(body[q0:q1], q0, q1, "direct", "kata", Speaker("Dwikorita Karnawati", "e3", "Kepala BMKG"))],
        quantities=[Quantity("5,6", *_span(body, "5,6"), 5.6, "magnitudo"),
                    Quantity("sedikitnya 120 rumah", *_span(body, "sedikitnya 120 rumah"), 120.0, "rumah",
                             "at-least")],
        times=[TimeExpression("Kamis (10/4/2025) pukul 07.42 WIB", *_span(body, "Kamis (10/4/2025) pukul 07.42 WIB"),
                              "TIME", "2025-04-10T07:42")],
        events=[_event(body, "DEMAND", "mendesak", "BMKG", "pemerintah daerah", "dimulai lagi.")],
    )


def follow_up() -> Analysis:
    body = FOLLOW_BODY
    art = Article(id="synthetic-bnpb-bantuan", source="synthetic:bnpb", url="https://tempo.example/bnpb-bantuan",
                  outlet="Tempo", title="BNPB Salurkan 500 Paket Bantuan untuk Korban Gempa Cianjur",
                  published="2025-04-12T16:00:00+07:00", body=body)
    q0, q1 = _span(body, "\"Distribusi kami percepat karena banyak warga masih tidur di tenda,\"")
    return Analysis(
        article=art,
        entities=[_entity(body, "e1", "BNPB", "ORG", ["Badan Nasional Penanggulangan Bencana", "BNPB"]),
                  _entity(body, "e2", "Cianjur", "LOC", ["Cianjur", "Cianjur"]),
                  _entity(body, "e3", "Dwikorita Karnawati", "PER", ["Dwikorita Karnawati"]),
                  _entity(body, "e4", "Jakarta", "LOC", ["Jakarta"])],
        quotes=[Quote(body[q0:q1], q0, q1, "direct", "kata", Speaker("Dwikorita Karnawati", "e3"))],
        quantities=[Quantity("500 paket", *_span(body, "500 paket"), 500.0, "paket")],
        times=[TimeExpression("Sabtu (12/4/2025)", *_span(body, "Sabtu (12/4/2025)"), "DATE", "2025-04-12")],
        events=[_event(body, "AID", "menyalurkan", "BNPB", "warga Cianjur", "(12/4/2025).", confidence=0.9)],
    )


def analyses() -> list[Analysis]:
    return [
        quake_analysis("synthetic-gempa-kompas", "Kompas", "2025-04-10T08:30:00+07:00",
                       "Gempa Magnitudo 5,6 Guncang Cianjur, Warga Diminta Menjauhi Bangunan Retak", QUAKE_BODY),
        quake_analysis("synthetic-gempa-detik", "Detik", "2025-04-10T09:05:00+07:00",
                       "Gempa 5,6 Guncang Cianjur, BMKG: Tidak Berpotensi Tsunami", QUAKE_BODY_2),
        follow_up(),
    ]


def _rows(analysis: Analysis) -> dict:
    """Store rows for an analysis (events as the store's row builder accepts them)."""
    from warta.store.rows import article_rows

    try:
        return article_rows(analysis)
    except AttributeError:  # a row builder that reads events as plain dicts
        events = analysis.events
        analysis.events = [dict(e.to_dict(), text=e.trigger.text, start=e.trigger.start, end=e.trigger.end,
                                actor=e.actor.name if e.actor else None) for e in events]
        try:
            return article_rows(analysis)
        finally:
            analysis.events = events


def ingest_pages(db: Path) -> None:
    """``warta ingest`` (the command itself) on the bundled and synthetic pages."""
    import typer
    from typer.testing import CliRunner

    from warta.commands import store as store_cmd

    app = typer.Typer()
    store_cmd.register(app)
    app.command("noop", hidden=True)(lambda: None)  # keep the multi-command form: `ingest` is a sub-command
    result = CliRunner().invoke(app, ["ingest", *map(str, PAGES), "--db", str(db)])
    if result.exit_code != 0:
        raise RuntimeError(f"warta ingest failed: {result.output} {result.exception!r}")


def build_db(db: Path) -> Path:
    from warta.store import open_store
    from warta.store.base import Result
    from warta.stories import update_stories

    ingest_pages(db)
    with open_store(str(db)) as store:
        results = [Result(f"synthetic:{a.article.id}", a.article.id, rows=_rows(a)) for a in analyses()]
        store.write_batch(results, None)
        update_stories(store, full=True)
    return db
