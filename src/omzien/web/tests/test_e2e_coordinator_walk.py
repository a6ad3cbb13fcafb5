"""End to end, in headless Chromium against the demo: the coordinator's main walk."""

import re

import pytest
from django.core.management import call_command

from omzien.testing import browser_log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "omzien-demo-2026"


@pytest.fixture
def demo(live_server):
    call_command("load_demo", verbosity=0)
    return live_server.url


def log_in(page, base_url: str, username: str) -> None:
    browser_log_in(page, base_url, username, DEMO_PASSWORD)


def test_coordinator_proposes_a_volunteer_for_the_longest_waiting_household(page, demo):
    log_in(page, demo, "coordinator")
    page.get_by_role("navigation").get_by_role("link", name="Wachtlijst", exact=True).click()

    waiting = page.locator("#waiting-requests tbody tr")
    assert waiting.count() > 0
    days = [int(d) for d in waiting.locator("td:last-child").all_inner_texts()]
    assert days == sorted(days, reverse=True), "longest waiting first"
    assert page.locator("#available-offers tbody tr").count() > 0

    household = waiting.first.get_by_role("link")
    household_name = household.inner_text()
    household.click()
    page.get_by_role("heading", level=1, name=household_name).wait_for()

    candidates = page.locator("#candidates > li")
    assert candidates.count() > 0
    scores = [
        int(re.search(r"(\d+) van 100", t).group(1))
        for t in candidates.locator("h3").all_inner_texts()
    ]
    assert scores == sorted(scores, reverse=True), "best candidate first"
    first = candidates.first
    first.get_by_text("Waarom past deze vrijwilliger?").click()
    assert first.get_by_role("table").locator("tbody tr").count() >= 5
    volunteer = first.locator("h3").inner_text().split(" ")[0]

    first.get_by_role("button", name=re.compile("^Voorstellen")).click()

    page.get_by_role("heading", level=1, name="Koppelingen").wait_for()
    assert "Koppeling voorgesteld" in page.get_by_role("status").first.inner_text()
    # Two households may share a surname: the new match is the one row with this household,
    # this volunteer and the status just given.
    rows = page.locator("#matches tbody tr")
    row = rows.filter(has_text=household_name).filter(has_text=volunteer)
    assert row.filter(has_text="voorgesteld").count() == 1
