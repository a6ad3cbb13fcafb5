"""The engine's tests need no Django: the suite-wide autouse fixtures become no-ops here."""

import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing():
    """Nothing to hash in the engine."""


@pytest.fixture(autouse=True)
def _private_cache():
    """No Django cache in the engine."""
