"""The social map: which programmes serve a postcode, and how long families wait there.

Waiting figures count people, so they leave through `publish` like every dashboard figure: a
count below the threshold is hidden (null), others are rounded as the cell of the programme,
everywhere, now (the same cell as a dashboard of that programme alone); the median wait is
hidden with its count.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from statistics import median

from django.utils import timezone

from omzien.access.suppression import cell, publish, this_month
from omzien.geo.models import PostcodeArea, pc4_of
from omzien.insight.recruit import WAITING_NOW
from omzien.intake.models import Offer, Request, RequestStatus
from omzien.programmes.models import Programme


@dataclass(frozen=True)
class Figures:
    waiting: int | None
    median_days_waiting: int | None
    volunteers_available: int | None


def programmes_serving(postcode: str | None = None, serves: str | None = None):
    """Active programmes, those serving the postcode's municipality when one is given.

    A postcode area we do not know is served by no programme: an empty list, as the
    document promises for any four digits.
    """
    programmes = (
        Programme.objects.active()
        .select_related("organisation", "programme_type")
        .prefetch_related("municipalities")
        .order_by("name", "pk")
    )
    if postcode:
        areas = PostcodeArea.objects.filter(pc4=pc4_of(postcode))
        programmes = programmes.filter(municipalities__in=areas.values("municipality"))
    if serves:
        programmes = programmes.filter(programme_type__serves=serves)
    return programmes


def figures_of(programmes: list[Programme]) -> dict[int, Figures]:
    ids = [p.pk for p in programmes]
    waiting_since = defaultdict(list)
    for programme_id, since in Request.objects.filter(
        programme__in=ids, status=RequestStatus.WAITING
    ).values_list("programme_id", "waiting_since"):
        waiting_since[programme_id].append(since)
    available = Counter(
        offer.programme_id
        for offer in Offer.objects.filter(programme__in=ids).available().only("programme_id")
    )

    def published(measure: str, pk: int, count: int) -> int | None:
        return publish(count, cell(measure, [pk], "*", *this_month()))

    result = {}
    for pk in ids:
        waiting = published(WAITING_NOW, pk, len(waiting_since[pk]))
        result[pk] = Figures(
            waiting=waiting,
            median_days_waiting=None if waiting is None else median_days(waiting_since[pk]),
            volunteers_available=published("volunteers_available", pk, available[pk]),
        )
    return result


def median_days(dates) -> int | None:
    today = timezone.localdate()
    days = [(today - since).days for since in dates if since is not None]
    return round(median(days)) if days else None
