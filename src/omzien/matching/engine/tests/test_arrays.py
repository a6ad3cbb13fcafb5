"""A pool given as columns behaves exactly like one given as dataclasses."""

import numpy as np

from omzien.matching.engine import OfferArrays, Pool, RequestArrays, candidates, plan
from omzien.matching.engine.bench_pool import national_pool

from .test_plan import random_pool


def as_columns(the_pool: Pool) -> Pool:
    d = the_pool.data
    req = RequestArrays(**{name: getattr(d.req, name) for name in RequestArrays.SPEC})
    off = OfferArrays(**{name: getattr(d.off, name) for name in OfferArrays.SPEC})
    return Pool(req, off, the_pool.weights, the_pool.rules, the_pool.conflicts, d.vocabulary)


def test_columns_and_dataclasses_give_the_same_candidates_and_plan():
    items = random_pool(np.random.default_rng(3), 50, 30)
    columns = as_columns(items)
    a, b = candidates(items), candidates(columns)
    assert np.array_equal(a.request_index, b.request_index)
    assert np.array_equal(a.total, b.total)
    assert plan(items).total_score == plan(columns).total_score


def test_the_generated_national_pool_is_deterministic_and_in_the_netherlands():
    first, second = national_pool(2000), national_pool(2000)
    assert np.array_equal(first.pool.data.req.lat, second.pool.data.req.lat)
    assert first.pool.data.req.lat.min() >= 50.7
    assert plan(first.pool).matched > 0.8 * 2000


def test_every_generated_household_has_20_to_50_admissible_volunteers():
    generated = national_pool(3000)
    per_household = np.bincount(
        candidates(generated.pool).request_index, minlength=len(generated.pool.data.req)
    )
    assert per_household.min() >= 20
    assert per_household.max() <= 50
