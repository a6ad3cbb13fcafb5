"""A fixed-window rate limit counted in the database, so that it holds across app servers."""

import time

from django.db import IntegrityError, transaction
from django.db.models import F

from .models import RateCount


def window_of(seconds: int, now: float | None = None) -> tuple[int, int]:
    """The start of the current window and the seconds left in it."""
    now = time.time() if now is None else now
    start = int(now // seconds) * seconds
    return start, start + seconds - int(now)


def take_turn(key: str, limit: int, seconds: int) -> bool:
    """Count one for `key`; False, and nothing counted, when the window holds `limit` already.

    Mostly one statement: the conditional UPDATE, so two servers at the same moment cannot both
    take the last turn. The first turn of a window makes its row, and clears ended windows.
    """
    if limit < 1:
        return False  # a limit of 0 lets nothing through, as its first row would count 1
    now = time.time()
    start = window_of(seconds, now)[0]
    window = RateCount.objects.filter(key=key, window_start=start)
    if window.filter(count__lt=limit).update(count=F("count") + 1):
        return True
    if window.exists():
        return False  # at the limit
    try:
        with transaction.atomic():
            RateCount.objects.create(
                key=key, window_start=start, expires_at=start + seconds, count=1
            )
    except IntegrityError:  # another server made the row a moment ago: count there
        return bool(window.filter(count__lt=limit).update(count=F("count") + 1))
    RateCount.objects.filter(expires_at__lte=now).delete()
    return True
