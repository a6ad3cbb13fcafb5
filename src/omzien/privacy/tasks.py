"""Nightly: anonymise the personal data whose retention period has passed.

Runs on the task queue (`omzien db_worker`); `omzien privacy_nightly` enqueues it, for cron.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .anonymise import anonymise
from .models import AuditAction
from .models.retention import AnonymisationReason
from .recording import record
from .retention import due


def anonymise_expired_on(today: date) -> int:
    """Anonymise everyone expired on `today` and not stopped; returns how many people."""
    total = 0
    ready: dict[str, list[int]] = {}
    for row in due(today):
        if not row.stopped_by:
            ready.setdefault(row.expiry.kind, []).append(row.expiry.pk)
    for kind, ids in ready.items():
        with transaction.atomic():
            total += anonymise(kind, ids, reason=AnonymisationReason.RETENTION)
            for pk in ids:
                record(None, AuditAction.ANONYMISE, subjects={kind: pk})
    return total


@task()
def anonymise_expired(today: str | None = None) -> int:
    return anonymise_expired_on(date.fromisoformat(today) if today else timezone.localdate())
