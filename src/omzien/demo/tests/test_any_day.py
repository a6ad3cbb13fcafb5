"""The demo keeps its promises whatever day it is loaded on.

`make demo` counts every date back from today, so a demo loaded next month is a different
demo. These tests load it on 30 reference days (year ends, leap days, the switches to and
from summer time, month ends and a spread of ordinary days) with the clock stopped on that
day, and check what someone trying the demo relies on: every household, young person and
volunteer has a name of their own, coordinators have overdue work to see, and every demo
account opens a page with something on it.
"""

import csv
import io
import re
from collections import Counter
from datetime import date, datetime, timedelta
from random import Random
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from omzien.accounts.models import User
from omzien.demo import generator
from omzien.demo.programmes import PROGRAMMES
from omzien.matches.models import Moment
from omzien.people.models import Household, Volunteer, Youth

pytestmark = pytest.mark.django_db

EDGE_DAYS = [
    date(2026, 12, 5),  # the day two households were both called "Gezin Kaminski"
    date(2026, 12, 31),
    date(2027, 1, 1),
    date(2027, 2, 28),
    date(2027, 3, 28),  # summer time starts
    date(2027, 10, 31),  # summer time ends
    date(2028, 2, 29),
    date(2028, 3, 1),
    date(2026, 6, 30),
    date(2026, 1, 1),
]


def reference_days() -> list[date]:
    """The edge days and twenty more spread over 2025-2030, the same every run."""
    rng = Random(30)
    start = date(2025, 1, 1)
    spread = {start + timedelta(days=rng.randrange(6 * 365)) for _ in range(20)}
    return EDGE_DAYS + sorted(spread - set(EDGE_DAYS))[:20]


@pytest.fixture(params=reference_days(), ids=str)
def demo_day(request) -> date:
    day = request.param
    moment = datetime(day.year, day.month, day.day, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    with time_machine.travel(moment, tick=False):
        generator.load(generator.DEFAULT_SEED, today=day)
        yield day


def demo_households():
    slugs = [slug for *_, slug in PROGRAMMES]
    return (
        Household.objects.filter(requests__programme__slug__in=slugs)
        .distinct()
        .prefetch_related("parents")
    )


def duplicates(names) -> list[str]:
    return [name for name, n in Counter(names).items() if n > 1]


def page(client, username: str, url: str):
    client.force_login(User.objects.get(username=username))
    response = client.get(url)
    assert response.status_code == 200, f"{username} on {url}: {response.status_code}"
    return response


# Whose page shows what: (user name, page, the part of the page that must not be empty).
WORK_PAGES = [
    ("coordinator", "matches:today", "overdue"),
    ("coordinator2", "matches:today", "overdue"),
    ("beheerder", "matches:match_list", "matches"),
    ("vrijwilliger", "matches:own_page", "cards"),
    ("ouder", "matches:own_page", "cards"),
    ("jongere", "matches:own_page", "cards"),
    ("verwijzer", "referrals:list", "referrals"),
    ("jeugdprofessional", "support_figures:young_people", "young_people"),
]


def names_are_unique() -> list[str]:
    people = {
        "households": [str(h) for h in demo_households()],
        "young people": [str(y) for y in Youth.objects.all()],
        "volunteers": [str(v) for v in Volunteer.objects.all()],
    }
    return [
        f"two {kind} called {name}" for kind, names in people.items() for name in duplicates(names)
    ]


def work_is_overdue(day: date) -> list[str]:
    return [] if Moment.objects.overdue(day).exists() else ["no overdue moment"]


def every_role_sees_something(client) -> list[str]:
    empty = [
        f"{username} sees an empty {url_name}"
        for username, url_name, key in WORK_PAGES
        if not page(client, username, reverse(url_name)).context[key]
    ]
    html = page(client, "analist", reverse("insight:dashboard")).content.decode()
    if not re.search(r">\s*\d[\d.]*\s*<", html.split('id="kerncijfers"', 1)[1]):
        empty.append("the analyst sees no key figure")
    export = page(client, "onderzoeker", reverse("privacy:research_export", args=["csv"]))
    if len(list(csv.reader(io.StringIO(export.content.decode())))) < 2:
        empty.append("the research export has no rows")
    page(client, "functioneelbeheer", reverse("admin:index"))
    return empty


def test_the_demo_keeps_its_promises_on_any_day(demo_day, client):
    broken = names_are_unique() + work_is_overdue(demo_day) + every_role_sees_something(client)
    assert broken == [], f"loaded on {demo_day}: " + "; ".join(broken)
