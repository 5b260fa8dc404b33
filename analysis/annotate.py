"""The per-article analysis of some cleaned articles, the recipe every route runs (the plain
analysis in this process, and each chunk of the index on a worker): mentions of the registry's
actors, their tone, quotes, topic tags, each article's tone and its near-duplicate sketch."""
from __future__ import annotations

import pandas as pd

from analysis.actors import Registry
from analysis.corpus import sentence_lookup
from analysis.library import article_sketches
from analysis.mentions import find_mentions
from analysis.quotes import find_quotes
from analysis.sentiment import article_tone, score_tone
from analysis.topics import Topic, tag_sentences


def analyse_articles(articles: pd.DataFrame, sentences: pd.DataFrame, registry: Registry,
                     topics: list[Topic], engine: str, known_tone: pd.DataFrame | None = None
                     ) -> dict[str, pd.DataFrame]:
    """The per-article analysis for some cleaned articles: every table of store.ANALYSIS_TABLES
    (`known_tone`: tones the engine gave before to these articles' mentions, not scored again)."""
    s = sentences[sentences["article_id"].isin(articles["article_id"])]
    mentions = find_mentions(articles, s, registry)
    return {"mentions": mentions,
            "scored": score_tone(mentions, sentence_lookup(s), engine=engine, known=known_tone),
            "quotes": find_quotes(articles, mentions, s, registry),
            "topic_tags": tag_sentences(s, topics), "article_tone": article_tone(articles, s),
            "sketches": article_sketches(articles)}
