"""Volunteer rows: a volunteer and their offer in the programme."""

from dataclasses import dataclass
from functools import partial

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from omzien.intake.models import Offer, OfferStatus
from omzien.people.models import Volunteer
from omzien.programmes.models import Programme

from . import values
from .inserting import insert
from .records import matching_consent, save_status_history
from .rows import Context, RowCheck, identities

# Which column each model field comes from, so a model's error lands at its column.
VOLUNTEER_COLUMNS = {
    "first_name": "voornaam",
    "last_name": "achternaam",
    "email": "e-mail",
    "phone": "telefoon",
    "date_of_birth": "geboortedatum",
    "postcode": "postcode",
    "languages": "talen",
    "travel_radius_km": "reisafstand km",
    "has_pets": "huisdieren",
    "smokes": "rookt",
}
OFFER_COLUMNS = {
    "offers": "aanbod",
    "availability": "beschikbaarheid",
    "min_child_age": "leeftijd van",
    "max_child_age": "leeftijd tot",
    "status": "status",
}
KEY_COLUMNS = ("e-mail", "achternaam", "geboortedatum", "postcode")
STATUSES = values.vocabulary(OfferStatus.choices)
# Availability follows screening (VOG, references, training), which the file does not hold.
IMPORTABLE_STATUSES = [
    (code, label) for code, label in OfferStatus.choices if code != OfferStatus.AVAILABLE
]


@dataclass
class Planned:
    keys: tuple[tuple, ...]  # empty when the row is too broken to tell who it is
    label: str
    summary: str
    volunteer: Volunteer
    offer: Offer


def refusal(programme: Programme) -> str:
    """Every programme has volunteers."""
    return ""


def offer_status(value: object) -> str:
    status = values.choice(value, STATUSES, default=OfferStatus.SIGNED_UP)
    if status == OfferStatus.AVAILABLE:
        raise ValidationError(
            _(
                "‘Beschikbaar’ kan niet worden geïmporteerd: dat volgt op de screening in Omzien. Importeer als ‘in screening’."
            )
        )
    return status


def check(row: RowCheck, context: Context) -> Planned:
    def text(column: str) -> str:
        return values.text(row.cells.get(column))

    postcode = row.get("postcode", values.postcode, fallback="")
    volunteer = Volunteer(
        first_name=text("voornaam"),
        last_name=text("achternaam"),
        email=text("e-mail"),
        phone=text("telefoon"),
        date_of_birth=row.get("geboortedatum", values.required_date),
        postcode=postcode,
        postcode_area=row.attempt("postcode", context.places.area, postcode) if postcode else None,
        languages=row.get("talen", values.languages, fallback=[]),
        travel_radius_km=row.get(
            "reisafstand km", partial(values.whole_number, default=10), fallback=10
        ),
        has_pets=row.get("huisdieren", values.yes_no, fallback=False),
        smokes=row.get("rookt", values.yes_no, fallback=False),
        created_at=context.now,
    )
    offer = Offer(
        programme=context.programme,
        volunteer=volunteer,
        signed_up_at=context.now,
        offers=row.get("aanbod", values.needs, fallback=[]),
        availability=row.get("beschikbaarheid", values.availability, fallback=[]),
        min_child_age=row.get("leeftijd van", partial(values.whole_number, default=0), fallback=0),
        max_child_age=row.get(
            "leeftijd tot", partial(values.whole_number, default=17), fallback=17
        ),
        status=row.get("status", offer_status, fallback=OfferStatus.SIGNED_UP),
    )
    row.validate(volunteer, VOLUNTEER_COLUMNS)
    row.validate(offer, OFFER_COLUMNS)
    return Planned(
        keys=identities(volunteer.email, volunteer.last_name, volunteer.date_of_birth, postcode)
        if row.sound(*KEY_COLUMNS)
        else (),
        label=str(volunteer),
        summary=context.once(
            ("summary", offer.status),
            lambda: _("vrijwilliger, %(status)s") % {"status": OfferStatus(offer.status).label},
        ),
        volunteer=volunteer,
        offer=offer,
    )


def existing(programme: Programme) -> set[tuple]:
    """Who is already in the programme, by the same identities a row gets."""
    keys = set()
    for email, last_name, born, postcode in Volunteer.objects.in_programmes(
        [programme.pk]
    ).values_list("email", "last_name", "date_of_birth", "postcode"):
        keys.update(identities(email, last_name, born, postcode))
    return keys


def save(planned: list[Planned], context: Context) -> None:
    """Insert in bulk; each insert sets the keys the next one refers to."""
    insert([p.volunteer for p in planned])
    offers = insert([p.offer for p in planned])
    save_status_history(offers, context)
    insert([matching_consent(context, volunteer=p.volunteer) for p in planned])
