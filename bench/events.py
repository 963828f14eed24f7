#!/usr/bin/env python3
"""Score warta's event coder against the development gold (and the canonical page).

usage:
  .venv/bin/python bench/events.py [--gold tests/fixtures/events_gold.jsonl] [--csv CSV]
                                   [--quiet] [--json]
  .venv/bin/python bench/events.py --canonical [--page PAGE]
  (either form) --ner-model DIR   use the NER model in DIR instead of warta/models/ner
  --half tune|heldout             one fixed half of the gold articles (develop on tune, check heldout)
  --gold tests/fixtures/events_gold_heldout.jsonl
                                  the separate held-out gold (25 articles never tuned on): the honest
                                  estimate for a hidden gold set; same matching rule
  .venv/bin/python bench/events.py --sample 40 [--seed 401] [--url REGEX]
                                  N events drawn at random from the CSV articles outside every gold file
                                  (optionally only URLs matching REGEX), printed with their sentences to
                                  judge precision by hand on text no rule was written from

The gold (``tests/fixtures/events_gold.jsonl``, guidelines in
``tests/fixtures/EVENTS_GOLD.md``) holds annotations only: for each article
its URL in ``../shared/data/news/raw-2025-06-18.csv`` and one line per event
(type, mode, actor, target, negated, hypothetical, sentence offsets into the
row's raw ``isi_berita``).  This script selects exactly those rows by URL,
runs ``iter_captures`` -> ``parse_capture`` -> ``pipeline.analyze`` on them and
compares the predicted events with the gold events of the same article.

Matching rule (the same in EVENTS_GOLD.md):
  a predicted event matches a gold event of the same article when
  - the PLOVER types are equal, and
  - the actors match, and
  - the targets match,
  where two participants match when both are null, or, both being present,
    (a) their names are equal ignoring case, or
    (b) the two names share a word of at least 3 letters (case-insensitive,
        words split at anything not a letter or digit, a few function words
        such as "yang", "dan", "pihak", "para" ignored), or
    (c) their codes are equal and non-empty (the CAMEO-style code carries no
        entity identity: country + sector such as IDNCOP, ISRMIL, IGOUNO).
  Matching is greedy and one-to-one, gold events taken in file order, each
  taking the first unused predicted event that matches; a first pass uses
  rules (a)-(b) only, a second pass adds (c) for what is left.
Every predicted event counts (negated and hypothetical ones too).  A second
set of figures ("flags agree") additionally requires ``negated`` and
``hypothetical`` to equal the gold's.  A "strict names" line drops rule (c).

Prints precision, recall and F1 overall and per type, then (unless --quiet)
the misses and false positives with their sentences: stdout only, nothing is
written, since the article text must never enter the repository.

--canonical scores the Republika page of ../shared/examples/republika-csto
against the 12 events of its expected.md §6, written below as this project's
own annotation (short names only): found = expected events matched with the
right type, actor and target (a few rows accept alternatives, as §6 does);
wrong = predicted events that match none of the 12.  Target: found >= 9,
wrong <= 2.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_GOLD = ROOT / "tests" / "fixtures" / "events_gold.jsonl"
DEFAULT_CSV = SHARED / "data" / "news" / "raw-2025-06-18.csv"
CANONICAL_PAGE = SHARED / "examples" / "republika-csto" / "page.txt"
COLUMNS = "url=url,title=judul,authors=author,published=tanggal_publikasi,body=isi_berita,outlet=sumber"
TYPES = ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "INVESTIGATE", "DEMAND",
         "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT",
         "CRIME")
FUNCTION_WORDS = {"yang", "dan", "dari", "untuk", "para", "pihak", "the", "and", "of"}
WORD = re.compile(r"[^\W_]+", re.UNICODE)

# The 12 events of expected.md §6, as this project's own annotation.  Names are
# alternatives (any may match); "types" lists the types §6 accepts.
CANONICAL: list[dict[str, Any]] = [
    {"n": 1, "types": ["RETREAT"], "mode": "withdraw",
     "actor": {"names": ["CSTO", "Organisasi Perjanjian Keamanan Kolektif"], "code": "IGOCSTO"}, "target": None},
    {"n": 2, "types": ["COERCE"], "mode": "dismissal",
     "actor": {"names": ["Kassym-Jomart Tokayev"], "code": "KAZGOV"},
     "target": {"names": ["Karim Masimov"], "code": None}},
    {"n": 3, "types": ["COERCE"], "mode": "arrest",
     "actor": {"names": ["pihak berwenang Kazakhstan", "Kazakhstan"], "code": "KAZGOV"},
     "target": {"names": ["Karim Masimov"], "code": None}},
    {"n": 4, "types": ["DEMAND"], "mode": "military aid",
     "actor": {"names": ["Kassym-Jomart Tokayev"], "code": "KAZGOV"},
     "target": {"names": ["CSTO", "Organisasi Perjanjian Keamanan Kolektif"], "code": "IGOCSTO"}},
    {"n": 5, "types": ["DISAPPROVE"], "mode": "accuse",
     "actor": {"names": ["Kassym-Jomart Tokayev"], "code": "KAZGOV"},
     "target": {"names": ["pengunjuk rasa", "demonstran"], "code": "KAZCVL"}},
    {"n": 6, "types": ["MOBILIZE", "AID"], "mode": "troops",
     "actor": {"names": ["CSTO", "Organisasi Perjanjian Keamanan Kolektif"], "code": "IGOCSTO"},
     "target": "any"},
    {"n": 7, "types": ["DISAPPROVE"], "mode": "criticize",
     "actor": {"names": ["Amerika Serikat", "Washington", "Departemen Luar Negeri", "Ned Price"], "code": "USAGOV"},
     "target": {"names": ["CSTO", "Organisasi Perjanjian Keamanan Kolektif", "Rusia", "Moskow"],
                "code": "IGOCSTO"}},
    {"n": 8, "types": ["SUPPORT"], "mode": "praise",
     "actor": {"names": ["Ned Price", "Amerika Serikat", "Washington"], "code": "USAGOV"},
     "target": {"names": ["CSTO", "Organisasi Perjanjian Keamanan Kolektif"], "code": "IGOCSTO"}},
    {"n": 9, "types": ["DEMAND"], "mode": None,
     "actor": {"names": ["Ned Price", "Amerika Serikat", "Washington"], "code": "USAGOV"},
     "target": {"names": ["CSTO", "Organisasi Perjanjian Keamanan Kolektif"], "code": "IGOCSTO"}},
    {"n": 10, "types": ["COERCE"], "mode": "arrest",
     "actor": {"names": ["pihak berwenang Kazakhstan", "Kazakhstan"], "code": "KAZGOV"},
     "target": {"names": ["pengunjuk rasa", "demonstran", "orang"], "code": "KAZCVL"}},
    {"n": 11, "types": ["COERCE"], "mode": "arrest", "actor": "any",
     "target": {"names": ["aktivis"], "code": None}},
    {"n": 12, "types": ["PROTEST"], "mode": None,
     "actor": {"names": ["pengunjuk rasa", "demonstran"], "code": "KAZCVL"},
     "target": "any"},
]


# ------------------------------------------------------------- matching ---

def _words(name: str) -> set[str]:
    return {w for w in WORD.findall(name.casefold()) if len(w) >= 3 and w not in FUNCTION_WORDS}


def _code(code: Optional[str]) -> str:
    return re.sub(r"[^A-Z]", "", (code or "").upper())


def names_match(a: Optional[str], b: Optional[str]) -> bool:
    if not a or not b:
        return False
    return a.casefold().strip() == b.casefold().strip() or bool(_words(a) & _words(b))


def participant_match(gold: Optional[dict], pred: Optional[dict], use_codes: bool = True) -> bool:
    """Gold {names|name, code} or None or "any"; pred {name, code} or None."""
    if gold == "any":
        return True
    if gold is None or pred is None:
        return gold is None and pred is None
    names = gold.get("names") or [gold.get("name")]
    if any(names_match(n, pred.get("name")) for n in names):
        return True
    return use_codes and bool(_code(gold.get("code"))) and _code(gold.get("code")) == _code(pred.get("code"))


def event_match(gold: dict, pred: dict, flags: bool = False, use_codes: bool = True) -> bool:
    types = gold.get("types") or [gold["type"]]
    if pred["type"] not in types:
        return False
    if flags and (bool(gold.get("negated")) != pred["negated"] or bool(gold.get("hypothetical")) != pred["hypothetical"]):
        return False
    return participant_match(gold["actor"], pred["actor"], use_codes) and \
        participant_match(gold["target"], pred["target"], use_codes)


def greedy(golds: list[dict], preds: list[dict], flags: bool = False, use_codes: bool = True) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index): each gold takes the first unused matching prediction.

    Two passes: by names first, then (when codes count) by codes among what is left, so that a
    code-only match never takes a prediction that names another gold event's participants.
    """
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for codes in ((False, True) if use_codes else (False,)):
        for gi, g in enumerate(golds):
            if gi in used_g:
                continue
            for pi, p in enumerate(preds):
                if pi not in used_p and event_match(g, p, flags=flags, use_codes=codes):
                    used_g.add(gi)
                    used_p.add(pi)
                    pairs.append((gi, pi))
                    break
    return sorted(pairs)


