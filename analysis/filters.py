"""The user's selection (outlets, dates), applied the same way to every table."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Filters:
    outlets: tuple[str, ...] | None = None  # None: all outlets; (): none
    date_from: date | None = None
    date_to: date | None = None

    def describe(self) -> str:
        """One line for captions and exported files."""
        parts = [f"outlets: {', '.join(self.outlets) or 'none'}" if self.outlets is not None else "outlets: all"]
        if self.date_from or self.date_to:
            parts.append(f"dates: {self.date_from or '…'} to {self.date_to or '…'}")
        return "; ".join(parts)


def filter_mask(df: pd.DataFrame, filters: Filters) -> np.ndarray:
    """Which rows of `df` (any table with `outlet` and `published` columns) are inside the
    selection. Articles without a date are kept unless a date bound is set."""
    keep = np.ones(len(df), dtype=bool)
    if filters.outlets is not None:
        keep &= df["outlet"].isin(filters.outlets).to_numpy()
    if filters.date_from is not None:
        keep &= (df["published"] >= pd.Timestamp(filters.date_from)).to_numpy()
    if filters.date_to is not None:
        keep &= (df["published"] < pd.Timestamp(filters.date_to) + pd.Timedelta(days=1)).to_numpy()
    return keep


def apply_filters(df: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows of `df` inside the selection (`filter_mask`). A page that reads a few columns
    of a big table selects them with the mask instead: copying every column of millions of
    rows is what makes a page slow."""
    keep = filter_mask(df, filters)
    return df.copy(deep=False) if keep.all() else df[keep]  # (copy-on-write: no data copied)


def in_articles(df: pd.DataFrame, article_ids) -> np.ndarray:
    """Which rows of `df` belong to one of `article_ids`, read on the categorical codes of its
    article_id column where it has them (one look-up per article, not per row)."""
    col = df["article_id"]
    wanted = pd.Index(article_ids).astype(str).unique()
    if not isinstance(col.dtype, pd.CategoricalDtype):  # (hashed once: isin is 7x slower here)
        return wanted.get_indexer(col) >= 0
    found = col.cat.categories.get_indexer(wanted)
    chosen = np.zeros(len(col.cat.categories) + 1, dtype=bool)  # the last slot: missing (-1)
    chosen[found[found >= 0]] = True
    return chosen[col.cat.codes.to_numpy()]
