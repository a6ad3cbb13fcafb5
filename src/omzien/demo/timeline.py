"""Dates for generated rows: a workflow path is laid out backwards from the day its last step
was taken, so that nothing happens after the reference day."""

from datetime import date, datetime, time, timedelta
from itertools import pairwise
from random import Random

from django.utils import timezone

from omzien.workflow import StatusChange, VersionedStatusModel

Path = list[tuple[str, date]]  # each state with the day it was entered
Span = tuple[int, int]  # a range of days, both ends included


def days_before(rng: Random, day: date, span: Span) -> date:
    return day - timedelta(days=rng.randint(*span))


def moment(rng: Random, day: date) -> datetime:
    """A time during office hours on `day`, in the project's time zone."""
    clock = time(rng.randint(9, 16), rng.choice((0, 15, 30, 45)))
    return timezone.make_aware(datetime.combine(day, clock))


def backwards(rng: Random, states: list[str], last: date, gaps: dict[str, Span]) -> Path:
    """The day each of `states` was entered, the final one on `last`.

    `gaps[state]` is how many days the step into `state` took; at least one, so that the
    log's steps never share a day and always read in order.
    """
    days = [last]
    for state in reversed(states[1:]):
        days.append(days[-1] - timedelta(days=rng.randint(*gaps[state])))
    return list(zip(states, reversed(days), strict=True))


def entered(path: Path, state: str) -> date | None:
    return next((day for s, day in path if s == state), None)


def log_rows(
    rng: Random, obj: VersionedStatusModel, path: Path, by=None, reasons: dict | None = None
) -> list[StatusChange]:
    """One status-change row per step of the path, as the app would have written it.

    `reasons` maps a target state, or a (source, target) step, to the reason given.
    """
    reasons = reasons or {}
    return [
        obj.log_model(
            **{obj.log_field: obj},
            source=source,
            target=target,
            at=moment(rng, day),
            by=by,
            reason=reasons.get((source, target), reasons.get(target, "")),
        )
        for (source, _), (target, day) in pairwise(path)
    ]
