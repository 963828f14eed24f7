"""The UPOS tagger (warta.nlp.pos) and the NER CRF's optional POS features."""
from __future__ import annotations

import json
from pathlib import Path

import pycrfsuite
import pytest

from warta.nlp.features import Featurizer, Resources, pos_context
from warta.nlp.ner import NerModel
from warta.nlp.pos import POS_FILE, UD_FILES, PosTagger, accuracy, pos_features, read_ud, train_pos

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"

# original synthetic sentences with their UPOS tags
SENTENCES = [
    ("Bupati Sumarno meresmikan pasar baru di Wonogiri .",
     "NOUN PROPN VERB NOUN ADJ ADP PROPN PUNCT"),
    ("Warga Sleman membeli beras di pasar itu .",
     "NOUN PROPN VERB NOUN ADP NOUN DET PUNCT"),
    ("Menteri Hartono mengunjungi Pelabuhan Tanjung Emas kemarin .",
     "NOUN PROPN VERB PROPN PROPN PROPN ADV PUNCT"),
    ("Harga cabai naik tiga persen pekan ini .",
     "NOUN NOUN VERB NUM NOUN NOUN DET PUNCT"),
    ("Petani di Klaten menjual gabah kepada Bulog .",
     "NOUN ADP PROPN VERB NOUN ADP PROPN PUNCT"),
]
TRAIN = [(w.split(), t.split()) for w, t in SENTENCES]

CONLLU = """# sent_id = x-1
# text = Rumahnya di Bantul.
1-2\tRumahnya\t_\t_\t_\t_\t_\t_\t_\t_
1\tRumah\trumah\tNOUN\t_\t_\t0\troot\t_\t_
2\tnya\tnya\tPRON\t_\t_\t1\tnmod\t_\t_
3\tdi\tdi\tADP\t_\t_\t4\tcase\t_\t_
4\tBantul\tBantul\tPROPN\t_\t_\t1\tnmod\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_

# sent_id = x-2
1-2\tkubeli\t_\t_\t_\t_\t_\t_\t_\t_
1\tku\taku\tPRON\t_\t_\t2\tnsubj\t_\t_
2\tbeli\tbeli\tVERB\t_\t_\t0\troot\t_\t_
"""


@pytest.fixture(scope="module")
def pos_model(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pos") / POS_FILE
    train_pos(TRAIN, path, iterations=50)
    return path


def test_read_ud_keeps_surface_words_and_the_stems_tag(tmp_path):
    path = tmp_path / "mini.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    assert read_ud(path) == [
        (["Rumahnya", "di", "Bantul", "."], ["NOUN", "ADP", "PROPN", "PUNCT"]),
        (["kubeli"], ["VERB"]),  # the clitic "ku" is the shorter part
    ]


def test_pos_features_see_affixes_and_context():
    feats = pos_features(["Anak-anak", "membeli", "beras"])
    assert "redup" in feats[0] and "T" in feats[0] and "BOS" in feats[0]
    assert "p2=me" in feats[1] and "-1w=anak-anak" in feats[1] and "+1w=beras" in feats[1]
    assert "EOS" in feats[2] and "redup" not in feats[2]


def test_tagger_learns_and_is_deterministic(pos_model, tmp_path):
    tagger = PosTagger(pos_model)
    words = "Warga Klaten membeli beras di pasar .".split()
    first = tagger.tag(words)
    assert first == tagger.tag(words) == PosTagger(pos_model).tag(words)
    assert first[1] == "PROPN" and first[2] == "VERB" and first[-1] == "PUNCT"
    assert tagger.tag([]) == []
    assert accuracy(tagger, TRAIN)[0] > 0.9
    again = tmp_path / POS_FILE  # same data, same file: training has no random state
    train_pos(TRAIN, again, iterations=50)
    assert again.read_bytes() == pos_model.read_bytes()


def test_missing_pos_model_is_reported(tmp_path):
    with pytest.raises(FileNotFoundError):
        PosTagger(tmp_path / POS_FILE)


