"""Token features for the CRF named-entity tagger.

The same ``Featurizer`` is used when training (``warta train ner``) and when
tagging, so the two can never drift apart.  It needs a ``Resources`` bundle
that ships next to the model:

* ``clusters``: lower-cased word -> cluster ids at several granularities,
  learnt from unlabelled text (PPMI + SVD vectors, k-means);
* ``capitals``: lower-cased word -> how often it is written capitalised in
  the middle of a sentence (bucketed), a cue for proper nouns that sentence
  position would otherwise hide;
* ``gazetteer``: lower-cased multi-word names -> labels seen for them in the
  training data, and external place names (``XLOC``);
* ``freq`` (optional, ``wordfreq.tsv.gz``; not in the shipped model): lower-cased word -> bucketed
  Zipf frequency in general Indonesian, so words the unlabelled text never
  saw still tell common words from rare names.

Optionally (``pos_mode``, round 4; not in the shipped model) a UPOS tagger
(``warta.nlp.pos``, ``pos.crfsuite`` in the model directory) tags each
sentence first, and its predicted tags of the word and its ±2 neighbours
become features.
"""
from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Resources", "Featurizer", "word_shape", "short_shape", "POS_MODES", "pos_context"]

_MAX_GAZ = 6  # longest gazetteer entry, in tokens
FREQ_FILE = "wordfreq.tsv.gz"
# "" off; "window": UPOS of the word and of its ±1/±2 neighbours, with the bigrams around it;
# "shape": the window, plus UPOS x short word shape and the word's place in a run of PROPN
POS_MODES = ("", "window", "shape")


def word_shape(word: str) -> str:
    out = []
    for ch in word[:12]:
        if ch.isupper():
            out.append("X")
        elif ch.islower():
            out.append("x")
        elif ch.isdigit():
            out.append("d")
        else:
            out.append(ch)
    return "".join(out)


_RUNS = re.compile(r"(.)\1+")


def short_shape(word: str) -> str:
    return _RUNS.sub(r"\1", word_shape(word))


def affix_case_features(word: str, low: str) -> list[str]:
    """Prefixes and suffixes of one to four letters, capitalised / all capitals, digits: the word's own
    features that the NER and the POS tagger share."""
    n = len(low)
    feats = []
    for k in (1, 2, 3, 4):
        if n > k:
            feats.append(f"p{k}=" + low[:k])
            feats.append(f"x{k}=" + low[-k:])
    if word[:1].isupper():
        feats.append("T")
        if word.isupper() and n > 1:
            feats.append("U")
    if any(c.isdigit() for c in word):
        feats.append("D")
    return feats


class _gzip_text:
    """A text writer into a gzip file without a timestamp (byte-reproducible)."""

    def __init__(self, path: Path) -> None:
        import io

        self.file = open(path, "wb")
        self.text = io.TextIOWrapper(gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=self.file,
                                                   mtime=0), encoding="utf-8")

    def __enter__(self):
        return self.text

    def __exit__(self, *exc) -> None:
        self.text.close()  # flushes and closes the gzip stream (trailer written)
        self.file.close()


@dataclass
class Resources:
    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)
    gazetteer: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    freq: dict[str, str] = field(default_factory=dict)

    # --------------------------------------------------------- storage ---
    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        with _gzip_text(directory / "words.tsv.gz") as f:
            keys = sorted(set(self.clusters) | set(self.capitals))
            for w in keys:
                cl = self.clusters.get(w, ())
                f.write(w + "\t" + self.capitals.get(w, "") + "\t" + "\t".join(cl) + "\n")
        with _gzip_text(directory / "gazetteer.tsv.gz") as f:
            for phrase in sorted(self.gazetteer):
                f.write(" ".join(phrase) + "\t" + ",".join(sorted(self.gazetteer[phrase])) + "\n")
        if self.freq:
            with _gzip_text(directory / FREQ_FILE) as f:
                for w in sorted(self.freq):
                    f.write(w + "\t" + self.freq[w] + "\n")

    @classmethod
    def load(cls, directory: Path) -> "Resources":
        res = cls()
        path = directory / "words.tsv.gz"
        if path.exists():
            with gzip.open(path, "rt", encoding="utf-8") as f:
                for line in f:
                    parts = line.rstrip("\n").split("\t")
                    w = parts[0]
                    if parts[1]:
                        res.capitals[w] = parts[1]
                    if len(parts) > 2 and parts[2]:
                        res.clusters[w] = tuple(parts[2:])
        path = directory / "gazetteer.tsv.gz"
        if path.exists():
            with gzip.open(path, "rt", encoding="utf-8") as f:
                for line in f:
                    phrase, labels = line.rstrip("\n").split("\t")
                    res.gazetteer[tuple(phrase.split(" "))] = frozenset(labels.split(","))
        path = directory / FREQ_FILE
        if path.exists():
            with gzip.open(path, "rt", encoding="utf-8") as f:
                for line in f:
                    w, bucket = line.rstrip("\n").split("\t")
                    res.freq[w] = bucket
        return res


