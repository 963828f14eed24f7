"""The numpy BiLSTM tagger, its ensemble with the CRF, and the fallback to the CRF alone."""
from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from warta.nlp.neural import NEURAL_FILE, TAGS, casing, ensemble, viterbi_bio, viterbi_bio_many
from warta.nlp.postprocess import bio_to_spans

SENTS = [
    ["Menteri", "Keuangan", "Sri", "Mulyani", "tiba", "di", "Surabaya", "pada", "Senin", "."],
    ["PT", "Kereta", "Api", "Indonesia", "menambah", "perjalanan", "."],
    ["Warga", "Kelurahan", "Sukamaju", "antusias", "menyambut", "program", "ini", "."],
    ["Hujan", "."],
    ["Pemerintah", "Kabupaten", "Bantul", "menyiapkan", "1.250", "tenda", "darurat", "bagi", "pengungsi",
     "di", "Imogiri", ",", "kata", "Bupati", "Halim", "kepada", "wartawan", "(", "ANTARA", ")", "."],
]


def valid_bio(tags: list[str]) -> bool:
    prev = "O"
    for t in tags:
        if t not in TAGS:
            return False
        if t.startswith("I-") and prev[2:] != t[2:]:
            return False
        prev = t
    return True


def test_casing_classes():
    assert [casing(w) for w in ["kata", "Jakarta", "KPK", "2024", ",", "iPhone", "A"]] == [0, 1, 2, 3, 4, 5, 1]


def test_viterbi_never_returns_an_orphan_inside_tag():
    rng = np.random.default_rng(3)
    for n in (1, 2, 5, 17):
        for _ in range(30):
            probs = rng.dirichlet(np.ones(len(TAGS)) * 0.3, size=n).astype(np.float32)
            probs[0, TAGS.index("I-ORG")] = 0.99  # a tempting I- at the start
            assert valid_bio(viterbi_bio(probs))


def test_batched_viterbi_finds_the_best_valid_sequence_of_each_sentence():
    import itertools

    rng = np.random.default_rng(5)
    sents = [rng.dirichlet(np.ones(len(TAGS)), size=n).astype(np.float32) for n in (3, 1, 4, 0, 2, 4)]
    got = viterbi_bio_many(sents)
    for probs, tags in zip(sents, got):
        best, best_score = [], -np.inf
        for seq in itertools.product(TAGS, repeat=len(probs)):
            if valid_bio(list(seq)):
                score = sum(np.log(probs[i, TAGS.index(t)]) for i, t in enumerate(seq))
                if score > best_score:
                    best, best_score = list(seq), score
        assert tags == best


def test_viterbi_follows_clear_probabilities():
    want = ["B-PER", "I-PER", "O", "B-LOC"]
    probs = np.full((4, len(TAGS)), 0.01, np.float32)
    for i, t in enumerate(want):
        probs[i, TAGS.index(t)] = 0.94
    assert viterbi_bio(probs) == want


def test_ensemble_weight_moves_from_one_model_to_the_other():
    a = np.array([[0.9, 0.1, 0, 0, 0, 0, 0]], np.float32)
    b = np.array([[0.2, 0.8, 0, 0, 0, 0, 0]], np.float32)
    for mode in ("arithmetic", "geometric"):
        assert np.allclose(ensemble(a, b, 0.0, mode), a, atol=1e-6)
        assert np.allclose(ensemble(a, b, 1.0, mode), b, atol=1e-6)
        mixed = ensemble(a, b, 0.5, mode)
        assert np.allclose(mixed.sum(axis=1), 1.0)
        assert viterbi_bio(ensemble(a, b, 0.3, mode)) == ["O"]
        assert viterbi_bio(ensemble(a, b, 0.7, mode)) == ["B-PER"]


def test_crf_marginals_match_brute_force_enumeration():
    import itertools

    from warta.nlp.neural import crf_marginals_many

    rng = np.random.default_rng(11)
    k = 3
    trans, start, end = rng.normal(0, 2, (k, k)), rng.normal(0, 1, k), rng.normal(0, 1, k)
    sents = [rng.normal(0, 3, (n, k)) for n in (4, 1, 0, 3, 4)]
    for em, got in zip(sents, crf_marginals_many(sents, trans, start, end)):
        want = np.zeros((len(em), k))
        for seq in itertools.product(range(k), repeat=len(em)) if len(em) else ():
            score = start[seq[0]] + end[seq[-1]] + sum(em[i, t] for i, t in enumerate(seq))
            score += sum(trans[a, b] for a, b in zip(seq, seq[1:]))
            for i, t in enumerate(seq):
                want[i, t] += np.exp(score)
        want /= np.maximum(want.sum(axis=1, keepdims=True), 1e-300)
        np.testing.assert_allclose(got, want, atol=1e-5)


