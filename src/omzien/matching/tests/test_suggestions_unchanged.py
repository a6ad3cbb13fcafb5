"""A request's page shows the same volunteers, in the same order and with the same scores, as
the engine finds when it weighs the programme's whole pool: what the page is quick about must
not change what it shows."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from omzien.accounts.models import User
from omzien.demo import generator
from omzien.intake.models import Offer, Request, RequestStatus
from omzien.matching import engine
from omzien.matching.pool import load_pool

pytestmark = pytest.mark.django_db

DAY = date(2026, 12, 5)
PROPOSE = re.compile(r'name="offer" value="(\d+)"')
SCORE = re.compile(r"(\d+) van 100 punten")


def whole_pool_suggestions(coordinator, help_request) -> list[tuple[int, int]]:
    """(offer, score) of the best ten over every waiting request and offer of the programme."""
    programme = help_request.programme
    requests = Request.objects.filter(programme=programme, status=RequestStatus.WAITING)
    offers = Offer.objects.visible_to(coordinator).filter(programme=programme).available()
    pool = load_pool(programme, requests, offers)
    found = engine.suggest_for_request(pool, help_request.pk, k=10)
    return [(s.offer_id, round(s.score)) for s in found.candidates]


def test_request_page_shows_the_suggestions_of_the_whole_pool(client):
    with time_machine.travel(datetime(2026, 12, 5, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))):
        generator.load(generator.DEFAULT_SEED, today=DAY)
        coordinator = User.objects.get(username="coordinator")
        client.force_login(coordinator)
        waiting = Request.objects.visible_to(coordinator).filter(status=RequestStatus.WAITING)
        compared = 0
        for help_request in waiting:
            html = client.get(reverse("matching:request_detail", args=[help_request.pk]))
            html = html.content.decode()
            shown = [
                (int(offer), int(score))
                for offer, score in zip(PROPOSE.findall(html), SCORE.findall(html), strict=True)
            ]
            assert shown == whole_pool_suggestions(coordinator, help_request), help_request.pk
            compared += bool(shown)
        assert compared >= 5  # the demo has waiting families with volunteers who fit
