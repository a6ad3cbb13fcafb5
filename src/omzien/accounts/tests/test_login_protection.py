"""Log-in protection: lockout after failed attempts, strong passwords, sessions that expire."""

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from omzien import testing

pytestmark = pytest.mark.django_db


def attempt(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(client):
    user = testing.user("coordinator")
    for _ in range(5):
        attempt(client, user.username, "fout-wachtwoord")
    response = attempt(client, user.username, "test-wachtwoord-123")
    assert response.status_code == 429 and "Even geblokkeerd" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_right_password_before_the_limit_resets_the_count(client):
    user = testing.user("coordinator")
    for _ in range(4):
        attempt(client, user.username, "fout-wachtwoord")
    assert attempt(client, user.username, "test-wachtwoord-123").status_code == 302


@pytest.mark.parametrize("password", ["kort123", "12345678901234", "password1234"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_sessions_end_after_half_an_hour_without_activity():
    assert settings.SESSION_COOKIE_AGE == 30 * 60 and settings.SESSION_SAVE_EVERY_REQUEST
