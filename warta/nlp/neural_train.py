"""Train the BiLSTM tagger of ``warta.nlp.neural`` (needs PyTorch; training only).

Same data as the CRF (``warta.nlp.train.prepare``: the same corpora, overlap
filtering, holdouts and IDNer2k repetition); word vectors initialised from
the PPMI-SVD vectors of the same unlabelled text (``train.word_vectors``).
Fixed seeds, one thread.  The result is exported to ``neural.npz``, which
``warta.nlp.neural.NeuralTagger`` runs in numpy.
"""
from __future__ import annotations

import copy
import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Sequence

import numpy as np

from warta.nlp.neural import (CAP_BUCKETS, NEURAL_FILE, PAD, TAGS, UNK, cap_bucket, casing, char_ids,
                              crf_marginals_many, viterbi_bio)
from warta.nlp.train import (SHARED, Example, TrainConfig, capital_buckets, prepare, unlabelled_examples,
                             unlabelled_sentences, word_vectors)

TAG_INDEX = {t: i for i, t in enumerate(TAGS)}


@dataclass
class NeuralConfig:
    word_dim: int = 100  # = the SVD dimension of train.word_vectors
    char_dim: int = 30
    char_filters: int = 50
    conv_width: int = 3
    case_dim: int = 8
    cap_dim: int = 8
    hidden: int = 128
    dropout: float = 0.5
    word_dropout: float = 0.05  # a known word read as UNK in training, so UNK is learnt
    lr: float = 1e-3
    batch: int = 16
    epochs: int = 20
    clip: float = 5.0
    # exponential moving average of the weights (what is evaluated and exported);
    # smooths the epoch-to-epoch swings of a small-data network (0 = off)
    ema: float = 0.999
    seed: int = 13
    min_char_count: int = 2
    extra: dict = field(default_factory=dict)
    # "softmax": token cross-entropy; "crf": a linear-chain CRF output layer trained with the
    # sentence log-likelihood (its per-token marginals are what the ensemble reads)
    output: str = "softmax"
    # further char-CNN widths beside conv_width, char_filters filters each (computed once per word type)
    extra_widths: tuple = ()


def require_training_package(name: str, purpose: str, pin: str):
    """A package only training needs (the ``train`` extra), imported, or a clear exit saying how to get it."""
    import importlib
    try:
        return importlib.import_module(name)
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise SystemExit(f"{purpose} needs {name}: pip install 'warta[train]' ({pin})") from e


def require_torch():
    return require_training_package("torch", "training the neural NER tagger", "torch==2.13.0, CPU build")


# ---------------------------------------------------------------- model ---

