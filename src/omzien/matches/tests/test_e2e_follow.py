"""End to end on the demo: from an accepted proposal to a closed match, with a concern on the way."""

import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from omzien.matches.models import Match, MatchStatus
from omzien.testing import browser_log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def log_in(page, base_url):
    browser_log_in(page, base_url, "coordinator", "omzien-demo-2026")


def take_step(page, target: str, *, on=None, reason=""):
    page.get_by_label("Nieuwe stap").select_option(label=target)
    if on:
        page.get_by_label("Datum").fill(on.isoformat())
    if reason:
        page.get_by_label("Toelichting").fill(reason)
    page.get_by_role("button", name="Stap vastleggen").click()
    page.locator("#match-status").filter(has_text=target).wait_for()


def accept_first_proposal(page) -> Match:
    page.get_by_role("navigation").get_by_role("link", name="Plan voor de wachtlijst").click()
    page.get_by_role("button", name="Plan berekenen").click()
    page.get_by_role("status").filter(has_text="Plan berekend").wait_for()
    before = set(Match.objects.values_list("pk", flat=True))
    page.locator("#proposals > li").first.get_by_role(
        "button", name=re.compile("^Accepteren")
    ).click()
    page.get_by_role("status").filter(has_text="Geaccepteerd").wait_for()
    return Match.objects.exclude(pk__in=before).get()


def record_concern_through_five_steps(page):
    page.get_by_role("link", name="Zorgsignaal melden").click()
    page.get_by_label("Wat is er gezien of gehoord?").fill("Blauwe plekken op de arm.")
    page.get_by_role("button", name="Zorgsignaal vastleggen").click()
    page.get_by_role("status").filter(has_text="Het zorgsignaal is vastgelegd").wait_for()
    for step in range(1, 6):
        page.get_by_label("Toelichting").fill(f"Notitie bij stap {step}.")
        if step == 5:
            page.get_by_label("Hulp geboden of georganiseerd").check()
        page.get_by_role("button", name="Stap vastleggen").click()
        page.get_by_role("status").filter(has_text=f"Stap {step}").wait_for()
    page.get_by_label("Afsluitende opmerking").fill("Hulp loopt via het buurtteam.")
    page.get_by_role("button", name="Zorgsignaal afsluiten").click()
    page.get_by_role("status").filter(has_text="Het zorgsignaal is afgesloten").wait_for()


def test_a_match_from_proposal_to_closure(page, live_server):
    call_command("load_demo", verbosity=0)
    log_in(page, live_server.url)
    match = accept_first_proposal(page)
    today = timezone.localdate()

    page.goto(f"{live_server.url}/koppelingen/{match.pk}/")
    # Programmes without an introduction go straight from proposal to agreement.
    if match.request.programme.programme_type.has_introduction:
        take_step(page, "kennismaking gepland", on=today)
        take_step(page, "kennismaking gehouden", reason="Het klikte meteen.")
    take_step(page, "beide zeggen ja")
    take_step(page, "loopt", on=today)

    contact = page.get_by_role("form", name="Contact vastleggen")
    contact.get_by_label("Datum").fill(today.isoformat())
    contact.get_by_label("Soort contact").select_option(label="telefoongesprek")
    contact.get_by_label("Was dit een gepland moment?").select_option(index=1)
    contact.get_by_label("Korte notitie").fill("Eerste contactmoment: gaat goed.")
    contact.get_by_role("button", name="Contact vastleggen").click()
    page.locator("#contacts").filter(has_text="Eerste contactmoment").wait_for()
    assert page.locator("#moments").get_by_text("gedaan").count() == 1

    page.goto(f"{live_server.url}/koppelingen/{match.pk}/")
    record_concern_through_five_steps(page)
    assert match.concerns.get().status == "closed"

    page.goto(f"{live_server.url}/koppelingen/{match.pk}/")
    take_step(page, "wordt afgesloten", reason="De afgesproken periode is voorbij.")
    closure = page.locator("#closure-heading").locator("..")
    closure.get_by_label("Reden van afsluiten").select_option(label="doelen bereikt")
    closure.get_by_role("group", name="eerder gestopt").get_by_label("nee").check()
    closure.get_by_role("group", name="specialistische jeugdhulp").get_by_label("nee").check()
    closure.get_by_label("wil een nieuwe koppeling").check()
    closure.get_by_role("button", name="Afsluiten").click()
    page.locator("#match-status").filter(has_text="afgesloten").wait_for()

    match.refresh_from_db()
    assert match.status == MatchStatus.CLOSED and match.closure_reason == "goals_reached"
    assert match.moments.filter(kind="check_in", done_on=today).exists()
    assert page.get_by_role("button", name="Koppeling heropenen").is_visible()
