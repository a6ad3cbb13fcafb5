"""Differencing gives nothing back outside the dashboard either: the themes, where to recruit,
the social map of the API, the outcome report and support figure coverage publish every count
through `suppression.publish`. Two overlapping questions (periods a month apart, a district and
its neighbourhoods, all programmes and one) never differ by a count from 1 up to the
threshold, and the same cell has the same value on a page and in the API."""

from datetime import date

import pytest
from django.utils import timezone

from omzien import testing
from omzien.accounts.models import Role
from omzien.api.services.social_map import figures_of
from omzien.api.tests.conftest import PROGRAMMES, Api, make_client
from omzien.insight.forms import filters_for
from omzien.insight.places import DISTRICT, NEIGHBOURHOOD
from omzien.insight.recruit import where_to_recruit
from omzien.insight.themes import theme_table
from omzien.intake.models import RequestStatus
from omzien.outcomes.report import outcome_report
from omzien.support_figures.coverage import coverage
from omzien.support_figures.tests import builders as support

from . import builders
from .test_differencing import answer, gives_away, minus, today  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

THRESHOLD = 5
YEAR_END = date(2025, 12, 31)
ASKED = {"themes": ["money"], "status": RequestStatus.CLOSED}  # no longer waiting


def published(value) -> bool:
    return value is None or value % THRESHOLD == 0


@pytest.fixture
def world():
    town = builders.town()
    first, second = builders.programme(town), builders.programme(town)
    noord, oost, zuid = town.areas
    for month in range(1, 13):  # every month two requests about money, and one closure
        for _ in range(2):
            builders.family(first, noord, signed_up=date(2025, month, 5), **ASKED)
        builders.match(
            first, noord, signed_up=date(2024, 6, 1), started=date(2024, 7, 1),
            ended=date(2025, month, 10),
        )  # fmt: skip
    for _ in range(3):
        builders.family(first, oost, signed_up=date(2025, 3, 5), **ASKED)
    for _ in range(2):
        builders.family(second, noord, signed_up=date(2025, 6, 5), **ASKED)
        builders.match(
            second, zuid, signed_up=date(2024, 6, 1), started=date(2024, 7, 1),
            ended=date(2025, 5, 10),
        )  # fmt: skip
    # Waiting now: six of the first programme in Noord, two in Oost, two of the second in Noord.
    for programme, area, n in ((first, noord, 6), (first, oost, 2), (second, noord, 2)):
        for _ in range(n):
            builders.family(
                programme, area, signed_up=date(2025, 1, 1), waiting_since=date(2025, 2, 1)
            )
    analyst = testing.user(Role.ANALYST, municipality=town.municipality)
    return {"town": town, "first": first, "second": second, "analyst": analyst}


def theme_counts(world, start: date, programmes=None) -> dict:
    everyone = [world["first"].pk, world["second"].pk]
    table = theme_table(world["town"].municipality, start, YEAR_END, programmes or everyone)
    cells = {("cell", *key): value for key, value in table["cells"].items()}
    totals = {("total", theme): value for theme, value in table["theme_totals"].items()}
    requests = {("requests", hood): value for hood, value in table["requests"].items()}
    return cells | totals | requests | {("requests", "total"): table["requests_total"]}


def test_themes_give_nothing_away_over_periods_areas_and_programmes(world):
    year = theme_counts(world, date(2025, 1, 1))
    assert all(published(v) for v in year.values())
    for month in range(2, 13):
        later = theme_counts(world, date(2025, month, 1))
        for key, value in year.items():
            assert not gives_away(minus(value, later[key])), (month, key)
    for programme in (world["first"], world["second"]):
        one = theme_counts(world, date(2025, 1, 1), [programme.pk])
        for key, value in year.items():
            assert not gives_away(minus(value, one[key])), (programme, key)
    hoods = [year["cell", h.pk, "money"] for h in world["town"].hoods]
    assert hoods[1] is None  # Oost's three, hidden
    visible = sum(v for v in hoods if v is not None)
    assert not gives_away(minus(year["total", "money"], visible))


def recruit(world, level, **params) -> dict:
    _form, filters = filters_for(world["analyst"], params)
    figure = where_to_recruit(filters, level)
    rows = {(row.key, column): value for row in figure.rows for column, value in row.values.items()}
    return rows | {("total", "waiting"): figure.total.values["waiting"]}


