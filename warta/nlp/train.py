"""Train warta's named-entity model from the corpora in ``../shared/data``.

    warta train ner [--out DIR] [--holdout idner2k-dev]

Steps, all deterministic (fixed seeds, sorted inputs):

1. read the four NER corpora (IDNer2k, NER-UI, NER-UGM, NERGrit), map their
   label sets to PER/ORG/LOC (others -> O) and drop every training sentence
   that overlaps a protected evaluation set (NER-UI/NER-UGM ``test.01``
   always, IDNer2k ``dev`` with ``--holdout idner2k-dev``); IDNer2k is a
   re-annotation of NER-UGM sentences, so the check is fuzzy (shared word
   5-grams), not exact;
2. learn word clusters from unlabelled text (training-corpus tokens, the UD
   Indonesian treebanks, the Kompas development articles): PPMI word-context
   matrix, truncated SVD, k-means at three granularities;
3. count how often each word is capitalised mid-sentence;
4. build a gazetteer of training-data names; the CRF is trained on features
   from a jack-knifed gazetteer (each fold sees names from the other folds
   only), so it learns how far to trust a gazetteer hit on unseen text;
5. train a CRF (CRFsuite, L-BFGS with elastic-net regularisation);
6. train the BiLSTM of ``warta.nlp.neural`` on the same sentences
   (``warta.nlp.neural_train``; needs PyTorch, checked before step 1) and
   export it to ``neural.npz``; ``TrainConfig(neural=False)`` trains the CRF
   alone.
"""
from __future__ import annotations

import json
import random
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

import numpy as np

from warta.nlp.features import Featurizer, Resources

LABEL_MAP = {
    "PER": "PER", "PERSON": "PER", "PPL": "PER",
    "ORG": "ORG", "ORGANIZATION": "ORG", "ORGANISATION": "ORG", "NOR": "ORG",
    "LOC": "LOC", "LOCATION": "LOC", "PLACE": "LOC", "PLC": "LOC", "GPE": "LOC",
}

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

# name -> (path under data/ner, role).  "test" sets are never trained on.
CORPORA = {
    "idner2k-train": ("idner2k/train.txt", "train"),
    "idner2k-dev": ("idner2k/dev.txt", "train"),
    "nerui-train": ("nerui/train.01.tsv", "train"),
    "nerui-dev": ("nerui/dev.01.tsv", "train"),
    "nerui-test": ("nerui/test.01.tsv", "test"),
    "nerugm-train": ("nerugm/train.01.tsv", "train"),
    "nerugm-dev": ("nerugm/dev.01.tsv", "train"),
    "nerugm-test": ("nerugm/test.01.tsv", "test"),
    "nergrit-train": ("nergrit/train.txt", "train"),
    "nergrit-valid": ("nergrit/valid.txt", "train"),
}


@dataclass
class Example:
    words: list[str]
    tags: list[str]
    corpus: str


