"""Whole months: the unit of every trend, and the grain of a period a user can choose."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.formats import date_format


def first_of(day: date) -> date:
    return day.replace(day=1)


def last_of(day: date) -> date:
    following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)


def shift(day: date, months: int) -> date:
    """The first day of the month `months` after (or before) `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Month:
    """One month of a period; the last one may end before the month does (today)."""

    start: date
    end: date

    @property
    def key(self) -> str:
        return self.start.strftime("%Y-%m")

    @property
    def label(self) -> str:
        return date_format(self.start, "F Y")

    @property
    def short_label(self) -> str:
        return date_format(self.start, "M y")


def months(start: date, end: date) -> list[Month]:
    """The months from `start` to `end`, each clipped to the period."""
    result, current = [], first_of(start)
    while current <= end:
        result.append(Month(max(current, start), min(last_of(current), end)))
        current = shift(current, 1)
    return result
