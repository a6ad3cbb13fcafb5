"""Turn requests and offers from the database into an engine pool (plain dataclasses)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db.models import Prefetch
from django.utils import timezone

from omzien.intake.models import Offer, OfferStatus, Request
from omzien.matches.models import Match, MatchStatus
from omzien.people.models import Child
from omzien.programmes.models import Programme, ProgrammeType
from omzien.vocabulary import slots_bitmask

from . import engine


def weights_of(programme_type: ProgrammeType) -> engine.Weights:
    return engine.Weights(**programme_type.weights)


def rules_of(programme_type: ProgrammeType) -> engine.Rules:
    return engine.Rules(
        require_shared_language_when_asked=programme_type.language_rule,
        max_waiting_days_for_full_points=programme_type.waiting_days_full_priority,
    )


def _years(born: date, today: date) -> float:
    return (today - born).days / 365.25


def _location(located):
    area = located.postcode_area
    hood = area.neighbourhood.code if area.neighbourhood_id else None
    return area.lat, area.lon, hood


def request_item(help_request: Request, today: date) -> engine.RequestItem:
    person = help_request.household or help_request.youth
    lat, lon, hood = _location(person)
    if help_request.household_id:
        household = help_request.household
        ages = tuple(_years(child.date_of_birth, today) for child in household.children.all())
        prefs = dict(
            accepts_pets=household.accepts_pets,
            accepts_smoking=household.accepts_smoking,
            faith=household.faith or None,
            faith_must_match=household.faith_must_match,
            household_type=household.household_type,
        )
    else:
        ages = (_years(person.date_of_birth, today),)
        prefs = dict(
            accepts_pets=True,
            accepts_smoking=False,
            faith=None,
            faith_must_match=False,
            household_type="youth",
        )
    return engine.RequestItem(
        id=help_request.pk,
        programme_id=help_request.programme_id,
        lat=lat,
        lon=lon,
        neighbourhood=hood,
        child_ages=ages,
        slots=slots_bitmask(help_request.availability),
        languages=frozenset(person.languages),
        needs_shared_language=help_request.needs_shared_language,
        needs=frozenset(help_request.needs),
        waited_days=(today - help_request.waiting_since).days if help_request.waiting_since else 0,
        **prefs,
    )


def offer_item(offer: Offer, today: date) -> engine.OfferItem:
    volunteer = offer.volunteer
    lat, lon, hood = _location(volunteer)
    return engine.OfferItem(
        id=offer.pk,
        programme_id=offer.programme_id,
        lat=lat,
        lon=lon,
        neighbourhood=hood,
        radius_km=float(volunteer.travel_radius_km),
        min_age=float(offer.min_child_age),
        # "up to and including 12" admits a child until their 13th birthday
        max_age=float(offer.max_child_age) + 0.999,
        slots=slots_bitmask(offer.availability),
        languages=frozenset(volunteer.languages),
        offers=frozenset(offer.offers),
        has_pets=volunteer.has_pets,
        smokes=volunteer.smokes,
        faith=volunteer.faith or None,
        faith_must_match=volunteer.faith_must_match,
        capacity=max(getattr(offer, "capacity_left", offer.capacity), 0),
        screened=offer.status == OfferStatus.AVAILABLE,
    )


def conflicts_between(requests: list[Request], offers: list[Offer]) -> set[tuple[int, int]]:
    """Pairs never to propose again: earlier declined or ended matches, and the same person on both sides."""
    earlier = Match.objects.filter(
        request__in=requests,
        offer__in=offers,
        status__in=[MatchStatus.DECLINED, MatchStatus.CLOSED],
    ).values_list("request_id", "offer_id")
    pairs = set(earlier)
    volunteer_emails = {o.pk: o.volunteer.email.lower() for o in offers if o.volunteer.email}
    for help_request in requests:
        household = help_request.household
        emails = (
            {p.email.lower() for p in household.parents.all() if p.email} if household else set()
        )
        pairs |= {
            (help_request.pk, pk) for pk, email in volunteer_emails.items() if email in emails
        }
    return pairs


def load_pool(
    programme: Programme,
    requests: Iterable[Request],
    offers: Iterable[Offer],
    today: date | None = None,
) -> engine.Pool:
    today = today or timezone.localdate()
    requests = _with_related(requests)
    offers = list(
        Offer.objects.filter(pk__in=[o.pk for o in offers])
        .with_capacity_left()
        .select_related("volunteer__postcode_area__neighbourhood")
    )
    return engine.Pool(
        requests=[request_item(r, today) for r in requests],
        offers=[offer_item(o, today) for o in offers],
        weights=weights_of(programme.programme_type),
        rules=rules_of(programme.programme_type),
        conflicts=conflicts_between(requests, offers),
    )


def _with_related(requests: Iterable[Request]) -> list[Request]:
    return list(
        Request.objects.filter(pk__in=[r.pk for r in requests])
        .select_related(
            "household__postcode_area__neighbourhood", "youth__postcode_area__neighbourhood"
        )
        .prefetch_related(
            "household__parents", Prefetch("household__children", queryset=Child.objects.all())
        )
    )
