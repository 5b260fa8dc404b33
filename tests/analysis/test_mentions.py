from datetime import date

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from analysis import schema
from analysis.actors import parse_registry
from analysis.mentions import (_WORD_BEFORE, Matcher, _first_sentences, _word_before, count_mentions, evidence_counts,
                               evidence_sentences, find_mentions_in_article, mentions_by_date,
                               surface_forms)
from analysis.sentences import split_sentences
from tests.resources import MENTION_CASES, MENTION_REGISTRY

MATCHER = Matcher(parse_registry(MENTION_REGISTRY))


def _mentions(text: str, published: str):
    sents = [(i, text[s:e]) for i, (s, e) in enumerate(split_sentences(text))]
    hits = find_mentions_in_article(MATCHER, sents, date.fromisoformat(published))
    return [(h.surface, h.actor, h.kind) for _, h in hits]


@pytest.mark.parametrize("name", MENTION_CASES)
def test_named_rule(name):
    text, published, expected = MENTION_CASES[name]
    assert _mentions(text, published) == expected


def test_spans_point_at_the_surface():
    text = "Li Qiang met Biden. Later Mr. Li left."
    sents = [(i, text[s:e]) for i, (s, e) in enumerate(split_sentences(text))]
    for sid, h in find_mentions_in_article(MATCHER, sents, date(2023, 6, 1)):
        assert sents[sid][1][h.start:h.end] == h.surface


NAMES = ["Joe Biden", "Biden", "Xi", "China", "Beijing", "U.S."]
FILLER = ["the talks", "officials said", "on Monday", "and", "in Geneva", "Bidenomics",
          "Xiaomi", "South China Sea"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(NAMES + FILLER), min_size=1, max_size=15))
def test_mentions_never_overlap_and_never_sit_inside_words(words):
    text = " ".join(words) + "."
    sents = [(0, text)]
    hits = [h for _, h in find_mentions_in_article(MATCHER, sents, date(2023, 6, 1))]
    for a, b in zip(hits, hits[1:]):
        assert a.end <= b.start
    for h in hits:
        assert h.start == 0 or not text[h.start - 1].isalnum()
        assert h.end == len(text) or not text[h.end].isalnum()
    # Adding unrelated words around the text never changes what is found in it.
    padded = [(0, "Officials said " + text)]
    shifted = [(h.surface, h.actor) for _, h in find_mentions_in_article(MATCHER, padded, date(2023, 6, 1))]
    assert shifted == [(h.surface, h.actor) for h in hits]


def _table(rows):
    df = pd.DataFrame(rows, columns=["article_id", "outlet", "actor", "kind"])
    for col in schema.MENTIONS:
        if col not in df:
            df[col] = 0 if schema.MENTIONS[col] == "int64" else None
    return schema.conform(df, schema.MENTIONS)


def test_frequencies_by_hand():
    articles = pd.DataFrame({"article_id": ["a1", "a2", "b1"], "outlet": ["A", "A", "B"],
                             "words": [1000, 3000, 500]})
    mentions = _table([("a1", "A", "Xi Jinping", "name"), ("a1", "A", "Xi Jinping", "role"),
                       ("a2", "A", "Xi Jinping", "name"), ("b1", "B", "Xi Jinping", "name"),
                       ("b1", "B", "", "name")])
    freq = count_mentions(mentions, articles).set_index("outlet")
    assert list(freq.columns) == list(schema.FREQUENCIES)[1:]
    assert freq.loc["A", "mentions"] == 3 and freq.loc["A", "per_1k_words"] == pytest.approx(0.75)
    assert freq.loc["A", "share_of_articles_pct"] == 100.0
    assert freq.loc["B", "mentions"] == 1 and freq.loc["B", "per_1k_words"] == pytest.approx(2.0)
    names_only = count_mentions(mentions, articles, kinds=("name",)).set_index("outlet")
    assert names_only.loc["A", "mentions"] == 2


