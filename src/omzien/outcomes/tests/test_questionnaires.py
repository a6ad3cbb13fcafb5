"""Which questionnaires are open, closure questionnaires marked as due, and a questionnaire
answered twice for the same moment: refused, or replaced with the old one kept on record."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from omzien import testing
from omzien.access.roles import Role
from omzien.intake.models import Request, RequestStatus
from omzien.matches.models import Moment, MomentKind
from omzien.matches.signals import match_closing
from omzien.outcomes.models import (
    Administration,
    AdministrationStatus,
    Answer,
    Instrument,
    Item,
    Phase,
    Respondent,
)
from omzien.outcomes.questionnaires import closing_questionnaires, open_questionnaires, slots

from . import world

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def geo():
    return testing.geography()


def keys(found):
    return {(s.instrument.slug, s.phase, s.round) for s in found}


def test_moments_come_with_the_steps_of_the_request_and_match(geo):
    programme = world.programme()
    signed_up = testing.waiting_request(programme, geo["near"])
    Request.objects.filter(pk=signed_up.pk).update(status=RequestStatus.SIGNED_UP)
    assert slots(world.fresh(signed_up)) == []

    match = world.closed_match(programme, geo["near"], ended_on=TODAY)
    Moment.objects.create(
        match=match, kind=MomentKind.EVALUATION, due_on=TODAY - timedelta(days=99)
    )
    Moment.objects.create(match=match, kind=MomentKind.EVALUATION, due_on=TODAY + timedelta(days=9))
    assert keys(slots(world.fresh(match.request))) == {
        (world.SITUATION, Phase.INTAKE, 0),
        (world.SUPPORT, Phase.INTAKE, 0),
        (world.SUPPORT, Phase.INTERIM, 1),  # the evaluation that is due; not the later one
        (world.SITUATION, Phase.CLOSURE, 0),
        (world.SUPPORT, Phase.CLOSURE, 0),
    }


def test_answering_the_same_moment_twice_is_refused(geo):
    request = world.after_intake(world.programme(), geo["near"])
    world.fill(request, world.SITUATION, Phase.INTAKE, world.situation(2))

    with pytest.raises(ValidationError, match="al ingevuld"):
        world.fill(request, world.SITUATION, Phase.INTAKE, world.situation(3))
    assert Administration.objects.filter(request=request).count() == 1


def test_a_replacement_keeps_the_first_as_a_superseded_record(geo):
    coordinator = testing.coordinator()
    request = world.after_intake(world.programme(), geo["near"])
    first = world.fill(request, world.SITUATION, Phase.INTAKE, world.situation(2))

    second = world.fill(
        request, world.SITUATION, Phase.INTAKE, world.situation(3), by=coordinator,
        replace="Verkeerd overgenomen van papier.",
    )  # fmt: skip

    first.refresh_from_db()
    assert first.status == AdministrationStatus.SUPERSEDED and first.total == 2
    assert second.replaces == first and second.total == 3
    assert Answer.objects.filter(administration=first).count() == 6  # the old answers stay
    change = first.status_changes.get()
    assert (change.by, change.reason) == (coordinator, "Verkeerd overgenomen van papier.")


def test_the_database_refuses_two_live_questionnaires_for_one_moment(geo):
    request = world.after_intake(world.programme(), geo["near"])
    first = world.fill(request, world.SITUATION, Phase.INTAKE, world.situation(2))
    with pytest.raises(IntegrityError), transaction.atomic():
        Administration.objects.create(
            request=request,
            instrument=first.instrument,
            instrument_version=first.instrument_version,
            phase=Phase.INTAKE,
            respondent=Respondent.COORDINATOR,
            status=AdministrationStatus.ANSWERED,
        )


def test_closing_marks_closure_questionnaires_due_once_and_answering_fills_them(geo):
    match = world.closed_match(world.programme(), geo["near"], ended_on=TODAY)

    due = closing_questionnaires(match)
    assert {a.instrument.slug for a in due} == {world.SITUATION, world.SUPPORT}
    assert all(a.status == AdministrationStatus.DUE and a.phase == Phase.CLOSURE for a in due)
    assert closing_questionnaires(match) == []  # idempotent

    answered = world.fill(match.request, world.SITUATION, Phase.CLOSURE, world.situation(4))
    assert answered.pk in {a.pk for a in due} and answered.status == AdministrationStatus.ANSWERED
    assert answered.status_changes.get().target == AdministrationStatus.ANSWERED


def test_a_match_going_into_closure_makes_its_closure_questionnaires_due(geo):
    match = world.closed_match(world.programme(), geo["near"], ended_on=TODAY)

    match_closing.send(sender=type(match), match=match)  # what the closing step sends

    due = Administration.objects.filter(match=match, phase=Phase.CLOSURE)
    assert set(due.values_list("instrument__slug", flat=True)) == {world.SITUATION, world.SUPPORT}


def test_an_answered_version_is_frozen(geo):
    request = world.after_intake(world.programme(), geo["near"])
    answered = world.fill(request, world.SITUATION, Phase.INTAKE, world.situation(2))
    item = Item.objects.filter(version=answered.instrument_version).first()
    item.text = "Iets anders"
    with pytest.raises(ValidationError, match="ligt vast"):
        item.save()
    copy = answered.instrument_version.copy()
    assert copy.number == 2 and copy.items.count() == 6
    assert Instrument.objects.get(pk=answered.instrument_id).current_version() == copy
    changed = copy.items.get(code=item.code)
    changed.text = "Iets anders"
    changed.save()  # a new version may change until it is answered


def test_open_questionnaires_of_a_parent_and_nobody_else(geo):
    programme = world.programme()
    match = world.closed_match(programme, geo["near"], ended_on=TODAY)
    other = world.after_intake(programme, geo["near"], last_name="Ander")
    parent_account = testing.user(Role.PARENT)
    match.request.household.parents.update(account=parent_account)
    world.fill(match.request, world.SUPPORT, Phase.INTAKE, {"steun-1": 4})

    found = open_questionnaires(parent_account)
    assert keys(found) == {(world.SUPPORT, Phase.CLOSURE, 0)}  # the coordinator's are not theirs
    assert all(s.request == match.request for s in found)
    assert other not in {s.request for s in found}
    for role in (Role.VOLUNTEER, Role.YOUTH, Role.COORDINATOR, Role.ANALYST):
        assert open_questionnaires(testing.user(role)) == []


def test_the_own_page_lists_the_questionnaires_through_the_outcomes_tag(client, geo):
    match = world.closed_match(world.programme(), geo["near"], ended_on=TODAY)
    parent_account = testing.user(Role.PARENT)
    match.request.household.parents.update(account=parent_account)
    client.force_login(parent_account)

    html = client.get(reverse("matches:own_page")).content.decode()

    slots_open = open_questionnaires(parent_account)
    assert slots_open and all(slot.own_url in html for slot in slots_open)


def test_a_volunteer_sees_questionnaires_of_their_own_match_meant_for_volunteers(geo):
    programme = testing.programme()
    world.uses(programme, world.SUPPORT, Respondent.VOLUNTEER)
    match = world.closed_match(programme, geo["near"], ended_on=TODAY)
    volunteer = testing.user(Role.VOLUNTEER)
    type(match.offer.volunteer).objects.filter(pk=match.offer.volunteer_id).update(
        account=volunteer
    )

    assert keys(open_questionnaires(volunteer)) == {
        (world.SUPPORT, Phase.INTAKE, 0),
        (world.SUPPORT, Phase.CLOSURE, 0),
    }


def test_scoped_administrations(geo):
    a, b = world.programme(), world.programme()
    for programme in (a, b):
        request = world.after_intake(programme, geo["near"])
        world.fill(request, world.SITUATION, Phase.INTAKE, world.situation(3))
    coordinator = testing.coordinator(a)
    assert {x.request.programme for x in Administration.objects.visible_to(coordinator)} == {a}
    for role in (Role.ANALYST, Role.REFERRER, Role.VOLUNTEER, Role.PARENT):
        assert not Administration.objects.visible_to(testing.user(role)).exists()
    assert Instrument.objects.usable_by(a.organisation_id).count() == 3


def test_erasing_a_family_takes_its_questionnaires_and_replacements_along(geo):
    request = world.after_intake(world.programme(), geo["near"])
    world.fill(request, world.SITUATION, Phase.INTAKE, world.situation(2))
    world.fill(request, world.SITUATION, Phase.INTAKE, world.situation(3), replace="Typfout")
    request.household.delete()
    assert not Administration.objects.exists() and not Answer.objects.exists()
