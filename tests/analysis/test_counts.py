import pandas as pd
import pytest

from analysis import schema
from analysis.counts import count_mentions, mentions_by_date, surface_forms
from tests.analysis.selections import selection_of


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
    selection = selection_of(articles, mentions=mentions)
    freq = count_mentions(selection).set_index("outlet")
    assert list(freq.columns) == list(schema.FREQUENCIES)[1:]
    assert freq.loc["A", "mentions"] == 3 and freq.loc["A", "per_1k_words"] == pytest.approx(0.75)
    assert freq.loc["A", "share_of_articles_pct"] == 100.0
    assert freq.loc["B", "mentions"] == 1 and freq.loc["B", "per_1k_words"] == pytest.approx(2.0)
    names_only = count_mentions(selection, kinds=("name",)).set_index("outlet")
    assert names_only.loc["A", "mentions"] == 2


def test_surface_forms_merge_under_the_actor():
    mentions = _table([("a1", "A", "Xi Jinping", "name")] * 2)
    mentions["surface"] = ["Xi", "Xi Jinping"]
    sf = surface_forms(mentions)
    assert sorted(sf["surface"]) == ["Xi", "Xi Jinping"] and set(sf["actor"]) == {"Xi Jinping"}


def test_the_timeline_keeps_its_empty_periods_as_zeros():
    """An actor named on 1 and 4 June, another only on 3 June: four days, each actor on
    every day of the span with 0 where unnamed (a line must not join 1 and 4 June as if steady)."""
    m = _table([("a1", "A", "Ann Lee", "name"), ("a2", "A", "Ann Lee", "name"),
                ("a3", "A", "Bo Chen", "name")])
    m = m.assign(published=pd.to_datetime(["2023-06-01", "2023-06-04", "2023-06-03"]))
    arts = pd.DataFrame({"article_id": ["a1", "a2", "a3"], "outlet": ["A"] * 3,
                         "words": [100] * 3, "published": m["published"]})
    by_date = mentions_by_date(selection_of(arts, mentions=m), ["Ann Lee", "Bo Chen", "Nobody"])
    ann = by_date[by_date["actor"] == "Ann Lee"]
    assert ann["period"].dt.day.tolist() == [1, 2, 3, 4]
    assert ann["mentions"].tolist() == [1, 0, 0, 1] and ann["articles"].tolist() == [1, 0, 0, 1]
    assert by_date[by_date["actor"] == "Bo Chen"]["mentions"].tolist() == [0, 0, 1, 0]
    assert set(by_date["actor"]) == {"Ann Lee", "Bo Chen"}  # an actor never named: no line
    assert (by_date["period_length"] == "day").all()
