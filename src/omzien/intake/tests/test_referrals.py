"""Referral by a professional: only with the family's consent, and afterwards only the step."""

import pytest
from django.core.cache import cache

from omzien import testing
from omzien.access.roles import Role
from omzien.intake.models import Referral, Request, RequestStatus
from omzien.matches.models import Match, MatchStatus
from omzien.people.models import Household
from omzien.privacy.models import Consent, ConsentSource, Purpose
from omzien.programmes.models import Organisation

from .test_signup import household_data, nothing_stored

pytestmark = pytest.mark.django_db

NEW = "/verwijzingen/nieuw/"
LIST = "/verwijzingen/"
NO_FEEDBACK = "Het gezin wil geen terugkoppeling meer"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def geo():
    return testing.geography()


@pytest.fixture
def programme(geo):
    return testing.programme(name="Steun in de buurt")


@pytest.fixture
def referrer():
    team = Organisation.objects.create(name="Buurtteam Noord", slug="buurtteam-noord")
    return testing.user(Role.REFERRER, organisation=team)


def referral_data(programme, **changes) -> dict:
    data = household_data(
        programme,
        referrer_organisation="Buurtteam Noord",
        consent_research=None,
        consent_feedback_to_referrer="on",
    )
    return {key: value for key, value in (data | changes).items() if value is not None}


def make_referral(referrer, programme, area, *, last_name: str, feedback: bool = True):
    request = testing.waiting_request(programme, area, last_name=last_name)
    referral = Referral.objects.create(
        request=request, referrer=referrer, referrer_organisation="Buurtteam Noord"
    )
    purposes = [Purpose.MATCHING] + ([Purpose.FEEDBACK_TO_REFERRER] if feedback else [])
    for purpose in purposes:
        Consent.objects.create(
            household=request.household,
            purpose=purpose,
            source=ConsentSource.REFERRAL,
            recorded_by=referrer,
        )
    return referral


def test_referrer_refers_a_household(client, referrer, programme, mailoutbox):
    client.force_login(referrer)

    response = client.post(NEW, referral_data(programme), follow=True)

    assert response.redirect_chain == [(LIST, 302)]
    referral = Referral.objects.get()
    assert (referral.referrer, referral.referrer_organisation) == (referrer, "Buurtteam Noord")
    assert f"Het nummer is {referral.pk}" in response.text
    request = referral.request
    assert request.status == RequestStatus.SIGNED_UP and request.programme == programme
    household = request.household
    assert household.parents.get().first_name == "Sanne" and household.children.count() == 2
    consents = Consent.objects.filter(household=household)
    assert sorted(c.purpose for c in consents) == ["feedback_to_referrer", "matching"]
    assert {(c.source, c.recorded_by) for c in consents} == {(ConsentSource.REFERRAL, referrer)}
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["sanne@example.org"]


def test_referral_form_speaks_about_the_family(client, referrer, programme):
    client.force_login(referrer)
    form = client.get(NEW).context["form"]
    assert form["referrer_organisation"].value() == "Buurtteam Noord"
    assert form.fields["first_name"].label == "Voornaam van de ouder"
    assert "consent_research" not in form.fields


@pytest.mark.parametrize(
    "missing,message",
    [
        (
            "consent_matching",
            "Zonder toestemming van het gezin voor de verwijzing kunt u niet verwijzen.",
        ),
        (
            "consent_feedback_to_referrer",
            "Zonder toestemming van het gezin voor de terugkoppeling kunt u niet verwijzen.",
        ),
    ],
)
def test_referral_without_consent_is_refused(
    client, referrer, programme, mailoutbox, missing, message
):
    client.force_login(referrer)

    response = client.post(NEW, referral_data(programme, **{missing: None}))

    assert response.status_code == 200
    assert response.context["form"].errors[missing] == [message]
    assert nothing_stored() and not Referral.objects.exists() and mailoutbox == []


