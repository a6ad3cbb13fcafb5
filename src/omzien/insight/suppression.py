"""Small-number suppression: the one function every aggregate passes before it leaves the boundary.

Dashboards, maps, exports, the yearly account and the API all call `suppress`. A count from 1
up to the threshold could point at a family, so it is hidden (primary suppression). A hidden
count must not come back by subtraction either: when a total is published, a group with
hidden cells must hide at least two of them, together at least the threshold, or the reader
subtracts the visible cells from the total (secondary suppression). A count of zero points at
nobody and stays visible; a hidden figure is never shown as zero.

That is enough for a table whose cells are fixed. The dashboard, its API and the yearly account
answer questions the reader chooses (any run of months, any area, any programme), and two
overlapping answers can be subtracted from each other. Those figures leave through `publish`
instead: a count from 1 up to the threshold is hidden, every other count is rounded to a
multiple of the threshold, up or down by a draw that is fixed per cell (what is counted, for
which programmes and place, over which days) and keyed with the installation's secret. The same
question always gets the same answer, and the difference of any two answers is a multiple of
the threshold, so it is never a hidden count. See docs/privacy.md, "Small numbers and
differencing".
"""

import math
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.crypto import salted_hmac

MINIMUM_THRESHOLD = 5


def threshold(requested: int | None = None) -> int:
    """The installation's threshold, or a higher one asked for; never lower than 5."""
    configured = settings.OMZIEN_SUPPRESSION_THRESHOLD
    if configured < MINIMUM_THRESHOLD:
        raise ImproperlyConfigured(
            f"OMZIEN_SUPPRESSION_THRESHOLD is {configured}; it may only be raised above "
            f"{MINIMUM_THRESHOLD}."
        )
    return max(configured, requested or 0)


@dataclass(frozen=True)
class Suppressed:
    """Counts fit to publish: a hidden cell or total is None."""

    cells: dict[Hashable, int | None]
    totals: list[int | None]  # one per group, in the order given
    threshold: int

    def hidden(self, key: Hashable) -> bool:
        return self.cells[key] is None

    def figure(self, key: Hashable, value):
        """A figure derived from a cell's people (a median, a share) is hidden with its count."""
        return None if self.hidden(key) else value


def suppress(
    counts: Mapping[Hashable, int],
    groups: Iterable[Iterable[Hashable]] | None = None,
    *,
    at_least: int | None = None,
) -> Suppressed:
    """Hide what could identify someone in `counts`.

    `groups` lists the sets of cells whose sum is published as a total (the rows and the
    columns of a table, each with its total); by default all cells add up to one total.
    """
    limit = threshold(at_least)
    groups = [list(group) for group in groups] if groups is not None else [list(counts)]
    hidden = {key for key, count in counts.items() if 0 < count < limit}
    hidden_totals = {i for i, group in enumerate(groups) if 0 < _sum(counts, group) < limit}
    while True:
        extra = _next_to_hide(counts, groups, hidden, hidden_totals, limit)
        if extra is None:
            break
        hidden.add(extra)
    return Suppressed(
        cells={key: None if key in hidden else count for key, count in counts.items()},
        totals=[
            None if i in hidden_totals else _sum(counts, group) for i, group in enumerate(groups)
        ],
        threshold=limit,
    )


def _next_to_hide(counts, groups, hidden, hidden_totals, limit):
    """The smallest visible cell of the first group whose hidden cells a reader could recover."""
    for i, group in enumerate(groups):
        if i in hidden_totals:
            continue  # no total is published, so nothing can be subtracted from it
        in_group = [key for key in group if key in hidden]
        if not in_group or (len(in_group) > 1 and _sum(counts, in_group) >= limit):
            continue
        # A zero adds nothing to the hidden sum, so hiding it would not protect anyone.
        visible = sorted(
            (key for key in group if key not in hidden and counts[key] > 0),
            key=counts.__getitem__,
        )
        if visible:
            return visible[0]
        # Nothing left to hide beside them: then the total goes too.
        hidden_totals.add(i)
    return None


def _sum(counts, keys) -> int:
    return sum(counts[key] for key in keys)


def hidden(count: int, *, at_least: int | None = None) -> bool:
    return 0 < count < threshold(at_least)


def cell(
    measure: str, programmes, place: str, first: date | None, last: date | None = None
) -> tuple:
    """What one published count counts: the measure, the programmes (ids; "*" for all), the
    place (an area's code, "*" for everywhere) and the days ("" for an open end). Two
    questions about the same people must give the same cell, whichever page or API asks."""
    days = (first, last or first)
    return (
        measure,
        "*" if programmes is None else tuple(sorted(programmes)),
        place,
        *(day.isoformat() if day else "" for day in days),
    )


def publish(count: int, cell: Hashable) -> int | None:
    """A count fit to publish: 0 stays 0, a small count is hidden, the rest is rounded.

    `cell` names what is counted so fully (measure, programmes, place, first and last day)
    that two questions about the same people give the same cell: see `Filters.cell`.
    """
    if hidden(count):
        return None
    return _rounded(count, cell)


def publish_amount(amount: float, cell: Hashable) -> int:
    """An amount that is not a number of people (hours), rounded as a count is, never hidden:
    the people behind it are protected by hiding it with their count."""
    return _rounded(amount, cell)


def _rounded(value: float, cell: Hashable) -> int:
    """`value` to a multiple of the threshold, up with a chance equal to how far it is along:
    unbiased on average, and the same every time for the same cell."""
    base = threshold()
    lower = base * math.floor(value / base)
    return int(lower + base if _draw(cell) * base < value - lower else lower)


def _draw(cell: Hashable) -> float:
    """A number in [0, 1) fixed per cell that nobody can predict without the secret key."""
    digest = salted_hmac("omzien.insight.suppression.publish", repr(cell)).digest()
    return int.from_bytes(digest[:8], "big") / 2**64
