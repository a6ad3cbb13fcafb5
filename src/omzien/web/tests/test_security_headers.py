"""Every page carries a strict Content-Security-Policy and the other protective headers."""

import pytest
from django.urls import reverse

from omzien import testing

pytestmark = pytest.mark.django_db


def test_pages_forbid_inline_code_framing_and_outside_sources(client):
    response = client.get(reverse("login"))
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    assert "unsafe" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_signed_in_page_is_never_stored(client):
    coordinator = testing.coordinator(testing.programme())
    client.force_login(coordinator)
    cache_control = client.get(reverse("matches:today"))["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control


def test_a_message_with_a_name_stays_out_of_the_cookies(client):
    geo = testing.geography()
    programme = testing.programme()
    waiting = testing.waiting_request(programme, geo["near"], last_name="Zonnebloem")
    offer = testing.available_offer(programme, geo["near"])
    client.force_login(testing.coordinator(programme))

    response = client.post(reverse("matching:propose", args=[waiting.pk]), {"offer": offer.pk})

    assert "messages" not in response.cookies
    assert "Zonnebloem" in client.get(response["Location"]).content.decode()  # still shown
