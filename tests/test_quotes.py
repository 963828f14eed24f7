"""Quotes: direct and indirect statements with speakers (synthetic sentences)."""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from warta.quotes import find_quotes
from warta.records import Entity, Mention

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@dataclass
class FakeSentence:
    start: int
    end: int
    tokens: list = field(default_factory=list)


@dataclass
class FakeSpan:
    text: str
    label: str
    start: int
    end: int


@dataclass
class FakeDoc:
    text: str
    sentences: list = field(default_factory=list)
    tokens: list = field(default_factory=list)
    entities: list = field(default_factory=list)


def only(quotes, kind):
    return [q for q in quotes if q.kind == kind]


def span_ok(text, q):
    assert text[q.start:q.end] == q.text


# ------------------------------------------------------------- direct ---

@pytest.mark.parametrize("open_, close", [('"', '"'), ("“", "”"), ("”", "”"), ("''", "''")])
def test_direct_quote_in_every_style(open_, close):
    text = f"Hujan turun sejak pagi. {open_}Kami sudah siap menghadapi banjir,{close} kata Bupati Sukamaju Rina Lestari."
    [q] = only(find_quotes(text), "direct")
    span_ok(text, q)
    assert q.text == "Kami sudah siap menghadapi banjir"
    assert q.cue == "kata"
    assert q.speaker.name == "Rina Lestari"
    assert q.speaker.role == "Bupati Sukamaju"


def test_speaker_after_comma_apposition_and_rank():
    text = "“Pelaku sudah kami amankan,” ujar Kapolres Tanjung Biru, AKBP Dimas Haryanto, Senin (3/2/2025)."
    [q] = find_quotes(text)
    assert q.speaker.name == "Dimas Haryanto"
    assert q.speaker.role.startswith("Kapolres Tanjung Biru")
    assert q.cue == "ujar"


def test_role_with_relative_clause_before_name():
    text = "“Semua orang takut keluar rumah,” kata peneliti lingkungan yang bermukim di Belanda, Sekar Ayu Wulandari."
    [q] = find_quotes(text)
    assert q.speaker.name == "Sekar Ayu Wulandari"
    assert q.speaker.role == "peneliti lingkungan yang bermukim di Belanda"


def test_name_then_role_after_comma():
    text = "“Kami tidak tahu mereka dibawa ke mana,” kata Wulandari, wakil forum warga pesisir yang menolak reklamasi."
    [q] = find_quotes(text)
    assert q.speaker.name == "Wulandari"
    assert q.speaker.role.startswith("wakil forum warga pesisir")


def test_nya_cue_carries_last_person():
    text = ("Ketua kelompok tani Budi Santoso mengatakan, panen tahun ini turun. "
            "“Hujan datang terlambat sehingga banyak benih busuk,” ujarnya.")
    quotes = find_quotes(text)
    direct = only(quotes, "direct")[0]
    assert direct.cue == "ujarnya"
    assert direct.speaker.name == "Budi Santoso"


def test_short_name_takes_the_full_name_and_role_given_earlier():
    text = ("Menteri Pangan Arif Wicaksono mengatakan stok beras cukup sampai April. "
            "“Tidak perlu panik membeli beras,” kata Wicaksono.")
    direct = only(find_quotes(text), "direct")[0]
    assert direct.speaker.name == "Arif Wicaksono"
    assert direct.speaker.role == "Menteri Pangan"


def test_speaker_named_after_quote_with_long_cue():
    text = "“Jalan itu akan diperbaiki bulan depan,” Sutrisno menambahkan."
    [q] = find_quotes(text)
    assert q.speaker.name == "Sutrisno"
    assert q.cue == "menambahkan"


def test_speaker_before_opening_mark():
    text = "Gubernur Laut Selatan Yohana Matulessy mengatakan, “Kapal bantuan berangkat besok pagi.”"
    direct = only(find_quotes(text), "direct")
    assert len(direct) == 1
    assert direct[0].speaker.name == "Yohana Matulessy"
    assert direct[0].text.startswith("Kapal bantuan")


