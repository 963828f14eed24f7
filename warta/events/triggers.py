"""Triggers: lexicon rows matched through Indonesian morphology, with their voice (active, passive,
nominal).
"""
from __future__ import annotations

import re
from functools import lru_cache

from warta.events.lexicon import lexicon, Sentence, Trigger, words
from warta.events.sentences import _known_table, _SubWord, ArticleCache
from warta.morphology import analyse


def _triggers(body: str, sent: Sentence, cache: ArticleCache) -> list[Trigger]:
    words_ = sent.words
    rules = lexicon()
    spans = [(m.start, m.end) for m, _ in cache.mentions(sent.start, sent.end) if " " in m.text.strip()]
    attributive = words()["attributive"]
    out: list[Trigger] = []
    for i, word in enumerate(words_):
        candidates = _candidates(sent.low[i])
        if not candidates or not _glued_trigger_ok(word, cache):
            continue
        if any(s <= word.start() and word.end() <= e for s, e in spans):
            continue  # inside a name: "Komisi Pemberantasan Korupsi"
        if out and out[-1].end > word.start():
            continue  # the second word of "kontak tembak"
        named_before = i and words_[i - 1].group(0)[0].isupper() or \
            i > 1 and sent.low[i - 1] == "dan" and words_[i - 2].group(0)[0].isupper()
        if named_before and word.group(0)[0].isupper():
            continue  # inside a name the NER missed: "Menteri Komunikasi", "Bidang Informasi dan Komunikasi Publik"
        found = None
        for root, voice in candidates:
            for rule in rules[root]:
                if rule.exclude and rule.exclude.match(body, word.start()):
                    continue
                if rule.second and (i + 1 >= len(words_) or words_[i + 1].group(0).lower() != rule.second):
                    continue
                if rule.objects and not _object_follows(_in_clause(words_[i + 1:i + 13]), rule.objects):
                    continue
                bare = word.group(0).lower() == root
                if voice == "nominal" and not bare and not rule.agent_noun and _agent_noun(word.group(0).lower()):
                    continue  # "penyidik", "penculik": the doer named, not the deed
                if bare and i and words_[i - 1].group(0).lower() in attributive:
                    continue  # "pasukan tempur": describes the troops
                if bare and root.endswith("si") and i and _qualified_noun(words_[i - 1].group(0)):
                    continue  # "metadata komunikasi", "satelit komunikasi": a loan noun qualifying another
                end_at = words_[i + 1].end() if rule.second else word.end()
                if (rule.noun or bare and not root.endswith(("kan", "i"))) and voice == "active" \
                        and not word.group(0).lower().startswith(("ber", "me")) \
                        and word.group(0).lower() not in words()["bare_verb"] \
                        and not (i and sent.low[i - 1] == "saling"):  # "saling serang": a bare verb
                    voice = "nominal"  # a noun of action, or a bare root used as one ("kasus suap")
                if bare and root.endswith("si") and voice == "active" and i and _is_verb(sent.low[i - 1]):
                    voice = "nominal"  # "mengkritik distribusi bantuan": a loan noun as the verb's object
                if bare and i and voice != "passive" and words_[i - 1].group(0).lower() in words()["pronoun_speaker"]:
                    voice = "pronominal"  # "kami amankan", "saya minta": the pronoun is the doer
                found = Trigger(i, word.start(), end_at, rule, voice)
                break
            if found:
                break
        if found:
            out.append(found)
    return out


def _qualified_noun(before: str) -> bool:
    """The word before a bare loan noun ("komunikasi") is a common noun it qualifies, not its subject's
    auxiliary, a light verb or a function word ("akan koordinasi", "dan koordinasi" stay verbs)."""
    low = before.lower()
    if not before.islower() or _is_verb(low):
        return False
    classes = words()
    return not any(low in classes[c] for c in ("light", "auxiliary", "negation", "connector", "function",
                                                 "speech", "modal_adverb", "preposition", "hypothetical",
                                                 "pronoun_person", "pronoun_group", "pronoun_speaker"))


def _agent_noun(word: str) -> bool:
    """peN- without -an names the doer ("penyidik", "pembunuh"); peN-…-an names the deed ("penyidikan")."""
    return word.startswith("pe") and not word.endswith(("an", "annya", "anya"))


def _glued_trigger_ok(word, cache: ArticleCache) -> bool:
    """A trigger inside a glued word is a verb form in running text (``mendukungpencegahan``,
    ``polisimenyita``), or a verb form right after a name the NER tagged (``ErdoganmengatakanIran``,
    ``Zarof Ricardivonis``: the NER reads glued words as their pieces), not a bare noun (``korupsidi``)
    nor a verb glued onto a name no one tagged."""
    if not isinstance(word, _SubWord):
        return True
    if not word.group(0).lower().startswith(("me", "di", "ber", "ter")):
        # a noun of action glued after a light verb is that verb's action ("menggelardemo")
        return word.host[:word.host.find(word.group(0))].lower() in words()["light"]
    return word.host[:1].islower() or any(
        m.end == word.start() for m, _ in cache.mentions(word.start() - 60, word.start())) \
        or _known_name_before(word)


def _known_name_before(word) -> bool:
    """The piece glued before the verb is a name the coder knows ("Iranmeluncurkan": a country)."""
    at = word.host.find(word.group(0))
    name = re.search(r"[A-Z][\w-]*$", word.host[:at]) if at > 0 else None
    return name is not None and name.group(0).lower() in _known_table()


@lru_cache(maxsize=65536)
def _candidates(word: str) -> tuple[tuple[str, str], ...]:
    """The roots of ``word`` the lexicon knows, with their voice."""
    rules = lexicon()
    return tuple((root, voice) for root, voice in analyse(word).items() if root in rules)


def _in_clause(words_) -> list:
    """The words up to the next connector: an object word past "karena …" belongs to another clause."""
    connectors = words()["connector"] - {"sementara", "serta", "maupun", "hingga", "selama", "sejak", "saat"}
    for k, w in enumerate(words_):
        if w.group(0).lower() in connectors:
            return words_[:k]
    return words_


def _object_follows(words_, objects: frozenset[str]) -> bool:
    return any(objects & set(analyse(w.group(0))) for w in words_)


def _before_skipping_numbers(words_, i: int, n: int) -> list[str]:
    """The ``n`` words before ``i`` past a number between ("melakukan 1.201 operasi tangkap tangan")."""
    out = []
    for w in reversed(words_[max(0, i - n - 3):i]):
        if not w.group(0).isdigit():
            out.insert(0, w.group(0).lower())
            if len(out) == n:
                break
    return out


def _before(words_, i: int, n: int) -> list[str]:
    return [w.group(0).lower() for w in words_[max(0, i - n):i]]


def _is_verb(word: str) -> bool:
    w = word.lower()
    return len(w) > 4 and w.startswith(("me", "di", "ber", "ter"))
