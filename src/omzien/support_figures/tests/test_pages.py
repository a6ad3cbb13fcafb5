"""Registration, placements and the list pages, with bounded queries."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from omzien import testing
from omzien.access.roles import Role
from omzien.support_figures.models import NetworkMap, Partner, Placement, YoungPersonInCare

from . import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def geo():
    return testing.geography()


def registration(municipality, **data):
    return {
        "first_name": "Noah",
        "last_name": "Visser",
        "date_of_birth": "2010-04-02",
        "municipality": municipality.pk,
        "postcode": "9801 AB",
        "kind": "family_home",
        "placed_by": "Jeugdbescherming",
        "placed_since": "2025-09-01",
        "consent": "on",
        "consent_on": "2025-09-02",
    } | data


def test_a_professional_registers_a_young_person_with_consent(client, geo):
    professional = builders.professional()
    account = builders.youth_account()
    client.force_login(professional)
    url = reverse("support_figures:register")
    response = client.post(url, registration(geo["municipality"], consent=""))
    assert response.status_code == 400 and "consent" in response.context["form"].errors
    response = client.post(url, registration(geo["municipality"], youth_email="nobody@example.org"))
    assert "geen account" in response.context["form"].errors["youth_email"][0]
    client.post(url, registration(geo["municipality"], youth_email=account.email.upper()))
    person = YoungPersonInCare.objects.get()
    assert list(person.professionals.all()) == [professional] and person.account == account
    assert person.postcode_area == geo["near"] and person.registered_by == professional
    assert person.placements.get().started_on == date(2025, 9, 1)


def test_a_young_person_from_sixteen_registers_themself(client, geo):
    professional = builders.professional()
    account = builders.youth_account()
    client.force_login(account)
    url = reverse("support_figures:self_register")
    sixteen = timezone.localdate() - timedelta(days=16 * 365 + 10)
    data = registration(geo["municipality"], professional_email=professional.email)
    response = client.post(
        url, data | {"date_of_birth": (sixteen + timedelta(days=30)).isoformat()}
    )
    assert "vanaf 16 jaar" in response.context["form"].errors["date_of_birth"][0]
    response = client.post(url, data | {"date_of_birth": sixteen.isoformat()})
    assert response.url == reverse("support_figures:propose")
    person = YoungPersonInCare.objects.get()
    assert person.account == account and list(person.professionals.all()) == [professional]
    assert client.get(url).url == reverse("support_figures:my_support_figure")


def test_a_move_ends_the_current_placement_the_day_the_new_one_starts(client, geo):
    professional = builders.professional()
    person = builders.young_person(geo["municipality"], professionals=[professional])
    client.force_login(professional)
    url = reverse("support_figures:new_placement", args=[person.pk])
    client.post(
        url,
        {
            "placement-kind": "residential",
            "placement-placed_by": "Jeugdzorg Plus",
            "placement-started_on": "2025-11-01",
            "placement-version": person.version,
        },
    )
    placements = list(Placement.objects.order_by("started_on"))
    assert [p.ended_on for p in placements] == [date(2025, 11, 1), None]
    person.refresh_from_db()
    client.post(
        reverse("support_figures:end_placement", args=[person.pk]),
        {"end-ended_on": "2026-01-01", "end-version": person.version},
    )
    assert person.current_placement() is None


def move(kind, placed_by, started_on, version):
    values = {"kind": kind, "placed_by": placed_by, "started_on": started_on, "version": version}
    return {f"placement-{key}": value for key, value in values.items()}


def two_professionals_open(client, geo):
    """Two professionals of one young person open the young person's page at the same time."""
    first, second = builders.professional(), builders.professional()
    person = builders.young_person(geo["municipality"], professionals=[first, second])
    client.force_login(first)
    other = builders.browser_of(second)
    page = reverse("support_figures:young_person", args=[person.pk])
    return person, client.get(page).context, other, other.get(page).context


