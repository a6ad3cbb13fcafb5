"""In the browser: a coordinator types in a paper questionnaire by keyboard, a parent answers
on their own page, and the beheerder reads the report; every page passes axe-core."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from omzien import testing
from omzien.access.roles import Role
from omzien.outcomes.models import Administration, Phase
from omzien.testing import browser_log_in

from . import world
from .test_report import MONEY_AFTER, MONEY_BEFORE, pairs

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PASSWORD = "test-wachtwoord-123"


def log_in(page, live_server, account):
    browser_log_in(page, live_server.url, account.username, PASSWORD)
    page.get_by_role("navigation").wait_for()


def axe_failures(page) -> str | None:
    result = Axe().run(page, options=WCAG)
    return result.generate_report() if result.violations_count else None


def test_paper_own_page_and_report(page, live_server):
    geo = testing.geography()
    programme = world.programme()
    request = world.after_intake(programme, geo["near"])
    pairs(programme, geo["near"], MONEY_BEFORE, MONEY_AFTER)
    failures = {}

    log_in(page, live_server, testing.coordinator(programme))
    page.goto(f"{live_server.url}/hulpvragen/{request.pk}/vragenlijsten/")
    failures["list"] = axe_failures(page)
    page.get_by_role("link", name=re.compile("^Invullen.*Situatie van het gezin, intake")).click()
    failures["paper"] = axe_failures(page)
    money = page.get_by_role("group", name="Geld: kunnen jullie rondkomen")
    money.get_by_label("Zorgen", exact=True).focus()
    page.keyboard.press("Space")
    page.get_by_role("group", name="Opvoeden").get_by_label("Gaat redelijk goed").check()
    page.get_by_role("button", name="Antwoorden opslaan").click()
    page.get_by_role("status").filter(has_text="De antwoorden zijn opgeslagen").wait_for()
    saved = Administration.objects.get(request=request, instrument__slug=world.SITUATION)
    assert saved.scores["Geld"] == 2 and saved.scores["Opvoeden"] == 4

    parent = testing.user(Role.PARENT)
    request.household.parents.update(account=parent)
    page.context.clear_cookies()
    log_in(page, live_server, parent)
    page.goto(f"{live_server.url}/mijn-vragenlijsten/")
    page.get_by_role("link", name="Tevredenheid en ervaren steun").click()
    failures["own"] = axe_failures(page)
    page.get_by_role("group", name="Ik sta er vaak alleen voor.").get_by_label(
        "Mee eens", exact=True
    ).check()
    page.get_by_role("button", name="Versturen").click()
    page.get_by_role("status").filter(has_text="Dank u wel").wait_for()
    assert (
        Administration.objects.get(
            request=request, phase=Phase.INTAKE, instrument__slug=world.SUPPORT
        ).mode
        == "own_page"
    )

    page.context.clear_cookies()
    log_in(page, live_server, testing.user(Role.ORG_ADMIN, organisation=programme.organisation))
    page.get_by_role("navigation").get_by_role("link", name="Uitkomsten").click()
    assert page.locator("#changes").get_by_role("row").count() > 1
    failures["report"] = axe_failures(page)
    assert not any(failures.values()), failures
