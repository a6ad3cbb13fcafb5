"""Coverage of young people in care by a support figure, month by month. Plain Python.

A month is judged on one reference day: its last day, or today for the month under way. A young
person counts as placed when a placement runs on that day; back-to-back placements (a move from
one foster family to another) are one spell out of home. Waiting time is counted from the start
of that spell, or from the day their last support figure stopped, whichever is later.
"""

import calendar
import statistics
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Period:
    person: Hashable
    start: date
    end: date | None = None  # the first day no longer in it; None while it runs


@dataclass(frozen=True)
class MonthShare:
    month: date  # its first day
    reference_day: date
    placed: int
    with_figure: int
    waiting_days: list[int] = field(default_factory=list)  # one per young person without

    @property
    def without_figure(self) -> int:
        return self.placed - self.with_figure

    @property
    def share(self) -> float | None:
        return self.with_figure / self.placed if self.placed else None

    @property
    def median_waiting_days(self) -> int | None:
        return round(statistics.median(self.waiting_days)) if self.waiting_days else None


def months_between(start: date, end: date) -> list[date]:
    """The first days of every month from `start`'s to `end`'s, both included."""
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def reference_day(month: date, today: date) -> date:
    last = month.replace(day=calendar.monthrange(month.year, month.month)[1])
    return min(last, today)


def spells(periods: Iterable[Period]) -> dict[Hashable, list[tuple[date, date | None]]]:
    """Each person's periods, with touching or overlapping ones merged."""
    by_person = defaultdict(list)
    for period in sorted(periods, key=lambda p: (str(p.person), p.start)):
        merged = by_person[period.person]
        if merged and (merged[-1][1] is None or period.start <= merged[-1][1]):
            start, end = merged[-1]
            later = None if end is None or period.end is None else max(end, period.end)
            merged[-1] = (start, later)
        else:
            merged.append((period.start, period.end))
    return by_person


def _containing(spans, day: date):
    return next((s for s in spans if s[0] <= day and (s[1] is None or day < s[1])), None)


def monthly_shares(
    placements: Iterable[Period], figures: Iterable[Period], months: list[date], today: date
) -> list[MonthShare]:
    """Per month: how many young people were placed, how many had a support figure, and how
    long those without one had been waiting. Months that have not begun are left out."""
    placed_spells, figure_spells = spells(placements), spells(figures)
    result = []
    for month in months:
        if month > today:
            continue
        day = reference_day(month, today)
        placed, with_figure, waits = 0, 0, []
        for person, spans in placed_spells.items():
            spell = _containing(spans, day)
            if spell is None:
                continue
            placed += 1
            own = figure_spells.get(person, [])
            if _containing(own, day):
                with_figure += 1
                continue
            stopped = [end for _start, end in own if end is not None and end <= day]
            since = max([spell[0], *stopped])
            waits.append((day - since).days)
        result.append(MonthShare(month, day, placed, with_figure, waits))
    return result
