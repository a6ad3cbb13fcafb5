"""Referrals in through the API: the same rows as the web form, made once, and only the step out."""

import pytest

from omzien import testing
from omzien.access.roles import Role
from omzien.api.models import ApiRequestLog
from omzien.intake.models import Referral, Request, RequestStatus
from omzien.intake.tests.test_referrals import referral_data
from omzien.intake.tests.test_signup import years_ago
from omzien.people.models import Child, Household, Parent
from omzien.privacy.models import Consent, Purpose

from .conftest import REFERRALS, make_client, pointers, problem, referral_body

pytestmark = pytest.mark.django_db


def test_client_refers_a_family_and_gets_its_number_back(api, token, programme, mailoutbox):
    response = api.post(REFERRALS, referral_body(programme), token)

    assert response.status_code == 201, response.content
    referral = Referral.objects.get()
    assert response["Location"] == f"{REFERRALS}{referral.pk}/"
    assert response.json() == {
        "id": referral.pk,
        "created_at": response.json()["created_at"],
        "referrer_organisation": "Buurtteam Noord",
        "programme": {"slug": programme.slug, "name": "Steun in de buurt"},
        "status": "received",
        "status_label": "Ontvangen",
        "feedback_allowed": True,
    }
    assert referral.request.status == RequestStatus.SIGNED_UP
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["sanne@example.org"]


def rows_of(referral: Referral) -> dict:
    """Everything a referral stored, by value: no keys, no timestamps."""
    household = referral.request.household
    return {
        "referral": Referral.objects.filter(pk=referral.pk).values(
            "referrer_organisation", "request__status", "request__programme"
        )[0],
        "request": Request.objects.filter(pk=referral.request_id).values(
            "description", "needs", "themes", "availability", "needs_shared_language", "status"
        )[0],
        "household": Household.objects.filter(pk=household.pk).values(
            "postcode",
            "postcode_area",
            "languages",
            "household_type",
            "accepts_pets",
            "accepts_smoking",
        )[0],
        "parents": list(
            Parent.objects.filter(household=household).values(
                "first_name", "last_name", "email", "phone"
            )
        ),
        "children": list(
            Child.objects.filter(household=household).values("first_name", "date_of_birth")
        ),
        "consents": sorted(
            Consent.objects.filter(household=household).values_list("purpose", "source")
        ),
    }


def test_api_and_web_form_store_the_same_rows(api, client, programme, referrer_client):
    api_client, token = referrer_client
    account = api_client.account
    body = referral_body(programme, accepts_pets=True)
    assert api.post(REFERRALS, body, token).status_code == 201
    by_api = Referral.objects.get()
    api_rows = rows_of(by_api)
    Request.objects.all().delete()  # the web form would refuse the same family twice

    client.force_login(account)
    form = referral_data(programme, referrer_organisation="Buurtteam Noord")
    assert client.post("/verwijzingen/nieuw/", form).status_code == 302
    by_web = Referral.objects.get()

    assert by_api.referrer == by_web.referrer == account
    assert api_rows == rows_of(by_web)
    assert len(api_rows["children"]) == 2 and len(api_rows["consents"]) == 2


def test_a_retry_with_the_same_key_makes_one_referral(api, token, programme, mailoutbox):
    body = referral_body(programme)
    first = api.post(REFERRALS, body, token, key="retry-key-0001")
    again = api.post(REFERRALS, body, token, key="retry-key-0001")

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert Referral.objects.count() == 1 and Household.objects.count() == 1
    assert len(mailoutbox) == 1


def test_a_key_used_for_another_family_is_refused(api, token, programme):
    assert (
        api.post(REFERRALS, referral_body(programme), token, key="reused-0001").status_code == 201
    )
    other = referral_body(programme, first_name="Fatima", email="fatima@example.org")

    response = api.post(REFERRALS, other, token, key="reused-0001")

    assert response.status_code == 409
    assert problem(response)["code"] == "idempotency_key_reused"
    assert Referral.objects.count() == 1


