"""The record of processing comes from the configuration the code uses."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from omzien import testing
from omzien.access.roles import Role
from omzien.privacy.models import Purpose
from omzien.privacy.models.retention import DEFAULT_KEEP_MONTHS
from omzien.privacy.register import ACTIVITIES, LegalBasis, by_purpose
from omzien.privacy.research import COLUMNS

pytestmark = pytest.mark.django_db


def test_every_consent_purpose_is_in_the_register_once_with_consent_as_basis():
    consents = [a.consent for a in ACTIVITIES if a.consent]
    assert sorted(consents) == sorted(Purpose.values)
    assert all(by_purpose()[p].legal_basis == LegalBasis.CONSENT for p in Purpose.values)


def test_register_follows_the_code():
    research = by_purpose()[Purpose.RESEARCH]
    assert [str(c) for c in research.categories] == [str(c.label) for c in COLUMNS]
    assert str(DEFAULT_KEEP_MONTHS) in str(by_purpose()[Purpose.MATCHING].retention)


def test_register_page_and_pdf(client):
    client.force_login(testing.user(Role.ANALYST))
    page = client.get(reverse("privacy:register"))
    assert page.status_code == 200
    for activity in ACTIVITIES:
        assert str(activity.name) in page.text
    response = client.get(reverse("privacy:register_pdf"))
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Register van verwerkingen" in text and "wettelijke plicht" in text
