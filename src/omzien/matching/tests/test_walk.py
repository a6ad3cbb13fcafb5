"""The coordinator's first walk: waiting list, a household, ranked candidates, a proposal."""

import pytest
from django.urls import reverse

from omzien import testing
from omzien.intake.models import Request, RequestStatus
from omzien.matches.models import Match, MatchStatus
from omzien.people.models import Household

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(client):
    geo = testing.geography()
    programme = testing.programme("Steungezinnen")
    other = testing.programme("Ander programma")
    request = testing.waiting_request(programme, geo["near"], days_waited=40, last_name="Bakker")
    near = testing.available_offer(programme, geo["near"], last_name="Dichtbij")
    far = testing.available_offer(programme, geo["far"], last_name="Verderop")
    too_far = testing.available_offer(programme, geo["far"], last_name="Tever", radius_km=2)
    foreign = testing.available_offer(other, geo["near"], last_name="Anders")
    coordinator = testing.coordinator(programme)
    client.force_login(coordinator)
    return {
        "request": request,
        "near": near,
        "far": far,
        "too_far": too_far,
        "foreign": foreign,
        "programme": programme,
        "other": other,
        "coordinator": coordinator,
    }


def test_waiting_list_shows_households_and_volunteers_of_own_programme(client, world):
    response = client.get(reverse("intake:waiting_list"))

    html = response.content.decode()
    assert "Gezin Bakker" in html and "Kees Dichtbij" in html
    assert "Kees Anders" not in html  # other programme
    assert ">40<" in html  # days waited


def test_request_page_has_what_the_coordinator_needs_to_call_the_family(client, world):
    help_request = world["request"]
    help_request.household.parents.update(phone="06 12345678")
    Household.objects.filter(pk=help_request.household_id).update(languages=["nl", "ar"])
    Request.objects.filter(pk=help_request.pk).update(
        needs=["homework", "outings"], availability=["mon_morning", "mon_evening", "sat_afternoon"]
    )

    html = client.get(reverse("matching:request_detail", args=[help_request.pk])).content.decode()

    assert 'href="tel:0612345678"' in html and "sanne@example.org" in html
    assert "Nederlands, Arabisch" in html
    assert "hulp bij huiswerk, samen iets leuks doen" in html
    assert "maandag: ochtend, avond<br>zaterdag: middag" in html


def test_candidates_are_ranked_by_score_and_rules(client, world):
    response = client.get(reverse("matching:request_detail", args=[world["request"].pk]))

    candidates = [c.offer for c in response.context["result"].candidates]
    assert candidates[:2] == [world["near"], world["far"]]  # closer ranks higher
    assert world["too_far"] not in candidates  # outside their travel radius
    assert world["foreign"] not in candidates  # another programme


def test_proposal_becomes_a_match(client, world):
    response = client.post(
        reverse("matching:propose", args=[world["request"].pk]),
        {"offer": world["near"].pk},
        follow=True,
    )

    match = Match.objects.get()
    assert (match.request, match.offer, match.status) == (
        world["request"],
        world["near"],
        MatchStatus.PROPOSED,
    )
    assert match.proposed_by == world["coordinator"] and match.score > 0
    world["request"].refresh_from_db()
    assert world["request"].status == RequestStatus.MATCHED
    assert world["request"].status_changes.get().by == world["coordinator"]
    assert "Gezin Bakker" in response.content.decode()


def test_proposing_an_inadmissible_volunteer_is_refused_and_saves_nothing(client, world):
    response = client.post(
        reverse("matching:propose", args=[world["request"].pk]),
        {"offer": world["too_far"].pk},
        follow=True,
    )

    assert not Match.objects.exists()
    assert "Woont 4,5 km verderop; de vrijwilliger reist tot 2 km." in response.content.decode()
    world["request"].refresh_from_db()
    assert world["request"].status == RequestStatus.WAITING


def test_proposing_twice_is_refused(client, world):
    url = reverse("matching:propose", args=[world["request"].pk])
    client.post(url, {"offer": world["near"].pk})
    response = client.post(url, {"offer": world["far"].pk}, follow=True)

    assert Match.objects.count() == 1
    assert "wacht niet meer" in response.content.decode()


def test_volunteer_of_another_programme_cannot_be_proposed(client, world):
    client.post(
        reverse("matching:propose", args=[world["request"].pk]), {"offer": world["foreign"].pk}
    )

    assert not Match.objects.exists()


def test_request_outside_scope_is_not_found(client, world):
    foreign_request = testing.waiting_request(world["other"], testing.geography()["near"])

    assert (
        client.get(reverse("matching:request_detail", args=[foreign_request.pk])).status_code == 404
    )
    assert (
        client.post(
            reverse("matching:propose", args=[foreign_request.pk]), {"offer": 1}
        ).status_code
        == 404
    )


@pytest.mark.parametrize("name", ["intake:waiting_list", "matches:match_list"])
def test_analyst_is_refused_coordinator_pages(client, world, name):
    from omzien.access.roles import Role

    client.force_login(testing.user(Role.ANALYST))
    assert client.get(reverse(name)).status_code == 403


def test_anonymous_visitor_is_sent_to_log_in(client, world):
    client.logout()
    response = client.get(reverse("intake:waiting_list"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_pages_issue_a_bounded_number_of_queries(client, world, django_assert_max_num_queries):
    geo = testing.geography()
    for n in range(30):
        testing.waiting_request(
            world["programme"], geo["near"], last_name=f"Extra{n}", children_ages=(3, 7)
        )
        testing.available_offer(world["programme"], geo["near"], last_name=f"Extra{n}")
    for name, args in [
        ("intake:waiting_list", []),
        ("matches:match_list", []),
        ("matching:request_detail", [world["request"].pk]),
    ]:
        with django_assert_max_num_queries(18):
            assert client.get(reverse(name, args=args)).status_code == 200
