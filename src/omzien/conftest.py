"""Fixtures shared by the whole suite: a small programme world with users of each role."""

import pytest
from django.conf import settings


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Hashing strength is not what the tests measure; MD5 keeps the suite quick.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _private_cache(settings):
    # Each test starts with an empty cache of its own: rate limits and progress never leak between tests.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # Figures are counted afresh for every question: tests change data between two looks.
    settings.OMZIEN_FIGURES_SECONDS = 0
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _dutch_after_each_test():
    # A request in English leaves English active in this thread; the next test starts in Dutch.
    yield
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _second_factor_on_force_login(monkeypatch):
    """`client.force_login` of a staff user also passes the second step, with a real confirmed
    TOTP device, as a code would; accounts/tests/test_two_factor.py tests the step itself."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from omzien.accounts.two_factor import needs_second_factor

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        if needs_second_factor(user):
            device, _ = TOTPDevice.objects.get_or_create(
                user=user, confirmed=True, defaults={"name": "test"}
            )
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def shared_data():
    """The real public data in ../shared/data; tests that need it skip where it is absent."""
    path = settings.OMZIEN_SHARED_DATA
    if not path.is_dir():
        pytest.skip(f"shared data folder not found at {path}")
    return path


CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    """The system Chromium, headless, never a downloaded browser and no background traffic."""
    import os
    from pathlib import Path

    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not found: apt-get install chromium (CI installs it)")
    # Playwright's sync API runs an event loop in this thread; Django's ORM must still be usable.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # Import every view (SciPy, PDF, OpenAPI) now, not during a page's first load and its timeout.
    from django.urls import get_resolver

    assert get_resolver().url_patterns
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh page; any script or style the Content-Security-Policy blocked fails the test."""
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(10_000)
    blocked = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and blocked.append(message.text),
    )
    yield page
    context.close()
    assert not blocked, blocked
