import pandas as pd
import pytest

from analysis import schema
from analysis.counts import count_mentions, surface_forms
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
