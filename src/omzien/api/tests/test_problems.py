"""Bad input gets a 4xx problem that says what is wrong: never a 500, never an HTML page."""

import json

import pytest

from omzien.intake.models import Referral

from .conftest import PROGRAMMES, REFERRALS, pointers, problem, referral_body

pytestmark = pytest.mark.django_db


def test_malformed_json_says_where(api, token, programme):
    response = api.post(REFERRALS, '{"first_name": "Sanne",,}', token)
    body = problem(response)
    assert response.status_code == 400 and body["code"] == "malformed_json"
    assert body["detail"] == "Dit is geen geldige JSON (regel 1, kolom 24)."


@pytest.mark.parametrize(
    "payload",
    [b"\xff\xfe{}", "[" * 100_000 + "]" * 100_000, '{"a": NaN}', "[1, 2]", '"tekst"', "null"],
)
def test_other_broken_bodies_are_refused_cleanly(api, token, programme, settings, payload):
    settings.OMZIEN_API_MAX_BODY_BYTES = 1_000_000
    response = api.post(REFERRALS, payload, token)
    assert response.status_code == 400
    assert problem(response)["code"] in {"malformed_json", "validation_error"}


def test_wrong_types_and_unknown_fields_are_named(api, token, programme):
    body = referral_body(
        programme,
        first_name=12,
        needs_shared_language="ja",
        languages="nl",
        children=[{"first_name": "Noor", "date_of_birth": "2019-02-30", "shoe_size": 28}],
        nickname="Sans",
    )

    errors = pointers(api.post(REFERRALS, body, token))

    assert errors == {
        "#/first_name": "Vul hier tekst in (een JSON-string).",
        "#/needs_shared_language": "Vul hier true of false in.",
        "#/languages": 'Verwachtte een lijst met items, maar kreeg type "str".',
        "#/children/0/date_of_birth": errors["#/children/0/date_of_birth"],
        "#/children/0/shoe_size": "Dit veld bestaat niet.",
        "#/nickname": "Dit veld bestaat niet.",
    }
    assert not Referral.objects.exists()


def test_missing_fields_are_named_in_english_on_request(api, token, programme):
    response = api.post(REFERRALS, {"programme": programme.slug}, token, language="en-GB,en;q=0.9")

    assert response["Content-Language"] == "en"
    assert pointers(response)["#/first_name"] == "This field is required."
    assert {"#/last_name", "#/postcode", "#/children", "#/consent"} <= set(pointers(response))


def test_dutch_is_the_default_language(api, token):
    response = api.post(REFERRALS, {}, token, language="")
    assert response["Content-Language"] == "nl"
    assert pointers(response)["#/first_name"] == "Dit veld is vereist."
    assert api.post(REFERRALS, {}, token, language="fr")["Content-Language"] == "nl"


def test_huge_bodies_are_refused_before_reading(api, token, programme):
    body = referral_body(programme, description="x" * 70_000)
    response = api.post(REFERRALS, json.dumps(body), token)
    assert response.status_code == 413 and problem(response)["code"] == "payload_too_large"


def test_form_posts_and_other_formats_are_refused(api, token, programme):
    form = api.post(
        REFERRALS, "first_name=Sanne", token, content_type="application/x-www-form-urlencoded"
    )
    xml = api.get(PROGRAMMES, token, Accept="application/xml")
    assert form.status_code == 415 and problem(form)["code"] == "unsupported_media_type"
    assert xml.status_code == 406 and problem(xml)["code"] == "not_acceptable"


def test_unknown_paths_and_methods_get_problems_too(api, token, client):
    missing = api.get("/api/v1/gezinnen/", token)
    method = client.delete(REFERRALS, headers={"Authorization": f"Bearer {token}"})

    assert missing.status_code == 404 and problem(missing)["code"] == "not_found"
    assert method.status_code == 405 and problem(method)["code"] == "method_not_allowed"


def test_a_problem_links_to_its_explanation(api):
    body = problem(api.get(PROGRAMMES))
    assert body["type"] == "http://testserver/api/v1/docs/#problem-not_authenticated"
    assert body["instance"] == PROGRAMMES
    assert body["title"] == "Niet aangemeld"


def test_an_unexpected_failure_is_a_problem_without_internals(api, token, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database gone: SELECT secret FROM people")

    monkeypatch.setattr("omzien.api.views.programmes.programmes_serving", broken)

    response = api.get(PROGRAMMES, token)

    assert response.status_code == 500 and problem(response)["code"] == "server_error"
    assert "secret" not in response.text


def test_huge_path_numbers_are_not_found(api, token):
    assert api.get(f"{REFERRALS}{2**70}/", token).status_code == 404
