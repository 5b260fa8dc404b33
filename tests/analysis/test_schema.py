"""schema.conform: the category columns every table shares."""
import numpy as np
import pandas as pd
import pytest

from analysis import schema

SCH = {"outlet": "category"}


def _reference(values) -> pd.Series:
    """What conform must give: strings, missing as "", sorted ordered categories, none unused."""
    strings = pd.Series(values, dtype=object).fillna("").astype(str)
    return pd.Series(pd.Categorical(strings, categories=sorted(set(strings)), ordered=True),
                     name="outlet")


@pytest.mark.parametrize("column", [
    pd.Series(["WSJ", "NYT", "WSJ", "AP"]),  # plain strings
    pd.Series(pd.Categorical(["b", "a", "b"], categories=["b", "a", "zz"])),  # unsorted, unused
    pd.Series(pd.Categorical(["b", None, "a"], categories=["a", "b"])),  # missing
    pd.Series(pd.Categorical(["", None, "a"], categories=["", "a"])),  # missing and ""
    pd.Series(pd.Categorical([3, 1, 3])),  # non-string categories
    pd.Series(pd.Categorical(["a", "c"], categories=["a", "b", "c"], ordered=True)),  # unused only
    pd.Series(pd.Categorical([], categories=["a"])),  # empty
])
def test_category_columns_are_sorted_used_strings(column):
    out = schema.conform(pd.DataFrame({"outlet": column}), SCH)["outlet"]
    expected = _reference(column.astype(object).where(column.notna(), None).tolist())
    assert out.cat.ordered
    assert out.cat.categories.tolist() == expected.cat.categories.tolist()
    assert out.astype(str).tolist() == expected.astype(str).tolist()
    assert (out.cat.codes.to_numpy() == expected.cat.codes.to_numpy()).all()


def test_an_already_conformed_column_is_returned_as_is():
    col = _reference(["a", "b", "a"])
    assert schema.conform(pd.DataFrame({"outlet": col}), SCH)["outlet"].cat.codes.tolist() == [0, 1, 0]
    assert schema._category(col) is col


def test_many_rows_with_unused_categories():
    rng = np.random.default_rng(0)
    cats = [f"art{i:05d}" for i in range(5000)][::-1]
    col = pd.Series(pd.Categorical.from_codes(rng.integers(0, 4000, 100_000), cats))
    out = schema._category(col)
    assert len(out.cat.categories) == len(set(col))
    assert out.cat.categories.is_monotonic_increasing
    assert (out.astype(str) == col.astype(str)).all()
