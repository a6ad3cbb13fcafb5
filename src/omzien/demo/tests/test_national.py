"""The national dataset at a thousandth: the sizes it promises, the same rows from the same
seed, rows that agree with the workflow tables and with each other, and pages that open."""

from datetime import date
from fractions import Fraction

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count, F, Q
from django.test import override_settings
from django.urls import reverse

from omzien.accounts.models import Role, User
from omzien.demo import national
from omzien.demo.national.sizes import parse_scale, sizes_at
from omzien.geo.models import District, Municipality, Neighbourhood, PostcodeArea
from omzien.intake.models import Offer, OfferStatus, Request, RequestStatus
from omzien.matches.models import OPEN_MATCH_STATUSES, Contact, Match, MatchStatus, Moment
from omzien.outcomes.models import Administration
from omzien.people.models import Child, Household, Parent, Volunteer, Youth
from omzien.privacy.models import AuditEvent
from omzien.programmes.models import Organisation, Programme

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 16)
SCALE = Fraction(1, 1000)
FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def snapshot() -> list[list]:
    """The generated rows by their own fields, in the order they were written."""
    tables = [
        (Municipality, ("code", "name", "geometry", "households")),
        (Neighbourhood, ("code", "name", "district__code", "households")),
        (PostcodeArea, ("pc4", "lat", "lon", "neighbourhood__code")),
        (Household, ("postcode", "created_at", "household_type", "languages")),
        (Parent, ("first_name", "last_name", "household__postcode")),
        (Child, ("first_name", "date_of_birth")),
        (Volunteer, ("first_name", "last_name", "postcode", "date_of_birth", "created_at")),
        (Offer, ("programme__slug", "status", "available_since", "capacity")),
        (Request, ("programme__slug", "status", "signed_up_at", "waiting_since", "needs")),
        (Match, ("request_id", "offer_id", "status", "proposed_at", "started_on", "ended_on")),
        (Moment, ("match_id", "kind", "due_on", "done_on", "lapsed_on")),
        (Contact, ("match_id", "on", "kind", "hours")),
        (Administration, ("request_id", "phase", "round", "answered_on", "scores")),
        (AuditEvent, ("at", "username", "url_name", "object_id")),
    ]
    return [list(model.objects.order_by("pk").values_list(*fields)) for model, fields in tables]


def loaded(seed: int, scale=Fraction(1, 10_000)) -> list[list]:
    """What a load gives, taken back again afterwards."""
    savepoint = transaction.savepoint()
    national.load(scale, seed, today=TODAY, progress=None)
    rows = snapshot()
    transaction.savepoint_rollback(savepoint)
    return rows


@override_settings(PASSWORD_HASHERS=FAST_HASHER)
def test_the_same_seed_gives_the_same_rows_and_another_seed_others():
    first = loaded(7)
    assert loaded(7) == first
    assert loaded(8) != first


@pytest.fixture(scope="module")
def dataset(django_db_setup, django_db_blocker):
    """One load for the checks below, rolled back after the last of them."""
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHER),
        transaction.atomic(),
    ):
        yield national.load(SCALE, 2026, today=TODAY, progress=None)
        transaction.set_rollback(True)


def test_scales_divide_the_national_sizes():
    assert sizes_at(parse_scale("national")).people == 300_000
    assert sizes_at(parse_scale("national")).matches == 1_000_000
    tenth = sizes_at(parse_scale("tenth"))
    assert (tenth.municipalities, tenth.programmes, tenth.people, tenth.matches) == (
        34,
        60,
        30_000,
        100_000,
    )
    with pytest.raises(ValueError):
        parse_scale("2")


