"""Volunteers, each with one offer in a programme of their municipality, and the certificates
of conduct of those who are available now."""

import bisect
from datetime import date, timedelta
from random import Random

from omzien.intake.models import Offer, OfferStatus
from omzien.people.models import Volunteer, VolunteerKind
from omzien.screening.models import Certificate
from omzien.vocabulary import SLOT_CODES, Need

from .people import Folk
from .programmes import Scheme, at
from .writer import Writer

S = OfferStatus
# Most offers are or were in use; a few are on their way in, or were found not suitable.
STATUSES = [(S.AVAILABLE, 55), (S.WITHDRAWN, 30), (S.SCREENING, 5), (S.INTAKE_HELD, 3),
            (S.INTAKE_PLANNED, 3), (S.SIGNED_UP, 2), (S.NOT_SUITABLE, 2)]  # fmt: skip
MATCHED_BEFORE = frozenset({S.AVAILABLE, S.WITHDRAWN})
CERTIFICATE_DAYS = 3 * 365
VOLUNTEER_FIELDS = (
    "id", "first_name", "last_name", "email", "postcode", "postcode_area_id", "languages",
    "created_at", "kind", "family_name", "date_of_birth", "travel_radius_km", "has_pets", "smokes",
)  # fmt: skip
OFFER_FIELDS = (
    "id", "programme_id", "volunteer_id", "status", "signed_up_at", "intake_on",
    "available_since", "offers", "availability", "min_child_age", "max_child_age", "capacity",
)  # fmt: skip


def offer_dates(rng: Random, status: str, start: date, today: date, founding: bool):
    """(signed up, intake, available since): long ago for offers in use, recent for the rest."""
    if status in MATCHED_BEFORE:
        signed = start if founding else start + timedelta(rng.randint(0, (today - start).days - 90))
        intake = signed + timedelta(rng.randint(5, 20))
        return signed, intake, intake + timedelta(rng.randint(14, 60))
    signed = today - timedelta(rng.randint(0, 60))
    intake = signed + timedelta(rng.randint(5, 20)) if status != S.SIGNED_UP else None
    return signed, intake, None


def create_volunteers(
    writer: Writer, rng: Random, folk: Folk, schemes: list[Scheme], count: int, start: date,
    today: date,
) -> None:  # fmt: skip
    weights = [sum(p.households for p in s.places) for s in schemes]
    chosen = rng.choices(schemes, weights=weights, k=count)
    chosen[: len(schemes)] = schemes[
        :count
    ]  # every programme has volunteers, the first since the start
    statuses, status_weights = zip(*STATUSES, strict=True)
    volunteers, offers, certificates = [], [], []
    for n, (scheme, pk, offer) in enumerate(
        zip(chosen, writer.ids(Volunteer, count), writer.ids(Offer, count), strict=True)
    ):
        founding = n < len(schemes)
        status = S.AVAILABLE if founding else rng.choices(statuses, status_weights)[0]
        signed, intake, available = offer_dates(rng, status, start, today, founding)
        person = folk.person(rng)
        place = rng.choice(scheme.places)
        area, postcode = folk.address(rng, place)
        family = scheme.kind.max_capacity > 1 and rng.random() < 0.6
        volunteers.append(
            (pk, person.first, person.last, f"vrijwilliger{pk}@example.org", postcode, area,
             person.languages, at(signed), VolunteerKind.FAMILY if family else VolunteerKind.PERSON,
             person.last if family else "", folk.adult_birth(rng, today), rng.choice((5, 10, 15)),
             rng.random() < 0.3, rng.random() < 0.05)
        )  # fmt: skip
        kind = scheme.kind
        offers.append(
            (offer, scheme.pk, pk, status, at(signed), intake, available,
             rng.sample(Need.values, rng.randint(2, 4)), rng.sample(SLOT_CODES, rng.randint(3, 8)),
             kind.min_age, kind.max_age, rng.randint(1, kind.max_capacity))
        )  # fmt: skip
        if status in MATCHED_BEFORE:
            bisect.insort(scheme.offers, (available, offer, offers[-1][-1], status))
        if status == S.AVAILABLE:
            issued = today - timedelta(rng.randint(0, CERTIFICATE_DAYS - 60))
            certificates.append(
                (pk, issued - timedelta(14), issued, issued + timedelta(CERTIFICATE_DAYS))
            )
    writer.write(Volunteer, VOLUNTEER_FIELDS, volunteers)
    writer.write(Offer, OFFER_FIELDS, offers)
    writer.write(
        Certificate, ("volunteer_id", "requested_on", "issued_on", "valid_until"), certificates
    )
