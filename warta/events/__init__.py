"""Event coding: who did what to whom, where and when (PLOVER types, CAMEO codes).

Per sentence: find triggers from the lexicon (``warta/data/events_lexicon.tsv``)
through Indonesian morphology (``warta.morphology``: ``menarik``/``ditarik``/
``penarikan`` are one action), then fill the roles from the analysis already
done: actors and targets from entity mentions and collective nouns
(``warta/data/actor_sectors.tsv``), read clause by clause (a speech verb or a
connector starts a new clause, so a speaker is not the actor of what they
report).  Passive ``di-``: the subject is the target, ``oleh X`` or a name right
after the verb the actor; an arrest or a sentence without an agent is the
article's law-enforcement body's or the state's.  Nouns of action act under a
light verb (``menggelar unjuk rasa``), at the head of their clause, or with
their actor after them (``serangan Israel terhadap Iran``).  Closed word
classes (negation, plans, speech verbs, prepositions) live in
``warta/data/event_words.tsv``.  A trigger whose actor cannot be attributed is
not coded (no invented events).  One event per (actor, type, target, date).

Modules, in the order a sentence flows through them:

- ``lexicon``: the trigger rules and word tables, read from ``warta/data``;
- ``sentences``: a sentence's words, clause bounds and participant candidates;
- ``triggers``: lexicon rows matched in a sentence, with their voice;
- ``roles``: who acts and who is acted on, for one trigger;
- ``actors``: a participant turned into a coded actor, and the article context;
- ``coder``: events made, merged and dated (``find_events``).
"""
from warta.events.coder import find_events
from warta.events.lexicon import cameo_table, lexicon, words

__all__ = ["cameo_table", "find_events", "lexicon", "words"]
