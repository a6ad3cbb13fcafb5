"""Aggregates out: the dashboard's own figures, suppressed the same way, for the monitor's account."""

import json

import pytest

from omzien import testing
from omzien.access.roles import Role
from omzien.api.models import Scope
from omzien.geo.models import District, Municipality

from .conftest import make_client, pointers, problem

pytestmark = pytest.mark.django_db

AGGREGATES = "/api/v1/aggregates/"


@pytest.fixture
def analyst_client(geo):
    return make_client(
        role=Role.ANALYST,
        scopes=[Scope.AGGREGATES],
        organisation="Gemeente Teststad",
        municipality=geo["municipality"],
    )


@pytest.fixture
def waiting(programme, geo):
    """Three families waiting in one programme (hidden), seven in another (shown)."""
    other = testing.programme(name="Tweede programma", min_age=0, max_age=12)
    other.municipalities.add(geo["municipality"])
    for days in (5, 10, 15):
        testing.waiting_request(programme, geo["near"], days_waited=days)
    for days in range(7):
        testing.waiting_request(other, geo["near"], days_waited=days * 10)
    return other


def test_the_api_gives_the_dashboards_numbers(api, client, analyst_client, waiting, programme):
    account_client, token = analyst_client
    client.force_login(account_client.account)

    for params in ({}, {"programme": programme.slug}, {"programme": waiting.slug}):
        from_api = api.get(AGGREGATES, token, params=params)
        page = client.get("/cijfers/", params)
        on_page = [f.as_dict() for f in page.context["key_figures"] + page.context["figures"]]

        assert from_api.status_code == 200, from_api.content
        assert list(from_api.json()["figures"].values()) == json.loads(json.dumps(on_page))


def test_small_numbers_are_hidden_as_on_the_dashboard(api, analyst_client, programme, waiting):
    _client, token = analyst_client

    hidden = api.get(AGGREGATES, token, params={"programme": programme.slug}).json()
    shown = api.get(AGGREGATES, token, params={"programme": waiting.slug}).json()

    def last_month(answer):
        return answer["figures"]["key_figures"]["rows"][0]

    assert hidden["threshold"] == 5
    assert last_month(hidden)["values"]["value"] is None
    assert "value" in last_month(hidden)["suppressed"]
    assert last_month(shown)["values"]["value"] in (5, 10)  # 7, rounded to a multiple of five


def test_wrong_choices_are_named(api, analyst_client, geo, programme):
    _client, token = analyst_client
    other = Municipality.objects.create(code="GM9997", name="Anderstad")
    District.objects.create(code="WK999701", name="Elders", municipality=other)

    wrong = api.get(
        AGGREGATES, token, params={"start": "2025-13", "level": "straat", "district": "WK999701"}
    )

    assert set(pointers(wrong)) == {"start", "level"}
    assert "district" in pointers(api.get(AGGREGATES, token, params={"district": "WK999701"}))


def test_an_analyst_sees_only_the_own_municipality(api, analyst_client, geo, programme):
    _client, token = analyst_client
    Municipality.objects.create(code="GM9997", name="Anderstad")
    response = api.get(AGGREGATES, token, params={"municipality": "GM9997"})
    assert "municipality" in pointers(response)


def test_an_account_without_programmes_gets_no_figures(api, db):
    _client, token = make_client(role=Role.ANALYST, scopes=[Scope.AGGREGATES])
    response = api.get(AGGREGATES, token)
    assert response.status_code == 403 and problem(response)["code"] == "no_scope"


def test_a_referrers_token_cannot_read_aggregates(api, token):
    response = api.get(AGGREGATES, token)
    assert response.status_code == 403 and problem(response)["code"] == "insufficient_scope"
