"""Error pages look like the rest of Omzien, speak the visitor's language and offer a way back."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.views.defaults import server_error

from omzien import testing
from omzien.access.roles import Role

pytestmark = pytest.mark.django_db


def in_english(client) -> None:
    client.post(reverse("set_language"), {"language": "en", "next": "/"})


def test_a_missing_page_says_so_in_dutch_with_a_way_back(client):
    response = client.get("/bestaat-niet/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Pagina niet gevonden" in html and "Terug naar de startpagina" in html
    assert "omzien/theme.css" in html and "favicon.svg" in html


def test_a_missing_page_in_english(client):
    in_english(client)
    html = client.get("/bestaat-niet/").content.decode()
    assert "Page not found" in html and "Back to the start page" in html


def test_a_refused_page_explains_whom_to_ask(client):
    client.force_login(testing.user(Role.VOLUNTEER))
    response = client.get(reverse("matches:today"))
    assert response.status_code == 403
    assert "Geen toegang" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "heading"), [("nl", "Er ging iets mis"), ("en", "Something went wrong")]
)
def test_a_crash_shows_the_sites_own_page(language, heading):
    with translation.override(language):
        response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert heading in html and "omzien/theme.css" in html and 'href="/"' in html
