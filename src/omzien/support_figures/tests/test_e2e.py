"""End to end in a browser: a professional registers a young person, the young person proposes
a mentor, the professional confirms, and the coverage page follows with the published share."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from omzien import testing
from omzien.support_figures.coverage import coverage
from omzien.testing import browser_log_in

from . import builders

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "test-wachtwoord-123"


def log_in(page, live_server, user):
    browser_log_in(page, live_server.url, user.username, PASSWORD)


def log_out(page):
    page.get_by_role("button", name="Uitloggen").click()


def menu(page, name: str) -> None:
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name=name).click()


def coverage_this_month(page) -> str:
    menu(page, "Steunfiguren")
    row = page.locator(f"#month-{timezone.localdate():%Y-%m}")
    return row.locator("td").nth(3).inner_text()


def published_share(municipality) -> str:
    """This month's share as published: from counts rounded per cell, so it moves in steps."""
    today = timezone.localdate()
    share = coverage(municipality, today.replace(day=1), today)[-1].share
    return f"{share:.1f}%".replace(".", ",")


def test_register_propose_confirm_and_coverage_goes_up(page, live_server):
    municipality = testing.geography()["municipality"]
    professional = builders.professional(first_name="Ricardo", last_name="Martina")
    youth = builders.youth_account()
    # Ten young people already placed in Teststad: five with a support figure.
    for i in range(10):
        person = builders.young_person(
            municipality, placed_on=date(2025, 1, 1), professionals=[professional] if i == 0 else []
        )
        if i >= 5:
            builders.figure(person, started_on=date(2025, 2, 1))

    log_in(page, live_server, professional)
    assert coverage_this_month(page) == "50,0%"  # ten and five: multiples of five, as they are
    menu(page, "Mijn jongeren")
    page.get_by_role("link", name="Jongere vastleggen").click()
    page.get_by_label("Voornaam").fill("Noor")
    page.get_by_label("Achternaam").fill("Haddou")
    page.get_by_label("Geboortedatum").fill("2009-06-15")
    page.get_by_label("Gemeente die verantwoordelijk is").select_option(label=str(municipality))
    page.get_by_label("Soort plaatsing").select_option(label="gezinshuis")
    page.get_by_label("Geplaatst door").fill("Jeugdbescherming")
    since = timezone.localdate() - timedelta(days=90)
    page.get_by_label("Uit huis geplaatst sinds").fill(since.isoformat())
    page.get_by_label("De jongere geeft toestemming").check()
    page.get_by_label("E-mailadres van het account van de jongere").fill(youth.email)
    page.get_by_role("button", name="Vastleggen").click()
    page.get_by_role("status").filter(has_text="Noor Haddou is vastgelegd").wait_for()
    assert coverage_this_month(page) == published_share(municipality)  # one more, without
    log_out(page)

    log_in(page, live_server, youth)
    menu(page, "Mijn steunfiguur")
    page.get_by_role("link", name="Mentor voorstellen").click()
    page.get_by_label("mentor die de jongere zelf koos").check()
    page.get_by_label("Voornaam").fill("Kees")
    page.get_by_label("Achternaam").fill("Bakker")
    page.get_by_label("Wie is dit voor de jongere?").fill("trainer van de voetbalclub")
    page.get_by_role("button", name="Voorstel versturen").click()
    page.get_by_role("status").filter(has_text="Je voorstel is verstuurd").wait_for()
    assert "voorgesteld" in page.locator("#my-figures").inner_text()
    log_out(page)

    log_in(page, live_server, professional)
    menu(page, "Mijn jongeren")
    page.get_by_role("link", name="Noor Haddou").click()
    proposal = page.get_by_role("form", name="Voorstel Kees Bakker")
    proposal.get_by_label("Besluit").select_option(label="bevestigd")
    proposal.get_by_label("Kennismakingsgesprek op").fill(timezone.localdate().isoformat())
    proposal.get_by_role("button", name="Besluit vastleggen").click()
    page.get_by_role("status").filter(has_text="Kees Bakker: bevestigd").wait_for()
    assert coverage_this_month(page) == published_share(municipality)
