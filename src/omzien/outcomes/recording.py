"""Recording answers: score them with the version's rule and store them in one transaction."""

from collections.abc import Iterable, Mapping
from datetime import date

from django.db import transaction

from . import scoring
from .models import Administration, Answer, Goal, GoalScore, Item
from .questionnaires import Slot, save_slot


def questionnaire_scores(version, values: Mapping[Item, int | None]) -> dict:
    """Scores per subscale and in total; items not asked at this moment count as missing."""
    answers = {item.code: value for item, value in values.items()}
    return scoring.score(
        answers, version.item_specs(), version.scoring, float(version.min_answered_share)
    )


def goal_scores(version, levels: Iterable[tuple[Goal, int | None]]) -> dict:
    """The T-score of (goal, level) pairs."""
    pairs = list(levels)
    return {
        scoring.TOTAL: scoring.gas_t_score(
            [level for _goal, level in pairs],
            [goal.weight for goal, _level in pairs],
            min_share=float(version.min_answered_share),
        )
    }


@transaction.atomic
def record_answers(
    slot: Slot,
    values: Mapping[Item, int | None],
    *,
    by,
    mode: str,
    on: date,
    replace_reason: str | None = None,
) -> Administration:
    scores = questionnaire_scores(slot.version, values)
    administration = save_slot(slot, scores, by=by, mode=mode, on=on, replace_reason=replace_reason)
    Answer.objects.bulk_create(
        Answer(administration=administration, item=item, value=value)
        for item, value in values.items()
        if value is not None
    )
    return administration


@transaction.atomic
def record_goal_levels(
    slot: Slot,
    levels: Mapping[Goal, int | None],
    *,
    by,
    mode: str,
    on: date,
    replace_reason: str | None = None,
) -> Administration:
    scores = goal_scores(slot.version, levels.items())
    administration = save_slot(slot, scores, by=by, mode=mode, on=on, replace_reason=replace_reason)
    GoalScore.objects.bulk_create(
        GoalScore(administration=administration, goal=goal, level=level)
        for goal, level in levels.items()
        if level is not None
    )
    return administration


def record(slot: Slot, values: Mapping, **options) -> Administration:
    """Answers to a questionnaire's items, or levels of a family's goals."""
    if slot.version.is_goals:
        return record_goal_levels(slot, values, **options)
    return record_answers(slot, values, **options)
