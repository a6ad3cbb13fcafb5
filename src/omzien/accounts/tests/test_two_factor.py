"""Staff cannot use Omzien without the second step: a code from an authenticator app."""

import re

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from omzien import testing
from omzien.accounts.models import Role, User
from omzien.demo.second_factor import no_demo_accounts_in_production

pytestmark = pytest.mark.django_db
PASSWORD = "test-wachtwoord-123"


def password_only(client, user):
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def code(device) -> str:
    return f"{TOTP(device.bin_key).token():06d}"


@pytest.fixture
def coordinator():
    return testing.coordinator(testing.programme())


def test_a_password_alone_opens_no_staff_page(client, coordinator):
    response = password_only(client, coordinator).get(reverse("matches:today"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_setup"))


def test_linking_an_app_then_entering_its_code_opens_the_page(client, coordinator):
    password_only(client, coordinator)
    setup = client.get(reverse("two_factor_setup") + "?next=/vandaag/")
    assert "data:image/svg+xml;base64," in setup.content.decode()
    device = TOTPDevice.objects.get(user=coordinator, confirmed=False)

    response = client.post(reverse("two_factor_setup"), {"code": code(device), "next": "/vandaag/"})

    assert response.status_code == 302 and response["Location"] == "/vandaag/"
    assert client.get(reverse("matches:today")).status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_a_wrong_code_is_refused_and_the_page_stays_closed(client, coordinator):
    device = TOTPDevice.objects.create(user=coordinator, name="app", confirmed=True)
    password_only(client, coordinator)
    assert client.get(reverse("matches:today"))["Location"].startswith(reverse("two_factor_verify"))
    wrong = f"{(int(code(device)) + 1) % 1_000_000:06d}"

    response = client.post(reverse("two_factor_verify"), {"code": wrong})

    assert response.status_code == 400 and "Deze code klopt niet" in response.content.decode()
    assert client.get(reverse("matches:today")).status_code == 302


def test_an_outside_next_address_is_not_followed(client, coordinator):
    device = TOTPDevice.objects.create(user=coordinator, name="app", confirmed=True)
    password_only(client, coordinator)
    response = client.post(
        reverse("two_factor_verify"), {"code": code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_volunteers_and_parents_need_no_app(client):
    volunteer = testing.user(Role.VOLUNTEER)
    assert password_only(client, volunteer).get(reverse("matches:own_page")).status_code == 200


def test_the_admin_needs_the_second_step_too(client):
    superuser = testing.user(Role.SUPERUSER, is_staff=True, is_superuser=True)
    response = password_only(client, superuser).get("/beheer/")
    assert re.match(r"^/inloggen/app-koppelen/", response["Location"])


def test_demo_codes_and_demo_accounts_are_refused_in_production(settings):
    User.objects.create_user(username="coordinator", password=PASSWORD, role=Role.COORDINATOR)
    settings.PRODUCTION = True
    with pytest.raises(CommandError):
        call_command("demo_code", "coordinator")
    assert [e.id for e in no_demo_accounts_in_production(None)] == ["omzien.E001"]


def test_demo_accounts_neither_log_in_nor_stay_logged_in_in_production(client, settings):
    demo = User.objects.create_user(
        username="coordinator", password=PASSWORD, role=Role.COORDINATOR
    )
    client.force_login(demo)
    settings.PRODUCTION = True

    session = client.get(reverse("matches:today"))
    login = client.post(reverse("login"), {"username": "coordinator", "password": PASSWORD})

    assert session.wsgi_request.user.is_anonymous
    assert login.status_code == 200 and login.wsgi_request.user.is_anonymous


def test_the_session_gets_a_new_key_after_the_code(client, coordinator):
    device = TOTPDevice.objects.create(user=coordinator, name="app", confirmed=True)
    password_only(client, coordinator)
    before = client.session.session_key

    client.post(reverse("two_factor_verify"), {"code": code(device)})

    assert client.session.session_key != before
    assert client.get(reverse("matches:today")).status_code == 200


def test_the_cursor_starts_in_the_code_field(client, coordinator):
    TOTPDevice.objects.create(user=coordinator, name="app", confirmed=True)
    password_only(client, coordinator)

    page = client.get(reverse("two_factor_verify")).content.decode()

    assert re.search(r'<input[^>]*name="code"[^>]*autofocus', page)


def test_a_failed_log_in_focuses_its_error_and_links_to_the_field(client, coordinator):
    page = client.post(
        reverse("login"), {"username": coordinator.username, "password": "niet-goed"}
    ).content.decode()

    error = re.search(r'<div[^>]*id="login-error"[^>]*>.*?</div>', page, re.S).group()
    assert "autofocus" in error and 'href="#id_username"' in error