def test_where_to_recruit_gives_nothing_away_over_areas_and_programmes(world):
    town = world["town"]
    hoods, districts = recruit(world, NEIGHBOURHOOD), recruit(world, DISTRICT)
    counted = ("waiting", "volunteers", "shortfall")
    assert all(published(v) for (_key, column), v in hoods.items() if column in counted)
    assert hoods[town.hoods[1].code, "waiting"] is None  # Oost's two, hidden
    noord, wijk = hoods[town.hoods[0].code, "waiting"], districts[town.districts[0].code, "waiting"]
    assert not gives_away(minus(wijk, noord))  # the district is Noord and Oost
    assert not gives_away(minus(hoods["total", "waiting"], noord))
    one = recruit(world, NEIGHBOURHOOD, programme=world["first"].slug)
    for key, value in hoods.items():
        if key[1] in counted:
            assert not gives_away(minus(value, one[key])), key


def test_the_social_map_publishes_the_cell_the_recruit_page_shows(world, client):
    first = world["first"]
    coordinator = testing.coordinator(first)
    _form, filters = filters_for(coordinator, {"programme": first.slug})
    page = where_to_recruit(filters, NEIGHBOURHOOD).total.values["waiting"]
    _client, token = make_client()
    results = Api(client).get(PROGRAMMES, token).json()["results"]
    api = next(r["figures"] for r in results if r["name"] == first.name)
    assert page == api["waiting"] and page in (5, 10)  # eight wait: the same cell, rounded
    assert all(published(r["figures"][k]) for r in results for k in ("waiting",))


def closures(world, start: date, end: date = YEAR_END, programmes=None, municipality=True):
    chosen = programmes or [world["first"], world["second"]]
    place = world["town"].municipality if municipality else None
    return outcome_report(chosen, place, start, end)


def test_the_outcome_report_gives_nothing_away_over_periods_programmes_and_place(world):
    year = closures(world, date(2025, 1, 1))
    assert published(year.closures_total) and year.closures_total
    for month in range(2, 13):
        later = closures(world, date(2025, month, 1))
        assert not gives_away(minus(year.closures_total, later.closures_total)), month
    assert closures(world, date(2025, 3, 1), date(2025, 3, 31)).closures_total is None
    for programme in (world["first"], world["second"]):
        one = closures(world, date(2025, 1, 1), programmes=[programme])
        assert not gives_away(minus(year.closures_total, one.closures_total)), programme
    everywhere = closures(world, date(2025, 1, 1), municipality=False)
    assert published(everywhere.closures_total)
    planned = year.as_planned
    assert published(planned.count) and published(planned.total)


def test_the_outcome_report_and_the_dashboard_show_the_same_closures(world):
    for start in ("2025-01", "2025-06"):
        dashboard = answer(world, start=start)["figures"]["new_and_closed"]["total"]["values"]
        first_day = date(2025, int(start[-2:]), 1)
        assert closures(world, first_day).closures_total == dashboard["closed"], start


def test_coverage_publishes_each_month_once(world):
    municipality = world["town"].municipality
    people = [support.young_person(municipality, placed_on=date(2025, 3, 1)) for _ in range(12)]
    for person in people[:8]:
        support.figure(person, started_on=date(2025, 6, 5))
    half = coverage(municipality, date(2025, 1, 1), date(2025, 12, 31), today=date(2026, 3, 15))
    later = coverage(municipality, date(2025, 7, 1), date(2025, 12, 31), today=date(2026, 3, 15))
    counted = ("placed", "with_support_figure", "without_support_figure")
    for row in half:
        assert all(published(getattr(row, name)) for name in counted), row.month
    same = {row.month: row for row in half}
    for row in later:
        assert row == same[row.month]  # the same month: the same cells
    july = same[date(2025, 7, 1)]
    assert july.without_support_figure is None  # four without: hidden
    assert not gives_away(minus(july.placed, july.with_support_figure))


def test_a_count_of_now_keeps_its_rounding_all_month(world, monkeypatch):
    # A new draw every day would let the average of many days' answers give the eight back.
    real, first = timezone.localdate, world["first"]
    answers = set()
    for day in range(1, 29):
        monkeypatch.setattr(
            timezone, "localdate", lambda value=None, tz=None, d=day: real(value, tz) if value
            else date(2026, 3, d),
        )  # fmt: skip
        answers.add(figures_of([first])[first.pk].waiting)
    assert len(answers) == 1 and answers <= {5, 10}
