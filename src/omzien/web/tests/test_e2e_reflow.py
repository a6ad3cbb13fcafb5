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
from omzien.testing import DEMO_ROLES, html_pages

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 320, "height": 640}
# How far the page scrolls sideways, and the elements that stick out further than their
# container (outside any box that scrolls by itself), to say where to look.
SIDEWAYS = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = (el) => ["auto", "scroll", "hidden"].includes(getComputedStyle(el).overflowX);
  const culprits = [...document.querySelectorAll("body *")].filter((el) => {
    if (el.getBoundingClientRect().right <= width + 0.5) return false;
    for (let up = el.parentElement; up; up = up.parentElement) if (scrolls(up)) return false;
    const parent = el.parentElement;
    return !parent || el.getBoundingClientRect().right > parent.getBoundingClientRect().right + 0.5;
  });
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + [...el.classList].map((c) => "." + c).join("");
  return [document.documentElement.scrollWidth - width, culprits.slice(0, 3).map(name)];
}"""


def signed_in_client(username) -> Client:
    client = Client()
    if username:
        client.force_login(User.objects.get(username=username))
    return client


def test_no_page_scrolls_sideways_on_a_phone(browser, live_server):
    call_command("load_demo", verbosity=0)
    wide, seen = {}, 0
    for username in DEMO_ROLES:
        client = signed_in_client(username)
        user = User.objects.get(username=username) if username else AnonymousUser()
        context = browser.new_context(locale="nl-NL", viewport=PHONE)
        if username:
            cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
            )
        page = context.new_page()
        for url, _html in html_pages(client, user):
            page.goto(f"{live_server.url}{url}")
            seen += 1
            overflow, culprits = page.evaluate(SIDEWAYS)
            if overflow > 0:
                wide[f"{username or 'bezoeker'} {url}"] = (overflow, culprits)
        context.close()
    assert seen > 100
    assert wide == {}, wide
