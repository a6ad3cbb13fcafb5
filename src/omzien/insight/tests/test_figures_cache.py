"""A page of figures asked again within OMZIEN_FIGURES_SECONDS comes from the cache: the same
published figures, without counting again; another question, language or day is counted anew."""

import re
from datetime import date, datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from omzien import testing
from omzien.access.roles import Role

from . import builders

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime(2026, 3, 10, 11))
CSRF = re.compile(r'[Cc][Ss][Rr][Ff][^"]*": "[^"]+"|name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.fixture
def analyst(client, settings):
    settings.OMZIEN_FIGURES_SECONDS = 60
    town = builders.town()
    programme = builders.programme(town)
    for n in range(12):
        builders.match(
            programme, town.areas[n % 3], signed_up=date(2025, 5, 1), started=date(2025, 6, n + 1)
        )
    user = testing.user(Role.ANALYST, municipality=town.municipality)
    client.force_login(user)
    return user


def looked(client, url: str, **params) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return CSRF.sub("", response.content.decode()), len(queries)


@pytest.mark.parametrize("page", ["insight:dashboard", "insight:map"])
def test_the_same_question_is_answered_from_the_cache(client, analyst, page):
    url, question = reverse(page), {"start": "2025-01", "end": "2026-02"}
    with time_machine.travel(NOW, tick=False):
        first, counted = looked(client, url, **question)
        again, cached = looked(client, url, **question)
        _other, recounted = looked(client, url, start="2025-06", end="2026-02")
    assert again == first
    assert cached < counted - 5  # the figures' own queries are gone
    assert recounted >= counted - 2  # another period is counted anew


def test_a_new_day_or_another_language_is_counted_anew(client, analyst):
    url, question = reverse("insight:dashboard"), {"start": "2025-01", "end": "2026-02"}
    with time_machine.travel(NOW, tick=False):
        _first, counted = looked(client, url, **question)
        client.cookies["django_language"] = "en"
        english, in_english = looked(client, url, **question)
    with time_machine.travel(NOW.replace(day=11), tick=False):
        del client.cookies["django_language"]
        client.force_login(analyst)  # yesterday's session has ended
        _next_day, next_day = looked(client, url, **question)
    assert "Key figures" in english
    assert in_english >= counted - 2
    assert next_day >= counted - 2
