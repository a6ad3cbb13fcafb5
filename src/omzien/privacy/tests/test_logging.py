"""Log lines keep names, e-mail addresses and postcodes out, whatever a developer logs."""

import io
import logging

import pytest

from omzien.people.models import Parent

logger = logging.getLogger("omzien.test")


@pytest.fixture
def log_output():
    """What the configured console handler (settings.LOGGING) writes."""
    handler = next(h for h in logging.getLogger().handlers if h.name == "console")
    output = io.StringIO()
    original = handler.setStream(output)
    yield output
    handler.setStream(original)


def test_email_and_postcode_are_masked(log_output):
    logger.warning("Aanmelding van %s uit %s", "sanne.jansen@example.org", "9801 AB")
    logger.warning("Postcode 1234ab zonder spatie")

    written = log_output.getvalue()
    assert "sanne.jansen@example.org" not in written and "9801 AB" not in written
    assert "1234ab" not in written
    assert "Aanmelding van *** uit ***" in written


def test_names_of_a_logged_person_or_mapping_are_masked(log_output):
    parent = Parent(first_name="Fatima", last_name="El Amrani", email="fatima@example.org")
    logger.warning("Nieuwe ouder: %s", parent)
    logger.warning("Kind %(first_name)s ingeschreven", {"first_name": "Noor"})

    written = log_output.getvalue()
    assert "Fatima" not in written and "Amrani" not in written and "Noor" not in written
    assert "Nieuwe ouder: *** ***" in written


def test_an_exceptions_text_is_masked_too(log_output):
    try:
        raise ValueError("sanne@example.org bestaat al")
    except ValueError:
        logger.exception("Mislukt")

    assert "Mislukt" in log_output.getvalue()
    assert "sanne@example.org" not in log_output.getvalue()
