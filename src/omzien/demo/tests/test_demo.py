"""The demo municipality: the same seed gives the same rows, every status is there, and the
rows agree with each other the way the app's own rules would have left them."""

import re
import subprocess
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.management import call_command
from django.test import override_settings

from omzien.accounts.models import Role, User
from omzien.demo import generator, history
from omzien.demo.accounts import DEMO_PASSWORD, USERNAMES
from omzien.demo.applicants import Applicant, fits
from omzien.demo.geography import MONEY_HOTSPOT
from omzien.geo.geometry import PointLocator
from omzien.geo.models import District, Municipality, Neighbourhood, PostcodeArea, pc4_of
from omzien.intake.models import (
    Offer,
    OfferStatus,
    OfferStatusChange,
    Referral,
    Request,
    RequestStatus,
    RequestStatusChange,
)
from omzien.matches.models import OPEN_MATCH_STATUSES, Match, MatchStatus, MatchStatusChange
from omzien.people.models import Child, Household, Parent, Volunteer, Youth, age_on
from omzien.privacy.models import Consent
from omzien.programmes.models import Programme
from omzien.screening.models import Attendance, Certificate, Reference
from omzien.screening.rules import missing

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 16)
FAST_HASHER = "django.contrib.auth.hashers.MD5PasswordHasher"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """One load for the read-only checks below, removed again after the last of them."""
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=[FAST_HASHER]):
        generator.load(2026, today=TODAY)
        yield
        generator.remove()


def snapshot() -> list[list[str]]:
    """Every demo row by its own fields and its parents' natural keys, never by primary key."""
    rows = [
        Municipality.objects.values_list("code", "geometry", "households", "inhabitants"),
        District.objects.values_list("code", "name", "geometry", "lat", "lon", "households"),
        Neighbourhood.objects.values_list("code", "name", "geometry", "households_with_children"),
        PostcodeArea.objects.values_list("pc4", "lat", "lon", "neighbourhood__code"),
        Household.objects.values_list("postcode", "created_at", "household_type", "languages"),
        Parent.objects.values_list("first_name", "last_name", "email", "phone", "household__postcode"),
        Child.objects.values_list("first_name", "date_of_birth", "household__created_at"),
        Youth.objects.values_list("email", "date_of_birth", "postcode", "languages"),
        Volunteer.objects.values_list(
            "email", "kind", "household_members", "date_of_birth", "postcode", "travel_radius_km"
        ),
        Request.objects.values_list(
            "programme__slug", "status", "signed_up_at", "intake_on", "waiting_since",
            "needs", "themes", "availability", "needs_shared_language", "household__postcode",
        ),
        Offer.objects.values_list(
            "volunteer__email", "status", "available_since", "offers", "availability",
            "min_child_age", "max_child_age", "capacity",
        ),
        Match.objects.values_list(
            "request__signed_up_at", "offer__volunteer__email", "status", "proposed_at",
            "started_on", "ended_on", "score",
        ),
        RequestStatusChange.objects.values_list("request__signed_up_at", "target", "at", "reason"),
        OfferStatusChange.objects.values_list("offer__volunteer__email", "target", "at"),
        MatchStatusChange.objects.values_list("match__proposed_at", "target", "at", "by__username"),
        Certificate.objects.values_list("volunteer__email", "requested_on", "issued_on"),
        Reference.objects.values_list("volunteer__email", "name", "outcome", "contacted_on"),
        Attendance.objects.values_list("volunteer__email", "session__held_on"),
        Consent.objects.values_list("purpose", "given_at", "source"),
        Referral.objects.values_list("request__signed_up_at", "referrer__username"),
        User.objects.values_list("username", "role", "email", "first_name"),
    ]  # fmt: skip
    return [sorted(map(repr, query)) for query in rows]


def test_the_same_seed_gives_the_same_rows_and_another_seed_others(demo):
    first = snapshot()
    generator.load(2026, today=TODAY)  # removes the first load, then loads again
    assert snapshot() == first
    generator.load(7, today=TODAY)
    assert snapshot() != first