@pytest.mark.parametrize("output,extra_widths", [("softmax", ()), ("crf", ()), ("crf", (2, 4))])
def test_numpy_forward_matches_torch_forward(tmp_path, output, extra_widths):
    torch = pytest.importorskip("torch")
    from warta.nlp.neural import NeuralTagger
    from warta.nlp.neural_train import Encoder, NeuralConfig, build_network, export, probabilities

    torch.manual_seed(0)
    torch.set_num_threads(1)
    cfg = NeuralConfig(word_dim=12, char_dim=6, char_filters=7, case_dim=3, cap_dim=2, hidden=9, output=output,
                       extra_widths=extra_widths)
    words = ["<pad>", "<unk>"] + sorted({w.lower() for s in SENTS[:3] for w in s})
    chars = ["<pad>", "<unk>", "<w>", "</w>"] + sorted(set("abcdefghijklmnopqrstuvwxyzAKMPSB"))
    enc = Encoder(words, chars, {"jakarta": "5+", "menteri": "3"})
    net = build_network(torch, len(words), len(chars), cfg)
    with torch.no_grad():  # random weights well away from zero, so a wrong gate order would show
        for p in net.parameters():
            p.uniform_(-0.8, 0.8)
        net.word_emb.weight[0] = 0
        net.char_emb.weight[0] = 0
    export(net, enc, cfg, tmp_path / NEURAL_FILE)
    tagger = NeuralTagger(tmp_path / NEURAL_FILE, enc.capitals)
    expected = probabilities(torch, net, enc, SENTS)
    got = tagger.probabilities(SENTS, batch=2)  # batches of mixed lengths
    for e, g in zip(expected, got):
        assert g.shape == e.shape == (len(g), len(TAGS))
        np.testing.assert_allclose(g, e, atol=2e-5)
    assert tagger.probabilities([[]]) [0].shape == (0, len(TAGS))
    if output == "crf":  # torch's own marginals: the gradient of log Z with respect to the emissions
        net.eval()
        for sent, g in zip(SENTS, got):
            logits = net(*enc.batch(torch, [sent]))[0].detach().requires_grad_(True)
            alpha = net.start + logits[0]
            for t in range(1, len(sent)):
                alpha = torch.logsumexp(alpha[:, None] + net.trans + logits[t][None, :], dim=0)
            torch.logsumexp(alpha + net.end, dim=0).backward()
            np.testing.assert_allclose(g, logits.grad.numpy(), atol=2e-5)


def test_crf_layer_loss_is_the_negative_log_likelihood():
    torch = pytest.importorskip("torch")
    import itertools

    from warta.nlp.neural_train import NeuralConfig, build_network

    torch.manual_seed(1)
    net = build_network(torch, 5, 5, NeuralConfig(word_dim=4, char_dim=2, char_filters=2, case_dim=2, cap_dim=2,
                                                 hidden=3, output="crf"))
    with torch.no_grad():
        net.trans.uniform_(-1, 1), net.start.uniform_(-1, 1), net.end.uniform_(-1, 1)
    k = len(TAGS)
    logits = torch.randn(2, 3, k)
    gold = torch.tensor([[1, 2, 0], [5, 0, 0]])  # the second sentence has 2 tokens
    lengths = torch.tensor([3, 2])
    want = 0.0
    for b, n in enumerate(lengths.tolist()):
        scores = []
        for seq in itertools.product(range(k), repeat=n):
            s = net.start[seq[0]] + net.end[seq[-1]] + sum(logits[b, i, t] for i, t in enumerate(seq))
            scores.append(s + sum(net.trans[x, y] for x, y in zip(seq, seq[1:])))
        g = gold[b, :n].tolist()
        gold_score = scores[sum(t * k ** (n - 1 - i) for i, t in enumerate(g))]
        want += float((torch.logsumexp(torch.stack(scores), 0) - gold_score).detach())
    assert float(net.crf_nll(logits, gold, lengths).detach()) == pytest.approx(want, rel=1e-5)