def test_quote_spanning_paragraphs_is_one_quote():
    text = ("“Air sudah masuk ke rumah warga sejak subuh. Kami mengungsikan lansia lebih dulu.\n\n"
            "“Sekarang kami menunggu perahu karet dari kabupaten,” kata Camat Sungai Kecil, Hendra Saputra.")
    direct = only(find_quotes(text), "direct")
    assert len(direct) == 1
    q = direct[0]
    span_ok(text, q)
    assert q.text.startswith("Air sudah masuk") and q.text.endswith("dari kabupaten")
    assert q.speaker.name == "Hendra Saputra"


def test_quote_spanning_sentences():
    text = "”Harga cabai naik dua kali lipat. Pembeli berkurang. Kami rugi,” kata Sumarni, pedagang di Pasar Baru."
    [q] = find_quotes(text)
    assert q.text.count(".") == 2
    assert q.speaker.name == "Sumarni"


def test_scare_quotes_and_titles_are_not_speech():
    text = ("Panitia menggelar diskusi bertajuk “Kota Hijau untuk Semua” di balai desa. "
            "Warga menyebut jalan itu sebagai “jalur maut” karena sering terjadi kecelakaan.")
    assert only(find_quotes(text), "direct") == []


def test_bare_role_resolves_to_named_bearer():
    text = ("Presiden Adi Nugroho meninjau lokasi banjir di Kampung Melayu. "
            "“Bantuan harus sampai hari ini juga,” kata Presiden.")
    direct = only(find_quotes(text), "direct")[0]
    assert direct.speaker.name == "Adi Nugroho"


def test_role_chain_with_places_before_the_name():
    text = ("“Stok obat cukup untuk sebulan,” kata Kepala Puskesmas Melati, Kecamatan Cempaka, "
            "Lina Marlina saat dihubungi, Selasa.")
    [q] = find_quotes(text)
    assert q.speaker.name == "Lina Marlina"
    assert q.speaker.role == "Kepala Puskesmas Melati, Kecamatan Cempaka"


def test_enumerated_office_keeps_commas_inside_the_role():
    text = "“Semua pihak harus menahan diri,” kata Menteri Koordinator Bidang Politik, Hukum, dan Keamanan Damar Wijaya."
    [q] = find_quotes(text)
    assert q.speaker.name == "Damar Wijaya"
    assert q.speaker.role.endswith("Politik, Hukum, dan Keamanan")


def test_description_with_demonstrative_refers_back():
    text = ("Ketua DPRD Kota Kenari Yusuf Halim menghadiri rapat itu. "
            "“Anggaran harus dibahas terbuka,” kata politisi senior partai itu.")
    [q] = only(find_quotes(text), "direct")
    assert q.speaker.name == "Yusuf Halim"


def test_academic_degree_is_not_the_speaker():
    text = "Dokter anak dr. Maya Kartika, Sp.A menjelaskan, demam pada anak perlu dipantau setiap empat jam."
    [q] = find_quotes(text)
    assert q.speaker.name == "Maya Kartika"


def test_lone_name_after_cue_even_if_it_is_a_common_word():
    text = "“Kami sudah mengirim surat panggilan kedua,” kata Agung."
    [q] = find_quotes(text)
    assert q.speaker.name == "Agung"


def test_neighbouring_quote_paragraph_shares_the_speaker():
    text = ("“Jembatan ini ditutup sampai Jumat.”\n"
            "“Kendaraan berat dialihkan lewat jalur selatan,” ujar Kepala Dinas Perhubungan Bayu Prasetyo.")
    quotes = only(find_quotes(text), "direct")
    assert [q.speaker.name for q in quotes] == ["Bayu Prasetyo", "Bayu Prasetyo"]


def test_every_offset_points_into_the_body():
    text = ("Wali Kota Teratai Anton Gunawan mengatakan, pasar darurat dibuka besok. "
            "“Pedagang tidak dipungut biaya,” ujarnya. Menurut Anton, relokasi selesai dalam sepekan.")
    quotes = find_quotes(text)
    assert len(quotes) == 3
    for q in quotes:
        span_ok(text, q)
        assert q.speaker.name == "Anton Gunawan"


# ----------------------------------------------------------- indirect ---

