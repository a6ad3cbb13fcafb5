"""Every admin page that functional management opens passes axe-core (WCAG 2.1 A and AA)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from omzien.accounts.models import User
from omzien.testing import admin_pages, browser_log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WCAG = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    # Not axe's stylesheet preload: it re-reads Django's @import-ed admin CSS through an inline
    # <style>, which the site's CSP rightly blocks (the page fixture fails on any block). Only
    # css-orientation-lock needs it, and neither the admin's nor Omzien's CSS locks orientation.
    "preload": {"assets": ["media"]},
}


def test_every_admin_page_passes_axe(page, live_server):
    call_command("load_demo", verbosity=0)
    # The demo's functional administrator: the account that may open /beheer/.
    administrator = User.objects.get(username="functioneelbeheer")
    browser_log_in(page, live_server.url, administrator.username, "omzien-demo-2026")
    urls = admin_pages(administrator)
    assert len(urls) > 30  # every registered model, not an empty list by mistake

    failures = []
    for url in urls:
        response = page.goto(f"{live_server.url}{url}")
        assert response.ok, f"{url} answered {response.status}"
        for violation in Axe().run(page, options=WCAG).response["violations"]:
            targets = [node["target"] for node in violation["nodes"][:3]]
            failures.append(f"{url}: {violation['id']} ({violation['help']}) at {targets}")
    assert not failures, "\n".join(failures)
