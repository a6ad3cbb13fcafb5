"""The social map: programmes serving a postcode, with waiting figures suppressed like the dashboards."""

import pytest

from omzien import testing
from omzien.geo.models import Municipality, PostcodeArea

from .conftest import PROGRAMMES, make_client, pointers

pytestmark = pytest.mark.django_db


@pytest.fixture
def elsewhere(db):
    """A programme in another municipality, and a postcode there."""
    other = Municipality.objects.create(code="GM9997", name="Anderstad")
    PostcodeArea.objects.create(pc4="9701", lat=53.0, lon=6.0, municipality=other)
    programme = testing.programme(name="Elders")
    programme.municipalities.add(other)
    return programme


def names(response) -> list[str]:
    return [p["name"] for p in response.json()["results"]]


def test_programmes_serving_a_postcode(api, token, programme, elsewhere):
    assert names(api.get(PROGRAMMES, token, params={"postcode": "9801"})) == ["Steun in de buurt"]
    assert names(api.get(PROGRAMMES, token, params={"postcode": "9701"})) == ["Elders"]
    assert names(api.get(PROGRAMMES, token)) == ["Elders", "Steun in de buurt"]
    assert names(api.get(PROGRAMMES, token, params={"serves": "youth"})) == []


def test_an_unknown_postcode_area_is_served_by_no_programme(api, token, programme):
    """The document allows any four digits, so an area we do not know is an empty list."""
    response = api.get(PROGRAMMES, token, params={"postcode": "1000"})
    assert response.status_code == 200
    assert names(response) == []


def test_an_empty_filter_is_refused_not_ignored(api, token, programme):
    response = api.get(PROGRAMMES, token, params={"serves": "", "postcode": ""})
    assert response.status_code == 400
    assert pointers(response) == {
        "serves": "Deze parameter is leeg. Geef een waarde, of laat hem weg.",
        "postcode": "Deze parameter is leeg. Geef een waarde, of laat hem weg.",
    }


def test_a_full_postcode_is_refused_so_it_never_stands_in_a_logged_address(api, token, programme):
    response = api.get(PROGRAMMES, token, params={"postcode": "9801 AB"})
    assert response.status_code == 400
    assert pointers(response) == {
        "postcode": "Vul alleen de vier cijfers van de postcode in, bijvoorbeeld 1234."
    }


def test_small_waiting_figures_are_hidden_never_zero(api, token, programme, geo):
    for days in (10, 20, 30):
        testing.waiting_request(programme, geo["near"], days_waited=days)

    shown = api.get(PROGRAMMES, token).json()["results"][0]

    assert shown["figures"] == {
        "waiting": None,
        "median_days_waiting": None,  # hidden with its count
        "volunteers_available": 0,  # nobody: zero points at no one
    }


def test_large_enough_waiting_figures_are_shown(api, token, programme, geo):
    for days in (10, 20, 30, 40, 50, 60):
        testing.waiting_request(programme, geo["near"], days_waited=days)
    for _ in range(5):
        testing.available_offer(programme, geo["near"])

    shown = api.get(PROGRAMMES, token).json()["results"][0]

    six = shown["figures"]["waiting"]
    assert six in (5, 10)  # 6, rounded to a multiple of five
    assert shown["figures"] == {
        "waiting": six,
        "median_days_waiting": 35,
        "volunteers_available": 5,
    }
    assert shown["organisation"]["name"].startswith("Organisatie")
    assert shown["municipalities"] == [{"code": "GM9998", "name": "Teststad"}]
    assert (shown["serves"], shown["min_age"], shown["max_age"]) == ("households", 0, 12)


def test_the_programme_list_has_a_fixed_number_of_queries(
    api, token, geo, django_assert_max_num_queries
):
    for i in range(5):
        programme = testing.programme(name=f"Programma {i}")
        programme.municipalities.add(geo["municipality"])
        testing.waiting_request(programme, geo["near"])
        testing.available_offer(programme, geo["near"])

    api.get(PROGRAMMES, token)  # the first call of a minute also opens the rate-limit window

    # Token, rate count, count, page, municipalities, waiting requests, available offers, log row.
    with django_assert_max_num_queries(9):  # and the audit row
        response = api.get(PROGRAMMES, token)
    assert response.json()["count"] == 5


def test_the_social_map_needs_its_scope(api, programme):
    _client, token = make_client(scopes=["referrals"])
    assert api.get(PROGRAMMES, token).status_code == 403