@dataclass
class TrainConfig:
    corpora: list[str] = field(default_factory=lambda: [k for k, v in CORPORA.items() if v[1] == "train"])
    holdout: list[str] = field(default_factory=list)
    clusters: tuple[int, ...] = (64, 256, 1024)
    svd_dim: int = 100
    min_count: int = 2
    gazetteer: bool = False  # names seen in training data (jack-knifed); measured: no gain
    world_gazetteer: bool = True  # place names from babel (CLDR) and the tz database
    # round 3, not shipped (see the model card): more XLOC names from warta/data/ner_places.tsv
    # (scripts/build_ner_places.py: Indonesian provinces, kabupaten/kota and towns of >= 5,000 people)
    place_table: bool = False
    # world cities of the table from this population too (None: Indonesian names only; the committed
    # table has none: 100,000 with `build_ner_places.py --world-min 50000` was measured, worse)
    place_min_population: Optional[int] = None
    place_label: str = "XLOC"  # the gazetteer label of the table's names ("XGEO", weighed apart: worse)
    # round 3, not shipped: bucketed Zipf frequency of each word in general Indonesian (wordfreq 3.1.1,
    # needed for training only; the table goes into the model directory as wordfreq.tsv.gz): "" off,
    # "all" every word, "unseen" only words without capitalisation statistics
    word_freq: str = ""
    word_freq_step: float = 1.0  # bucket width in Zipf units (0.5 measured: lower)
    # round 4, not shipped: predicted UPOS (warta.nlp.pos, trained on the UD Indonesian treebanks into
    # pos.crfsuite beside the CRF) as CRF features: "" off, or a mode of features.POS_MODES
    pos: str = ""
    gazetteer_folds: int = 5
    c1: float = 0.02
    c2: float = 0.03
    max_iterations: int = 200
    seed: int = 13
    rich: bool = False  # wider context window features
    # "frustratingly easy" domain adaptation: each feature also fires in a
    # copy prefixed by the corpus name; only the shared copy fires when
    # tagging, so corpus-specific annotation habits go to the copies
    domain_features: bool = False
    # corpus prefix -> times its sentences are used: IDNer2k has the most
    # consistent guidelines, so it outweighs the others where they disagree
    repeat: dict = field(default_factory=lambda: {"idner2k": 2})
    scheme: str = "bio"  # bio | bilou (what the CRF learns; output is always BIO)
    unlabelled_extra: list[str] = field(default_factory=list)  # extra raw-text files (experiments)
    # IDNer2k re-annotates NER-UGM sentences with cleaner guidelines: where the
    # two overlap, keep only the IDNer2k annotation (no conflicting labels)
    dedupe: tuple[tuple[str, str], ...] = (("nerugm", "idner2k"),)
    # the BiLSTM of warta.nlp.neural, trained after the CRF on the same sentences
    # (needs PyTorch) and averaged with the CRF's marginals when tagging
    neural: bool = True
    neural_epochs: int = 12
    # char-CNN widths beside 3 (NeuralConfig.extra_widths); (2, 4) was tried in round 2 and not shipped
    neural_extra_widths: tuple = ()
    neural_weight: float = 0.3  # the network's share in the log-linear average (chosen on dev)
    neural_mode: str = "geometric"  # geometric | arithmetic (warta.nlp.neural.ensemble)


# ------------------------------------------------------------------ data ---

def map_tag(tag: str) -> str:
    tag = tag.strip()
    if len(tag) > 2 and tag[1] == "-" and tag[0] in "BIESLU":
        lab = LABEL_MAP.get(tag[2:].upper())
        if lab is None:
            return "O"
        prefix = "B" if tag[0] in "BSU" else "I"
        return f"{prefix}-{lab}"
    return "O"


def read_conll(path: Path, corpus: str = "") -> list[Example]:
    """Token-per-line file (tab or space separated, last column = tag)."""
    out: list[Example] = []
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip():
                if words:
                    out.append(Example(words, _fix_bio(tags), corpus))
                    words, tags = [], []
                continue
            parts = line.split("\t") if "\t" in line else line.split(" ")
            words.append(parts[0])
            tags.append(map_tag(parts[-1]) if len(parts) > 1 else "O")
    if words:
        out.append(Example(words, _fix_bio(tags), corpus))
    return out


def _fix_bio(tags: list[str]) -> list[str]:
    prev = "O"
    out = []
    for t in tags:
        if t.startswith("I-") and prev[2:] != t[2:]:
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def to_bilou(tags: list[str]) -> list[str]:
    out = []
    n = len(tags)
    for i, t in enumerate(tags):
        if t == "O":
            out.append(t)
            continue
        nxt = tags[i + 1] if i + 1 < n else "O"
        cont = nxt == "I-" + t[2:]
        if t[0] == "B":
            out.append(("B-" if cont else "U-") + t[2:])
        else:
            out.append(("I-" if cont else "L-") + t[2:])
    return out


def _norm_tokens(words: Iterable[str]) -> list[str]:
    return [t for t in (re.sub(r"[^0-9a-z]", "", w.lower()) for w in words) if t]


def _shingles(words: Iterable[str], n: int = 5) -> set[tuple[str, ...]]:
    t = _norm_tokens(words)
    if len(t) < n:
        return {tuple(t)} if t else set()
    return {tuple(t[i:i + n]) for i in range(len(t) - n + 1)}


