"""Counting on integer codes gives what pandas' groupby gives, on both of its paths."""
import numpy as np
import pandas as pd
import pytest

import analysis.grouping as grouping
from analysis import schema
from analysis.grouping import Groups


@pytest.fixture(params=["dense", "sorted"])
def path(request, monkeypatch):
    if request.param == "sorted":  # force the sorting path used for many combinations
        monkeypatch.setattr(grouping, "DENSE_UP_TO", 0)
    return request.param


def _table(n=5000, seed=1):
    rng = np.random.default_rng(seed)
    df = pd.DataFrame({"outlet": rng.choice(["WSJ", "NYT", "NV", "Post"], n),
                       "actor": rng.choice(["Xi Jinping", "Joe Biden", "China", "Wang Yi", ""], n),
                       "article_id": rng.choice([f"a{i}" for i in range(300)], n),
                       "tone": rng.uniform(-1, 1, n)})
    return schema.conform(df, {"outlet": "category", "actor": "category",
                               "article_id": "category", "tone": "float64"})


def test_groups_match_pandas_groupby(path):
    df = _table()
    groups = Groups(df, ["actor", "outlet"])
    expected = df.groupby(["actor", "outlet"], observed=True, sort=True).agg(
        n=("tone", "size"), total=("tone", "sum"), articles=("article_id", "nunique")).reset_index()
    assert groups.keys["actor"].tolist() == expected["actor"].astype(str).tolist()
    assert groups.keys["outlet"].tolist() == expected["outlet"].astype(str).tolist()
    assert groups.size.tolist() == expected["n"].tolist()
    np.testing.assert_allclose(groups.sum(df["tone"].to_numpy()), expected["total"])
    assert groups.distinct(schema.codes(df["article_id"])[0]).tolist() == expected["articles"].tolist()
    rows = groups.rows()
    assert [len(r) for r in rows] == expected["n"].tolist()
    first = df.iloc[rows[0]]
    assert set(first["actor"].astype(str)) == {groups.keys["actor"][0]}


def test_groups_of_plain_strings_and_of_nothing(path):
    df = pd.DataFrame({"a": ["y", "x", "y"], "b": [1, 2, 1]})
    groups = Groups(df, ["a"])
    assert groups.keys["a"].tolist() == ["x", "y"] and groups.size.tolist() == [1, 2]
    assert groups.counts(np.array([0, 1, 1]), 2).tolist() == [[0, 1], [1, 1]]
    empty = Groups(df.iloc[:0], ["a", "b"])
    assert len(empty) == 0 and empty.distinct(np.array([], dtype=np.int64)).tolist() == []


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("longest", [None, 3])
def test_runs_distinct_and_pairs_within_runs_match_plain_python(seed, longest):
    values = np.sort(np.random.default_rng(seed).integers(0, 8, size=30))
    uniques, counts = grouping.distinct(values[::-1].copy())
    assert uniques.tolist() == sorted(set(values.tolist()))
    assert counts.tolist() == [int((values == u).sum()) for u in uniques]
    i, j = grouping.pairs_within_runs(*grouping.runs(values), longest=longest)
    expected = {(a, b) for a in range(30) for b in range(a + 1, 30) if values[a] == values[b]
                and (longest is None or (values == values[a]).sum() <= longest)}
    assert set(zip(i.tolist(), j.tolist())) == expected and len(i) == len(expected)


def test_runs_of_nothing():
    starts, sizes = grouping.runs(np.empty(0, dtype=np.int64))
    assert len(starts) == len(sizes) == 0
    assert [len(x) for x in grouping.pairs_within_runs(starts, sizes)] == [0, 0]
