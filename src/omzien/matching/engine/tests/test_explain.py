"""Explanations and suggestions in Dutch; when nobody fits, a reason instead of an error."""

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
    assert rules["distance"].sentence == "Woont 2,2 km verderop (binnen 10 km)."
    assert rules["age"].sentence.startswith("Het kind (6 jaar) valt binnen")
    assert rules["schedule"].sentence == "Allebei kunnen op maandagochtend."
    assert explained.summary.startswith("Past: ")
    assert explained.as_dict()["rules"][0]["label"] == "Zelfde programma"


def test_explanation_of_a_pair_that_does_not_fit_says_which_rules_fail():
    far = pool([request()], [offer(lat=UTRECHT[0] + 0.2, slots=1 << 7)])
    explained = explain(far, 1, 10)
    assert not explained.admissible
    assert [rule.name for rule in explained.failed] == ["distance", "schedule"]
    assert "de vrijwilliger reist tot 10 km" in explained.summary


def test_conflict_reasons_are_explained():
    known = pool(conflicts={(1, 10): ConflictReason.KNOW_EACH_OTHER})
    ended = pool(conflicts={(1, 10): ConflictReason.ENDED_MISMATCH})
    assert explain(known, 1, 10).failed[0].sentence == "Ze kennen elkaar al."
    assert "niet klikte" in explain(ended, 1, 10).failed[0].sentence


def test_labels_name_languages_and_needs():
    the_pool = pool(
        [request(needs_shared_language=True, languages=frozenset({"ar", "nl"}))],
        [offer(languages=frozenset({"ar"}))],
        labels={"homework": "hulp bij huiswerk"},
    )
    parts = {part.name: part.sentence for part in explain(the_pool, 1, 10).parts}
    assert parts["language"] == "Spreken samen Arabisch."
    assert parts["needs"].endswith("biedt er 1 van: hulp bij huiswerk.")


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
        (pool([request()], []), "Er zijn nog geen vrijwilligers in deze pool."),
        (
            pool([request()], [offer(lat=UTRECHT[0] + 0.3)]),
            "Geen vrijwilliger woont binnen reisafstand.",
        ),
        (
            pool([request(lat=None, lon=None)]),
            "De postcode van dit gezin is onbekend, dus de afstand is niet te bepalen.",
        ),
        (pool([request(slots=0)]), "Dit gezin heeft nog geen dagdelen opgegeven."),
        (
            pool([request(child_ages=(16.0,))]),
            "Geen vrijwilliger in de buurt wil kinderen van deze leeftijd ondersteunen.",
        ),
    ],
)
def test_when_nobody_fits_a_household_the_reason_is_given(the_pool, reason):
    result = suggest_for_request(the_pool, 1)
    assert not result
    assert result.reason == reason


def test_a_volunteer_without_availability_is_told_so():
    result = suggest_for_offer(pool([request()], [offer(slots=0)]), 10)
    assert result.reason == "Deze vrijwilliger heeft nog geen dagdelen opgegeven."


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


@pytest.mark.parametrize(
    ("slots", "tail"), [(0b11111, "en nog 2 dagdelen."), (0b1111, "en nog 1 dagdeel.")]
)
def test_a_long_list_of_shared_parts_of_the_week_counts_the_rest_in_words(slots, tail):
    both = pool([request(slots=slots)], [offer(slots=slots)])
    rules = {rule.name: rule for rule in explain(both, 1, 10).rules}
    assert rules["schedule"].sentence.endswith(tail)