# ----------------------------------------------------------- prediction ---

def _participant(actor: Any) -> Optional[dict]:
    if actor is None:
        return None
    return {"name": getattr(actor, "name", None), "code": getattr(actor, "code", None)}


def predicted(event: Any) -> dict:
    """The fields scored, from a warta.records.Event."""
    sentence = getattr(event, "sentence", None)
    trigger = getattr(event, "trigger", None)
    return {"type": event.type, "mode": event.mode, "actor": _participant(event.actor),
            "target": _participant(event.target), "negated": bool(event.negated),
            "hypothetical": bool(event.hypothetical), "confidence": getattr(event, "confidence", None) or 0.0,
            "trigger": getattr(trigger, "text", None), "sentence": getattr(sentence, "text", None)}


def analyse_rows(csv_path: Path, urls: set[str]) -> tuple[dict[str, list[dict]], dict[str, str], float]:
    """Predicted events per URL for exactly the gold rows, the raw bodies, and seconds spent in analyze."""
    import csv as csvlib

    from warta.capture import iter_captures, parse_columns
    from warta.parse import parse_capture
    from warta.pipeline import analyze

    csvlib.field_size_limit(10**9)
    with csv_path.open(encoding="utf-8-sig", newline="") as f:
        raw = {row["url"]: row["isi_berita"] for row in csvlib.DictReader(f) if row["url"] in urls}
    out: dict[str, list[dict]] = {}
    failures: Counter = Counter()
    spent = 0.0
    for cap in iter_captures([str(csv_path)], columns=parse_columns(COLUMNS)):
        if getattr(cap, "url", None) not in urls or cap.url in out:
            continue
        article = parse_capture(cap)
        start = time.perf_counter()
        analysis = analyze(article)
        spent += time.perf_counter() - start
        failures.update(w for w in article.warnings if w.startswith("W150"))
        out[cap.url] = [predicted(e) for e in analysis.events]
    for warning, n in failures.items():
        print(f"warning ({n} articles): {warning}", file=sys.stderr)
    return out, raw, spent


