"""The user's selection (outlets, dates), applied the same way to every table."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

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


def apply_filters(df: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Rows of `df` (any table with `outlet` and `published` columns) inside the selection.
    Articles without a date are kept unless a date bound is set."""
    keep = pd.Series(True, index=df.index)
    if filters.outlets is not None:
        keep &= df["outlet"].isin(filters.outlets)
    if filters.date_from is not None:
        keep &= df["published"] >= pd.Timestamp(filters.date_from)
    if filters.date_to is not None:
        keep &= df["published"] < pd.Timestamp(filters.date_to) + pd.Timedelta(days=1)
    return df[keep]
