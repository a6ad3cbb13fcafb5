"""The monthly roll-ups change nothing that anyone sees: the dashboard and the API give the same
published figures from the roll-ups as counted live, the current month stays live, a backdated
change shows after the nightly rebuild, and a page asks as often with more data."""

import random
from datetime import date, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.management.commands import db_worker

from omzien import testing
from omzien.access.roles import Role
from omzien.api.models import Scope
from omzien.api.tests.conftest import Api, make_client
from omzien.insight import rollups
from omzien.insight.dashboard import dashboard_figures
from omzien.insight.forms import filters_for
from omzien.insight.models import MonthlyFigure, RollupBuild

from . import builders

pytestmark = pytest.mark.django_db

# The second day of a month: yesterday was the last day of February, a closed month.
NOW = timezone.make_aware(datetime(2026, 3, 2, 11))
QUESTIONS = [
    {"start": "2025-01", "end": "2026-03"},  # closed months and the running one
    {"start": "2025-04", "end": "2026-02"},  # closed months only
    {"start": "2026-02", "end": "2026-02"},  # the month that closed yesterday
    {"start": "2026-03", "end": "2026-03"},  # the running month alone
    {"start": "2025-12", "end": "2026-01", "level": "wijk"},  # across the new year
    {"start": "2025-06", "end": "2026-03", "district": "WK999001"},
    {"start": "2025-02", "end": "2025-09", "programme": "first"},
    {"start": "2025-10", "end": "2026-03", "programme": "second", "district": "WK999002"},
]


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


def day(rng, first: date, last: date) -> date:
    return first + timedelta(days=rng.randrange((last - first).days + 1))


@pytest.fixture
def world():
    """Two programmes in a town of three neighbourhoods: matches that start, run and end in
    every month from 2024 on, some over the month's boundary, families still waiting, hours."""
    town = builders.town()
    first, second = builders.programme(town), builders.programme(town)
    rng = random.Random(2026)
    for n in range(70):
        programme, area = rng.choice([first, second]), rng.choice(town.areas)
        signed_up = day(rng, date(2024, 6, 1), date(2026, 2, 20))
        started = signed_up + timedelta(days=rng.randrange(3, 120))
        if started > NOW.date():
            builders.family(
                programme, area, signed_up=signed_up, waiting_since=signed_up, youth=n % 5 == 0
            )
            continue
        ended = started + timedelta(days=rng.randrange(20, 300)) if n % 3 else None
        hours = [(day(rng, started, min(NOW.date(), ended or NOW.date())), "1.5")] * (n % 4)
        builders.match(
            programme, area, signed_up=signed_up, started=started,
            ended=ended if ended and ended <= NOW.date() else None, hours=hours, youth=n % 5 == 0,
        )  # fmt: skip
    analyst = testing.user(Role.ANALYST, municipality=town.municipality)
    world = {"town": town, "first": first, "second": second, "analyst": analyst}
    analyst.test_world = world
    return world


def answer(analyst, question: dict) -> dict:
    """What the dashboard shows the analyst; "first" and "second" name the two programmes."""
    if "programme" in question:
        world = analyst.test_world
        question = question | {"programme": world[question["programme"]].slug}
    form, filters = filters_for(analyst, question)
    assert filters is not None, form.errors
    return dashboard_figures(filters, question.get("level"))


def test_the_dashboard_gives_the_same_figures_from_the_roll_ups_as_live(world):
    live = [answer(world["analyst"], q) for q in QUESTIONS]
    rollups.rebuild()
    assert MonthlyFigure.objects.exists()
    assert RollupBuild.objects.get().through == date(2026, 2, 1)
    rolled = [answer(world["analyst"], q) for q in QUESTIONS]
    for question, before, after in zip(QUESTIONS, live, rolled, strict=True):
        assert after == before, question
    assert any(  # the figures are not all hidden or empty
        row["values"]["new"] for row in rolled[0]["figures"]["new_and_closed"]["rows"]
    )


