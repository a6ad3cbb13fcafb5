"""Deny by default: a professional sees only their own young people, a young person only
their own record, programme staff only their programmes' households and maps."""

from datetime import date

import pytest
from django.urls import reverse

from omzien import testing
from omzien.access.roles import Role
from omzien.support_figures.models import (
    FamilyGroupConference,
    NetworkMap,
    Placement,
    SupportFigure,
    Tie,
    YoungPersonInCare,
)

from . import builders

pytestmark = pytest.mark.django_db
PERSONAL = [YoungPersonInCare, Placement, SupportFigure, NetworkMap, Tie, FamilyGroupConference]


@pytest.fixture
def world():
    geo = testing.geography()
    mine, theirs = builders.professional(), builders.professional()
    account = builders.youth_account()
    own = builders.young_person(geo["municipality"], professionals=[mine], account=account)
    other = builders.young_person(geo["municipality"], professionals=[theirs])
    for person in (own, other):
        builders.figure(person, started_on=date(2025, 6, 1))
        NetworkMap.objects.create(young_person=person)
    return {"mine": mine, "theirs": theirs, "account": account, "own": own, "other": other}


def test_a_professional_sees_only_the_young_people_they_are_responsible_for(client, world):
    assert list(YoungPersonInCare.objects.visible_to(world["mine"])) == [world["own"]]
    for model in (Placement, SupportFigure, NetworkMap):
        rows = model.objects.visible_to(world["mine"])
        assert {row.young_person for row in rows} == {world["own"]}, model.__name__
    client.force_login(world["mine"])
    listing = client.get(reverse("support_figures:young_people")).content.decode()
    assert str(world["own"]) in listing and str(world["other"]) not in listing
    other_page = reverse("support_figures:young_person", args=[world["other"].pk])
    assert client.get(other_page).status_code == 404
    figure = world["other"].support_figures.get()
    step = reverse("support_figures:figure_step", args=[figure.pk])
    assert client.post(step, {"end-version": 1, "end-target": "ended"}).status_code == 404


def test_shared_responsibility_shows_the_young_person_to_both(world):
    world["other"].professionals.add(world["mine"])
    assert YoungPersonInCare.objects.visible_to(world["mine"]).count() == 2
    assert YoungPersonInCare.objects.visible_to(world["theirs"]).count() == 1


def test_a_young_person_sees_only_their_own_record(client, world):
    assert list(YoungPersonInCare.objects.visible_to(world["account"])) == [world["own"]]
    assert list(NetworkMap.objects.editable_by(world["account"])) == []
    client.force_login(world["account"])
    assert client.get(reverse("support_figures:young_people")).status_code == 403
    own_map = world["own"].network_map
    assert client.get(reverse("support_figures:map_detail", args=[own_map.pk])).status_code == 200
    other_map = world["other"].network_map
    assert client.get(reverse("support_figures:map_detail", args=[other_map.pk])).status_code == 404


@pytest.mark.parametrize(
    "role", [Role.ANALYST, Role.RESEARCHER, Role.REFERRER, Role.VOLUNTEER, Role.PARENT]
)
def test_roles_without_a_rule_see_nothing(world, role):
    account = testing.user(role)
    for model in PERSONAL:
        assert not model.objects.visible_to(account).exists(), model.__name__


def test_a_coordinator_sees_the_maps_of_their_programme_households_only():
    geo = testing.geography()
    a, b = testing.programme("A"), testing.programme("B")
    ours = testing.waiting_request(a, geo["near"], last_name="Alfa").household
    theirs = testing.waiting_request(b, geo["near"], last_name="Bravo").household
    for household in (ours, theirs):
        NetworkMap.objects.create(household=household)
    coordinator = testing.coordinator(a)
    assert [m.household for m in NetworkMap.objects.visible_to(coordinator)] == [ours]
    assert not YoungPersonInCare.objects.visible_to(coordinator).exists()


def test_a_coordinator_sees_young_people_whose_mentor_comes_from_their_programme(world):
    programme = testing.programme()
    world["own"].support_figures.update(programme=programme)
    coordinator = testing.coordinator(programme)
    assert list(YoungPersonInCare.objects.visible_to(coordinator)) == [world["own"]]
