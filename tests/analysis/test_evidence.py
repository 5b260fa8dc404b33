from datetime import date

import pandas as pd
from hypothesis import given, settings, strategies as st

from analysis.counts import count_mentions, mentions_by_date
from analysis.evidence import (_first_sentences, co_mention_sentences, evidence_counts,
                               evidence_sentences)
from analysis.selection import Filters
from tests.analysis.selections import selection_of
from tests.analysis.test_counts import _table


def test_a_filtered_selection_reads_as_the_selected_rows():
    """A selection whose filters leave an article out reads the whole tables through its row
    masks: it must give what a corpus of the kept articles alone gives."""
    m = _table([("a1", "A", "Xi Jinping", "name"), ("a1", "A", "Xi Jinping", "role"),
                ("a2", "A", "Xi Jinping", "name"), ("b1", "B", "Xi Jinping", "name"),
                ("b1", "B", "China", "name")])
    m = m.assign(sentence_id=[0, 0, 1, 0, 0], start=[0, 6, 0, 0, 9], end=[2, 10, 2, 2, 14],
                 published=pd.to_datetime(["2023-06-01", "2023-06-01", "2023-07-01",
                                           "2023-06-02", "2023-06-02"]))
    arts = pd.DataFrame({"article_id": ["a1", "a2", "b1"], "outlet": ["A", "A", "B"],
                         "words": [100, 100, 100],
                         "published": pd.to_datetime(["2023-06-01", "2023-07-01", "2023-06-02"])})
    mask = (m["article_id"] != "a2").to_numpy()
    text = lambda rows: [f"sentence {s}" for s in rows["sentence_id"]]  # noqa: E731
    june = selection_of(arts, filters=Filters(date_to=date(2023, 6, 30)), sentence_text=text,
                        mentions=m)  # a2 (July) left out
    kept = selection_of(arts[arts["article_id"] != "a2"], sentence_text=text, mentions=m[mask])
    assert june.articles["article_id"].tolist() == ["a1", "b1"]
    assert june.mask("mentions").tolist() == mask.tolist()
    for outlet in (None, "A", "B"):
        pd.testing.assert_frame_equal(
            evidence_sentences(june, "Xi Jinping", outlet=outlet),
            evidence_sentences(kept, "Xi Jinping", outlet=outlet))
        assert evidence_counts(june, "Xi Jinping", outlet=outlet) == evidence_counts(
            kept, "Xi Jinping", outlet=outlet)
    assert evidence_counts(june, "Xi Jinping", outlet="A") == (2, 1)
    by_date = mentions_by_date(june, ["Xi Jinping"])
    pd.testing.assert_frame_equal(by_date, mentions_by_date(kept, ["Xi Jinping"]))
    assert by_date["mentions"].tolist() == [2, 1]
    pd.testing.assert_frame_equal(count_mentions(june), count_mentions(kept))
    assert count_mentions(june)["mentions"].tolist() == [1, 2, 1]  # China; Xi


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


def test_co_mention_sentences_are_those_naming_both_with_both_spans():
    m = _table([("a1", "A", "Xi Jinping", "name"), ("a1", "A", "China", "name"),
                ("a1", "A", "China", "name"), ("a2", "A", "China", "name"),
                ("b1", "B", "Xi Jinping", "name"), ("b1", "B", "China", "name")])
    m = m.assign(sentence_id=[0, 0, 1, 0, 0, 0], start=[0, 10, 0, 0, 0, 9],
                 end=[2, 15, 5, 5, 2, 14],
                 published=pd.to_datetime(["2023-06-01"] * 4 + ["2023-06-02"] * 2))
    arts = pd.DataFrame({"article_id": ["a1", "a2", "b1"], "outlet": ["A", "A", "B"],
                         "words": [100, 100, 100], "published": pd.to_datetime(
                             ["2023-06-01", "2023-06-01", "2023-06-02"])})
    text = lambda rows: [f"sentence {s}" for s in rows["sentence_id"]]  # noqa: E731
    sel = selection_of(arts, sentence_text=text, mentions=m)
    both = co_mention_sentences(sel, "Xi Jinping", "China")
    assert both[["article_id", "sentence_id", "spans"]].values.tolist() == [
        ["a1", 0, "0-2;10-15"], ["b1", 0, "0-2;9-14"]]
    assert co_mention_sentences(sel, "Xi Jinping", "China", outlet="B")["article_id"].tolist() \
        == ["b1"]
