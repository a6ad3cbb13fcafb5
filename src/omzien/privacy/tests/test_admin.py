"""Functional management runs the installation through Django's admin without seeing the
people in it, and every change made there is in the audit trail."""

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.urls import reverse

from omzien.accounts.models import User
from omzien.people.models import Household, Parent, Volunteer, Youth
from omzien.privacy.models import AuditAction, AuditEvent, LegalHold
from omzien.programmes.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)
    return User.objects.get(username="functioneelbeheer")


def people_in_the_demo() -> set[str]:
    """Full names and e-mail addresses of the demo's people, and every household's name."""
    found = {str(household) for household in Household.objects.all()}
    for model in (Parent, Youth, Volunteer):
        for first, last, email in model.objects.values_list("first_name", "last_name", "email"):
            found |= {f"{first} {last}", email} - {""}
    return found


def admin_pages() -> list[str]:
    """Every model's list, add form and the form of its first row."""
    pages = []
    for model in admin.site._registry:
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages += [reverse(f"{name}_changelist"), reverse(f"{name}_add")]
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            pages.append(reverse(f"{name}_change", args=[first.pk]))
    return pages


def test_the_admin_shows_no_person_of_the_demo(client, demo):
    household = Household.objects.order_by("pk").first()
    hold = LegalHold.objects.create(household=household, reason="Klacht", placed_by=demo)
    own_account = User.objects.get(username="vrijwilliger")
    client.force_login(demo)
    pages = [
        *admin_pages(),
        reverse("admin:privacy_legalhold_change", args=[hold.pk]),
        reverse("admin:accounts_user_change", args=[own_account.pk]),
    ]
    names = people_in_the_demo()

    shown = {}
    for page in pages:
        html = client.get(page).content.decode()
        shown[page] = sorted(name for name in names if name in html)

    assert {page: found for page, found in shown.items() if found} == {}


def test_a_change_in_the_admin_is_in_the_audit_trail(admin_client):
    response = admin_client.post(
        reverse("admin:programmes_organisation_add"), {"name": "Steunpunt Oost", "slug": "oost"}
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(slug="oost")

    admin_client.post(
        reverse("admin:programmes_organisation_delete", args=[organisation.pk]), {"post": "yes"}
    )

    rows = AuditEvent.objects.filter(object_type="programmes.organisation").order_by("pk")
    assert [(row.action, row.username) for row in rows] == [
        (AuditAction.CREATE, "admin"),
        (AuditAction.DELETE, "admin"),
    ]
    assert rows.last().object_id == organisation.pk
