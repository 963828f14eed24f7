"""The event development gold and its scorer (bench/events.py).

The gold file is checked here without ../shared (format, no article text); the
figures of the coder on it, and on the canonical page, are pinned as floors by
the tests marked ``shared``.  Floors sit a little below what was measured; raise
them when the coder improves, never lower them silently.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, shared_path

GOLD = FIXTURES / "events_gold.jsonl"
NER_MODEL = ROOT / "warta" / "models" / "ner"

# Floors, a little below what was measured (bench/events.py, first NER model):
# first run: gold P=0.109 R=0.070 (10/142 found, 92 predicted); canonical 5/12 found, 8 wrong.
# round 2:   gold P=0.438 R=0.423 (60/142 found, 137 predicted); canonical 11/12 found, 0 wrong.
# round 3:   gold P=0.593 R=0.451 (64/142 found, 108 predicted); canonical 11/12 found, 0 wrong.
# final NER model (retrained; it tags fewer names): gold P=0.567 R=0.415 (59/142, 104 predicted),
#            canonical 11/12, 0 wrong -- the recall floor was re-pinned below that, on purpose.
# round 4:   gold P=0.660 R=0.493 (70/142, 106 predicted); tune half P=0.746 R=0.677,
#            held-out half P=0.553 R=0.338; canonical 11/12 found, 0 wrong.
# round 5:   gold P=0.691 R=0.535 (76/142, 110 predicted); tune half P=0.794 R=0.769,
#            held-out half P=0.553 R=0.338 (unchanged); canonical 12/12 found, 0 wrong.
# round 6:   gold P=0.702 R=0.563 (80/142, 114 predicted); tune half P=0.794 R=0.769 (unchanged),
#            held-out half P=0.588 R=0.390; canonical 12/12 found, 1 wrong (Tokayev calls the NSC a failure:
#            a real criticism the canonical list does not hold).
# round 7 (glued words read as their pieces): gold P=0.707 R=0.577 (82/142, 116 predicted); tune half
#            P=0.797 R=0.785, held-out half P=0.596 R=0.403; canonical 12/12 found, 1 wrong.
# round 8 (lexicon mined from the day's politics/law news; appositives, relative clauses, role nouns,
#            pronouns, reciprocal and answered demands; lazy memory of earlier sentences): gold
#            P=0.793 R=0.648 (92/142, 116 predicted); separate held-out gold P=0.585 R=0.364,
#            second held-out gold P=0.500 R=0.322; canonical 12/12 found, 1 wrong.
# round 9 (acronyms' sectors, initials with aliases, 'mereka' continuing the last subject body, loan
#            nouns as objects, the police of an agentless arrest, glued active verbs after names,
#            bans answered, culprits named as accusations, relative clauses past modals, 'tuntutan
#            jaksa', kin of a named person): gold P=0.852 R=0.732 (104/142, 122 predicted); held-out
#            P=0.585 R=0.364; second held-out
#            P=0.543 R=0.322; canonical 12/12 found, 1 wrong.
# The targets are P>=0.80 R>=0.70 and 9/12 found with <=2 wrong: raise these
# floors as the coder gets there, never lower them silently.
# Round 11 (inquiries with no one named): P=0.836 R=0.754 (107/142, 128 predicted).
# End of round 11: P=0.836 R=0.754 (107/142, 128 predicted).
GOLD_FLOORS = {"precision": 0.83, "recall": 0.75}
CANONICAL_MIN_FOUND = 12
CANONICAL_MAX_WRONG = 1


def _bench():
    spec = importlib.util.spec_from_file_location("bench_events", ROOT / "bench" / "events.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


bench = _bench()


def gold_lines(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# ------------------------------------------------------------ gold file ---

def test_gold_has_enough_articles_across_outlets():
    articles = [g for g in gold_lines() if g.get("article")]
    assert len(articles) >= 30
    assert len({a["url"] for a in articles}) == len(articles)
    outlets = Counter(a["url"].split("/")[2].split(".")[-2] for a in articles)
    assert len(outlets) >= 5, outlets


def test_gold_events_are_well_formed_and_hold_no_text():
    lines = gold_lines()
    declared = {g["url"]: g["events"] for g in lines if g.get("article")}
    events = [g for g in lines if not g.get("article")]
    assert Counter(e["url"] for e in events) == Counter({u: n for u, n in declared.items() if n})
    keys = {"url", "sentence_start", "sentence_end", "type", "mode", "actor", "target", "negated", "hypothetical"}
    for e in events:
        assert set(e) == keys
        assert e["type"] in bench.TYPES
        assert 0 <= e["sentence_start"] < e["sentence_end"]
        assert isinstance(e["negated"], bool) and isinstance(e["hypothetical"], bool)
        for who in (e["actor"], e["target"]):
            if who is not None:
                assert set(who) == {"name", "code"}
                assert 0 < len(who["name"]) <= 60  # a short canonical name, never a sentence
        assert e["actor"] is not None


def test_canonical_annotation_lists_the_twelve_events():
    assert [e["n"] for e in bench.CANONICAL] == list(range(1, 13))
    assert all(set(e["types"]) <= set(bench.TYPES) for e in bench.CANONICAL)


# -------------------------------------------------------- matching rule ---

def ev(type_, actor, target, actor_code=None, target_code=None, negated=False, hypothetical=False):
    return {"type": type_, "actor": {"name": actor, "code": actor_code},
            "target": None if target is None else {"name": target, "code": target_code},
            "negated": negated, "hypothetical": hypothetical}


def test_names_match_on_a_shared_word_of_three_letters():
    assert bench.names_match("Kejaksaan Agung", "kejaksaan agung")
    assert bench.names_match("militer Israel", "Israel")
    assert not bench.names_match("AS", "Amerika Serikat")
    assert not bench.names_match("pihak berwenang", "pihak kepolisian")  # function word only
    assert not bench.names_match("KPK", None)


def test_participants_match_on_codes_or_both_null():
    gold = ev("COERCE", "Polres Cilegon", None, "IDNCOP")
    assert bench.event_match(gold, ev("COERCE", "polisi", None, "IDNCOP"))
    assert not bench.event_match(gold, ev("COERCE", "polisi", None, "IDNCOP"), use_codes=False)
    assert not bench.event_match(gold, ev("COERCE", "polisi", "Budi", "IDNCOP"))
    assert not bench.event_match(gold, ev("INVESTIGATE", "Polres Cilegon", None))


def test_greedy_matching_is_one_to_one_and_flags_can_be_required():
    golds = [ev("FIGHT", "Israel", "Iran"), ev("FIGHT", "Israel", "Iran", hypothetical=True)]
    preds = [ev("FIGHT", "Israel", "Iran", hypothetical=True)]
    assert bench.greedy(golds, preds) == [(0, 0)]
    assert bench.greedy(golds, preds, flags=True) == [(1, 0)]
    result = bench.score({"u": golds}, {"u": preds + [ev("DEMAND", "Trump", "Iran")]})
    precision, recall, f1, found, gold, predicted = result["main"].prf()
    assert (found, gold, predicted) == (1, 2, 2)
    assert precision == pytest.approx(0.5) and recall == pytest.approx(0.5)
    assert [p["type"] for _, p in result["false_positives"]] == ["DEMAND"]


# ------------------------------------------------------ shared figures ---

def _needs_model():
    if not (NER_MODEL.is_dir() and any(NER_MODEL.iterdir())):
        pytest.skip(f"no NER model in {NER_MODEL}: the coder needs entities")


@pytest.mark.shared
def test_event_coder_floors_on_canonical_page():
    page = shared_path("examples", "republika-csto", "page.txt")
    _needs_model()
    result = bench.run_canonical(page)
    assert len(result["found"]) >= CANONICAL_MIN_FOUND, result["missing"]
    assert len(result["wrong"]) <= CANONICAL_MAX_WRONG


# ------------------------------------------------------- held-out gold ---
# A separate gold of 25 further articles (events_gold_heldout.jsonl), annotated before the
# coder was run on them and never tuned on: the honest estimate for a hidden gold set.
# Measured at its creation (coder of c745034): P=0.444 R=0.242 (16/66 found, 36 predicted),
# while the development gold gave P=0.702 R=0.563.  Raise as the coder generalises.
HELDOUT = FIXTURES / "events_gold_heldout.jsonl"
# Round 8: P=0.585 R=0.364 (24/66 found, 41 predicted); round 9 the same.
# Round 10 (rules drawn from the three further development golds): P=0.609 R=0.424 (28/66, 46 predicted); then
# a verb glued after a country name the NER missed ("setelahIranmeluncurkan …", +1 found on two development
# golds) added one prediction here that the gold does not match: P=0.596 (28/66, 47 predicted).
# Round 11: an inquiry a named law-enforcement body runs needs no one named as investigated (the convention
# of five of the seven golds): P=0.571 R=0.424 (28/66, 49 predicted); over all seven golds +7 found, +13 predicted.
# Then wars written "perang Iran-Israel" or with an adjective before "antara": P=0.560 R=0.424 (28/66, 50
# predicted); over all seven golds +5 found, +6 predicted.
# Then a noun of action glued after a light verb ("menggelardemo"): P=0.549 (28/66, 51 predicted); over all
# seven golds +1 found, +1 predicted.
# Then an act right after a speech verb past negations and auxiliaries is the speaker's own: P=0.538 (28/66,
# 52 predicted); the second held-out gold +1 found, +1 predicted.
# End of round 11 (agentless arrests of someone arrested before merged into that arrest): P=0.549 R=0.424
# (28/66, 51 predicted).  Then errors fixed from random samples of non-gold CSV events (sports idioms,
# civilian agencies "deploying", complaints filed with the police, …): P=0.571 (28/66, 49 predicted).
# Round 12, from two independent audits of random non-gold events (an act asked of an unnamed party is
# not the asker's): P=0.596 (28/66, 47 predicted).
HELDOUT_FLOORS = {"precision": 0.59, "recall": 0.42}


# A second held-out gold (events_gold_heldout2.jsonl, 25 articles, 59 events; see EVENTS_GOLD.md),
# scored only in aggregate.  Round 8 coder (first measured on it): P=0.500 R=0.322 (19/59 found,
# 38 predicted); the coder of 109f405 gave P=0.351 R=0.220.
HELDOUT2 = FIXTURES / "events_gold_heldout2.jsonl"
# Round 9: P=0.543 R=0.322 (19/59 found, 35 predicted).  Round 10: P=0.528 (19/59, 36 predicted): the one
# new prediction is a right attribution ("Militer Israel mengatakan … mereka telah menewaskan …") of an
# act the gold codes in another sentence, so the precision floor went from 0.53 to 0.52.
# Round 10, later: P=0.579 R=0.373 (22/59, 38 predicted).
# Round 11 (inquiries with no one named): P=0.564 R=0.373 (22/59, 39 predicted).
# End of round 11: P=0.575 R=0.390 (23/59, 40 predicted).
HELDOUT2_FLOORS = {"precision": 0.57, "recall": 0.38}


# A second development gold (events_gold_dev2.jsonl, 30 articles, 99 events; EVENTS_GOLD.md), annotated
# blind like the second held-out gold.  First measured (coder of 1a50521, before any tuning on it):
# P=0.612 R=0.303 (30/99 found, 49 predicted) -- a third untuned estimate.  Tuned on from round 10.
DEV2 = FIXTURES / "events_gold_dev2.jsonl"
DEV2_FLOORS = {"precision": 0.79, "recall": 0.59}   # round 12: P 0.797 R 0.596 (59/99, 74 predicted)


# A third development gold (events_gold_dev3.jsonl, 30 articles, 92 events), annotated blind.  First measured
# with the coder of 761ada3: P 0.571 R 0.348 (32/92, 56 predicted); the coder of 1a50521 gave P 0.569 R 0.315.
DEV3 = FIXTURES / "events_gold_dev3.jsonl"
DEV3_FLOORS = {"precision": 0.76, "recall": 0.49}   # round 12: P 0.767 R 0.500 (46/92, 60 predicted)


# A fourth development gold (events_gold_dev4.jsonl, 30 articles, 74 events), annotated blind.  First measured
# with the coder of 4fd22dc: P 0.444 R 0.270 (20/74, 45 predicted), the same as the coder of 1a50521.
DEV4 = FIXTURES / "events_gold_dev4.jsonl"
DEV4_FLOORS = {"precision": 0.56, "recall": 0.39}   # round 12: P 0.569 R 0.392 (29/74, 51 predicted)


# A third held-out gold (events_gold_heldout3.jsonl, 28 articles, 80 events), annotated blind and scored once,
# in aggregate, at the end of round 10: P=0.444 R=0.300 (24/80, 54 predicted); the coder of 1a50521 gave
# P=0.438 R=0.263.  Never tuned on.
HELDOUT3 = FIXTURES / "events_gold_heldout3.jsonl"
# End of round 11, in aggregate: P=0.509 R=0.350 (28/80, 55 predicted); round 12: P=0.519 (28/80, 54).
HELDOUT3_FLOORS = {"precision": 0.51, "recall": 0.35}


# A fourth held-out gold (events_gold_heldout4.jsonl, 20 articles, 55 events: the last 12 keyword-pool rows and
# 8 news-section rows off the keyword list), annotated blind in round 12 and scored in aggregate only:
# P=0.455 R=0.182 (10/55, 22 predicted), the same with the coder of 07330e0 (start of round 12).
HELDOUT4 = FIXTURES / "events_gold_heldout4.jsonl"
HELDOUT4_FLOORS = {"precision": 0.45, "recall": 0.18}


@pytest.mark.parametrize("path", [HELDOUT, HELDOUT2, HELDOUT3, HELDOUT4, DEV2, DEV3, DEV4],
                         ids=["heldout", "heldout2", "heldout3", "heldout4", "dev2", "dev3", "dev4"])
def test_heldout_gold_is_well_formed_and_disjoint_from_the_other_golds(path):
    lines = gold_lines(path)
    articles = {g["url"]: g["events"] for g in lines if g.get("article")}
    events = [g for g in lines if not g.get("article")]
    assert len(articles) >= (20 if path == HELDOUT4 else 25)
    others = [gold_lines(p) for p in (GOLD, HELDOUT, HELDOUT2, HELDOUT3, HELDOUT4, DEV2, DEV3, DEV4) if p != path]
    assert not set(articles) & {g["url"] for lines_ in others for g in lines_ if g.get("article")}
    assert Counter(e["url"] for e in events) == Counter({u: n for u, n in articles.items() if n})
    assert all(e["type"] in bench.TYPES and e["actor"] is not None for e in events)
    assert all(len(who["name"]) <= 80 for e in events for who in (e["actor"], e["target"]) if who)  # short forms


@pytest.mark.shared
@pytest.mark.parametrize("path, floors", [(GOLD, GOLD_FLOORS), (HELDOUT, HELDOUT_FLOORS), (HELDOUT2, HELDOUT2_FLOORS),
                                          (HELDOUT3, HELDOUT3_FLOORS), (HELDOUT4, HELDOUT4_FLOORS), (DEV2, DEV2_FLOORS),
                                          (DEV3, DEV3_FLOORS), (DEV4, DEV4_FLOORS)],
                         ids=["development", "heldout", "heldout2", "heldout3", "heldout4", "dev2", "dev3", "dev4"])
def test_event_coder_floors_on_gold(path, floors):
    csv_path = shared_path("data", "news", "raw-2025-06-18.csv")
    _needs_model()
    result, raw, _ = bench.run_gold(path, csv_path)
    figures = bench.figures(result)["main"]
    assert len(raw) == sum(1 for g in gold_lines(path) if g.get("article"))
    assert figures["precision"] >= floors["precision"], figures
    assert figures["recall"] >= floors["recall"], figures