def test_counts_are_the_promised_sizes(dataset):
    people = Parent.objects.count() + Child.objects.count() + Youth.objects.count()
    assert people + Volunteer.objects.count() == dataset.people == 300
    assert Household.objects.count() == dataset.households
    assert Municipality.objects.count() == dataset.municipalities
    assert Organisation.objects.count() == dataset.organisations
    assert Programme.objects.count() == dataset.programmes
    assert Request.objects.count() == dataset.requests
    assert Match.objects.count() == dataset.matches == 1000
    assert District.objects.count() > 0 and Neighbourhood.objects.count() > 0
    assert Moment.objects.exists() and Contact.objects.exists() and AuditEvent.objects.exists()
    assert Administration.objects.filter(phase="closure").exists()
    # Every programme type is there.
    assert Programme.objects.values("programme_type").distinct().count() == 3


def test_statuses_follow_the_workflow(dataset):
    open_ones = Count("matches", filter=Q(matches__status__in=OPEN_MATCH_STATUSES))
    requests = Request.objects.annotate(open=open_ones)
    assert not requests.filter(status=RequestStatus.MATCHED).exclude(open=1).exists()
    assert not requests.exclude(status=RequestStatus.MATCHED).filter(open__gt=0).exists()
    assert not requests.filter(status=RequestStatus.CLOSED, matches__isnull=True).exists()
    # An offer with a running match is available and within its capacity.
    offers = Offer.objects.annotate(
        open=Count("matches", filter=Q(matches__status__in=OPEN_MATCH_STATUSES))
    )
    assert not offers.filter(open__gt=F("capacity")).exists()
    assert not offers.filter(open__gt=0).exclude(status=OfferStatus.AVAILABLE).exists()
    assert set(Match.objects.values_list("status", flat=True)) >= {
        MatchStatus.ACTIVE, MatchStatus.CLOSED, MatchStatus.DECLINED,
    }  # fmt: skip


def test_dates_agree_with_each_other_and_with_today(dataset):
    matches = Match.objects.all()
    assert not matches.filter(started_on__lt=F("introduction_on")).exists()
    assert not matches.filter(ended_on__lte=F("started_on")).exists()
    assert not matches.filter(ended_on__gt=TODAY).exists()
    assert not matches.filter(status=MatchStatus.CLOSED, ended_on__isnull=True).exists()
    assert not matches.filter(status=MatchStatus.ACTIVE, started_on__gt=TODAY).exists()
    for match in matches.select_related("request"):
        assert match.request.signed_up_at.date() <= match.proposed_at.date()
        assert match.proposed_at.date() <= (match.started_on or TODAY)
    assert not Request.objects.filter(intake_on__gt=F("waiting_since")).exists()
    assert not Moment.objects.filter(done_on__lt=F("match__started_on")).exists()
    earlier = Request.objects.filter(household__created_at__gt=F("signed_up_at"))
    assert not earlier.exists()


@pytest.mark.parametrize(
    ("role", "url_name"),
    [
        (Role.COORDINATOR, "matches:today"),
        (Role.COORDINATOR, "intake:waiting_list"),
        (Role.ANALYST, "insight:dashboard"),
        (Role.ANALYST, "insight:map"),
        (Role.VOLUNTEER, "matches:own_page"),
        (Role.PARENT, "matches:own_page"),
    ],
)
def test_pages_open_on_the_dataset(dataset, client, role, url_name):
    client.force_login(User.objects.filter(role=role).order_by("pk").first())
    assert client.get(reverse(url_name)).status_code == 200


def test_a_match_and_a_request_with_its_suggestions_open(dataset, client):
    match = Match.objects.filter(status=MatchStatus.ACTIVE).order_by("pk").first()
    waiting = Request.objects.filter(status=RequestStatus.WAITING).order_by("pk").first()
    client.force_login(User.objects.get(username=f"coordinator-{match.request.programme_id}"))
    assert client.get(reverse("matches:match_detail", args=[match.pk])).status_code == 200
    client.force_login(User.objects.get(username=f"coordinator-{waiting.programme_id}"))
    assert client.get(reverse("matching:request_detail", args=[waiting.pk])).status_code == 200


def test_the_command_refuses_a_database_with_geography(dataset):
    with pytest.raises(CommandError, match="lege"):
        call_command("load_demo", scale="1/1000", verbosity=0)