def build_network(torch, n_words: int, n_chars: int, cfg: NeuralConfig):
    nn = torch.nn

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.word_emb = nn.Embedding(n_words, cfg.word_dim, padding_idx=PAD)
            self.char_emb = nn.Embedding(n_chars, cfg.char_dim, padding_idx=PAD)
            self.conv = nn.Conv1d(cfg.char_dim, cfg.char_filters, cfg.conv_width, padding=cfg.conv_width // 2)
            self.convs = nn.ModuleList(nn.Conv1d(cfg.char_dim, cfg.char_filters, w, padding=w // 2)
                                       for w in cfg.extra_widths)
            self.case_emb = nn.Embedding(6, cfg.case_dim)
            self.cap_emb = nn.Embedding(len(CAP_BUCKETS), cfg.cap_dim)
            dim = cfg.word_dim + cfg.char_filters * (1 + len(cfg.extra_widths)) + cfg.case_dim + cfg.cap_dim
            self.drop = nn.Dropout(cfg.dropout)
            self.lstm = nn.LSTM(dim, cfg.hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * cfg.hidden, len(TAGS))
            if cfg.output == "crf":
                k = len(TAGS)
                self.trans = nn.Parameter(torch.zeros(k, k))  # score of tag i followed by tag j
                self.start = nn.Parameter(torch.zeros(k))
                self.end = nn.Parameter(torch.zeros(k))

        def features(self, words, chars, char_len, cases, caps):
            # chars: (tokens, positions) for the flat list of tokens
            e = self.char_emb(chars).transpose(1, 2)
            mask = torch.arange(chars.shape[1])[None, :] >= char_len[:, None]
            char_vecs = []
            for conv_layer in [self.conv, *self.convs]:
                # an even width yields one more position; max-pool over the word's own positions
                conv = conv_layer(e)[:, :, :chars.shape[1]]  # tokens x filters x positions
                conv = conv.masked_fill(mask[:, None, :], float("-inf"))
                char_vecs.append(conv.max(dim=2).values)
            return torch.cat([self.word_emb(words), *char_vecs, self.case_emb(cases), self.cap_emb(caps)], dim=-1)

        def forward(self, words, chars, char_len, cases, caps, lengths):
            x = self.features(words, chars, char_len, cases, caps)  # flat tokens x dim
            seqs = torch.split(x, lengths.tolist())
            padded = nn.utils.rnn.pad_sequence(seqs, batch_first=True)
            packed = nn.utils.rnn.pack_padded_sequence(self.drop(padded), lengths, batch_first=True,
                                                       enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True)
            return self.out(self.drop(h))  # batch x steps x tags

        def crf_nll(self, logits, gold, lengths):
            """Summed negative log-likelihood of the gold tag sequences (``gold``: batch x steps,
            any tag past a sentence's end) under the CRF layer; ``logits`` are its emission scores."""
            steps = logits.shape[1]
            mask = torch.arange(steps)[None, :] < lengths[:, None]
            emit = logits.gather(2, gold[:, :, None]).squeeze(2)
            gold_score = (self.start[gold[:, 0]] + (emit * mask).sum(1)
                          + (self.trans[gold[:, :-1], gold[:, 1:]] * mask[:, 1:]).sum(1)
                          + self.end[gold.gather(1, (lengths - 1)[:, None]).squeeze(1)])
            alpha = self.start[None, :] + logits[:, 0]
            for t in range(1, steps):
                nxt = torch.logsumexp(alpha[:, :, None] + self.trans[None] + logits[:, t, None, :], dim=1)
                alpha = torch.where(mask[:, t, None], nxt, alpha)
            log_z = torch.logsumexp(alpha + self.end[None, :], dim=1)
            return (log_z - gold_score).sum()

    return Tagger()


class Encoder:
    """Words and characters to ids (the vocabulary exported with the weights)."""

    def __init__(self, vocab: list[str], chars: list[str], capitals: dict[str, str]) -> None:
        self.vocab_list = vocab
        self.chars_list = chars
        self.vocab = {w: i for i, w in enumerate(vocab)}
        self.chars = {c: i for i, c in enumerate(chars)}
        self.capitals = capitals

    def batch(self, torch, sents: Sequence[Sequence[str]], rng: Optional[random.Random] = None,
              word_dropout: float = 0.0):
        flat = [w for s in sents for w in s]
        ids = [self.vocab.get(w.lower(), UNK) for w in flat]
        if rng is not None and word_dropout:
            ids = [UNK if rng.random() < word_dropout else i for i in ids]
        cs = [char_ids(w, self.chars) for w in flat]
        longest = max(len(c) for c in cs)
        chars = torch.zeros((len(flat), longest), dtype=torch.long)
        for i, c in enumerate(cs):
            chars[i, :len(c)] = torch.tensor(c)
        return (torch.tensor(ids), chars, torch.tensor([len(c) for c in cs]),
                torch.tensor([casing(w) for w in flat]),
                torch.tensor([cap_bucket(self.capitals.get(w.lower())) for w in flat]),
                torch.tensor([len(s) for s in sents]))


# ------------------------------------------------------------- training ---

def _resources(config: TrainConfig, data_dir: Path, log) -> tuple[list[str], np.ndarray, dict[str, str]]:
    raw = unlabelled_sentences(data_dir, unlabelled_examples(config, data_dir), config.unlabelled_extra)
    capitals = capital_buckets(raw)
    vocab, vec = word_vectors(raw, config.svd_dim, config.min_count, config.seed)
    log(f"  unlabelled text: {len(raw)} sentences; {len(vocab)} word vectors")
    return vocab, vec, capitals


def probabilities(torch, net, enc: Encoder, sents: Sequence[Sequence[str]], batch: int = 64) -> list[np.ndarray]:
    net.eval()
    out: list[np.ndarray] = [np.zeros((0, len(TAGS)), np.float32)] * len(sents)
    order = sorted((i for i in range(len(sents)) if sents[i]), key=lambda i: len(sents[i]))
    with torch.no_grad():
        for s in range(0, len(order), batch):
            chunk = order[s:s + batch]
            logits = net(*enc.batch(torch, [sents[i] for i in chunk]))
            if hasattr(net, "trans"):  # CRF output layer: per-token marginals
                em = [logits[j, :len(sents[i])].numpy() for j, i in enumerate(chunk)]
                probs = crf_marginals_many(em, *(x.detach().numpy() for x in (net.trans, net.start, net.end)))
            else:
                full = torch.softmax(logits, dim=-1).numpy()
                probs = [full[j, :len(sents[i])] for j, i in enumerate(chunk)]
            for j, i in enumerate(chunk):
                out[i] = probs[j]
    return out


def train_neural(config: TrainConfig, cfg: NeuralConfig, out_dir: Optional[Path] = None,
                 data_dir: Path = SHARED / "data", log: Callable[[str], None] = print,
                 dev: Optional[dict[str, list[Example]]] = None,
                 on_epoch: Optional[Callable[[int, object, Encoder], None]] = None) -> dict:
    """Train the network; export it to ``out_dir/neural.npz`` (if given).

    ``dev``: name -> examples, scored (entity F1, valid-BIO decoding) after each
    epoch; ``on_epoch(epoch, net, encoder)`` is called after each epoch too."""
    from warta.nlp.train import entity_f1

    torch = require_torch()
    torch.set_num_threads(1)
    torch.manual_seed(cfg.seed)
    random.seed(cfg.seed)
    np.random.seed(cfg.seed)
    t_start = time.time()
    examples, stats = prepare(config, data_dir, log)
    vocab, vec, capitals = _resources(config, data_dir, log)
    char_counts: dict[str, int] = {}
    for ex in examples:
        for w in ex.words:
            for ch in w:
                char_counts[ch] = char_counts.get(ch, 0) + 1
    chars = ["<pad>", "<unk>", "<w>", "</w>"] + sorted(c for c, n in char_counts.items()
                                                        if n >= cfg.min_char_count and c != "\n")
    words = ["<pad>", "<unk>"] + vocab
    enc = Encoder(words, chars, capitals)
    net = build_network(torch, len(words), len(chars), cfg)
    with torch.no_grad():
        net.word_emb.weight[2:] = torch.tensor(vec, dtype=torch.float32)
        net.word_emb.weight[:2] = 0.0
    opt = torch.optim.Adam(net.parameters(), lr=cfg.lr)
    params = list(net.parameters())
    avg_net = copy.deepcopy(net) if cfg.ema else net
    avg = list(avg_net.parameters())
    data = []
    for ex in examples:
        for _ in range(config.repeat.get(ex.corpus.split("-")[0], 1)):
            data.append(ex)
    rng = random.Random(cfg.seed)
    history = []
    loss_fn = torch.nn.CrossEntropyLoss(reduction="sum")
    for epoch in range(1, cfg.epochs + 1):
        net.train()
        t0 = time.time()
        rng.shuffle(data)
        total = 0.0
        ntok = 0
        for s in range(0, len(data), cfg.batch):
            chunk = data[s:s + cfg.batch]
            inputs = enc.batch(torch, [ex.words for ex in chunk], rng, cfg.word_dropout)
            logits = net(*inputs)
            gold = torch.full(logits.shape[:2], -100, dtype=torch.long)
            for j, ex in enumerate(chunk):
                gold[j, :len(ex.tags)] = torch.tensor([TAG_INDEX[t] for t in ex.tags])
            n = sum(len(ex.tags) for ex in chunk)
            if cfg.output == "crf":
                loss = net.crf_nll(logits, gold.clamp(min=0), inputs[-1]) / len(chunk)
            else:
                loss = loss_fn(logits.reshape(-1, len(TAGS)), gold.reshape(-1)) / len(chunk)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), cfg.clip)
            opt.step()
            if cfg.ema:
                with torch.no_grad():
                    torch._foreach_lerp_(avg, params, 1.0 - cfg.ema)
            total += float(loss.detach()) * len(chunk)
            ntok += n
        row = {"epoch": epoch, "loss": round(total / ntok, 4), "seconds": round(time.time() - t0, 1)}
        if dev:
            for name, exs in dev.items():
                probs = probabilities(torch, avg_net, enc, [ex.words for ex in exs])
                row[name] = round(entity_f1([ex.tags for ex in exs], [viterbi_bio(p) for p in probs])["f1"], 4)
            row["sum"] = round(sum(row[k] for k in dev), 4)
        history.append(row)
        log("  " + " ".join(f"{k}={v}" for k, v in row.items()))
        if on_epoch:
            on_epoch(epoch, avg_net, enc)
    meta = {"config": cfg.__dict__, "training_sets": stats, "history": history,
            "train_seconds": round(time.time() - t_start, 1)}
    if out_dir is not None:
        export(avg_net, enc, cfg, Path(out_dir) / NEURAL_FILE)
    meta["net"], meta["encoder"] = avg_net, enc
    return meta


