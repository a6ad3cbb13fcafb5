"""The API answers in the language of `Accept-Language` (Dutch or English); Dutch by default.

The web pages ignore the browser's language (Dutch first, a switcher for English); a system
calling the API has no switcher, so here the header decides.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header


def requested_language(request: HttpRequest) -> str:
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if code == "*":
            break
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


@contextmanager
def in_requested_language(request: HttpRequest) -> Iterator[str]:
    language = requested_language(request)
    with translation.override(language):
        yield language


def speaks(response: HttpResponse, language: str) -> HttpResponse:
    response.headers["Content-Language"] = language
    patch_vary_headers(response, ["Accept-Language"])
    return response
