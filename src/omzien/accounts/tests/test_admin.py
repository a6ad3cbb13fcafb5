"""In the admin, functional management never reads an app's key, and a password it sets is
replaced by the user, with a newly linked app, at the next log-in."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from omzien import testing
from omzien.accounts.models import Role
from omzien.privacy.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db
TEMPORARY = "tijdelijk-wachtwoord-42"
NEW_PASSWORD = "een-eigen-lang-wachtwoord"


@pytest.fixture
def functional_admin():
    return testing.user(Role.SUPERUSER, is_staff=True, is_superuser=True)


def test_the_device_pages_never_show_the_key(client, functional_admin):
    client.force_login(functional_admin)  # gives the account a confirmed device
    device = TOTPDevice.objects.get(user=functional_admin)

    change = client.get(reverse("admin:otp_totp_totpdevice_change", args=[device.pk]))

    assert change.status_code == 200 and device.key not in change.content.decode()
    assert (
        client.get(reverse("admin:otp_totp_totpdevice_config", args=[device.pk])).status_code == 403
    )
    assert client.get(reverse("admin:otp_totp_totpdevice_add")).status_code == 403


def set_password_in_admin(client, functional_admin, user):
    client.force_login(functional_admin)
    response = client.post(
        reverse("admin:auth_user_password_change", args=[user.pk]),
        {"password1": TEMPORARY, "password2": TEMPORARY},
    )
    assert response.status_code == 302


def test_a_password_set_by_the_admin_must_be_replaced_with_a_new_app(client, functional_admin):
    coordinator = testing.coordinator(testing.programme())
    TOTPDevice.objects.create(user=coordinator, name="app", confirmed=True)

    set_password_in_admin(client, functional_admin, coordinator)

    coordinator.refresh_from_db()
    assert coordinator.must_change_password
    assert not TOTPDevice.objects.filter(user=coordinator).exists()
    row = AuditEvent.objects.get(url_name="admin:auth_user_password_change")
    assert (row.action, row.object_type, row.object_id) == (
        AuditAction.CHANGE,
        "accounts.user",
        coordinator.pk,
    )
    client.logout()
    response = client.post(
        reverse("login"), {"username": coordinator.username, "password": TEMPORARY}
    )
    assert response["Location"].startswith(reverse("two_factor_setup"))


def test_the_user_chooses_a_new_password_before_any_page(client, functional_admin):
    volunteer = testing.user(Role.VOLUNTEER)
    set_password_in_admin(client, functional_admin, volunteer)
    client.logout()
    client.post(reverse("login"), {"username": volunteer.username, "password": TEMPORARY})
    own_page = reverse("matches:own_page")

    response = client.get(own_page)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("new_password"))

    response = client.post(
        response["Location"], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response["Location"] == own_page
    assert client.get(own_page).status_code == 200
    volunteer.refresh_from_db()
    assert volunteer.check_password(NEW_PASSWORD) and not volunteer.must_change_password
