"""No combination of allowed questions gives back a hidden count: the difference of two
answers over overlapping periods, of an area and its parts, of all programmes and one, is
never a count from 1 up to the threshold, and the API, the dashboard, the PDF and the XLSX of
the yearly account give the same number for the same cell."""

from datetime import date
from io import BytesIO
from itertools import pairwise

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from omzien import testing
from omzien.access.roles import Role
from omzien.api.models import Scope
from omzien.api.tests.conftest import Api, make_client
from omzien.insight.account.content import build
from omzien.insight.account.pdf import write_pdf
from omzien.insight.account.xlsx import sheet_name, write_xlsx
from omzien.insight.dashboard import dashboard_figures
from omzien.insight.formatting import display
from omzien.insight.forms import filters_for
from omzien.insight.models import YearlyAccount

from . import builders

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 15)
THRESHOLD = 5
MONTHS = [f"2025-{m:02d}" for m in range(1, 13)]
# Matches started per month in Noord: all of them fewer than five.
NOORD = [2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 1]


@pytest.fixture(autouse=True)
def today(monkeypatch):
    """The clock stands still on TODAY; dates of real events still convert."""
    real = timezone.localdate
    monkeypatch.setattr(
        timezone, "localdate", lambda value=None, tz=None: real(value, tz) if value else TODAY
    )


@pytest.fixture
def world():
    town = builders.town()
    first, second = builders.programme(town), builders.programme(town)
    noord, oost, zuid = town.areas
    hours = [(date(2025, 8, 1), "2.5")]
    for month, n in enumerate(NOORD, start=1):
        for _ in range(n):
            started = date(2025, month, 3)
            builders.match(first, noord, signed_up=date(2024, 12, 1), started=started, hours=hours)
    for _ in range(2):  # too few in Oost: only its district's total could give it away
        builders.match(first, oost, signed_up=date(2024, 12, 1), started=date(2025, 3, 3))
        builders.match(second, noord, signed_up=date(2025, 1, 1), started=date(2025, 7, 3))
    for _ in range(3):
        builders.match(
            first, zuid, signed_up=date(2024, 6, 1), started=date(2024, 11, 3),
            ended=date(2025, 10, 10),
        )  # fmt: skip
    for _ in range(5):
        builders.match(second, zuid, signed_up=date(2025, 1, 1), started=date(2025, 5, 3))
    for _ in range(3):
        builders.family(second, zuid, signed_up=date(2025, 9, 1), waiting_since=date(2025, 9, 1))
    analyst = testing.user(Role.ANALYST, municipality=town.municipality)
    return {"town": town, "first": first, "second": second, "analyst": analyst}


def answer(world, start="2025-01", end="2025-12", **params) -> dict:
    """What the dashboard shows the analyst for these choices."""
    form, filters = filters_for(world["analyst"], {"start": start, "end": end, **params})
    assert filters is not None, form.errors
    return dashboard_figures(filters, params.get("level"))


def counts(result: dict) -> dict:
    """Every published count and number of hours: (figure, row, column) -> value."""
    return {
        (key, row["key"], column["key"]): row["values"][column["key"]]
        for key, figure in result["figures"].items()
        if key != "key_figures"  # taken from the other figures, and some are days
        for row in [*figure["rows"], *([figure["total"]] if figure["total"] else [])]
        for column in figure["columns"]
        if column["kind"] in ("count", "hours") and column["key"] != "households_with_children"
    }


def gives_away(difference) -> bool:
    return difference is not None and 0 < abs(difference) < THRESHOLD


def minus(a, b):
    return None if a is None or b is None else a - b


def test_every_published_count_is_zero_hidden_or_a_multiple_of_the_threshold(world):
    published = counts(answer(world))
    assert None in published.values()  # the small months are there, hidden
    assert all(v is None or v % THRESHOLD == 0 for v in published.values())


