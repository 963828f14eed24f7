"""Indonesian verb morphology for closed lexicons: affixed form -> candidate roots + voice.

``menarik``, ``ditarik``, ``penarikan``, ``tertarik`` all lead to ``tarik``.
A general stemmer (Sastrawi) picks one root per word and sometimes the wrong
one for our purpose (``penarikan`` -> ``tari``); here every plausible root is
returned and the caller keeps the one its lexicon knows.  Voice says how the
participants line up: ``active`` (meN-, ber-, bare), ``passive`` (di-, ter-),
``nominal`` (peN-…-an, -an, ke-…-an).
"""
from __future__ import annotations

from functools import lru_cache

SUFFIXES = ("kannya", "nya", "kan", "lah", "kah", "pun", "an", "i")
# prefix -> (voice, letters a nasal replaced: "men" + "arik" may be "tarik")
PREFIXES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("memper", "active", ("",)), ("diper", "passive", ("",)), ("member", "active", ("",)),
    ("menge", "active", ("",)), ("penge", "nominal", ("",)),  # one-syllable roots: mengebom, pengeboman
    ("meng", "active", ("", "k")), ("meny", "active", ("s",)), ("mem", "active", ("", "p")),
    ("men", "active", ("", "t")), ("me", "active", ("",)),
    ("peng", "nominal", ("", "k")), ("peny", "nominal", ("s",)), ("pem", "nominal", ("", "p")),
    ("pen", "nominal", ("", "t")), ("per", "nominal", ("",)), ("pe", "nominal", ("",)),
    ("di", "passive", ("",)), ("ter", "passive", ("",)), ("ber", "active", ("",)), ("be", "active", ("",)),
    ("ke", "nominal", ("",)),
)


def _strip_suffixes(word: str) -> set[str]:
    out = {word}
    for _ in range(2):  # -kannya, -inya: at most two suffix layers
        for w in list(out):
            for suffix in SUFFIXES:
                if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                    out.add(w[: -len(suffix)])
    return out


@lru_cache(maxsize=65536)
def analyse(word: str) -> dict[str, str]:
    """Candidate roots of ``word`` (itself included), each with the voice its affixes give."""
    word = word.lower()
    found: dict[str, str] = {}
    for stem in sorted(_strip_suffixes(word), key=len, reverse=True):
        bare_voice = "nominal" if word in (stem + "an", stem + "annya") else "active"  # tembak-an, not temba-kan
        found.setdefault(stem, bare_voice)
        for prefix, voice, restore in PREFIXES:
            if stem.startswith(prefix) and len(stem) - len(prefix) >= 3:
                rest = stem[len(prefix):]
                if voice != "nominal" and word.endswith("an") and not word.endswith("kan"):
                    voice = "nominal" if prefix in ("ke", "per") else voice
                for letter in restore:
                    found.setdefault(letter + rest, voice)
    return found
