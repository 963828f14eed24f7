"""Duplicates and stories: which articles report the same specific happening.

Two steps over the articles of a time window:

1. **Near-duplicates** (syndicated wire copy, re-posts): MinHash signatures of
   word 3-gram shingles over the stemmed terms, LSH candidates, Jaccard
   estimate >= ``DUPLICATE_JACCARD``.  A duplicate points at the earliest copy.
2. **Stories**: TF-IDF vectors over the terms (title terms weighted up, the
   lead more than the tail), plus the named entities when the analysis found
   them; candidate pairs share a distinctive term and were published close in
   time; clusters grow by average linkage so one loose pair cannot chain two
   happenings together.  Titles naming different days or counts, and articles
   centred on different people (the most-mentioned person of each named at most
   once in the other), are penalised: same topic, another happening.

A story's id is derived from its earliest article, so re-running the
clustering on unchanged data rewrites nothing.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterable, Optional

import numpy as np

NUM_PERM = 64
SHINGLE = 3
DUPLICATE_JACCARD = 0.6
TITLE_WEIGHT = 3.0
LEAD_TERMS = 40           # the first terms of the body (lead) count fully ...
TAIL_WEIGHT = 0.3         # ... the rest less: follow-up paragraphs drift to background
KEYWORDS = 12             # distinctive terms per article used to find candidate pairs
MAX_DF = 0.05             # a term in more than this share of articles is not distinctive
LINK = 0.41               # average-link similarity needed to join two clusters ...
STRONG = 0.41             # ... unless a pair across them is this close: then a lower
STRONG_AVERAGE = 0.65     #     average (this share of LINK) is enough (follow-ups of one happening)
MAX_GAP_DAYS = 4.0        # articles further apart than this are not compared
ENTITY_WEIGHT = 0.4
WINDOW_DAYS = 7
INCLUDE_NUMBERS = True
DATE_CONFLICT = 0.5       # titles naming different days or counts: a series, not one story
MAIN_PERSON = 0.5         # each article centres on a person the other names in passing at most: another happening
MAIN_PERSON_MENTIONS = 3  # the main person is the most-mentioned PER entity, named at least this often
MAIN_PERSON_PASSING = 1   # ... and the other article names them at most this often (a passing mention)
MONTHS = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
          "november", "desember")
TITLE_COUNT = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)\s+([a-z]+)")
COUNT_UNITS = {"tahun", "bulan", "hari", "pekan", "minggu", "jam", "orang", "tewas", "korban", "persen"}


# ------------------------------------------------------------ signature ---

def signature(terms: str) -> Optional[bytes]:
    """MinHash of the term 3-gram shingles (bytes of NUM_PERM uint32), None for very short texts."""
    from datasketch import MinHash

    words = terms.split()
    if len(words) < SHINGLE + 2:
        return None
    shingles = {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}
    mh = MinHash(num_perm=NUM_PERM, seed=7)
    mh.update_batch(list(shingles))
    return mh.hashvalues.astype("<u4").tobytes()


def _hashvalues(blob: Optional[bytes]) -> Optional[np.ndarray]:
    if not blob:
        return None
    return np.frombuffer(bytes(blob), dtype="<u4").astype(np.uint32)


# ------------------------------------------------------------- articles ---

@dataclass
class Doc:
    id: str
    published: Optional[str]       # UTC ISO
    outlet: Optional[str]
    title: Optional[str]
    title_terms: list[str]
    body_terms: list[str]
    minhash: Optional[np.ndarray] = None
    entities: Counter = field(default_factory=Counter)
    vector: dict[str, float] = field(default_factory=dict)

    @property
    def title_counts(self) -> dict[str, str]:
        """Numbers a title gives, by the word after them ("18 Juni", "3 Tahun"): a title that
        names another day or another sentence reports another happening."""
        found = {}
        for number, unit in TITLE_COUNT.findall((self.title or "").lower()):
            if unit in COUNT_UNITS or unit in MONTHS:
                found.setdefault(unit, number)
        return found

    @cached_property
    def main_person(self) -> Optional[frozenset[str]]:
        """Words of the most-mentioned person's name (None when nobody leads: a tie or a single mention)."""
        people = sorted(((n, e) for e, n in self.entities.items() if e.startswith("PER:")), reverse=True)
        if not people or people[0][0] < MAIN_PERSON_MENTIONS or (len(people) > 1 and people[1][0] == people[0][0]):
            return None
        return _name_words(people[0][1])

    def mentions_of(self, words: frozenset[str]) -> int:
        """How often the article names a person sharing a word with ``words`` (the most-named such)."""
        return max((n for e, n in self.entities.items() if e.startswith("PER:") and words & _name_words(e)),
                   default=0)

    @property
    def time(self) -> Optional[float]:
        if not self.published:
            return None
        return dt.datetime.fromisoformat(self.published.replace("Z", "+00:00")).timestamp() / 86400.0


