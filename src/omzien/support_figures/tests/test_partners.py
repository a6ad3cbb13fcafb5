"""The social map: partners per district, found by postcode; and referring a family on."""

import pytest
from django.urls import reverse

from omzien import testing
from omzien.access.roles import Role
from omzien.geo.models import District, Municipality, Neighbourhood, PostcodeArea
from omzien.matches.models import Match
from omzien.support_figures.forms.neighbourhood import PartnerForm
from omzien.support_figures.models import OnwardReferral, Partner
from omzien.web.versioning import saved

from . import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    geo = testing.geography()
    east = District.objects.create(code="WK999802", name="Oost", municipality=geo["municipality"])
    hood = Neighbourhood.objects.create(code="BU99980201", name="Oosterpark", district=east)
    PostcodeArea.objects.create(
        pc4="9804", lat=52.0, lon=5.1, municipality=geo["municipality"], neighbourhood=hood
    )
    centre = geo["neighbourhood"].district
    make = Partner.objects.create
    school = make(
        name="Basisschool De Linde",
        kind="school",
        district=centre,
        offers="Huiswerkklas",
        audience=["children"],
    )
    club = make(name="VV Oost", kind="sport", district=east, offers="Voetbal voor iedereen")
    make(name="Oude club", kind="sport", district=east, offers="Gestopt", is_active=False)
    return {"geo": geo, "school": school, "club": club, "centre": centre}


def test_search_by_postcode_finds_the_partners_of_that_district(client, world):
    client.force_login(testing.user(Role.CARE_PROFESSIONAL))
    url = reverse("support_figures:partners")
    found = client.get(url, {"postcode": "9804"}).context["partners"]
    assert [p.name for p in found] == ["VV Oost"]
    assert [p.name for p in client.get(url, {"postcode": "9801"}).context["partners"]] == [
        "Basisschool De Linde"
    ]
    assert [p.name for p in client.get(url, {"text": "huiswerk"}).context["partners"]] == [
        "Basisschool De Linde"
    ]
    response = client.get(url, {"postcode": "1234"})
    assert response.status_code == 400 and "bestaat niet" in response.content.decode()


def test_the_search_takes_four_digits_so_no_full_postcode_reaches_the_address_bar(client, world):
    client.force_login(testing.user(Role.CARE_PROFESSIONAL))
    response = client.get(reverse("support_figures:partners"), {"postcode": "9804 AB"})
    assert response.status_code == 400
    assert "alleen de vier cijfers" in response.content.decode()
    assert 'maxlength="4"' in response.content.decode()


def test_staff_add_partners_only_in_their_own_municipalities(client, world):
    programme = testing.programme()
    programme.municipalities.add(world["geo"]["municipality"])
    client.force_login(testing.coordinator(programme))
    elsewhere = Municipality.objects.create(code="GM9991", name="Ver weg")
    far = District.objects.create(code="WK999101", name="Ver", municipality=elsewhere)
    data = {
        "name": "Jongerenwerk Centrum",
        "kind": "youth_work",
        "offers": "Inloop",
        "audience": ["teenagers"],
        "is_active": "on",
    }
    url = reverse("support_figures:new_partner")
    assert client.post(url, data | {"district": far.pk}).status_code == 400
    assert client.post(url, data | {"district": world["centre"].pk}).status_code == 302
    assert Partner.objects.get(name="Jongerenwerk Centrum").audience == ["teenagers"]


def area_coordinator(world):
    programme = testing.programme()
    programme.municipalities.add(world["geo"]["municipality"])
    return testing.coordinator(programme)


def partner_data(partner, version, **changes):
    """The edit form of `partner` as it was shown, with the version it had then."""
    values = {
        "name": partner.name,
        "kind": partner.kind,
        "district": partner.district_id,
        "offers": partner.offers,
        "audience": partner.audience,
        "is_active": "on",
        "version": version,
    }
    return values | changes


def test_editing_a_partner(client, world):
    school = world["school"]
    client.force_login(area_coordinator(world))
    url = reverse("support_figures:edit_partner", args=[school.pk])
    version = client.get(url).context["form"]["version"].value()

    response = client.post(url, partner_data(school, version, offers="Huiswerkklas en taal"))
    assert response.status_code == 302
    school.refresh_from_db()
    assert (school.offers, school.version) == ("Huiswerkklas en taal", version + 1)


def test_two_edits_of_a_partner_at_once_the_second_is_refused(client, world):
    school = world["school"]
    client.force_login(area_coordinator(world))
    other = builders.browser_of(area_coordinator(world))
    url = reverse("support_figures:edit_partner", args=[school.pk])
    version = client.get(url).context["form"]["version"].value()
    assert other.get(url).context["form"]["version"].value() == version

    assert client.post(url, partner_data(school, version, name="OBS De Linde")).status_code == 302
    response = other.post(url, partner_data(school, version, offers="Alleen voorlezen"))

    assert response.status_code == 400 and builders.STALE in response.text
    assert response.context["form"]["offers"].value() == "Alleen voorlezen"
    school.refresh_from_db()
    assert (school.name, school.offers) == ("OBS De Linde", "Huiswerkklas")


def test_of_two_saves_that_both_passed_their_checks_only_the_first_lands(world):
    """Both requests read version 1 before either saved: the conditional update decides."""
    school, user = world["school"], area_coordinator(world)
    municipalities = [world["geo"]["municipality"]]
    first, second = (
        PartnerForm(
            municipalities,
            partner_data(school, 1, offers=offers),
            instance=Partner.objects.get(pk=school.pk),
        )
        for offers in ("Eerst", "Later")
    )
    assert first.is_valid() and second.is_valid()

    assert saved(first, lambda: first.save_for(user))
    assert not saved(second, lambda: second.save_for(user))

    assert second.non_field_errors() == [builders.STALE]
    assert Partner.objects.get(pk=school.pk).offers == "Eerst"


def test_a_closure_records_to_which_partner_the_family_went_on(client, world):
    geo = world["geo"]
    programme = testing.programme()
    request = testing.waiting_request(programme, geo["near"])
    offer = testing.available_offer(programme, geo["near"])
    Match.objects.create(request=request, offer=offer)
    client.force_login(testing.coordinator(programme))
    url = reverse("support_figures:onward_referral", args=[request.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "partner": world["school"].pk,
            "referred_on": "2026-01-05",
            "note": "Huiswerkklas op dinsdag",
        },
    )
    assert response.status_code == 302
    assert OnwardReferral.objects.get().partner == world["school"]
    other = testing.coordinator(testing.programme())
    client.force_login(other)
    assert client.get(url).status_code == 404
