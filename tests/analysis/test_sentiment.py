from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import schema
from analysis.evaluation import load_newsmtsc, score_sentiment
from analysis.selection import Selection
from analysis.sentiment import (ALL_OUTLETS, ENGINES, aggregate_tone, article_tone, target_polarity,
                                tone_extremes)
from analysis.vader import polarity_of
from tests.resources import TARGET_POLARITY

NEWSMTSC = Path(__file__).resolve().parents[3] / "shared" / "datasets" / "newsmtsc"


@pytest.mark.parametrize("sentence,target,expected", TARGET_POLARITY)
def test_polarity_toward_named_targets(sentence, target, expected):
    start = sentence.index(target)
    assert target_polarity(sentence, start, start + len(target)) == expected


def _scored(rows):
    df = pd.DataFrame(rows, columns=["actor", "outlet", "article_id", "tone"])
    df["polarity"] = [polarity_of(t) for t in df["tone"]]
    for col, dtype in schema.SCORED_MENTIONS.items():
        if col not in df:
            df[col] = 0 if dtype == "int64" else None
    return schema.conform(df, schema.SCORED_MENTIONS)


def test_aggregation_by_hand():
    scored = _scored([("Xi", "A", "a1", 0.5), ("Xi", "A", "a1", -0.5), ("Xi", "A", "a2", 0.3),
                      ("Xi", "B", "b1", -0.6), ("Biden", "B", "b1", 0.0)])
    tone = aggregate_tone(scored).set_index(["actor", "outlet"])
    assert list(tone.reset_index().columns) == list(schema.TONE)
    xa = tone.loc[("Xi", "A")]
    assert xa["mentions"] == 3 and xa["articles"] == 2
    assert xa["tone_mean"] == pytest.approx(0.1)
    assert (xa["negative_pct"], xa["neutral_pct"], xa["positive_pct"]) == pytest.approx(
        (100 / 3, 0, 200 / 3))
    assert xa["ci_low"] <= 0.1 <= xa["ci_high"] and xa["low_n"]
    xall = tone.loc[("Xi", ALL_OUTLETS)]
    assert xall["mentions"] == 4 and xall["tone_mean"] == pytest.approx(-0.075)
    single = tone.loc[("Biden", "B")]
    assert np.isnan(single["ci_low"]) and single["neutral_pct"] == 100


def test_score_tone_on_seeds_and_extremes():
    from analysis.corpus import load_corpus
    from analysis.pipeline import analyse

    result = analyse(load_corpus())
    scored = result.scored
    assert list(scored.columns) == list(schema.SCORED_MENTIONS)
    assert len(scored) == (result.mentions["actor"] != "").sum()
    assert scored["tone"].between(-1, 1).all()
    neg, pos = tone_extremes(Selection(result), "China", n=3)
    assert len(neg) == 3 and neg["tone"].is_monotonic_increasing and (neg["tone"] < 0).all()
    assert (pos["tone"] > 0).all()
    spans = [tuple(map(int, sp.split("-"))) for sp in neg["spans"]]
    assert all(c and c in s and s[a:b] in c for c, s, (a, b) in
               zip(neg["context"], neg["sentence"], spans))
    assert (neg["why"] != "").all()  # the words behind each shown score
    for rows in (neg, pos):  # a sentence naming China twice is shown once
        assert not rows.duplicated(["article_id", "sentence_id"]).any()
    twice = scored[scored["actor"] == "China"].duplicated(["article_id", "sentence_id"], keep=False)
    assert twice.any()  # (the seeds have such sentences: the check above is not empty)
    per_article = article_tone(result.corpus.articles, result.corpus.sentences)
    assert len(per_article) == 5 and list(per_article.columns) == list(schema.ARTICLE_TONE)


