"""Counting by group on integer codes with numpy: the pages' aggregations over millions of
mention rows (50,000 articles) without pandas' hashing of group keys."""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.schema import codes


DENSE_UP_TO = 64_000_000  # up to this many combinations, count in an array of them all


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
        pairs = np.unique(self.number * span + items)
        return np.bincount(pairs // span, minlength=len(self))

    def counts(self, labels: np.ndarray, n_labels: int) -> np.ndarray:
        """Rows per group and label (integers below n_labels), as a groups × labels matrix."""
        return np.bincount(self.number * n_labels + labels,
                           minlength=len(self) * n_labels).reshape(len(self), n_labels)

    def rows(self) -> list[np.ndarray]:
        """The row positions of each group."""
        order = np.argsort(self.number, kind="stable")
        return np.split(order, np.cumsum(self.size)[:-1])
