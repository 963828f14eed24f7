"""The timeline: quotes and dated facts placed at their resolved dates (synthetic article)."""
from __future__ import annotations

import datetime as dt

from warta.records import Analysis, Article, Image, Quote, Speaker
from warta.timeline import build_timeline, period_start
from warta.timex import find_article_times, parse_reference

BODY = (
    "Gubernur meresmikan jembatan baru pada 3 Maret 2023. "
    "Pekan lalu, warga mulai melintas. "
    "\"Jembatan ini memangkas waktu tempuh,\" kata Ani, Rabu (15/3/2023). "
    "\"Kami senang sekali,\" ujar Budi. "
    "Proyek itu dibangun selama dua tahun."
)


def _analysis(images=None) -> Analysis:
    article = Article(id="x", source="synthetic", body=BODY, published="2023-03-15T10:00:00+07:00",
                      images=images or [])
    times = find_article_times(article, parse_reference(article.published))
    quotes = []
    for speaker, opening in (("Ani", "Jembatan ini"), ("Budi", "Kami senang")):
        start = BODY.index(opening)
        end = BODY.index(",\"", start)
        quotes.append(Quote(text=BODY[start:end], start=start, end=end, kind="direct", speaker=Speaker(name=speaker)))
    return Analysis(article=article, times=times, quotes=quotes)


def test_facts_and_quotes_sorted_by_date():
    timeline = build_timeline(_analysis())
    assert [(e["date"], e["kind"]) for e in timeline] == [
        ("2023-03-03", "fact"),
        ("2023-W10", "fact"),      # the week of 6 March sorts after 3 March
        ("2023-03-15", "quote"),
        ("2023-03-15", "quote"),
    ]


def test_quote_takes_the_date_of_its_sentence_else_the_publication_date():
    quotes = [e for e in build_timeline(_analysis()) if e["kind"] == "quote"]
    assert [(e["quote_index"], e["dated_by"]) for e in quotes] == [(0, "text"), (1, "published")]


def test_entries_point_into_the_body():
    for entry in build_timeline(_analysis()):
        assert BODY[entry["start"]:entry["end"]] == entry["text"]


def test_sentences_without_calendar_dates_are_left_out():
    texts = [e["text"] for e in build_timeline(_analysis())]
    assert not any("dua tahun" in t for t in texts)  # a duration is not a date


def test_caption_facts_carry_their_field():
    caption = "Warga berfoto di jembatan, Minggu, 12 Maret 2023."
    timeline = build_timeline(_analysis([Image(caption=caption)]))
    entry = next(e for e in timeline if e.get("field"))
    assert (entry["date"], entry["field"]) == ("2023-03-12", "images[0].caption")
    assert caption[entry["start"]:entry["end"]] == entry["text"]


def test_period_start():
    assert period_start("2022-W01") == dt.date(2022, 1, 3)
    assert period_start("2014-Q3") == dt.date(2014, 7, 1)
    assert period_start("2015-H2") == dt.date(2015, 7, 1)
    assert period_start("2014-12-30T06:14") == dt.date(2014, 12, 30)
    assert period_start("2014") == dt.date(2014, 1, 1)
    assert period_start("PRESENT_REF") is None
    assert period_start("XXXX-XX-XX") is None


def test_period_start_tells_winter_from_a_week():
    from warta.timeline import period_start

    assert period_start("2025-WI").month == 12
    assert period_start("2025-W02").isocalendar()[1] == 2
