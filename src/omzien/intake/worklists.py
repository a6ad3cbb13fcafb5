"""The coordinator's work lists: what needs doing next, oldest first."""

from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Offer, OfferStatus, Request, RequestStatus

EXPIRY_WARNING_DAYS = 60


@dataclass(frozen=True)
class WorkList:
    slug: str
    title: str
    empty: str
    kind: str  # "requests", "offers" or "certificates": which table shows it


WORK_LISTS = [
    WorkList(
        "aanmeldingen",
        _("Nieuwe aanmeldingen om te bellen"),
        _("Er zijn geen nieuwe aanmeldingen."),
        "mixed",
    ),
    WorkList("intakes", _("Intakes om te houden"), _("Er staan geen intakes gepland."), "mixed"),
    WorkList("screening", _("Screening nog niet rond"), _("Alle screenings zijn rond."), "offers"),
    WorkList(
        "vog-verloopt",
        _("VOG verloopt binnen 60 dagen"),
        _("Geen VOG verloopt binnenkort."),
        "certificates",
    ),
    WorkList("wachtend", _("Gezinnen die wachten"), _("Niemand wacht."), "requests"),
]
BY_SLUG = {w.slug: w for w in WORK_LISTS}


def _requests(user, programme) -> QuerySet:
    return (
        Request.objects.visible_to(user)
        .filter(programme=programme)
        .select_related(
            "household__postcode_area__neighbourhood", "youth__postcode_area__neighbourhood"
        )
        .prefetch_related("household__parents")
    )


def _offers(user, programme) -> QuerySet:
    return (
        Offer.objects.visible_to(user)
        .filter(programme=programme)
        .select_related("volunteer__postcode_area__neighbourhood")
    )


def rows(slug: str, user, programme) -> dict[str, QuerySet]:
    """The querysets that make up one work list, by table."""
    requests, offers = _requests(user, programme), _offers(user, programme)
    if slug == "aanmeldingen":
        return {
            "requests": requests.filter(status=RequestStatus.SIGNED_UP).order_by("signed_up_at"),
            "offers": offers.filter(status=OfferStatus.SIGNED_UP).order_by("signed_up_at"),
        }
    if slug == "intakes":
        return {
            "requests": requests.filter(status=RequestStatus.INTAKE_PLANNED).order_by("intake_on"),
            "offers": offers.filter(status=OfferStatus.INTAKE_PLANNED).order_by("intake_on"),
        }
    if slug == "screening":
        return {
            "offers": offers.filter(
                status__in=[OfferStatus.INTAKE_HELD, OfferStatus.SCREENING]
            ).order_by("signed_up_at")
        }
    if slug == "vog-verloopt":
        today = timezone.localdate()
        return {
            "certificates": expiring_certificates(
                user, programme, today, today + timedelta(days=EXPIRY_WARNING_DAYS)
            )
        }
    return {"requests": requests.waiting()}


def expiring_certificates(user, programme, start, end) -> QuerySet:
    """The latest certificate of each volunteer active in the programme, when it runs out soon."""
    volunteers = (
        _offers(user, programme)
        .exclude(status__in=[OfferStatus.WITHDRAWN, OfferStatus.NOT_SUITABLE])
        .values("volunteer")
    )
    # Certificates are the screening app's, which builds on intake: named here, not imported.
    certificates = apps.get_model("screening", "Certificate").objects
    # Per volunteer through its index (NOT IN would read every certificate there is).
    renewed = certificates.filter(volunteer=OuterRef("volunteer"), valid_until__gt=end)
    return (
        certificates.visible_to(user)
        .filter(volunteer__in=volunteers)
        .exclude(Exists(renewed))
        .expiring_between(start, end)
        .select_related("volunteer")
        .order_by("valid_until")
    )


def counts(user, programme) -> dict[str, int]:
    return {
        w.slug: sum(qs.count() for qs in rows(w.slug, user, programme).values()) for w in WORK_LISTS
    }


def filtered(table: str, queryset: QuerySet, neighbourhood: str, search: str) -> QuerySet:
    """Narrow a work-list table by neighbourhood code and by (part of) a name."""
    person = {
        "requests": ("household__postcode_area", "youth__postcode_area"),
        "offers": ("volunteer__postcode_area",),
        "certificates": ("volunteer__postcode_area",),
    }[table]
    if neighbourhood:
        query = Q()
        for path in person:
            query |= Q(**{f"{path}__neighbourhood__code": neighbourhood})
        queryset = queryset.filter(query)
    if search:
        names = {
            "requests": Q(household__parents__last_name__icontains=search)
            | Q(youth__last_name__icontains=search),
            "offers": Q(volunteer__last_name__icontains=search)
            | Q(volunteer__family_name__icontains=search),
            "certificates": Q(volunteer__last_name__icontains=search),
        }[table]
        queryset = queryset.filter(pk__in=queryset.model.objects.filter(names).values("pk"))
    return queryset
