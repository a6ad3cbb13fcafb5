"""The optimal plan: exact on random pools, and always feasible (property tests)."""

import dataclasses

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from omzien.matching.engine import OfferItem, Pool, RequestItem, Rules, candidates, plan, planning

from .factories import UTRECHT, offer, pool, request
from .oracle import best_total

LANGUAGES = ("nl", "ar", "tr")


@st.composite
def requests(draw, ids):
    return [
        RequestItem(
            id=i,
            programme_id=draw(st.integers(1, 2)),
            household_key=f"h{draw(st.integers(0, 30))}",
            lat=UTRECHT[0] + draw(st.floats(-0.1, 0.1)),
            lon=UTRECHT[1] + draw(st.floats(-0.1, 0.1)),
            neighbourhood=draw(st.sampled_from(["A", "B", None])),
            child_ages=tuple(draw(st.lists(st.floats(0, 17.9), max_size=3))),
            slots=draw(st.integers(0, 63)),
            languages=frozenset(draw(st.sets(st.sampled_from(LANGUAGES)))),
            needs_shared_language=draw(st.booleans()),
            needs=frozenset(draw(st.sets(st.sampled_from(["a", "b", "c"])))),
            waited_days=draw(st.integers(0, 800)),
            accepts_pets=draw(st.booleans()),
            faith=draw(st.sampled_from([None, "x"])),
            faith_must_match=draw(st.booleans()),
        )
        for i in ids
    ]


@st.composite
def offers(draw, ids):
    return [
        OfferItem(
            id=i,
            programme_id=draw(st.integers(1, 2)),
            household_key=f"h{draw(st.integers(0, 30))}",
            lat=UTRECHT[0] + draw(st.floats(-0.1, 0.1)),
            lon=UTRECHT[1] + draw(st.floats(-0.1, 0.1)),
            neighbourhood=draw(st.sampled_from(["A", "B", None])),
            radius_km=draw(st.floats(1, 20)),
            min_age=draw(st.sampled_from([0.0, 4.0])),
            max_age=draw(st.sampled_from([12.999, 17.999])),
            slots=draw(st.integers(0, 63)),
            languages=frozenset(draw(st.sets(st.sampled_from(LANGUAGES)))),
            offers=frozenset(draw(st.sets(st.sampled_from(["a", "b", "c"])))),
            has_pets=draw(st.booleans()),
            capacity=draw(st.integers(0, 3)),
            screened=draw(st.booleans()),
        )
        for i in ids
    ]


@st.composite
def pools(draw):
    n, m = draw(st.integers(0, 12)), draw(st.integers(0, 8))
    the_requests = draw(requests(range(1, n + 1)))
    the_offers = draw(offers(range(101, 101 + m)))
    pairs = st.tuples(st.integers(1, max(n, 1)), st.integers(101, 101 + max(m, 1)))
    conflicts = draw(st.sets(pairs, max_size=3))
    rules = Rules(allow_multiple=draw(st.booleans()))
    return Pool(the_requests, the_offers, rules=rules, conflicts=conflicts), pairs


def admissible(the_pool) -> set[tuple[int, int]]:
    found = candidates(the_pool)
    d = the_pool.data
    return set(
        zip(
            d.req.id[found.request_index].tolist(),
            d.off.id[found.offer_index].tolist(),
            strict=True,
        )
    )


def capacity_of(the_pool) -> dict[int, int]:
    limit = 10**9 if the_pool.rules.allow_multiple else 1
    return {o.id: min(o.capacity, limit) for o in the_pool.offers}


FEW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FEW
@given(st.data())
def test_a_plan_is_always_feasible_and_honours_locks_and_exclusions(data):
    the_pool, pairs = data.draw(pools())
    locked = data.draw(st.sets(pairs, max_size=4))
    excluded = data.draw(st.sets(pairs, max_size=4))
    result = plan(the_pool, locked=locked, excluded=excluded)
    chosen = [(p.request_id, p.offer_id) for p in result.pairs]
    assert set(chosen) <= admissible(the_pool)
    assert not set(chosen) & excluded
    assert len({r for r, _ in chosen}) == len(chosen)
    used = {}
    for _, o in chosen:
        used[o] = used.get(o, 0) + 1
    assert all(used[o] <= capacity_of(the_pool)[o] for o in used)
    for pair in locked:
        assert (pair in chosen) != (pair in result.rejected_locks)
    assert result.matched + len(result.unmatched_request_ids) == len(the_pool.requests)


@FEW
@given(st.data())
def test_a_lock_that_fits_is_always_kept(data):
    the_pool, _ = data.draw(pools())
    fitting = sorted(admissible(the_pool))
    if not fitting:
        return
    pair = data.draw(st.sampled_from(fitting))
    result = plan(the_pool, locked={pair})
    assert pair in [(p.request_id, p.offer_id) for p in result.pairs]
    assert [p.locked for p in result.pairs if (p.request_id, p.offer_id) == pair] == [True]


