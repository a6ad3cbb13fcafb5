"""Explanations as codes and numbers; when nobody fits, a reason code instead of an error."""

import time

import pytest

from omzien.matching.engine import (
    ConflictReason,
    Pool,
    explain,
    suggest_for_offer,
    suggest_for_request,
)
from omzien.matching.engine.bench_pool import national_pool

from .factories import UTRECHT, offer, pool, request


def test_explanation_names_the_distance_the_radius_and_every_rule():
    explained = explain(pool(), 1, 10)
    rules = {rule.name: rule for rule in explained.rules}
    assert explained.admissible
    assert (rules["distance"].code, rules["distance"].args) == (
        "within",
        {"km": 2.2, "radius": 10.0},
    )
    assert rules["age"].code == "within"
    assert rules["age"].args["children"] == 1 and rules["age"].args["low"] == 6
    assert (rules["schedule"].code, rules["schedule"].args) == ("shared", {"slots": [0]})
    assert explained.as_dict()["rules"][0] == {
        "name": "programme",
        "passed": True,
        "code": "same",
        "args": {},
    }


def test_explanation_of_a_pair_that_does_not_fit_says_which_rules_fail():
    far = pool([request()], [offer(lat=UTRECHT[0] + 0.2, slots=1 << 7)])
    explained = explain(far, 1, 10)
    assert not explained.admissible
    assert [rule.name for rule in explained.failed] == ["distance", "schedule"]
    assert explained.failed[0].code == "too_far"
    assert explained.failed[0].args["radius"] == 10.0


def test_conflict_reasons_are_explained():
    known = pool(conflicts={(1, 10): ConflictReason.KNOW_EACH_OTHER})
    ended = pool(conflicts={(1, 10): ConflictReason.ENDED_MISMATCH})
    assert explain(known, 1, 10).failed[0].code == "know_each_other"
    assert explain(ended, 1, 10).failed[0].code == "ended_mismatch"


def test_languages_and_needs_are_given_as_codes():
    the_pool = pool(
        [request(needs_shared_language=True, languages=frozenset({"ar", "nl"}))],
        [offer(languages=frozenset({"ar"}))],
    )
    parts = {part.name: part for part in explain(the_pool, 1, 10).parts}
    assert (parts["language"].code, parts["language"].args) == ("shared", {"languages": ["ar"]})
    assert parts["needs"].code in ("met", "none_asked")


def test_suggestions_are_ranked_best_first_and_limited_to_k():
    offers = [
        offer(id=10 + k, household_key=f"v{k}", lat=UTRECHT[0] + 0.01 * k) for k in range(1, 6)
    ]
    result = suggest_for_request(pool([request()], offers), 1, k=3)
    assert [s.offer_id for s in result.candidates] == [11, 12, 13]
    assert [s.score for s in result.candidates] == sorted(
        (s.score for s in result.candidates), reverse=True
    )
    assert all(s.explanation.admissible for s in result.candidates)
    assert result.reason == ""


def test_suggestions_for_a_volunteer_rank_households():
    households = [request(id=k, household_key=f"h{k}", waited_days=100 * k) for k in range(1, 4)]
    result = suggest_for_offer(pool(households, [offer()]), 10)
    assert [s.request_id for s in result.candidates] == [3, 2, 1]


@pytest.mark.parametrize(
    ("the_pool", "reason"),
    [
        (pool([request()], []), "empty"),
        (pool([request()], [offer(lat=UTRECHT[0] + 0.3)]), "distance"),
        (pool([request(lat=None, lon=None)]), "own_location"),
        (pool([request(slots=0)]), "own_schedule"),
        (pool([request(child_ages=(16.0,))]), "age"),
    ],
)
def test_when_nobody_fits_a_household_the_reason_is_given(the_pool, reason):
    result = suggest_for_request(the_pool, 1)
    assert not result
    assert result.reason == reason


def test_a_volunteer_without_availability_is_told_so():
    result = suggest_for_offer(pool([request()], [offer(slots=0)]), 10)
    assert result.reason == "own_schedule"


def test_unknown_ids_are_a_clear_error():
    with pytest.raises(KeyError):
        suggest_for_request(pool(), 999)
    with pytest.raises(KeyError):
        explain(pool(), 1, 999)


def test_suggestions_for_one_household_in_a_big_pool_are_fast():
    big: Pool = national_pool(10_000).pool
    assert len(big.data.off) == 10_000  # loaded once; suggestions are asked many times
    started = time.perf_counter()
    result = suggest_for_request(big, int(big.data.req.id[0]), k=10)
    assert time.perf_counter() - started < 0.5
    assert result.candidates or result.reason
