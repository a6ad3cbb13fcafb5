"""End to end: a volunteer signs up, the coordinator holds the intake and the screening,
and the volunteer shows up as available for matching."""

from datetime import timedelta

import pytest
from django.utils import timezone

from omzien import testing
from omzien.intake.models import Offer, OfferStatus
from omzien.testing import browser_log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def sign_up_as_volunteer(page, base_url: str) -> None:
    page.goto(f"{base_url}/aanmelden/vrijwilliger/")
    page.get_by_label("Voornaam").fill("Kees")
    page.get_by_label("Achternaam").fill("Vrijwilliger")
    page.get_by_label("Geboortedatum").fill("1980-05-01")
    page.get_by_label("E-mailadres").fill("kees@example.org")
    page.get_by_label("Postcode").fill("9801 CD")
    page.get_by_label("Nederlands", exact=True).check()
    page.get_by_label("samen iets leuks doen").check()
    page.get_by_label("zaterdag ochtend").check()
    page.get_by_label("Vanaf (jaar)").fill("4")
    page.get_by_label("Tot en met (jaar)").fill("12")
    page.get_by_label("Ik geef toestemming").check()
    page.get_by_role("button", name="Aanmelding versturen").click()
    page.get_by_role("heading", level=1, name="Bedankt voor je aanmelding").wait_for()


def take_step(page, label: str, **fields) -> None:
    page.get_by_label("Nieuwe stap").select_option(label=label)
    for name, value in fields.items():
        page.get_by_label(name).fill(value)
    page.get_by_role("button", name="Stap vastleggen").click()
    page.get_by_role("status").filter(has_text="De stap is vastgelegd").wait_for()


def test_volunteer_goes_from_sign_up_to_available(page, live_server):
    testing.geography()
    programme = testing.programme(
        name="Steungezinnen Teststad",
        requires_vog=True,
        references_required=1,
        training_required=True,
    )
    coordinator = testing.coordinator(programme)
    sign_up_as_volunteer(page, live_server.url)

    browser_log_in(page, live_server.url, coordinator.username, "test-wachtwoord-123")
    page.get_by_role("navigation").get_by_role("link", name="Werklijsten").click()
    page.locator("#list-offers").get_by_role("link", name="Kees Vrijwilliger").click()

    today = timezone.localdate()
    take_step(
        page, "intake gepland", **{"Datum van de intake": (today + timedelta(days=2)).isoformat()}
    )
    take_step(page, "intake gehouden", Toelichting="Fijn gesprek, motivatie helder.")
    take_step(page, "in screening")
    assert "Er is nog geen VOG ontvangen." in page.locator("#screening-missing").inner_text()

    vog = page.get_by_role("form", name="VOG vastleggen")
    vog.get_by_label("Aangevraagd op").fill((today - timedelta(days=20)).isoformat())
    vog.get_by_label("Datum van de VOG").fill(today.isoformat())
    vog.get_by_role("button", name="VOG vastleggen").click()
    reference = page.get_by_role("form", name="Referentie vastleggen")
    reference.get_by_label("Naam").fill("Buurvrouw Jansen")
    reference.get_by_label("Uitkomst").select_option(label="positief")
    reference.get_by_role("button", name="Referentie vastleggen").click()
    training = page.get_by_role("form", name="Training vastleggen")
    training.get_by_label("Datum").fill(today.isoformat())
    training.get_by_role("button", name="Training vastleggen").click()
    page.locator("#screening-complete").wait_for()

    take_step(page, "beschikbaar")
    assert page.locator("#offer-status").inner_text() == "beschikbaar"
    page.get_by_role("navigation").get_by_role("link", name="Wachtlijst", exact=True).click()
    assert "Kees Vrijwilliger" in page.locator("#available-offers").inner_text()
    assert Offer.objects.get().status == OfferStatus.AVAILABLE
