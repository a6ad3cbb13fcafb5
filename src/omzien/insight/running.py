"""Which matches run: on a day, or on any day of a stretch.

A match runs from `started_on` until `ended_on`; a proposal that never started is not a match
here. A reopened match has no end date again, so it counts as running.
"""

from datetime import date

from django.db.models import Q

from omzien.matches.models import OPEN_MATCH_STATUSES


def running_on(day: date, prefix: str = "") -> Q:
    """Matches running at the end of `day`."""
    return Q(**{f"{prefix}started_on__lte": day}) & (
        Q(**{f"{prefix}ended_on__isnull": True, f"{prefix}status__in": OPEN_MATCH_STATUSES})
        | Q(**{f"{prefix}ended_on__gt": day})
    )


def running_during(start: date, end: date, prefix: str = "") -> Q:
    """Matches that ran on at least one day from `start` to `end`."""
    return Q(**{f"{prefix}started_on__lte": end}) & (
        Q(**{f"{prefix}ended_on__isnull": True, f"{prefix}status__in": OPEN_MATCH_STATUSES})
        | Q(**{f"{prefix}ended_on__gte": start})
    )
