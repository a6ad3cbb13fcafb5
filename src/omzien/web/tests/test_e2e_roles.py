"""End to end, per demo role: log in, land on the own work page and do the role's main task,
on a phone and a laptop, in Dutch and in English; axe-core checks every page on the way.

The Dutch runs save a screenshot of the screen the task ends on to docs/screenshots/
(docs/screens.md says what each screen is for).
"""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from omzien.testing import browser_log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "omzien-demo-2026"
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
VIEWPORTS = {"320": {"width": 320, "height": 640}, "1366": {"width": 1366, "height": 900}}
SCREENSHOTS = Path(settings.BASE_DIR).parents[1] / "docs" / "screenshots"


class Visit:
    """One role's walk: the page, its language, and what axe-core found on each page seen."""

    def __init__(self, page, base_url: str, language: str):
        self.page, self.base_url, self.language = page, base_url, language
        self.violations: dict[str, list[str]] = {}

    def t(self, text: str) -> str:
        """The text as the page shows it in this walk's language."""
        with translation.override(self.language):
            return gettext(text)

    def start(self, text: str) -> str:
        """The translated text up to its first placeholder: the fixed part of a message."""
        return self.t(text).split("%(")[0]

    def check(self) -> None:
        """Run axe-core on the page as it is now; remember each rule it breaks."""
        self.page.wait_for_load_state()
        found = Axe().run(self.page, options=WCAG).response["violations"]
        if found:
            path = self.page.url.removeprefix(self.base_url)
            self.violations[path] = [
                f"{rule['id']}: {rule['help']} ({rule['nodes'][0]['target']})" for rule in found
            ]

    def click(self, locator) -> None:
        """Follow a link or press a button, then check the page it leads to."""
        with self.page.expect_navigation():
            locator.click()
        self.check()

    def heading(self, text: str) -> None:
        self.page.get_by_role("heading", level=1, name=self.t(text)).wait_for()

    def status(self) -> str:
        return self.page.locator("#berichten").inner_text()

    def nav(self, label: str) -> None:
        navigation = self.page.get_by_role("navigation", name=self.t("Hoofdmenu"))
        link = navigation.get_by_role("link", name=self.t(label), exact=True)
        if not link.is_visible():  # on a phone the menu is folded behind its button
            navigation.get_by_text(self.t("Menu"), exact=True).click()
        self.click(link)


# username: the page the role starts on (URL name, heading).
START = {
    "coordinator": ("matches:today", "Vandaag"),
    "beheerder": ("matches:today", "Vandaag"),
    "verwijzer": ("referrals:list", "Mijn verwijzingen"),
    "jeugdprofessional": ("support_figures:young_people", "Mijn jongeren"),
    "vrijwilliger": ("matches:own_page", "Mijn koppeling"),
    "ouder": ("matches:own_page", "Mijn koppeling"),
    "jongere": ("matches:own_page", "Mijn koppeling"),
    "analist": ("insight:dashboard", "Cijfers"),
    "onderzoeker": ("privacy:research", "Onderzoeksexport"),
}


def propose_a_volunteer(v: Visit) -> None:
    """The coordinator opens the longest waiting household and proposes its best volunteer."""
    v.nav("Wachtlijst")
    v.click(v.page.locator("#waiting-requests tbody tr").first.get_by_role("link"))
    best = v.page.locator("#candidates > li").first
    v.click(best.get_by_role("button", name=re.compile(f"^{v.t('Voorstellen')}")))
    v.heading("Koppelingen")
    assert v.start("Koppeling voorgesteld: %(match)s. Plan nu de kennismaking.") in v.status()


def look_up_the_audit_trail(v: Visit) -> None:
    """The organisation's administrator looks up who changed data, in the audit trail."""
    v.nav("Privacy")
    v.click(v.page.get_by_role("link", name=v.t("Audittrail"), exact=True))
    v.page.locator("#id_actie").select_option("view")
    v.click(v.page.locator("#id_actie").locator("xpath=ancestor::form").get_by_role("button"))
    v.heading("Audittrail")
    assert "actie=view" in v.page.url


def refer_a_family(v: Visit) -> None:
    """The referrer fills in every required field, the family's two consents included."""
    v.click(v.page.get_by_role("link", name=v.t("Een gezin verwijzen")))
    page = v.page
    page.locator("#id_referrer_organisation").fill("Buurtteam Voorbeeldstad")
    page.locator("#id_programme_0").check()
    page.locator("#id_first_name").fill("Samira")
    page.locator("#id_last_name").fill("Testgezin")
    page.locator("#id_phone").fill("0612345678")
    page.locator("#id_postcode").fill("9923 RR")
    page.locator("#id_household_type_0").check()
    page.locator("#id_kind-0-first_name").fill("Noor")
    born = timezone.localdate() - timedelta(days=365 * 6)
    page.locator("#id_kind-0-date_of_birth").fill(born.isoformat())
    page.locator("#id_needs_0").check()
    page.locator("#id_availability_1").check()
    page.locator("#id_consent_matching").check()
    page.locator("#id_consent_feedback_to_referrer").check()
    v.click(page.get_by_role("button", name=v.t("Verwijzing versturen")))
    v.heading("Mijn verwijzingen")
    received = (
        "De verwijzing is ontvangen. Het nummer is %(number)s; noteer het in uw eigen dossier."
    )
    assert v.start(received) in v.status()


