"""Tokeniser and sentence splitter: Indonesian news cases, with offsets."""
from __future__ import annotations

import pytest

from warta.nlp import Sentence, Token, sentences, tokenize


def texts(s: str) -> list[str]:
    return [t.text for t in tokenize(s)]


def test_offsets_point_into_text():
    s = "Menurut dr. Budi, harga naik 73,6 persen pada 12/1/2022."
    toks = tokenize(s)
    assert all(isinstance(t, Token) for t in toks)
    for t in toks:
        assert s[t.start:t.end] == t.text
    assert [t.start for t in toks] == sorted(t.start for t in toks)


@pytest.mark.parametrize("abbr", ["dr.", "Dr.", "Prof.", "H.", "Hj.", "Ir.", "Tn.", "Ny.", "No.", "Kec.",
                                  "Kab.", "Jl.", "dll.", "dsb.", "S.H.", "M.Si.", "a.n."])
def test_abbreviations_keep_their_period(abbr):
    s = f"Kata {abbr} Nama lalu pergi."
    assert abbr in texts(s)
    assert len(sentences(s)) == 1


def test_titles_and_degrees_in_a_name():
    s = "Hadir Prof. Dr. Ir. H. Ahmad Sulaiman, S.H., M.Si. di Jl. Merdeka No. 7, Kec. Tebet."
    toks = texts(s)
    for t in ("Prof.", "Dr.", "Ir.", "H.", "S.H.", "M.Si.", "Jl.", "No.", "Kec."):
        assert t in toks
    assert toks[-1] == "."
    assert len(sentences(s)) == 1


def test_initials_do_not_end_a_sentence():
    s = "B. J. Habibie lahir di Parepare. Ia presiden ketiga."
    assert texts(s)[:3] == ["B.", "J.", "Habibie"]
    assert [s[x.start:x.end] for x in sentences(s)] == ["B. J. Habibie lahir di Parepare.", "Ia presiden ketiga."]


@pytest.mark.parametrize("number", ["2.030", "73,6", "1.250.000", "13.50", "12/1/2022", "2022-01-12", "13:50"])
def test_numbers_dates_times_are_one_token(number):
    s = f"Tercatat {number} kemarin."
    assert texts(s) == ["Tercatat", number, "kemarin", "."]


def test_money():
    assert texts("Dana Rp 2,5 miliar cair.") == ["Dana", "Rp", "2,5", "miliar", "cair", "."]
    assert texts("Dana Rp2,5 miliar cair.") == ["Dana", "Rp", "2,5", "miliar", "cair", "."]
    assert texts("Harga US$ 70 per barel") == ["Harga", "US$", "70", "per", "barel"]


def test_urls_emails_hashtags_domains():
    s = "Lihat https://www.contoh.co.id/berita/2022/01/12/a.html, tulis ke redaksi@contoh.co.id #Pemilu2024 @warta Liputan6.com, Jakarta"
    toks = texts(s)
    assert "https://www.contoh.co.id/berita/2022/01/12/a.html" in toks
    assert toks[toks.index("https://www.contoh.co.id/berita/2022/01/12/a.html") + 1] == ","
    assert "redaksi@contoh.co.id" in toks
    assert "#Pemilu2024" in toks and "@warta" in toks
    assert "Liputan6.com" in toks


def test_clitics_reduplication_and_glued_words_stay_whole():
    toks = texts("Ujarnya kepadanya, tanda-tanda itu menewaskandua orang di Jum'at.")
    assert toks == ["Ujarnya", "kepadanya", ",", "tanda-tanda", "itu", "menewaskandua", "orang", "di", "Jum'at", "."]


def test_quotes_are_tokens():
    assert texts('"Kami siap," ujarnya.') == ['"', "Kami", "siap", ",", '"', "ujarnya", "."]
    assert texts("“Tidak,” katanya.") == ["“", "Tidak", ",", "”", "katanya", "."]
    assert texts("”Ini benar,” kata dia.") == ["”", "Ini", "benar", ",", "”", "kata", "dia", "."]


def test_sentences_with_quotes_including_scraped_closing_quote_as_opener():
    s = "Ia datang. ”Ini benar,” kata dia. ”Kami siap.” Lalu ia pergi. \"Baik.\" Selesai!"
    got = [s[x.start:x.end] for x in sentences(s)]
    assert got == ["Ia datang.", "”Ini benar,” kata dia.", "”Kami siap.”", "Lalu ia pergi.", '"Baik."', "Selesai!"]


def test_sentence_never_spans_a_blank_line():
    s = "Paragraf satu tanpa titik\n\nParagraf dua. Kalimat tiga?\n \nEmpat"
    got = [s[x.start:x.end] for x in sentences(s)]
    assert got == ["Paragraf satu tanpa titik", "Paragraf dua.", "Kalimat tiga?", "Empat"]
    for x in sentences(s):
        assert isinstance(x, Sentence)
        assert x.tokens[0].start == x.start and x.tokens[-1].end == x.end


def test_line_break_continuation_in_lower_case_is_same_sentence():
    s = "Harga minyak naik\nsetelah pengumuman itu.\nBerikutnya berita lain."
    got = [s[x.start:x.end] for x in sentences(s)]
    assert got == ["Harga minyak naik\nsetelah pengumuman itu.", "Berikutnya berita lain."]


def test_empty_and_whitespace():
    assert tokenize("") == []
    assert sentences("  \n\n ") == []


def test_ellipsis_and_question():
    s = "Benarkah?! Entahlah... Kita lihat nanti."
    got = [s[x.start:x.end] for x in sentences(s)]
    assert got == ["Benarkah?!", "Entahlah...", "Kita lihat nanti."]


def test_outlet_datelines_and_sentences_glued_by_scrapers():
    assert texts("TEMPO.CO, Jakarta - Warga") == ["TEMPO.CO", ",", "Jakarta", "-", "Warga"]
    assert texts("REPUBLIKA.CO.ID, CIREBON -- Warga")[:3] == ["REPUBLIKA.CO.ID", ",", "CIREBON"]
    s = "Organ ini bekerja keras.Kemarin ia sehat."
    assert [s[x.start:x.end] for x in sentences(s)] == ["Organ ini bekerja keras.", "Kemarin ia sehat."]


def test_ordinary_words_before_a_full_stop_end_the_sentence():
    s = "Ia tinggal di kota. Ibu pergi bersama ibu. Jaraknya 5 km. Lalu pulang."
    assert [s[x.start:x.end] for x in sentences(s)] == [
        "Ia tinggal di kota.", "Ibu pergi bersama ibu.", "Jaraknya 5 km.", "Lalu pulang."]