def filter_overlap(train: list[Example], protected: list[Example], threshold: float = 0.3) -> tuple[list[Example], int]:
    """Drop training sentences sharing >= ``threshold`` of their 5-grams with ``protected``."""
    bank: set[tuple[str, ...]] = set()
    exact: set[str] = set()
    for ex in protected:
        bank |= _shingles(ex.words)
        exact.add("".join(_norm_tokens(ex.words)))
    kept = []
    dropped = 0
    for ex in train:
        sh = _shingles(ex.words)
        key = "".join(_norm_tokens(ex.words))
        if key in exact or (sh and len(sh & bank) / len(sh) >= threshold):
            dropped += 1
            continue
        kept.append(ex)
    return kept, dropped


def load_corpora(data_dir: Path, names: Iterable[str]) -> dict[str, list[Example]]:
    return {name: read_conll(data_dir / "ner" / CORPORA[name][0], name) for name in names}


# ----------------------------------------------------------- unlabelled ---

def unlabelled_sentences(data_dir: Path, labelled: list[Example], extra: Iterable[str] = ()) -> list[list[str]]:
    """Raw token sequences for the word statistics (cased, as written)."""
    from warta.nlp.tokens import sentences as split_text

    out = [ex.words for ex in labelled]
    for conllu in sorted((data_dir / "ud").glob("*/*.conllu")):
        words: list[str] = []
        for line in conllu.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                if words:
                    out.append(words)
                    words = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) > 1 and cols[0].isdigit():
                words.append(cols[1])
        if words:
            out.append(words)
    texts = []
    for tml in sorted((data_dir / "timex" / "kompas-oil-dct").glob("*.tml")):
        data = tml.read_bytes()
        try:
            raw = data.decode("utf-8")
        except UnicodeDecodeError:
            raw = data.decode("cp1252", errors="replace")
        m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        body = re.sub(r"<[^>]+>", "", m.group(1) if m else "")
        title = re.search(r"<TITLE>(.*?)</TITLE>", raw, re.S)
        texts.append(body)
        if title:
            texts.append(re.sub(r"<[^>]+>", "", title.group(1)))
    for path in extra:
        texts.append(Path(path).read_text(encoding="utf-8", errors="replace"))
    for text in texts:
        for s in split_text(text):
            out.append([t.text for t in s.tokens])
    return out


def capital_buckets(sents: list[list[str]]) -> dict[str, str]:
    """Bucketed share of mid-sentence occurrences written with a capital."""
    cap: Counter[str] = Counter()
    tot: Counter[str] = Counter()
    for words in sents:
        for w in words[1:]:
            if not w[:1].isalpha():
                continue
            low = w.lower()
            tot[low] += 1
            if w[:1].isupper():
                cap[low] += 1
    out = {}
    for w, n in tot.items():
        if n < 2:
            continue
        r = cap[w] / n
        b = "0" if r == 0 else "1" if r < 0.2 else "2" if r < 0.5 else "3" if r < 0.8 else "4" if r < 1 else "5"
        out[w] = b + ("+" if n >= 10 else "")
    return out


def word_clusters(sents: list[list[str]], sizes: tuple[int, ...], dim: int, min_count: int,
                  seed: int) -> dict[str, tuple[str, ...]]:
    """PPMI + SVD word vectors clustered by k-means at several granularities."""
    from scipy.cluster.vq import kmeans2

    vocab, vec = word_vectors(sents, dim, min_count, seed)
    out: dict[str, list[str]] = {w: [] for w in vocab}
    for k in sizes:
        _, labels = kmeans2(vec, k, iter=30, minit="points", seed=seed + k)
        for w, lab in zip(vocab, labels):
            out[w].append(str(int(lab)))
    return {w: tuple(v) for w, v in out.items()}


