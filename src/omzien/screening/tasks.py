"""Nightly: take volunteers whose screening lapsed out of the pool, and say why."""

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from omzien.intake.models import Offer, OfferStatus

from .rules import missing


@task()
def expire_screenings(today: str | None = None) -> int:
    """Move available volunteers whose certificate expired back to screening; returns how many."""
    today = date.fromisoformat(today) if today else timezone.localdate()
    moved = 0
    lapsed = Offer.objects.filter(status=OfferStatus.AVAILABLE).exclude(
        pk__in=Offer.objects.screening_current(today).values("pk")
    )
    for offer in lapsed.select_related("programme__programme_type", "volunteer"):
        reason = " ".join(missing(offer, today)) or _("De screening is niet meer actueel.")
        offer.transition(OfferStatus.SCREENING, reason=reason)
        moved += 1
    return moved
