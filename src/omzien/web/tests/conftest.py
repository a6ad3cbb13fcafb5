"""Shared fixtures of the web tests: the demo once per module, and static files served as in
production (collected once, with hashed names and compressed copies)."""

from datetime import date

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import override_settings

from omzien.demo import generator

MANIFEST = "whitenoise.storage.CompressedManifestStaticFilesStorage"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, once per test module: every kind of page has rows to show."""
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
    ):
        generator.load(generator.DEFAULT_SEED, today=date(2026, 12, 5))
        yield
        generator.remove()


def production_storages() -> dict:
    return django_settings.STORAGES | {"staticfiles": {"BACKEND": MANIFEST}}


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """What `collectstatic` writes in production: each file under a hashed name too, with a
    gzip and a Brotli copy beside it. The admin's and the API browser's files are on none of
    the pages tested and would make this take most of a minute."""
    root = tmp_path_factory.mktemp("static")
    with override_settings(STATIC_ROOT=root, STORAGES=production_storages()):
        call_command(
            "collectstatic",
            interactive=False,
            verbosity=0,
            ignore_patterns=["admin", "rest_framework"],
        )
    return root


@pytest.fixture
def production_static(settings, collected_static):
    """Settings as OMZIEN_PRODUCTION=1 makes them: WhiteNoise serves the collected files only."""
    settings.STATIC_ROOT = collected_static
    settings.STORAGES = production_storages()
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    settings.WHITENOISE_MAX_AGE = 60
    return collected_static
