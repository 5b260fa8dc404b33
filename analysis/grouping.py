"""Counting by group on integer codes with numpy: the pages' aggregations over millions of
mention rows (50,000 articles) without pandas' hashing of group keys."""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.schema import codes


DENSE_UP_TO = 64_000_000  # up to this many combinations, count in an array of them all


def runs(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each run of equal values of a sorted array starts, and how long it is."""
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]]) if len(values) else \
        np.empty(0, dtype=np.intp)
    return starts, np.diff(np.r_[starts, len(values)]).astype(np.intp)


def distinct(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values, sorted, and how often each occurs: np.unique by sorting, which for
    millions of int64 keys is several times quicker than np.unique's hash path here."""
    values = np.sort(values)
    starts, sizes = runs(values)
    return values[starts], sizes


def pairs_within_runs(starts: np.ndarray, sizes: np.ndarray, *, longest: int | None = None
                      ) -> tuple[np.ndarray, np.ndarray]:
    """Positions (i, j), i < j, of every two elements in the same run (`runs`), for runs of at
    most `longest` elements."""
    i, j = [np.empty(0, dtype=np.intp)], [np.empty(0, dtype=np.intp)]
    fitting = (sizes > 1) & (sizes <= longest) if longest else sizes > 1
    for k in np.unique(sizes[fitting]):  # the runs of k elements: their k(k-1)/2 pairs
        first = starts[sizes == k][:, None]
        a, b = np.triu_indices(k, 1)
        i.append((first + a).ravel())
        j.append((first + b).ravel())
    return np.concatenate(i), np.concatenate(j)


class Groups:
    """Rows grouped by the combination of some columns (each coded by `schema.codes`).

    `number[i]` is row i's group among `keys`: the combinations present, sorted as their
    values sort (what `groupby(..., sort=True)` gives)."""

    def __init__(self, table: pd.DataFrame, by: list[str]):
        coded = [codes(table[c]) for c in by]
        sizes = [max(len(values), 1) for _, values in coded]
        combined = np.zeros(len(table), dtype=np.int64)
        for (code, _), size in zip(coded, sizes):
            combined = combined * size + code
        combinations = int(np.prod(sizes, dtype=np.int64))
        if combinations <= DENSE_UP_TO:  # a table of all combinations: no sort
            present = np.flatnonzero(np.bincount(combined, minlength=combinations))
            number = np.zeros(combinations, dtype=np.int64)
            number[present] = np.arange(len(present))
            self.number = number[combined]
        else:
            present, self.number = np.unique(combined, return_inverse=True)
        self.keys = pd.DataFrame({c: np.asarray(values, dtype=object)[index] for c, (_, values), index
                                  in zip(by, coded, np.unravel_index(present, sizes))})
        self.size = np.bincount(self.number, minlength=len(present))

    def __len__(self) -> int:
        return len(self.keys)

    def sum(self, values: np.ndarray) -> np.ndarray:
        return np.bincount(self.number, weights=values, minlength=len(self))

    def distinct(self, items: np.ndarray) -> np.ndarray:
        """How many different `items` (non-negative integers) each group holds."""
        span = int(items.max()) + 1 if len(items) else 1
        if len(self) * span <= DENSE_UP_TO:  # a bitmap of (group, item): no sort
            seen = np.zeros(len(self) * span, dtype=bool)
            seen[self.number * span + items] = True
            return seen.reshape(len(self), span).sum(axis=1)
        pairs, _ = distinct(self.number * span + items)
        return np.bincount(pairs // span, minlength=len(self))

    def counts(self, labels: np.ndarray, n_labels: int) -> np.ndarray:
        """Rows per group and label (integers below n_labels), as a groups × labels matrix."""
        return np.bincount(self.number * n_labels + labels,
                           minlength=len(self) * n_labels).reshape(len(self), n_labels)

    def rows(self) -> list[np.ndarray]:
        """The row positions of each group."""
        order = np.argsort(self.number, kind="stable")
        return np.split(order, np.cumsum(self.size)[:-1])
