"""Load and remove the demo: Voorbeeldstad with its organisations, people and matches.

The same seed and reference day give the same rows: every random choice comes from one
`random.Random(seed)` and every date is counted back from `today`.
"""

from datetime import date
from random import Random

from django.db import transaction

from omzien.accounts.models import User
from omzien.geo.models import Municipality, PostcodeArea
from omzien.intake.models import Offer, Request
from omzien.matches.models import Match
from omzien.people.models import Household, Volunteer, Youth
from omzien.programmes.models import Organisation, Programme, ProgrammeType

from .accounts import USERNAMES, create_accounts, link_to_person
from .api_clients import create_api_clients
from .concerns import create_concerns
from .context import Demo
from .demand import create_requests
from .follow_up import create_moments
from .geography import CODE, NAME, PC4_PREFIX, create_geography
from .history import create_history
from .matches import create_matches
from .outcomes import create_outcomes
from .people import People
from .privacy import create_privacy
from .programmes import (
    MENTORING,
    ORGANISATIONS,
    PROGRAMME_TYPES,
    PROGRAMMES,
    SUPPORT_FAMILY,
    create_programmes,
    create_training_sessions,
)
from .support_figures import create_support_figures
from .volunteers import create_volunteers

DEFAULT_SEED = 2026


def is_loaded() -> bool:
    return Municipality.objects.filter(code=CODE).exists()


@transaction.atomic
def load(seed: int = DEFAULT_SEED, *, today: date) -> Demo:
    """Replace any earlier demo with a fresh one."""
    remove()
    rng = Random(seed)
    geography = create_geography(rng, today)
    organisations, programmes = create_programmes(geography.municipality)
    sessions = create_training_sessions(rng, programmes, today)
    users = create_accounts(organisations, programmes, geography.municipality)
    demo = Demo(rng, today, People(rng, geography.areas), programmes, users, sessions)
    create_volunteers(demo)
    create_matches(demo)  # before the waiting list: it shows who still has room
    create_requests(demo)
    create_history(demo)  # after today's waiting list, which it leaves as it is
    demo.flush()
    create_moments(
        list(
            Match.objects.filter(request__programme__in=programmes.values()).select_related(
                "request"
            )
        ),
        today,
    )
    create_outcomes(demo)
    create_concerns(demo)
    link_accounts(demo)
    create_support_figures(demo)  # after the accounts: the youth account gets a record
    create_privacy(demo)
    create_api_clients(demo)
    return demo


def link_accounts(demo: Demo) -> None:
    """The volunteer, parent and youth accounts get the name and e-mail of people in an active match."""
    family, offer = demo.featured[SUPPORT_FAMILY]
    link_to_person(demo.users["vrijwilliger"], offer.volunteer)
    link_to_person(demo.users["ouder"], family.parents[0])
    link_to_person(demo.users["jongere"], demo.featured[MENTORING][0].person)


@transaction.atomic
def remove() -> None:
    """Delete every row the demo made, and what hangs off it; other data stays."""
    areas = PostcodeArea.objects.filter(pc4__startswith=PC4_PREFIX, city=NAME)
    programmes = Programme.objects.filter(slug__in=[slug for *_, slug in PROGRAMMES])
    for model in (Household, Youth, Volunteer):
        model.objects.filter(postcode_area__in=areas).delete()
    Request.objects.filter(programme__in=programmes).delete()
    Offer.objects.filter(programme__in=programmes).delete()
    User.objects.filter(username__in=USERNAMES).delete()
    programmes.delete()
    Organisation.objects.filter(slug__in=[slug for _, slug, _ in ORGANISATIONS]).delete()
    ProgrammeType.objects.filter(slug__in=PROGRAMME_TYPES).delete()
    areas.delete()
    Municipality.objects.filter(code=CODE).delete()
