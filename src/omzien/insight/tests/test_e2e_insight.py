"""End to end on the demo, by keyboard where it matters: the analyst walks the dashboard,
switches the map's figure, and has the yearly account made (PDF and XLSX links appear)."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from omzien.testing import browser_log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_analyst_walks_the_figures_and_makes_the_yearly_account(
    page, live_server, settings, tmp_path
):
    settings.TASKS = IMMEDIATE
    settings.OMZIEN_REPORT_ROOT = tmp_path
    call_command("load_demo", verbosity=0)
    browser_log_in(page, live_server.url, "analist", "omzien-demo-2026")
    page.get_by_role("navigation").get_by_role("link", name="Cijfers").click()

    # Every chart has its table, and the key figures are numbers or 'niet getoond'.
    key_figures = page.locator("#kerncijfers dd")
    assert key_figures.count() == 11
    assert re.fullmatch(r"[\d.]+", key_figures.first.inner_text())
    assert page.locator("figure svg").count() == 5
    for caption in ("Wachtlijst: de cijfers", "Vrijwilligers en hun uren: de cijfers"):
        assert page.get_by_role("table", name=caption).locator("tbody tr").count() == 24
    failures = {"dashboard": Axe().run(page, options=WCAG)}

    # To the map by keyboard: the tab link, then the figure chooser.
    page.get_by_role("link", name="Kaart", exact=True).focus()
    page.keyboard.press("Enter")
    page.locator("#map .leaflet-interactive").first.wait_for()
    # The shapes stay out of the tab order (the table holds the figures); the zoom buttons
    # speak Dutch.
    shapes = page.locator("#map path.leaflet-interactive")
    assert shapes.count() > 3
    assert shapes.evaluate_all("s => s.every(p => p.tabIndex < 0 && p.ariaHidden === 'true')")
    assert page.get_by_role("button", name="Inzoomen").count() == 1
    header = page.locator("#map-table-measure")
    first = header.inner_text()
    page.get_by_label("Cijfer op de kaart", exact=True).focus()
    page.keyboard.press("ArrowDown")
    page.wait_for_function(
        "first => document.getElementById('map-table-measure').textContent !== first", arg=first
    )
    assert header.inner_text() == page.locator("#map-legend-measure").inner_text() != first
    assert page.locator("#map-legend li").count() >= 2
    failures["map"] = Axe().run(page, options=WCAG)

    for tab in ("Waar werven", "Thema's"):
        page.get_by_role("link", name=tab, exact=True).click()
        page.get_by_role("table").first.wait_for()
        failures[tab] = Axe().run(page, options=WCAG)
    assert page.locator("#flagged-themes li").filter(has_text="geld en schulden").count() >= 1

    page.get_by_role("link", name="Jaarverantwoording", exact=True).click()
    page.get_by_label(re.compile(r"^Jaar\b")).select_option(
        str(page.evaluate("new Date().getFullYear()") - 1)
    )
    page.get_by_role("button", name="Maak de jaarverantwoording").click()
    page.get_by_role("link", name="PDF downloaden").wait_for()
    assert page.get_by_role("link", name="XLSX downloaden").count() == 1
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF downloaden").click()
    assert download.value.suggested_filename.endswith(".pdf")
    failures["yearly"] = Axe().run(page, options=WCAG)

    reports = {name: r.generate_report() for name, r in failures.items() if r.violations_count}
    assert not reports, reports
