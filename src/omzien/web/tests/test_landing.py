"""After log-in everyone lands on the page where their own work starts, not on a general page."""

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from omzien import testing
from omzien.access.roles import Role

pytestmark = pytest.mark.django_db
PASSWORD = "test-wachtwoord-123"

LANDING = [
    (Role.COORDINATOR, "matches:today"),
    (Role.ORG_ADMIN, "matches:today"),
    (Role.VOLUNTEER, "matches:own_page"),
    (Role.PARENT, "matches:own_page"),
    (Role.YOUTH, "matches:own_page"),
    (Role.ANALYST, "insight:dashboard"),
    (Role.REFERRER, "referrals:list"),
    (Role.CARE_PROFESSIONAL, "support_figures:young_people"),
    (Role.RESEARCHER, "privacy:research"),
]


def log_in(client, user) -> str:
    """The real log-in pages, the second step included when the role has one."""
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    if response["Location"].startswith(reverse("two_factor_verify")):
        device = TOTPDevice.objects.get(user=user)
        code = f"{TOTP(device.bin_key).token():06d}"
        response = client.post(reverse("two_factor_verify"), {"code": code})
    return client.get(response["Location"])["Location"]


@pytest.mark.parametrize(("role", "page"), LANDING)
def test_each_role_lands_on_its_own_work_page(client, role, page):
    programme = testing.programme()
    user = testing.user(role, programmes=[programme], organisation=programme.organisation)
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    assert log_in(client, user) == reverse(page)


def test_a_visitor_still_sees_the_welcome(client):
    response = client.get(reverse("web:home"))
    assert response.status_code == 200
    assert reverse("signup:choose") in response.content.decode()
