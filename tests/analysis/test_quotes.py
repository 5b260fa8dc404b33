from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from analysis import schema
from analysis.actors import parse_registry
from analysis.corpus import load_corpus
from analysis.evaluation import load_gold, score_quotes
from analysis.mentions import find_mentions
from analysis.pipeline import analyse
from analysis.quotes import _quoted_spans, find_quotes, speaker_counts
from analysis.sentences import split_sentences
from tests.resources import MENTION_REGISTRY, QUOTE_CASES

REGISTRY = parse_registry(MENTION_REGISTRY)
GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "quotes_gold.toml"


def _quotes(text: str) -> pd.DataFrame:
    articles = pd.DataFrame({"article_id": ["a"], "file": ["a.txt"], "outlet": ["O"],
                             "published": [pd.Timestamp("2023-09-28")], "text": [text]})
    spans = split_sentences(text)
    sentences = pd.DataFrame({"article_id": "a", "sentence_id": range(len(spans)),
                              "start": [s for s, _ in spans], "end": [e for _, e in spans],
                              "text": [text[s:e] for s, e in spans]})
    mentions = find_mentions(articles, sentences, REGISTRY)
    return find_quotes(articles, mentions, sentences, REGISTRY)


@pytest.mark.parametrize("name", QUOTE_CASES)
def test_named_quotation(name):
    text, expected = QUOTE_CASES[name]
    q = _quotes(text)
    got = [(row.quote[:len(start)], row.speaker, row.kind)
           for row, (start, _, _) in zip(q.itertuples(), expected)]
    assert len(q) == len(expected), q[["quote", "speaker", "kind"]].to_dict("records")
    assert got == expected


def test_quotes_table_schema_and_offsets():
    result = analyse(load_corpus())
    q = find_quotes(result.corpus.articles, result.mentions, result.corpus.sentences, result.registry)
    assert list(q.columns) == list(schema.QUOTES)
    texts = result.corpus.articles.set_index("article_id")["text"]
    for row in q.itertuples():
        assert texts[row.article_id][row.start:row.end].strip() == row.quote


def test_attribution_against_hand_annotation():
    result = analyse(load_corpus())
    q = find_quotes(result.corpus.articles, result.mentions, result.corpus.sentences, result.registry)
    scores = score_quotes(q, load_gold(GOLD)).set_index("file").loc["all"]
    assert scores["detection_recall"] >= 0.95
    assert scores["attribution_accuracy"] >= 0.90


def test_speaker_counts_leave_terms_out():
    q = _quotes("“We will meet soon and talk,” said Joe Biden. Officials hope for a “floor.”")
    counts = speaker_counts(q)
    assert counts[["speaker", "quotes", "quoted_words"]].values.tolist() == [["Joe Biden", 1, 6]]
    assert counts["share_of_quoted_words_pct"].tolist() == [100.0]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab “”\"‘’.,", max_size=40))
def test_quoted_spans_read_only_the_marks_as_the_character_walk_did(text):
    """_quoted_spans jumps from mark to mark; it must find what walking every character found
    (’’ closes an open quotation and is skipped as one mark)."""
    spans, open_at, skip = [], None, False
    for i, ch in enumerate(text):
        if skip:
            skip = False
            continue
        if text[i:i + 2] in ("’’", "''"):
            skip = True
            if open_at is not None:
                if i > open_at:
                    spans.append((open_at + 7, i + 7, True))
                open_at = None
            continue
        if open_at is None and ch in "“\"" and (i == 0 or not text[i - 1].isalnum()):
            open_at = i + 1
        elif open_at is not None and ch in "”\"":
            if i > open_at:
                spans.append((open_at + 7, i + 7, True))
            open_at = None
    if open_at is not None and len(text) - open_at > 1:
        spans.append((open_at + 7, len(text) + 7, False))
    assert [(q.start, q.end, q.closed) for q in _quoted_spans(text, 7)] == spans
