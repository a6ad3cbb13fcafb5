"""Builders for young people in care, their placements and support figures: real rows."""

from datetime import date
from itertools import count

from django.test import Client

from omzien import testing
from omzien.access.roles import Role

from ..models import Placement, PlacementKind, SupportFigure, SupportFigureStatus, YoungPersonInCare

_seq = count(1)
# What a second person sees when the first one saved the same row before them.
STALE = "Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw."


def browser_of(user) -> Client:
    """A second person at the same time: their own logged-in browser."""
    browser = Client()
    browser.force_login(user)
    return browser


def professional(**fields):
    n = next(_seq)
    defaults = {
        "first_name": "Ricardo",
        "last_name": f"Martina{n}",
        "email": f"prof{n}@example.org",
    }
    return testing.user(Role.CARE_PROFESSIONAL, **(defaults | fields))


def youth_account(**fields):
    n = next(_seq)
    return testing.user(Role.YOUTH, email=f"jongere{n}@example.org", **fields)


def young_person(
    municipality,
    *,
    professionals=(),
    placed_on=date(2025, 1, 1),
    ended_on=None,
    account=None,
    born=date(2009, 5, 1),
    **fields,
) -> YoungPersonInCare:
    n = next(_seq)
    person = YoungPersonInCare.objects.create(
        first_name=fields.pop("first_name", f"Jongere{n}"),
        last_name=fields.pop("last_name", "Test"),
        date_of_birth=born,
        municipality=municipality,
        consent_on=placed_on,
        account=account,
        **fields,
    )
    person.professionals.set(professionals)
    Placement.objects.create(
        young_person=person,
        kind=PlacementKind.FOSTER_FAMILY,
        placed_by="Jeugdbescherming",
        started_on=placed_on,
        ended_on=ended_on,
    )
    return person


def figure(person, *, started_on, ended_on=None, status=SupportFigureStatus.ACTIVE, **fields):
    values = {
        "kind": "family_member",
        "first_name": "Tante",
        "last_name": f"Lid{next(_seq)}",
    } | fields
    return SupportFigure.objects.create(
        young_person=person,
        status=SupportFigureStatus.ENDED if ended_on else status,
        started_on=started_on if status != SupportFigureStatus.PROPOSED else None,
        ended_on=ended_on,
        **values,
    )
