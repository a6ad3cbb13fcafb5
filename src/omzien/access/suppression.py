"""Small-number suppression: the one function every aggregate passes before it leaves the boundary.

Dashboards, maps, the yearly account, the themes, where to recruit, the outcome report, support
figure coverage and the API all publish their counts through `publish`. Their readers choose
the questions (any run of months, any area, any programme), and two overlapping answers can be
subtracted from each other. So a count from 1 up to the threshold is hidden (it could point at
a family), zero stays visible (it points at nobody; a hidden figure is never shown as zero), and
every other count is rounded to a multiple of the threshold, up or down by a draw that is fixed
per cell (what is counted, for which programmes and place, over which days: see `cell`) and
keyed with the installation's secret. The same question always gets the same answer, and the
difference of any two answers is a multiple of the threshold, so it is never a hidden count.
See docs/privacy.md, "Small numbers and differencing".

The research export has rows, not counts: it is made k-anonymous instead (privacy/k_anonymity.py).
"""

import calendar
import math
from collections.abc import Hashable
from datetime import date

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.crypto import salted_hmac

MINIMUM_THRESHOLD = 5


def threshold() -> int:
    """The installation's threshold; never lower than 5."""
    configured = settings.OMZIEN_SUPPRESSION_THRESHOLD
    if configured < MINIMUM_THRESHOLD:
        raise ImproperlyConfigured(
            f"OMZIEN_SUPPRESSION_THRESHOLD is {configured}; it may only be raised above "
            f"{MINIMUM_THRESHOLD}."
        )
    return configured


def hidden(count: int) -> bool:
    """A count from 1 up to the threshold could point at someone; zero points at nobody."""
    return 0 < count < threshold()


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


def this_month() -> tuple[date, date]:
    """The days of a cell counted "now": the month, not the day. A count that stays the same
    would otherwise be rounded by a new draw every day, and the average of many days' answers
    would give it back."""
    today = timezone.localdate()
    return today.replace(day=1), today.replace(day=calendar.monthrange(today.year, today.month)[1])


def publish(count: int, cell: Hashable) -> int | None:
    """A count fit to publish: 0 stays 0, a small count is hidden, the rest is rounded.

    `cell` names what is counted so fully (measure, programmes, place, first and last day)
    that two questions about the same people give the same cell: see `cell`.
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
    # The key keeps the module's former path: a new key would change every published figure.
    digest = salted_hmac("omzien.insight.suppression.publish", repr(cell)).digest()
    return int.from_bytes(digest[:8], "big") / 2**64
