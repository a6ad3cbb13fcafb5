"""Every hard rule: a pair that breaks exactly that rule is excluded, one that passes is kept."""

import pytest

from omzien.matching.engine import RULE_ORDER, Rules, candidates, explain, plan, suggest_for_request

from .factories import TUESDAY_AFTERNOON, UTRECHT, offer, pool, request

# rule -> (request changes, offer changes, extra pool arguments) that break only that rule
BREAKS = {
    "programme": ({}, {"programme_id": 2}, {}),
    "screened": ({}, {"screened": False}, {}),
    "available": ({}, {"available": False}, {}),
    "capacity": ({}, {"capacity": 0}, {}),
    "location": ({"lat": None, "lon": None}, {}, {}),
    "distance": ({}, {"lat": UTRECHT[0] + 0.2}, {}),  # about 22 km, radius 10
    "age": ({"child_ages": (6.0, 14.5)}, {}, {}),
    "schedule": ({}, {"slots": TUESDAY_AFTERNOON}, {}),
    "language": ({"needs_shared_language": True, "languages": frozenset({"ar"})}, {}, {}),
    "pets": ({"accepts_pets": False}, {"has_pets": True}, {}),
    "smoking": ({"accepts_smoking": False}, {"smokes": True}, {}),
    "faith": ({"faith": "islamitisch", "faith_must_match": True}, {"faith": "christelijk"}, {}),
    "household": ({"household_key": "same"}, {"household_key": "same"}, {}),
    "conflict": ({}, {}, {"conflicts": {(1, 10)}}),
}
# The volunteer's own must-haves, checked by the same rules.
VOLUNTEER_BREAKS = {
    "pets": ({"has_pets": True}, {"accepts_pets": False}, {}),
    "smoking": ({"smokes": True}, {"accepts_smoking": False}, {}),
    "faith": ({"faith": None}, {"faith": "christelijk", "faith_must_match": True}, {}),
}


def broken(rule: str, cases=BREAKS):
    request_changes, offer_changes, extra = cases[rule]
    return pool([request(**request_changes)], [offer(**offer_changes)], **extra)


def test_every_rule_has_a_breaking_case():
    assert set(BREAKS) == set(RULE_ORDER)


def test_the_baseline_pair_passes_every_rule():
    found = candidates(pool())
    assert len(found) == 1
    assert all(rule.passed for rule in explain(pool(), 1, 10).rules)
    assert plan(pool()).matched == 1


@pytest.mark.parametrize("rule", RULE_ORDER)
def test_breaking_one_rule_excludes_the_pair(rule):
    broken_pool = broken(rule)
    found = candidates(broken_pool)
    assert len(found) == 0
    assert found.excluded[rule] == 1
    assert sum(found.excluded.values()) == 1
    assert [r.name for r in explain(broken_pool, 1, 10).failed] == [rule]
    assert plan(broken_pool).matched == 0
    assert suggest_for_request(broken_pool, 1).reason


@pytest.mark.parametrize("rule", sorted(VOLUNTEER_BREAKS))
def test_the_volunteers_must_haves_are_respected(rule):
    broken_pool = broken(rule, VOLUNTEER_BREAKS)
    assert len(candidates(broken_pool)) == 0
    assert [r.name for r in explain(broken_pool, 1, 10).failed] == [rule]


def test_same_household_needs_a_known_key():
    unknown = pool([request(household_key="")], [offer(household_key="")])
    assert len(candidates(unknown)) == 1


def test_a_child_at_the_edge_of_the_ages_passes():
    edge = pool([request(child_ages=(0.0, 12.9))])
    assert len(candidates(edge)) == 1


def test_faith_that_matches_passes():
    same = pool([request(faith="christelijk", faith_must_match=True)], [offer(faith="christelijk")])
    assert len(candidates(same)) == 1


def test_a_language_not_asked_for_is_no_rule():
    relaxed = pool([request(languages=frozenset({"ar"}))])
    assert len(candidates(relaxed)) == 1


@pytest.mark.parametrize(
    ("rule", "switch"),
    [
        ("screened", "require_screening"),
        ("distance", "check_distance"),
        ("location", "check_distance"),
        ("age", "check_age"),
        ("schedule", "check_availability"),
        ("language", "require_shared_language_when_asked"),
        ("pets", "check_preferences"),
        ("smoking", "check_preferences"),
        ("faith", "check_preferences"),
    ],
)
def test_a_rule_switched_off_for_the_programme_type_keeps_the_pair(rule, switch):
    request_changes, offer_changes, extra = BREAKS[rule]
    relaxed = pool(
        [request(**request_changes)],
        [offer(**offer_changes)],
        rules=Rules(**{switch: False}),
        **extra,
    )
    assert len(candidates(relaxed)) == 1
