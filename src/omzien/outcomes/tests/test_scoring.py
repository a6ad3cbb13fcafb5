"""Scoring of every shipped instrument: reversed items, missing answers, subscales, GAS."""

import math

import pytest

from omzien.outcomes import scoring
from omzien.outcomes.models import Instrument, Phase
from omzien.outcomes.recording import questionnaire_scores

pytestmark = pytest.mark.django_db


def shipped(slug: str):
    instrument = Instrument.objects.get(slug=slug, owner__isnull=True)
    version = instrument.versions.prefetch_related("items__scale__points").get(number=1)
    return version, {item.code: item for item in version.items.all()}


def scores(slug: str, answers: dict) -> dict:
    version, items = shipped(slug)
    return questionnaire_scores(version, {items[code]: value for code, value in answers.items()})


SUPPORT = {"steun-1": 5, "steun-2": 1, "steun-3": 4, "steun-4": 4, "steun-5": 2}
SATISFIED = {"tevreden-1": 4, "tevreden-2": 5, "tevreden-3": 4, "tevreden-4": 5, "tevreden-5": 2}


def test_support_at_intake_counts_reversed_items_the_other_way_and_leaves_satisfaction_out():
    result = scores("tevredenheid-steun", SUPPORT)

    # "Ik sta er vaak alleen voor" 1 counts as 5; "Ik maak me vaak zorgen" 2 counts as 4.
    assert result["Ervaren steun"] == pytest.approx((5 + 5 + 4 + 4 + 4) / 5)
    assert result["Tevredenheid"] is None  # not asked at intake
    assert result[scoring.TOTAL] is None  # 5 of 10 answered, below the 60% this version asks


def test_support_and_satisfaction_at_closure():
    result = scores("tevredenheid-steun", SUPPORT | SATISFIED)

    assert result["Tevredenheid"] == pytest.approx((4 + 5 + 4 + 5 + 4) / 5)
    assert result[scoring.TOTAL] == pytest.approx((22 + 22) / 10)


def test_a_subscale_with_too_many_missing_answers_has_no_score():
    three_of_five = {"steun-1": 4, "steun-2": 2, "steun-3": 3}
    two_of_five = {"steun-1": 4, "steun-2": 2}

    assert scores("tevredenheid-steun", three_of_five)["Ervaren steun"] == pytest.approx(11 / 3)
    assert scores("tevredenheid-steun", two_of_five)["Ervaren steun"] is None


def test_the_shipped_items_are_asked_at_the_right_moments():
    version, _items = shipped("tevredenheid-steun")
    at_intake = {i.code for i in version.items_for(Phase.INTAKE)}
    at_closure = {i.code for i in version.items_for(Phase.CLOSURE)}
    assert at_intake == set(SUPPORT) and at_closure == set(SUPPORT) | set(SATISFIED)
    assert {i.code for i in version.items.all() if i.reversed} == {
        "steun-2",
        "steun-5",
        "tevreden-5",
    }


def test_situation_per_life_domain_and_in_total():
    result = scores("situatie-gezin", {"geld": 2, "wonen": 4, "netwerk": 3})

    assert result["Geld"] == 2 and result["Wonen"] == 4 and result["Sociaal netwerk"] == 3
    assert result["Opvoeden"] is None and result["Gezondheid"] is None
    assert result[scoring.TOTAL] == pytest.approx(3.0)  # 3 of 6 domains: just enough (50%)
    assert scores("situatie-gezin", {"geld": 2, "wonen": 4})[scoring.TOTAL] is None


def test_an_answer_outside_the_scale_is_refused():
    with pytest.raises(ValueError):
        scores("situatie-gezin", {"geld": 6})


def test_sum_rule_prorates_missing_answers():
    items = [scoring.ItemSpec(f"q{i}", 0, 3) for i in range(4)]
    result = scoring.score({"q0": 3, "q1": 1, "q2": 2}, items, scoring.SUM, min_share=0.75)
    assert result[scoring.TOTAL] == pytest.approx(2 * 4)


def test_gas_t_score_worked_example():
    # Weights 2, 1, 1; levels +1, +1, 0: sum w·x = 3, sum w² = 6, (sum w)² = 16,
    # so T = 50 + 10 · 3 / sqrt(0.7 · 6 + 0.3 · 16) = 50 + 30 / 3 = 60.
    assert scoring.gas_t_score([1, 1, 0], [2, 1, 1]) == pytest.approx(60.0)
    # Every goal as expected: 50. Three equal goals all at -1: 50 - 30 / sqrt(4.8) ≈ 36.3.
    assert scoring.gas_t_score([0, 0, 0], [1, 1, 1]) == pytest.approx(50.0)
    assert scoring.gas_t_score([-1, -1, -1], [1, 1, 1]) == pytest.approx(50 - 30 / math.sqrt(4.8))


def test_gas_with_a_goal_missing_uses_the_goals_scored_if_enough_are():
    assert scoring.gas_t_score([1, None, 1], [1, 1, 1], min_share=0.6) == pytest.approx(
        scoring.gas_t_score([1, 1], [1, 1])
    )
    assert scoring.gas_t_score([1, None, None], [1, 1, 1], min_share=0.6) is None


def test_gas_refuses_levels_outside_minus_two_to_two():
    with pytest.raises(ValueError):
        scoring.gas_t_score([3, 0], [1, 1])


def test_the_shipped_goal_instrument_scores_with_gas():
    version, items = shipped("doelen-gas")
    assert version.is_goals and not items