@pytest.mark.skipif(not NEWSMTSC.exists(), reason="shared/datasets/newsmtsc not beside the repo")
@pytest.mark.parametrize("split,bar", [("dev_rw", 70.0), ("dev_mt", 65.0)])
def test_engines_on_newsmtsc_dev(split, bar):
    """The issues' bars: the default engine ≥ 70 / 65 macro-F1 (issue 9); the VADER clause
    rule at least whole-sentence VADER and ≥ 51 (issue 4)."""
    data = load_newsmtsc(NEWSMTSC / f"{split}.jsonl")
    gold = data["label"].tolist()
    rows = list(zip(data["sentence"], data["start"], data["end"]))

    def macro(engine):
        pred = [engine(*r) for r in rows]
        return score_sentiment(gold, pred, engine="x").set_index("label").loc["macro", "f1"]

    assert macro(target_polarity) >= bar
    clause, sentence = macro(ENGINES["vader-clause"]), macro(ENGINES["vader-sentence"])
    assert clause >= 51.0 and clause >= sentence


@pytest.mark.parametrize("sentence,target,expected", TARGET_POLARITY)
def test_vader_clause_engine_on_named_targets(sentence, target, expected):
    start = sentence.index(target)
    assert ENGINES["vader-clause"](sentence, start, start + len(target)) == expected


def test_model_explains_with_words_and_is_deterministic():
    from analysis.target_sentiment import default_model

    s = "Biden praised the landmark agreement."
    p = default_model().predict(s, 0, 5, explain=3)
    assert p.label == "positive" and not p.deferred
    assert "praised" in [w for w, _ in p.contributions]
    assert default_model().predict(s, 0, 5) == default_model().predict(s, 0, 5)
    assert sum(p.probabilities) == pytest.approx(1.0)


def test_explanations_are_the_sentences_whole_words():
    """The model splits "U.S." into "u" and "s": an explanation reading "pushed by: u" says
    nothing to a reader."""
    from analysis.target_sentiment import _readable

    pushes = [("w:u", 0.9), ("w:military", 0.5), ("b:<T>_warned", 0.4), ("w:the", 0.3),
              ("w:sanctions", -0.2)]
    assert _readable(pushes, "The U.S. military warned of sanctions.") == [
        ("U.S.", 0.9), ("military", 0.5), ("<target> warned", 0.4)]


def test_model_reads_the_features_featurize_defines(tmp_path):
    """LinearModel.probabilities encodes features straight into weight rows (_Encoder); it
    must give what the readable definition, featurize and the weights by name, gives."""
    import json

    from presslens.bench import synthetic_corpus
    from analysis.corpus import load_corpus, sentence_lookup
    from analysis.mentions import find_mentions
    from analysis.pipeline import load_corpus_registry
    from analysis.target_sentiment import default_model, featurize

    model = default_model()
    spans = []
    for corpus in (load_corpus(), load_corpus(synthetic_corpus(20, tmp_path / "c"))):
        m = find_mentions(corpus.articles, corpus.sentences, load_corpus_registry(corpus)[0])
        spans += list(zip(sentence_lookup(corpus.sentences)(m), m["start"], m["end"]))
    tricky = ["China's envoy said it was “not a good deal,” but Biden hailed it.",
              "Xi", "Never did Xi say that; he was not wrong.", "They said Xi, Xi, and Xi!"]
    spans += [(s, 0, 2) for s in tricky] + [(tricky[0], 0, 5), (tricky[2], 10, 12)]
    path = NEWSMTSC / "dev_mt.jsonl"
    if path.exists():
        data = load_newsmtsc(path)
        spans += list(zip(data["sentence"], data["start"], data["end"]))
    assert len(spans) > 300
    logits = np.tile(model.intercept, (len(spans), 1))
    for row, (sentence, start, end) in zip(logits, spans):
        for name, value in featurize(sentence, start, end).items():
            weight = model.weight(name)
            if weight is not None:
                row += weight * value
    expected = np.exp(logits - logits.max(axis=1, keepdims=True))
    expected /= expected.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(model.probabilities(spans), expected, rtol=0, atol=1e-9)