def test_pos_switch_changes_the_ner_features(pos_model):
    words = "Menteri Hartono mengunjungi Pelabuhan Tanjung Emas .".split()
    res = Resources(capitals={"menteri": "3+"})
    tagger = PosTagger(pos_model)
    plain = Featurizer(res).sentence(words)
    assert Featurizer(res, pos_tagger=tagger).sentence(words) == plain  # tagger without a mode: off
    window = Featurizer(res, pos_tagger=tagger, pos_mode="window").sentence(words)
    tags = tagger.tag(words)
    for f0, f1, tag in zip(plain, window, tags):
        assert f1[:len(f0)] == f0  # the POS features are added, nothing else changes
        assert "t=" + tag in f1
    assert "-1t=<s>" in window[0] and "+1t=" + tags[2] in window[1]
    assert not any(f.startswith("pr=") for f in sum(window, []))
    shape = Featurizer(res, pos_tagger=tagger, pos_mode="shape").sentence(words)
    assert "t|ss=" + tags[1] + "|Xx" in shape[1]
    with pytest.raises(ValueError):
        Featurizer(res, pos_tagger=tagger, pos_mode="everything")


def test_propn_runs():
    feats = pos_context(["NOUN", "PROPN", "PROPN", "PROPN", "VERB", "PROPN"], ["Xx"] * 6, "shape")
    runs = [[f for f in fs if f.startswith("pr=")] for fs in feats]
    assert runs == [[], ["pr=B3"], ["pr=I3"], ["pr=E3"], [], ["pr=S"]]
    assert pos_context(["PROPN"], ["Xx"], "window") == [
        ["t=PROPN", "-1t=<s>", "+1t=</s>", "-2t=<s>", "+2t=</s>", "-1t|t=<s>|PROPN", "t|+1t=PROPN|</s>"]]


def _tiny_ner_model(directory: Path, pos_model: Path, mode: str) -> None:
    """A CRF trained on three synthetic sentences with POS features, laid out as a model directory."""
    directory.mkdir(parents=True)
    (directory / POS_FILE).write_bytes(pos_model.read_bytes())
    res = Resources()
    res.save(directory)
    feat = Featurizer(res, pos_tagger=PosTagger(directory / POS_FILE), pos_mode=mode)
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in [("Bupati Sumarno ke Wonogiri .", "O B-PER O B-LOC O"),
                        ("Menteri Hartono dari Klaten .", "O B-PER O B-LOC O"),
                        ("Warga Sleman membeli beras .", "O B-LOC O O O")]:
        trainer.append(feat.sentence(words.split()), tags.split())
    trainer.set_params({"max_iterations": 30})
    trainer.train(str(directory / "model.crfsuite"))
    (directory / "meta.json").write_text(json.dumps({"gazetteer": False, "pos": mode}), encoding="utf-8")


def test_ner_model_tags_pos_first(pos_model, tmp_path):
    _tiny_ner_model(tmp_path / "m", pos_model, "window")
    model = NerModel(tmp_path / "m")
    assert model.pos_tagger is not None and model.featurizer.pos_mode == "window"
    words = "Bupati Hartono ke Sleman .".split()
    assert model.tag_raw_crf(words) == model.tag_raw_crf(words)
    assert len(model.tag(words)) == len(words)
    (tmp_path / "m" / POS_FILE).unlink()  # trained with POS features, shipped without the tagger
    with pytest.raises(FileNotFoundError):
        NerModel(tmp_path / "m")


def test_train_command_rejects_an_unknown_pos_mode(tmp_path):
    from typer.testing import CliRunner

    from warta.cli import app

    result = CliRunner().invoke(app, ["train", "ner", "--out", str(tmp_path / "m"), "--data", str(tmp_path),
                                      "--pos", "everything"])
    assert result.exit_code == 2
    assert "unknown --pos" in result.output
    assert not (tmp_path / "m").exists()


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED_DATA / "ud").is_dir(), reason="../shared/data/ud is absent")
def test_held_out_ud_accuracy(tmp_path):
    train = [s for name in UD_FILES[:2] for s in read_ud(SHARED_DATA / name)]
    test = read_ud(SHARED_DATA / UD_FILES[2])
    train_pos(train, tmp_path / POS_FILE)
    acc, n = accuracy(PosTagger(tmp_path / POS_FILE), test)
    assert n > 9000
    assert acc >= 0.94  # 0.947 measured (`python -m warta.nlp.pos`)
