"""Forms look untouched until someone sends them: no field starts in the error colour."""

import re

import pytest
from django.urls import reverse

from omzien import testing

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "serves"),
    [
        ("signup:household", "households"),
        ("signup:youth", "youth"),
        ("signup:volunteer", "households"),
    ],
)
def test_required_fields_are_marked_in_words_not_as_invalid_before_sending(client, name, serves):
    testing.programme(serves=serves)  # a sign-up form needs a programme to offer

    page = client.get(reverse(name)).content.decode()

    fields = re.findall(r"<(?:input|textarea|select)\b[^>]*>", page)
    assert fields and not [f for f in fields if re.search(r"\srequired\b", f)]
    assert "(verplicht)" in page and 'aria-invalid="true"' not in page
