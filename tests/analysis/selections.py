"""A Selection over hand-made tables, for unit tests of the functions that take one.

`selection_of(articles, mentions=..., ...)` stands in for `Selection(analyse(corpus), filters)`:
the fake analysis holds only what the selection functions read (the corpus's articles, zones
and sentences with their text, the named per-article tables, the co-mention pairs); reading
anything else fails loudly with AttributeError / KeyError instead of seeing a made-up value.
"""
from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from analysis.corpus import SentenceText, sentence_lookup
from analysis.selection import Filters, Selection


def fake_corpus(articles: pd.DataFrame, *, sentences: pd.DataFrame | None = None,
                zones: pd.DataFrame | None = None,
                sentence_text: SentenceText | None = None) -> SimpleNamespace:
    """An object with Corpus's `articles`, and (where given) `zones`, `sentences`,
    `sentence_text(rows)` and `sentences_with_text(articles)`, read as Corpus reads them:
    `sentence_text` defaults to a look-up in `sentences` (which then needs its `text`)."""
    corpus = SimpleNamespace(articles=articles)
    if zones is not None:
        corpus.zones = zones
    if sentence_text is None and sentences is not None and "text" in sentences.columns:
        sentence_text = sentence_lookup(sentences)
    if sentence_text is not None:
        corpus.sentence_text = sentence_text
    if sentences is not None:
        corpus.sentences = sentences

        def sentences_with_text(chosen: pd.DataFrame | None = None) -> pd.DataFrame:
            s = sentences if chosen is None else sentences[
                sentences["article_id"].isin(chosen["article_id"])]
            if "text" in s.columns:
                return s
            return s.assign(text=pd.Series(sentence_text(s), index=s.index, dtype="str"))

        corpus.sentences_with_text = sentences_with_text
    return corpus


def selection_of(articles: pd.DataFrame, *, filters: Filters = Filters(),
                 sentence_text: SentenceText | None = None,
                 sentences: pd.DataFrame | None = None, zones: pd.DataFrame | None = None,
                 pairs: pd.DataFrame | None = None, **tables: pd.DataFrame) -> Selection:
    """The Selection inside `filters` of a corpus of `articles` (with its `sentences`, `zones`
    and `sentence_text`, where given) whose analysis holds `tables` by name ("mentions",
    "scored", "quotes", "topic_tags", ...) and, where given, the co-mention `pairs`."""
    analysed = SimpleNamespace(corpus=fake_corpus(articles, sentences=sentences, zones=zones,
                                                  sentence_text=sentence_text),
                               tables=dict(tables))
    if pairs is not None:
        analysed.pairs = pairs
    return Selection(analysed, filters)