def _name_words(entity_id: str) -> frozenset[str]:
    """Words of a PER entity's name long enough to identify it ("meirizka", "widjaja")."""
    return frozenset(w for w in re.findall(r"[^\W\d_]+", entity_id.split(":", 1)[-1]) if len(w) >= 4)


def main_people_differ(a: "Doc", b: "Doc") -> bool:
    """Each article centres on a different person and names the other's at most in passing."""
    pa, pb = a.main_person, b.main_person
    if not pa or not pb or pa & pb:
        return False
    # Reports of one happening often lead with different officials but give the other's lead
    # person a real part; two trials of one affair name the other defendant in passing at most.
    return b.mentions_of(pa) <= MAIN_PERSON_PASSING and a.mentions_of(pb) <= MAIN_PERSON_PASSING


def near_duplicates(docs: list[Doc]) -> dict[str, str]:
    """article id -> id of the earliest copy it nearly duplicates."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=DUPLICATE_JACCARD, num_perm=NUM_PERM)
    hashes = {}
    for doc in docs:
        if doc.minhash is not None:
            mh = MinHash(num_perm=NUM_PERM, seed=7, hashvalues=doc.minhash, scheme="affine32")
            hashes[doc.id] = mh
            lsh.insert(doc.id, mh)
    parent = {d.id: d.id for d in docs}
    order = {d.id: (d.published or "9999", d.id) for d in docs}
    for doc_id, mh in hashes.items():
        for other in lsh.query(mh):
            if other != doc_id and mh.jaccard(hashes[other]) >= DUPLICATE_JACCARD:
                _union(parent, doc_id, other, order)
    return {d: _find(parent, d) for d in parent if _find(parent, d) != d}


def _find(parent: dict[str, str], x: str) -> str:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _union(parent: dict[str, str], a: str, b: str, order: dict) -> None:
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        first, second = sorted((ra, rb), key=lambda r: order[r])
        parent[second] = first


# ---------------------------------------------------------------- vectors ---

def _weights(doc: Doc) -> Counter:
    tf: Counter = Counter()
    for t in doc.title_terms:
        tf[t] += TITLE_WEIGHT
    for i, t in enumerate(doc.body_terms):
        tf[t] += 1.0 if i < LEAD_TERMS else TAIL_WEIGHT
    return tf


def vectorise(docs: list[Doc]) -> dict[str, float]:
    """Unit TF-IDF vectors on each doc (sublinear tf); returns the idf table."""
    df: Counter = Counter()
    for doc in docs:
        df.update(set(doc.title_terms) | set(doc.body_terms))
    n = max(1, len(docs))
    idf = {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}
    for doc in docs:
        vec = {t: (1.0 + math.log(w)) * idf[t] if w >= 1 else w * idf[t]
               for t, w in _weights(doc).items() if INCLUDE_NUMBERS or not t.isdigit()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        doc.vector = {t: v / norm for t, v in vec.items()}
    return idf


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def entity_overlap(a: Counter, b: Counter) -> Optional[float]:
    if not a or not b:
        return None
    shared = set(a) & set(b)
    return len(shared) / len(set(a) | set(b))


def similarity(a: Doc, b: Doc) -> float:
    text = cosine(a.vector, b.vector)
    ents = entity_overlap(a.entities, b.entities)
    # Shared entities can only add evidence: entity sets are noisy, and most reports of one
    # happening name different side characters, so a low overlap must not pull text apart.
    sim = text if ents is None else max(text, (1 - ENTITY_WEIGHT) * text + ENTITY_WEIGHT * ents)
    counts_a, counts_b = a.title_counts, b.title_counts
    if any(counts_b.get(unit, n) != n for unit, n in counts_a.items()):
        sim *= DATE_CONFLICT
    if main_people_differ(a, b):
        sim *= MAIN_PERSON
    if a.time is not None and b.time is not None:
        gap = abs(a.time - b.time)
        if gap > MAX_GAP_DAYS:
            return 0.0
        sim *= 1.0 / (1.0 + 0.15 * max(0.0, gap - 1.0))
    return sim


def candidate_pairs(docs: list[Doc], idf: dict[str, float]) -> set[tuple[int, int]]:
    """Pairs sharing a distinctive keyword (rare in the window, heavy in both)."""
    n = len(docs)
    max_df = max(3, int(MAX_DF * n))
    postings: dict[str, list[int]] = defaultdict(list)
    min_idf = math.log((1 + n) / (1 + max_df)) + 1.0
    for i, doc in enumerate(docs):
        keys = sorted((t for t in doc.vector if idf.get(t, 0) >= min_idf), key=lambda t: -doc.vector[t])[:KEYWORDS]
        for t in keys:
            postings[t].append(i)
    pairs = set()
    for members in postings.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pairs.add((members[x], members[y]))
    return pairs


# -------------------------------------------------------------- clusters ---

def cluster(docs: list[Doc], duplicates: Optional[dict[str, str]] = None) -> list[list[int]]:
    """Average-linkage clusters (lists of doc indexes) over candidate pairs."""
    idf = vectorise(docs)
    index = {d.id: i for i, d in enumerate(docs)}
    sims: dict[tuple[int, int], float] = {}
    for i, j in candidate_pairs(docs, idf):
        s = similarity(docs[i], docs[j])
        if s >= LINK:
            sims[(i, j)] = s
    for dup, original in (duplicates or {}).items():
        if dup in index and original in index:
            i, j = sorted((index[dup], index[original]))
            sims[(i, j)] = 1.0
    members: dict[int, list[int]] = {i: [i] for i in range(len(docs))}
    owner = list(range(len(docs)))
    for (i, j), s in sorted(sims.items(), key=lambda kv: (-kv[1], kv[0])):
        ci, cj = owner[i], owner[j]
        if ci == cj:
            continue
        needed = LINK if s < STRONG else LINK * STRONG_AVERAGE
        if _average(docs, members[ci], members[cj], sims) < needed:
            continue
        keep, gone = (ci, cj) if ci < cj else (cj, ci)
        for m in members[gone]:
            owner[m] = keep
        members[keep] += members.pop(gone)
    return [sorted(m) for m in members.values()]


def _average(docs: list[Doc], a: list[int], b: list[int], sims: dict) -> float:
    total = 0.0
    for i in a:
        for j in b:
            key = (i, j) if i < j else (j, i)
            s = sims.get(key)
            total += s if s is not None else similarity(docs[i], docs[j])
    return total / (len(a) * len(b))


def story_id(first_article_id: str) -> str:
    return "s" + hashlib.sha1(first_article_id.encode()).hexdigest()[:12]


# ------------------------------------------------------------------ store ---

def load_docs(store, since: Optional[str] = None, until: Optional[str] = None) -> list[Doc]:
    cond, params = [], []
    if since:
        cond.append("(a.published_utc >= ? OR a.published_utc IS NULL)")
        params.append(since)
    if until:
        cond.append("(a.published_utc <= ? OR a.published_utc IS NULL)")
        params.append(until)
    where = ("WHERE " + " AND ".join(cond)) if cond else ""
    rows = store.rows(f"SELECT a.id, a.published_utc, a.outlet, a.title, i.title_terms, i.body_terms, i.minhash "
                      f"FROM articles a JOIN article_index i ON i.num = a.num {where} ORDER BY a.num", params)
    docs = [Doc(r["id"], r["published_utc"], r["outlet"], r["title"], (r["title_terms"] or "").split(),
                (r["body_terms"] or "").split(), _hashvalues(r["minhash"])) for r in rows]
    by_id = {d.id: d for d in docs}
    for r in store.rows(f"SELECT ae.article_id, ae.entity_id, ae.mentions FROM article_entities ae "
                        f"JOIN articles a ON a.id = ae.article_id {where}", params):
        doc = by_id.get(r["article_id"])
        if doc is not None:
            doc.entities[r["entity_id"]] += r["mentions"] or 1
    return docs


def _window(store) -> tuple[Optional[str], Optional[str]]:
    """The span of time whose clustering must be redone: around articles without a story."""
    row = store.rows("SELECT min(published_utc) AS lo, max(published_utc) AS hi, count(*) AS n "
                     "FROM articles WHERE story_id IS NULL")[0]
    if not row["n"]:
        return None, None
    if row["lo"] is None:
        return "", ""
    pad = dt.timedelta(days=WINDOW_DAYS)
    lo = dt.datetime.fromisoformat(row["lo"].replace("Z", "+00:00")) - pad
    hi = dt.datetime.fromisoformat(row["hi"].replace("Z", "+00:00")) + pad
    return lo.strftime("%Y-%m-%dT%H:%M:%SZ"), hi.strftime("%Y-%m-%dT%H:%M:%SZ")


def update_stories(store, full: bool = False) -> int:
    """Recluster the window around new articles; write only what changed.  Number of multi-article stories."""
    lo, hi = (None, None) if full else _window(store)
    if not full and lo is None and hi is None:
        return 0
    docs = load_docs(store, lo or None, hi or None)
    if not docs:
        return 0
    duplicates = near_duplicates(docs)
    groups = cluster(docs, duplicates)
    entity_names = {r["id"]: r["name"] for r in store.rows("SELECT id, name FROM entities")} if any(
        d.entities for d in docs) else {}
    assignments, stories = {}, {}
    for group in groups:
        members = sorted((docs[i] for i in group), key=lambda d: (d.published or "9999", d.id))
        sid = story_id(members[0].id)
        for d in members:
            assignments[d.id] = sid
        stories[sid] = _story_row(sid, members, entity_names)
    return _write(store, docs, assignments, duplicates, stories)


def _story_row(sid: str, members: list[Doc], entity_names: dict[str, str]) -> dict[str, Any]:
    times = [d.published for d in members if d.published]
    ents: Counter = Counter()
    for d in members:
        ents.update({e: 1 for e in d.entities})
    top = [entity_names.get(e, e.split(":", 1)[-1]) for e, c in sorted(ents.items(), key=lambda kv: (-kv[1], kv[0]))
           if c >= min(2, len(members))][:8]
    return {"id": sid, "title": members[0].title, "first_seen": min(times) if times else None,
            "last_seen": max(times) if times else None, "size": len(members),
            "outlets": json.dumps(sorted({d.outlet for d in members if d.outlet})),
            "entities": json.dumps(top, ensure_ascii=False)}


def _write(store, docs: list[Doc], assignments: dict[str, str], duplicates: dict[str, str],
           stories: dict[str, dict]) -> int:
    ids = [d.id for d in docs]
    current = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for r in store.rows(f"SELECT id, story_id, duplicate_of FROM articles WHERE id IN ({', '.join('?' * len(chunk))})",
                            chunk):
            current[r["id"]] = (r["story_id"], r["duplicate_of"])
    old_story_ids = {s for s, _ in current.values() if s}
    with store.transaction():
        for aid in ids:
            new = (assignments[aid], duplicates.get(aid))
            if current.get(aid) != new:
                store.execute("UPDATE articles SET story_id = ?, duplicate_of = ? WHERE id = ?", [*new, aid])
        existing = {r["id"]: r for r in _story_rows(store, set(stories) | old_story_ids)}
        for sid in old_story_ids - set(stories):
            if not store.scalar("SELECT count(*) FROM articles WHERE story_id = ?", [sid]):
                store.execute("DELETE FROM stories WHERE id = ?", [sid])
        for sid, row in stories.items():
            old = existing.get(sid)
            if old is None:
                store.insert("stories", row)
            elif any(old[k] != row[k] for k in row):
                cols = [k for k in row if k != "id"]
                store.execute(f"UPDATE stories SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?",
                              [row[c] for c in cols] + [sid])
    return sum(1 for s in stories.values() if s["size"] >= 2)


def _story_rows(store, ids: Iterable[str]) -> list[dict]:
    ids = list(ids)
    out = []
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        out += store.rows(f"SELECT * FROM stories WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
    return out
