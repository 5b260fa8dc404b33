import numpy as np
import pandas as pd
import pytest

from analysis import schema
from analysis.compare import (actor_words, attention, co_mention_matrix, co_mentions,
                              distinctive_terms, outlet_volume, term_sentences, tone_differences)
from analysis.corpus import load_corpus
from analysis.counts import count_mentions
from analysis.pipeline import analyse
from analysis.selection import Filters, Selection, in_articles
from analysis.topics import Topic, tag_sentences, topic_shares
from tests.analysis.selections import selection_of


@pytest.fixture(scope="module")
def seeds():
    return analyse(load_corpus())


def _toy():
    arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "words": [10, 10],
                         "published": pd.to_datetime(["2023-01-01", "2023-01-02"])})
    sents = pd.DataFrame({"article_id": ["a", "a", "b", "b"], "sentence_id": [0, 1, 0, 1],
                          "text": ["Tariffs rose and tariffs rose again.", "Tariffs hurt farmers.",
                                   "Climate talks resumed.", "Climate talks and tariffs."]})
    return selection_of(arts, sentences=sents)


def test_distinctive_terms_point_the_right_way():
    terms = distinctive_terms(_toy(), min_count=2)
    assert list(terms.columns) == list(schema.DISTINCTIVE)
    a = terms[terms["outlet"] == "A"].set_index("term")
    b = terms[terms["outlet"] == "B"].set_index("term")
    assert a.loc["tariffs", "z"] > 0 and a.loc["tariffs", "count"] == 3
    assert b.loc["climate", "z"] > 0 and "climate talks" in b.index
    assert "and" not in b.index  # stop word


def test_distinctive_terms_match_monroe_formula_by_hand():
    terms = distinctive_terms(_toy(), min_count=1, top=100)
    row = terms[(terms["outlet"] == "A") & (terms["term"] == "tariffs")].iloc[0]
    # counts: A tariffs 3 of n_A terms; B tariffs 1 of n_B; prior = pooled counts
    counts_a = {"tariffs": 3, "rose": 2, "tariffs rose": 2, "hurt": 1, "farmers": 1,
                "tariffs hurt": 1, "hurt farmers": 1}
    counts_b = {"climate": 2, "talks": 2, "resumed": 1, "climate talks": 2, "talks resumed": 1,
                "tariffs": 1}
    n_a, n_b = sum(counts_a.values()), sum(counts_b.values())
    a0 = n_a + n_b
    alpha = 4
    delta = (np.log((3 + alpha) / (n_a + a0 - 3 - alpha)) - np.log((1 + alpha) / (n_b + a0 - 1 - alpha)))
    assert row["log_odds"] == pytest.approx(delta)
    assert row["z"] == pytest.approx(delta / np.sqrt(1 / (3 + alpha) + 1 / (1 + alpha)))


def test_term_sentences_highlight_the_term():
    ev = term_sentences(_toy(), "climate talks", "B")
    assert len(ev) == 2 and ev["spans"].iloc[0] == "0-13"


def test_attention_shares_sum_to_100_and_differences_by_hand(seeds):
    att = attention(count_mentions(Selection(seeds)))
    sums = att.groupby("outlet")["share_pct"].sum()
    assert np.allclose(sums, 100)
    row = att[(att["outlet"] == "NV") & (att["actor"] == "Russia")].iloc[0]
    nv = seeds.mentions[(seeds.mentions["outlet"] == "NV") & (seeds.mentions["actor"] != "")]
    rest = seeds.mentions[(seeds.mentions["outlet"] != "NV") & (seeds.mentions["actor"] != "")]
    expected = (nv["actor"] == "Russia").mean() * 100 - (rest["actor"] == "Russia").mean() * 100
    assert row["diff_pp"] == pytest.approx(expected)


def test_tone_difference_and_volume(seeds):
    diffs = tone_differences(seeds.scored, ["China"])
    assert list(diffs.columns) == list(schema.TONE_DIFF) and len(diffs) == 5
    for r in diffs.itertuples():
        assert r.diff == pytest.approx(r.tone_mean - r.rest_tone_mean)
        assert r.ci_low <= r.diff <= r.ci_high
    vol = outlet_volume(Selection(seeds))
    assert vol["thin"].all() and vol["articles"].tolist() == [1] * 5


def test_co_mentions_are_symmetric_and_counted_per_sentence(seeds):
    pairs = co_mentions(seeds.mentions)
    m = co_mention_matrix(pairs, ["China", "United States", "Xi Jinping"])
    assert (m.values == m.values.T).all() and (np.diag(m.values) == 0).all()
    both = seeds.mentions.groupby(["article_id", "sentence_id"])["actor"].agg(set)
    assert m.loc["China", "Xi Jinping"] == sum({"China", "Xi Jinping"} <= s for s in both)


def test_co_mentions_of_a_selection_are_those_of_its_articles(seeds):
    """Pairs are kept per article, so a date or outlet filter sums exactly its articles."""
    pairs = co_mentions(seeds.mentions)
    some = seeds.corpus.articles["article_id"].iloc[[0, 3]]
    actors = ["China", "United States", "Xi Jinping", "Joe Biden", "Antony Blinken"]
    picked = co_mention_matrix(pairs[in_articles(pairs, some)], actors)
    outlets = tuple(seeds.corpus.articles["outlet"].iloc[[0, 3]])  # one article per outlet
    selected = Selection(seeds, Filters(outlets=outlets)).rows("pairs")
    assert co_mention_matrix(selected, actors).equals(picked)
    alone = co_mention_matrix(co_mentions(seeds.mentions[seeds.mentions["article_id"].isin(some)]),
                              actors)
    assert picked.equals(alone) and picked.values.sum() > 0
    everything = co_mention_matrix(pairs, actors)
    assert (everything.values >= picked.values).all() and not everything.equals(picked)


