"""Glued words: sub-word spans for words the crawler ran together, nothing for real words."""
from __future__ import annotations

import pytest

from warta.glue import is_known, pieces, split_glued


@pytest.mark.parametrize("word, expected", [
    ("menahanlima", ["menahan", "lima"]),
    ("mendukungpenertiban", ["mendukung", "penertiban"]),
    ("menewaskantiga", ["menewaskan", "tiga"]),
    ("Wulandarimengaku", ["Wulandari", "mengaku"]),
    ("Hartonodalam", ["Hartono", "dalam"]),
    ("Kurniawanyang", ["Kurniawan", "yang"]),
    ("Bawasluterkait", ["Bawaslu", "terkait"]),
    ("KPUterkait", ["KPU", "terkait"]),
    ("bersamaTim", ["bersama", "Tim"]),
    ("SuryamenyatakanMalaysiamenolak", ["Surya", "menyatakan", "Malaysia", "menolak"]),
])
def test_glued_words_split_into_known_words(word, expected):
    assert pieces(word) == expected
    spans = split_glued(word)
    assert [word[s:e] for s, e in spans] == expected
    assert spans[0][0] == 0 and spans[-1][1] == len(word)


@pytest.mark.parametrize("word", [
    # known words, affixed forms and compounds stay whole
    "menandatangani", "kesepahaman", "antikorupsi", "ketergantungan", "sebaliknya", "pemerintah", "ditahan",
    # names: a tail that is no function word nor verb form does not cut them
    "Setiadi", "Kendari", "Ramadan", "Sukabumi", "Pekanbaru", "Mussolini",
    # a name's own capitals, short words, digits
    "YouTube", "McDonald", "iPhone", "dan", "COVID19",
])
def test_real_words_and_names_are_read_whole(word):
    assert split_glued(word) is None
    assert pieces(word) == [word]


def test_known_words_come_from_the_root_dictionary_through_morphology():
    assert is_known("tangkap") and is_known("ditangkap") and is_known("penangkapan")
    assert is_known("yang")
    assert not is_known("menahanlima")


def test_a_name_is_cut_at_the_function_word_before_a_shorter_verb_reading():
    # "Setiadi" + "dalam", not "Setia" + "didalam"; "Dhani" + "memberikan", not "Dhanimem" + "berikan"
    assert pieces("Prasetiadidalam") == ["Prasetiadi", "dalam"]
    assert pieces("Rahmanimemberikan") == ["Rahmani", "memberikan"]


def test_the_tagger_reads_glued_words_as_their_pieces_and_keeps_the_tokens():
    from warta.nlp import process

    text = "Menteri Luar Negeri Sugiono menyatakan Indonesia siap membantu.\n" \
           "Duta Besar Rusia untuk IndonesiaSergei Tolchenovmengatakan kedua negara sepakat bekerja sama."
    doc = process(text)
    spans = {(e.text, e.label) for e in doc.entities}
    assert ("Sergei Tolchenov", "PER") in spans
    for e in doc.entities:
        assert text[e.start:e.end] == e.text
    # the tokens stay as written: the glued word is one token
    assert "Tolchenovmengatakan" in [t.text for t in doc.tokens]


def test_a_name_is_cut_before_a_glued_auxiliary_or_negation():
    # every capitalised word of the shared CSV ending in one of these tails is a glue error
    assert pieces("Irankembali") == ["Iran", "kembali"]
    assert pieces("Khameneitelah") == ["Khamenei", "telah"]
    assert pieces("Santosotidak") == ["Santoso", "tidak"]
    assert pieces("Sukabumi") == ["Sukabumi"]


def test_capitals_are_glue_when_a_later_piece_is_glued_to_a_word():
    assert pieces("DonaldTrumpuntuk") == ["Donald", "Trump", "untuk"]
    assert pieces("LionelMessikepada") == ["Lionel", "Messi", "kepada"]
    assert pieces("DeepSeek") == ["DeepSeek"]


def test_a_short_function_word_is_cut_only_after_a_known_place():
    assert pieces("Israeldan") == ["Israel", "dan"]
    assert pieces("Moskowdan") == ["Moskow", "dan"]
    assert pieces("Sudan") == ["Sudan"] and pieces("Ramadan") == ["Ramadan"]


def test_an_acronym_glued_to_a_capitalised_name_is_cut_but_not_before_a_known_word():
    assert pieces("PresidenASDonald") == ["Presiden", "AS", "Donald"]
    assert pieces("DPRRudianto") == ["DPR", "Rudianto"]
    assert pieces("KPKterkait") == ["KPK", "terkait"]
    assert pieces("YouTube") == ["YouTube"] and pieces("McDonald") == ["McDonald"]


def test_a_name_is_cut_before_a_glued_resmi():
    assert pieces("Marwotoresmi") == ["Marwoto", "resmi"]


def test_two_roots_are_a_compound_only_when_the_second_is_no_function_word():
    assert pieces("Kananmasih") == ["Kanan", "masih"]            # "Polres Way Kanan" + "masih"
    assert pieces("kananmasih") == ["kanan", "masih"]
    assert pieces("tandatangan") == ["tandatangan"] and pieces("Memperdalam") == ["Memperdalam"]


def test_a_name_is_cut_before_a_glued_terus():
    assert pieces("Iranterus") == ["Iran", "terus"] and pieces("Jemberterus") == ["Jember", "terus"]
    assert pieces("Petrus") == ["Petrus"]
