"""A programme serving Teststad, client systems with tokens, and a small JSON client."""

import json

import pytest

from omzien import testing
from omzien.access.roles import Role
from omzien.api.models import Scope
from omzien.api.tokens import create_client
from omzien.intake.tests.test_signup import years_ago

REFERRALS = "/api/v1/referrals/"
PROGRAMMES = "/api/v1/programmes/"


@pytest.fixture
def geo(db):
    return testing.geography()


@pytest.fixture
def programme(geo):
    programme = testing.programme(name="Steun in de buurt", min_age=0, max_age=12)
    programme.municipalities.add(geo["municipality"])
    return programme


def make_client(
    role: str = Role.REFERRER,
    scopes=(Scope.REFERRALS, Scope.SOCIAL_MAP),
    organisation: str = "Buurtteam Noord",
    **account_fields,
):
    """A client system acting as a new account of `role`; returns (client, raw token)."""
    account = testing.user(role, **account_fields)
    return create_client(
        name="Regiesysteem", organisation_name=organisation, account=account, scopes=scopes
    )


@pytest.fixture
def referrer_client(db):
    return make_client()


@pytest.fixture
def token(referrer_client):
    return referrer_client[1]


class Api:
    """Django's test client speaking JSON with a bearer token."""

    def __init__(self, client) -> None:
        self.client = client

    def headers(self, token, language, extra) -> dict:
        headers = {"Accept-Language": language, **extra}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return headers

    def get(self, path, token=None, *, language="nl", params=None, **headers):
        return self.client.get(path, params or {}, headers=self.headers(token, language, headers))

    def post(self, path, body, token=None, *, key="sleutel-0001", language="nl", **headers):
        if key:
            headers["Idempotency-Key"] = key
        content = body if isinstance(body, str | bytes) else json.dumps(body)
        return self.client.post(
            path,
            content,
            content_type=headers.pop("content_type", "application/json"),
            headers=self.headers(token, language, headers),
        )


@pytest.fixture
def api(client):
    return Api(client)


def referral_body(of, **changes) -> dict:
    """A complete, valid referral; a change to None leaves the field out."""
    body = {
        "programme": of.slug,
        "first_name": "Sanne",
        "last_name": "Jansen",
        "email": "sanne@example.org",
        "phone": "06 12345678",
        "postcode": "9801 ab",
        "languages": ["nl", "ar"],
        "household_type": "single_parent",
        "needs": ["outings", "homework"],
        "description": "Even lucht, en iemand die met Noor naar de bieb gaat.",
        "availability": ["wed_afternoon", "sat_morning"],
        "needs_shared_language": True,
        "children": [
            {"first_name": "Noor", "date_of_birth": years_ago(7)},
            {"first_name": "Daan", "date_of_birth": years_ago(5)},
        ],
        "consent": {"matching": True, "feedback_to_referrer": True},
    } | changes
    return {key: value for key, value in body.items() if value is not None}


def problem(response) -> dict:
    assert response["Content-Type"] == "application/problem+json", response.content
    body = response.json()
    assert body["status"] == response.status_code
    assert {"type", "title", "detail", "code", "instance"} <= set(body)
    return body


def pointers(response) -> dict[str, str]:
    return {
        e.get("pointer") or e.get("parameter"): e["detail"] for e in problem(response)["errors"]
    }