class Featurizer:
    """Turns a tokenised sentence into CRFsuite feature lists."""

    def __init__(self, resources: Resources, use_gazetteer: bool = True, rich: bool = False,
                 freq_mode: str = "all", pos_tagger=None, pos_mode: str = "") -> None:
        if pos_mode not in POS_MODES:
            raise ValueError(f"unknown pos_mode {pos_mode!r}; one of {POS_MODES}")
        self.res = resources
        # a warta.nlp.pos.PosTagger: its tags become features when pos_mode is set
        self.pos_tagger = pos_tagger if pos_mode else None
        self.pos_mode = pos_mode if pos_tagger is not None else ""
        self.rich = rich
        self.freq_mode = freq_mode  # all | unseen (words without capitalisation statistics only)
        self.use_gazetteer = use_gazetteer and bool(resources.gazetteer)
        self._gaz_first = {p[0] for p in resources.gazetteer}
        self._cache: dict[str, tuple[list[str], tuple[str, str, str, str]]] = {}

    # ------------------------------------------------------------ words ---
    def _word(self, word: str) -> tuple[list[str], tuple[str, str, str, str]]:
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        low = word.lower()
        shape = word_shape(word)
        sshape = short_shape(word)
        feats = ["b", "w=" + low, "s=" + shape, "ss=" + sshape] + affix_case_features(word, low)
        n = len(low)
        if "-" in word:
            feats.append("H")
            head = low.split("-", 1)[0]
            feats.append("hd=" + head)
        if not any(c.isalnum() for c in word):
            feats.append("P")
        feats.append("n=" + (str(n) if n < 4 else "4-6" if n < 7 else "7+"))
        clusters = self.res.clusters.get(low, ())
        if clusters:
            for i, c in enumerate(clusters):
                feats.append(f"c{i}=" + c)
        else:
            feats.append("c=?")
        cap = self.res.capitals.get(low)
        feats.append("cr=" + (cap if cap is not None else "?"))
        if cap is not None and word[:1].isupper():
            feats.append("crT=" + cap)
        if self.res.freq and (cap is None or self.freq_mode == "all"):  # models trained with frequencies
            zf = self.res.freq.get(low, "0")
            feats.append("zf=" + zf)
            if word[:1].isupper():
                feats.append("zfT=" + zf)
        ctx = (low, sshape, clusters[1] if len(clusters) > 1 else "?", "T" if word[:1].isupper() else "t",
               clusters[0] if clusters else "?", clusters[2] if len(clusters) > 2 else "?", low[-3:])
        hit = (feats, ctx)
        if len(self._cache) < 200_000:
            self._cache[word] = hit
        return hit

    # ------------------------------------------------------- gazetteer ---
    def gazetteer_tags(self, words: list[str], gazetteer=None) -> list[list[str]]:
        gaz = self.res.gazetteer if gazetteer is None else gazetteer
        first = self._gaz_first if gazetteer is None else None
        lows = [w.lower() for w in words]
        out: list[list[str]] = [[] for _ in words]
        n = len(words)
        for i in range(n):
            if first is not None and lows[i] not in first:
                continue
            if not words[i][:1].isupper() and not words[i][:1].isdigit():
                continue
            for j in range(min(n, i + _MAX_GAZ), i, -1):
                labels = gaz.get(tuple(lows[i:j]))
                if labels:
                    for lab in sorted(labels):
                        out[i].append("g=B-" + lab)
                        for k in range(i + 1, j):
                            out[k].append("g=I-" + lab)
                    break
        return out

    # -------------------------------------------------------- sentence ---
    def sentence(self, words: list[str], gazetteer=None) -> list[list[str]]:
        infos = [self._word(w) for w in words]
        n = len(words)
        ctx = [inf[1] for inf in infos]
        gaz = self.gazetteer_tags(words, gazetteer) if (self.use_gazetteer or gazetteer is not None) else None
        pos = pos_context(self.pos_tagger.tag(words), [c[1] for c in ctx], self.pos_mode) if self.pos_mode else None
        pad = ("<s>",) * 7
        end = ("</s>",) * 7
        rich = self.rich
        out = []
        for i in range(n):
            f = list(infos[i][0])
            p1 = ctx[i - 1] if i > 0 else pad
            p2 = ctx[i - 2] if i > 1 else pad
            n1 = ctx[i + 1] if i + 1 < n else end
            n2 = ctx[i + 2] if i + 2 < n else end
            cur = ctx[i]
            f.extend((
                "-1w=" + p1[0], "-2w=" + p2[0], "+1w=" + n1[0], "+2w=" + n2[0],
                "-1s=" + p1[1], "+1s=" + n1[1], "-2s=" + p2[1], "+2s=" + n2[1],
                "-1c=" + p1[2], "+1c=" + n1[2],
                "-1w|w=" + p1[0] + "|" + cur[0], "w|+1w=" + cur[0] + "|" + n1[0],
                "-1T|T|+1T=" + p1[3] + cur[3] + n1[3],
            ))
            if rich:
                p3 = ctx[i - 3] if i > 2 else pad
                n3 = ctx[i + 3] if i + 3 < n else end
                f.extend((
                    "-3w=" + p3[0], "+3w=" + n3[0],
                    "-1c0=" + p1[4], "+1c0=" + n1[4], "-1c2=" + p1[5], "+1c2=" + n1[5],
                    "-2c=" + p2[2], "+2c=" + n2[2],
                    "-1x3=" + p1[6], "+1x3=" + n1[6],
                    "-1s|s|+1s=" + p1[1] + "|" + cur[1] + "|" + n1[1],
                    "-2w|-1w=" + p2[0] + "|" + p1[0],
                    "+1w|+2w=" + n1[0] + "|" + n2[0],
                    "-2T..+2T=" + p2[3] + p1[3] + cur[3] + n1[3] + n2[3],
                ))
            if i == 0:
                f.append("BOS")
            if gaz is not None:
                f.extend(gaz[i])
            if pos is not None:
                f.extend(pos[i])
            out.append(f)
        return out


