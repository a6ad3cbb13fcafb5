"""On a phone (375 by 812) the header leaves room for the page, and no chart shrinks its text
below 12 px: the menu folds behind a button that works by keyboard, and a chart too small to
read gives way to its table twin. A link in a form's error summary shows the field from its
label down, with and without JavaScript."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from omzien import testing
from omzien.accounts.models import User
from omzien.support_figures.models import NetworkMap

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 812}
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
# The smallest text of each drawing on screen, in CSS pixels (its font size times the drawing's
# scale), or null for a drawing that is not shown.
SMALLEST_TEXT = """() => [...document.querySelectorAll("main svg[role=img]")].map((svg) => {
  if (!svg.getClientRects().length) return null;
  const scale = svg.getScreenCTM().a;
  const sizes = [...svg.querySelectorAll("text")]
    .map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
  return Math.min(...sizes);
})"""


@pytest.fixture
def phone(browser, live_server):
    """A phone's browser page signed in as a demo user (the log-in itself is tested elsewhere)."""
    call_command("load_demo", verbosity=0)
    contexts = []

    def signed_in(username):
        client = Client()
        client.force_login(User.objects.get(username=username))
        context = browser.new_context(locale="nl-NL", viewport=PHONE)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield signed_in, live_server.url
    for context in contexts:
        context.close()


def test_the_menu_folds_behind_a_button_that_opens_by_keyboard(phone):
    signed_in, base = phone
    page = signed_in("coordinator")
    page.goto(f"{base}/vandaag/")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    today = menu.get_by_role("link", name="Vandaag")

    assert page.locator("header").bounding_box()["height"] < 200
    assert today.is_hidden()
    assert not Axe().run(page, options=WCAG).violations_count

    button = menu.locator("summary", has_text="Menu")
    button.focus()
    page.keyboard.press("Enter")
    today.wait_for()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('nav') !== null")
    assert page.evaluate("document.activeElement.tagName") == "A"
    assert not Axe().run(page, options=WCAG).violations_count

    button.focus()
    page.keyboard.press("Space")
    today.wait_for(state="hidden")
    page.keyboard.press("Space")
    today.click()
    page.wait_for_url(f"{base}/vandaag/")


def test_the_menu_is_always_open_on_a_wide_screen(phone):
    signed_in, base = phone
    page = signed_in("coordinator")
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{base}/vandaag/")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    assert menu.get_by_role("link", name="Vandaag").is_visible()
    assert menu.locator("summary").is_hidden()


@pytest.mark.parametrize(
    ("username", "path"),
    [
        ("analist", "/cijfers/"),
        ("jeugdprofessional", "/steunfiguren/dekking/"),
        ("coordinator", "map"),
    ],
)
def test_charts_keep_text_readable_or_give_way_to_their_table(phone, username, path):
    signed_in, base = phone
    page = signed_in(username)
    if path == "map":
        user = User.objects.get(username=username)
        path = f"/netwerkkaarten/{NetworkMap.objects.visible_to(user).first().pk}/"
    page.goto(f"{base}{path}")
    drawings = page.evaluate(SMALLEST_TEXT)

    assert drawings, "the page has a chart"
    assert set(drawings) == {None}, "on a phone the table stands in for the chart"
    assert page.locator("main table").first.is_visible()
    assert not Axe().run(page, options=WCAG).violations_count
    # From the width where the chart shows (48rem) to a desktop, its text stays readable.
    for width in (768, 1024, 1366):
        page.set_viewport_size({"width": width, "height": 800})
        drawings = page.evaluate(SMALLEST_TEXT)
        assert drawings and all(size >= 12 for size in drawings), (width, drawings)


# Whether the element is wholly inside the window.
IN_VIEW = """(el) => {
  const box = el.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
}"""


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no script"])
def test_an_error_summary_link_shows_the_field_from_its_label(browser, live_server, javascript):
    testing.geography()
    testing.programme()
    context = browser.new_context(locale="nl-NL", viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{live_server.url}/aanmelden/vrijwilliger/")
    page.get_by_role("button", name="Aanmelding versturen").click()
    summary = page.locator(".omzien-error-summary")
    summary.wait_for()

    # A text box under its label, a group of checkboxes under its legend, the week's grid.
    for link, label in [
        ("Achternaam", page.locator("label[for=id_last_name]")),
        ("Wat kun je bieden?", page.locator("#id_offers_fieldset legend")),
        ("Wanneer kun je?", page.locator("#id_availability_fieldset legend")),
    ]:
        page.evaluate("window.scrollTo(0, 0)")
        summary.get_by_role("link", name=link).click()
        page.wait_for_timeout(100)  # the jump is instant; give the browser a frame to draw it
        assert label.evaluate(IN_VIEW), f"{link}: label out of view"
        if javascript:
            assert page.evaluate("document.activeElement.closest('.omzien-error-summary')") is None
            assert page.evaluate("document.activeElement.tagName") == "INPUT", link
    context.close()