def test_overlapping_periods_give_back_no_hidden_month(world):
    for month, later in pairwise(MONTHS):
        longer, shorter = counts(answer(world, start=month)), counts(answer(world, start=later))
        for key, value in longer.items():
            if key[1] in MONTHS and key in shorter:  # the same month: the same cell
                assert value == shorter[key], (month, key)
            elif key in shorter:  # the period's totals, and each area over the period
                assert not gives_away(minus(value, shorter[key])), (month, key)
    hidden = answer(world)["figures"]["new_and_closed"]
    assert hidden["rows"][0]["values"]["new"] is None  # January's two, hidden on their own


def test_a_month_asked_alone_is_the_month_in_a_longer_period(world):
    year = answer(world)["figures"]["new_and_closed"]
    for month in MONTHS:
        alone = answer(world, start=month, end=month)["figures"]["new_and_closed"]
        in_year = next(row for row in year["rows"] if row["key"] == month)
        assert alone["total"]["values"] == in_year["values"], month


def test_the_api_answers_overlapping_periods_as_the_dashboard_does(world, client):
    town = world["town"]
    _client, token = make_client(
        role=Role.ANALYST, scopes=[Scope.AGGREGATES], municipality=town.municipality
    )
    api = Api(client)

    def ask(start):
        response = api.get("/api/v1/aggregates/", token, params={"start": start, "end": "2025-12"})
        assert response.status_code == 200, response.content
        return counts(response.json())

    longer, shorter = ask("2025-08"), ask("2025-09")  # August's one new match is hidden
    assert longer == counts(answer(world, start="2025-08"))
    for key in (("new_and_closed", "total", "new"), ("volunteers_and_hours", "total", "hours")):
        assert not gives_away(minus(longer[key], shorter[key])), key


def test_neighbourhoods_districts_and_the_municipality_give_nothing_away(world):
    town = world["town"]
    by_hood = answer(world, level="buurt")["figures"]["reach"]
    by_district = answer(world, level="wijk")["figures"]["reach"]
    hood = {row["key"]: row["values"] for row in by_hood["rows"]}
    district = {row["key"]: row["values"] for row in by_district["rows"]}
    oost = town.hoods[1].code
    assert hood[oost]["households"] is None  # two families: hidden
    for column in ("households", "youth"):
        whole = by_hood["total"]["values"][column]
        assert by_district["total"]["values"][column] == whole  # the same cell
        for d, hoods in zip(town.districts, ([0, 1], [2]), strict=True):
            alone = answer(world, district=d.code)["figures"]["reach"]["total"]["values"]
            assert alone[column] == district[d.code][column]  # the same cell
            shown = [hood[town.hoods[i].code][column] for i in hoods]
            visible = sum(v for v in shown if v is not None)
            assert not gives_away(minus(district[d.code][column], visible)), (d.code, column)
            assert not gives_away(minus(whole, district[d.code][column])), (d.code, column)


def test_all_programmes_minus_one_programme_gives_nothing_away(world):
    everything = counts(answer(world))
    for programme in (world["first"], world["second"]):
        one = counts(answer(world, programme=programme.slug))
        for key, value in everything.items():
            assert not gives_away(minus(value, one.get(key))), (programme.slug, key)


def test_the_yearly_account_prints_the_dashboards_numbers(world):
    account = YearlyAccount.objects.create(
        municipality=world["town"].municipality, year=2025, requested_by=world["analyst"]
    )
    content = build(account)
    figures = answer(world)["figures"]
    key_figures = {row["key"]: row for row in figures["key_figures"]["rows"]}
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(write_pdf(content))).pages)
    for key, label in (("new", "Nieuwe koppelingen"), ("hours", "Uren van vrijwilligers")):
        value = key_figures[key]["values"]["value"]
        assert value is not None and value % THRESHOLD == 0
        assert f"{label} {display(value)}" in text, key
    book = load_workbook(BytesIO(write_xlsx(content)))
    sheet = book[sheet_name("Kerncijfers", {"toelichting"})]
    printed = {row[0]: row[1] for row in sheet.iter_rows(min_row=5, values_only=True)}
    assert printed["Nieuwe koppelingen"] == key_figures["new"]["values"]["value"]
    assert printed["Uren van vrijwilligers"] == key_figures["hours"]["values"]["value"]