def test_indirect_with_comma_and_bahwa():
    text = ("Kepala Dinas Kesehatan Kota Mawar Tanti Rahayu mengatakan, jumlah pasien demam berdarah turun. "
            "Tanti menegaskan bahwa fogging tetap dilakukan setiap pekan.")
    quotes = only(find_quotes(text), "indirect")
    assert [q.cue for q in quotes] == ["mengatakan", "menegaskan"]
    assert quotes[0].text == "jumlah pasien demam berdarah turun"
    assert quotes[0].speaker.name == "Tanti Rahayu"
    assert quotes[0].speaker.role == "Kepala Dinas Kesehatan Kota Mawar"
    assert quotes[1].text == "fogging tetap dilakukan setiap pekan"
    assert quotes[1].speaker.name == "Tanti Rahayu"
    for q in quotes:
        span_ok(text, q)


def test_indirect_menurut():
    text = "Menurut Sri Wahyuni, harga gabah di tingkat petani sudah mulai stabil."
    [q] = find_quotes(text)
    assert q.kind == "indirect" and q.cue == "Menurut"
    assert q.speaker.name == "Sri Wahyuni"
    assert q.text == "harga gabah di tingkat petani sudah mulai stabil"


def test_indirect_pronoun_subject():
    text = ("Rektor Universitas Pelita Timur Haris Munandar meresmikan gedung baru. "
            "Ia mengatakan gedung itu dipakai untuk riset pangan.")
    [q] = only(find_quotes(text), "indirect")
    assert q.speaker.name == "Haris Munandar"
    assert q.text == "gedung itu dipakai untuk riset pangan"


def test_collective_speaker_allowed():
    text = "Pihak berwenang mengatakan hampir 300 orang dievakuasi dari lereng gunung."
    [q] = find_quotes(text)
    assert q.speaker.name == "Pihak berwenang"


def test_fronted_connective_is_not_part_of_speaker():
    text = "Sementara itu, Komisioner KPU Kota Anggrek Lusi Marlina mengatakan, logistik pemilu tiba Kamis."
    [q] = find_quotes(text)
    assert q.speaker.name == "Lusi Marlina"
    assert q.speaker.role == "Komisioner KPU Kota Anggrek"


def test_negated_or_non_person_subject_is_not_a_quote():
    text = ("Data dinas menyebutkan bahwa 40 rumah rusak. "
            "Camat itu tidak mengatakan bahwa warga harus mengungsi.")
    assert find_quotes(text) == []


# ------------------------------------------------------ linking, NLP ---

def test_speaker_linked_to_entity_canonical_name():
    text = ("Juru bicara Kementerian Luar Negeri Rendra Aditya mengatakan perundingan damai berlanjut pekan depan. "
            "“Kami optimistis,” kata Aditya.")
    start = text.index("Rendra Aditya")
    short = text.rindex("Aditya")
    ent = Entity(id="E1", name="Rendra Aditya", type="PER",
                 mentions=[Mention("Rendra Aditya", start, start + 13), Mention("Aditya", short, short + 6)],
                 role="Juru bicara Kementerian Luar Negeri")
    quotes = find_quotes(text, None, [ent])
    assert all(q.speaker.entity_id == "E1" for q in quotes)
    direct = only(quotes, "direct")[0]
    assert direct.speaker.name == "Rendra Aditya"
    assert direct.speaker.role == "Juru bicara Kementerian Luar Negeri"


def test_ner_person_span_fixes_the_name():
    text = "“Sekolah dibuka lagi Senin,” kata Kepala Dinas Pendidikan Kabupaten Kenanga Lestari Dewi Anggraini."
    start = text.index("Dewi Anggraini")
    doc = FakeDoc(text, [FakeSentence(0, len(text))], [], [FakeSpan("Dewi Anggraini", "PER", start, start + 14)])
    [q] = find_quotes(text, doc, [])
    assert q.speaker.name == "Dewi Anggraini"
    assert q.speaker.role == "Kepala Dinas Pendidikan Kabupaten Kenanga Lestari"


