"""Named entities (PER, ORG, LOC) for Indonesian news, with offsets.

The tagger is a linear-chain CRF (CRFsuite) over the features of
``warta.nlp.features``, combined per token with a character-aware BiLSTM
(``warta.nlp.neural``, numpy forward pass) when ``neural.npz`` ships next to
it: the CRF's marginals and the network's probabilities are averaged
log-linearly and decoded into valid BIO tags.  Without ``neural.npz`` the CRF
tags alone.  The model and its word resources live in ``warta/models/ner``
and are trained by ``warta train ner`` (``warta.nlp.train``).  The model is
loaded lazily, once per process.
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

import numpy as np
import pycrfsuite

from warta.glue import GLUED_MIN, split_glued
from warta.nlp.features import Featurizer, Resources
from warta.nlp.neural import NEURAL_FILE, TAGS, NeuralTagger, ensemble, viterbi_bio_many
from warta.nlp.pos import POS_FILE, PosTagger
from warta.nlp.postprocess import bio_to_spans, postprocess
from warta.nlp.tokens import Sentence, Token, sentences as split_text
from warta.records import Record

__all__ = ["EntitySpan", "NlpDoc", "NerModel", "MODEL_DIR", "load_model", "ner", "process",
           "bio_to_spans", "LABELS"]

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "ner"
MODEL_FILE = "model.crfsuite"
# CRF path probability from which the network is not asked: at 0.9, 0.95, 0.99 and 0.999 the F1 on
# NER-UI test, NER-UGM test and IDNer2k dev (held-out model) is the same as with no threshold
CONFIDENT = 0.95
LABELS = ("PER", "ORG", "LOC")


@dataclass
class EntitySpan(Record):
    text: str
    label: str  # PER | ORG | LOC
    start: int
    end: int


@dataclass
class NlpDoc(Record):
    """A text with its sentences, tokens and entity spans, computed once."""

    text: str
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[EntitySpan] = field(default_factory=list)


class NerModel:
    """A trained CRF tagger with its feature resources, and the BiLSTM averaged
    with it when ``neural.npz`` is present."""

    def __init__(self, directory: Path | str = MODEL_DIR) -> None:
        self.directory = Path(directory)
        path = self.directory / MODEL_FILE
        if not path.exists():
            raise FileNotFoundError(f"no NER model at {path}; run `warta train ner`")
        meta_path = self.directory / "meta.json"
        self.meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        self.resources = Resources.load(self.directory)
        # a model trained with UPOS features (meta "pos") tags POS first, with its own pos.crfsuite
        pos_mode = self.meta.get("pos", "")
        self.pos_tagger = PosTagger(self.directory / POS_FILE) if pos_mode else None
        self.featurizer = Featurizer(self.resources, use_gazetteer=self.meta.get("gazetteer", True),
                                     rich=self.meta.get("rich", False),
                                     freq_mode=self.meta.get("word_freq", "all"),
                                     pos_tagger=self.pos_tagger, pos_mode=pos_mode)
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(path))
        self._lock = threading.Lock()
        self._crf_labels = frozenset(self.tagger.labels())
        # the BiLSTM of warta.nlp.neural, averaged with the CRF's marginals (optional)
        self.neural: Optional[NeuralTagger] = None
        self._neural_lock = threading.Lock()
        self.neural_weight, self.neural_mode = 0.0, "geometric"
        if (self.directory / NEURAL_FILE).exists():
            self.neural = NeuralTagger(self.directory / NEURAL_FILE, self.resources.capitals)
            info = self.meta.get("neural", {})
            self.neural_weight = float(info.get("weight", 0.3))
            self.neural_mode = info.get("mode", "geometric")

    def tag_raw_crf(self, words: list[str]) -> list[str]:
        """The CRF's own BIO tags (its Viterbi path) for one sentence, without post-processing."""
        if not words:
            return []
        feats = self.featurizer.sentence(words)
        with self._lock:  # a CRFsuite tagger is not thread-safe
            tags = self.tagger.tag(feats)
        return _repair(tags)

    def tag_raw(self, words: list[str]) -> list[str]:
        """BIO tags for one tokenised sentence, without post-processing."""
        return self.tag_raw_many([words])[0]

    def tag_raw_many(self, sents: list[list[str]]) -> list[list[str]]:
        """BIO tags per sentence before post-processing: the CRF+network ensemble
        when the network is shipped (``neural.npz``), else the CRF alone."""
        if self.neural is None:
            return [self.tag_raw_crf(s) for s in sents]
        # The network only votes where the CRF is unsure: a sentence whose CRF path has
        # probability >= CONFIDENT keeps the CRF's tags (a 0.3-weighted vote does not overturn
        # a path that sure), which spares about half of news sentences.
        crf = [self._crf_pass(s) for s in sents]
        unsure = [i for i, (_, marg) in enumerate(crf) if marg is not None]
        out = [tags for tags, _ in crf]
        with self._neural_lock:  # its per-word cache is shared state
            nn = self.neural.probabilities([sents[i] for i in unsure])
        tags = viterbi_bio_many([ensemble(crf[i][1], p, self.neural_weight, self.neural_mode)
                                 for i, p in zip(unsure, nn)])
        for i, t in zip(unsure, tags):
            out[i] = t
        return out

    def _crf_pass(self, words: list[str]) -> tuple[list[str], Optional[np.ndarray]]:
        """The CRF's tags when its best path is CONFIDENT (marginals None), else its marginals
        for the ensemble (tags left to it)."""
        if not words:
            return [], None
        feats = self.featurizer.sentence(words)
        with self._lock:
            self.tagger.set(feats)
            tags = self.tagger.tag()
            if self.tagger.probability(tags) >= CONFIDENT:
                return _repair(tags), None
            return [], self._set_marginals(len(words))

    def marginals(self, words: list[str]) -> np.ndarray:
        """The CRF's per-token tag marginals, (tokens x 7) in ``neural.TAGS`` order."""
        if not words:
            return np.zeros((0, len(TAGS)), np.float32)
        feats = self.featurizer.sentence(words)
        with self._lock:
            self.tagger.set(feats)
            return self._set_marginals(len(words))

    def _set_marginals(self, n: int) -> np.ndarray:
        """Marginals of the sequence last given to ``tagger.set`` (call under ``_lock``)."""
        known, marginal = self._crf_labels, self.tagger.marginal
        return np.array([[marginal(t, i) if t in known else 0.0 for t in TAGS] for i in range(n)], dtype=np.float32)

    def tag(self, words: list[str]) -> list[str]:
        """BIO tags for one tokenised sentence (post-processed as a one-sentence document)."""
        return self.tag_many([words])[0]

    def tag_many(self, sents: Iterable[list[str]]) -> list[list[str]]:
        """BIO tags for the sentences of one document, post-processed together
        (``warta.nlp.postprocess``: the same name is tagged alike throughout)."""
        sents = [list(s) for s in sents]
        return postprocess(sents, self.tag_raw_many(sents))

    def entities(self, text: str, sents: list[Sentence]) -> list[EntitySpan]:
        """Entity spans of a text's sentences; glued words are tagged as their pieces (see ``_read``)."""
        out: list[EntitySpan] = []
        read = [_read(sent.tokens) for sent in sents]
        all_tags = self.tag_many([[text[a:b] for a, b in spans] for spans in read])
        for spans, tags in zip(read, all_tags):
            for a, b, label in bio_to_spans(tags):
                start, end = spans[a][0], spans[b - 1][1]
                out.append(EntitySpan(text[start:end], label, start, end))
        return out