# -------------------------------------------------------------- scoring ---

@dataclass
class Tally:
    gold: Counter = field(default_factory=Counter)
    pred: Counter = field(default_factory=Counter)
    hit_gold: Counter = field(default_factory=Counter)
    hit_pred: Counter = field(default_factory=Counter)

    def add(self, golds: list[dict], preds: list[dict], pairs: list[tuple[int, int]]) -> None:
        self.gold.update(g["type"] for g in golds)
        self.pred.update(p["type"] for p in preds)
        self.hit_gold.update(golds[gi]["type"] for gi, _ in pairs)
        self.hit_pred.update(preds[pi]["type"] for _, pi in pairs)

    def prf(self, kind: Optional[str] = None) -> tuple[float, float, float, int, int, int]:
        pick = (lambda c: c[kind]) if kind else (lambda c: sum(c.values()))
        g, p, hg, hp = pick(self.gold), pick(self.pred), pick(self.hit_gold), pick(self.hit_pred)
        precision = hp / p if p else 0.0
        recall = hg / g if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1, hg, g, p


def load_gold(path: Path) -> tuple[dict[str, list[dict]], dict[str, int]]:
    events: dict[str, list[dict]] = defaultdict(list)
    declared: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        if item.get("article"):
            declared[item["url"]] = item["events"]
        else:
            events[item["url"]].append(item)
    for url, n in declared.items():
        if len(events.get(url, [])) != n:
            raise SystemExit(f"gold inconsistent: {url} declares {n} events, has {len(events.get(url, []))}")
    return {url: events.get(url, []) for url in declared}, declared