def test_place_read_as_name_gives_way_to_the_person_after_it():
    text = ("Menurut Head of Market Research at PT Sinar Data Utama Wulan Prameswari, investor perlu hati-hati. "
            "Ia lalu bertemu Bupati Cempaka saat meninjau pasar.")
    place = text.index("Market Research")
    person = text.index("Wulan Prameswari")
    ent = Entity(id="E1", name="Market Research", type="LOC", mentions=[Mention("Market Research", place, place + 15)])
    doc = FakeDoc(text, [FakeSentence(0, text.index(" Ia") + 1), FakeSentence(text.index("Ia"), len(text))], [],
                  [FakeSpan("Wulan Prameswari", "PER", person, person + 16)])
    [q] = find_quotes(text, doc, [ent])
    assert q.speaker.name == "Wulan Prameswari"
    assert q.speaker.role.endswith("at PT Sinar Data Utama")


def test_stray_closing_mark_opens_no_quote():
    # the opener was lost upstream; the closing-shaped mark must not start a quote over the narration after it
    text = ("Pesan berantai itu ditutup dengan ajakan daftar sekarang juga.” "
            "Lalu benarkah pesan tersebut? Tim cek fakta menelusuri tautan itu dan menemukan situs palsu "
            "yang meminta data pribadi warga.")
    assert find_quotes(text, None, []) == []


def test_empty_text():
    assert find_quotes("", None, []) == []
    assert find_quotes("Tidak ada kutipan di sini.", None, []) == []


# ------------------------------------------------------------ shared ---

@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "examples/republika-csto/page.txt").exists(), reason="../shared absent")
def test_canonical_page_quotes():
    page = (SHARED / "examples/republika-csto/page.txt").read_text(encoding="utf-8")
    body = page[page.index("Tokayev menyebut"):page.index("sumber : Reuters")].strip()
    quotes = find_quotes(body, None, [])
    by_text = {q.text[:30]: q for q in quotes}
    expect = [
        ("Komite Keamanan Nasional", "Tokayev", "indirect"),
        ("misi CSTO ke Kazakhstan", "Tokayev", "indirect"),
        ("misi utama CSTO", "Tokayev", "indirect"),
        ("Washington menyambut baik", "Ned Price", "indirect"),
        ("(CSTO) harus menjaga", "Ned Price", "direct"),
        ("kemenangan berhasil", "Vladimir Putin", "indirect"),
        ("sebagian besar wilayah", "Pihak berwenang", "indirect"),
        ("Saat ini negara itu", "Botagoz Issayeva", "direct"),
        ("Kami bahkan tidak tahu", "Botagoz Issayeva", "direct"),
        ("sekitar 50 aktivis", "Botagoz Issayeva", "indirect"),
    ]
    hits = 0
    for prefix, speaker, kind in expect:
        q = next((q for t, q in by_text.items() if t.startswith(prefix[:20])), None)
        if q is not None and q.kind == kind and q.speaker and speaker in q.speaker.name:
            hits += 1
    assert hits >= 9
    price = next(q for q in quotes if q.text.startswith("(CSTO)"))
    assert price.speaker.role.startswith("Juru bicara Departemen Luar Negeri")


def test_nya_goes_to_the_speaker_not_to_a_later_name_in_object_position():
    text = ("Menurut Sutrisno, kapal Bahari Express berlayar dua kali seminggu, sementara Ekajaya tiga kali. "
            "”Penumpang mulai ramai lagi,” katanya.")
    spans = [FakeSpan(name, "PER", text.index(name), text.index(name) + len(name)) for name in ("Sutrisno", "Ekajaya")]
    end = text.index("”")
    doc = FakeDoc(text, [FakeSentence(0, end), FakeSentence(end, len(text))], [], spans)
    [q] = only(find_quotes(text, doc, []), "direct")
    assert q.speaker.name == "Sutrisno"


def test_nya_goes_to_the_subject_who_spoke_before_a_quote():
    text = ("Rahmat Hidayat, kuasa hukum Budi Santoso, menyatakan pihaknya menghormati keputusan hakim terhadap Budi. "
            "”Kami terima,” ujarnya.")
    spans = [FakeSpan("Rahmat Hidayat", "PER", 0, 14)] + [
        FakeSpan("Budi Santoso", "PER", text.index("Budi Santoso"), text.index("Budi Santoso") + 12),
        FakeSpan("Budi", "PER", text.rindex("Budi"), text.rindex("Budi") + 4)]
    end = text.index("”")
    doc = FakeDoc(text, [FakeSentence(0, end), FakeSentence(end, len(text))], [], spans)
    direct = only(find_quotes(text, doc, []), "direct")
    assert direct[0].speaker.name == "Rahmat Hidayat"


