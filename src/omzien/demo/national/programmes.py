"""Organisations, programmes of every type, and their staff's accounts.

Every municipality belongs to the region of its nearest organisation; an organisation's
programmes of one type share its region between them, so that each municipality has exactly
one programme of each type to ask.
"""

import math
from dataclasses import dataclass, field
from datetime import date, datetime, time
from random import Random

from django.contrib.auth.hashers import make_password
from django.utils import timezone
from django.utils.text import slugify

from omzien.accounts.models import Role, User
from omzien.programmes.models import Organisation, Programme, ProgrammeType

from ..accounts import DEMO_PASSWORD
from ..programmes import PROGRAMME_TYPES
from .geography import Place
from .writer import Writer

PREFIXES = ["Steunpunt", "Samen Verder", "Naast Elkaar", "Buurtkracht", "Thuis in de Wijk"]


@dataclass
class Kind:
    """A programme type as the generator uses it."""

    pk: int
    slug: str
    serves: str
    has_introduction: bool
    expected_days: int
    schedule: list[dict]
    min_age: int
    max_age: int
    max_capacity: int


@dataclass
class Scheme:
    pk: int
    kind: Kind
    organisation: int
    places: list[Place]
    coordinator: int = 0
    referrer: int = 0
    # (available_since, offer pk, capacity, status) of the offers that can have had matches
    offers: list = field(default_factory=list)
    offer_days: list = field(default_factory=list)
    room: int = 0  # places left with available volunteers


def programme_kinds() -> list[Kind]:
    kinds = []
    for slug, fields in PROGRAMME_TYPES.items():
        row, _created = ProgrammeType.objects.get_or_create(slug=slug, defaults=fields)
        kinds.append(
            Kind(row.pk, slug, row.serves, row.has_introduction,
                 round(row.expected_duration_months * 30.44), row.schedule, row.min_age,
                 row.max_age, row.max_households_per_volunteer)
        )  # fmt: skip
    return kinds


def nearest(place: Place, homes: list[Place]) -> int:
    return min(
        range(len(homes)),
        key=lambda i: math.hypot(place.lat - homes[i].lat, place.lon - homes[i].lon),
    )


def regions(rng: Random, places: list[Place], count: int) -> list[tuple[Place, list[Place]]]:
    homes = rng.sample(places, count)
    served: list[list[Place]] = [[] for _ in homes]
    for place in places:
        served[nearest(place, homes)].append(place)
    return list(zip(homes, served, strict=True))


def at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9)))


def create_programmes(
    writer: Writer, rng: Random, places: list[Place], organisations: int, programmes: int,
    today: date,
) -> list[Scheme]:  # fmt: skip
    kinds = programme_kinds()
    org_rows, schemes = [], []
    for n, (home, region) in enumerate(regions(rng, places, organisations)):
        pk = writer.take(Organisation)
        name = f"{PREFIXES[n % len(PREFIXES)]} {home.name}"
        org_rows.append((pk, name, slugify(name), f"info@{slugify(name)}.example.org"))
        mine = programmes // organisations + (n < programmes % organisations)
        for k, kind in enumerate(kinds):
            count = mine // len(kinds) + (k < mine % len(kinds))
            for part in range(count):
                share = region[part::count] or [home]
                schemes.append(Scheme(writer.take(Programme), kind, pk, share))
    writer.write(Organisation, ("id", "name", "slug", "email"), org_rows)
    names = dict(ProgrammeType.objects.values_list("pk", "name"))
    writer.write(
        Programme,
        ("id", "organisation_id", "programme_type_id", "name", "slug", "description", "is_active"),
        (
            (s.pk, s.organisation, s.kind.pk, f"{names[s.kind.pk]} {s.places[0].name} {s.pk}",
             f"landelijk-{s.pk}", "", True)
            for s in schemes
        ),
    )  # fmt: skip
    writer.write(
        Programme.municipalities.through,
        ("programme_id", "municipality_id"),
        ((s.pk, place.pk) for s in schemes for place in s.places),
    )
    create_staff(writer, places, schemes, today)
    return schemes


def create_staff(writer: Writer, places: list[Place], schemes: list[Scheme], today: date) -> None:
    """A coordinator and a referrer per programme, a manager per organisation, an analyst per
    municipality: all with the demo's password, hashed once."""
    password, joined = make_password(DEMO_PASSWORD), at(today)
    rows, links = [], []

    def account(username, role, organisation=None, municipality=None) -> int:
        pk = writer.take(User)
        rows.append((pk, password, username, role, organisation, municipality, joined, True))
        return pk

    for s in schemes:
        s.coordinator = account(f"coordinator-{s.pk}", Role.COORDINATOR, s.organisation)
        s.referrer = account(f"verwijzer-{s.pk}", Role.REFERRER)
        links.append((s.coordinator, s.pk))
    for organisation in sorted({s.organisation for s in schemes}):
        account(f"beheerder-{organisation}", Role.ORG_ADMIN, organisation)
    for place in places:
        account(f"analist-{place.code.lower()}", Role.ANALYST, municipality=place.pk)
    writer.write(
        User,
        ("id", "password", "username", "role", "organisation_id", "municipality_id",
         "date_joined", "is_active"),
        rows,
    )  # fmt: skip
    writer.write(User.programmes.through, ("user_id", "programme_id"), links)
