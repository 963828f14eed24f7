"""Universal part-of-speech tags for Indonesian, as a feature of the NER CRF.

A small CRF (CRFsuite) over word, affix, shape and ±2 context features,
trained on the gold UPOS of the Universal Dependencies Indonesian treebanks
(CSUI train/test, GSD dev; CC BY-SA 4.0).  It tags the words as the NER
corpora write them, so a UD multi-word token ("menyetujuinya" = menyetujui +
nya) is one word here, tagged with the UPOS of its longest part (the stem,
not the clitic).  The model file ``pos.crfsuite`` lives in the NER model's
directory (``TrainConfig.pos``), so that directory stays self-contained.

    python -m warta.nlp.pos            # held-out accuracy (train CSUI train + GSD dev, test CSUI test)
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Iterable, Optional

from warta.nlp.features import affix_case_features, short_shape

__all__ = ["POS_FILE", "UD_FILES", "read_ud", "pos_features", "train_pos", "PosTagger", "accuracy"]

POS_FILE = "pos.crfsuite"
UD_FILES = ("ud/csui/train.conllu", "ud/gsd/dev.conllu", "ud/csui/test.conllu")  # under the shared data dir
# L-BFGS with elastic net; fixed, so training is deterministic (CRFsuite has no random state)
C1, C2, ITERATIONS = 0.05, 0.01, 150
_CACHE_MAX = 200_000  # words whose own features a tagger keeps


def read_ud(path: Path) -> list[tuple[list[str], list[str]]]:
    """(surface words, UPOS) per sentence of a CoNLL-U file; a multi-word token keeps the UPOS of
    its longest part (first of equals), its clitics ("-nya", "ku-") being the shorter parts."""
    out: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    span_end = 0  # last syntactic-word id covered by the current multi-word token
    parts: list[tuple[str, str]] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                out.append((words, tags))
            words, tags, span_end, parts = [], [], 0, []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 4 or "." in cols[0]:
            continue  # malformed line or empty node
        if "-" in cols[0]:
            span_end = int(cols[0].split("-")[1])
            words.append(cols[1])
            tags.append("")  # filled from its parts
            parts = []
            continue
        idx = int(cols[0])
        if idx <= span_end:
            parts.append((cols[1], cols[3]))
            if idx == span_end:
                tags[-1] = max(parts, key=lambda p: len(p[0]))[1]
            continue
        words.append(cols[1])
        tags.append(cols[3])
    if words:
        out.append((words, tags))
    return out


def _word_features(word: str) -> list[str]:
    low = word.lower()
    feats = ["b", "w=" + low, "ss=" + short_shape(word)] + affix_case_features(word, low)
    if "-" in word[1:]:
        feats.append("H")
        head, _, tail = low.partition("-")
        if head == tail:
            feats.append("redup")  # "anak-anak", "negara-negara"
    if not any(c.isalnum() for c in word):
        feats.append("P")
    return feats


def pos_features(words: list[str], cache: Optional[dict] = None) -> list[list[str]]:
    """CRFsuite features of a sentence for the POS tagger; ``cache`` (word -> its own features)
    spares recomputing a word's features (most of the tagger's time)."""
    lows = [w.lower() for w in words]
    caps = ["T" if w[:1].isupper() else "t" for w in words]
    n = len(words)
    out = []
    for i, word in enumerate(words):
        if cache is None:
            f = _word_features(word)
        else:
            own = cache.get(word)
            if own is None:
                own = _word_features(word)
                if len(cache) < _CACHE_MAX:
                    cache[word] = own
            f = list(own)
        for off in (-2, -1, 1, 2):
            j = i + off
            ctx = lows[j] if 0 <= j < n else ("<s>" if j < 0 else "</s>")
            f.append(f"{off:+d}w=" + ctx)
        for off in (-1, 1):
            j = i + off
            if 0 <= j < n:
                f.append(f"{off:+d}x2=" + lows[j][-2:])
                f.append(f"{off:+d}T=" + caps[j])
        if i > 0:
            f.append("-1w|w=" + lows[i - 1] + "|" + lows[i])
        if i + 1 < n:
            f.append("w|+1w=" + lows[i] + "|" + lows[i + 1])
        if i == 0:
            f.append("BOS")
        if i == n - 1:
            f.append("EOS")
        out.append(f)
    return out


def train_pos(sentences: Iterable[tuple[list[str], list[str]]], path: Path,
              c1: float = C1, c2: float = C2, iterations: int = ITERATIONS) -> int:
    """Train the POS CRF on (words, UPOS) sentences into ``path``; returns the number of tokens."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    ntok = 0
    for words, tags in sentences:
        if words:
            trainer.append(pos_features(words), tags)
            ntok += len(words)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations,
                        "feature.possible_transitions": True})
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
    return ntok


def train_shipped(out_path: Path, data_dir: Path) -> int:
    """The POS model shipped beside the NER model: all three UD files."""
    sents = [s for name in UD_FILES for s in read_ud(data_dir / name)]
    return train_pos(sents, out_path)


class PosTagger:
    """A trained POS CRF; ``tag`` is deterministic and thread-safe."""

    def __init__(self, path: Path | str) -> None:
        import pycrfsuite

        self.path = Path(path)
        if not self.path.exists():
            raise FileNotFoundError(f"no POS model at {self.path}; retrain the NER model with TrainConfig.pos")
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(self.path))
        self._lock = threading.Lock()
        self._cache: dict[str, list[str]] = {}

    def tag(self, words: list[str]) -> list[str]:
        if not words:
            return []
        with self._lock:  # a CRFsuite tagger is not thread-safe; the cache is shared too
            return self.tagger.tag(pos_features(words, self._cache))


def accuracy(tagger: PosTagger, sentences: Iterable[tuple[list[str], list[str]]]) -> tuple[float, int]:
    """Token accuracy and token count."""
    right = total = 0
    for words, gold in sentences:
        pred = tagger.tag(words)
        right += sum(p == g for p, g in zip(pred, gold))
        total += len(gold)
    return right / max(total, 1), total


def _held_out_report(data_dir: Path, work: Path) -> None:
    from collections import Counter

    train = [s for name in UD_FILES[:2] for s in read_ud(data_dir / name)]
    test = read_ud(data_dir / UD_FILES[2])
    ntok = train_pos(train, work / POS_FILE)
    tagger = PosTagger(work / POS_FILE)
    acc, n = accuracy(tagger, test)
    print(f"train {ntok} tokens (CSUI train + GSD dev), test {n} tokens (CSUI test): accuracy {acc:.4f}")
    per: dict[str, Counter] = {}
    for words, gold in test:
        for p, g in zip(tagger.tag(words), gold):
            per.setdefault(g, Counter())[p == g] += 1
    for tag in sorted(per, key=lambda t: -sum(per[t].values())):
        c = per[tag]
        print(f"  {tag:6s} {sum(c.values()):6d}  {c[True] / sum(c.values()):.3f}")


if __name__ == "__main__":
    import argparse
    import tempfile

    from warta.nlp.train import SHARED

    ap = argparse.ArgumentParser(description="held-out accuracy of the UPOS tagger")
    ap.add_argument("--data", type=Path, default=SHARED / "data")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        _held_out_report(args.data, Path(tmp))
