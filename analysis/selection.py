"""The user's selection: the filters (outlets, dates) and, for one analysis, the articles inside
them with the row mask of each per-article table, each worked out once.

Every function that counts, aggregates or shows evidence for a selection takes a `Selection`:
its denominators (the selected articles) and its rows (the mask of the table it reads) come
from the same object, so they cannot disagree.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:  # (annotations only: the pipeline builds on this module, not the reverse)
    from analysis.corpus import Corpus


@dataclass(frozen=True)
class Filters:
    outlets: tuple[str, ...] | None = None  # None: all outlets; (): none
    date_from: date | None = None
    date_to: date | None = None

    def describe(self) -> str:
        """One line for captions and exported files."""
        parts = [f"outlets: {', '.join(self.outlets) or 'none'}" if self.outlets is not None
                 else "outlets: all"]
        if self.date_from or self.date_to:
            parts.append(f"dates: {self.date_from or '…'} to {self.date_to or '…'}")
        return "; ".join(parts)

    def narrowed(self, outlets) -> "Filters":
        """These filters with the outlets cut down to `outlets` (those already inside)."""
        picked = tuple(outlets)
        if self.outlets is not None:
            picked = tuple(o for o in picked if o in self.outlets)
        return replace(self, outlets=picked)


def filter_mask(df: pd.DataFrame, filters: Filters) -> np.ndarray:
    """Which rows of `df` (a table with `outlet` and `published` columns) are inside the
    filters. Articles without a date are kept unless a date bound is set."""
    keep = np.ones(len(df), dtype=bool)
    if filters.outlets is not None:
        keep &= df["outlet"].isin(filters.outlets).to_numpy()
    if filters.date_from is not None:
        keep &= (df["published"] >= pd.Timestamp(filters.date_from)).to_numpy()
    if filters.date_to is not None:
        keep &= (df["published"] < pd.Timestamp(filters.date_to) + pd.Timedelta(days=1)).to_numpy()
    return keep


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


class Selection:
    """The articles of one analysis inside `filters`, and the rows of its tables that belong to
    them. Tables are named as in `Analysis.tables` ("mentions", "scored", "quotes",
    "article_tone", "topic_tags"), plus "pairs" (co-mentions), "zones" and "sentences"; each
    table's mask is worked out on first use and kept. Holds no copy of any table."""

    def __init__(self, analysed, filters: Filters = Filters()):
        self.analysed = analysed  # an analysis.pipeline.Analysis
        self.filters = filters
        everything = analysed.corpus.articles
        keep = filter_mask(everything, filters)
        self.everything = bool(keep.all())
        self.articles: pd.DataFrame = everything.copy(deep=False) if self.everything else everything[keep]
        self._masks: dict[tuple, np.ndarray] = {}

    @property
    def corpus(self) -> "Corpus":
        return self.analysed.corpus

    @property
    def empty(self) -> bool:
        return self.articles.empty

    @property
    def outlets(self) -> list[str]:
        """The selected articles' outlets, sorted."""
        return sorted(self.articles["outlet"].unique())

    def narrowed(self, outlets) -> "Selection":
        """The same selection cut down to `outlets` (Compare outlets' picks, one outlet)."""
        return Selection(self.analysed, self.filters.narrowed(outlets))

    def table(self, name: str) -> pd.DataFrame:
        """The whole table `name` (every article): what the masks index."""
        if name == "pairs":
            return self.analysed.pairs
        if name in ("zones", "sentences"):
            return getattr(self.analysed.corpus, name)
        return self.analysed.tables[name]

    def mask(self, name: str, *, kinds: tuple[str, ...] | None = None) -> np.ndarray:
        """Which rows of table `name` belong to the selected articles (boolean, one per row);
        with `kinds`, of the mentions of those kinds only (tables with a `kind` column; None:
        every kind)."""
        key = (name, None if kinds is None else tuple(sorted(kinds)))
        if key not in self._masks:
            table = self.table(name)
            if kinds is not None:
                self._masks[key] = self.mask(name) & table["kind"].isin(kinds).to_numpy()
            elif self.everything:
                self._masks[key] = np.ones(len(table), dtype=bool)
            else:
                self._masks[key] = in_articles(table, self.articles["article_id"])
        return self._masks[key]

    def rows(self, name: str, columns: list[str] | None = None) -> pd.DataFrame:
        """The selected rows of table `name` (all its columns, or `columns`): a view, not a
        copy, where every article is selected."""
        table = self.table(name)
        if self.everything:
            return table if columns is None else table[columns]
        keep = self.mask(name)
        return table.loc[keep] if columns is None else table.loc[keep, columns]