def test_every_status_in_the_promised_numbers(demo):
    waiting = Request.objects.filter(status=RequestStatus.WAITING)
    assert waiting.filter(household__isnull=False).count() == 60
    assert set(Request.objects.values_list("status", flat=True)) == set(RequestStatus.values)
    assert Volunteer.objects.count() == 50 + sum(history.POOL.values())  # today's, and history's
    assert set(Offer.objects.values_list("status", flat=True)) == set(OfferStatus.values)
    assert Offer.objects.filter(status=OfferStatus.AVAILABLE).count() >= 30
    assert Match.objects.count() == 191  # twenty in every step of today, and two years before
    assert set(Match.objects.values_list("status", flat=True)) == set(MatchStatus.values)
    assert Match.objects.filter(status=MatchStatus.ACTIVE).count() >= 5
    waited = [(TODAY - day).days for day in waiting.values_list("waiting_since", flat=True)]
    assert min(waited) >= 1 and max(waited) <= 400 and sum(d > 300 for d in waited) >= 3


def test_geography_of_voorbeeldstad(demo):
    assert District.objects.filter(municipality__code="GM9999").count() == 4
    for district in District.objects.all():
        assert district.neighbourhoods.count() in (3, 4)
        assert district.households == sum(n.households for n in district.neighbourhoods.all())
    hoods = list(Neighbourhood.objects.all())
    areas = list(PostcodeArea.objects.select_related("neighbourhood"))
    assert all(a.pc4.startswith("99") and a.city == "Voorbeeldstad" for a in areas)
    assert {a.neighbourhood.code for a in areas} == {h.code for h in hoods}
    locator = PointLocator((h.code, h.geometry) for h in hoods)
    located = locator.locate([a.lat for a in areas], [a.lon for a in areas])
    assert located == [a.neighbourhood.code for a in areas]


def test_programmes_and_accounts(demo):
    kinds = Programme.objects.values_list("programme_type__slug", "organisation__slug")
    assert len(set(kinds)) == 3 and len({org for _, org in kinds}) == 2
    assert [u.username for u in User.objects.order_by("pk")] == USERNAMES
    assert set(User.objects.values_list("role", flat=True)) == set(Role.values)
    admin = User.objects.get(username="functioneelbeheer")
    assert admin.is_staff and admin.is_superuser
    for user in User.objects.all():
        validate_password(DEMO_PASSWORD, user)
        assert user.check_password(DEMO_PASSWORD)
    parent = User.objects.get(username="ouder")
    assert Parent.objects.filter(email=parent.email).exists()


def test_matches_agree_with_requests_and_capacity(demo):
    for match in Match.objects.select_related("request", "offer__programme__programme_type"):
        expected = {
            MatchStatus.CLOSED: RequestStatus.CLOSED,
            MatchStatus.DECLINED: RequestStatus.WAITING,
        }
        assert match.request.status == expected.get(match.status, RequestStatus.MATCHED)
        assert match.request.programme_id == match.offer.programme_id
        # After their last match, some volunteers of the history said goodbye.
        goodbye = match.status == MatchStatus.CLOSED
        assert match.offer.status in (
            {OfferStatus.AVAILABLE, OfferStatus.WITHDRAWN} if goodbye else {OfferStatus.AVAILABLE}
        )
        assert match.offer.available_since < match.proposed_at.date()
    matched = Request.objects.filter(status=RequestStatus.MATCHED)
    assert all(r.matches.filter(status__in=OPEN_MATCH_STATUSES).count() == 1 for r in matched)
    for offer in Offer.objects.with_capacity_left().select_related("programme__programme_type"):
        assert offer.capacity_left >= 0
        assert offer.capacity <= offer.programme.programme_type.max_households_per_volunteer


