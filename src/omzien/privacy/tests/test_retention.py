"""Retention: moving time forward anonymises exactly what expired and keeps every total;
a legal hold or an open concern stops it for one file; a warning list 30 days ahead."""

from datetime import datetime, time, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

from omzien.intake.models import Offer, OfferStatus, Request, RequestStatus
from omzien.matches.models import Contact, Match, MatchStatus
from omzien.people.models import Child, Household, Parent, Volunteer
from omzien.privacy.models import (
    Anonymisation,
    AuditAction,
    AuditEvent,
    LegalHold,
    RetentionPolicy,
)
from omzien.privacy.retention import due, warning_list
from omzien.privacy.tasks import anonymise_expired, anonymise_expired_on
from omzien.screening.models import Reference, add_months

pytestmark = pytest.mark.django_db


def noon_days_ago(days: int) -> datetime:
    """Midday, local time: its date is the same in every time zone the database may use
    (`now - days` late in the evening is already the next day in summer time)."""
    day = timezone.localdate() - timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(12)))


def close_match(match, days_ago: int) -> None:
    """The match and its request closed `days_ago`, as the lifecycle leaves them."""
    ended = timezone.localdate() - timedelta(days=days_ago)
    Match.objects.filter(pk=match.pk).update(status=MatchStatus.CLOSED, ended_on=ended)
    request = Request.objects.get(pk=match.request_id)
    request.transition(RequestStatus.CLOSED)
    request.status_changes.update(at=noon_days_ago(days_ago))
    Request.objects.filter(pk=request.pk).update(signed_up_at=timezone.now() - timedelta(days=400))


def withdraw_offer(offer, days_ago: int) -> None:
    offer.transition(OfferStatus.WITHDRAWN)
    offer.status_changes.update(at=noon_days_ago(days_ago))
    Offer.objects.filter(pk=offer.pk).update(signed_up_at=timezone.now() - timedelta(days=400))


def totals() -> dict:
    return {
        "requests": Request.objects.count(),
        "matches": Match.objects.count(),
        "children": Child.objects.count(),
        "parents": Parent.objects.count(),
        "volunteers": Volunteer.objects.count(),
        "hours": Contact.objects.aggregate(h=Sum("hours"))["h"],
        "ended": sorted(Match.objects.values_list("ended_on", flat=True), key=str),
        "areas": sorted(Household.objects.values_list("postcode_area__pc4", flat=True)),
        "statuses": sorted(Request.objects.values_list("status", flat=True)),
    }


@pytest.fixture
def closed(world):
    """The matched family closed 100 days ago; the spare volunteer stopped 10 days ago."""
    close_match(world["match"], 100)
    withdraw_offer(world["spare"], 10)
    return world


def later(days: int):
    return timezone.localdate() + timedelta(days=days)


def expiry(days_ago: int, months: int = 24):
    return add_months(timezone.localdate() - timedelta(days=days_ago), months)


def test_time_moved_forward_anonymises_exactly_what_expired_and_keeps_totals(closed):
    household = closed["matched"].household
    spare = closed["spare"].volunteer
    Reference.objects.create(volunteer=spare, name="Ria Referent", relation="oud-collega")
    before = totals()

    assert anonymise_expired_on(expiry(100) - timedelta(days=1)) == 0
    assert anonymise_expired_on(expiry(100)) == 1  # the family; the volunteer stopped later

    assert totals() == before
    parent = household.parents.get()
    assert (parent.first_name, parent.last_name, parent.email, parent.phone) == ("", "", "", "")
    household.refresh_from_db()
    assert household.postcode == "9801" and household.postcode_area.pc4 == "9801"
    assert all(
        (c.date_of_birth.month, c.date_of_birth.day, c.first_name) == (1, 1, "")
        for c in household.children.all()
    )
    assert Contact.objects.get(match=closed["match"]).note == ""
    # The match's volunteer is still active: their own data stays, only the shared notes go.
    assert Volunteer.objects.get(pk=closed["offer"].volunteer_id).last_name == "Charlie"
    assert Volunteer.objects.get(pk=spare.pk).last_name == "Delta"
    assert Parent.objects.filter(household=closed["waiting"].household, last_name="Bravo").exists()
    assert (
        AuditEvent.objects.filter(action=AuditAction.ANONYMISE, household_id=household.pk).count()
        == 1
    )

    assert anonymise_expired_on(expiry(10)) == 1  # now the stopped volunteer
    spare.refresh_from_db()
    assert (spare.last_name, spare.postcode, spare.date_of_birth.year) == ("", "9802", 1980)
    assert spare.date_of_birth.month == 1
    assert Reference.objects.filter(volunteer=spare).get().name == ""
    assert anonymise_expired_on(later(3650)) == 0  # nothing twice, open files never
    assert totals() == before


