"""The score's parts: each one moves the way the design says, and they add up to the total."""

import pytest

from omzien.matching.engine import PARTS, Rules, Weights, candidates, explain

from .factories import MONDAY_MORNING, UTRECHT, offer, pool, request

WEIGHTS = Weights(distance=25, availability=15, age=15, needs=20, language=10, waiting=15)


def parts(request_changes=None, offer_changes=None, **kwargs) -> dict[str, float]:
    the_pool = pool(
        [request(**(request_changes or {}))],
        [offer(**(offer_changes or {}))],
        weights=kwargs.pop("weights", WEIGHTS),
        **kwargs,
    )
    return {part.name: part.points for part in explain(the_pool, 1, 10).parts}


def test_parts_add_up_to_the_total_between_0_and_100():
    the_pool = pool()
    found = candidates(the_pool)
    explained = explain(the_pool, 1, 10)
    assert [p.name for p in explained.parts] == list(PARTS)
    assert explained.score == pytest.approx(sum(p.points for p in explained.parts))
    assert found.score[0] == pytest.approx(explained.score)
    assert 0 <= explained.score <= 100
    assert all(0 <= p.points <= p.max_points for p in explained.parts)


def test_same_neighbourhood_gets_full_distance_points_and_closer_beats_farther():
    assert parts({"neighbourhood": "BU1"}, {"neighbourhood": "BU1"})["distance"] == 25
    near = parts(offer_changes={"lat": UTRECHT[0] + 0.01})["distance"]
    far = parts(offer_changes={"lat": UTRECHT[0] + 0.08})["distance"]
    assert 25 > near > far > 0
    assert parts(offer_changes={"lat": UTRECHT[0] + 0.0899})["distance"] < 1  # at the edge of 10 km


def test_more_shared_parts_of_the_week_give_more_points_up_to_three():
    three = 0b111
    assert parts({"slots": MONDAY_MORNING}, {"slots": MONDAY_MORNING})["availability"] == 5
    assert parts({"slots": three}, {"slots": three})["availability"] == 15
    assert parts({"slots": 0b11111}, {"slots": 0b11111})["availability"] == 15


def test_children_in_the_middle_of_the_wanted_ages_fit_best():
    middle = parts({"child_ages": (6.5,)}, {"min_age": 0.0, "max_age": 13.0})["age"]
    edge = parts({"child_ages": (12.9,)}, {"min_age": 0.0, "max_age": 13.0})["age"]
    assert middle == 15
    assert edge == pytest.approx(7.6, abs=0.1)
    assert parts({"child_ages": ()})["age"] == 0


def test_needs_count_what_is_offered_of_what_is_asked():
    asked = frozenset({"homework", "respite"})
    assert parts({"needs": asked}, {"offers": frozenset({"homework"})})["needs"] == 10
    assert parts({"needs": asked}, {"offers": asked})["needs"] == 20
    assert parts({"needs": frozenset()})["needs"] == 20


def test_a_shared_language_gives_the_language_points():
    assert (
        parts({"languages": frozenset({"nl", "ar"})}, {"languages": frozenset({"ar"})})["language"]
        == 10
    )
    assert (
        parts({"languages": frozenset({"ar"})}, {"languages": frozenset({"nl"})})["language"] == 0
    )


def test_waiting_longer_gives_more_points_until_the_programme_maximum():
    rules = Rules(max_waiting_days_for_full_points=200)
    assert parts({"waited_days": 0}, rules=rules)["waiting"] == 0
    assert parts({"waited_days": 100}, rules=rules)["waiting"] == 7.5
    assert parts({"waited_days": 200}, rules=rules)["waiting"] == 15
    assert parts({"waited_days": 900}, rules=rules)["waiting"] == 15


def test_a_part_without_weight_gives_no_points():
    weights = Weights(distance=0, availability=0, age=0, needs=0, language=0, waiting=100)
    points = parts({"waited_days": 365}, weights=weights)
    assert points == {name: (100 if name == "waiting" else 0) for name in PARTS}


@pytest.mark.parametrize(
    "weights",
    [
        {"distance": -5, "availability": 20, "age": 15, "needs": 20, "language": 10, "waiting": 40},
        {"distance": 25, "availability": 15, "age": 15, "needs": 20, "language": 10, "waiting": 10},
        {
            "distance": 25.5,
            "availability": 15,
            "age": 15,
            "needs": 20,
            "language": 10,
            "waiting": 14.5,
        },
        {
            "distance": True,
            "availability": 15,
            "age": 15,
            "needs": 20,
            "language": 10,
            "waiting": 39,
        },
    ],
)
def test_weights_that_are_negative_or_do_not_add_up_to_100_are_refused(weights):
    with pytest.raises(ValueError, match="weight"):
        Weights(**weights)


def test_valid_weights_are_accepted():
    assert Weights(**WEIGHTS.as_dict()) == WEIGHTS
    WEIGHTS.validate()
