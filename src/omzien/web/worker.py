"""Is the background worker running? The queue tells: a ready task that waits long has no one to run it."""

from datetime import timedelta

from django.utils import timezone
from django_tasks_db.models import DBTaskResult

# The worker looks for work every second; a task waiting this long means it is not running.
GRACE = timedelta(minutes=1)


def stalled(now=None) -> bool:
    now = now or timezone.now()
    return DBTaskResult.objects.ready().filter(enqueued_at__lt=now - GRACE).exists()