def _read(tokens: list[Token]) -> list[tuple[int, int]]:
    """The character spans the tagger reads: each token, or the pieces of a word the crawler glued
    (``ErdoganmengatakanIranmemiliki`` -> Erdogan / mengatakan / Iran / memiliki, see ``warta.glue``).
    The tokens themselves stay as written; only entity offsets may fall inside one."""
    out: list[tuple[int, int]] = []
    for t in tokens:
        pieces = split_glued(t.text) if len(t.text) >= GLUED_MIN and t.text.isalpha() else None
        out.extend([(t.start + a, t.start + b) for a, b in pieces] if pieces else [(t.start, t.end)])
    return out


def _repair(tags: list[str]) -> list[str]:
    """BILOU -> BIO, and an I- that follows O or another type into B- (valid BIO)."""
    prev = "O"
    out = []
    for t in tags:
        if t[:2] == "U-":
            t = "B-" + t[2:]
        elif t[:2] == "L-":
            t = "I-" + t[2:]
        if t.startswith("I-") and (prev == "O" or prev[2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


_MODEL: Optional[NerModel] = None
_MODEL_LOCK = threading.Lock()


def load_model(directory: Path | str | None = None) -> NerModel:
    """The shipped model (cached), or the model in ``directory`` (not cached)."""
    global _MODEL
    if directory is not None and Path(directory).resolve() != MODEL_DIR.resolve():
        return NerModel(directory)
    if _MODEL is None:
        with _MODEL_LOCK:
            if _MODEL is None:
                _MODEL = NerModel(MODEL_DIR)
    return _MODEL


def ner(text: str) -> list[EntitySpan]:
    """Entity spans (PER/ORG/LOC) of ``text`` with character offsets."""
    return load_model().entities(text, split_text(text))


def process(text: str) -> NlpDoc:
    """Sentences, tokens and entities of ``text``, computed once."""
    sents = split_text(text)
    tokens = [t for s in sents for t in s.tokens]
    return NlpDoc(text=text, sentences=sents, tokens=tokens, entities=load_model().entities(text, sents))