def test_the_api_gives_the_same_figures_from_the_roll_ups_as_live(world, client):
    _client, token = make_client(
        role=Role.ANALYST, scopes=[Scope.AGGREGATES], municipality=world["town"].municipality
    )
    api = Api(client)

    def ask(params):
        response = api.get("/api/v1/aggregates/", token, params=params)
        assert response.status_code == 200, response.content
        return response.json()

    questions = [{"start": "2025-03", "end": "2026-03"}, {"start": "2025-11", "end": "2026-02"}]
    live = [ask(q) for q in questions]
    rollups.rebuild()
    assert [ask(q) for q in questions] == live


def test_the_month_that_closes_stays_live_until_the_next_rebuild(world):
    rollups.rebuild()
    with time_machine.travel(NOW + timedelta(days=30), tick=False):  # 1 April: March closed
        question = {"start": "2026-01", "end": "2026-04"}
        _form, filters = filters_for(world["analyst"], question)
        rolled, rest = filters.rollup
        assert [m.key for m in rolled] == ["2026-01", "2026-02"]
        assert rest.start == date(2026, 3, 1)
        stale = answer(world["analyst"], question)
        rollups.rebuild()
        assert answer(world["analyst"], question) == stale


def test_a_change_in_a_past_month_shows_after_the_rebuild(world):
    rollups.rebuild()
    question = {"start": "2025-01", "end": "2025-12"}
    before = answer(world["analyst"], question)
    for _ in range(7):  # backdated: seven matches that started in May 2025
        builders.match(
            world["first"], world["town"].areas[0], signed_up=date(2025, 4, 1),
            started=date(2025, 5, 6),
        )  # fmt: skip
    rollups.rebuild()
    after = answer(world["analyst"], question)
    live = answer_live(world["analyst"], question)
    assert after == live != before
    may = next(r for r in after["figures"]["new_and_closed"]["rows"] if r["key"] == "2025-05")
    was = next(r for r in before["figures"]["new_and_closed"]["rows"] if r["key"] == "2025-05")
    assert may["values"]["new"] > (was["values"]["new"] or 0)


def answer_live(analyst, question: dict) -> dict:
    """The same question with no roll-ups at all."""
    RollupBuild.objects.all().delete()
    return answer(analyst, question)


def test_the_nightly_work_rebuilds_the_roll_ups(world, monkeypatch):
    # The real worker, in this process: it must keep the test's database connection.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    call_command("nightly", stdout=StringIO())
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert RollupBuild.objects.get().through == date(2026, 2, 1)
    assert MonthlyFigure.objects.filter(month=date(2026, 2, 1)).exists()


def test_the_dashboard_asks_as_often_with_more_months_of_data(world):
    """Summed roll-up rows replace the per-month counts: no query per month or per area."""
    rollups.rebuild()

    def queries(question) -> int:
        _form, filters = filters_for(world["analyst"], question)
        with CaptureQueriesContext(connection) as captured:
            dashboard_figures(filters, question.get("level"))
        return len(captured)

    short = queries({"start": "2026-01", "end": "2026-03"})
    long = queries({"start": "2024-06", "end": "2026-03"})
    assert long <= short


def test_the_running_month_shows_todays_changes_at_once(world):
    running = builders.match(
        world["second"], world["town"].areas[2], signed_up=date(2025, 10, 1),
        started=date(2025, 11, 2),
    )  # fmt: skip
    rollups.rebuild()
    question = {"start": "2025-09", "end": "2026-03", "level": "wijk"}
    before = answer(world["analyst"], question)
    running.ended_on, running.status = NOW.date(), "closed"  # it ends today
    running.save()
    for _ in range(6):  # and six sign up and start today
        builders.match(
            world["first"], world["town"].areas[1], signed_up=NOW.date(), started=NOW.date()
        )
    now = answer(world["analyst"], question)
    live = answer_live(world["analyst"], question)
    assert now == live
    assert now != before
