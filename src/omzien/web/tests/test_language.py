import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_dutch_first_whatever_the_browser_says(client):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "nl"
    assert "Gebruikersnaam" in response.content.decode()


def test_the_switcher_chooses_english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("login"))
    assert response["Content-Language"] == "en"
    assert "Username" in response.content.decode()