def test_a_selection_given_as_a_mask_reads_as_the_selected_rows():
    """Pages pass the selection as a boolean mask over the whole table instead of a copy."""
    m = _table([("a1", "A", "Xi Jinping", "name"), ("a1", "A", "Xi Jinping", "role"),
                ("a2", "A", "Xi Jinping", "name"), ("b1", "B", "Xi Jinping", "name"),
                ("b1", "B", "China", "name")])
    m = m.assign(sentence_id=[0, 0, 1, 0, 0], start=[0, 6, 0, 0, 9], end=[2, 10, 2, 2, 14],
                 published=pd.to_datetime(["2023-06-01", "2023-06-01", "2023-07-01",
                                           "2023-06-02", "2023-06-02"]))
    mask = (m["article_id"] != "a2").to_numpy()
    text = lambda rows: [f"sentence {s}" for s in rows["sentence_id"]]  # noqa: E731
    for outlet in (None, "A", "B"):
        pd.testing.assert_frame_equal(
            evidence_sentences(m, "Xi Jinping", text, outlet=outlet, rows=mask),
            evidence_sentences(m[mask], "Xi Jinping", text, outlet=outlet))
        assert evidence_counts(m, "Xi Jinping", outlet=outlet, rows=mask) == evidence_counts(
            m[mask], "Xi Jinping", outlet=outlet)
    assert evidence_counts(m, "Xi Jinping", outlet="A", rows=mask) == (2, 1)
    by_date = mentions_by_date(m, ["Xi Jinping"], rows=mask)
    pd.testing.assert_frame_equal(by_date, mentions_by_date(m[mask], ["Xi Jinping"]))
    assert by_date["mentions"].tolist() == [2, 1]
    arts = pd.DataFrame({"article_id": ["a1", "b1"], "outlet": ["A", "B"], "words": [100, 100]})
    pd.testing.assert_frame_equal(count_mentions(m, arts, rows=mask), count_mentions(m, arts))
    assert count_mentions(m, arts, rows=mask)["mentions"].tolist() == [1, 2, 1]  # China; Xi


def test_surface_forms_merge_under_the_actor():
    mentions = _table([("a1", "A", "Xi Jinping", "name")] * 2)
    mentions["surface"] = ["Xi", "Xi Jinping"]
    sf = surface_forms(mentions)
    assert sorted(sf["surface"]) == ["Xi", "Xi Jinping"] and set(sf["actor"]) == {"Xi Jinping"}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 7), st.integers(0, 6)), min_size=1, max_size=60),
       st.integers(1, 12))
def test_first_sentences_by_date_match_a_full_sort(rows, limit):
    """_first_sentences sorts only the earliest rows; it must pick what sorting them all picks.
    An article's rows share its date (every fourth article has none)."""
    m = pd.DataFrame([{"article_id": f"a{a}", "sentence_id": s,
                       "published": pd.NaT if a % 4 == 3 else pd.Timestamp(2023, 1, 1 + a % 3),
                       "start": i} for i, (a, s) in enumerate(rows)])
    m["article_id"] = m["article_id"].astype("category")
    full = m.sort_values(["published", "article_id", "sentence_id"], kind="stable")
    full = full[(~full.duplicated(["article_id", "sentence_id"])).cumsum().to_numpy() <= limit]
    assert _first_sentences(m, limit)["start"].tolist() == full["start"].tolist()


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab1 ’'.-,;“é\n", max_size=60), st.integers(1, 12))
def test_last_word_read_from_the_tail_is_the_full_searchs(text, tail):
    """_word_before reads the end of a long prefix only; it must find what searching the
    whole prefix finds (short tails make the cut fall everywhere)."""
    fast, full = _word_before(text, tail), _WORD_BEFORE.search(text)
    assert (fast and (fast.span(), fast[1])) == (full and (full.span(), full[1]))
