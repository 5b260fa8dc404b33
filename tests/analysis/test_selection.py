from datetime import date

import numpy as np
import pandas as pd
import pytest

from analysis import schema
from analysis.counts import count_mentions, mentions_by_date, total_by_actor
from analysis.evidence import evidence_counts, evidence_sentences
from analysis.selection import Filters, filter_mask
from analysis.sentiment import tone_extremes
from analysis.vader import polarity_of
from tests.analysis.selections import selection_of
from tests.analysis.test_counts import _table

ARTICLES = pd.DataFrame({
    "article_id": ["a1", "a2", "a3", "b1", "b2", "c1"],
    "outlet": ["A", "A", "A", "B", "B", "C"],
    "words": [100, 200, 300, 400, 500, 600],
    "published": pd.to_datetime(["2023-06-01", "2023-06-15", None, "2023-06-02", None,
                                 "2023-06-30 18:00"], format="ISO8601"),  # a3, b2: undated
})


def _mentions():
    rows = [("a1", "A", "Xi Jinping", "name"), ("a1", "A", "Xi Jinping", "role"),
            ("a2", "A", "Xi Jinping", "name"), ("a2", "A", "China", "metonym"),
            ("a3", "A", "Xi Jinping", "name"), ("a3", "A", "", "name"),
            ("b1", "B", "Xi Jinping", "role"), ("b1", "B", "China", "name"),
            ("b2", "B", "China", "name"), ("c1", "C", "Xi Jinping", "name")]
    m = _table(rows)
    published = ARTICLES.set_index("article_id")["published"]
    return m.assign(published=m["article_id"].astype(str).map(published).to_numpy(),
                    sentence_id=[0, 0, 1, 1, 0, 2, 0, 0, 3, 0],
                    start=[0, 10, 0, 5, 0, 7, 0, 9, 0, 0], end=[2, 14, 2, 10, 2, 9, 4, 14, 5, 2],
                    surface=[r[2] for r in rows])


def _scored(m):
    tone = np.linspace(-0.9, 0.9, len(m))
    return schema.conform(m.assign(tone=tone, polarity=[polarity_of(t) for t in tone],
                                   deferred=False, engine="vader-sentence"),
                          schema.SCORED_MENTIONS)


def _text(rows):
    return [f"{a} sentence {s}: Xi Jinping and China" for a, s in
            zip(rows["article_id"], rows["sentence_id"])]


def _selection(filters=Filters()):
    m = _mentions()
    return selection_of(ARTICLES, filters=filters, sentence_text=_text, mentions=m,
                        scored=_scored(m))


def _ids(selection):
    return selection.articles["article_id"].tolist()


def test_masks_are_worked_out_once():
    for filters in (Filters(), Filters(outlets=("A", "C"))):
        selection = _selection(filters)
        first = selection.mask("mentions")
        assert selection.mask("mentions") is first
        names = selection.mask("mentions", kinds=("role", "name"))
        assert selection.mask("mentions", kinds=("name", "role")) is names  # order not part of it
        assert selection.mask("mentions") is first and names is not first
        assert selection.mask("scored") is selection.mask("scored")


def test_kinds_restrict_the_mentions_mask():
    selection = _selection(Filters(outlets=("A", "B")))
    m = selection.table("mentions")
    inside = m["outlet"].isin(["A", "B"]).to_numpy()
    assert selection.mask("mentions").tolist() == inside.tolist()
    for kinds in (("name",), ("role", "metonym"), ()):
        expected = inside & m["kind"].isin(kinds).to_numpy()
        assert selection.mask("mentions", kinds=kinds).tolist() == expected.tolist()
    assert selection.mask("mentions", kinds=("name",)).sum() == 6  # a1, a2, a3 (2), b1, b2
    assert selection.mask("mentions", kinds=None).tolist() == inside.tolist()
    everything = _selection()
    assert everything.mask("mentions", kinds=("role",)).tolist() == \
        (m["kind"] == "role").tolist()


def test_narrowed_cuts_the_filters_outlets_down():
    june = Filters(outlets=("A", "B"), date_from=date(2023, 6, 1), date_to=date(2023, 6, 30))
    selection = _selection(june)
    narrowed = selection.narrowed(["B", "C"])
    assert narrowed.analysed is selection.analysed
    assert narrowed.filters == Filters(outlets=("B",), date_from=date(2023, 6, 1),
                                       date_to=date(2023, 6, 30))
    assert _ids(narrowed) == ["b1"]  # b2 undated: outside the date bounds
    everything = _selection().narrowed(["C", "A"])
    assert everything.filters.outlets == ("C", "A") and everything.outlets == ["A", "C"]
    assert _ids(everything) == ["a1", "a2", "a3", "c1"]
    nothing = _selection(Filters(outlets=("A",))).narrowed(["B"])
    assert nothing.filters.outlets == () and nothing.empty
    assert count_mentions(nothing).empty


def test_dates_keep_undated_articles_unless_a_bound_is_set():
    assert _ids(_selection()) == ["a1", "a2", "a3", "b1", "b2", "c1"]
    assert _ids(_selection(Filters(outlets=("A", "B")))) == ["a1", "a2", "a3", "b1", "b2"]
    assert _ids(_selection(Filters(date_from=date(2023, 6, 2)))) == ["a2", "b1", "c1"]
    assert _ids(_selection(Filters(date_to=date(2023, 6, 30)))) == ["a1", "a2", "b1", "c1"]
    assert _ids(_selection(Filters(date_to=date(2023, 6, 29)))) == ["a1", "a2", "b1"]
    assert _ids(_selection(Filters(date_from=date(2023, 6, 2), date_to=date(2023, 6, 2)))) == \
        ["b1"]
    for filters in (Filters(), Filters(date_from=date(2023, 6, 2)), Filters(outlets=())):
        selection = _selection(filters)
        assert _ids(selection) == ARTICLES["article_id"][filter_mask(ARTICLES, filters)].tolist()
        assert selection.everything == (filters == Filters())
    assert _selection(Filters(outlets=())).empty