def word_vectors(sents: list[list[str]], dim: int, min_count: int, seed: int) -> tuple[list[str], np.ndarray]:
    """Unit-length PPMI + SVD vectors of the lower-cased words seen ``min_count`` times
    (most frequent first), from a ±2-word context window."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.linalg import svds

    counts: Counter[str] = Counter(w.lower() for s in sents for w in s)
    vocab = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], w))
    index = {w: i for i, w in enumerate(vocab)}
    ctx_vocab = vocab[:10000]
    cidx = {w: i for i, w in enumerate(ctx_vocab)}
    nctx = len(ctx_vocab)
    rows, cols = [], []
    for s in sents:
        low = [w.lower() for w in s]
        n = len(low)
        for i, w in enumerate(low):
            wi = index.get(w)
            if wi is None:
                continue
            for off, slot in ((-1, 0), (1, 1), (-2, 2), (2, 2)):
                j = i + off
                c = low[j] if 0 <= j < n else ("<s>" if j < 0 else "</s>")
                ci = cidx.get(c)
                if ci is None:
                    continue
                rows.append(wi)
                cols.append(slot * nctx + ci)
    data = np.ones(len(rows), dtype=np.float64)
    mat = coo_matrix((data, (rows, cols)), shape=(len(vocab), 3 * nctx)).tocsr()
    mat.sum_duplicates()
    total = mat.sum()
    row_sum = np.asarray(mat.sum(axis=1)).ravel()
    col_sum = np.asarray(mat.sum(axis=0)).ravel() ** 0.75
    col_sum = col_sum / col_sum.sum() * total
    coo = mat.tocoo()
    pmi = np.log(coo.data * total / (row_sum[coo.row] * col_sum[coo.col]))
    keep = pmi > 0
    ppmi = coo_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=mat.shape).tocsr()
    rng = np.random.default_rng(seed)
    v0 = rng.random(min(ppmi.shape))
    u, s, _ = svds(ppmi, k=dim, v0=v0)
    vec = u * np.sqrt(s)
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
    return vocab, vec


# ------------------------------------------------------------ gazetteer ---

def entity_phrases(examples: Iterable[Example]) -> dict[tuple[str, ...], Counter]:
    from warta.nlp.ner import bio_to_spans

    out: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for ex in examples:
        for a, b, lab in bio_to_spans(ex.tags):
            if b - a <= 6:
                out[tuple(w.lower() for w in ex.words[a:b])][lab] += 1
    return out


def world_places() -> dict[tuple[str, ...], frozenset[str]]:
    """Country/region names (CLDR, Indonesian and English) and tz-database cities.

    Looked up under the label ``XLOC`` so the CRF weighs this external list
    apart from the names seen in training data.
    """
    from babel import Locale
    import pytz

    names: set[str] = set()
    for code in ("id", "en"):
        loc = Locale(code)
        names.update(v for k, v in loc.territories.items() if not k.isdigit())
        names.update(v["city"] for v in loc.time_zones.values() if v.get("city"))
    for zone in pytz.all_timezones:
        if "/" in zone:
            names.add(zone.rsplit("/", 1)[1].replace("_", " "))
    out = {}
    for name in sorted(names):
        words = tuple(re.findall(r"\w+|[^\w\s]", name.lower()))
        if words and len(words) <= 6 and len(name) > 2:
            out[words] = frozenset({"XLOC"})
    return out


PLACE_TABLE = Path(__file__).resolve().parents[1] / "data" / "ner_places.tsv"


def table_places(config: TrainConfig, capitals: dict[str, str], phrases: dict[tuple[str, ...], Counter],
                 path: Path = PLACE_TABLE) -> dict[tuple[str, ...], frozenset[str]]:
    """The names of ``ner_places.tsv`` kept for ``XLOC``: every Indonesian one (and world cities of
    ``config.place_min_population``, if set), minus one-word names mostly written in lower case mid-sentence in
    the unlabelled text (ordinary words: "batu", "kota") and names the training sentences tag as
    PER/ORG more often than as LOC (person names that are also towns)."""
    out = {}
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            name, _kind, country, pop = line.rstrip("\n").split("\t")
            if country != "ID" and (config.place_min_population is None or int(pop) < config.place_min_population):
                continue
            words = tuple(re.findall(r"\w+|[^\w\s]", name.lower()))
            if not words or len(words) > 6:
                continue
            if len(words) == 1 and capitals.get(words[0], "5")[0] in "012":
                continue
            seen = phrases.get(words)
            if seen and seen["LOC"] < seen["PER"] + seen["ORG"]:
                continue
            out[words] = frozenset({config.place_label})
    return out


def place_gazetteer(config: TrainConfig, res: Resources, examples: list[Example]) -> dict:
    """The external place names looked up as ``XLOC``."""
    out = world_places() if config.world_gazetteer else {}
    if config.place_table:
        out = _merge(table_places(config, res.capitals, entity_phrases(examples)), out)
    return out


def require_wordfreq():
    from warta.nlp.neural_train import require_training_package
    return require_training_package("wordfreq", "training the NER model's word-frequency feature", "wordfreq==3.1.1")


def word_frequencies(step: float = 1.0) -> dict[str, str]:
    """Lower-cased word -> its Zipf frequency in general Indonesian (``wordfreq``), bucketed by
    ``step`` ("30" = Zipf 3.0 up to 3.0 + step, ... ); wordfreq's Indonesian list stops at Zipf 3."""
    out = {}
    for word, freq in require_wordfreq().get_frequency_dict("id").items():
        if not word or any(c.isspace() for c in word):
            continue
        zipf = float(np.log10(freq)) + 9
        out[word] = str(int(round(np.floor(zipf / step) * step * 10)))
    return out


