from datetime import date

import pytest
from django.test import override_settings

from omzien.demo import generator


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
