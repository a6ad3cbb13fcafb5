"""The social map: which programmes serve a postcode, and how long families wait there.

Waiting figures count people, so they leave through `suppress` like every dashboard figure:
a count below the threshold is hidden (null), and the median wait is hidden with its count.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from statistics import median

from django.utils import timezone

from omzien.access.suppression import suppress
from omzien.geo.models import PostcodeArea, pc4_of
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
    counts = {(pk, "waiting"): len(waiting_since[pk]) for pk in ids} | {
        (pk, "volunteers"): available[pk] for pk in ids
    }
    shown = suppress(counts, groups=[])  # each count stands alone: no total is published
    return {
        pk: Figures(
            waiting=shown.cells[(pk, "waiting")],
            median_days_waiting=shown.figure((pk, "waiting"), median_days(waiting_since[pk])),
            volunteers_available=shown.cells[(pk, "volunteers")],
        )
        for pk in ids
    }


def median_days(dates) -> int | None:
    today = timezone.localdate()
    days = [(today - since).days for since in dates if since is not None]
    return round(median(days)) if days else None
