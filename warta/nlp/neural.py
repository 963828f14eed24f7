"""A character-aware BiLSTM tagger run in numpy, and its ensemble with the CRF.

The network (trained with PyTorch by ``warta.nlp.neural_train``; torch is not
needed here) reads each token as

    [word vector | char-CNN (one or more widths) | casing | mid-sentence capitalisation bucket]

and a one-layer bidirectional LSTM over the sentence gives per-token tag
probabilities: a softmax over the 7 BIO tags, or, for a network trained with a
CRF output layer (BiLSTM-CRF), that layer's per-token marginals
(``crf_marginals_many``, forward-backward).  Everything before the LSTM
depends on the word alone, so the LSTM's input projection is computed once
per word type and cached; the recurrence runs on a batch of sentences at a
time (sorted by length), so numpy's per-call overhead is shared.

``ensemble`` averages these probabilities with the CRF's per-token marginals
and ``viterbi_bio`` decodes the most probable valid BIO sequence.

Weights live in ``neural.npz`` next to the CRF (``NEURAL_FILE``).
"""
from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np

__all__ = ["TAGS", "NEURAL_FILE", "NeuralTagger", "casing", "char_ids", "CAP_BUCKETS",
           "viterbi_bio", "viterbi_bio_many", "ensemble", "MAX_CHARS", "crf_marginals_many"]

NEURAL_FILE = "neural.npz"
TAGS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")
MAX_CHARS = 20  # longer words: first 10 and last 10 characters
# capitalisation buckets of ``warta.nlp.train.capital_buckets`` ("?" = unseen word)
CAP_BUCKETS = ("?",) + tuple(b + s for b in "012345" for s in ("", "+"))
_CAP_INDEX = {b: i for i, b in enumerate(CAP_BUCKETS)}
CACHE_ROWS = 16_384  # word types whose input projections are kept (8 * hidden floats each)
PAD, UNK = 0, 1  # word and character ids
BOW, EOW = 2, 3  # character ids marking the word's edges


def casing(word: str) -> int:
    """0 lower, 1 Capitalised, 2 ALL CAPS, 3 has a digit, 4 no letter or digit, 5 other mixed."""
    if any(c.isdigit() for c in word):
        return 3
    if not any(c.isalpha() for c in word):
        return 4
    if word.islower():
        return 0
    if word.isupper():
        return 2 if len(word) > 1 else 1
    if word[:1].isupper() and word[1:].islower():
        return 1
    return 5 if not word[:1].isupper() else 1


def cap_bucket(bucket: str | None) -> int:
    return _CAP_INDEX.get(bucket or "?", 0)