def test_referral_needs_a_way_to_reach_the_family(client, referrer, programme, mailoutbox):
    client.force_login(referrer)
    response = client.post(NEW, referral_data(programme, email="", phone=""))
    assert response.context["form"].errors["phone"] == [
        "Vul een e-mailadres of een telefoonnummer van de ouder in."
    ]
    assert client.post(NEW, referral_data(programme, email="")).status_code == 302
    assert mailoutbox == []  # no address, no confirmation


def test_only_referrers_refer(client, programme):
    assert client.get(NEW).status_code == 302  # to the login page
    client.force_login(testing.coordinator(programme))
    assert client.get(NEW).status_code == 403
    assert client.get(LIST).status_code == 403


def test_referrer_sees_only_the_step_of_own_referrals(
    client, referrer, programme, geo, django_assert_max_num_queries
):
    matched = make_referral(referrer, programme, geo["near"], last_name="Bakker")
    offer = testing.available_offer(programme, geo["near"], last_name="Visser")
    Match.objects.create(request=matched.request, offer=offer, status=MatchStatus.ACTIVE)
    Request.objects.filter(pk=matched.request_id).update(status=RequestStatus.MATCHED)
    make_referral(referrer, programme, geo["far"], last_name="Smit")
    other = testing.user(Role.REFERRER)
    make_referral(other, programme, geo["far"], last_name="Mulder")
    client.force_login(referrer)

    # Session, user, second factor, count, one page of referrals, audit row, session kept alive.
    with django_assert_max_num_queries(9):
        response = client.get(LIST)

    html = response.text
    rows = response.context["referrals"].object_list
    assert {r.request.household.parents.get().last_name for r in rows} == {"Bakker", "Smit"}
    assert "gekoppeld" in html.lower() and "wacht op een match" in html.lower()
    for secret in ("Bakker", "Smit", "Sanne", "Mulder", "Visser", "Kees", "sanne@example.org"):
        assert secret not in html


def test_withdrawn_feedback_consent_hides_the_step_at_once(client, referrer, programme, geo):
    referral = make_referral(referrer, programme, geo["near"], last_name="Bakker")
    client.force_login(referrer)
    assert NO_FEEDBACK not in client.get(LIST).text

    Consent.objects.get(
        household=referral.request.household, purpose=Purpose.FEEDBACK_TO_REFERRER
    ).withdraw()

    for url in (LIST, f"{LIST}{referral.pk}/"):
        html = client.get(url).text
        assert NO_FEEDBACK in html and "wacht op een match" not in html


def test_referrer_opens_own_referral_but_not_another(client, referrer, programme, geo):
    own = make_referral(referrer, programme, geo["near"], last_name="Bakker")
    others = make_referral(testing.user(Role.REFERRER), programme, geo["far"], last_name="Mulder")
    client.force_login(referrer)

    response = client.get(f"{LIST}{own.pk}/")
    assert response.status_code == 200 and "Wacht op een match" in response.text
    assert "Bakker" not in response.text
    assert client.get(f"{LIST}{others.pk}/").status_code == 404


def test_referral_is_stored_in_one_transaction(client, referrer, programme, monkeypatch):
    def fail(**kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(Referral.objects, "create", fail)
    client.force_login(referrer)
    with pytest.raises(RuntimeError):
        client.post(NEW, referral_data(programme))
    assert not Household.objects.exists() and not Consent.objects.exists()


def test_referring_a_family_registered_already_reveals_nothing(
    client, referrer, programme, geo, mailoutbox
):
    existing = testing.waiting_request(programme, geo["near"], last_name="Bakker")
    client.force_login(referrer)

    response = client.post(NEW, referral_data(programme), follow=True)

    assert response.redirect_chain == [(LIST, 302)]
    assert "De verwijzing is ontvangen" in response.text
    assert "Bakker" not in response.text and existing.get_status_display() not in response.text
    assert [mail.subject for mail in mailoutbox] == ["U bent al aangemeld"]
    assert mailoutbox[0].to == ["sanne@example.org"]
