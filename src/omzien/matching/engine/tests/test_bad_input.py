"""Bad input gives a clear result (no pairs, and why), never an exception."""

from omzien.matching.engine import Pool, candidates, fairness, plan

from .factories import UTRECHT, offer, pool, request


def test_an_empty_pool():
    result = plan(Pool())
    assert result.matched == 0
    assert result.pairs == ()
    assert result.reason == "empty"
    assert len(candidates(Pool())) == 0
    assert fairness(Pool(), result).overall.matched == 0


def test_a_pool_where_nobody_is_admissible():
    far = pool([request(), request(id=2, household_key="h2")], [offer(lat=UTRECHT[0] + 0.5)])
    result = plan(far)
    assert result.matched == 0
    assert result.unmatched_request_ids == (1, 2)
    assert result.reason == "distance"


def test_a_volunteer_with_no_availability_is_never_matched():
    result = plan(pool([request()], [offer(slots=0)]))
    assert result.matched == 0
    assert result.reason == "schedule"


def test_missing_coordinates_exclude_only_those_pairs():
    the_pool = pool(
        [request(lat=None, lon=None), request(id=2, household_key="h2")], [offer(capacity=2)]
    )
    found = candidates(the_pool)
    assert found.excluded["location"] == 1
    assert [p.request_id for p in plan(the_pool).pairs] == [2]


def test_missing_coordinates_everywhere_say_why():
    result = plan(pool([request(lat=None, lon=None)], [offer(lat=None, lon=None)]))
    assert result.reason == "location"