def score(gold: dict[str, list[dict]], preds: dict[str, list[dict]]) -> dict[str, Any]:
    """All figures; also the misses and false positives of the main (flag-free) matching."""
    main, flagged, strict = Tally(), Tally(), Tally()
    misses, false_pos = [], []
    for url, golds in gold.items():
        ps = preds.get(url, [])
        pairs = greedy(golds, ps)
        main.add(golds, ps, pairs)
        flagged.add(golds, ps, greedy(golds, ps, flags=True))
        strict.add(golds, ps, greedy(golds, ps, use_codes=False))
        hit_g, hit_p = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
        misses += [(url, g) for gi, g in enumerate(golds) if gi not in hit_g]
        false_pos += [(url, p) for pi, p in enumerate(ps) if pi not in hit_p]
    return {"main": main, "flags": flagged, "strict": strict, "misses": misses, "false_positives": false_pos}


def _raw_span(pred: dict, raw: str) -> Optional[tuple[int, int]]:
    """Where a predicted sentence sits in the raw row text (bodies keep the raw sentences)."""
    text = (pred.get("sentence") or "").strip()
    if not text:
        return None
    at = raw.find(text[:60])
    return None if at < 0 else (at, at + len(text))


def _near(gold: dict, pred: dict, raw: str) -> bool:
    span = _raw_span(pred, raw)
    return span is not None and span[0] < gold["sentence_end"] and gold["sentence_start"] < span[1]


def diagnose(result: dict[str, Any], raw: dict[str, str]) -> tuple[Counter, Counter]:
    """Why events were missed / predicted wrongly, judged from predictions in the same sentence."""
    fps_by_url: dict[str, list[dict]] = defaultdict(list)
    for url, p in result["false_positives"]:
        fps_by_url[url].append(p)
    misses_by_url: dict[str, list[dict]] = defaultdict(list)
    for url, g in result["misses"]:
        misses_by_url[url].append(g)
    miss_why: Counter = Counter()
    for url, g in result["misses"]:
        near = [p for p in fps_by_url[url] if _near(g, p, raw.get(url, ""))]
        same = [p for p in near if p["type"] == g["type"]]
        if not near:
            miss_why["no prediction in the sentence"] += 1
        elif not same:
            miss_why["sentence coded with another type"] += 1
        else:
            actor_ok = any(participant_match(g["actor"], p["actor"]) for p in same)
            target_ok = any(participant_match(g["target"], p["target"]) for p in same)
            miss_why["right type, wrong actor" if target_ok else
                     "right type, wrong target" if actor_ok else "right type, wrong actor and target"] += 1
    fp_why: Counter = Counter()
    for url, p in result["false_positives"]:
        near = [g for g in misses_by_url[url] if _near(g, p, raw.get(url, ""))]
        if _raw_span(p, raw.get(url, "")) is None:
            fp_why["sentence not found in the row"] += 1
        elif not near:
            fp_why["no gold event in the sentence"] += 1
        elif any(g["type"] == p["type"] for g in near):
            fp_why["gold event of this type there, participants differ"] += 1
        else:
            fp_why["gold event there, other type"] += 1
    return miss_why, fp_why


def _who(p: Optional[dict]) -> str:
    return "-" if p is None else f"{p.get('name')}[{p.get('code') or ''}]"


def _fmt(t: Tally, kind: Optional[str] = None) -> str:
    p, r, f, hg, g, n = t.prf(kind)
    return f"P={p:.3f} R={r:.3f} F1={f:.3f} (gold {hg}/{g} found, predicted {n})"


def report(result: dict[str, Any], raw: dict[str, str], quiet: bool) -> None:
    main = result["main"]
    print(f"overall            {_fmt(main)}")
    print(f"flags agree        {_fmt(result['flags'])}")
    print(f"strict names       {_fmt(result['strict'])}")
    print("per type:")
    for kind in sorted(set(main.gold) | set(main.pred)):
        print(f"  {kind:<12} {_fmt(main, kind)}")
    miss_why, fp_why = diagnose(result, raw)
    print("misses by cause:", dict(miss_why.most_common()))
    print("false positives by cause:", dict(fp_why.most_common()))
    if quiet:
        return
    print("\nmisses (gold events not found):")
    for url, g in result["misses"]:
        body = raw.get(url, "")
        sentence = body[g["sentence_start"]:g["sentence_end"]].replace("\n", " ")[:220]
        flags = "".join(f for f, on in (("N", g["negated"]), ("H", g["hypothetical"])) if on)
        print(f"  {g['type']:<11} {_who(g['actor'])} -> {_who(g['target'])} {flags}\n      {url}\n      | {sentence}")
    print("\nfalse positives (predicted events matching no gold event):")
    for url, p in result["false_positives"]:
        flags = "".join(f for f, on in (("N", p["negated"]), ("H", p["hypothetical"])) if on)
        sentence = (p.get("sentence") or "").replace("\n", " ")[:220]
        print(f"  {p['type']:<11} {_who(p['actor'])} -> {_who(p['target'])} {flags} trigger={p.get('trigger')!r}\n"
              f"      {url}\n      | {sentence}")