def test_the_same_key_of_another_client_is_another_referral(api, token, programme):
    _other, other_token = make_client(organisation="Buurtteam Zuid")
    assert (
        api.post(REFERRALS, referral_body(programme), token, key="shared-0001").status_code == 201
    )
    second = referral_body(programme, email="fatima@example.org")
    assert api.post(REFERRALS, second, other_token, key="shared-0001").status_code == 201
    assert Referral.objects.count() == 2


def test_a_referral_needs_an_idempotency_key(api, token, programme):
    response = api.post(REFERRALS, referral_body(programme), token, key=None)
    assert response.status_code == 400
    assert "Idempotency-Key" in pointers(response)
    assert not Referral.objects.exists()


@pytest.mark.parametrize(
    "consent,pointer,message",
    [
        (
            {"matching": False, "feedback_to_referrer": True},
            "#/consent/matching",
            "Zonder toestemming van het gezin voor de verwijzing kunt u niet verwijzen.",
        ),
        (
            {"matching": True, "feedback_to_referrer": False},
            "#/consent/feedback_to_referrer",
            "Zonder toestemming van het gezin voor de terugkoppeling kunt u niet verwijzen.",
        ),
    ],
)
def test_a_referral_without_consent_is_refused(
    api, token, programme, mailoutbox, consent, pointer, message
):
    response = api.post(REFERRALS, referral_body(programme, consent=consent), token)

    assert response.status_code == 400
    assert pointers(response) == {pointer: message}
    assert not Household.objects.exists() and not Referral.objects.exists() and mailoutbox == []


def test_the_forms_rules_come_back_at_their_field(api, token, programme):
    body = referral_body(
        programme,
        email="",
        phone="",
        postcode="1111 AA",
        children=[{"first_name": "Noor", "date_of_birth": years_ago(15)}],
    )

    errors = pointers(api.post(REFERRALS, body, token))

    assert errors == {
        "#/phone": "Vul een e-mailadres of een telefoonnummer van de ouder in.",
        "#/postcode": "Postcode 1111 AA bestaat niet of ligt buiten ons werkgebied.",
        "#/children/0/date_of_birth": "Dit programma is voor kinderen van 0 tot en met 12 jaar.",
    }


def test_an_unknown_programme_is_named(api, token, programme):
    errors = pointers(
        api.post(REFERRALS, referral_body(programme, programme="bestaat-niet"), token)
    )
    assert errors == {"#/programme": "Dit programma kunt u niet (meer) kiezen. Kies een ander."}


def test_the_referrer_reads_the_step_and_nothing_else(api, token, programme):
    created = api.post(REFERRALS, referral_body(programme), token).json()
    Request.objects.update(status=RequestStatus.WAITING)

    response = api.get(f"{REFERRALS}{created['id']}/", token)

    assert response.status_code == 200
    assert response.json()["status"] == "waiting"
    assert response.json()["status_label"] == "Wacht op een match"
    for secret in ("Sanne", "Jansen", "sanne@example.org", "9801", "Daan", "bieb"):
        assert secret not in response.text
    log = ApiRequestLog.objects.get(operation="referrals_read")
    assert (log.referral_id, log.status, log.path) == (
        created["id"],
        200,
        f"{REFERRALS}{created['id']}/",
    )


def test_withdrawn_feedback_consent_hides_the_step_also_from_filters(api, token, programme):
    created = api.post(REFERRALS, referral_body(programme), token).json()
    Consent.objects.get(purpose=Purpose.FEEDBACK_TO_REFERRER).withdraw()

    shown = api.get(f"{REFERRALS}{created['id']}/", token).json()
    received = api.get(REFERRALS, token, params={"status": "received"}).json()

    assert (shown["status"], shown["feedback_allowed"]) == (None, False)
    assert shown["status_label"] == "Het gezin wil geen terugkoppeling meer"
    assert received["count"] == 0  # the filter must not tell the hidden step either


