"""Waits on the list, as spells of days: the one reading of the status log that the waiting
figures and their roll-ups share.

A request waits from `waiting_since` until the last time it left the waiting list (its log's
last step out of 'waiting'); one that waits now has not left. As on the waiting list page, a
proposal that came to nothing does not restart the wait. A request that left the list without
a logged step (an imported history) cannot be placed in time and is left out.
"""

from datetime import date, datetime, time

import numpy as np
from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from omzien.intake.models import RequestStatus, RequestStatusChange

STILL_WAITING = np.inf
WAITING = RequestStatus.WAITING


def waits(
    requests: QuerySet, *, reaching: date | None = None, chunk_size: int | None = None, **extra
):
    """(first day waiting, first day no longer waiting, *the `extra` expressions' values) of
    every request that waited, days as ordinals. With `reaching`, only the waits that may
    reach into that day: those who wait now, and those who left on that day or later, read
    through two indexes instead of every request. `chunk_size` reads in chunks (a server-side
    cursor: worth its cost only for all requests at once)."""
    requests = requests.filter(waiting_since__isnull=False).annotate(**extra)
    waiting = requests.filter(status=WAITING).values_list("waiting_since", *extra)
    for since, *values in _rows(waiting, chunk_size):
        yield (since.toordinal(), STILL_WAITING, *values)
    gone = requests.exclude(status=WAITING)
    if reaching is not None:
        after = timezone.make_aware(datetime.combine(reaching, time.min))
        left = RequestStatusChange.objects.filter(source=WAITING, at__gte=after)
        gone = gone.filter(pk__in=left.values("request"))
    last = RequestStatusChange.objects.filter(request=OuterRef("pk"), source=WAITING).order_by(
        "-at", "-pk"
    )
    rows = gone.annotate(left=Subquery(last.values("at")[:1])).values_list(
        "waiting_since", "left", *extra
    )
    for since, left_at, *values in _rows(rows, chunk_size):
        if left_at is not None:  # left without a logged step: not placeable in time
            yield (since.toordinal(), timezone.localdate(left_at).toordinal(), *values)


def _rows(rows: QuerySet, chunk_size: int | None):
    return rows.iterator(chunk_size) if chunk_size else rows