def test_description_with_demonstrative_goes_to_the_subject_before():
    text = ("Ketua DPRD Sukamaju Bagas Pratama meminta warga merayakan Lebaran di rumah. "
            "”Bersilaturahmi bisa lewat telepon,” kata politisi senior Partai Kenanga ini.")
    [q] = only(find_quotes(text), "direct")
    assert q.speaker.name == "Bagas Pratama"
    assert q.speaker.role == "politisi senior Partai Kenanga"


def test_role_then_places_or_institution_then_name():
    text = ("”Belum ada kabar dari kabupaten,” kata Kepala Dusun Kemuning, Kelurahan Sidomulyo, "
            "Kecamatan Sukamaju, Wahyu Pratomo di Kabupaten Kenanga, Jumat (10/4/2020).")
    [q] = only(find_quotes(text), "direct")
    assert q.speaker.name == "Wahyu Pratomo"
    assert q.speaker.role.startswith("Kepala Dusun Kemuning")
    text = "”Pasien sudah pulang,” kata Kepala Bagian Humas, Rumah Sakit Umum Pusat Dr Kartono, Banu Harjanto, kemarin."
    [q] = only(find_quotes(text), "direct")
    assert q.speaker.name == "Banu Harjanto"


def test_an_unnamed_speaker_ends_at_the_speech_verb():
    text = "Otoritas Chile mengatakan telah menyampaikan kepada Lima, bahwa mereka akan merespons dengan tegas."
    [q] = only(find_quotes(text), "indirect")
    assert q.speaker.name == "Otoritas Chile"


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "examples/republika-csto/page.txt").exists(), reason="../shared absent")
def test_canonical_page_quotes_through_the_pipeline():
    """expected.md §3 with the NER model and entities in the loop (speakers linked to entities)."""
    pytest.importorskip("warta.nlp")
    from warta.parse import parse_capture
    from warta.pipeline import analyze
    from warta.records import Capture

    page = (SHARED / "examples/republika-csto/page.txt").read_text(encoding="utf-8")
    article = parse_capture(Capture(source="page.txt", format="text", text=page))
    analysis = analyze(article, ["nlp", "entities", "quotes"])
    assert not [w for w in article.warnings if "component-failed" in w], article.warnings
    expect = [
        ("Komite Keamanan Nasional", "Tokayev"), ("misi CSTO ke Kazakhstan", "Tokayev"),
        ("misi utama CSTO", "Tokayev"), ("Washington menyambut baik", "Ned Price"),
        ("(CSTO) harus menjaga", "Ned Price"), ("kemenangan berhasil", "Vladimir Putin"),
        ("sebagian besar wilayah", "Pihak berwenang"), ("Saat ini negara itu", "Botagoz Issayeva"),
        ("Kami bahkan tidak tahu", "Botagoz Issayeva"), ("sekitar 50 aktivis", "Botagoz Issayeva")]
    hits = [prefix for prefix, speaker in expect
            if any(q.text.startswith(prefix) and q.speaker and speaker in q.speaker.name for q in analysis.quotes)]
    assert len(hits) >= 9, hits
    price = next(q for q in analysis.quotes if q.text.startswith("(CSTO)"))
    assert price.speaker.role.startswith("Juru bicara Departemen Luar Negeri")
    people = {e.id: e.name for e in analysis.entities if e.type == "PER"}
    assert people.get(price.speaker.entity_id) == "Ned Price"


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "data/quotes/pfsa-id/dev-20.txt").exists(), reason="../shared absent")
def test_pfsa_dev_floors():
    """PFSA-ID dev through bench/quotes.py: statement F1, and speaker accuracy under both gold rules."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import quotes as bench_quotes

    m = bench_quotes.score(SHARED / "data/quotes/pfsa-id/dev-20.txt", {"direct"})
    assert m["stmt_f1"] >= 0.91
    assert m["speaker_acc_official"] >= 0.84
    assert m["speaker_acc_name_resolved"] >= 0.91
