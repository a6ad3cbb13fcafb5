"""End to end, in headless Chromium: a volunteer signs up; the public forms pass axe-core."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings

from omzien import testing
from omzien.access.roles import Role
from omzien.intake.models import Offer, OfferStatus
from omzien.privacy.models import Consent

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def programme():
    testing.geography()
    return testing.programme(name="Steungezinnen Teststad")


def test_volunteer_signs_up_in_the_browser(page, live_server, programme, mailoutbox):
    page.goto(f"{live_server.url}/aanmelden/vrijwilliger/")

    # The only programme is chosen already.
    assert page.get_by_label("Steungezinnen Teststad").is_checked()
    page.get_by_label("Voornaam").fill("Kees")
    page.get_by_label("Achternaam").fill("de Vries")
    page.get_by_label("Geboortedatum").fill("1980-05-01")
    page.get_by_label("E-mailadres").fill("kees@example.org")
    page.get_by_label("Postcode").fill("9801 CD")
    page.get_by_label("Nederlands", exact=True).check()
    page.get_by_label("samen iets leuks doen").check()
    page.get_by_label("zaterdag ochtend").check()
    page.get_by_label("woensdag middag").check()
    page.get_by_label("Vanaf (jaar)").fill("4")
    page.get_by_label("Tot en met (jaar)").fill("12")
    page.get_by_label("Ik geef toestemming").check()
    page.get_by_role("button", name="Aanmelding versturen").click()

    page.get_by_role("heading", level=1, name="Bedankt voor je aanmelding").wait_for()
    assert page.url == f"{live_server.url}/aanmelden/bedankt/je/"
    offer = Offer.objects.select_related("volunteer").get()
    assert offer.status == OfferStatus.SIGNED_UP and offer.volunteer.last_name == "de Vries"
    assert offer.availability == ["wed_afternoon", "sat_morning"]
    assert Consent.objects.get().purpose == "matching"
    assert [mail.to for mail in mailoutbox] == [["kees@example.org"]]


def test_refused_input_comes_back_at_the_field(page, live_server, programme):
    page.goto(f"{live_server.url}/aanmelden/vrijwilliger/")
    page.get_by_label("Voornaam").fill("Kees")
    page.get_by_label("Geboortedatum").fill("2015-01-01")
    page.get_by_role("button", name="Aanmelding versturen").click()

    summary = page.get_by_role("alert")
    summary.wait_for()
    assert "Vrijwilligers zijn 18 jaar of ouder." in summary.inner_text()
    # The link in the error summary leads to the field; what was typed is still there.
    summary.get_by_role("link", name="Geboortedatum: Vrijwilligers zijn 18 jaar of ouder.").click()
    assert page.get_by_label("Geboortedatum").evaluate("el => el === document.activeElement")
    assert page.get_by_label("Voornaam").input_value() == "Kees"
    assert not Offer.objects.exists()


def assert_accessible(page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", ["gezin", "jongere", "vrijwilliger"])
def test_forms_pass_axe_with_and_without_errors(page, live_server, programme, path):
    testing.programme(serves="youth")
    page.goto(f"{live_server.url}/aanmelden/{path}/")
    assert_accessible(page)

    page.get_by_role("button", name="Aanmelding versturen").click()
    page.get_by_role("alert").wait_for()
    assert_accessible(page)


def test_referral_pages_pass_axe(page, live_server, programme, client):
    referrer = testing.user(Role.REFERRER)
    client.force_login(referrer)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])

    page.goto(f"{live_server.url}/verwijzingen/nieuw/")
    page.get_by_role("button", name="Verwijzing versturen").click()
    page.get_by_role("alert").wait_for()
    assert_accessible(page)
    page.goto(f"{live_server.url}/verwijzingen/")
    assert_accessible(page)
