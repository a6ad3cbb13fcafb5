"""Each client has its own rate limit; above it, 429 with Retry-After."""

import pytest

from omzien.api.models import ApiClient, ApiRequestLog

from .conftest import PROGRAMMES, make_client, problem

pytestmark = pytest.mark.django_db


def test_a_client_over_its_limit_gets_429_with_retry_after(api, referrer_client, programme):
    client, token = referrer_client
    ApiClient.objects.filter(pk=client.pk).update(rate_limit=2)
    _other, other_token = make_client(organisation="Buurtteam Zuid")

    answers = [api.get(PROGRAMMES, token).status_code for _ in range(3)]
    refused = api.get(PROGRAMMES, token)

    assert answers == [200, 200, 429]
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert problem(refused)["code"] == "throttled"
    assert problem(refused)["detail"].startswith("Te veel verzoeken van deze koppeling.")
    assert api.get(PROGRAMMES, other_token).status_code == 200  # another client is not held up
    assert ApiRequestLog.objects.filter(status=429).count() == 2
