"""Indonesian NLP core: tokens, sentences and named entities with offsets.

    from warta.nlp import tokenize, sentences, ner, process

``process(text)`` computes sentences, tokens and entities once and returns an
``NlpDoc`` that later analysis stages share.  The NER model is loaded lazily
on first use and cached for the life of the process.
"""
from __future__ import annotations

from warta.nlp.tokens import Sentence, Token, sentence_spans, sentences, tokenize
from warta.nlp.ner import EntitySpan, NlpDoc, ner, process

__all__ = ["Token", "Sentence", "EntitySpan", "NlpDoc", "tokenize", "sentences", "sentence_spans", "ner", "process"]
