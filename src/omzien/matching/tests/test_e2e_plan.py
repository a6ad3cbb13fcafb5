"""End to end on the demo: a plan for the whole pool; two proposals accepted, one rejected."""

import re

import pytest
from django.core.management import call_command

from omzien.matches.models import Match, MatchStatus
from omzien.matching.models import PairRule
from omzien.testing import browser_log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_coordinator_plans_the_pool_and_decides(page, live_server):
    call_command("load_demo", verbosity=0)
    browser_log_in(page, live_server.url, "coordinator", "omzien-demo-2026")
    page.get_by_role("navigation").get_by_role("link", name="Plan voor de wachtlijst").click()

    page.get_by_role("button", name="Plan berekenen").click()
    page.get_by_role("status").filter(has_text="Plan berekend").wait_for()
    proposals = page.locator("#proposals > li")
    assert proposals.count() >= 3
    assert page.get_by_role("table").filter(has_text="Per buurt").count() == 1

    first = proposals.nth(0)
    first.get_by_text("Waarom dit voorstel?").click()
    assert first.get_by_role("table").locator("tbody tr").count() == 6  # the six parts of the score
    names = [proposals.nth(i).locator("h3").inner_text() for i in range(3)]

    proposed = Match.objects.filter(status=MatchStatus.PROPOSED)
    before = proposed.count()
    for index, button in ((0, "Accepteren"), (1, "Accepteren"), (2, "Afwijzen")):
        proposals.nth(index).get_by_role("button", name=re.compile(f"^{button}")).click()
        page.get_by_role("status").filter(
            has_text="Geaccepteerd" if button == "Accepteren" else "Afgewezen"
        ).wait_for()

    assert proposed.count() == before + 2
    assert PairRule.objects.filter(kind="exclude").count() == 1
    page.get_by_role("navigation").get_by_role("link", name="Koppelingen").click()
    matches = page.locator("#matches").inner_text()
    for name in names[:2]:
        household = name.split(" + ")[0]
        assert household in matches
    assert matches.count("voorgesteld") >= 2