def figures(result: dict[str, Any]) -> dict[str, Any]:
    """Machine-readable figures (for the floor test)."""
    out = {}
    for name in ("main", "flags", "strict"):
        p, r, f, hg, g, n = result[name].prf()
        out[name] = {"precision": p, "recall": r, "f1": f, "found": hg, "gold": g, "predicted": n}
    return out


def split(gold: dict[str, list[dict]], half: Optional[str]) -> dict[str, list[dict]]:
    """A fixed half of the gold articles: "tune" = 1st, 3rd, 5th … in file order, "heldout" = the others.

    Rules are developed looking at the tune half only; the held-out half checks that they generalise.
    """
    if not half:
        return gold
    keep = 0 if half == "tune" else 1
    return {url: events for i, (url, events) in enumerate(gold.items()) if i % 2 == keep}


def run_gold(gold_path: Path = DEFAULT_GOLD, csv_path: Path = DEFAULT_CSV, half: Optional[str] = None,
             min_confidence: float = 0.0) -> tuple[dict[str, Any], dict[str, str], float]:
    gold = split(load_gold(gold_path)[0], half)
    preds, raw, spent = analyse_rows(csv_path, set(gold))
    missing = set(gold) - set(preds)
    if missing:
        raise SystemExit(f"{len(missing)} gold URL(s) not found in {csv_path}: {sorted(missing)[:3]}")
    return score(gold, confident(preds, min_confidence)), raw, spent


def confident(preds: dict[str, list[dict]], threshold: float) -> dict[str, list[dict]]:
    """Only the predictions of at least this confidence."""
    return {url: [p for p in ps if p["confidence"] >= threshold - 1e-9] for url, ps in preds.items()}


CONFIDENCE_STEPS = (0.0, 0.5, 0.6, 0.7, 0.8)


def report_by_confidence(gold_path: Path, csv_path: Path, half: Optional[str]) -> None:
    """Precision and recall of the events at or above each confidence step (the coder run once)."""
    gold = split(load_gold(gold_path)[0], half)
    preds, _, _ = analyse_rows(csv_path, set(gold))
    for step in CONFIDENCE_STEPS:
        print(f"confidence >= {step:.1f}  {_fmt(score(gold, confident(preds, step))['main'])}")


# ------------------------------------------------------------ canonical ---

def run_canonical(page: Path = CANONICAL_PAGE) -> dict[str, Any]:
    from warta.capture import iter_captures
    from warta.parse import parse_capture
    from warta.pipeline import analyze

    cap = next(iter(iter_captures([str(page)])))
    analysis = analyze(parse_capture(cap))
    preds = [predicted(e) for e in analysis.events]
    pairs = greedy(CANONICAL, preds)
    hit_p = {pi for _, pi in pairs}
    found = sorted(CANONICAL[gi]["n"] for gi, _ in pairs)
    wrong = [p for pi, p in enumerate(preds) if pi not in hit_p]
    return {"found": found, "missing": sorted(set(e["n"] for e in CANONICAL) - set(found)),
            "wrong": wrong, "predicted": preds, "pairs": pairs}


def report_canonical(res: dict[str, Any]) -> None:
    wrong_facts = [p for p in res["wrong"] if not (p["negated"] or p["hypothetical"])]
    ok = len(res["found"]) >= 9 and len(res["wrong"]) <= 2
    print(f"canonical found={len(res['found'])}/12 wrong={len(res['wrong'])} "
          f"(of which not negated/hypothetical: {len(wrong_facts)}) predicted={len(res['predicted'])} "
          f"target found>=9 wrong<=2: {'PASS' if ok else 'FAIL'}")
    print(f"  found: {res['found']}  missing: {res['missing']}")
    for gi, pi in res["pairs"]:
        p = res["predicted"][pi]
        print(f"  #{CANONICAL[gi]['n']:<2} {p['type']:<11} {_who(p['actor'])} -> {_who(p['target'])}")
    for p in res["wrong"]:
        flags = "".join(f for f, on in (("N", p["negated"]), ("H", p["hypothetical"])) if on)
        print(f"  wrong: {p['type']:<11} {_who(p['actor'])} -> {_who(p['target'])} {flags} trigger={p.get('trigger')!r}")


