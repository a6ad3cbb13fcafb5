"""The busiest pages ask the database as often with twice the data: no query per row.

The national dataset is loaded at two sizes (1/2000 and 2/2000); at each, every page is opened
by the person who uses it and its queries are counted. A page may need fewer queries on more
data (a list that was empty), never more. One test for all pages: the loads are what costs.
"""

from datetime import date
from fractions import Fraction

import pytest
import time_machine
from django.db import connection, transaction
from django.db.models import Count
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from omzien.accounts.models import Role, User
from omzien.api.models import Scope
from omzien.api.tokens import create_client
from omzien.demo import national
from omzien.insight import rollups
from omzien.intake.models import Request, RequestStatus
from omzien.matches.models import Match, MatchStatus

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 16)
SIZES = (Fraction(1, 2000), Fraction(2, 2000))
FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Django skips a prefetch for an empty list: Vandaag's three lists (overdue, due this week,
# no contact) each fetch their parents once when they have rows, never once per row.
SKIPPED_WHEN_EMPTY = {"vandaag": 3}


def busiest_programme() -> int:
    """The programme with the most running matches: its coordinator has the fullest day."""
    return (
        Match.objects.filter(status=MatchStatus.ACTIVE)
        .values("request__programme")
        .annotate(running=Count("pk"))
        .order_by("-running", "request__programme")
        .values_list("request__programme", flat=True)
        .first()
    )


def pages() -> dict[str, tuple[User, str, dict]]:
    """Per page: who opens it, its address and the request headers."""
    programme = busiest_programme()
    coordinator = User.objects.get(username=f"coordinator-{programme}")
    match = Match.objects.filter(status=MatchStatus.ACTIVE, request__programme=programme).first()
    waiting = Request.objects.filter(status=RequestStatus.WAITING).order_by("pk").first()
    analyst = User.objects.filter(role=Role.ANALYST).order_by("pk").first()
    referrer = User.objects.get(username=f"verwijzer-{programme}")
    volunteer = User.objects.filter(role=Role.VOLUNTEER).order_by("pk").first()
    _c, referrals = create_client(
        name="Regiesysteem", organisation_name="Buurtteam", account=referrer,
        scopes=[Scope.REFERRALS],
    )  # fmt: skip
    _c, aggregates = create_client(
        name="Dashboard", organisation_name="Gemeente", account=analyst, scopes=[Scope.AGGREGATES]
    )
    return {
        "vandaag": (coordinator, reverse("matches:today"), {}),
        "wachtlijst": (coordinator, reverse("intake:waiting_list"), {}),
        "hulpvraag met voorstellen": (
            User.objects.get(username=f"coordinator-{waiting.programme_id}"),
            reverse("matching:request_detail", args=[waiting.pk]),
            {},
        ),
        "koppeling": (coordinator, reverse("matches:match_detail", args=[match.pk]), {}),
        "mijn koppeling": (volunteer, reverse("matches:own_page"), {}),
        "cijfers": (analyst, reverse("insight:dashboard"), {}),
        "kaart": (analyst, reverse("insight:map"), {}),
        "api verwijzingen": (None, reverse("api:referrals"), bearer(referrals)),
        "api cijfers": (None, reverse("api:aggregates"), bearer(aggregates)),
    }


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def counted(client, user, url: str, headers: dict) -> int:
    client.logout()
    if user:
        client.force_login(user)
    client.get(url, headers=headers)  # the first time fills caches (sessions, translations)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    assert response.status_code == 200, url
    return len(queries)


def test_queries_do_not_grow_with_the_data(client):
    counts: dict[str, list[int]] = {}
    # The pages see the data on the day it was made for: what is due, overdue and running.
    with override_settings(PASSWORD_HASHERS=FAST_HASHER), time_machine.travel(TODAY, tick=False):
        for size in SIZES:
            savepoint = transaction.savepoint()
            national.load(size, 2026, today=TODAY, progress=None)
            rollups.rebuild()  # as load_demo and the nightly task do: Cijfers reads them
            for name, (user, url, headers) in pages().items():
                counts.setdefault(name, []).append(counted(client, user, url, headers))
            transaction.savepoint_rollback(savepoint)
    assert len(counts) == 9
    growing = {
        page: (small, large)
        for page, (small, large) in counts.items()
        if large > small + SKIPPED_WHEN_EMPTY.get(page, 0)
    }
    assert growing == {}, f"queries at the small and the double size: {counts}"
