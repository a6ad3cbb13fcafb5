"""The scoping layer: a coordinator sees only their programmes; an analyst sees no person."""

import pytest

from omzien import testing
from omzien.access.roles import Role
from omzien.intake.models import Offer, Referral, Request
from omzien.matches.models import Contact, Match, Moment
from omzien.matching.models import PlanProposal
from omzien.people.models import Child, Household, Parent, Volunteer, Youth
from omzien.privacy.models import Consent
from omzien.screening.models import Attendance, Certificate, Reference

pytestmark = pytest.mark.django_db

PERSONAL_DATA = [Household, Youth, Volunteer, Request, Offer, Match, Certificate]
# Personal data that the world below may leave empty; each must still be scoped.
ALSO_PERSONAL = [Referral, Consent, Reference, Attendance, Moment, Contact, PlanProposal]


@pytest.fixture
def world():
    geo = testing.geography()
    a, b = testing.programme("A"), testing.programme("B")
    for prog, name in ((a, "Alfa"), (b, "Bravo")):
        request = testing.waiting_request(prog, geo["near"], last_name=name)
        offer = testing.available_offer(prog, geo["near"], last_name=name)
        Match.objects.create(request=request, offer=offer)
    return {"a": a, "b": b}


def names(queryset) -> set[str]:
    return {str(row) for row in queryset}


def test_coordinator_of_a_sees_nothing_of_b(world):
    coordinator = testing.coordinator(world["a"])

    assert names(Household.objects.visible_to(coordinator)) == {"Gezin Alfa"}
    assert names(Volunteer.objects.visible_to(coordinator)) == {"Kees Alfa"}
    assert {r.programme for r in Request.objects.visible_to(coordinator)} == {world["a"]}
    assert {o.programme for o in Offer.objects.visible_to(coordinator)} == {world["a"]}
    assert {m.request.programme for m in Match.objects.visible_to(coordinator)} == {world["a"]}


def test_org_admin_sees_own_organisation_only(world):
    admin = testing.user(Role.ORG_ADMIN, organisation=world["a"].organisation)

    assert names(Household.objects.visible_to(admin)) == {"Gezin Alfa"}
    assert Request.objects.visible_to(admin).count() == 1


@pytest.mark.parametrize(
    "role",
    [Role.ANALYST, Role.RESEARCHER, Role.SUPERUSER, Role.REFERRER, Role.VOLUNTEER, Role.PARENT],
)
def test_roles_without_a_rule_see_no_personal_data(world, role):
    account = testing.user(role, municipality=testing.geography()["municipality"])

    for model in PERSONAL_DATA:
        assert not model.objects.visible_to(account).exists(), model.__name__


def test_anonymous_and_inactive_users_see_nothing(world):
    from django.contrib.auth.models import AnonymousUser

    inactive = testing.coordinator(world["a"])
    inactive.is_active = False
    for account in (AnonymousUser(), inactive, None):
        for model in PERSONAL_DATA:
            assert not model.objects.visible_to(account).exists()


def test_coordinator_without_programmes_sees_nothing(world):
    assert not Household.objects.visible_to(testing.coordinator()).exists()


def test_every_personal_data_model_is_scoped():
    """A new model holding people must come with a scoped queryset; children and parents hang off households."""
    for model in PERSONAL_DATA + ALSO_PERSONAL:
        assert hasattr(model.objects, "visible_to"), model.__name__
    for model in (Child, Parent):
        assert model._meta.get_field("household").related_model is Household


# Rows about people that are never listed on their own: read only through a scoped parent row
# (a household's parents and children, a workflow's log), written by the system (reminders, API
# idempotency), or kept by the privacy officer's own pages (holds, erasures, subject requests).
REACHED_THROUGH_A_SCOPED_ROW = {
    "Parent", "Child", "RequestStatusChange", "OfferStatusChange", "MatchStatusChange",
    "ConcernStatusChange", "AdministrationStatusChange", "ConferenceStatusChange", "Reminder",
    "IdempotencyRecord", "LegalHold", "Anonymisation", "SubjectRequest",
}  # fmt: skip


def test_every_model_about_people_in_any_app_is_scoped():
    """Found from the relations, so a new app's model about people is checked without a list."""
    from omzien.privacy.subjects import personal_models

    unscoped = {
        model.__name__
        for model in personal_models()
        if not hasattr(model._default_manager, "visible_to")
    }
    assert unscoped == REACHED_THROUGH_A_SCOPED_ROW
