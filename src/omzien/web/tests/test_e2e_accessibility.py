"""Every coordinator page of the demo passes axe-core (WCAG 2.1 A and AA rules) in Chromium."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from omzien.intake.models import Offer, Request
from omzien.matches.models import Match
from omzien.testing import browser_log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def test_coordinator_pages_pass_axe(page, live_server):
    call_command("load_demo", verbosity=0)
    waiting = Request.objects.filter(
        status="waiting", programme__staff__username="coordinator"
    ).first()
    volunteer = Offer.objects.filter(programme__staff__username="coordinator").first()
    browser_log_in(page, live_server.url, "coordinator", "omzien-demo-2026")
    page.get_by_role("navigation").wait_for()

    failures = {}
    for path in [
        "/",
        "/vandaag/",
        "/werklijsten/",
        "/werklijsten/?lijst=vog-verloopt",
        "/wachtlijst/",
        f"/hulpvragen/{waiting.pk}/",
        f"/aanbod/{volunteer.pk}/",
        "/koppelingen/",
        f"/koppelingen/{Match.objects.filter(status='active', offer__programme__staff__username='coordinator').first().pk}/",
        "/koppelen/plan/",
        "/importeren/",
    ]:
        page.goto(f"{live_server.url}{path}")
        result = Axe().run(page, options=WCAG)
        if result.violations_count:
            failures[path] = result.generate_report()
    # The plan page again, now with proposals, explanations and the fairness tables.
    page.goto(f"{live_server.url}/koppelen/plan/")
    page.get_by_role("button", name="Plan berekenen").click()
    page.locator("#proposals").wait_for()
    result = Axe().run(page, options=WCAG)
    if result.violations_count:
        failures["plan with proposals"] = result.generate_report()
    assert not failures, failures