def export(net, enc: Encoder, cfg: NeuralConfig, path: Path) -> None:
    """Weights for ``warta.nlp.neural.NeuralTagger`` (float32)."""
    sd = {k: v.detach().numpy() for k, v in net.state_dict().items()}
    conv = sd["conv.weight"]  # filters x char_dim x width  ->  filters x (width * char_dim)
    arrays = {
        "vocab": np.array("\n".join(enc.vocab_list)),
        "chars": np.array("\n".join(enc.chars_list)),
        "word_emb": sd["word_emb.weight"].astype(np.float32),
        "char_emb": sd["char_emb.weight"].astype(np.float32),
        "conv_w": conv.transpose(0, 2, 1).reshape(conv.shape[0], -1).astype(np.float32),
        "conv_b": sd["conv.bias"].astype(np.float32),
        "conv_width": np.array(cfg.conv_width),
        "case_emb": sd["case_emb.weight"].astype(np.float32),
        "cap_emb": sd["cap_emb.weight"].astype(np.float32),
        "hidden": np.array(cfg.hidden),
        "out_w": sd["out.weight"].astype(np.float32),
        "out_b": sd["out.bias"].astype(np.float32),
    }
    if cfg.extra_widths:
        arrays["extra_widths"] = np.array(list(cfg.extra_widths), dtype=np.int64)
    for n, w in enumerate(cfg.extra_widths):
        c = sd[f"convs.{n}.weight"]
        arrays[f"conv_w_{n}"] = c.transpose(0, 2, 1).reshape(c.shape[0], -1).astype(np.float32)
        arrays[f"conv_b_{n}"] = sd[f"convs.{n}.bias"].astype(np.float32)
    if cfg.output == "crf":
        arrays.update(crf_trans=sd["trans"].astype(np.float32), crf_start=sd["start"].astype(np.float32),
                      crf_end=sd["end"].astype(np.float32))
    for d, suffix in (("f", ""), ("b", "_reverse")):
        arrays[f"w_ih_{d}"] = sd[f"lstm.weight_ih_l0{suffix}"].astype(np.float32)
        arrays[f"w_hh_{d}"] = sd[f"lstm.weight_hh_l0{suffix}"].astype(np.float32)
        arrays[f"b_{d}"] = (sd[f"lstm.bias_ih_l0{suffix}"] + sd[f"lstm.bias_hh_l0{suffix}"]).astype(np.float32)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **arrays)