def test_topics_tag_on_word_boundaries():
    sents = pd.DataFrame({"article_id": ["a"] * 3, "sentence_id": [0, 1, 2],
                          "text": ["Fentanyl flows grew.", "Coal use rose.", "Coaliton talks."]})
    arts = pd.DataFrame({"article_id": ["a"], "outlet": ["A"]})
    tags = tag_sentences(sents, [Topic("Drugs", ("fentanyl",)), Topic("Climate", ("coal",))])
    assert tags[["sentence_id", "topic"]].values.tolist() == [[0, "Drugs"], [1, "Climate"]]
    shares = topic_shares(selection_of(arts, sentences=sents, topic_tags=tags)).set_index("topic")
    assert shares.loc["Climate", "share_pct"] == pytest.approx(100 / 3)


def _tags_by_scanning_every_sentence(sentences, topics):
    """tag_sentences as first written: each topic's pattern over every sentence."""
    import re

    rows = []
    for topic in topics:
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(
            re.escape(t) for t in sorted(topic.terms, key=len, reverse=True)) + r")(?![\w-])",
            re.I)
        for r in sentences.itertuples():
            if hits := pattern.findall(r.text):
                rows.append((r.article_id, r.sentence_id, topic.name,
                             ", ".join(dict.fromkeys(h.lower() for h in hits))))
    return sorted(rows)


def test_topics_found_through_first_words_are_those_every_sentence_scan_finds(tmp_path):
    from presslens.bench import synthetic_corpus
    from analysis.topics import load_topics

    sentences = pd.concat([load_corpus().sentences, load_corpus(synthetic_corpus(
        30, tmp_path / "c")).sentences], ignore_index=True)
    tricky = ["TRADE talks; de-risking and high-tech chips.", "Trade-war fears, then tRaDe.",
              "The İnvestment plan.", "New ſanctions.", "A \u212aind word.", "Costs of $5 bn rose.",
              "Café society met in Zürich; the café closed.", "Strait talk: Taiwan Strait"]
    sentences = pd.concat([sentences, pd.DataFrame({
        "article_id": "tricky", "sentence_id": range(len(tricky)), "text": tricky})],
        ignore_index=True)
    topics = load_topics(tmp_path / "c")[0] + [
        Topic("Signs", ("$5 bn", "costs")), Topic("Cafés", ("café", "zürich")),
        Topic("Kind", ("kind", "sanctions", "investment"))]
    got = tag_sentences(sentences, topics)
    assert sorted(got[["article_id", "sentence_id", "topic", "terms"]].astype(
        {"article_id": str, "topic": str}).itertuples(index=False, name=None)) == \
        _tags_by_scanning_every_sentence(sentences, topics)
    assert {"Signs", "Cafés", "Kind"} <= set(got["topic"])


def test_actor_words_cover_names():
    words = actor_words(analyse(load_corpus()).registry)
    assert {"xi", "jinping", "beijing", "yellen"} <= words


def test_tone_difference_interval_for_large_samples_is_welch():
    rng = np.random.default_rng(0)
    rows = [("X", "A", f"a{i}", t) for i, t in enumerate(rng.normal(0.2, 0.3, 400))]
    rows += [("X", "B", f"b{i}", t) for i, t in enumerate(rng.normal(0.0, 0.3, 600))]
    scored = pd.DataFrame(rows, columns=["actor", "outlet", "article_id", "tone"])
    d = tone_differences(scored, ["X"]).set_index("outlet").loc["A"]
    a, b = scored[scored.outlet == "A"].tone, scored[scored.outlet == "B"].tone
    half = 1.959964 * np.sqrt(a.var() / len(a) + b.var() / len(b))
    assert d["ci_low"] == pytest.approx(d["diff"] - half) and d["ci_high"] == pytest.approx(d["diff"] + half)
    assert d["ci_low"] < 0.2 < d["ci_high"] + 0.05


def test_rows_of_a_selection_are_its_articles_rows(seeds):
    articles = seeds.corpus.articles
    assert not articles["outlet"].duplicated().any()  # seeds: one article per outlet
    ids = set(articles["article_id"].iloc[:2])
    selection = Selection(seeds, Filters(outlets=tuple(articles["outlet"].iloc[:2])))
    assert set(selection.articles["article_id"]) == ids
    for name in ("mentions", "scored", "quotes", "article_tone", "topic_tags", "pairs", "zones",
                 "sentences"):
        table = selection.table(name)
        inside = table["article_id"].astype(str).isin(ids)
        expected = table[inside]
        pd.testing.assert_frame_equal(selection.rows(name), expected)
        assert selection.mask(name).tolist() == inside.tolist()
        assert 0 < len(expected) < len(table)
        pd.testing.assert_frame_equal(selection.rows(name, ["article_id"]),
                                      expected[["article_id"]])
    everything = Selection(seeds)
    for name in ("mentions", "scored", "quotes", "article_tone", "topic_tags"):
        assert everything.rows(name) is seeds.tables[name]
        assert everything.mask(name).all() and len(everything.mask(name)) == len(seeds.tables[name])
    assert everything.rows("pairs") is seeds.pairs and everything.rows("zones") is seeds.corpus.zones
    assert everything.rows("sentences") is seeds.corpus.sentences
    assert len(everything.articles) == len(articles)


@pytest.mark.parametrize("dtype", ["str", "category", object])
def test_in_articles_on_text_and_categorical_ids(dtype):
    df = pd.DataFrame({"article_id": pd.Series(["a", "b", "a", "c", None], dtype=dtype)})
    assert in_articles(df, ["a", "a", "zz", "c"]).tolist() == [True, False, True, True, False]
    assert not in_articles(df, []).any()
