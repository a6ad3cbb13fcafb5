"""Reflow (WCAG 1.4.10): at 320 CSS pixels wide no page of any role scrolls sideways.

Tables may scroll inside their own box; the page itself must not. Every page that the
crawler finds for each demo role is opened in Chromium at 320 px.
"""

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.test import Client

from omzien.accounts.models import User
from omzien.testing import pages_for

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ROLES = [
    None,
    "coordinator",
    "beheerder",
    "verwijzer",
    "jeugdprofessional",
    "vrijwilliger",
    "ouder",
    "jongere",
    "analist",
    "onderzoeker",
]
PHONE = {"width": 320, "height": 640}
SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def html_pages(client, user) -> list[str]:
    """Per page the first address that opens as HTML for this user."""
    found = []
    for urls in pages_for(user).values():
        for url in urls:
            response = client.get(url)
            if response.status_code == 200:
                if response.get("Content-Type", "").startswith("text/html"):
                    found.append(url)
                break
    return found


def signed_in_client(username) -> Client:
    client = Client()
    if username:
        client.force_login(User.objects.get(username=username))
    return client


def test_no_page_scrolls_sideways_on_a_phone(browser, live_server):
    call_command("load_demo", verbosity=0)
    wide, seen = {}, 0
    for username in ROLES:
        client = signed_in_client(username)
        user = User.objects.get(username=username) if username else AnonymousUser()
        context = browser.new_context(locale="nl-NL", viewport=PHONE)
        if username:
            cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
            )
        page = context.new_page()
        for url in html_pages(client, user):
            page.goto(f"{live_server.url}{url}")
            seen += 1
            if (overflow := page.evaluate(SIDEWAYS)) > 0:
                wide[f"{username or 'bezoeker'} {url}"] = overflow
        context.close()
    assert seen > 100
    assert wide == {}, wide