def confirm_a_support_figure(v: Visit) -> None:
    """The youth professional confirms the support figure a young person proposed."""
    v.click(v.page.get_by_role("link", name=v.t("Voorstel wacht op u")))
    v.click(v.page.locator("#young-people tbody tr").first.get_by_role("link"))
    decide = v.page.get_by_role("button", name=v.t("Besluit vastleggen"))
    waiting = decide.count()
    assert waiting > 0
    form = v.page.locator("form", has=decide.first)
    # A mentor from the young person's own network is confirmed after a first meeting.
    form.get_by_label(v.t("Kennismakingsgesprek op")).fill(timezone.localdate().isoformat())
    v.click(decide.first)  # the decision offered first is to confirm, from today
    assert v.status(), v.page.locator("main").inner_text()
    assert decide.count() == waiting - 1


def log_a_contact(v: Visit) -> None:
    """The volunteer writes down a visit of today, with the hours it took."""
    page = v.page
    page.locator("#id_contact-on").fill(timezone.localdate().isoformat())
    page.locator("#id_contact-kind").select_option(index=1)
    page.locator("#id_contact-hours").fill("2")
    v.click(page.get_by_role("button", name=v.t("Contact vastleggen")))
    v.heading("Mijn koppeling")
    assert v.t("Dank je wel. Het contact staat in je overzicht.") in v.status()
    assert page.locator("#own-contacts li").count() > 0


def answer_a_questionnaire(v: Visit) -> None:
    """The parent answers the first open questionnaire on their page."""
    v.click(v.page.locator("#questionnaires a").first)
    v.page.locator("form fieldset").first.locator("input[type=radio]").first.check()
    v.click(v.page.get_by_role("button", name=v.t("Versturen")))
    assert v.t("Dank u wel. Uw antwoorden zijn opgeslagen.") in v.status()


def see_own_match(v: Visit) -> None:
    """The young person sees who their mentor is and who their coordinator is."""
    match = v.page.locator("section[id^=match-]").first
    assert re.match(v.start("Met %(name)s"), match.get_by_role("heading", level=2).inner_text())
    assert "@" in match.get_by_role("link", name=re.compile("@")).inner_text()


def read_the_map_table(v: Visit) -> None:
    """The analyst opens the map and reads its figures in the table beside it."""
    v.click(v.page.get_by_role("link", name=v.t("Kaart"), exact=True))
    table = v.page.locator("#map-table")
    assert table.locator("tbody tr").count() > 0
    assert table.locator("tfoot th").inner_text()


def download_the_research_export(v: Visit) -> None:
    """The researcher downloads the pseudonymised export as CSV."""
    with v.page.expect_download() as download:
        v.page.get_by_role("link", name=v.t("Download CSV")).click()
    first_line = Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()[0]
    assert first_line.startswith("person,")


TASKS = {
    "coordinator": propose_a_volunteer,
    "beheerder": look_up_the_audit_trail,
    "verwijzer": refer_a_family,
    "jeugdprofessional": confirm_a_support_figure,
    "vrijwilliger": log_a_contact,
    "ouder": answer_a_questionnaire,
    "jongere": see_own_match,
    "analist": read_the_map_table,
    "onderzoeker": download_the_research_export,
}


@pytest.fixture
def demo(live_server):
    call_command("load_demo", verbosity=0)
    return live_server.url


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("username", TASKS)
def test_role_does_its_main_task(browser, demo, username, language, viewport):
    context = browser.new_context(
        locale="nl-NL", viewport=VIEWPORTS[viewport], accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    v = Visit(page, demo, language)
    try:
        page.goto(f"{demo}{reverse('login')}")
        if language != "nl":
            page.locator(f"button[name=language][value={language}]").click()
        page.locator(f"html[lang={language}]").wait_for(state="attached")
        v.check()
        browser_log_in(page, demo, username, DEMO_PASSWORD)

        url_name, heading = START[username]
        assert page.url.split("?")[0] == f"{demo}{reverse(url_name)}"
        v.heading(heading)
        v.check()
        TASKS[username](v)
        if language == "nl":
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(
                path=SCREENSHOTS / f"{username}-{viewport}.jpg",
                type="jpeg",
                quality=60,
                full_page=viewport == "1366",
            )
    finally:
        context.close()
    assert not v.violations, v.violations
