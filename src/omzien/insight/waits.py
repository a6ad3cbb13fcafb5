"""Waits on the list, as spells of days: the one reading of the status log that the waiting
figures and their roll-ups share.

A request waits from `waiting_since` until the last time it left the waiting list (its log's
last step out of 'waiting'); one that waits now has not left. As on the waiting list page, a
proposal that came to nothing does not restart the wait. A request that left the list without
a logged step (an imported history) cannot be placed in time and is left out.
"""

import numpy as np
from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from omzien.intake.models import RequestStatus, RequestStatusChange

STILL_WAITING = np.inf


def waits(requests: QuerySet, **extra):
    """(first day waiting, first day no longer waiting, *the `extra` expressions' values) of
    every request that waited, days as ordinals."""
    left = RequestStatusChange.objects.filter(
        request=OuterRef("pk"), source=RequestStatus.WAITING
    ).order_by("-at", "-pk")
    queryset = requests.filter(waiting_since__isnull=False).annotate(
        left=Subquery(left.values("at")[:1]), **extra
    )
    for status, since, left_at, *values in queryset.values_list(
        "status", "waiting_since", "left", *extra
    ).iterator():
        if status == RequestStatus.WAITING:
            until = STILL_WAITING
        elif left_at is None:
            continue
        else:
            until = timezone.localdate(left_at).toordinal()
        yield (since.toordinal(), until, *values)