@FEW
@given(st.data())
def test_the_plan_total_equals_an_independent_exact_solver(data):
    the_pool, _ = data.draw(pools())
    found = candidates(the_pool)
    # Candidate positions follow the pool's own order of offers.
    capacity = np.array([capacity_of(the_pool)[o] for o in the_pool.data.off.id], dtype=np.int64)
    expected = best_total(
        found.request_index, found.offer_index, found.total, capacity, len(the_pool.requests)
    )
    assert round(plan(the_pool).total_score * 100) == expected


def test_larger_random_pools_match_the_independent_solver():
    for seed in range(5):
        the_pool = random_pool(np.random.default_rng(seed), 60, 40)
        found = candidates(the_pool)
        by_id = {o.id: o.capacity for o in the_pool.offers}
        capacity = np.array([by_id[o] for o in the_pool.data.off.id])  # the pool's order
        expected = best_total(found.request_index, found.offer_index, found.total, capacity, 60)
        assert round(plan(the_pool).total_score * 100) == expected


def random_pool(rng, n, m) -> Pool:
    spot = lambda: (UTRECHT[0] + rng.uniform(-0.1, 0.1), UTRECHT[1] + rng.uniform(-0.1, 0.1))  # noqa: E731
    the_requests = [
        request(
            id=i,
            household_key=f"h{i}",
            child_ages=(float(rng.uniform(0, 17)),),
            slots=int(rng.integers(1, 64)),
            waited_days=int(rng.integers(0, 700)),
            lat=(p := spot())[0],
            lon=p[1],
        )
        for i in range(1, n + 1)
    ]
    the_offers = [
        offer(
            id=100 + j,
            household_key=f"v{j}",
            capacity=int(rng.integers(1, 3)),
            radius_km=float(rng.uniform(3, 12)),
            slots=int(rng.integers(1, 64)),
            max_age=17.999,
            lat=(p := spot())[0],
            lon=p[1],
        )
        for j in range(m)
    ]
    return Pool(the_requests, the_offers)


def test_a_lock_that_does_not_fit_is_refused_with_a_reason():
    the_pool = pool([request()], [offer(slots=1 << 5)])
    result = plan(the_pool, locked={(1, 10)})
    assert result.matched == 0
    assert result.rejected_locks[(1, 10)] == "does_not_fit:schedule"


def test_locks_beyond_capacity_are_refused():
    the_pool = pool([request(id=1), request(id=2, household_key="h2")], [offer(capacity=1)])
    result = plan(the_pool, locked={(1, 10), (2, 10)})
    assert result.matched == 1
    assert result.rejected_locks[(2, 10)] == "volunteer_full"


def test_an_excluded_pair_is_replaced_by_the_next_best():
    the_pool = pool([request()], [offer(id=10), offer(id=11, lat=UTRECHT[0] + 0.05)])
    assert [p.offer_id for p in plan(the_pool).pairs] == [10]
    assert [p.offer_id for p in plan(the_pool, excluded={(1, 10)}).pairs] == [11]


def test_a_volunteer_may_take_several_households_only_where_the_programme_allows():
    two = [request(id=1), request(id=2, household_key="h2")]
    assert plan(pool(two, [offer(capacity=2)])).matched == 2
    assert plan(pool(two, [offer(capacity=2)], rules=Rules(allow_multiple=False))).matched == 1


def test_who_waited_longest_gets_the_only_volunteer():
    two = [request(id=1, waited_days=30), request(id=2, household_key="h2", waited_days=400)]
    assert [p.request_id for p in plan(pool(two, [offer()])).pairs] == [2]


def test_parallel_processes_give_the_same_plan(monkeypatch):
    base = random_pool(np.random.default_rng(5), 80, 50)
    # Four programmes, so that the pool splits into independent shares.
    the_pool = Pool(
        [dataclasses.replace(r, programme_id=r.id % 4) for r in base.requests],
        [dataclasses.replace(o, programme_id=o.id % 4) for o in base.offers],
    )
    locked = {sorted(admissible(the_pool))[-1], (999, 100)}
    serial = plan(the_pool, locked=locked)
    monkeypatch.setattr(planning, "PARALLEL_MIN_REQUESTS", 1)
    parallel = plan(the_pool, locked=locked, workers=2)
    assert parallel.pairs == serial.pairs
    assert parallel.total_score == serial.total_score
    assert parallel.rejected_locks == serial.rejected_locks
    assert set(parallel.rejected_locks) == {(999, 100)}
    assert parallel.components == serial.components
