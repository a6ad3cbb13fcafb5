"""The national dataset: the whole country's informal support over ten years, made up.

`load` fills an empty database from a seed and a reference day: the same seed, day and scale
give the same rows. Sizes are in `sizes`; every other module makes one part of it.
"""

import sys
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path
from random import Random

from django.apps import apps
from django.conf import settings
from django.db import transaction

from omzien.accounts.models import Role, User
from omzien.accounts.two_factor import OWN_DATA_ROLES
from omzien.geo.models import Municipality
from omzien.intake.models import Offer
from omzien.outcomes import shipped
from omzien.outcomes.models import Instrument, ProgrammeInstrument, Respondent
from omzien.people.models import Parent, Volunteer, Youth

from ..second_factor import create_devices
from .geography import create_geography
from .history import History, Questionnaire
from .people import Folk
from .programmes import Scheme, at, create_programmes
from .sizes import Sizes, sizes_at
from .volunteers import create_volunteers
from .writer import Writer

YEARS = 10
INSTRUMENT = "situatie-gezin"


class NotEmpty(Exception):
    """The national dataset goes into an empty database only."""


@transaction.atomic
def load(
    scale: Fraction, seed: int, *, today: date, data_dir: Path | None = None, progress=sys.stderr
) -> Sizes:
    if Municipality.objects.exists():
        raise NotEmpty("Er staan al gemeenten in de database; laad de landelijke set in een lege.")
    sizes, rng, writer, folk = sizes_at(scale), Random(seed), Writer(progress), Folk()
    start = today - timedelta(days=round(YEARS * 365.25))
    places = create_geography(
        writer, rng, data_dir or settings.OMZIEN_SHARED_DATA, sizes.municipalities, today.year - 1
    )
    schemes = create_programmes(writer, rng, places, sizes.organisations, sizes.programmes, today)
    questionnaire = configure_questionnaire(writer, schemes)
    create_volunteers(writer, rng, folk, schemes, sizes.volunteers, start, today)
    history = History(writer, rng, folk, schemes, questionnaire, start, today)
    history.run(places, sizes)
    writer.finish()  # before the accounts below take keys from the sequences
    link_accounts(writer, history.featured, today)
    # The demo's public authenticator keys: staff can log in (and the load test with them).
    create_devices(User.objects.exclude(role__in=OWN_DATA_ROLES).order_by("pk"))
    return sizes


def configure_questionnaire(writer: Writer, schemes: list[Scheme]) -> Questionnaire:
    """Every programme asks the family's situation at intake and at closure."""
    shipped.load(apps)  # there since the migration; a flushed test database lacks it
    instrument = Instrument.objects.get(slug=INSTRUMENT)
    writer.write(
        ProgrammeInstrument,
        ("programme_id", "instrument_id", "respondent", "at_intake", "at_interim", "at_closure"),
        ((s.pk, instrument.pk, Respondent.COORDINATOR, True, False, True) for s in schemes),
    )
    return Questionnaire(instrument.pk, instrument.current_version().pk)


def link_accounts(writer: Writer, featured: dict[int, tuple[int, int, bool]], today: date) -> None:
    """Per programme, accounts for the volunteer and the parent or young person of one running
    match: Mijn koppeling has someone to show."""
    volunteer_of = dict(
        Offer.objects.filter(pk__in=[o for o, _p, _h in featured.values()]).values_list(
            "pk", "volunteer_id"
        )
    )
    password = User.objects.filter(role=Role.COORDINATOR).values_list("password", flat=True)[0]
    for scheme, (offer, person, is_household) in sorted(featured.items()):
        volunteer = User.objects.create(
            username=f"vrijwilliger-{scheme}", role=Role.VOLUNTEER, password=password,
            date_joined=at(today),
        )  # fmt: skip
        Volunteer.objects.filter(pk=volunteer_of[offer]).update(account=volunteer)
        role, model = (Role.PARENT, Parent) if is_household else (Role.YOUTH, Youth)
        name = "ouder" if is_household else "jongere"
        own = User.objects.create(
            username=f"{name}-{scheme}", role=role, password=password, date_joined=at(today)
        )
        model.objects.filter(pk=person).update(account=own)
    writer.note(f"accounts van deelnemers: {2 * len(featured)}")
