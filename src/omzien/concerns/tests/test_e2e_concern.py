"""End to end: a coordinator records a concern on a match and walks the five Meldcode steps."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from omzien import testing
from omzien.concerns.models import Concern, ConcernStatus
from omzien.matches.models import Match, MatchStatus
from omzien.testing import browser_log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_coordinator_records_a_concern_and_walks_it_to_closed(page, live_server):
    geo = testing.geography()
    programme = testing.programme("Steungezinnen")
    request = testing.waiting_request(programme, geo["near"], last_name="Bakker")
    request.transition("matched")
    match = Match.objects.create(
        request=request,
        offer=testing.available_offer(programme, geo["near"]),
        status=MatchStatus.ACTIVE,
        started_on=timezone.localdate() - timedelta(days=60),
    )
    coordinator = testing.coordinator(programme)

    browser_log_in(page, live_server.url, coordinator.username, "test-wachtwoord-123")
    page.goto(f"{live_server.url}/koppelingen/{match.pk}/zorgsignaal/")
    page.get_by_label("Wat is er gezien of gehoord?").fill("Blauwe plekken op de arm.")
    page.get_by_role("button", name="Zorgsignaal vastleggen").click()
    page.get_by_role("status").filter(has_text="Het zorgsignaal is vastgelegd").wait_for()

    for step in range(1, 6):
        assert page.get_by_role("heading", name=re.compile(f"Volgende stap: Stap {step}")).count()
        page.get_by_label("Toelichting").fill(f"Notitie bij stap {step}.")
        if step == 5:
            page.get_by_label("Hulp geboden of georganiseerd").check()
        page.get_by_role("button", name="Stap vastleggen").click()
        page.get_by_role("status").filter(has_text=f"Stap {step}").wait_for()

    assert page.locator("#steps > li").count() == 5
    assert "Besluit: Hulp geboden of georganiseerd" in page.locator("#steps").inner_text()
    page.get_by_label("Afsluitende opmerking").fill("Hulp loopt via het buurtteam.")
    page.get_by_role("button", name="Zorgsignaal afsluiten").click()
    page.get_by_role("status").filter(has_text="Het zorgsignaal is afgesloten").wait_for()

    assert page.locator("#concern-status").inner_text() == "afgesloten"
    concern = Concern.objects.get()
    assert concern.status == ConcernStatus.CLOSED and concern.steps.count() == 5
    page.get_by_role("navigation").get_by_role("link", name="Zorgsignalen").click()
    assert "Bakker" in page.locator("#closed-concerns").inner_text()