def use_ner_model(directory: Path) -> None:
    """Point warta.nlp at another trained model (e.g. one trained with ``warta train ner --out``)."""
    from warta.nlp import ner as ner_module

    ner_module.MODEL_DIR = directory.resolve()
    ner_module._MODEL = None


def gold_urls() -> set[str]:
    """The URLs of every gold file's articles (the sample leaves them out)."""
    urls: set[str] = set()
    for path in sorted(DEFAULT_GOLD.parent.glob("events_gold*.jsonl")):
        urls.update(json.loads(line)["url"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return urls


def sample(n: int, seed: int, csv_path: Path, url_pattern: Optional[str] = None) -> None:
    """Print ``n`` events drawn at random (fixed seed) from the non-gold articles, to judge by hand."""
    from warta.capture import iter_captures, parse_columns
    from warta.parse import parse_capture
    from warta.pipeline import analyze

    skip, wanted = gold_urls(), re.compile(url_pattern) if url_pattern else None
    events, seen = [], set()
    for cap in iter_captures([str(csv_path)], columns=parse_columns(COLUMNS)):
        if cap.url in skip or cap.url in seen or wanted is not None and not wanted.search(cap.url):
            continue
        seen.add(cap.url)
        events.extend(analyze(parse_capture(cap)).events)
    random.Random(seed).shuffle(events)
    for i, e in enumerate(events[:n], 1):
        target = f"{e.target.name}[{e.target.code}]" if e.target else "-"
        flags = "N" * bool(e.negated) + "H" * bool(e.hypothetical)
        print(f"{i:3d} {e.type:11s} {e.mode or '':16s} {e.actor.name}[{e.actor.code}] -> {target} {flags}"
              f" trigger={e.trigger.text!r}\n      | {e.sentence.text[:300]}")
    print(f"{min(n, len(events))} of {len(events)} events in {len(seen)} articles outside the gold files")


def main(argv: Optional[Iterable[str]] = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD,
                    help="gold JSON-lines file (default: the development gold; or events_gold_heldout.jsonl)")
    ap.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    ap.add_argument("--canonical", action="store_true", help="score the canonical Republika page instead")
    ap.add_argument("--page", type=Path, default=CANONICAL_PAGE)
    ap.add_argument("--quiet", action="store_true", help="figures only, no misses / false positives")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--ner-model", type=Path, help="NER model directory (default: the shipped one)")
    ap.add_argument("--half", choices=("tune", "heldout"),
                    help="score one fixed half of the gold articles (tune: odd positions, heldout: even)")
    ap.add_argument("--sample", type=int, metavar="N",
                    help="print N random events from the articles outside every gold file, to judge by hand")
    ap.add_argument("--seed", type=int, default=401, help="seed of --sample")
    ap.add_argument("--url", help="with --sample: only articles whose URL matches this regex")
    ap.add_argument("--min-confidence", type=float, default=0.0, help="score only events of at least this confidence")
    ap.add_argument("--by-confidence", action="store_true",
                    help="precision and recall at confidence >= " + ", ".join(map(str, CONFIDENCE_STEPS)))
    args = ap.parse_args(list(argv) if argv is not None else None)
    if args.ner_model:
        use_ner_model(args.ner_model)
    if args.canonical:
        if not args.page.exists():
            sys.exit(f"skip: {args.page} is absent")
        report_canonical(run_canonical(args.page))
        return
    if not args.csv.exists():
        sys.exit(f"skip: {args.csv} is absent")
    if args.sample:
        sample(args.sample, args.seed, args.csv, args.url)
        return
    if args.by_confidence:
        report_by_confidence(args.gold, args.csv, args.half)
        return
    result, raw, spent = run_gold(args.gold, args.csv, args.half, args.min_confidence)
    if args.json:
        print(json.dumps(figures(result), indent=2))
        return
    print(f"articles={len(raw)} analyze_seconds={spent:.1f}")
    report(result, raw, args.quiet)


if __name__ == "__main__":
    main()