needs_model = pytest.mark.skipif(not (Path(__file__).resolve().parents[1] / "warta" / "models" / "ner"
                                      / "model.crfsuite").exists(), reason="no shipped NER model")


@needs_model
def test_crf_marginals_are_distributions():
    from warta.nlp.ner import load_model

    m = load_model().marginals(SENTS[0])
    assert m.shape == (len(SENTS[0]), len(TAGS))
    np.testing.assert_allclose(m.sum(axis=1), 1.0, atol=1e-4)
    assert m[2:4, [TAGS.index("B-PER"), TAGS.index("I-PER")]].sum() > 1.0  # "Sri Mulyani"


@needs_model
def test_tagging_gives_valid_bio_with_or_without_the_network(tmp_path):
    from warta.nlp.ner import MODEL_DIR, MODEL_FILE, NerModel

    full = NerModel(MODEL_DIR)
    crf_only_dir = tmp_path / "crf"
    crf_only_dir.mkdir()
    for p in MODEL_DIR.iterdir():
        if p.is_file() and p.name != NEURAL_FILE:
            shutil.copy(p, crf_only_dir / p.name)
    crf_only = NerModel(crf_only_dir)
    assert crf_only.neural is None  # falls back to the CRF alone
    assert (full.neural is not None) == (MODEL_DIR / NEURAL_FILE).exists()
    assert (crf_only_dir / MODEL_FILE).exists()
    for model in (full, crf_only):
        tags = model.tag_many(SENTS)
        assert [len(t) for t in tags] == [len(s) for s in SENTS]
        assert all(valid_bio(t) for t in tags)
        spans = {(" ".join(SENTS[0][a:b]), lab) for a, b, lab in bio_to_spans(tags[0])}
        assert ("Sri Mulyani", "PER") in spans and ("Surabaya", "LOC") in spans
    # without the network the tags are exactly the CRF's (its Viterbi path, post-processed)
    from warta.nlp.postprocess import postprocess

    assert crf_only.tag_many(SENTS) == postprocess(SENTS, [crf_only.tag_raw_crf(s) for s in SENTS])


@needs_model
def test_threads_sharing_one_model_get_the_serial_result():
    from concurrent.futures import ThreadPoolExecutor

    from warta.nlp.ner import MODEL_DIR, NerModel

    docs = [SENTS[i:] + SENTS[:i] for i in range(len(SENTS))]
    expected = [NerModel(MODEL_DIR).tag_many(d) for d in docs]
    shared = NerModel(MODEL_DIR)  # cold caches, filled by the threads at once
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(shared.tag_many, docs * 3))
    assert got == expected * 3


@needs_model
def test_network_is_asked_only_where_the_crf_is_unsure(monkeypatch):
    import importlib

    from warta.nlp.ner import MODEL_DIR, NerModel

    ner_module = importlib.import_module("warta.nlp.ner")  # the module, not warta.nlp.ner the function

    model = NerModel(MODEL_DIR)
    if model.neural is None:
        pytest.skip("no network shipped")
    asked: list[list[str]] = []
    real = model.neural.probabilities
    monkeypatch.setattr(model.neural, "probabilities", lambda sents, **kw: asked.extend(sents) or real(sents, **kw))
    everything = list(SENTS)
    monkeypatch.setattr(ner_module, "CONFIDENT", 2.0)  # no path is that sure: every sentence goes to the network
    full = model.tag_raw_many(everything)
    assert len(asked) == len(SENTS)
    asked.clear()
    monkeypatch.setattr(ner_module, "CONFIDENT", 0.0)  # every path is sure enough: the CRF alone
    alone = model.tag_raw_many(everything)
    assert asked == [] and alone == [model.tag_raw_crf(s) for s in SENTS]
    asked.clear()
    monkeypatch.setattr(ner_module, "CONFIDENT", 0.95)
    gated = model.tag_raw_many(everything)
    assert ["Hujan", "."] not in asked            # a sure sentence is left to the CRF
    assert all(valid_bio(t) for t in gated) and len(gated) == len(full)
