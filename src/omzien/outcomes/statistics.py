"""Paired change from one measurement to the next: pure NumPy and SciPy, no Django.

The same families are measured twice (at intake and at closure), so the change is computed
per family and then summarised:

- n: the number of pairs (families with both measurements);
- the mean change with its 95% confidence interval from the t distribution with n - 1
  degrees of freedom: mean ± t(0.975, n - 1) · sd / √n, as `scipy.stats.ttest_rel` gives;
- the standardised effect size Cohen's d_z = mean change / sd of the change. We chose d_z
  because it belongs to the paired design and follows from the paired t statistic
  (d_z = t / √n); it is not comparable to a d computed on two independent groups, and the
  report says so;
- the confidence interval of d_z by inverting the noncentral t distribution (Steiger and
  Fouladi 1997; Cumming and Finch 2001): t = d_z·√n follows a noncentral t with n - 1
  degrees of freedom and noncentrality δ·√n, so the bounds are the two noncentralities for
  which the observed t sits at the 97.5th and the 2.5th percentile, divided by √n. This is
  exact under normality, unlike the usual normal approximation.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import optimize, stats

CONFIDENCE = 0.95
NOISE = 1e-9  # an sd this small, relative to the mean change, is rounding error


@dataclass(frozen=True)
class PairedChange:
    """The change between two measurements of the same people. None where it cannot be known."""

    n: int
    mean_before: float | None
    mean_after: float | None
    mean_change: float | None
    sd_change: float | None
    ci_low: float | None
    ci_high: float | None
    effect_size: float | None  # Cohen's d_z
    effect_low: float | None
    effect_high: float | None


def pairs(before: Sequence[float | None], after: Sequence[float | None]) -> np.ndarray:
    """The complete pairs as a 2-by-n array; a pair with a missing side is left out."""
    if len(before) != len(after):
        raise ValueError("before and after must be the same length")
    kept = [(b, a) for b, a in zip(before, after, strict=True) if b is not None and a is not None]
    array = np.array(kept, dtype=float).reshape(-1, 2).T
    return array[:, ~np.isnan(array).any(axis=0)]


def paired_change(
    before: Sequence[float | None], after: Sequence[float | None], confidence: float = CONFIDENCE
) -> PairedChange:
    data = pairs(before, after)
    n = data.shape[1]
    if n == 0:
        return PairedChange(0, *(None,) * 9)
    change = data[1] - data[0]
    mean = float(change.mean())
    means = float(data[0].mean()), float(data[1].mean())
    if n < 2:
        return PairedChange(n, *means, mean, *(None,) * 6)
    sd = float(change.std(ddof=1))
    half = float(stats.t.ppf((1 + confidence) / 2, n - 1)) * sd / math.sqrt(n)
    effect, low, high = effect_size(mean, sd, n, confidence)
    return PairedChange(n, *means, mean, sd, mean - half, mean + half, effect, low, high)


def effect_size(
    mean: float, sd: float, n: int, confidence: float = CONFIDENCE
) -> tuple[float | None, float | None, float | None]:
    """Cohen's d_z with its confidence interval; all None ("not enough data") when every change
    is the same, or so nearly the same that no interval can be computed."""
    # Equal changes of 0.1 + 0.2 and 0.3 differ in the last bit: an sd of float noise, whose
    # d of 10^16 has no noncentral t to invert (scipy gives NaN).
    if n < 2 or sd <= NOISE * max(1.0, abs(mean)):
        return None, None, None
    d = mean / sd
    try:
        low, high = noncentrality_bounds(d * math.sqrt(n), n - 1, confidence)
    except ValueError:  # the noncentral t gives NaN this far out: no bound to find
        return None, None, None
    return d, low / math.sqrt(n), high / math.sqrt(n)


def noncentrality_bounds(t: float, df: int, confidence: float) -> tuple[float, float]:
    """The noncentralities for which `t` is at the upper and lower tail of the noncentral t."""
    tail = (1 - confidence) / 2

    def solve(p: float) -> float:
        # The cdf at t falls as the noncentrality grows: bracket the root, then find it.
        def gap(ncp: float) -> float:
            return float(stats.nct.cdf(t, df, ncp)) - p

        width = 1.0 + abs(t)
        while gap(t - width) < 0 or gap(t + width) > 0:
            width *= 2
        return optimize.brentq(gap, t - width, t + width, xtol=1e-10)

    return solve(1 - tail), solve(tail)
