import numpy as np

from analysis.stats import mean_interval


def test_interval_is_reproducible_and_covers_the_mean():
    values = np.array([0.1, 0.4, -0.2, 0.3, 0.0, 0.5])
    assert mean_interval(values) == mean_interval(values)
    mean, lo, hi = mean_interval(values)
    assert lo < mean < hi
    big = np.random.default_rng(1).normal(0.2, 0.3, size=1000)
    m, lo, hi = mean_interval(big)
    assert lo < 0.2 < hi and hi - lo < 0.06
