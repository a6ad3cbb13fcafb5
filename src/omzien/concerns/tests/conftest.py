"""A programme with two coordinators and two running matches, another programme, and accounts."""

from datetime import timedelta

import pytest
from django.utils import timezone

from omzien import testing
from omzien.access.roles import Role
from omzien.concerns.models import Concern
from omzien.matches.models import Match, MatchStatus


def running_match(programme, area, last_name: str) -> Match:
    request = testing.waiting_request(programme, area, last_name=last_name, children_ages=(7,))
    request.transition("matched")
    offer = testing.available_offer(programme, area, last_name=f"Vrijwilliger{last_name}")
    return Match.objects.create(
        request=request,
        offer=offer,
        status=MatchStatus.ACTIVE,
        started_on=timezone.localdate() - timedelta(days=90),
    )


def person_account(role: str, person, email: str):
    account = testing.user(role, email=email)
    person.account = account
    person.save(update_fields=["account"])
    return account


@pytest.fixture
def world(db):
    geo = testing.geography()
    programme, other = testing.programme("Steungezinnen"), testing.programme("Elders")
    match = running_match(programme, geo["near"], "Bakker")
    second_match = running_match(programme, geo["near"], "Smit")
    other_match = running_match(other, geo["near"], "Ander")
    handler = testing.user(Role.COORDINATOR, programmes=[programme], email="marieke@example.org")
    colleague = testing.user(Role.COORDINATOR, programmes=[programme], email="youssef@example.org")
    outsider = testing.user(Role.COORDINATOR, programmes=[other], email="ander@example.org")
    return {
        "programme": programme,
        "match": match,
        "second_match": second_match,
        "other_match": other_match,
        "handler": handler,
        "colleague": colleague,
        "outsider": outsider,
        "volunteer": person_account(Role.VOLUNTEER, match.offer.volunteer, "kees@example.org"),
        "other_volunteer": person_account(
            Role.VOLUNTEER, second_match.offer.volunteer, "els@example.org"
        ),
        "parent": person_account(
            Role.PARENT, match.request.household.parents.get(), "sanne@example.org"
        ),
    }


@pytest.fixture
def concern(world) -> Concern:
    """Reported ten days ago by the handler, no step taken yet."""
    return Concern.objects.create(
        match=world["match"],
        child=world["match"].request.household.children.first(),
        reported_by=world["handler"],
        handler=world["handler"],
        reported_on=timezone.localdate() - timedelta(days=10),
        signs="Blauwe plekken op de arm.",
    )