def test_list_of_own_referrals_is_paged_filtered_and_bounded(
    api, token, programme, django_assert_max_num_queries
):
    for i in range(3):
        body = referral_body(programme, email=f"ouder{i}@example.org")
        assert api.post(REFERRALS, body, token, key=f"list-key-{i:04}").status_code == 201
    Request.objects.filter(pk=Request.objects.order_by("pk").first().pk).update(
        status=RequestStatus.WAITING
    )

    # Token, count, one page of referrals with programme and consent, and the log row.
    with django_assert_max_num_queries(8):  # and the referral and audit row
        page = api.get(REFERRALS, token, params={"page_size": 2})
    waiting = api.get(REFERRALS, token, params={"status": "waiting"})
    wrong = api.get(REFERRALS, token, params={"status": "zoek", "created_after": "gisteren"})

    assert page.json()["count"] == 3 and len(page.json()["results"]) == 2
    assert page.json()["next"].endswith("page=2&page_size=2")
    assert [r["status"] for r in waiting.json()["results"]] == ["waiting"]
    assert set(pointers(wrong)) == {"status", "created_after"}
    assert problem(api.get(REFERRALS, token, params={"page": 9}))["status"] == 404


def test_an_empty_status_filter_is_refused_not_ignored(api, token):
    response = api.get(REFERRALS, token, params={"status": ""})
    assert response.status_code == 400
    assert pointers(response) == {
        "status": "Deze parameter is leeg. Geef een waarde, of laat hem weg."
    }


def test_options_names_the_methods_and_the_reference(api, token):
    response = api.client.options(
        REFERRALS, headers={"Authorization": f"Bearer {token}", "Accept": "application/json"}
    )
    assert response.status_code == 200
    assert set(response.json()["methods"]) == {"GET", "HEAD", "POST", "OPTIONS"}
    assert response.json()["documentation"] == "http://testserver/api/v1/docs/"


def test_options_needs_a_token_like_every_call(api):
    response = api.client.options(REFERRALS, headers={"Accept": "application/json"})
    assert response.status_code == 401


def test_another_clients_referral_is_not_found(api, token, programme):
    _b, token_b = make_client(organisation="Buurtteam Zuid")
    theirs = api.post(REFERRALS, referral_body(programme), token_b).json()

    response = api.get(f"{REFERRALS}{theirs['id']}/", token)
    missing = api.get(f"{REFERRALS}999999/", token)

    assert response.status_code == missing.status_code == 404
    assert problem(response)["detail"] == problem(missing)["detail"]
    assert api.get(REFERRALS, token).json()["count"] == 0
    assert "Sanne" not in response.text


def test_web_referrals_of_the_same_account_are_its_own(api, programme, geo):
    """A client acting as a referrer's account sees what that referrer sees on the website."""
    client, token = make_client()
    request = Request.objects.create(
        programme=programme,
        household=Household.objects.create(postcode="9801 AB", postcode_area=geo["near"]),
    )
    Referral.objects.create(request=request, referrer=client.account, referrer_organisation="X")
    Referral.objects.create(
        request=Request.objects.create(
            programme=programme,
            household=Household.objects.create(postcode="9801 AB", postcode_area=geo["near"]),
        ),
        referrer=make_client(role=Role.REFERRER)[0].account,
        referrer_organisation="Y",
    )
    assert [r["referrer_organisation"] for r in api.get(REFERRALS, token).json()["results"]] == [
        "X"
    ]


def test_a_family_registered_already_gets_the_same_answer_and_a_mail(
    api, token, programme, geo, mailoutbox
):
    fresh = api.post(REFERRALS, referral_body(programme, email="nieuw@example.org"), token)
    existing = testing.waiting_request(programme, geo["near"], last_name="Bakker")

    response = api.post(REFERRALS, referral_body(programme), token, key="sleutel-0002")

    assert response.status_code == fresh.status_code == 201
    shape = {key: value for key, value in fresh.json().items() if key not in ("id", "created_at")}
    assert {k: v for k, v in response.json().items() if k not in ("id", "created_at")} == shape
    assert "Bakker" not in response.text and existing.get_status_display() not in response.text
    mail = mailoutbox[-1]
    assert mail.to == ["sanne@example.org"] and mail.subject == "U bent al aangemeld"
    assert "U was daar al aangemeld" in mail.body
