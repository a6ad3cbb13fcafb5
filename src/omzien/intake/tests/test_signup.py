"""Public sign-up of a household: what is stored, what is refused, and where the message lands."""

from datetime import date, timedelta
from smtplib import SMTPException

import pytest
from django.utils import timezone

from omzien import testing
from omzien.intake.models import Request, RequestStatus
from omzien.people.models import Child, Household, Parent
from omzien.privacy.models import Consent

pytestmark = pytest.mark.django_db

URL = "/aanmelden/gezin/"
THANKS = "/aanmelden/bedankt/"


def years_ago(years: int) -> str:
    today = timezone.localdate()
    return (today.replace(year=today.year - years) - timedelta(days=30)).isoformat()


def children_rows(*rows: tuple[str, str], prefix: str = "kind") -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": "6",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "6",
    }
    for i in range(6):
        name, born = rows[i] if i < len(rows) else ("", "")
        data |= {f"{prefix}-{i}-first_name": name, f"{prefix}-{i}-date_of_birth": born}
    return data


def household_data(programme, **changes) -> dict:
    """A complete, valid household sign-up; a change to None leaves the field out."""
    data = {
        "programme": programme.pk,
        "first_name": "Sanne",
        "last_name": "Jansen",
        "email": "sanne@example.org",
        "phone": "06 12345678",
        "postcode": "9801 ab",
        "languages": ["nl", "ar"],
        "household_type": "single_parent",
        "partner_first_name": "",
        "partner_last_name": "",
        "needs": ["outings", "homework"],
        "description": "Even lucht, en iemand die met Noor naar de bieb gaat.",
        "availability": ["wed_afternoon", "sat_morning"],
        "needs_shared_language": "on",
        "accepts_pets": "on",
        "consent_matching": "on",
        "consent_research": "on",
        **children_rows(("Noor", years_ago(7)), ("Daan", years_ago(5))),
    } | changes
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def geo():
    return testing.geography()


@pytest.fixture
def programme(geo):
    return testing.programme(name="Steun in de buurt", min_age=0, max_age=12)


def nothing_stored() -> bool:
    return not any(model.objects.exists() for model in (Household, Parent, Child, Request, Consent))


def test_household_signs_up(client, programme, mailoutbox):
    response = client.post(URL, household_data(programme))

    assert response.status_code == 302 and response["Location"] == THANKS
    household = Household.objects.get()
    assert household.postcode == "9801 AB" and household.postcode_area.pc4 == "9801"
    assert household.languages == ["nl", "ar"] and household.household_type == "single_parent"
    assert household.accepts_pets and not household.accepts_smoking
    parent = Parent.objects.get()
    assert (parent.household, parent.email, parent.phone) == (
        household,
        "sanne@example.org",
        "06 12345678",
    )
    assert sorted(c.first_name for c in household.children.all()) == ["Daan", "Noor"]
    request = Request.objects.get()
    assert (request.household, request.programme, request.status) == (
        household,
        programme,
        RequestStatus.SIGNED_UP,
    )
    assert request.availability == ["wed_afternoon", "sat_morning"]
    assert request.needs == ["outings", "homework"] and request.needs_shared_language
    consents = Consent.objects.filter(household=household)
    assert sorted(c.purpose for c in consents) == ["matching", "research"]
    assert {c.source for c in consents} == {"online_form"}
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["sanne@example.org"] and "Sanne" in mail.body
    assert "Steun in de buurt" in mail.body and "Noor" not in mail.body


def test_second_parent_is_stored(client, programme):
    data = household_data(programme, partner_first_name="Ahmed", partner_last_name="Jansen")
    client.post(URL, data)
    assert sorted(p.first_name for p in Parent.objects.all()) == ["Ahmed", "Sanne"]


def test_thank_you_page_carries_no_personal_data(client, programme):
    response = client.post(URL, household_data(programme), follow=True)

    assert response.redirect_chain == [(THANKS, 302)]
    assert "Bedankt" in response.text
    assert "Sanne" not in response.text and "sanne@example.org" not in response.text


def field_errors(response, field: str, child: int | None = None) -> list[str]:
    form = response.context["form"] if child is None else response.context["children"][child]
    return form.errors.get(field, [])