def pos_context(tags: list[str], shapes: list[str], mode: str) -> list[list[str]]:
    """Features from a sentence's predicted UPOS tags (``mode`` of ``POS_MODES``), per word;
    ``shapes`` are the words' short shapes ("Xx", "x", "d", …)."""
    n = len(tags)
    padded = ["<s>", "<s>"] + list(tags) + ["</s>", "</s>"]
    runs = _propn_runs(tags) if mode == "shape" else None
    out = []
    for i in range(n):
        p2, p1, cur, n1, n2 = padded[i:i + 5]
        f = ["t=" + cur, "-1t=" + p1, "+1t=" + n1, "-2t=" + p2, "+2t=" + n2,
             "-1t|t=" + p1 + "|" + cur, "t|+1t=" + cur + "|" + n1]
        if runs is not None:
            f.append("t|ss=" + cur + "|" + shapes[i])
            if runs[i]:
                f.append("pr=" + runs[i])
        out.append(f)
    return out


def _propn_runs(tags: list[str]) -> list[str]:
    """Each word's place in a maximal run of PROPN: B/I/E with the run's length (capped at 4),
    "S" for a one-word run, "" outside."""
    out = [""] * len(tags)
    i = 0
    while i < len(tags):
        if tags[i] != "PROPN":
            i += 1
            continue
        j = i
        while j < len(tags) and tags[j] == "PROPN":
            j += 1
        k = j - i
        if k == 1:
            out[i] = "S"
        else:
            size = str(min(k, 4))
            for m in range(i, j):
                out[m] = ("B" if m == i else "E" if m == j - 1 else "I") + size
        i = j
    return out
