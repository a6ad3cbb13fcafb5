"""The OpenAPI document at a stable address, and a reference page that loads nothing from outside."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_document_is_served_as_json_and_yaml(client):
    document = client.get("/api/v1/openapi.json")
    yaml = client.get("/api/v1/openapi.yaml")

    assert document.status_code == yaml.status_code == 200
    schema = document.json()
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/v1/referrals/",
        "/api/v1/referrals/{id}/",
        "/api/v1/programmes/",
        "/api/v1/aggregates/",
    }
    assert schema["components"]["securitySchemes"]["apiToken"]["scheme"] == "bearer"
    assert schema["components"]["schemas"]["ReferralInput"]["additionalProperties"] is False
    assert b"openapi:" in yaml.content


def test_the_reference_page_describes_every_operation_without_outside_resources(client):
    response = client.get("/api/v1/docs/")

    assert response.status_code == 200
    html = response.text
    for operation in (
        "POST /api/v1/referrals/",
        "GET /api/v1/referrals/{id}/",
        "GET /api/v1/programmes/",
    ):
        assert operation in html
    assert 'id="problem-token_expired"' in html and 'id="schema-ReferralInput"' in html
    outside = [
        url
        for url in re.findall(r'(?:src|href)="([^"]+)"', html)
        if url.startswith(("http:", "https:", "//"))
    ]
    assert outside == []
    assert "<script>" not in html and "style=" not in html
    assert "a hidden count is <code>null</code>" in html
