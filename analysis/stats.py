"""Interval statistics shared by the tone tables and the outlet comparison: a mean with its 95%
interval (bootstrap for few values, t interval for many) and the thresholds that decide which."""
from __future__ import annotations

from statistics import NormalDist

import numpy as np

BOOTSTRAP_SAMPLES = 2000
BOOTSTRAP_SEED = 20231115
T_INTERVAL_FROM = 200  # from this many mentions on, a t interval (CLT) replaces the bootstrap
Z95 = NormalDist().inv_cdf(0.975)  # the normal quantile of a 95% interval
LOW_N_MENTIONS = 10  # fewer mentions than this: shown, but flagged and not ranked as certain


def mean_interval(values: np.ndarray, groups: np.ndarray | None = None, *,
                  seed: int = BOOTSTRAP_SEED) -> tuple[float, float, float]:
    """Mean and 95% interval. Percentile bootstrap (2,000 resamples, fixed seed) below
    T_INTERVAL_FROM values; resampling whole articles (`groups`) where there are at least five,
    since mentions in one article are not independent; a t interval for large n."""
    n = len(values)
    if n == 0:
        return (float("nan"),) * 3
    mean = float(values.mean())
    if n == 1:
        return mean, float("nan"), float("nan")
    if n >= T_INTERVAL_FROM:
        half = Z95 * float(values.std(ddof=1)) / np.sqrt(n)
        return mean, mean - half, mean + half
    rng = np.random.default_rng(seed)
    if groups is not None and len(set(groups)) >= 5:
        keys, idx = np.unique(groups, return_inverse=True)
        sums = np.bincount(idx, weights=values)
        counts = np.bincount(idx)
        pick = rng.integers(0, len(keys), size=(BOOTSTRAP_SAMPLES, len(keys)))
        means = sums[pick].sum(axis=1) / counts[pick].sum(axis=1)
    else:
        means = values[rng.integers(0, n, size=(BOOTSTRAP_SAMPLES, n))].mean(axis=1)
    lo, hi = np.percentile(means, [2.5, 97.5])
    return mean, float(lo), float(hi)
