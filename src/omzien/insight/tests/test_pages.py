"""Who may see the figure pages, and what they see: aggregates of their own scope only."""

from datetime import date

import pytest
from django.urls import reverse

from omzien import testing
from omzien.access.roles import Role
from omzien.insight.dashboard import dashboard_figures
from omzien.insight.forms import filters_for
from omzien.insight.places import NEIGHBOURHOOD
from omzien.insight.recruit import where_to_recruit

from . import builders

pytestmark = pytest.mark.django_db

PAGES = ["dashboard", "map", "recruit", "themes", "yearly"]
LAST_YEAR = {"start": "2025-01", "end": "2025-12"}


@pytest.fixture
def world():
    here, there = builders.town(), builders.town("GM9991", "Anderstad")
    programme = builders.programme(here, there)
    for _ in range(6):
        builders.family(
            programme, here.areas[0], signed_up=date(2025, 1, 1), waiting_since=date(2025, 2, 1),
            themes=["money"],
        )  # fmt: skip
    return {"here": here, "there": there, "programme": programme}


def analyst(town):
    return testing.user(Role.ANALYST, municipality=town.municipality)


def key_figure(client, key: str, **params):
    response = client.get(reverse("insight:dashboard"), params)
    return response.context["key_figures"][0].row(key).values["value"]


@pytest.mark.parametrize(
    "role",
    [
        Role.VOLUNTEER,
        Role.PARENT,
        Role.YOUTH,
        Role.REFERRER,
        Role.CARE_PROFESSIONAL,
        Role.RESEARCHER,
    ],
)
def test_people_without_a_figures_role_are_refused(client, world, role):
    client.force_login(testing.user(role))
    for name in PAGES:
        assert client.get(reverse(f"insight:{name}")).status_code == 403, name


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("insight:dashboard"))
    assert response.status_code == 302 and reverse("login") in response.url


def test_the_analyst_sees_the_figures_of_their_municipality(client, world):
    client.force_login(analyst(world["here"]))
    assert key_figure(client, "waiting") in (5, 10)  # 6, rounded to a multiple of five
    response = client.get(reverse("insight:themes"), LAST_YEAR)
    assert b"Noord" in response.content


def test_an_analyst_of_another_municipality_sees_nothing_of_this_one(client, world):
    other = analyst(world["there"])
    client.force_login(other)
    # Asking for the other municipality changes nothing: an analyst's municipality is fixed.
    assert key_figure(client, "waiting", municipality="GM9990") == 0
    _form, filters = filters_for(other, {"municipality": "GM9990", **LAST_YEAR})
    assert filters.municipality == world["there"].municipality
    assert dashboard_figures(filters)["empty"]
    themes = client.get(reverse("insight:themes"), {"municipality": "GM9990"})
    assert all(row["key"].startswith("BU9991") for row in themes.context["rows"])


def test_a_coordinator_sees_only_their_own_programmes(client, world):
    client.force_login(testing.coordinator(builders.programme(world["here"])))
    assert key_figure(client, "waiting") == 0
    client.force_login(testing.coordinator(world["programme"]))
    assert key_figure(client, "waiting") in (5, 10)  # 6, rounded to a multiple of five
    assert client.get(reverse("insight:yearly")).status_code == 403


def test_an_analyst_without_a_municipality_is_told_so(client, world):
    client.force_login(testing.user(Role.ANALYST))
    response = client.get(reverse("insight:dashboard"))
    assert b"geen programma" in response.content


def test_pages_show_every_chart_as_a_table_and_run_few_queries(
    client, world, django_assert_max_num_queries
):
    client.force_login(analyst(world["here"]))
    for name, bound in (("dashboard", 30), ("map", 25), ("recruit", 20), ("themes", 20)):
        with django_assert_max_num_queries(bound):
            response = client.get(reverse(f"insight:{name}"), LAST_YEAR)
        assert response.status_code == 200
    dashboard = client.get(reverse("insight:dashboard"), LAST_YEAR).content.decode()
    assert dashboard.count("<svg") == dashboard.count("<table") - 1  # reach has no chart
    assert dashboard.count("<caption") == dashboard.count("<table")
    assert "<script>" not in dashboard and 'style="' not in dashboard


