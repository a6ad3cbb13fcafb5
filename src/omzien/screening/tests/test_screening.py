"""A volunteer is matchable only with complete, current screening; expiry takes them out."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from omzien import testing
from omzien.intake.models import Offer, OfferStatus
from omzien.screening.models import Attendance, Certificate, Reference, TrainingSession, add_months
from omzien.screening.rules import missing
from omzien.screening.tasks import expire_screenings

pytestmark = pytest.mark.django_db

MONTHS = "januari februari maart april mei juni juli augustus september oktober november december"
MONTHS = MONTHS.split()


@pytest.fixture
def offer_in_screening():
    programme = testing.programme(
        references_required=1, training_required=True, vog_validity_months=36
    )
    offer = testing.available_offer(programme, testing.geography()["near"])
    offer.volunteer.certificates.all().delete()
    Offer.objects.filter(pk=offer.pk).update(status=OfferStatus.SCREENING)
    offer.refresh_from_db()
    return offer


def complete(offer, issued_on=None):
    Certificate.objects.create(
        volunteer=offer.volunteer, issued_on=issued_on or timezone.localdate()
    )
    Reference.objects.create(volunteer=offer.volunteer, name="Buurvrouw", outcome="positive")
    session = TrainingSession.objects.create(
        programme=offer.programme, title="Basistraining", held_on=date(2026, 1, 5)
    )
    Attendance.objects.create(session=session, volunteer=offer.volunteer)


def test_incomplete_screening_says_what_is_missing_and_blocks_available(offer_in_screening):
    assert missing(offer_in_screening) == [
        "Er is nog geen VOG ontvangen.",
        "Nog 1 van de 1 referenties nodig.",
        "De training is nog niet gevolgd.",
    ]
    with pytest.raises(ValidationError, match="screening is nog niet rond"):
        offer_in_screening.transition(OfferStatus.AVAILABLE)
    offer_in_screening.refresh_from_db()
    assert offer_in_screening.status == OfferStatus.SCREENING


def test_complete_screening_makes_the_volunteer_available(offer_in_screening):
    complete(offer_in_screening)

    offer_in_screening.transition(OfferStatus.AVAILABLE)

    assert Offer.objects.available().filter(pk=offer_in_screening.pk).exists()


def test_expired_certificate_takes_the_volunteer_out_of_the_pool_and_says_why(offer_in_screening):
    issued = timezone.localdate() - timedelta(days=400)
    complete(offer_in_screening, issued_on=issued)
    offer_in_screening.transition(OfferStatus.AVAILABLE)
    expiry = add_months(issued, 36)
    day_after = expiry + timedelta(days=1)

    assert Offer.objects.filter(pk=offer_in_screening.pk).available().exists()
    assert expire_screenings.call(expiry.isoformat()) == 0  # still valid on its last day
    assert expire_screenings.call(day_after.isoformat()) == 1

    offer_in_screening.refresh_from_db()
    assert offer_in_screening.status == OfferStatus.SCREENING
    change = offer_in_screening.status_changes.last()
    month = MONTHS[expiry.month - 1]
    assert change.reason == f"De VOG is verlopen op {expiry.day} {month} {expiry.year}."


def test_pool_excludes_an_expired_certificate_even_before_the_nightly_task(offer_in_screening):
    complete(offer_in_screening, issued_on=timezone.localdate() - timedelta(days=365 * 3 + 5))
    Offer.objects.filter(pk=offer_in_screening.pk).update(status=OfferStatus.AVAILABLE)

    assert not Offer.objects.available().filter(pk=offer_in_screening.pk).exists()


def test_validity_follows_the_strictest_programme():
    strict = testing.programme(vog_validity_months=24)
    offer = testing.available_offer(strict, testing.geography()["near"])
    certificate = Certificate.objects.create(volunteer=offer.volunteer, issued_on=date(2026, 1, 31))
    assert certificate.valid_until == date(2028, 1, 31)


@pytest.mark.parametrize(
    "day,months,expected",
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2026, 11, 15), 36, date(2029, 11, 15)),
        (date(2026, 12, 1), 1, date(2027, 1, 1)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


def test_offer_page_shows_contact_languages_offers_and_availability(client, offer_in_screening):
    offer_in_screening.volunteer.__class__.objects.filter(
        pk=offer_in_screening.volunteer_id
    ).update(phone="020 1234567", languages=["tr"])
    Offer.objects.filter(pk=offer_in_screening.pk).update(
        offers=["paperwork"], availability=["wed_evening"]
    )
    client.force_login(testing.coordinator(offer_in_screening.programme))

    html = client.get(reverse("screening:offer_detail", args=[offer_in_screening.pk])).content
    html = html.decode()

    assert 'href="tel:0201234567"' in html and "kees@example.org" in html
    assert "Turks" in html and "post en geldzaken op orde" in html
    assert "woensdag: avond" in html
