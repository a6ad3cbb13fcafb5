"""The reference page: the OpenAPI document as plain HTML, public like the document itself.

Nothing on it comes from a CDN or needs a script; the document is generated from the code, so
the page and the API cannot drift apart.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from drf_spectacular.generators import SchemaGenerator

from ..reference import PROBLEM_CODES, components, operations

SCHEMA_URLCONF = settings.SPECTACULAR_SETTINGS["SERVE_URLCONF"]


def reference(request: HttpRequest) -> HttpResponse:
    schema = SchemaGenerator(urlconf=SCHEMA_URLCONF).get_schema(request=None, public=True)
    context = {
        "info": schema["info"],
        "operations": operations(schema),
        "components": components(schema),
        "problem_codes": PROBLEM_CODES,
    }
    return render(request, "api/reference.html", context)
