"""The morning page shows what needs attention, and only of the coordinator's own programme."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from omzien import testing
from omzien.matches.models import Contact, Match, MatchStatus
from omzien.matches.schedule import plan_moments
from omzien.screening.models import Certificate

pytestmark = pytest.mark.django_db


def active_match(programme, area, *, days_ago, last_name):
    request = testing.waiting_request(programme, area, last_name=last_name)
    request.transition("matched")
    offer = testing.available_offer(programme, area, last_name=last_name)
    started = timezone.localdate() - timedelta(days=days_ago)
    match = Match.objects.create(
        request=request, offer=offer, status=MatchStatus.ACTIVE, started_on=started
    )
    plan_moments(match, started)
    return match


@pytest.fixture
def world(client):
    geo = testing.geography()
    programme = testing.programme(trial_period_days=42, max_days_without_contact=30)
    coordinator = testing.coordinator(programme)
    client.force_login(coordinator)
    return {"geo": geo, "programme": programme}


def sections(client):
    return client.get(reverse("matches:today")).context


def test_overdue_due_quiet_trial_and_certificates(client, world, django_assert_max_num_queries):
    near = world["geo"]["near"]
    overdue = active_match(
        world["programme"], near, days_ago=20, last_name="Laat"
    )  # check-in due day 14
    due = active_match(
        world["programme"], near, days_ago=10, last_name="Binnenkort"
    )  # check-in due in 4 days
    quiet = active_match(world["programme"], near, days_ago=100, last_name="Stil")
    Contact.objects.create(match=quiet, on=timezone.localdate() - timedelta(days=40), kind="call")
    talked = active_match(world["programme"], near, days_ago=100, last_name="Gesproken")
    Contact.objects.create(match=talked, on=timezone.localdate() - timedelta(days=3), kind="visit")
    trial = active_match(
        world["programme"], near, days_ago=35, last_name="Proef"
    )  # trial ends in 7 days
    Certificate.objects.filter(volunteer=trial.offer.volunteer).update(
        valid_until=timezone.localdate() + timedelta(days=10)
    )
    other = active_match(testing.programme(), near, days_ago=20, last_name="Ander")

    with django_assert_max_num_queries(20):
        context = sections(client)

    assert overdue in {m.match for m in context["overdue"]["rows"]}
    assert due in {m.match for m in context["due"]["rows"]} and due not in {
        m.match for m in context["overdue"]["rows"]
    }
    assert quiet in set(context["quiet"]["rows"]) and talked not in set(context["quiet"]["rows"])
    assert list(context["trial"]["rows"]) == [trial]
    assert [c.volunteer for c in context["certificates"]["rows"]] == [trial.offer.volunteer]
    assert other not in {m.match for m in context["overdue"]["rows"]}


def test_a_paused_match_is_not_overdue(client, world):
    match = active_match(
        world["programme"], world["geo"]["near"], days_ago=20, last_name="Vakantie"
    )
    Match.objects.filter(pk=match.pk).update(status=MatchStatus.PAUSED)

    assert not sections(client)["overdue"]["rows"]


def test_a_long_section_shows_the_most_urgent_first_and_says_there_are_more(
    client, world, monkeypatch
):
    monkeypatch.setattr("omzien.matches.views.TODAY_ROWS", 2)
    near = world["geo"]["near"]
    late = [
        active_match(world["programme"], near, days_ago=days, last_name=f"Laat{days}")
        for days in (20, 40, 30)
    ]
    response = client.get(reverse("matches:today"))
    shown = [m.match for m in response.context["overdue"]["rows"]]
    assert shown == [late[1], late[2]]  # the longest overdue first
    assert response.context["overdue"]["more"]
    assert "Hier staan de eerste 2; er zijn er meer." in response.content.decode()


def test_a_match_is_in_its_requests_programme(world):
    """Coordinators find matches by the programme the match carries: it must be the request's."""
    match = active_match(world["programme"], world["geo"]["near"], days_ago=5, last_name="Eigen")
    match.refresh_from_db()
    assert match.programme_id == match.request.programme_id == world["programme"].pk
