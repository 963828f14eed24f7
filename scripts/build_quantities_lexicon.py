"""Build warta/data/quantities_pos.json: which words cannot head a counted noun.

``warta.quantities`` decides what a number counts ("2.030 pasukan", "250
perangkat militer") by looking at the words after it.  It needs to know which
of those words are verbs, adverbs, function words (not a counted thing) and
which are adjectives (a possible one-word modifier).  This script derives
that word-class table from part-of-speech annotated Indonesian corpora:

- Universal Dependencies Indonesian CSUI (train, test) and GSD (dev),
  CC BY-SA 4.0;
- IDNer2k (Khairunnisa et al. 2020), MIT.

Each word gets its most frequent UPOS tag (lower-cased form, ties broken
toward NOUN).  Only words whose majority tag is not NOUN/PROPN/NUM are kept,
split into ``adjectives`` and ``non_nouns``; any other word is taken for a
noun at run time.

Usage: .venv/bin/python scripts/build_quantities_lexicon.py [SHARED_DIR]
"""
from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "warta" / "data" / "quantities_pos.json"
NOUNISH = {"NOUN", "PROPN", "NUM", "SYM", "X", "PUNCT"}
NON_NOUN = {"VERB", "AUX", "ADV", "ADP", "CCONJ", "SCONJ", "PART", "PRON", "DET", "INTJ"}


def conllu_tags(path: Path):
    for line in path.open(encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) > 3 and cols[0].isdigit():
            yield cols[1], cols[3]


def idner_tags(path: Path):
    for line in path.open(encoding="utf-8"):
        cols = line.split()
        if len(cols) >= 3:
            yield cols[0], cols[1]


def build(shared: Path) -> dict:
    counts: dict[str, Counter] = defaultdict(Counter)
    sources = [
        (conllu_tags, shared / "data/ud/csui/train.conllu"),
        (conllu_tags, shared / "data/ud/csui/test.conllu"),
        (conllu_tags, shared / "data/ud/gsd/dev.conllu"),
        (idner_tags, shared / "data/ner/idner2k/train.txt"),
        (idner_tags, shared / "data/ner/idner2k/dev.txt"),
    ]
    for reader, path in sources:
        for word, tag in reader(path):
            if word.isalpha() or "-" in word:
                counts[word.lower()][tag] += 1
    adjectives, non_nouns = [], []
    for word, tags in counts.items():
        best = max(tags, key=lambda t: (tags[t], t == "NOUN"))
        if best == "ADJ":
            adjectives.append(word)
        elif best in NON_NOUN:
            non_nouns.append(word)
    return {
        "_source": "Majority UPOS per word from UD Indonesian CSUI + GSD (CC BY-SA 4.0) "
                   "and IDNer2k (MIT); built by scripts/build_quantities_lexicon.py",
        "adjectives": sorted(adjectives),
        "non_nouns": sorted(non_nouns),
    }


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared"
    table = build(shared)
    OUT.write_text(json.dumps(table, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(table['adjectives'])} adjectives, {len(table['non_nouns'])} non-nouns")


if __name__ == "__main__":
    main()
