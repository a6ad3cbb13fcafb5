"""Closing a match with a reason, reopening it within 30 days, and a volunteer's changing room."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from omzien import testing
from omzien.demo.programmes import PROGRAMME_TYPES
from omzien.intake.models import Offer, OfferStatus, RequestStatus
from omzien.matches.models import Match, MatchStatus
from omzien.matches.schedule import plan_moments
from omzien.programmes.models import ProgrammeType

from .test_lifecycle import close

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(client):
    geo = testing.geography()
    programme = testing.programme(closure_reasons=["goals_reached", "mismatch", "other"])
    request = testing.waiting_request(programme, geo["near"])
    request.transition(RequestStatus.MATCHED)
    offer = testing.available_offer(programme, geo["near"])
    match = Match.objects.create(
        request=request,
        offer=offer,
        status=MatchStatus.CLOSING,
        started_on=timezone.localdate() - timedelta(days=200),
    )
    coordinator = testing.coordinator(programme)
    client.force_login(coordinator)
    return {"match": match, "geo": geo, "programme": programme, "coordinator": coordinator}


def reopen(client, match, reason="Het gezin wil toch verder."):
    return client.post(
        reverse("matches:match_reopen", args=[match.pk]),
        {"reopen-version": match.version, "reopen-reason": reason},
    )


def test_closing_records_reason_how_it_ended_and_specialist_care(client, world):
    match = world["match"]
    response = close(
        client,
        match,
        **{"closure-closure_reason": "mismatch", "closure-ended_early": "yes",
           "closure-specialist_care": "yes"},
    )  # fmt: skip
    assert response.status_code == 302
    match.refresh_from_db()
    assert match.status == MatchStatus.CLOSED and match.ended_on == timezone.localdate()
    assert (match.closure_reason, match.ended_early, match.specialist_care) == (
        "mismatch",
        True,
        True,
    )
    assert match.request.status == RequestStatus.CLOSED
    assert match.offer.status == OfferStatus.AVAILABLE  # ready for a new match
    page = client.get(reverse("matches:match_detail", args=[match.pk])).content.decode()
    assert "klikte niet" in page and "nee, eerder gestopt" in page


def test_the_reasons_are_the_programme_types_own(client, world):
    page = client.get(reverse("matches:match_detail", args=[world["match"].pk])).content.decode()
    assert "doelen bereikt" in page and "gezin verhuisd" not in page
    response = close(client, world["match"], **{"closure-closure_reason": "family_moved"})
    assert response.status_code == 400
    assert Match.objects.get(pk=world["match"].pk).status == MatchStatus.CLOSING


@pytest.mark.parametrize(
    "data,message",
    [
        ({"closure-closure_reason": "other"}, "Schrijf op wat de reden is"),
        ({"closure-ended_early": "yes"}, "gelopen zoals gepland"),
        ({"closure-specialist_care": ""}, "Dit veld is vereist"),
    ],
    ids=["other without text", "goals reached but early", "no answer"],
)
def test_incomplete_closure_is_refused_at_the_field(client, world, data, message):
    response = close(client, world["match"], **data)
    assert response.status_code == 400 and message in response.content.decode()
    assert Match.objects.get(pk=world["match"].pk).status == MatchStatus.CLOSING


def test_a_goodbye_withdraws_the_volunteer(client, world):
    close(client, world["match"], **{"closure-volunteer_next": "goodbye"})
    assert Offer.objects.get(pk=world["match"].offer_id).status == OfferStatus.WITHDRAWN


def test_reopening_within_30_days_once(client, world):
    match = world["match"]
    close(client, match)
    match.refresh_from_db()
    assert (
        "Koppeling heropenen"
        in client.get(reverse("matches:match_detail", args=[match.pk])).content.decode()
    )

    assert reopen(client, match).status_code == 302
    match.refresh_from_db()
    assert match.status == MatchStatus.ACTIVE and match.reopened_on == timezone.localdate()
    assert match.ended_on is None and match.closure_reason == ""
    assert match.request.status == RequestStatus.MATCHED

    Match.objects.filter(pk=match.pk).update(status=MatchStatus.CLOSING)
    match.refresh_from_db()
    close(client, match)
    match.refresh_from_db()
    response = reopen(client, match)
    assert response.status_code == 400 and "één keer heropend" in response.content.decode()


@pytest.mark.parametrize("days,allowed", [(30, True), (31, False)])
def test_reopening_around_the_30th_day(client, world, days, allowed):
    match = world["match"]
    close(client, match)
    Match.objects.filter(pk=match.pk).update(ended_on=timezone.localdate() - timedelta(days=days))
    match.refresh_from_db()
    response = reopen(client, match)
    assert (response.status_code == 302) is allowed
    assert Match.objects.get(pk=match.pk).status == (
        MatchStatus.ACTIVE if allowed else MatchStatus.CLOSED
    )


def test_reopening_is_refused_when_the_family_has_a_new_match(client, world):
    match = world["match"]
    close(client, match)
    match.refresh_from_db()
    other = testing.available_offer(world["programme"], world["geo"]["near"], last_name="Smit")
    Match.objects.create(request=match.request, offer=other)
    response = reopen(client, match)
    assert response.status_code == 400 and "andere koppeling" in response.content.decode()


def test_lowering_a_volunteers_capacity_keeps_their_matches(world):
    offer = world["match"].offer
    Match.objects.filter(pk=world["match"].pk).update(status=MatchStatus.ACTIVE)
    Offer.objects.filter(pk=offer.pk).update(capacity=2)
    second = testing.waiting_request(world["programme"], world["geo"]["near"], last_name="Kok")
    Match.objects.create(request=second, offer=offer, status=MatchStatus.ACTIVE)

    offer.capacity = 1
    offer.full_clean()
    offer.save()

    assert Match.objects.filter(offer=offer).open().count() == 2
    left = Offer.objects.with_capacity_left().get(pk=offer.pk).capacity_left
    assert left == -1  # no room for a third family until both matches have ended


@pytest.mark.parametrize("slug", sorted(PROGRAMME_TYPES))
def test_the_schedule_of_each_demo_programme_type(world, slug):
    programme = world["programme"]
    programme.programme_type = ProgrammeType.objects.create(slug=slug, **PROGRAMME_TYPES[slug])
    programme.save()
    started = timezone.localdate() - timedelta(days=10)

    moments = plan_moments(world["match"], started)

    expected = [
        (item["kind"], started + timedelta(days=item["after_days"]))
        for item in PROGRAMME_TYPES[slug]["schedule"]
    ]
    assert [(m.kind, m.due_on) for m in moments] == expected
    assert expected[0][0] == "check_in" and len(expected) >= 3


def test_a_match_cannot_reopen_after_the_volunteer_said_goodbye(client, world):
    match = world["match"]
    close(client, match, **{"closure-volunteer_next": "goodbye"})
    match.refresh_from_db()
    response = reopen(client, match)
    assert response.status_code == 400 and "afscheid genomen" in response.content.decode()
    assert Match.objects.get(pk=match.pk).status == MatchStatus.CLOSED