def test_the_number_of_queries_does_not_grow_with_the_data(
    client, world, django_assert_max_num_queries
):
    here = world["here"]
    for i in range(40):
        builders.match(
            world["programme"], here.areas[i % 3], signed_up=date(2024, 6, 1),
            started=date(2024, 9, 1 + i % 20), hours=[(date(2025, 3, 1), "2")],
        )  # fmt: skip
    client.force_login(analyst(here))
    with django_assert_max_num_queries(30):
        client.get(reverse("insight:dashboard"), LAST_YEAR)
    with django_assert_max_num_queries(25):
        client.get(reverse("insight:map"), LAST_YEAR)


def test_the_map_gets_its_data_as_a_data_island(client, world):
    client.force_login(analyst(world["here"]))
    response = client.get(reverse("insight:map"), {**LAST_YEAR, "figure": "waiting"})
    content = response.content.decode()
    assert '<script id="map-data" type="application/json">' in content
    assert response.context["map_data"]["measure"] == "waiting"
    noord = response.context["map_data"]["texts"][world["here"].hoods[0].code]
    assert noord["waiting"] in ("5", "10")  # 6, rounded to a multiple of five


def test_where_to_recruit_ranks_the_biggest_shortfall_first(world):
    here, programme = world["here"], world["programme"]
    for _ in range(6):
        builders.family(
            programme, here.areas[2], signed_up=date(2025, 1, 1), waiting_since=date(2025, 2, 1)
        )
        testing.available_offer(programme, here.areas[2], radius_km=1)
    _form, filters = filters_for(analyst(here), {})
    figure = where_to_recruit(filters, NEIGHBOURHOOD)

    noord, oost, zuid = (figure.row(h.code).values for h in here.hoods)
    six = noord["waiting"]
    assert six in (5, 10)  # 6, rounded to a multiple of five
    assert noord == {"waiting": six, "volunteers": 0, "shortfall": six, "rank": 1}
    assert zuid["volunteers"] in (5, 10) and zuid["shortfall"] == 0 and zuid["rank"] is None
    assert oost["rank"] is None
    assert [row.label for row in figure.rows] == ["Noord", "Oost", "Zuid"]


def test_a_volunteer_of_another_programme_does_not_meet_the_shortfall(world):
    here, other = world["here"], builders.programme(world["here"])
    for _ in range(5):
        testing.available_offer(other, here.areas[0])
    _form, filters = filters_for(analyst(here), {})
    noord = where_to_recruit(filters, NEIGHBOURHOOD).row(here.hoods[0].code).values
    assert noord["waiting"] in (5, 10) and noord["shortfall"] == noord["waiting"]
    assert (noord["volunteers"], noord["rank"]) == (5, 1)


def test_a_filter_that_leaves_too_few_shows_them_hidden_not_as_zero(client, world):
    small = builders.programme(world["here"])
    for _ in range(2):
        builders.family(
            small,
            world["here"].areas[1],
            signed_up=date(2025, 1, 1),
            waiting_since=date(2025, 2, 1),
        )
    client.force_login(analyst(world["here"]))
    response = client.get(reverse("insight:dashboard"), {"programme": small.slug})
    assert response.context["key_figures"][0].row("waiting").values["value"] is None
    html = response.content.decode()
    waiting = html[html.index('data-key="waiting"') :]
    assert waiting[: waiting.index("</dd>")].endswith(
        '<span class="omzien-figure-missing">niet getoond</span>'
    )


def test_a_wrong_period_is_explained_at_the_field(client, world):
    client.force_login(analyst(world["here"]))
    response = client.get(reverse("insight:dashboard"), {"start": "2025-06", "end": "2025-01"})
    assert not response.context["figures"]
    assert "Kies een maand die niet voor de eerste maand ligt." in response.content.decode()
