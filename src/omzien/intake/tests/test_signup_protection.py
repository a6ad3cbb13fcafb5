"""Spam protection of the public forms: the honeypot and the per-client rate limit."""

import logging
import time

import pytest
from django.core.cache import cache

from omzien import testing
from omzien.intake.signup.protection import HONEYPOT_FIELD, client_key, take_turn
from omzien.people.models import Household
from omzien.web.models import RateCount

from .test_signup import THANKS, URL, household_data, nothing_stored

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.7"


@pytest.fixture
def programme():
    testing.geography()
    return testing.programme()


def test_honeypot_gets_a_neutral_answer_and_nothing_is_stored(client, programme, mailoutbox):
    data = household_data(programme) | {HONEYPOT_FIELD: "https://spam.example"}

    response = client.post(URL, data)

    assert response.status_code == 302 and response["Location"] == THANKS
    assert nothing_stored() and mailoutbox == []


def test_honeypot_is_hidden_from_people_and_screen_readers(client, programme):
    html = client.get(URL).text
    hidden = html[html.index("<div hidden>") : html.index("</div>", html.index("<div hidden>"))]
    assert f'name="{HONEYPOT_FIELD}"' in hidden and 'tabindex="-1"' in hidden


def test_rate_limit_refuses_with_429_and_keeps_what_was_typed(client, programme, settings, caplog):
    settings.OMZIEN_SIGNUP_RATE_LIMIT = 2
    programme.organisation.email = "info@steun.example"
    programme.organisation.save()
    caplog.set_level(logging.DEBUG)
    for n in range(2):
        data = household_data(programme, email=f"ouder{n}@example.org")
        assert client.post(URL, data, REMOTE_ADDR=ADDRESS).status_code == 302
    stored = Household.objects.count()

    response = client.post(
        URL, household_data(programme, last_name="Veenstra"), REMOTE_ADDR=ADDRESS
    )

    assert response.status_code == 429
    assert "Te veel aanmeldingen" in response.text
    assert "Probeer het over een uur opnieuw." in response.text
    assert (
        'href="mailto:info@steun.example"' in response.text
        and programme.organisation.name in response.text
    )
    assert 'value="Veenstra"' in response.text and 'value="Noor"' in response.text
    assert Household.objects.count() == stored
    assert ADDRESS not in caplog.text


def test_refused_sign_ups_do_not_count(client, programme, settings):
    settings.OMZIEN_SIGNUP_RATE_LIMIT = 1
    for _ in range(3):
        response = client.post(URL, household_data(programme, postcode=""), REMOTE_ADDR=ADDRESS)
        assert response.status_code == 200  # the form with its errors, not the limit

    assert client.post(URL, household_data(programme), REMOTE_ADDR=ADDRESS).status_code == 302
    assert client.post(URL, household_data(programme), REMOTE_ADDR=ADDRESS).status_code == 429


def test_rate_limit_is_per_client(client, programme, settings):
    settings.OMZIEN_SIGNUP_RATE_LIMIT = 1
    client.post(URL, household_data(programme), REMOTE_ADDR=ADDRESS)

    assert client.post(URL, household_data(programme), REMOTE_ADDR=ADDRESS).status_code == 429
    other = client.post(URL, household_data(programme), REMOTE_ADDR="198.51.100.4")
    assert other.status_code == 302


def test_the_count_is_shared_by_every_app_server(rf, programme, settings):
    """Two servers share no memory, only the database: the count lives there, not in a cache."""
    settings.OMZIEN_SIGNUP_RATE_LIMIT = 2
    request = rf.post(URL, REMOTE_ADDR=ADDRESS)

    assert take_turn(request)
    cache.clear()  # another server's cache, or this one's after a restart
    assert take_turn(request)
    assert not take_turn(request)
    assert RateCount.objects.get().count == 2


def test_windows_that_have_passed_are_cleared(rf, settings, monkeypatch):
    settings.OMZIEN_SIGNUP_RATE_LIMIT = 1
    settings.OMZIEN_SIGNUP_RATE_WINDOW = 60
    request = rf.post(URL, REMOTE_ADDR=ADDRESS)
    assert take_turn(request)

    monkeypatch.setattr(time, "time", lambda: time.monotonic() + 10**10)  # a later window

    assert take_turn(request)
    assert RateCount.objects.count() == 1


def test_reading_the_form_does_not_count(client, programme, settings):
    settings.OMZIEN_SIGNUP_RATE_LIMIT = 1
    for _ in range(3):
        assert client.get(URL).status_code == 200
    assert client.post(URL, household_data(programme)).status_code == 302


def test_the_address_is_kept_only_as_a_keyed_hash(rf, settings):
    key = client_key(rf.post(URL, REMOTE_ADDR=ADDRESS))

    assert ADDRESS not in key and len(key) == 64
    settings.SECRET_KEY = "another-secret-" + "y" * 40
    assert client_key(rf.post(URL, REMOTE_ADDR=ADDRESS)) != key  # not guessable without the key


def test_behind_a_proxy_the_last_forwarded_address_counts(rf, settings):
    settings.OMZIEN_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    forged = rf.post(URL, HTTP_X_FORWARDED_FOR=f"10.0.0.1, {ADDRESS}", REMOTE_ADDR="10.9.9.9")
    real = rf.post(URL, HTTP_X_FORWARDED_FOR=ADDRESS, REMOTE_ADDR="10.9.9.9")
    assert client_key(forged) == client_key(real)


def test_a_limit_of_zero_lets_nothing_through(rf, settings):
    settings.OMZIEN_SIGNUP_RATE_LIMIT = 0

    assert not take_turn(rf.post(URL, REMOTE_ADDR=ADDRESS))
    assert not RateCount.objects.exists()
