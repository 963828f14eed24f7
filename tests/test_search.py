"""Search text analysis: stems, stop words, query syntax, both backends' expressions, snippets."""
from __future__ import annotations

from warta.search import index_text, parse_query, snippet, terms, to_fts5, to_tsquery


def test_terms_are_stems_without_stop_words():
    assert terms("Pemerintahan yang baru dan kebijakan perekonomian") == ["perintah", "bijak", "ekonomi"]
    assert terms("Kebakaran di pasar") == terms("terbakar pasar")


def test_numbers_and_short_words_are_kept_as_written():
    assert terms("Rp 90.000 per kg") == ["rp", "90", "000", "kg"]
    assert index_text(None) == ""


def test_query_words_are_anded_phrases_ordered_or_alternatives_and_exclusions():
    q = parse_query('harga "operasi pasar" banjir OR kebakaran -cabai')
    assert to_fts5(q) == '(("harga") AND ("operasi pasar") AND ("banjir" OR "bakar")) NOT "cabai"'
    assert to_tsquery(q) == "('harga') & (('operasi' <-> 'pasar')) & ('banjir' | 'bakar') & !'cabai'"


def test_prefix_queries_are_stemmed_like_the_index():
    q = parse_query("kecamat*")
    assert to_fts5(q) == '("camat"*)' and to_tsquery(q) == "('camat':*)"


def test_stop_words_alone_give_an_empty_query():
    assert parse_query("yang dan di").empty
    assert parse_query("").empty


def test_query_text_cannot_inject_match_syntax():
    q = parse_query('pasar" OR NEAR(a b) ;DROP')
    assert all(ch.isalnum() or ch in ' "()*' for ch in to_fts5(q).replace(" AND ", " ").replace(" OR ", " "))


def test_snippet_marks_every_form_of_the_query_words_and_escapes_html():
    body = ("Awal berita yang panjang. " * 20 + "Petugas pemadam kebakaran tiba saat kios <b>terbakar</b>. "
            + "Akhir berita. " * 20)
    text = snippet(body, parse_query("kebakaran"))
    assert "<mark>kebakaran</mark>" in text and "<mark>terbakar</mark>" in text
    assert "&lt;b&gt;" in text and text.startswith("… ") and text.endswith(" …")


def test_snippet_of_a_short_body_is_the_body():
    assert snippet("Harga cabai naik.", parse_query("cabai")) == "Harga <mark>cabai</mark> naik."
