"""Coverage per municipality and month from the database, with small numbers suppressed."""

from datetime import date

import pytest
from django.urls import reverse

from omzien import testing
from omzien.access.roles import Role
from omzien.geo.models import Municipality
from omzien.support_figures.coverage import coverage

from . import builders

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 16)


@pytest.fixture
def municipality():
    return testing.geography()["municipality"]


def month(rows, day):
    return next(row for row in rows if row.month == day)


def test_constructed_months_give_known_shares(municipality):
    # Twelve placed since 2025; six have had a figure since December, two more since February.
    people = [builders.young_person(municipality, placed_on=date(2025, 3, 1)) for _ in range(12)]
    for person in people[:6]:
        builders.figure(person, started_on=date(2025, 12, 5))
    for person in people[6:8]:
        builders.figure(person, started_on=date(2026, 2, 10))
    builders.figure(people[8], started_on=None, status="proposed")  # not confirmed: no count
    other = Municipality.objects.create(code="GM9997", name="Elders")
    builders.young_person(other, placed_on=date(2025, 3, 1))

    rows = coverage(municipality, date(2025, 12, 1), date(2026, 6, 30), today=TODAY)

    assert [r.month for r in rows] == [
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
        date(2026, 3, 1),
    ]
    december = month(rows, date(2025, 12, 1))
    assert december.placed in (10, 15) and december.with_support_figure in (5, 10)  # 12 and 6
    assert december.share == round(100 * december.with_support_figure / december.placed, 1)
    assert december.median_waiting_days == (date(2025, 12, 31) - date(2025, 3, 1)).days
    march = month(rows, date(2026, 3, 1))
    assert march.reference_day == TODAY
    # 8 with and 4 without: the 4 could point at someone. The 8 is shown rounded, and the
    # total minus it is a multiple of five, never the 4.
    assert march.placed in (10, 15) and march.with_support_figure in (5, 10)
    assert march.without_support_figure is None and march.median_waiting_days is None


def test_a_month_with_few_young_people_hides_its_counts(municipality):
    for _ in range(3):
        builders.young_person(municipality, placed_on=date(2025, 6, 1))
    row = month(
        coverage(municipality, date(2026, 1, 1), date(2026, 1, 31), today=TODAY), date(2026, 1, 1)
    )
    assert (row.placed, row.without_support_figure, row.share) == (None, None, None)
    assert row.with_support_figure == 0  # zero points at nobody and stays visible


def test_full_coverage_shows_a_zero_without(municipality):
    for _ in range(6):
        person = builders.young_person(municipality, placed_on=date(2025, 6, 1))
        builders.figure(person, started_on=date(2025, 7, 1))
    row = coverage(municipality, date(2026, 1, 1), date(2026, 1, 31), today=TODAY)[0]
    assert row.placed in (5, 10)  # 6, rounded; all of them have a figure
    assert (row.with_support_figure, row.without_support_figure) == (row.placed, 0)
    assert row.share == 100.0 and row.median_waiting_days is None


def test_coverage_page_shows_the_table_twin_of_the_chart(client, municipality):
    for i in range(10):
        person = builders.young_person(municipality, placed_on=date(2025, 1, 1))
        if i < 5:
            builders.figure(person, started_on=date(2025, 2, 1))
    analyst = testing.user(Role.ANALYST, municipality=municipality)
    client.force_login(analyst)
    response = client.get(reverse("support_figures:coverage"), {"maanden": 6})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="coverage"' in html and "<svg" in html and "50,0%" in html
    assert len(response.context["rows"]) == 6
    assert all(r.share == 50.0 for r in response.context["rows"])


@pytest.mark.parametrize("role", [Role.VOLUNTEER, Role.PARENT, Role.YOUTH, Role.REFERRER])
def test_coverage_page_is_closed_to_people_outside_the_work(client, role):
    client.force_login(testing.user(role))
    assert client.get(reverse("support_figures:coverage")).status_code == 403
