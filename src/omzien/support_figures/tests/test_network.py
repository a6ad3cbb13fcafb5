"""Network maps: drawn on a chosen day, kept over time, intake compared with closure."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from omzien import testing
from omzien.support_figures import ecomap
from omzien.support_figures.models import NetworkMap, Tie

from . import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(client):
    geo = testing.geography()
    programme = testing.programme()
    request = testing.waiting_request(programme, geo["near"], last_name="Jansen")
    coordinator = testing.coordinator(programme)
    client.force_login(coordinator)
    return {
        "geo": geo,
        "programme": programme,
        "household": request.household,
        "coordinator": coordinator,
    }


def start_map(client, household) -> NetworkMap:
    url = reverse("support_figures:household_map", args=[household.pk])
    assert "beginnen" in client.get(url).content.decode()
    client.post(url)
    return NetworkMap.objects.get(household=household)


def add(client, network_map, **data):
    values = {"name": "Oma", "category": "family", "strength": "strong"} | data
    url = reverse("support_figures:add_tie", args=[network_map.pk])
    return client.post(url, {f"tie-{key}": value for key, value in values.items()})


def change(client, tie, strength, on):
    """Post the change form as it was shown for `tie`, with the version it had then."""
    url = reverse("support_figures:change_tie", args=[tie.pk])
    data = {"strength": strength, "on": on, "version": tie.version}
    return client.post(url, {f"tie{tie.pk}-{key}": value for key, value in data.items()})


def test_intake_and_closure_compared_the_informal_network_grew(client, world):
    network_map = start_map(client, world["household"])
    today = timezone.localdate()
    intake = today - timedelta(days=300)
    NetworkMap.objects.filter(pk=network_map.pk).update(started_on=intake)
    add(client, network_map, name="Oma", since=intake)
    add(
        client,
        network_map,
        name="Buurvrouw Ans",
        category="neighbour",
        strength="weak",
        since=intake,
    )
    add(
        client,
        network_map,
        name="Schoolmaatschappelijk werk",
        category="professional",
        since=intake,
    )
    ans = Tie.objects.get(name="Buurvrouw Ans")
    change(client, ans, "strong", (today - timedelta(days=100)).isoformat())
    school = Tie.objects.get(name="Schoolmaatschappelijk werk")
    change(client, school, "", (today - timedelta(days=20)).isoformat())  # ended
    add(
        client,
        network_map,
        name="Voetbaltrainer",
        category="sport",
        since=today - timedelta(days=50),
    )
    add(client, network_map, name="Vriendin Sara", category="friend")

    # The map on the intake day is as it was then.
    response = client.get(
        reverse("support_figures:map_detail", args=[network_map.pk]), {"op": intake.isoformat()}
    )
    assert {tie.name for tie, _form in response.context["rows"]} == {
        "Oma",
        "Buurvrouw Ans",
        "Schoolmaatschappelijk werk",
    }
    assert response.context["tie_form"] is None  # the past is not edited

    response = client.get(reverse("support_figures:compare_map", args=[network_map.pk]))
    comparison = response.context["comparison"]
    assert (comparison.informal_before, comparison.informal_after) == (2, 3)
    kinds = {row["name"]: row["kind"] for row in response.context["rows"]}
    assert kinds == {
        "Oma": "same",
        "Buurvrouw Ans": "stronger",
        "Schoolmaatschappelijk werk": "gone",
        "Voetbaltrainer": "new",
        "Vriendin Sara": "new",
    }
    assert "is gegroeid: van 2 naar 3" in response.content.decode()
    # Nothing was overwritten: Ans has two rows of one relationship.
    versions = Tie.objects.filter(name="Buurvrouw Ans").order_by("since")
    assert [t.strength for t in versions] == ["weak", "strong"]
    assert versions[1].origin_id == versions[0].pk


def test_the_eco_map_is_svg_with_a_list_as_its_text_alternative(client, world):
    network_map = start_map(client, world["household"])
    for i in range(14):
        add(
            client,
            network_map,
            name=f"Persoon {i}",
            strength=["strong", "weak", "stressful"][i % 3],
        )
    response = client.get(reverse("support_figures:map_detail", args=[network_map.pk]))
    html = response.content.decode()
    assert html.count('class="omzien-tie omzien-tie--') >= 14 + 4  # ties and the legend
    assert 'role="img"' in html and 'id="ties"' in html and "style=" not in html
    assert len(response.context["nodes"]) == 14


def test_a_tie_to_a_volunteer_of_another_organisation_is_refused(client, world):
    network_map = start_map(client, world["household"])
    own = testing.available_offer(world["programme"], world["geo"]["near"], last_name="Eigen")
    other = testing.available_offer(testing.programme(), world["geo"]["near"], last_name="Ander")
    response = add(
        client, network_map, name="Kees", category="volunteer", volunteer=other.volunteer.pk
    )
    assert response.status_code == 400
    assert "hoort niet bij uw programma's" in response.context["tie_form"].errors["volunteer"][0]
    assert (
        add(
            client, network_map, name="Kees", category="volunteer", volunteer=own.volunteer.pk
        ).status_code
        == 302
    )


def test_a_map_of_another_programme_cannot_be_opened_or_changed(client, world):
    other = testing.waiting_request(testing.programme(), world["geo"]["near"]).household
    network_map = NetworkMap.objects.create(household=other)
    tie = Tie.objects.create(network_map=network_map, name="Opa", category="family")
    assert (
        client.get(reverse("support_figures:map_detail", args=[network_map.pk])).status_code == 404
    )
    assert add(client, network_map).status_code == 404
    assert change(client, tie, "weak", date.today().isoformat()).status_code == 404
    url = reverse("support_figures:household_map", args=[other.pk])
    assert client.post(url).status_code == 404


def refused_form(response):
    return next(form for _tie, form in response.context["rows"] if form.errors)


def test_two_corrections_of_one_tie_at_once_the_second_is_refused(client, world):
    network_map = start_map(client, world["household"])
    add(client, network_map, name="Oma", strength="strong")
    shown = Tie.objects.get()  # both see it as it is now
    other = builders.browser_of(testing.coordinator(world["programme"]))
    today = timezone.localdate().isoformat()

    assert change(client, shown, "weak", today).status_code == 302
    response = change(other, shown, "stressful", today)

    assert response.status_code == 400 and builders.STALE in response.text
    assert refused_form(response)["strength"].value() == "stressful"
    assert Tie.objects.get().strength == "weak"


def test_a_change_to_a_tie_that_moved_on_meanwhile_is_refused_at_its_relationship(client, world):
    network_map = start_map(client, world["household"])
    month_ago = (timezone.localdate() - timedelta(days=30)).isoformat()
    add(client, network_map, name="Oma", strength="strong", since=month_ago)
    shown = Tie.objects.get()
    other = builders.browser_of(testing.coordinator(world["programme"]))
    today = timezone.localdate().isoformat()

    assert change(client, shown, "weak", today).status_code == 302  # a new row from today
    response = change(other, shown, "", today)  # the other one saw it stop

    assert response.status_code == 400 and builders.STALE in response.text
    current = Tie.objects.get(until__isnull=True)
    assert current.strength == "weak"
    rows = {tie.pk: form for tie, form in response.context["rows"]}
    assert list(rows) == [current.pk] and rows[current.pk] is refused_form(response)
    assert f'action="{reverse("support_figures:change_tie", args=[shown.pk])}"' in response.text


def test_layout_places_every_tie_around_the_centre():
    placed = ecomap.layout(list(range(6)), [f"naam {i}" for i in range(6)])
    for node in placed:
        distance = ((node.x - ecomap.CENTRE_X) ** 2 + (node.y - ecomap.CENTRE_Y) ** 2) ** 0.5
        assert distance == pytest.approx(ecomap.RINGS[0], abs=0.2)
        assert 0 <= node.label_x <= ecomap.WIDTH and 0 <= node.label_y <= ecomap.HEIGHT
    assert placed[0].y < ecomap.CENTRE_Y and placed[0].anchor == "middle"  # the first on top
    assert ecomap.short("Schoolmaatschappelijk werk") == "Schoolmaatschappe…"