def test_two_moves_at_once_the_second_is_refused_and_the_first_stays(client, geo):
    person, first_page, other, second_page = two_professionals_open(client, geo)
    url = reverse("support_figures:new_placement", args=[person.pk])
    version = first_page["placement_form"]["version"].value()
    assert second_page["placement_form"]["version"].value() == version

    first = client.post(url, move("residential", "Jeugdzorg Plus", "2025-11-01", version))
    assert first.status_code == 302
    response = other.post(url, move("secure", "Gesloten Jeugdzorg", "2025-12-01", version))

    assert response.status_code == 400 and builders.STALE in response.text
    assert response.context["placement_form"]["placed_by"].value() == "Gesloten Jeugdzorg"
    placements = Placement.objects.order_by("started_on")
    assert [(p.kind, p.ended_on) for p in placements] == [
        ("foster_family", date(2025, 11, 1)),
        ("residential", None),
    ]


def test_ending_a_placement_after_someone_else_moved_the_young_person_is_refused(client, geo):
    person, _first_page, other, second_page = two_professionals_open(client, geo)
    version = second_page["end_form"]["version"].value()
    new_placement = reverse("support_figures:new_placement", args=[person.pk])
    first = client.post(new_placement, move("residential", "Jeugdzorg Plus", "2025-11-01", version))
    assert first.status_code == 302

    end = reverse("support_figures:end_placement", args=[person.pk])
    response = other.post(end, {"end-ended_on": "2026-01-01", "end-version": version})

    assert response.status_code == 400 and builders.STALE in response.text
    assert response.context["end_form"]["ended_on"].value() == "2026-01-01"
    assert person.current_placement().kind == "residential"


def test_the_young_people_list_has_bounded_queries(client, geo, django_assert_max_num_queries):
    professional = builders.professional()
    for i in range(30):
        person = builders.young_person(geo["municipality"], professionals=[professional])
        if i % 2:
            builders.figure(person, started_on=date(2025, 3, 1))
    client.force_login(professional)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("support_figures:young_people"))
    assert len(response.context["young_people"]) == 25
    without = client.get(reverse("support_figures:young_people"), {"toon": "zonder"})
    assert all(not p.has_figure for p in without.context["young_people"])


def test_other_list_pages_have_bounded_queries(client, geo, django_assert_max_num_queries):
    programme = testing.programme()
    programme.municipalities.add(geo["municipality"])
    for i in range(12):
        household = testing.waiting_request(programme, geo["near"]).household
        if i % 3 == 0:
            NetworkMap.objects.create(household=household)
        Partner.objects.create(
            name=f"Partner {i}", kind="school", offers="Les", district=geo["neighbourhood"].district
        )
    client.force_login(testing.coordinator(programme))
    for name in ("household_maps", "partners", "challenges", "coverage"):
        with django_assert_max_num_queries(11):
            assert client.get(reverse(f"support_figures:{name}")).status_code == 200, name


def test_a_youth_without_a_record_is_invited_to_register(client):
    client.force_login(builders.youth_account())
    response = client.get(reverse("support_figures:my_support_figure"))
    assert "Zelf aanmelden" in response.content.decode()
    assert client.get(reverse("support_figures:propose")).url == reverse(
        "support_figures:self_register"
    )


def test_pages_are_closed_to_other_roles(client, geo):
    client.force_login(testing.user(Role.VOLUNTEER))
    for name in ("young_people", "register", "my_support_figure", "household_maps", "partners"):
        assert client.get(reverse(f"support_figures:{name}")).status_code == 403, name


def test_a_young_person_born_in_1850_is_refused(client, geo):
    client.force_login(builders.professional())

    response = client.post(
        reverse("support_figures:register"),
        registration(geo["municipality"], date_of_birth="1850-04-02", placed_since="1860-01-01"),
    )

    assert "zo oud is niemand" in " ".join(response.context["form"].errors["date_of_birth"])
    assert not YoungPersonInCare.objects.exists()
