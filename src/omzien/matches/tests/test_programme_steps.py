"""A match follows its programme type: the introduction only where the type has one, a trial
period and an expected end shown from the type, and a closed match has nothing left to do."""

from datetime import date, timedelta

import pytest
import time_machine
from django.urls import reverse

from omzien import testing
from omzien.intake.models import OfferStatus, RequestStatus
from omzien.matches.models import Match, MatchStatus, Moment, MomentKind
from omzien.workflow import TransitionNotAllowed

from .test_lifecycle import close, step

pytestmark = pytest.mark.django_db
TODAY = date(2026, 6, 15)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(date(2026, 6, 15), tick=False):
        yield


def match_in(client, **type_fields) -> Match:
    geo = testing.geography()
    programme = testing.programme(**type_fields)
    request = testing.waiting_request(programme, geo["near"], last_name="Bakker")
    request.transition(RequestStatus.MATCHED)
    offer = testing.available_offer(programme, geo["near"])
    client.force_login(testing.coordinator(programme))
    return Match.objects.create(request=request, offer=offer)


def offered_steps(client, match) -> set[str]:
    page = client.get(reverse("matches:match_detail", args=[match.pk]))
    return {value for value, _ in page.context["form"].fields["target"].choices}


def test_a_programme_without_introduction_skips_it(client):
    match = match_in(client, has_introduction=False)
    assert offered_steps(client, match) == {MatchStatus.AGREED, MatchStatus.DECLINED}
    with pytest.raises(TransitionNotAllowed):
        match.transition(MatchStatus.INTRODUCTION_PLANNED)

    assert step(client, match, target="agreed").status_code == 302
    assert Match.objects.get(pk=match.pk).status == MatchStatus.AGREED


def test_a_programme_with_introduction_cannot_skip_it(client):
    match = match_in(client, has_introduction=True)
    assert MatchStatus.AGREED not in offered_steps(client, match)
    with pytest.raises(TransitionNotAllowed):
        match.transition(MatchStatus.AGREED)


def started(client, **type_fields) -> Match:
    match = match_in(client, **type_fields)
    Match.objects.filter(pk=match.pk).update(
        status=MatchStatus.ACTIVE, started_on=TODAY - timedelta(days=10)
    )
    match.refresh_from_db()
    return match


def test_the_match_page_shows_the_trial_period_and_expected_end(client):
    match = started(client, trial_period_days=42, expected_duration_months=12)
    html = client.get(reverse("matches:match_detail", args=[match.pk])).content.decode()
    assert "tot 17 juli 2026" in html  # started 5 June, 42 days of trial
    assert "rond juni 2027" in html


def test_a_closed_match_has_no_planned_moments_and_takes_no_contacts(client):
    match = started(client)
    Moment.objects.create(match=match, kind=MomentKind.EVALUATION, due_on=TODAY - timedelta(1))
    Moment.objects.create(match=match, kind=MomentKind.EVALUATION, due_on=TODAY + timedelta(90))
    assert step(client, match, target="closing").status_code == 302
    match.refresh_from_db()
    assert close(client, match).status_code == 302

    assert not Moment.objects.open().filter(match=match).exists()
    assert not Moment.objects.overdue(TODAY).filter(match=match).exists()
    page = client.get(reverse("matches:match_detail", args=[match.pk]))
    html = page.content.decode()
    assert page.context["contact_form"] is None and ">gepland<" not in html
    assert ">vervallen<" in html
    contact = client.post(
        reverse("matches:match_contact", args=[match.pk]),
        {"on": TODAY.isoformat(), "kind": "call", "note": "Na afloop"},
    )
    assert contact.status_code == 400 and not match.contacts.exists()


def test_reopening_makes_the_lapsed_moments_due_again(client):
    match = started(client)
    later = Moment.objects.create(
        match=match, kind=MomentKind.EVALUATION, due_on=TODAY + timedelta(90)
    )
    step(client, match, target="closing")
    match.refresh_from_db()
    close(client, match)
    match.refresh_from_db()
    response = client.post(
        reverse("matches:match_reopen", args=[match.pk]),
        {"reopen-version": match.version, "reopen-reason": "Toch verder"},
    )
    assert response.status_code == 302
    assert Moment.objects.open().filter(pk=later.pk).exists()


def test_a_stopped_volunteer_has_no_next_step_and_no_talk_of_a_match(client):
    geo = testing.geography()
    programme = testing.programme()
    offer = testing.available_offer(programme, geo["near"])
    offer.transition(OfferStatus.WITHDRAWN)
    client.force_login(testing.coordinator(programme))
    html = client.get(reverse("screening:offer_detail", args=[offer.pk])).content.decode()
    assert "verder via de koppeling" not in html
    assert "geen volgende stap" in html
