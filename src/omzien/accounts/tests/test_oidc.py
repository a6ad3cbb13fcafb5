"""Single sign-on: only existing accounts, found by a verified e-mail address; off by default."""

import pytest

from omzien import testing
from omzien.access.roles import Role
from omzien.accounts.oidc import ExistingAccountsOnly
from omzien.conf.tests.test_settings import omzien

OIDC = {
    "OMZIEN_OIDC_CLIENT_ID": "omzien",
    "OMZIEN_OIDC_CLIENT_SECRET": "geheim",
    "OMZIEN_OIDC_AUTHORIZATION_ENDPOINT": "https://login.example.org/authorize",
    "OMZIEN_OIDC_TOKEN_ENDPOINT": "https://login.example.org/token",
    "OMZIEN_OIDC_USER_ENDPOINT": "https://login.example.org/userinfo",
    "OMZIEN_OIDC_JWKS_ENDPOINT": "https://login.example.org/jwks",
}


@pytest.fixture
def backend(settings):
    settings.OIDC_RP_CLIENT_SECRET = "geheim"
    settings.OIDC_OP_TOKEN_ENDPOINT = OIDC["OMZIEN_OIDC_TOKEN_ENDPOINT"]
    settings.OIDC_OP_USER_ENDPOINT = OIDC["OMZIEN_OIDC_USER_ENDPOINT"]
    settings.OIDC_OP_JWKS_ENDPOINT = OIDC["OMZIEN_OIDC_JWKS_ENDPOINT"]
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    return ExistingAccountsOnly()


@pytest.mark.django_db
def test_an_existing_account_is_found_by_its_verified_email(backend):
    user = testing.user(Role.COORDINATOR, email="Marieke@Example.org")
    claims = {"email": "marieke@example.org", "email_verified": True}
    assert list(backend.filter_users_by_claims(claims)) == [user]
    assert not backend.filter_users_by_claims(claims | {"email_verified": False}).exists()


@pytest.mark.django_db
def test_nobody_gets_an_account_by_signing_in(backend):
    assert backend.create_user({"email": "onbekend@example.org"}) is None


def test_sign_on_is_off_unless_configured_and_then_offered_on_the_log_in_page():
    show = "from django.urls import reverse; print(reverse('oidc_authentication_init'))"
    assert omzien("shell", "-c", show).returncode != 0
    result = omzien("shell", "-c", show, **OIDC)
    assert result.stdout.strip().splitlines()[-1] == "/sso/authenticate/"
