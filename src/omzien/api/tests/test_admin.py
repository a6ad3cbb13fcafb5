"""Functional management issues a token that is shown once, and revokes tokens."""

import pytest

from omzien.api.models import ApiRequestLog, ApiToken

from .conftest import PROGRAMMES

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("beheer", password="wachtwoord-lang-123")
    client.force_login(user)
    return client


def test_a_new_token_is_shown_once_and_works(admin, api, referrer_client, programme):
    client, _first = referrer_client

    response = admin.post(
        "/beheer/api/apitoken/add/",
        {"client": client.pk, "scopes": ["social_map"], "days": 30},
        follow=True,
    )

    shown = [str(m) for m in response.context["messages"]]
    token = next(word for message in shown for word in message.split() if word.startswith("omz_"))
    assert api.get(PROGRAMMES, token).status_code == 200
    assert ApiToken.objects.get(prefix=token.split("_")[1]).scopes == ["social_map"]
    assert token not in admin.get(response.request["PATH_INFO"]).text


def test_a_scope_the_role_cannot_use_is_refused(admin, referrer_client):
    client, _token = referrer_client
    response = admin.post(
        "/beheer/api/apitoken/add/", {"client": client.pk, "scopes": ["aggregates"], "days": 30}
    )
    assert response.status_code == 200 and "kan dit doel niet gebruiken" in response.text
    assert ApiToken.objects.count() == 1


def test_revoking_from_the_list_stops_the_token(admin, api, token, programme):
    admin.post(
        "/beheer/api/apitoken/",
        {
            "action": "revoke",
            "_selected_action": list(ApiToken.objects.values_list("pk", flat=True)),
        },
    )
    assert api.get(PROGRAMMES, token).status_code == 401


def test_the_request_log_can_be_read_not_changed(admin, api, token, programme):
    api.get(PROGRAMMES, token)
    log = ApiRequestLog.objects.get()
    assert admin.get("/beheer/api/apirequestlog/").status_code == 200
    assert (
        admin.post(f"/beheer/api/apirequestlog/{log.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert ApiRequestLog.objects.exists()
