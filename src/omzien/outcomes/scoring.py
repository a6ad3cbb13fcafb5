"""Scoring questionnaires and goals: pure functions, no Django, so they can be tested alone.

A questionnaire is scored per subscale and in total. Reversed items count the other way round.
A missing answer is left out, and a score is only given when at least `min_share` of its
items is answered: a mean of two answers out of ten says too little, so it is None.

Goals (Goal Attainment Scaling) are scored with the T-score of Kiresuk and Sherman (1968):

    T = 50 + 10 * sum(w_i * x_i) / sqrt((1 - rho) * sum(w_i ** 2) + rho * (sum(w_i)) ** 2)

with x_i the attainment level (-2 .. +2) of goal i, w_i its weight and rho the assumed
correlation between goals, by convention 0.3. T is 50 when every goal is met as expected.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

MEAN, SUM, GAS = "mean", "sum", "gas"
TOTAL = ""  # the key of the score over all items
GAS_LEVELS = range(-2, 3)
GAS_RHO = 0.3
EPSILON = 1e-9


@dataclass(frozen=True)
class ItemSpec:
    """What the scoring needs to know of one item."""

    code: str
    low: int
    high: int
    reversed: bool = False
    subscale: str = ""


def recode(value: int, item: ItemSpec) -> int:
    """The value as it counts: on a reversed item from 1 to 5, a 1 counts as 5."""
    if not item.low <= value <= item.high:
        raise ValueError(f"{value} is outside {item.low}..{item.high} for item {item.code}")
    return item.low + item.high - value if item.reversed else value


def enough(answered: int, asked: int, min_share: float) -> bool:
    return asked > 0 and answered > 0 and answered >= min_share * asked - EPSILON


def combine(values: Sequence[int | None], rule: str, min_share: float) -> float | None:
    """One score over a group of items, or None when too few are answered.

    A sum with missing answers is the mean times the number of items (prorated), so that a
    skipped question does not count as the lowest answer.
    """
    answered = [v for v in values if v is not None]
    if not enough(len(answered), len(values), min_share):
        return None
    mean = sum(answered) / len(answered)
    if rule == SUM:
        return mean * len(values)
    if rule == MEAN:
        return mean
    raise ValueError(f"unknown scoring rule {rule!r}")


def score(
    answers: Mapping[str, int | None],
    items: Sequence[ItemSpec],
    rule: str = MEAN,
    min_share: float = 0.5,
) -> dict[str, float | None]:
    """Scores per subscale (by name) and in total (key TOTAL), each None if too few answers."""
    recoded = {
        item.code: None if answers.get(item.code) is None else recode(answers[item.code], item)
        for item in items
    }
    groups: dict[str, list[int | None]] = {}
    for item in items:
        if item.subscale:
            groups.setdefault(item.subscale, []).append(recoded[item.code])
    groups[TOTAL] = list(recoded.values())
    return {name: combine(values, rule, min_share) for name, values in groups.items()}


def gas_t_score(
    levels: Sequence[int | None],
    weights: Sequence[float],
    *,
    rho: float = GAS_RHO,
    min_share: float = 1.0,
) -> float | None:
    """The Kiresuk-Sherman T-score of goals scored -2..+2, or None when too few are scored."""
    if len(levels) != len(weights):
        raise ValueError("every goal needs one level and one weight")
    scored = [
        (level, weight) for level, weight in zip(levels, weights, strict=True) if level is not None
    ]
    if not enough(len(scored), len(levels), min_share):
        return None
    if any(level not in GAS_LEVELS for level, _ in scored) or any(w <= 0 for _, w in scored):
        raise ValueError("levels run from -2 to +2 and weights are positive")
    weighted = sum(level * weight for level, weight in scored)
    spread = (1 - rho) * sum(w * w for _, w in scored) + rho * sum(w for _, w in scored) ** 2
    return 50 + 10 * weighted / math.sqrt(spread)
