"""Two made-up organisations running three programmes of three different kinds in Voorbeeldstad."""

from datetime import date, timedelta
from random import Random

from omzien.geo.models import Municipality
from omzien.programmes.models import Organisation, Programme, ProgrammeType, Serves
from omzien.screening.models import TrainingSession

# Keys are the programme type slugs; the rest of the demo refers to programmes by them.
SUPPORT_FAMILY, HOME_VISITING, MENTORING = "steungezin", "gezinsbezoek", "jongerenmentor"

ORGANISATIONS = [
    ("Steunpunt Voorbeeldstad", "steunpunt-voorbeeldstad", "info@steunpunt.example.org"),
    ("Samen Verder Voorbeeldstad", "samen-verder-voorbeeldstad", "info@samenverder.example.org"),
]

PROGRAMME_TYPES = {
    SUPPORT_FAMILY: dict(
        name="Steungezin",
        serves=Serves.HOUSEHOLDS,
        min_age=0,
        max_age=12,
        description=(
            "Een steungezin neemt een kind een middag per week of een weekend per maand op, "
            "zodat de ouders op adem komen. Voor twee jaar."
        ),
        trial_period_days=56,
        expected_duration_months=24,
        max_days_without_contact=42,
        schedule=[
            {"kind": "check_in", "after_days": 14},
            {"kind": "evaluation", "after_days": 56},
            {"kind": "evaluation", "after_days": 182},
            {"kind": "evaluation", "after_days": 365},
            {"kind": "evaluation", "after_days": 548},
            {"kind": "evaluation", "after_days": 730},
        ],
        references_required=2,
        training_required=True,
        max_households_per_volunteer=2,
        waiting_days_full_priority=240,
        weight_distance=25,
        weight_availability=25,
        weight_age=15,
        weight_needs=10,
        weight_language=5,
        weight_waiting=20,
    ),
    HOME_VISITING: dict(
        name="Gezinsbezoek",
        serves=Serves.HOUSEHOLDS,
        min_age=0,
        max_age=12,
        description=(
            "Een vrijwilliger bezoekt een jong gezin een jaar lang elke week thuis en denkt "
            "mee over opvoeden en het dagelijks leven."
        ),
        trial_period_days=42,
        expected_duration_months=12,
        max_days_without_contact=28,
        schedule=[
            {"kind": "check_in", "after_days": 14},
            {"kind": "evaluation", "after_days": 42},
            {"kind": "evaluation", "after_days": 182},
            {"kind": "evaluation", "after_days": 365},
        ],
        references_required=1,
        training_required=True,
        max_households_per_volunteer=1,
        weight_distance=35,
        weight_availability=20,
        weight_age=10,
        weight_needs=15,
        weight_language=10,
        weight_waiting=10,
    ),
    MENTORING: dict(
        name="Jongerenmentor",
        serves=Serves.YOUTH,
        min_age=12,
        max_age=23,
        description=(
            "Een mentor staat een jongere van 12 tot 23 jaar een jaar lang bij: bij school, "
            "werk, geld en vrije tijd."
        ),
        trial_period_days=28,
        expected_duration_months=12,
        max_days_without_contact=21,
        schedule=[
            {"kind": "check_in", "after_days": 7},
            {"kind": "check_in", "after_days": 28},
            {"kind": "evaluation", "after_days": 91},
            {"kind": "evaluation", "after_days": 365},
        ],
        references_required=0,
        training_required=False,
        max_households_per_volunteer=1,
        language_rule=False,
        weight_distance=20,
        weight_availability=20,
        weight_age=10,
        weight_needs=30,
        weight_language=5,
        weight_waiting=15,
    ),
}

# (programme type, organisation slug, programme name, programme slug)
PROGRAMMES = [
    (
        SUPPORT_FAMILY,
        "steunpunt-voorbeeldstad",
        "Steungezinnen Voorbeeldstad",
        "steungezinnen-voorbeeldstad",
    ),
    (
        HOME_VISITING,
        "steunpunt-voorbeeldstad",
        "Gezinsbezoek Voorbeeldstad",
        "gezinsbezoek-voorbeeldstad",
    ),
    (
        MENTORING,
        "samen-verder-voorbeeldstad",
        "Jongerenmentor Voorbeeldstad",
        "jongerenmentor-voorbeeldstad",
    ),
]
TRAINING_TITLES = {
    SUPPORT_FAMILY: "Basistraining steungezinnen",
    HOME_VISITING: "Basistraining gezinsbezoek",
}
TRAINING_EVERY_DAYS, TRAINING_HISTORY_DAYS = 91, 1400


def create_programmes(
    municipality: Municipality,
) -> tuple[dict[str, Organisation], dict[str, Programme]]:
    organisations = {
        slug: Organisation.objects.create(name=name, slug=slug, email=email)
        for name, slug, email in ORGANISATIONS
    }
    programmes = {}
    for type_slug, org_slug, name, slug in PROGRAMMES:
        programme_type = ProgrammeType.objects.create(slug=type_slug, **PROGRAMME_TYPES[type_slug])
        programmes[type_slug] = Programme.objects.create(
            organisation=organisations[org_slug],
            programme_type=programme_type,
            name=name,
            slug=slug,
            description=programme_type.description,
        )
        programmes[type_slug].municipalities.add(municipality)
    return organisations, programmes


def create_training_sessions(
    rng: Random, programmes: dict[str, Programme], today: date
) -> dict[str, list[TrainingSession]]:
    """A basic training every quarter, far enough back for the longest-serving volunteers."""
    sessions: dict[str, list[TrainingSession]] = {}
    for key, title in TRAINING_TITLES.items():
        first = today - timedelta(days=rng.randint(10, 40))
        sessions[key] = [
            TrainingSession.objects.create(
                programme=programmes[key], title=title, held_on=first - timedelta(days=days_back)
            )
            for days_back in range(0, TRAINING_HISTORY_DAYS, TRAINING_EVERY_DAYS)
        ]
    return sessions


# What the work of each programme looks like: what families ask and volunteers offer, and
# the parts of the week in which it happens.
NEEDS = {
    SUPPORT_FAMILY: ["time_for_child", "outings", "respite", "homework"],
    HOME_VISITING: ["parenting", "practical", "network", "language", "paperwork", "outings"],
    MENTORING: ["homework", "outings", "network", "paperwork", "time_for_child"],
}
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
SLOTS = {
    SUPPORT_FAMILY: [
        "wed_afternoon",
        "fri_afternoon",
        "fri_evening",
        "sat_morning",
        "sat_afternoon",
        "sat_evening",
        "sun_morning",
        "sun_afternoon",
    ],
    HOME_VISITING: [f"{day}_{part}" for day in WEEKDAYS for part in ("morning", "afternoon")],
    MENTORING: [f"{day}_{part}" for day in WEEKDAYS for part in ("afternoon", "evening")]
    + ["sat_afternoon"],
}