def _merge(a: dict, b: dict) -> dict:
    out = dict(a)
    for k, v in b.items():
        out[k] = out[k] | v if k in out else v
    return out


def make_gazetteer(phrases: dict[tuple[str, ...], Counter], min_share: float = 0.3) -> dict[tuple[str, ...], frozenset[str]]:
    gaz = {}
    for p, c in phrases.items():
        tot = sum(c.values())
        labs = frozenset(l for l, n in c.items() if n / tot >= min_share)
        if labs and any(any(ch.isalpha() for ch in w) for w in p):
            gaz[p] = labs
    return gaz


# -------------------------------------------------------------- training ---

def unlabelled_examples(config: TrainConfig, data_dir: Path = SHARED / "data") -> list[Example]:
    """The words (not the labels) of every training-role corpus, minus protected sets."""
    names = [n for n, v in CORPORA.items() if v[1] == "train" and n not in config.holdout]
    protected_names = [n for n, v in CORPORA.items() if v[1] == "test"] + list(config.holdout)
    protected = [ex for exs in load_corpora(data_dir, protected_names).values() for ex in exs]
    out = []
    for exs in load_corpora(data_dir, names).values():
        out.extend(filter_overlap(exs, protected)[0])
    return out


def prepare(config: TrainConfig, data_dir: Path = SHARED / "data", log=print) -> tuple[list[Example], dict]:
    names = [n for n in config.corpora if n not in config.holdout]
    train = load_corpora(data_dir, names)
    protected_names = [n for n, v in CORPORA.items() if v[1] == "test"] + list(config.holdout)
    protected = [ex for exs in load_corpora(data_dir, protected_names).values() for ex in exs]
    stats = {}
    examples: list[Example] = []
    for name in names:
        kept, dropped = filter_overlap(train[name], protected)
        stats[name] = {"sentences": len(kept), "dropped_overlap": dropped}
        note = ""
        for loser, winner in config.dedupe:
            if name.startswith(loser + "-"):
                better = [ex for n in names if n.startswith(winner + "-") for ex in train[n]]
                kept, dup = filter_overlap(kept, better)
                stats[name]["dropped_duplicate"] = dup
                stats[name]["sentences"] = len(kept)
                note = f", {dup} more as duplicates of {winner}"
        log(f"  {name}: {len(kept)} sentences ({dropped} dropped as overlapping {', '.join(protected_names)}{note})")
        examples.extend(kept)
    return examples, stats


