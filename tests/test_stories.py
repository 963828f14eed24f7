"""Near-duplicates and story clustering on synthetic articles; the gold on the shared day (slow)."""
from __future__ import annotations

import json

import pytest

from conftest import FIXTURES
from warta.search import index_text
from warta.stories import Doc, cluster, near_duplicates, signature

BODY = ("Banjir setinggi satu meter merendam tiga kecamatan di Bekasi setelah hujan deras sejak Selasa malam. "
        "Ribuan warga mengungsi ke balai desa dan masjid terdekat. Badan Penanggulangan Bencana Daerah "
        "mengerahkan perahu karet untuk mengevakuasi warga lanjut usia dan anak-anak.")


def doc(id_, title, body, published="2025-06-18T03:00:00Z", outlet="Kompas"):
    terms = index_text(body)
    return Doc(id_, published, outlet, title, index_text(title).split(), terms.split(),
               __import__("numpy").frombuffer(signature(terms), dtype="<u4"))


def test_signature_is_deterministic_and_none_for_tiny_texts():
    assert signature(index_text(BODY)) == signature(index_text(BODY))
    assert signature("satu dua") is None


def test_a_wire_copy_with_a_changed_sentence_is_a_near_duplicate():
    copy = BODY.replace("perahu karet", "dua perahu karet")
    docs = [doc("a", "Banjir Bekasi", BODY, "2025-06-18T03:00:00Z"),
            doc("b", "Banjir di Bekasi", copy, "2025-06-18T04:00:00Z"),
            doc("c", "Harga Cabai", "Harga cabai rawit di pasar induk naik menjadi sembilan puluh ribu rupiah "
                "per kilogram karena pasokan dari Jawa Tengah berkurang akibat hujan.")]
    assert near_duplicates(docs) == {"b": "a"}


def test_reports_of_one_happening_cluster_and_a_daily_series_does_not():
    flood_2 = ("Ribuan warga Bekasi mengungsi setelah banjir setinggi satu meter merendam tiga kecamatan. "
               "Perahu karet dikerahkan untuk mengevakuasi warga lanjut usia.")
    market_17 = ("Indeks harga saham gabungan ditutup menguat 0,5 persen ke level 7.150 sore ini, didorong "
                 "pembelian investor asing pada saham perbankan besar.")
    market_18 = ("Indeks harga saham gabungan ditutup melemah ke level 7.107 setelah Bank Indonesia menahan suku "
                 "bunga acuan; saham tambang dan energi memimpin penurunan.")
    fillers = [doc(f"f{i}", f"Kabar {i}", f"Kabar lain tentang topik nomor {i} yang berbeda sama sekali "
                   f"dengan kata unik{i} dan istilah khusus{i} lainnya.") for i in range(30)]
    docs = [doc("a", "Banjir Rendam Tiga Kecamatan di Bekasi", BODY),
            doc("b", "Ribuan Warga Bekasi Mengungsi karena Banjir", flood_2, outlet="Detik"),
            doc("x", "IHSG Hari Ini 17 Juni 2025 Ditutup Melemah", market_17),
            doc("y", "IHSG Hari Ini 18 Juni 2025 Ditutup Melemah", market_18)] + fillers
    groups = [sorted(docs[i].id for i in g) for g in cluster(docs) if len(g) > 1]
    assert ["a", "b"] in groups
    assert not any({"x", "y"} <= set(g) for g in groups)