def test_a_legal_hold_stops_it_for_one_file(closed):
    household = closed["matched"].household
    LegalHold.objects.create(
        household=household, reason="Klacht loopt", placed_by=closed["officer"]
    )

    [row] = [d for d in due(expiry(100)) if d.expiry.kind == "household"]
    assert row.stopped_by == "bewaarplicht"
    assert anonymise_expired_on(expiry(100)) == 0
    assert household.parents.get().last_name == "Alfa"

    LegalHold.objects.update(lifted_at=timezone.now())
    assert anonymise_expired_on(expiry(100)) == 1


def test_an_open_concern_stops_it(closed):
    from omzien.concerns.models import Concern

    concern = Concern.objects.create(
        match=closed["match"], reported_by=closed["coordinator"], signs="Zorgen"
    )
    assert anonymise_expired_on(expiry(100)) == 0
    Concern.objects.filter(pk=concern.pk).update(status="closed")
    assert anonymise_expired_on(expiry(100)) == 1
    assert Concern.objects.get(pk=concern.pk).signs == ""


def test_retention_period_is_set_per_programme(closed):
    RetentionPolicy.objects.create(programme=closed["programme"], keep_months=6)
    assert anonymise_expired_on(expiry(100, months=6)) == 1


def test_warning_list_shows_what_expires_in_the_next_30_days(closed, client):
    day = expiry(100) - timedelta(days=20)
    assert [(w.expiry.kind, w.expiry.pk) for w in warning_list(day)] == [
        ("household", closed["matched"].household_id)
    ]
    assert warning_list(expiry(100) - timedelta(days=40)) == []
    assert warning_list(expiry(100)) == []  # due today: the night takes it, no warning


def test_officer_page_lists_the_warnings_and_sets_periods(closed, client, settings):
    RetentionPolicy.objects.create(programme=closed["programme"], keep_months=4)
    client.force_login(closed["officer"])

    page = client.get(reverse("privacy:retention"))
    assert page.status_code == 200 and "Alfa" in page.text

    url = reverse("privacy:retention_policy", args=[closed["programme"].pk])
    client.post(url, {f"p{closed['programme'].pk}-keep_months": "36"})
    assert RetentionPolicy.objects.get(programme=closed["programme"]).keep_months == 36
    foreign = reverse("privacy:retention_policy", args=[closed["other"].pk])
    assert client.post(foreign, {f"p{closed['other'].pk}-keep_months": "1"}).status_code == 404


def test_a_period_out_of_range_is_refused_at_its_field(closed, client):
    client.force_login(closed["officer"])
    field = f"p{closed['programme'].pk}-keep_months"
    url = reverse("privacy:retention_policy", args=[closed["programme"].pk])

    response = client.post(url, {field: "0"})

    assert response.status_code == 400
    html = response.content.decode()
    assert f'name="{field}" value="0"' in html  # the officer's input stays
    assert 'aria-invalid="true"' in html  # the error sits at the field
    assert not RetentionPolicy.objects.filter(programme=closed["programme"]).exists()


def test_nightly_task_and_command(closed, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    result = anonymise_expired.enqueue(expiry(100).isoformat())
    assert result.return_value == 1
    assert Anonymisation.objects.filter(household=closed["matched"].household).exists()

    out = StringIO()
    call_command("privacy_nightly", "--now", "--today", later(3650).isoformat(), stdout=out)
    assert "Anonymised: 1" in out.getvalue()  # the volunteer who stopped
    call_command("privacy_nightly", stdout=out)
    assert "Queued" in out.getvalue()
