"""The national dataset command as CI runs it on PostgreSQL: a tenth of the country.

Its own module, so that no other module's loaded dataset is still open around it."""

from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from omzien.demo.national.sizes import parse_scale, sizes_at
from omzien.geo.models import Municipality
from omzien.intake.models import Request
from omzien.matches.models import Match
from omzien.people.models import Child, Parent, Volunteer, Youth

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 16)
FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="a tenth is loaded with COPY on PostgreSQL (CI's PostgreSQL run); SQLite takes too long",
)
@override_settings(PASSWORD_HASHERS=FAST_HASHER)
def test_the_command_loads_a_tenth_on_postgresql():
    """The national dataset command as CI runs it: a tenth of the country, through COPY."""
    call_command("load_demo", scale="tenth", seed=2026, today=TODAY, verbosity=0)
    tenth = sizes_at(parse_scale("tenth"))
    assert Municipality.objects.count() == tenth.municipalities
    assert Match.objects.count() == tenth.matches == 100_000
    assert Request.objects.count() == tenth.requests
    people = Parent.objects.count() + Child.objects.count() + Youth.objects.count()
    assert people + Volunteer.objects.count() == tenth.people