BAD_INPUT = [
    pytest.param(
        {"postcode": "1234 AB"},
        "postcode",
        None,
        "Postcode 1234 AB bestaat niet of ligt buiten ons werkgebied.",
        id="unknown postcode",
    ),
    pytest.param(
        {"postcode": "ABCD"}, "postcode", None, "Vul een postcode in zoals 1234 AB.", id="postcode"
    ),
    pytest.param(
        {"email": "sanne-at-example"},
        "email",
        None,
        "Dit is geen e-mailadres. Vul het in zoals naam@voorbeeld.nl.",
        id="email",
    ),
    pytest.param(
        {"availability": None}, "availability", None, "Kies minstens één dagdeel.", id="no slot"
    ),
    pytest.param(
        children_rows(("Noor", (timezone.localdate() + timedelta(days=20)).isoformat())),
        "date_of_birth",
        0,
        "Een geboortedatum kan niet in de toekomst liggen.",
        id="child born in the future",
    ),
    pytest.param(
        children_rows(), "first_name", 0, "Vul de gegevens van minstens één kind in.", id="no child"
    ),
    pytest.param(
        children_rows(("Noor", years_ago(7)), ("Sem", years_ago(15))),
        "date_of_birth",
        1,
        "Dit programma is voor kinderen van 0 tot en met 12 jaar.",
        id="child too old for the programme",
    ),
    pytest.param(
        {"consent_matching": None},
        "consent_matching",
        None,
        "Zonder deze toestemming kunnen we geen koppeling voor u zoeken.",
        id="no consent",
    ),
    pytest.param(
        {"needs": None, "description": ""},
        "needs",
        None,
        "Kies waar hulp bij zou helpen, of schrijf het op.",
        id="nothing that would help",
    ),
    pytest.param(
        {"partner_first_name": "Ahmed"},
        "partner_last_name",
        None,
        "Vul ook de achternaam van de andere ouder in.",
        id="half a partner",
    ),
]


@pytest.mark.parametrize("changes,field,child,message", BAD_INPUT)
def test_bad_input_is_refused_at_the_field(
    client, programme, mailoutbox, changes, field, child, message
):
    response = client.post(URL, household_data(programme, **changes))

    assert response.status_code == 200
    assert field_errors(response, field, child) == [message]
    assert message in response.text
    assert nothing_stored() and mailoutbox == []
    # What the user typed is still there.
    assert 'value="Sanne"' in response.text and 'value="wed_afternoon"' in response.text


def test_error_is_linked_to_its_field(client, programme):
    response = client.post(URL, household_data(programme, postcode="1234 AB"))

    assert 'id="id_postcode_error"' in response.text
    assert 'aria-describedby="id_postcode_helptext id_postcode_error"' in response.text
    assert 'href="#id_postcode"' in response.text  # from the error summary


def test_duplicate_registration_reveals_nothing(client, programme, geo, mailoutbox):
    programme.organisation.email = "info@steun.example"
    programme.organisation.save()
    new = client.post(URL, household_data(programme, email="nieuw@example.org"))
    existing = testing.waiting_request(programme, geo["near"], last_name="Bakker")
    households = Household.objects.count()

    # The same person, in another case: the same answer as for an address never seen.
    response = client.post(URL, household_data(programme, email="SANNE@example.org"))

    assert (response.status_code, response["Location"]) == (new.status_code, new["Location"])
    assert Household.objects.count() == households  # nothing stored a second time
    assert Request.objects.get(household__parents__last_name="Bakker") == existing
    mail = mailoutbox[-1]
    assert mail.to == ["SANNE@example.org"] and mail.subject == "U bent al aangemeld"
    assert "U was daar al aangemeld" in mail.body and "info@steun.example" in mail.body
    assert "Bakker" not in mail.body and existing.get_status_display() not in mail.body


@pytest.mark.parametrize("status", [RequestStatus.CLOSED, RequestStatus.WITHDRAWN])
def test_signing_up_again_after_closure_is_fine(client, programme, geo, status):
    existing = testing.waiting_request(programme, geo["near"])
    Request.objects.filter(pk=existing.pk).update(status=status)

    assert client.post(URL, household_data(programme)).status_code == 302


def test_nothing_is_half_saved(client, programme, monkeypatch):
    def fail(**kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(Request.objects, "create", fail)
    with pytest.raises(RuntimeError):
        client.post(URL, household_data(programme))
    assert nothing_stored()


def test_tampered_children_rows_are_refused_not_crashed(client, programme):
    data = {k: v for k, v in household_data(programme).items() if not k.startswith("kind-")}
    response = client.post(URL, data)
    assert response.status_code == 200 and nothing_stored()
    assert response.context["children"].non_form_errors()


def test_failing_mail_keeps_the_sign_up(client, programme, monkeypatch):
    def fail(*args, **kwargs):
        raise SMTPException("no server")

    monkeypatch.setattr("omzien.intake.signup.mail.send_mail", fail)
    assert client.post(URL, household_data(programme)).status_code == 302
    assert Request.objects.count() == 1


def test_birthday_today_counts(client, programme):
    today = timezone.localdate()
    born = date(today.year - 12, today.month, min(today.day, 28))
    data = household_data(programme, **children_rows(("Noor", born.isoformat())))
    # Twelve today (or within the month): still within 0..12.
    assert client.post(URL, data).status_code == 302
