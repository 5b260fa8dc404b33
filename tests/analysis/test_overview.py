from datetime import date

import numpy as np
import pandas as pd

from analysis import schema
from analysis.overview import PER_ARTICLE_UP_TO, hygiene_table
from analysis.selection import Filters
from tests.analysis.selections import selection_of


def _corpus(n: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    ids = [f"a{i:03d}" for i in range(n)]
    articles = pd.DataFrame({"article_id": ids, "outlet": rng.choice(["WSJ", "NYT", "NV"], n),
                             "label": [f"Article {i}" for i in range(n)], "words": 0,
                             "published": pd.date_range("2023-01-01", periods=n, freq="D")})
    kinds = ["headline", "body", "byline", "caption", "boilerplate"]
    zones = pd.DataFrame([{"article_id": a, "block": b, "zone": kinds[b % 5],
                           "reason": "", "counted": kinds[b % 5] in ("headline", "body"),
                           "words": int(rng.integers(1, 400)), "text": "x"}
                          for a in ids for b in range(int(rng.integers(1, 8)))])
    return articles, schema.conform(zones, schema.ZONES)


def _by_hand(articles, zones, by):
    z = zones.astype({"article_id": str, "zone": str}).merge(articles, on="article_id")
    z["zone"] = z["zone"].where(~z["counted"], "article text")
    return z.groupby([by, "zone"])["words_x"].sum().sort_index()


def test_words_per_outlet_and_zone_add_up_as_by_hand():
    """More than PER_ARTICLE_UP_TO articles: words summed per outlet on integer codes."""
    articles, zones = _corpus(PER_ARTICLE_UP_TO + 20)
    chosen = articles.iloc[5:]  # a selection: zones of other articles are left out
    later = selection_of(articles, zones=zones,
                         filters=Filters(date_from=date(2023, 1, 6)))  # from the 6th article
    assert later.articles["article_id"].tolist() == chosen["article_id"].tolist()
    out = hygiene_table(later)
    alone = zones[zones["article_id"].isin(chosen["article_id"])].reset_index(drop=True)
    pd.testing.assert_frame_equal(out, hygiene_table(selection_of(chosen, zones=alone)))
    assert (out["label"] == out["outlet"]).all() and (out["article_id"] == "").all()
    got = out.set_index(["outlet", "zone"])["words"].sort_index()
    assert got.to_dict() == _by_hand(chosen, zones, "outlet").to_dict()


def test_words_per_article_and_zone_for_a_few_articles():
    articles, zones = _corpus(6, seed=1)
    out = hygiene_table(selection_of(articles, zones=zones))
    got = out.set_index(["article_id", "zone"])["words"].sort_index()
    assert got.to_dict() == _by_hand(articles, zones, "article_id").to_dict()
    assert out["article_id"].drop_duplicates().tolist() == articles["article_id"].tolist()


def test_words_per_article_of_a_filtered_selection_are_those_of_its_articles():
    articles, zones = _corpus(6, seed=1)
    outlet = articles["outlet"].iloc[0]
    mine = articles[articles["outlet"] == outlet]
    out = hygiene_table(selection_of(articles, zones=zones, filters=Filters(outlets=(outlet,))))
    got = out.set_index(["article_id", "zone"])["words"].sort_index()
    assert got.to_dict() == _by_hand(mine, zones, "article_id").to_dict()
    assert out["article_id"].drop_duplicates().tolist() == mine["article_id"].tolist()