def char_ids(word: str, index: Mapping[str, int]) -> list[int]:
    """BOW, the word's characters (at most MAX_CHARS), EOW."""
    if len(word) > MAX_CHARS:
        word = word[:MAX_CHARS // 2] + word[-(MAX_CHARS // 2):]
    return [BOW] + [index.get(c, UNK) for c in word] + [EOW]


_BLAS = []  # the threadpoolctl controller, created on first use


def _one_blas_thread():
    """Run the forward pass on one BLAS thread: the matrices are small, and a
    second thread on a busy machine makes OpenBLAS ten times slower (measured).
    Without ``threadpoolctl`` the BLAS keeps its own setting."""
    if not _BLAS:
        try:
            from threadpoolctl import ThreadpoolController

            _BLAS.append(ThreadpoolController())
        except ImportError:  # pragma: no cover - depends on the environment
            _BLAS.append(None)
    return _BLAS[0].limit(limits=1, user_api="blas") if _BLAS[0] is not None else contextlib.nullcontext()


def _tanh_sigmoid_scale(hidden: int) -> np.ndarray:
    """Row scale that lets one tanh serve all four LSTM gates: sigmoid(x) = (tanh(x/2) + 1) / 2."""
    s = np.full(4 * hidden, 0.5, dtype=np.float32)
    s[2 * hidden:3 * hidden] = 1.0  # the cell candidate g uses tanh itself (torch order i, f, g, o)
    return s


class NeuralTagger:
    """The numpy forward pass of the exported network."""

    def __init__(self, path: Path | str, capitals: Mapping[str, str] | None = None) -> None:
        z = np.load(path, allow_pickle=False)
        self.vocab = {w: i for i, w in enumerate(str(z["vocab"]).split("\n"))}
        self.chars = {c: i for i, c in enumerate(str(z["chars"]).split("\n"))}
        self.capitals = capitals or {}
        self.word_emb = z["word_emb"].astype(np.float32)
        self.char_emb = z["char_emb"].astype(np.float32)
        # char CNNs: (filters x (width * char_dim) weights, bias, width)
        widths = [int(z["conv_width"])] + ([int(w) for w in z["extra_widths"]] if "extra_widths" in z.files else [])
        self.convs = [(z["conv_w"].astype(np.float32), z["conv_b"].astype(np.float32), widths[0])]
        self.convs += [(z[f"conv_w_{n}"].astype(np.float32), z[f"conv_b_{n}"].astype(np.float32), w)
                       for n, w in enumerate(widths[1:])]
        self.case_emb = z["case_emb"].astype(np.float32)
        self.cap_emb = z["cap_emb"].astype(np.float32)
        self.hidden = int(z["hidden"])
        scale = _tanh_sigmoid_scale(self.hidden)
        self.w_ih = [z[f"w_ih_{d}"].astype(np.float32) * scale[:, None] for d in "fb"]
        self.b = [(z[f"b_{d}"].astype(np.float32)) * scale for d in "fb"]
        self._w_hh_t_both = np.stack([(z[f"w_hh_{d}"].astype(np.float32) * scale[:, None]).T for d in "fb"])
        self.out_w_t = np.ascontiguousarray(z["out_w"].astype(np.float32).T)
        self.out_b = z["out_b"].astype(np.float32)
        # CRF output layer (transition, start and end scores), when the network was trained with one
        self.crf = (tuple(z[k].astype(np.float64) for k in ("crf_trans", "crf_start", "crf_end"))
                    if "crf_trans" in z.files else None)
        self._index: dict[str, int] = {}
        self._table = np.zeros((1024, 2, 4 * self.hidden), np.float32)  # gate table, row 0 = padding

    # ------------------------------------------------------- per word ---
    def word_features(self, words: Sequence[str]) -> np.ndarray:
        """The network's input vector for each word (what precedes the LSTM)."""
        n = len(words)
        ids = np.array([self.vocab.get(w.lower(), UNK) for w in words], dtype=np.int64)
        cases = np.array([casing(w) for w in words], dtype=np.int64)
        caps = np.array([cap_bucket(self.capitals.get(w.lower())) for w in words], dtype=np.int64)
        return np.concatenate([self.word_emb[ids], self._char_cnn(words), self.case_emb[cases],
                               self.cap_emb[caps]], axis=1) if n else np.zeros((0, 0), np.float32)

    def _char_cnn(self, words: Sequence[str]) -> np.ndarray:
        seqs = [char_ids(w, self.chars) for w in words]
        longest = max(len(s) for s in seqs)
        half = max(k for _, _, k in self.convs) // 2
        ids = np.zeros((len(seqs), longest + 2 * half), dtype=np.int64)
        for i, s in enumerate(seqs):
            ids[i, half:half + len(s)] = s
        emb = self.char_emb[ids]  # words x positions x dim
        lengths = np.array([len(s) for s in seqs])
        beyond = np.arange(longest)[None, :] >= lengths[:, None]
        pooled = []
        for conv_w, conv_b, k in self.convs:
            # output position p reads characters p - k//2 ... p - k//2 + k - 1 (torch's padding k//2)
            lo = half - k // 2
            windows = np.concatenate([emb[:, lo + j:lo + j + longest] for j in range(k)], axis=2)
            conv = windows @ conv_w.T + conv_b  # words x positions x filters
            conv[beyond] = -np.inf
            pooled.append(conv.max(axis=1))
        return np.concatenate(pooled, axis=1) if len(pooled) > 1 else pooled[0]

    def _rows(self, words: Sequence[str]) -> np.ndarray:
        """Row of each word in the gate table (input projections of both directions,
        computed once per word type; row 0 is the zero row used for padding)."""
        index = self._index
        new = [w for w in dict.fromkeys(words) if w not in index]
        if new:
            if len(index) + len(new) + 1 > CACHE_ROWS:  # bounded cache: start afresh
                index.clear()
                new = list(dict.fromkeys(words))
            base = len(index) + 1
            need = base + len(new)
            if need > len(self._table):
                grown = np.zeros((max(need, min(2 * len(self._table), CACHE_ROWS)),) + self._table.shape[1:],
                                 np.float32)
                grown[:base] = self._table[:base]
                self._table = grown
            x = self.word_features(new)
            self._table[base:need, 0] = x @ self.w_ih[0].T + self.b[0]
            self._table[base:need, 1] = x @ self.w_ih[1].T + self.b[1]
            for i, w in enumerate(new):
                index[w] = base + i
        return np.fromiter((index[w] for w in words), dtype=np.int64, count=len(words))

    # ------------------------------------------------------ sentences ---
    def probabilities(self, sents: Sequence[Sequence[str]], batch: int = 128) -> list[np.ndarray]:
        """Per sentence, a (tokens x 7) array of tag probabilities in ``TAGS`` order."""
        out: list[np.ndarray] = [np.zeros((0, len(TAGS)), np.float32)] * len(sents)
        order = sorted((i for i in range(len(sents)) if sents[i]), key=lambda i: len(sents[i]))
        with _one_blas_thread():
            for start in range(0, len(order), batch):
                chunk = order[start:start + batch]
                for i, p in zip(chunk, self._batch([sents[i] for i in chunk])):
                    out[i] = p
        return out

    def _batch(self, sents: list[Sequence[str]]) -> list[np.ndarray]:
        """Sentences sorted by length (shortest first)."""
        lengths = np.array([len(s) for s in sents])
        longest, nb = int(lengths.max()), len(sents)
        rows = self._rows([w for s in sents for w in s])
        # (step, sentence) -> flat token position; the backward pass reads each sentence reversed
        offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        step = np.arange(longest)[:, None]
        valid = step < lengths[None, :]
        fwd_pos = np.where(valid, offsets[None, :] + step, -1)
        bwd_pos = np.where(valid, offsets[None, :] + lengths[None, :] - 1 - step, -1)
        padded = np.concatenate([rows, [0]])  # position -1 -> the zero row
        first_active = nb - valid.sum(axis=1)  # shortest first: the active sentences come last
        hf, hb = self._run(padded[fwd_pos], padded[bwd_pos], first_active)
        # back to flat token order: token k of sentence j is forward step k, backward step n_j - 1 - k
        sent_of = np.repeat(np.arange(nb), lengths)
        k = np.arange(len(rows)) - offsets[sent_of]
        states = np.concatenate([hf[k, sent_of], hb[lengths[sent_of] - 1 - k, sent_of]], axis=1)
        logits = states @ self.out_w_t + self.out_b
        if self.crf is not None:
            return crf_marginals_many(np.split(logits, np.cumsum(lengths)[:-1]), *self.crf)
        logits -= logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        e /= e.sum(axis=1, keepdims=True)
        return np.split(e, np.cumsum(lengths)[:-1])

    def _run(self, rows_f: np.ndarray, rows_b: np.ndarray, first_active: np.ndarray) -> np.ndarray:
        """Hidden states (steps x 2 x batch x hidden) of both directions, run side by side;
        ``rows_f``/``rows_b`` (steps x batch) are gate-table rows, gathered step by step
        for the sentences still running."""
        steps, nb = rows_f.shape
        hsz = self.hidden
        flat = self._table.reshape(-1, 4 * hsz)  # (row, direction) -> 2 * row + direction
        idx = np.stack([rows_f * 2, rows_b * 2 + 1], axis=1)  # steps x 2 x batch
        w_hh_t = self._w_hh_t_both
        h = np.zeros((2, nb, hsz), np.float32)
        c = np.zeros((2, nb, hsz), np.float32)
        out = np.empty((steps, 2, nb, hsz), np.float32)
        for t in range(steps):
            lo = int(first_active[t])
            z = flat[idx[t, :, lo:]]  # 2 x running x 4 hidden
            z += np.matmul(h[:, lo:], w_hh_t)
            np.tanh(z, out=z)
            z[..., :2 * hsz] *= 0.5
            z[..., :2 * hsz] += 0.5
            z[..., 3 * hsz:] *= 0.5
            z[..., 3 * hsz:] += 0.5
            cl = c[:, lo:]  # a view: updated in place
            cl *= z[..., hsz:2 * hsz]
            cl += z[..., :hsz] * z[..., 2 * hsz:3 * hsz]
            h[:, lo:] = z[..., 3 * hsz:] * np.tanh(cl)
            out[t] = h
        return out[:, 0], out[:, 1]


# ------------------------------------------------ sentences side by side ---

def _by_length(arrays: Sequence[np.ndarray], dtype, transform) -> tuple[list[int], np.ndarray, np.ndarray, np.ndarray]:
    """The non-empty (tokens x tags) ``arrays``, transformed, stacked shortest first into a
    zero-padded (steps x sentences x tags) block, for loops that run all sentences at once.
    Returns their indices in that order, their lengths, the block, and per step (plus one
    past the last) the position of the first sentence still running."""
    order = sorted((i for i in range(len(arrays)) if len(arrays[i])), key=lambda i: len(arrays[i]))
    if not order:
        return order, np.zeros(0, np.int64), np.zeros((0, 0, 0), dtype), np.zeros(1, np.int64)
    lens = np.array([len(arrays[i]) for i in order])
    block = np.zeros((int(lens[-1]), len(order), np.shape(arrays[order[0]])[1]), dtype)
    for j, i in enumerate(order):
        block[:lens[j], j] = transform(arrays[i])
    first = np.append(np.searchsorted(lens, np.arange(int(lens[-1])), side="right"), len(order))
    return order, lens, block, first


# ------------------------------------------------------ CRF output layer ---

def crf_marginals_many(emissions: Sequence[np.ndarray], trans: np.ndarray, start: np.ndarray,
                       end: np.ndarray) -> list[np.ndarray]:
    """Per-token tag marginals (float32) of a linear-chain CRF for each sentence's emission
    scores (tokens x tags), by forward-backward over all sentences at once; probabilities
    rescaled at every step instead of log-sum-exp (one matrix product per step)."""
    out: list[np.ndarray] = [np.zeros((0, len(start)), np.float32)] * len(emissions)
    order, lens, phi, first = _by_length(
        emissions, np.float64, lambda e: np.exp(np.asarray(e, np.float64) - e.max(axis=1, keepdims=True)))
    if not order:
        return out
    steps, nb, nt = phi.shape
    expt = np.exp(trans - trans.max())
    alpha = np.zeros((steps, nb, nt))
    a = np.exp(start - start.max()) * phi[0]
    alpha[0] = a / a.sum(axis=1, keepdims=True)
    for t in range(1, steps):
        lo = first[t]
        a = (alpha[t - 1, lo:] @ expt) * phi[t, lo:]
        alpha[t, lo:] = a / a.sum(axis=1, keepdims=True)
    beta = np.zeros((steps, nb, nt))
    end_p = np.exp(end - end.max())
    for t in range(steps - 1, -1, -1):
        lo, nxt = first[t], first[t + 1]
        beta[t, lo:nxt] = end_p  # sentences whose last token is t
        if nxt < nb:
            b = (phi[t + 1, nxt:] * beta[t + 1, nxt:]) @ expt.T
            beta[t, nxt:] = b / b.sum(axis=1, keepdims=True)
    marg = alpha * beta
    marg /= np.maximum(marg.sum(axis=2, keepdims=True), 1e-300)
    for j, i in enumerate(order):
        out[i] = marg[:lens[j], j].astype(np.float32)
    return out


# ------------------------------------------------------------ decoding ---

def _allowed() -> tuple[np.ndarray, np.ndarray]:
    """Valid BIO transitions (prev x next) and valid first tags."""
    n = len(TAGS)
    trans = np.zeros((n, n), dtype=bool)
    for a, ta in enumerate(TAGS):
        for b, tb in enumerate(TAGS):
            trans[a, b] = not tb.startswith("I-") or ta[2:] == tb[2:]
    start = np.array([not t.startswith("I-") for t in TAGS])
    return trans, start


_TRANS, _START = _allowed()
_NEG = np.float32(-1e9)
_TRANS_PEN = np.where(_TRANS, 0.0, _NEG).astype(np.float32)
_START_PEN = np.where(_START, 0.0, _NEG).astype(np.float32)


def viterbi_bio(probs: np.ndarray) -> list[str]:
    """The valid BIO tag sequence with the highest product of per-token probabilities."""
    return viterbi_bio_many([probs])[0]


def viterbi_bio_many(probs: Sequence[np.ndarray]) -> list[list[str]]:
    """``viterbi_bio`` of many sentences at once (one numpy step per token position)."""
    out: list[list[str]] = [[] for _ in probs]
    order, lens, logp, first_active = _by_length(probs, np.float32, lambda p: np.log(np.maximum(p, 1e-12)))
    if not order:
        return out
    longest, nb, nt = logp.shape
    score = logp[0] + _START_PEN
    back = np.zeros((longest, nb, nt), np.int8)
    for t in range(1, longest):
        lo = int(first_active[t])
        cand = score[lo:, :, None] + _TRANS_PEN
        back[t, lo:] = cand.argmax(axis=1)
        score[lo:] = cand.max(axis=1) + logp[t, lo:]
    cur = score.argmax(axis=1)
    best = np.zeros((longest, nb), np.int64)
    cols = np.arange(nb)
    for t in range(longest - 1, -1, -1):
        lo = int(first_active[t])
        best[t, lo:] = cur[lo:]
        if t:
            cur[lo:] = back[t, cols[lo:], cur[lo:]]
    for j, i in enumerate(order):
        out[i] = [TAGS[k] for k in best[:lens[j], j]]
    return out


def ensemble(crf: np.ndarray, neural: np.ndarray, weight: float, mode: str = "geometric") -> np.ndarray:
    """Per-token combination of CRF marginals and network probabilities, ``weight``
    being the network's share: ``geometric`` (weighted log-linear, renormalised)
    or ``arithmetic`` (weighted average)."""
    if mode == "arithmetic":
        return (1.0 - weight) * crf + weight * neural
    logp = (1.0 - weight) * np.log(np.maximum(crf, 1e-9)) + weight * np.log(np.maximum(neural, 1e-9))
    p = np.exp(logp - logp.max(axis=-1, keepdims=True))
    return p / p.sum(axis=-1, keepdims=True)
