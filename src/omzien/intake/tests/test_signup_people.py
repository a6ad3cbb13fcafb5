"""Public sign-up of a young person and of a volunteer (a person or a support family)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from omzien import testing
from omzien.intake.models import Offer, OfferStatus, Request, RequestStatus
from omzien.people.models import Volunteer, Youth
from omzien.privacy.models import Consent

from .test_signup import years_ago

# Volunteers and young people are thanked in the "je" form.
THANKS_JE = "/aanmelden/bedankt/je/"

pytestmark = pytest.mark.django_db

YOUTH_URL = "/aanmelden/jongere/"
VOLUNTEER_URL = "/aanmelden/vrijwilliger/"


@pytest.fixture
def geo():
    return testing.geography()


@pytest.fixture
def youth_programme(geo):
    return testing.programme(name="Maatje voor jongeren", serves="youth", min_age=16, max_age=23)


@pytest.fixture
def programme(geo):
    return testing.programme(name="Steungezinnen")


def youth_data(programme, **changes) -> dict:
    data = {
        "programme": programme.pk,
        "first_name": "Lina",
        "last_name": "Haddad",
        "date_of_birth": years_ago(17),
        "email": "lina@example.org",
        "phone": "",
        "postcode": "9802",
        "languages": ["nl"],
        "needs": ["homework"],
        "description": "",
        "availability": ["tue_evening"],
        "consent_matching": "on",
        "consent_contact_by_email": "on",
    } | changes
    return {key: value for key, value in data.items() if value is not None}


def volunteer_data(programme, **changes) -> dict:
    data = {
        "programme": programme.pk,
        "kind": "person",
        "first_name": "Kees",
        "last_name": "de Vries",
        "date_of_birth": "1980-05-01",
        "email": "kees@example.org",
        "phone": "+31 6 1234 5678",
        "postcode": "9801 CD",
        "languages": ["nl", "en"],
        "family_name": "",
        "household_members": "",
        "offers": ["outings", "homework"],
        "description": "Ik ga graag naar buiten.",
        "availability": ["sat_morning", "sun_afternoon"],
        "min_child_age": "4",
        "max_child_age": "12",
        "travel_radius_km": "8",
        "has_pets": "on",
        "consent_matching": "on",
    } | changes
    return {key: value for key, value in data.items() if value is not None}


def test_youth_signs_up(client, youth_programme, mailoutbox):
    response = client.post(YOUTH_URL, youth_data(youth_programme))

    assert response.status_code == 302 and response["Location"] == THANKS_JE
    youth = Youth.objects.get()
    assert (youth.first_name, youth.email, youth.postcode) == ("Lina", "lina@example.org", "9802")
    request = Request.objects.get()
    assert (request.youth, request.household, request.status) == (
        youth,
        None,
        RequestStatus.SIGNED_UP,
    )
    assert request.availability == ["tue_evening"]
    assert sorted(Consent.objects.filter(youth=youth).values_list("purpose", flat=True)) == [
        "contact_by_email",
        "matching",
    ]
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["lina@example.org"]
    assert "Hoi Lina" in mailoutbox[0].body


def test_youth_form_offers_only_youth_programmes(client, youth_programme, programme):
    form = client.get(YOUTH_URL).context["form"]
    assert list(form.fields["programme"].queryset) == [youth_programme]
    assert form["programme"].value() == youth_programme.pk


YOUTH_BAD_INPUT = [
    pytest.param(
        {"date_of_birth": years_ago(12)},
        "date_of_birth",
        "Dit programma is voor jongeren van 16 tot en met 23 jaar.",
        id="too young for the programme",
    ),
    pytest.param(
        {"date_of_birth": (timezone.localdate() + timedelta(days=1)).isoformat()},
        "date_of_birth",
        "Een geboortedatum kan niet in de toekomst liggen.",
        id="born in the future",
    ),
    pytest.param({"email": "lina@"}, "email", None, id="email"),
    pytest.param({"availability": None}, "availability", "Kies minstens één dagdeel.", id="slot"),
    pytest.param(
        {"consent_matching": None},
        "consent_matching",
        "Zonder deze toestemming kunnen we niemand voor je zoeken.",
        id="consent",
    ),
]


@pytest.mark.parametrize("changes,field,message", YOUTH_BAD_INPUT)
def test_youth_bad_input(client, youth_programme, mailoutbox, changes, field, message):
    response = client.post(YOUTH_URL, youth_data(youth_programme, **changes))

    errors = response.context["form"].errors[field]
    assert errors == [message or "Dit is geen e-mailadres. Vul het in zoals naam@voorbeeld.nl."]
    assert not Youth.objects.exists() and not Consent.objects.exists() and mailoutbox == []
    assert 'value="Lina"' in response.text


def test_youth_duplicate(client, youth_programme, mailoutbox):
    first = client.post(YOUTH_URL, youth_data(youth_programme))

    response = client.post(YOUTH_URL, youth_data(youth_programme, email="Lina@Example.org"))

    assert (response.status_code, response["Location"]) == (302, first["Location"])
    assert Youth.objects.count() == 1
    assert [mail.subject for mail in mailoutbox] == [
        "Je aanmelding is binnen",
        "Je bent al aangemeld",
    ]
    assert "Je was daar al aangemeld" in mailoutbox[1].body


def test_volunteer_signs_up(client, programme, mailoutbox):
    response = client.post(VOLUNTEER_URL, volunteer_data(programme))

    assert response.status_code == 302 and response["Location"] == THANKS_JE
    volunteer = Volunteer.objects.get()
    assert (volunteer.kind, volunteer.date_of_birth, volunteer.travel_radius_km) == (
        "person",
        date(1980, 5, 1),
        8,
    )
    assert volunteer.has_pets and not volunteer.smokes and volunteer.postcode_area.pc4 == "9801"
    offer = Offer.objects.get()
    assert (offer.volunteer, offer.programme, offer.status) == (
        volunteer,
        programme,
        OfferStatus.SIGNED_UP,
    )
    assert (offer.min_child_age, offer.max_child_age) == (4, 12)
    assert offer.availability == ["sat_morning", "sun_afternoon"]
    assert offer.offers == ["outings", "homework"]
    consent = Consent.objects.get()
    assert (consent.volunteer, consent.purpose, consent.source) == (
        volunteer,
        "matching",
        "online_form",
    )
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["kees@example.org"]


def test_support_family_signs_up(client, programme):
    data = volunteer_data(
        programme,
        kind="family",
        family_name="De Vries",
        household_members="Kees (44)\nAnna (42)\nTim (10)",
    )
    assert client.post(VOLUNTEER_URL, data).status_code == 302
    volunteer = Volunteer.objects.get()
    assert (volunteer.kind, volunteer.family_name) == ("family", "De Vries")
    assert "Tim (10)" in volunteer.household_members


def test_volunteer_may_choose_any_active_programme(client, programme, youth_programme):
    form = client.get(VOLUNTEER_URL).context["form"]
    assert set(form.fields["programme"].queryset) == {programme, youth_programme}
    assert form["programme"].value() is None


VOLUNTEER_BAD_INPUT = [
    pytest.param(
        {"date_of_birth": years_ago(17)},
        "date_of_birth",
        "Vrijwilligers zijn 18 jaar of ouder.",
        id="younger than 18",
    ),
    pytest.param(
        {"availability": None}, "availability", "Kies minstens één dagdeel.", id="no slot"
    ),
    pytest.param(
        {"postcode": "0000 AA"},
        "postcode",
        "Vul een postcode in zoals 1234 AB.",
        id="ill-formed postcode",
    ),
    pytest.param(
        {"postcode": "3511 AA"},
        "postcode",
        "Postcode 3511 AA bestaat niet of ligt buiten ons werkgebied.",
        id="unknown postcode",
    ),
    pytest.param(
        {"min_child_age": "12", "max_child_age": "4"},
        "max_child_age",
        "De hoogste leeftijd is lager dan de laagste.",
        id="ages upside down",
    ),
    pytest.param(
        {"kind": "family"}, "family_name", "Vul de naam van je gezin in.", id="family without name"
    ),
    pytest.param(
        {"offers": None}, "offers", "Kies minstens één ding dat je kunt bieden.", id="no offer"
    ),
    pytest.param(
        {"phone": "bel me"},
        "phone",
        "Vul een telefoonnummer in zoals 06 12345678.",
        id="phone",
    ),
]


@pytest.mark.parametrize("changes,field,message", VOLUNTEER_BAD_INPUT)
def test_volunteer_bad_input(client, programme, mailoutbox, changes, field, message):
    response = client.post(VOLUNTEER_URL, volunteer_data(programme, **changes))

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert not Volunteer.objects.exists() and not Consent.objects.exists() and mailoutbox == []
    assert 'value="de Vries"' in response.text and 'value="sat_morning"' in response.text


def test_volunteer_duplicate(client, programme, geo, mailoutbox):
    testing.available_offer(programme, geo["near"])  # kees@example.org

    response = client.post(VOLUNTEER_URL, volunteer_data(programme))

    assert (response.status_code, response["Location"]) == (302, THANKS_JE)
    assert Volunteer.objects.count() == 1
    assert [mail.subject for mail in mailoutbox] == ["Je bent al aangemeld"]


def test_volunteer_who_stopped_may_sign_up_again(client, programme, geo):
    offer = testing.available_offer(programme, geo["near"])
    Offer.objects.filter(pk=offer.pk).update(status=OfferStatus.WITHDRAWN)

    assert client.post(VOLUNTEER_URL, volunteer_data(programme)).status_code == 302
    assert Volunteer.objects.count() == 2  # a new profile: an anonymous form changes no one's data


def test_a_date_typed_the_dutch_way_is_understood(client, programme):
    # Browsers without a date picker send what was typed.
    data = volunteer_data(programme, date_of_birth="01-05-1980")
    assert client.post(VOLUNTEER_URL, data).status_code == 302
    assert Volunteer.objects.get().date_of_birth == date(1980, 5, 1)