def build_resources(config: TrainConfig, examples: list[Example], data_dir: Path, log=print) -> Resources:
    t0 = time.time()
    raw = unlabelled_sentences(data_dir, unlabelled_examples(config, data_dir), config.unlabelled_extra)
    ntok = sum(len(s) for s in raw)
    log(f"  unlabelled text: {len(raw)} sentences, {ntok} tokens")
    res = Resources()
    res.capitals = capital_buckets(raw)
    if config.clusters:
        res.clusters = word_clusters(raw, config.clusters, config.svd_dim, config.min_count, config.seed)
    if config.gazetteer:
        res.gazetteer = make_gazetteer(entity_phrases(examples))
    if config.world_gazetteer or config.place_table:
        res.gazetteer = _merge(res.gazetteer, place_gazetteer(config, res, examples))
    if config.word_freq:
        res.freq = word_frequencies(config.word_freq_step)
    log(f"  resources: {len(res.clusters)} clustered words, {len(res.capitals)} capital stats, "
        f"{len(res.gazetteer)} gazetteer names, {len(res.freq)} word frequencies ({time.time() - t0:.1f}s)")
    return res


def train_model(config: TrainConfig, out_dir: Path, data_dir: Path = SHARED / "data", log=print) -> dict:
    import pycrfsuite

    from warta.nlp.ner import MODEL_FILE

    t_start = time.time()
    if config.neural:  # fail before the CRF's minutes, not after
        from warta.nlp.neural_train import require_torch

        require_torch()
    if config.word_freq:
        require_wordfreq()
    random.seed(config.seed)
    np.random.seed(config.seed)
    log(f"training data from {data_dir}:")
    examples, stats = prepare(config, data_dir, log)
    res = build_resources(config, examples, data_dir, log)
    out_dir.mkdir(parents=True, exist_ok=True)
    feat = Featurizer(res, use_gazetteer=False, rich=config.rich, freq_mode=config.word_freq or "all",
                      pos_tagger=train_pos_model(config, out_dir, data_dir, log), pos_mode=config.pos)

    # jack-knifed gazetteer features for the training sentences
    folds: list[Optional[dict]] = [None]
    order = list(range(len(examples)))
    fold_of = [0] * len(examples)
    world = place_gazetteer(config, res, examples) if (config.world_gazetteer or config.place_table) else {}
    if config.gazetteer or world:
        rng = random.Random(config.seed)
        rng.shuffle(order)
        k = config.gazetteer_folds
        for pos, i in enumerate(order):
            fold_of[i] = pos % k
        folds = []
        for f in range(k):
            own = make_gazetteer(entity_phrases(ex for i, ex in enumerate(examples) if fold_of[i] != f)) if config.gazetteer else {}
            folds.append(_merge(own, world))

    trainer = pycrfsuite.Trainer(verbose=False)
    for i, ex in enumerate(examples):
        gz = folds[fold_of[i]] if (config.gazetteer or world) else None
        tags = to_bilou(ex.tags) if config.scheme == "bilou" else ex.tags
        xseq = feat.sentence(ex.words, gazetteer=gz)
        if config.domain_features:
            dom = ex.corpus.split("-")[0] + ":"
            xseq = [f + [dom + x for x in f] for f in xseq]
        for _ in range(config.repeat.get(ex.corpus.split("-")[0], 1)):
            trainer.append(xseq, tags)
    trainer.set_params({
        "c1": config.c1,
        "c2": config.c2,
        "max_iterations": config.max_iterations,
        "feature.possible_transitions": True,
    })
    out_dir.mkdir(parents=True, exist_ok=True)
    res.save(out_dir)
    t0 = time.time()
    trainer.train(str(out_dir / MODEL_FILE))
    log(f"  CRF trained in {time.time() - t0:.0f}s ({len(examples)} sentences)")
    meta = {
        "format": 1,
        "labels": ["PER", "ORG", "LOC"],
        "gazetteer": config.gazetteer or config.world_gazetteer,
        "rich": config.rich,
        "scheme": config.scheme,
        "config": _recorded_config(config),
        "training_sets": stats,
    }
    if config.word_freq:  # absent from older models' meta.json (which have no frequency table)
        meta["word_freq"] = config.word_freq
    if config.pos:
        meta["pos"] = config.pos
    from warta.nlp.neural import NEURAL_FILE

    (out_dir / NEURAL_FILE).unlink(missing_ok=True)  # a stale network must not join a new CRF
    if config.neural:
        meta["neural"] = train_neural_model(config, out_dir, data_dir, log)
    (out_dir / "meta.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    meta["train_seconds"] = round(time.time() - t_start, 1)
    return meta


def _recorded_config(config: TrainConfig) -> dict:
    """The configuration for ``meta.json``; the round-3 switches only when on, so a model trained
    without them keeps the meta.json it had before they existed (byte-identical retraining)."""
    out = dict(config.__dict__)
    if not config.place_table:
        for key in ("place_table", "place_min_population", "place_label"):
            out.pop(key)
    if not config.word_freq:
        for key in ("word_freq", "word_freq_step"):
            out.pop(key)
    if not config.pos:
        out.pop("pos")
    return out


def train_pos_model(config: TrainConfig, out_dir: Path, data_dir: Path = SHARED / "data", log=print):
    """With ``config.pos``: the UPOS tagger trained on the three UD files into ``out_dir/pos.crfsuite``
    (returned loaded).  The UD treebanks are not NER data, so the tags it predicts for the training
    sentences are as good as those it predicts when tagging: no jack-knifing is needed.  Without it:
    None, and a stale ``pos.crfsuite`` is removed."""
    from warta.nlp.pos import POS_FILE, PosTagger, train_shipped

    path = out_dir / POS_FILE
    if not config.pos:
        path.unlink(missing_ok=True)
        return None
    t0 = time.time()
    ntok = train_shipped(path, data_dir)
    log(f"  POS tagger: {ntok} UD tokens ({time.time() - t0:.0f}s)")
    return PosTagger(path)


def train_neural_model(config: TrainConfig, out_dir: Path, data_dir: Path = SHARED / "data", log=print) -> dict:
    """Train the BiLSTM (``warta.nlp.neural_train``, needs PyTorch) into ``out_dir/neural.npz``;
    returns what ``meta.json`` records of it (``weight`` is read when tagging)."""
    from warta.nlp.neural_train import NeuralConfig, train_neural

    log("neural tagger (BiLSTM, one thread):")
    cfg = NeuralConfig(epochs=config.neural_epochs, seed=config.seed,
                       extra_widths=tuple(config.neural_extra_widths))
    info = train_neural(config, cfg, out_dir, data_dir, log)
    log(f"  network trained in {info['train_seconds']:.0f}s")
    # no timings here: a rerun writes byte-identical files
    return {"weight": config.neural_weight, "mode": config.neural_mode, "config": info["config"],
            "loss": [row["loss"] for row in info["history"]]}


# ------------------------------------------------------------- scoring ---

def entity_f1(gold: list[list[str]], pred: list[list[str]]) -> dict[str, float]:
    from warta.nlp.ner import bio_to_spans

    tp = npred = ngold = 0
    per = {lab: [0, 0, 0] for lab in ("PER", "ORG", "LOC")}
    for g, p in zip(gold, pred):
        ge = set(bio_to_spans(g))
        pe = set(bio_to_spans(p))
        tp += len(ge & pe)
        npred += len(pe)
        ngold += len(ge)
        for lab in per:
            per[lab][0] += sum(1 for e in ge & pe if e[2] == lab)
            per[lab][1] += sum(1 for e in pe if e[2] == lab)
            per[lab][2] += sum(1 for e in ge if e[2] == lab)
    f = lambda a, b, c: 2 * a / (b + c) if b + c else 0.0
    out = {"f1": f(tp, npred, ngold), "p": tp / max(npred, 1), "r": tp / max(ngold, 1)}
    for lab, v in per.items():
        out[lab.lower()] = f(*v)
    return out


def evaluate(model_dir: Path, path: Path) -> dict[str, float]:
    from warta.nlp.ner import NerModel

    model = NerModel(model_dir)
    gold = read_conll(path)
    pred = [model.tag(ex.words) for ex in gold]
    return entity_f1([ex.tags for ex in gold], pred)