def test_people_are_plausible(demo):
    assert all(
        age_on(d, TODAY) >= 18 for d in Volunteer.objects.values_list("date_of_birth", flat=True)
    )
    assert all(d <= TODAY for d in Child.objects.values_list("date_of_birth", flat=True))
    requests = Request.objects.select_related(
        "household__postcode_area", "youth__postcode_area", "programme__programme_type"
    ).prefetch_related("household__children", "status_changes")
    for request in requests:
        person, signed_up = request.household or request.youth, request.signed_up_at.date()
        assert pc4_of(person.postcode) == person.postcode_area.pc4
        if request.youth:
            programme_type = request.programme.programme_type
            age = age_on(request.youth.date_of_birth, signed_up)
            assert programme_type.min_age <= age <= programme_type.max_age
        else:
            assert all(c.date_of_birth <= signed_up for c in request.household.children.all())
        steps = [change.target for change in request.status_changes.all()]
        assert (steps or [RequestStatus.SIGNED_UP])[-1] == request.status
    for offer in Offer.objects.filter(status=OfferStatus.AVAILABLE):
        assert missing(offer, TODAY) == []
    for model in (Parent, Youth, Volunteer):
        for email, phone in model.objects.values_list("email", "phone"):
            assert email.endswith("@example.org") and re.fullmatch(r"(06-00000\d{3})?", phone)


def test_money_is_a_theme_in_one_neighbourhood_far_more_than_elsewhere(demo):
    hood = "household__postcode_area__neighbourhood__code"
    households = Request.objects.filter(household__isnull=False)
    hotspot = list(households.filter(**{hood: MONEY_HOTSPOT}).values_list("themes", flat=True))
    others = list(households.exclude(**{hood: MONEY_HOTSPOT}).values_list("themes", flat=True))
    assert len(hotspot) >= 10  # enough to survive small-number suppression

    def share(themes: list[list[str]]) -> float:
        return sum("money" in t for t in themes) / len(themes)

    assert share(hotspot) > 3 * share(others)


def test_the_longest_waiting_of_each_programme_have_a_volunteer_who_fits(demo):
    free = (
        Offer.objects.filter(status=OfferStatus.AVAILABLE)
        .screening_current(TODAY)
        .with_capacity_left()
        .filter(capacity_left__gt=0)
        .select_related("volunteer__postcode_area", "programme__programme_type")
    )
    for programme in Programme.objects.all():
        for request in programme.requests.waiting()[:3]:
            person = request.household or request.youth
            children = list(request.household.children.all()) if request.household else []
            applicant = Applicant(request, person, children=children)
            assert any(fits(applicant, offer, TODAY) for offer in free), request


def test_load_demo_is_idempotent_and_prints_the_log_ins():
    generator.remove()  # whatever an earlier test left
    out = StringIO()
    call_command("load_demo", stdout=out)
    counts = (Request.objects.count(), Volunteer.objects.count(), User.objects.count())
    call_command("load_demo", stdout=out)
    assert (Request.objects.count(), Volunteer.objects.count(), User.objects.count()) == counts
    assert "al geladen" in out.getvalue()
    for username in USERNAMES:
        assert username in out.getvalue()
    assert DEMO_PASSWORD in out.getvalue()
    call_command("load_demo", "--reset", "--seed", "3", stdout=StringIO())
    assert Municipality.objects.filter(code="GM9999").count() == 1
    assert (Request.objects.count(), Volunteer.objects.count(), User.objects.count()) == counts


@override_settings(OMZIEN_BASE_URL="http://127.0.0.1:8123")
def test_the_printed_api_address_follows_the_port_the_demo_runs_on():
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "API (http://127.0.0.1:8123/api/v1/docs/)" in out.getvalue()


def test_make_demo_serves_on_the_port_asked_for():
    dry = subprocess.run(
        ["make", "-n", "demo", "PORT=8123"],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[4],  # the repository's root, where the Makefile is
    ).stdout
    assert "runserver 127.0.0.1:8123" in dry


def test_demo_morning_page_has_overdue_and_done_moments():
    from django.utils import timezone

    from omzien.demo.generator import load
    from omzien.matches.models import Moment

    today = timezone.localdate()
    load(today=today)
    assert Moment.objects.overdue(today).exists()
    assert Moment.objects.filter(done_on__isnull=False).exists()
