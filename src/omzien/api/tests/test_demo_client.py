"""The demo's API client: a fixed token for the demo referrer, never in production."""

from types import SimpleNamespace

import pytest

from omzien import testing
from omzien.access.roles import Role
from omzien.api.models import ApiClient
from omzien.demo.api_clients import DEMO_TOKEN, create_api_clients, token_lines

from .conftest import PROGRAMMES, REFERRALS, problem, referral_body

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    referrer = testing.user(Role.REFERRER)
    referrer.username = "verwijzer"
    referrer.save()
    return SimpleNamespace(users={"verwijzer": referrer})


def test_the_demo_token_refers_as_the_demo_referrer(api, demo, programme):
    create_api_clients(demo)

    created = api.post(REFERRALS, referral_body(programme), DEMO_TOKEN)

    assert created.status_code == 201
    assert created.json()["referrer_organisation"] == "Buurtteam Voorbeeldstad"
    assert api.get(PROGRAMMES, DEMO_TOKEN).status_code == 200
    assert token_lines()[-1] == f"API-sleutel: {DEMO_TOKEN}"


def test_no_demo_token_in_production(demo, settings):
    settings.PRODUCTION = True
    assert create_api_clients(demo) is None
    assert not ApiClient.objects.exists() and token_lines() == []


def test_the_demo_token_is_refused_in_production(api, demo, settings):
    """A demo database copied to production: the public token must not open the API."""
    create_api_clients(demo)
    settings.PRODUCTION = True

    response = api.get(PROGRAMMES, DEMO_TOKEN)

    assert response.status_code == 401
    assert problem(response)["code"] == "demo_in_production"
