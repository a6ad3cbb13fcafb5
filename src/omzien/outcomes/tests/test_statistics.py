"""Paired change against SciPy on the same numbers."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from omzien.outcomes.statistics import effect_size, paired_change

BEFORE = [2.8, 3.0, 2.2, 3.6, 2.4, 3.2, 2.0, 3.0, 2.6, 3.4, 2.2, 2.8]
AFTER = [3.4, 3.2, 3.0, 3.8, 2.2, 3.8, 2.8, 3.6, 3.0, 3.2, 3.0, 3.6]


def test_mean_change_interval_and_effect_size_equal_scipy():
    result = paired_change(BEFORE, AFTER)
    reference = stats.ttest_rel(AFTER, BEFORE)
    interval = reference.confidence_interval(0.95)

    assert result.n == 12
    assert result.mean_change == pytest.approx(np.mean(np.subtract(AFTER, BEFORE)))
    assert result.sd_change == pytest.approx(np.std(np.subtract(AFTER, BEFORE), ddof=1))
    assert (result.ci_low, result.ci_high) == pytest.approx((interval.low, interval.high))
    # d_z is the paired t statistic divided by the square root of n.
    assert result.effect_size * math.sqrt(12) == pytest.approx(reference.statistic)


def test_effect_size_interval_inverts_the_noncentral_t():
    result = paired_change(BEFORE, AFTER)
    t, df, root = result.effect_size * math.sqrt(12), 11, math.sqrt(12)

    assert stats.nct.cdf(t, df, result.effect_low * root) == pytest.approx(0.975)
    assert stats.nct.cdf(t, df, result.effect_high * root) == pytest.approx(0.025)
    assert result.effect_low < result.effect_size < result.effect_high


def test_effect_size_interval_is_close_to_the_normal_approximation_for_many_pairs():
    rng = np.random.default_rng(6)
    before = rng.normal(3, 0.6, 400)
    after = before + rng.normal(0.3, 0.5, 400)
    result = paired_change(list(before), list(after))
    d, n = result.effect_size, 400
    half = 1.96 * math.sqrt(1 / n + d * d / (2 * n))
    assert result.effect_low == pytest.approx(d - half, abs=0.01)
    assert result.effect_high == pytest.approx(d + half, abs=0.01)


def test_incomplete_pairs_are_left_out():
    result = paired_change([1, None, 3, 2], [2, 4, None, 4])
    assert result.n == 2 and result.mean_change == pytest.approx(1.5)


def test_too_few_pairs_or_no_spread_give_no_interval_or_effect_size():
    assert paired_change([], []).n == 0 and paired_change([], []).mean_change is None
    one = paired_change([2], [3])
    assert one.n == 1 and one.mean_change == 1 and one.ci_low is None
    same = paired_change([1, 2, 3], [2, 3, 4])
    assert same.sd_change == 0 and same.effect_size is None
    assert same.ci_low == same.ci_high == 1


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 5), st.integers(1, 5)), min_size=3, max_size=40).filter(
        lambda rows: len({a - b for a, b in rows}) > 1
    )
)
def test_equal_to_scipy_on_any_answers(rows):
    before, after = [b for b, _ in rows], [a for _, a in rows]
    result = paired_change(before, after)
    reference = stats.ttest_rel(after, before)
    interval = reference.confidence_interval(0.95)
    assert (result.ci_low, result.ci_high) == pytest.approx((interval.low, interval.high))
    assert result.effect_size * math.sqrt(len(rows)) == pytest.approx(reference.statistic)


def test_changes_equal_but_for_float_noise_give_no_effect_size_not_nan():
    # 0.4 - 0.1 and 0.5 - 0.2 differ in the last bit: an sd of 5e-17, and no noncentral t.
    result = paired_change([0.1, 0.2, 0.3], [0.4, 0.5, 0.6])
    assert result.mean_change == pytest.approx(0.3)
    assert (result.effect_size, result.effect_low, result.effect_high) == (None, None, None)
    assert effect_size(1.0, 1e-5, 3) == (None, None, None)  # far out, scipy's cdf gives NaN
