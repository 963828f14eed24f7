"""``warta ner`` (tag tokens or text) and ``warta train ner`` (build the model)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

train_app = typer.Typer(
    name="train",
    help="Train the models warta ships.",
    no_args_is_help=True,
    add_completion=False,
)


def _read_input(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    if not path.exists():
        from warta.errors import WartaError

        err = WartaError("W100", source)
        typer.echo(json.dumps(err.to_dict(), ensure_ascii=False), err=True)
        raise typer.Exit(2)
    return path.read_text(encoding="utf-8", errors="replace")


def _conll_sentences(data: str) -> list[list[str]]:
    sents: list[list[str]] = []
    cur: list[str] = []
    for line in data.splitlines():
        if not line.strip():
            if cur:
                sents.append(cur)
                cur = []
            continue
        cur.append(line.split()[0])
    if cur:
        sents.append(cur)
    return sents


def ner_command(
    source: str = typer.Argument(..., metavar="FILE", help="Input file, or - for standard input."),
    text: bool = typer.Option(False, "--text", help="FILE is raw text: print entity spans as JSON."),
    model: Optional[Path] = typer.Option(None, "--model", help="Model directory (default: the shipped model)."),
) -> None:
    """Tag named entities (PER, ORG, LOC).

    Without --text, FILE holds one token per line (first column = token,
    other columns ignored) with a blank line between sentences; the output is
    TOKEN<TAB>BIO-TAG lines in the same order, a blank line between sentences.
    With --text, FILE is raw text and the output is a JSON list of spans
    (text, label, start, end) with character offsets into the text.
    """
    from warta.nlp.ner import load_model
    from warta.nlp.tokens import sentences as split_text

    data = _read_input(source)
    tagger = load_model(model)
    if text:
        spans = tagger.entities(data, split_text(data))
        sys.stdout.write(json.dumps([s.to_dict() for s in spans], ensure_ascii=False, indent=1) + "\n")
        return
    sents = _conll_sentences(data)
    # the file is read as one document: document-level rules see every sentence
    out = ["".join(f"{w}\t{t}\n" for w, t in zip(words, tags)) for words, tags in zip(sents, tagger.tag_many(sents))]
    sys.stdout.write("\n".join(out))


def train_ner_command(
    out: Optional[Path] = typer.Option(None, "--out", help="Output directory (default: warta/models/ner)."),
    holdout: List[str] = typer.Option([], "--holdout", help="Corpus to keep out of training, e.g. idner2k-dev (repeatable)."),
    data: Optional[Path] = typer.Option(None, "--data", help="Shared data directory (default: ../shared/data)."),
    neural: bool = typer.Option(True, "--neural/--no-neural",
                                help="Also train the BiLSTM of the ensemble (needs PyTorch: pip install 'warta\\[train]')."),
    pos: str = typer.Option("", "--pos", help="UPOS features for the CRF (warta.nlp.pos, trained on the UD "
                                              "treebanks into the model directory): window | shape; "
                                              "default: off."),
) -> None:
    """Train the named-entity model from ../shared/data/ner (fixed seeds): the CRF, then the BiLSTM."""
    from warta.nlp.features import POS_MODES
    from warta.nlp.ner import MODEL_DIR
    from warta.nlp.train import CORPORA, SHARED, TrainConfig, train_model

    if pos not in POS_MODES:
        raise typer.BadParameter(f"unknown --pos {pos!r}; one of " + ", ".join(m for m in POS_MODES if m))
    for name in holdout:
        if name not in CORPORA or CORPORA[name][1] != "train":
            raise typer.BadParameter(f"unknown training corpus {name!r}; one of "
                                     + ", ".join(k for k, v in CORPORA.items() if v[1] == "train"))
    data_dir = data or (SHARED / "data")
    if not (data_dir / "ner").is_dir():
        typer.echo(f"no NER corpora under {data_dir}/ner", err=True)
        raise typer.Exit(2)
    target = out or MODEL_DIR
    config = TrainConfig(holdout=list(holdout), neural=neural, pos=pos)
    meta = train_model(config, target, data_dir, log=lambda m: typer.echo(m, err=True))
    typer.echo(f"model written to {target} in {meta['train_seconds']}s", err=True)


def register(app: typer.Typer) -> None:
    app.command("ner")(ner_command)
    train_app.command("ner")(train_ner_command)
    app.add_typer(train_app, name="train")
