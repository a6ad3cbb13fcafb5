"""Tokens: only a hash stored, each limited to its scopes, expiring, revocable, and every use logged."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from omzien.access.roles import Role
from omzien.api.models import ApiClient, ApiRequestLog, ApiToken, Scope
from omzien.api.tokens import issue_token

from .conftest import PROGRAMMES, REFERRALS, make_client, problem, referral_body

pytestmark = pytest.mark.django_db


def test_only_a_hash_of_the_token_is_stored(token):
    stored = ApiToken.objects.get()
    secret = token.rsplit("_", 1)[1]
    assert secret not in stored.key_hash and secret not in str(stored.__dict__)
    assert token.startswith(f"omz_{stored.prefix}_")


@pytest.mark.parametrize(
    "authorization,code",
    [
        (None, "not_authenticated"),
        ("Bearer omz_000000000000_nietbestaandgeheimmaarlang", "token_invalid"),
        ("Bearer twee delen", "token_malformed"),
        ("Basic dXNlcjpwYXNz", "not_authenticated"),
    ],
)
def test_no_valid_token_no_data(api, programme, authorization, code):
    headers = {"Authorization": authorization} if authorization else {}
    response = api.get(PROGRAMMES, **headers)

    assert response.status_code == 401
    assert problem(response)["code"] == code
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert "Steun in de buurt" not in response.text


def test_an_expired_token_is_refused_and_the_attempt_logged(api, referrer_client, programme):
    client, token = referrer_client
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    response = api.get(PROGRAMMES, token)

    assert response.status_code == 401
    assert problem(response)["code"] == "token_expired"
    assert problem(response)["detail"] == "Deze sleutel is verlopen. Vraag een nieuwe sleutel aan."
    log = ApiRequestLog.objects.get()
    assert (log.client, log.status, log.path) == (client, 401, PROGRAMMES)


def test_a_revoked_token_stops_working_at_once(api, token, programme):
    assert api.get(PROGRAMMES, token).status_code == 200
    ApiToken.objects.get().revoke()
    response = api.get(PROGRAMMES, token)
    assert response.status_code == 401 and problem(response)["code"] == "token_revoked"


def test_a_token_works_only_for_the_scopes_it_was_issued_for(api, programme):
    _client, token = make_client(scopes=[Scope.SOCIAL_MAP])

    response = api.post(REFERRALS, referral_body(programme), token)

    assert response.status_code == 403
    assert problem(response)["code"] == "insufficient_scope"
    assert api.get(PROGRAMMES, token).status_code == 200


def test_the_accounts_role_decides_as_on_the_web(api, programme, referrer_client):
    """A coordinator's account with a referrals scope still may not refer."""
    client, _token = referrer_client
    client.account.role = Role.COORDINATOR
    client.account.save()
    token = issue_token(client, [Scope.SOCIAL_MAP])[1]
    ApiToken.objects.filter(prefix=token.split("_")[1]).update(scopes=[Scope.REFERRALS])

    response = api.get(REFERRALS, token)

    assert response.status_code == 403 and problem(response)["code"] == "role_not_allowed"


def test_a_scope_is_never_issued_to_a_role_that_cannot_use_it():
    client, _token = make_client(role=Role.ANALYST, scopes=[Scope.SOCIAL_MAP])
    with pytest.raises(Exception, match="kan dit doel niet gebruiken"):
        issue_token(client, [Scope.REFERRALS])


def test_an_inactive_account_cannot_use_its_tokens(api, referrer_client, programme):
    client, token = referrer_client
    client.account.is_active = False
    client.account.save()
    response = api.get(PROGRAMMES, token)
    assert response.status_code == 401 and problem(response)["code"] == "account_inactive"


def test_every_use_is_logged_without_query_or_body(api, token, programme):
    api.get(PROGRAMMES, token, params={"postcode": "9801"})
    api.post(REFERRALS, referral_body(programme), token)

    logs = list(ApiRequestLog.objects.order_by("pk").values_list("path", "status", "operation"))

    assert logs == [
        (PROGRAMMES, 200, "programmes_list"),
        (REFERRALS, 201, "referrals_create"),
    ]
    assert not ApiRequestLog.objects.filter(path__contains="9801").exists()
    assert ApiToken.objects.get().last_used_at is not None


def test_create_api_client_prints_a_working_token_once(api, programme):
    out = StringIO()
    call_command(
        "create_api_client",
        "Regiesysteem",
        "--organisation=Buurtteam Oost",
        "--scopes",
        "referrals",
        "social_map",
        stdout=out,
    )
    token = out.getvalue().strip().splitlines()[-1]

    client = ApiClient.objects.get()
    assert client.account.role == Role.REFERRER and not client.account.has_usable_password()
    assert api.get(PROGRAMMES, token).status_code == 200
    created = api.post(REFERRALS, referral_body(programme), token).json()
    assert created["referrer_organisation"] == "Buurtteam Oost"


def test_create_api_client_refuses_a_scope_the_role_cannot_use():
    with pytest.raises(CommandError, match="kan dit doel niet gebruiken"):
        call_command(
            "create_api_client",
            "Monitor",
            "--organisation=Gemeente Teststad",
            "--role=analyst",
            "--scopes",
            "referrals",
            stdout=StringIO(),
        )
    assert not ApiClient.objects.exists()
