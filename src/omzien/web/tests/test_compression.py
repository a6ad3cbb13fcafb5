"""Light pages: HTML is gzipped, static files come pre-compressed and are cached for good."""

import gzip

import brotli
import pytest
from django.templatetags.static import static
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

STYLE = "vendor/utrecht-component-library-css/subset.css"
ONE_YEAR = 365 * 24 * 60 * 60


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_page_is_gzipped_for_a_browser_that_accepts_it(client):
    response = client.get(reverse("login"), headers={"accept-encoding": "gzip, deflate, br"})
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    html = gzip.decompress(response.content).decode()
    assert "<h1" in html and len(response.content) < len(html.encode()) / 2


def test_a_page_is_plain_for_a_client_that_does_not_ask(client):
    response = client.get(reverse("login"))
    assert not response.has_header("Content-Encoding")
    assert b"<h1" in response.content


def test_a_style_sheet_comes_as_brotli_or_gzip_whichever_the_browser_takes(production_static):
    client = Client()
    url = static(STYLE)
    plain = (production_static / STYLE).read_bytes()

    as_brotli = client.get(url, headers={"accept-encoding": "gzip, deflate, br"})
    assert as_brotli["Content-Encoding"] == "br"
    assert brotli.decompress(body(as_brotli)) == plain
    assert len(body(as_brotli)) < len(plain) / 10

    as_gzip = client.get(url, headers={"accept-encoding": "gzip"})
    assert as_gzip["Content-Encoding"] == "gzip"
    assert gzip.decompress(body(as_gzip)) == plain


def test_pages_name_static_files_by_content_and_browsers_keep_them_a_year(production_static):
    client = Client()
    html = client.get(reverse("login")).content.decode()
    url = static(STYLE)
    assert url != f"/static/{STYLE}" and url in html, "the page links the hashed name"

    cache_control = client.get(url)["Cache-Control"]
    max_age = int(cache_control.split("max-age=")[1].split(",")[0])
    assert max_age >= ONE_YEAR and "immutable" in cache_control and "public" in cache_control


def test_the_plain_name_of_a_static_file_is_cached_only_briefly(production_static):
    # It can change in place at the next release: the browser must ask again soon.
    cache_control = Client().get(f"/static/{STYLE}")["Cache-Control"]
    assert cache_control == "max-age=60, public"
