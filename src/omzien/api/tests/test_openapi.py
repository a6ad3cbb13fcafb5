"""Schemathesis against the served OpenAPI document: no server errors, every answer as documented.

A bounded number of examples per operation, derandomized (a fixed seed), so `make test` stays
quick and a failure repeats; valid and invalid inputs alike, sent with a working token.
(Schemathesis' own pytest plugin does not run under pytest 9 yet, so hypothesis drives its
strategies here directly.)
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    ignored_auth,
    negative_data_rejection,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from omzien import testing
from omzien.access.roles import Role
from omzien.api.models import ApiClient, Scope
from omzien.intake.models import Referral

from .conftest import make_client, referral_body

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = 50
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
    ignored_auth,
    negative_data_rejection,
]
# Filters only read: any value the document allows must give a list, never a 400.
FILTERS = {"GET /api/v1/programmes/", "GET /api/v1/referrals/"}
OPERATIONS = {
    "GET /api/v1/aggregates/",
    "GET /api/v1/programmes/",
    "GET /api/v1/referrals/",
    "POST /api/v1/referrals/",
    "GET /api/v1/referrals/{id}/",
}


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """The WSGI app closes the database connection after each request, which would end the
    test's transaction; Django's test client switches that off in the same way."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def api_token(programme, geo):
    """A referrer's token; figures enough that not everything is hidden."""
    for days in range(6):
        testing.waiting_request(programme, geo["near"], days_waited=days)
    client, token = make_client()
    ApiClient.objects.filter(pk=client.pk).update(rate_limit=1_000_000)
    return token


@pytest.fixture
def analyst_token(geo):
    client, token = make_client(
        role=Role.ANALYST, scopes=[Scope.AGGREGATES], municipality=geo["municipality"]
    )
    ApiClient.objects.filter(pk=client.pk).update(rate_limit=1_000_000)
    return token


@pytest.fixture
def operations(api_token):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    return [result.ok() for result in schema.get_all_operations()]


def test_every_operation_is_tested(operations):
    assert {operation.label for operation in operations} == OPERATIONS


def keeps_to_document(strategy, token: str, checks=CHECKS) -> None:
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def check(case):
        # Uncompressed: the checks read the body as it is sent.
        headers = {"Authorization": f"Bearer {token}", "Accept-Encoding": "identity"}
        case.call_and_validate(headers=headers, checks=checks)

    check()


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_the_api_keeps_to_its_document(operations, api_token, analyst_token, mode):
    for operation in operations:
        token = analyst_token if "aggregates" in operation.path else api_token
        checks = [*CHECKS, positive_data_acceptance] if operation.label in FILTERS else CHECKS
        keeps_to_document(operation.as_strategy(generation_mode=mode), token, checks)


def test_successful_answers_keep_to_the_document_too(
    operations, api_token, analyst_token, programme
):
    """Random postcodes and numbers rarely exist: here a valid body, and a referral of our own."""
    by_label = {operation.label: operation for operation in operations}
    create = by_label["POST /api/v1/referrals/"]
    body = referral_body(programme, email="fatima@example.org")
    keeps_to_document(create.as_strategy(body=body), api_token)
    # The first referral; a try under a new key refers the family again, as for any family.
    own = Referral.objects.order_by("pk").first().pk
    read = by_label["GET /api/v1/referrals/{id}/"]
    keeps_to_document(read.as_strategy(path_parameters={"id": own}), api_token)
    figures = by_label["GET /api/v1/aggregates/"]
    keeps_to_document(figures.as_strategy(query={"level": "district"}), analyst_token)