FILTERS = [Filters(), Filters(outlets=("A",)), Filters(outlets=("B", "C")), Filters(outlets=()),
           Filters(date_from=date(2023, 6, 2)), Filters(date_to=date(2023, 6, 14)),
           Filters(outlets=("A", "B"), date_to=date(2023, 6, 30)),
           Filters(outlets=("Z",))]


@pytest.mark.parametrize("filters", FILTERS, ids=Filters.describe)
def test_denominators_are_the_selected_articles(filters):
    selection = _selection(filters)
    articles = selection.articles
    for kinds in (None, ("name",), ("role",)):
        freq = count_mentions(selection, kinds=kinds)
        assert set(freq["outlet"]) <= set(articles["outlet"])
        for r in freq.itertuples():
            mine = articles[articles["outlet"] == r.outlet]
            assert (r.outlet_articles, r.outlet_words) == (len(mine), mine["words"].sum())
        m = selection.table("mentions")
        counted = m[selection.mask("mentions", kinds=kinds) & (m["actor"] != "").to_numpy()]
        assert freq["mentions"].sum() == len(counted)
        total = total_by_actor(freq, selection)
        assert (total["outlet_articles"] == len(articles)).all()
        assert (total["outlet_words"] == articles["words"].sum()).all()


def test_denominators_by_hand():
    selection = _selection(Filters(outlets=("A", "C"), date_from=date(2023, 6, 10)))
    assert _ids(selection) == ["a2", "c1"]
    freq = count_mentions(selection).set_index(["outlet", "actor"])
    assert "B" not in freq.index.get_level_values("outlet")  # B has mentions, but is left out
    assert freq.loc[("A", "Xi Jinping"), ["mentions", "outlet_articles", "outlet_words"]
                    ].tolist() == [1, 1, 200]
    assert freq.loc[("A", "China"), "share_of_articles_pct"] == 100.0
    assert freq.loc[("C", "Xi Jinping"), "per_1k_words"] == pytest.approx(1000 / 600)
    total = total_by_actor(count_mentions(selection), selection).set_index("actor")
    assert total.loc["Xi Jinping", ["mentions", "outlet_articles", "outlet_words"]
                     ].tolist() == [2, 2, 800]


@pytest.mark.parametrize("filters", FILTERS, ids=Filters.describe)
def test_a_filtered_selection_reads_as_a_corpus_of_its_articles(filters):
    """Through its masks, a selection gives what the tables of its articles alone give."""
    selection = _selection(filters)
    ids = set(_ids(selection))
    m = _mentions()
    kept = m[m["article_id"].astype(str).isin(ids).to_numpy()]
    alone = selection_of(ARTICLES[ARTICLES["article_id"].isin(ids)], sentence_text=_text,
                         mentions=kept, scored=_scored(m)[m["article_id"].astype(str)
                                                          .isin(ids).to_numpy()])
    pd.testing.assert_frame_equal(selection.rows("mentions"), kept)
    for kinds in (None, ("name",)):
        pd.testing.assert_frame_equal(count_mentions(selection, kinds=kinds),
                                      count_mentions(alone, kinds=kinds))
        pd.testing.assert_frame_equal(mentions_by_date(selection, ["Xi Jinping", "China"],
                                                       kinds=kinds),
                                      mentions_by_date(alone, ["Xi Jinping", "China"],
                                                       kinds=kinds))
        for actor in ("Xi Jinping", "China"):
            for outlet in (None, "A", "B"):
                assert evidence_counts(selection, actor, outlet=outlet, kinds=kinds) == \
                    evidence_counts(alone, actor, outlet=outlet, kinds=kinds)
                pd.testing.assert_frame_equal(
                    evidence_sentences(selection, actor, outlet=outlet, kinds=kinds),
                    evidence_sentences(alone, actor, outlet=outlet, kinds=kinds))
    for outlet in (None, "A"):
        for got, expected in zip(tone_extremes(selection, "Xi Jinping", n=2, outlet=outlet),
                                 tone_extremes(alone, "Xi Jinping", n=2, outlet=outlet)):
            pd.testing.assert_frame_equal(got, expected)


def test_tone_extremes_of_a_selection_by_hand():
    neg, pos = tone_extremes(_selection(), "Xi Jinping", n=2)  # tones -0.9 + 0.2 per row
    # a1's sentence 0 names Xi twice (-0.9, -0.7): shown once, so a2's -0.5 comes next
    assert neg["tone"].tolist() == pytest.approx([-0.9, -0.5])
    assert pos["tone"].tolist() == pytest.approx([0.9, 0.3])
    neg, pos = tone_extremes(_selection(Filters(date_from=date(2023, 6, 2))), "Xi Jinping", n=2)
    assert neg["tone"].tolist() == pytest.approx([-0.5]) and neg["article_id"].tolist() == ["a2"]
    assert pos["tone"].tolist() == pytest.approx([0.9, 0.3])
    assert pos["sentence"].tolist() == _text(pos)