def test_verdicts_of_two_defendants_in_one_affair_are_two_stories():
    from collections import Counter

    def verdict(id_, person, other, years, outlet):
        body = (f"Majelis hakim Pengadilan Tipikor Jakarta menjatuhkan vonis {years} tahun penjara kepada "
                f"{person} dalam perkara suap hakim Pengadilan Negeri Surabaya. {person} dinyatakan terbukti "
                f"memberikan suap agar putusan bebas dijatuhkan. {person} menyatakan menerima putusan itu. "
                f"Jaksa penuntut umum menyatakan pikir-pikir atas vonis tersebut.")
        d = doc(id_, f"Vonis Suap Hakim Surabaya, {person} Dihukum Penjara", body, outlet=outlet)
        d.entities = Counter({f"PER:{person.lower()}": 3, f"PER:{other}": 1} if other else
                             {f"PER:{person.lower()}": 3})
        return d

    fillers = [doc(f"f{i}", f"Kabar {i}", f"Kabar lain tentang topik nomor {i} yang berbeda sama sekali "
                   f"dengan kata unik{i} dan istilah khusus{i} lainnya.") for i in range(30)]
    # a and b: the same verdict (b names the defendant through another official's quote);
    # c: the verdict of another defendant of the same affair, told in the same words.
    docs = [verdict("a", "Meirizka Widjaja", None, 3, "Kompas"),
            verdict("b", "Meirizka Widjaja", "heru hanindyo", 3, "Detik"),
            verdict("c", "Lisa Rachmat", None, 3, "Tempo")] + fillers
    groups = [sorted(docs[i].id for i in g) for g in cluster(docs) if len(g) > 1]
    assert ["a", "b"] in groups
    assert not any("c" in g for g in groups)
    assert docs[0].main_person == frozenset({"meirizka", "widjaja"})


def test_a_different_main_person_given_a_real_part_in_the_other_article_is_no_penalty():
    from collections import Counter

    from warta.stories import main_people_differ

    a, b = doc("a", "Vonis A", BODY), doc("b", "Vonis B", BODY)
    a.entities = Counter({"PER:meirizka widjaja": 4, "PER:lisa rachmat": 1})
    b.entities = Counter({"PER:lisa rachmat": 5, "PER:meirizka": 1})
    assert main_people_differ(a, b)          # each names the other's lead person once, in passing
    b.entities["PER:meirizka"] = 2
    b.__dict__.pop("main_person", None)
    assert not main_people_differ(a, b)      # b gives a's lead person a real part
    a.entities = Counter({"PER:meirizka widjaja": 2})
    a.__dict__.pop("main_person", None)
    assert a.main_person is None and not main_people_differ(a, b)   # named twice: nobody leads


def test_articles_days_apart_are_not_one_story():
    docs = [doc("a", "Banjir Bekasi", BODY, "2025-06-01T03:00:00Z"),
            doc("b", "Banjir Bekasi", BODY, "2025-06-18T03:00:00Z")] + [
        doc(f"f{i}", f"Lain {i}", f"Kata unik{i} lain{i} sekali{i} berbeda{i} tema{i}.") for i in range(20)]
    assert all(len(g) == 1 for g in cluster(docs))


def test_the_gold_is_urls_and_labels_only():
    gold = json.loads((FIXTURES / "stories" / "gold-2025-06-18.json").read_text())
    assert len(gold["stories"]) >= 15 and all(len(urls) >= 2 for urls in gold["stories"].values())
    assert len(gold["different"]) >= 30
    urls = [u for urls in gold["stories"].values() for u in urls]
    assert len(urls) == len(set(urls)) and all(u.startswith("https://") for u in urls)


@pytest.mark.shared
@pytest.mark.slow
def test_story_gold_on_the_shared_day(tmp_path):
    """Pairwise precision/recall floors (ingest without analysis: the text carries the clustering)."""
    import sys

    from conftest import ROOT, shared_path
    from warta.store import open_store
    from warta.store.ingest import ingest

    sys.path.insert(0, str(ROOT / "bench"))
    from stories import FLOORS, score

    source = shared_path("data", "news", "raw-2025-06-18.csv")
    columns = dict(url="url", title="judul", authors="author", published="tanggal_publikasi", body="isi_berita",
                   outlet="sumber")
    with open_store(str(tmp_path / "day.db")) as store:
        ingest(store, [str(source)], columns=columns, analyse=False, workers=2)
        story_of = {r["url"]: r["story_id"] for r in store.rows("SELECT url, story_id FROM articles")}
    result = score(story_of, json.loads((FIXTURES / "stories" / "gold-2025-06-18.json").read_text()))
    assert result["precision"] >= FLOORS["precision"] and result["recall"] >= FLOORS["recall"], result
