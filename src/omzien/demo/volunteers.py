"""Volunteers and support families in every step of the offer workflow, with their screening."""

from datetime import date, timedelta

from omzien.intake.models import Offer, OfferStatus
from omzien.people.models import Volunteer, VolunteerKind, age_on
from omzien.privacy.models import Consent, ConsentSource, Purpose
from omzien.screening.models import (
    Attendance,
    Certificate,
    Reference,
    ReferenceOutcome,
    add_months,
)

from .context import Demo
from .people import VOLUNTEER_LANGUAGES, born
from .programmes import HOME_VISITING, MENTORING, NEEDS, SLOTS, SUPPORT_FAMILY
from .timeline import Path, backwards, days_before, entered, log_rows, moment

S = OfferStatus
PLAN = {
    SUPPORT_FAMILY: {S.SIGNED_UP: 2, S.INTAKE_PLANNED: 1, S.INTAKE_HELD: 1, S.SCREENING: 2,
                     S.AVAILABLE: 12, S.NOT_SUITABLE: 1, S.WITHDRAWN: 1},
    HOME_VISITING: {S.SIGNED_UP: 1, S.INTAKE_PLANNED: 2, S.INTAKE_HELD: 1, S.SCREENING: 1,
                    S.AVAILABLE: 10, S.NOT_SUITABLE: 1, S.WITHDRAWN: 1},
    MENTORING: {S.SIGNED_UP: 1, S.INTAKE_PLANNED: 1, S.INTAKE_HELD: 1, S.SCREENING: 1,
                S.AVAILABLE: 8, S.WITHDRAWN: 1},
}  # fmt: skip
STEPS = [S.SIGNED_UP, S.INTAKE_PLANNED, S.INTAKE_HELD, S.SCREENING, S.AVAILABLE]
# How many of STEPS a volunteer took before this end (the workflow allows these exits).
EXITS = {S.NOT_SUITABLE: (1, 3, 4), S.WITHDRAWN: (1, 2, 3, 4, 5)}
GAPS = {
    S.INTAKE_PLANNED: (2, 14),
    S.INTAKE_HELD: (5, 21),
    S.SCREENING: (1, 7),
    S.AVAILABLE: (21, 70),
    S.NOT_SUITABLE: (1, 10),
    S.WITHDRAWN: (5, 60),
}
# How long ago each volunteer entered their current state; some have helped for years.
IN_STATE = {
    S.SIGNED_UP: (0, 20),
    S.INTAKE_PLANNED: (1, 10),
    S.INTAKE_HELD: (1, 10),
    S.SCREENING: (3, 45),
    S.AVAILABLE: (14, 1100),
    S.NOT_SUITABLE: (10, 300),
    S.WITHDRAWN: (10, 400),
}
AGES = {SUPPORT_FAMILY: (30, 66), HOME_VISITING: (24, 73), MENTORING: (23, 66)}
CHILD_AGES = {
    SUPPORT_FAMILY: ((0, 0, 1, 2, 4), (8, 10, 12, 12, 12)),
    HOME_VISITING: ((0,), (6, 10, 12, 12)),
    MENTORING: ((12, 12, 14), (18, 21, 23, 23)),
}
DESCRIPTIONS = {
    SUPPORT_FAMILY: [
        "Onze kinderen zijn de deur uit; we hebben ruimte voor een kind in het weekend.",
        "Wij zijn een gezin met twee kinderen en houden van buiten zijn.",
        "Een middag per week een kind erbij past goed in ons leven.",
    ],
    HOME_VISITING: [
        "Ik heb zelf drie kinderen grootgebracht en wil jonge ouders graag helpen.",
        "Ik werk parttime en heb een ochtend per week tijd voor een gezin.",
        "Ik denk graag mee over post, geld en de dagelijkse dingen.",
    ],
    MENTORING: [
        "Ik wil een jongere helpen zijn of haar weg te vinden in school en werk.",
        "Als oud-docent weet ik hoe lastig de stap naar een opleiding kan zijn.",
        "Samen sporten of koken en ondertussen praten: dat lijkt me mooi.",
    ],
}
OFFER_REASONS = {
    S.NOT_SUITABLE: "Na de intake en de referenties past dit vrijwilligerswerk niet goed.",
    S.WITHDRAWN: "Stopt wegens drukte op het werk.",
}
RELATIONS = ["oud-collega", "buurvrouw", "trainer van de sportclub", "vriend", "leidinggevende"]
EXPIRING_SOON = 2  # volunteers per programme whose VOG runs out within two months


def create_volunteers(demo: Demo) -> None:
    for key, plan in PLAN.items():
        demo.offers[key] = []
        for status, n in plan.items():
            for i in range(n):
                due = status == S.AVAILABLE and i < EXPIRING_SOON
                demo.offers[key].append(
                    create_offer(demo, key, status, vog_due(demo, key) if due else None)
                )


def vog_due(demo: Demo, key: str) -> date:
    """The issue date of a certificate of conduct that runs out within two months."""
    months = demo.programmes[key].programme_type.vog_validity_months
    return add_months(demo.today, -months) + timedelta(days=demo.rng.randint(10, 50))


def offer_path(demo: Demo, status: str, last: date | None) -> Path:
    rng = demo.rng
    if status in STEPS:
        steps = STEPS[: STEPS.index(status) + 1]
    else:
        steps = [*STEPS[: rng.choice(EXITS[status])], status]
    last = last or days_before(rng, demo.today, IN_STATE[status])
    return backwards(rng, steps, last, GAPS)


def create_offer(demo: Demo, key: str, status: str, vog_issued: date | None) -> Offer:
    """One volunteer with an offer; `vog_issued` makes one whose certificate is due for renewal."""
    rng, people = demo.rng, demo.people
    since = vog_issued + timedelta(days=rng.randint(3, 20)) if vog_issued else None
    path = offer_path(demo, status, since)
    signed_up_at = moment(rng, path[0][1])
    languages = people.languages(VOLUNTEER_LANGUAGES)
    family = key == SUPPORT_FAMILY and rng.random() < 0.6
    name = people.contact((people.family_name if family else people.name)(languages[-1]))
    date_of_birth = born(rng, demo.today, *AGES[key])
    volunteer = Volunteer.objects.create(
        **name,
        kind=VolunteerKind.FAMILY if family else VolunteerKind.PERSON,
        family_name=name["last_name"] if family else "",
        household_members=members(demo, name, date_of_birth, languages[-1]) if family else "",
        date_of_birth=date_of_birth,
        travel_radius_km=rng.randint(3, 15),
        has_pets=rng.random() < 0.35,
        smokes=rng.random() < 0.05,
        created_at=signed_up_at,
        **people.located(people.home(family=False), languages),
    )
    min_ages, max_ages = CHILD_AGES[key]
    planned = status == S.INTAKE_PLANNED
    offer = Offer.objects.create(
        programme=demo.programmes[key],
        volunteer=volunteer,
        status=status,
        version=len(path),
        signed_up_at=signed_up_at,
        intake_on=demo.today + timedelta(days=rng.randint(1, 14))
        if planned
        else entered(path, S.INTAKE_HELD),
        available_since=entered(path, S.AVAILABLE),
        description=rng.choice(DESCRIPTIONS[key]),
        offers=demo.pick(NEEDS[key], 2, 4),
        availability=demo.pick(SLOTS[key], 4, 8),
        min_child_age=rng.choice(min_ages),
        max_child_age=rng.choice(max_ages),
        capacity=2 if rng.random() < 0.3 and key == SUPPORT_FAMILY else 1,
    )
    demo.later(
        *log_rows(rng, offer, path, by=demo.coordinator(key), reasons=OFFER_REASONS),
        Consent(
            volunteer=volunteer,
            purpose=Purpose.MATCHING,
            given_at=signed_up_at,
            source=ConsentSource.ONLINE_FORM,
        ),
    )
    screen(demo, key, offer, path, vog_issued)
    return offer


def members(demo: Demo, contact: dict, date_of_birth: date, language: str) -> str:
    """A support family as the coordinator writes it down: first names and ages, one a line."""
    rng, people = demo.rng, demo.people
    age = age_on(date_of_birth, demo.today)
    family = [(contact["first_name"], age)]
    if rng.random() < 0.75:
        family.append((people.name(language)["first_name"], age + rng.randint(-4, 4)))
    family += [
        (people.child_name(language), rng.randint(3, min(25, age - 22)))
        for _ in range(rng.randint(0, 3))
    ]
    return "\n".join(f"{first_name} ({years})" for first_name, years in family)


def screen(demo: Demo, key: str, offer: Offer, path: Path, vog_issued: date | None) -> None:
    """The screening so far: complete for available volunteers, half-way for those in screening."""
    reached = [state for state, _ in path]
    if S.AVAILABLE in reached:
        complete_screening(demo, key, offer, entered(path, S.AVAILABLE), vog_issued)
    elif S.SCREENING in reached:
        partial_screening(demo, offer, entered(path, S.SCREENING), reached[-1] == S.NOT_SUITABLE)


def complete_screening(
    demo: Demo, key: str, offer: Offer, since: date, issued: date | None
) -> None:
    rng, today = demo.rng, demo.today
    programme_type = offer.programme.programme_type
    if issued is None:
        issued = days_before(rng, since, (3, 20))
        if add_months(issued, programme_type.vog_validity_months) < today + timedelta(days=90):
            issued = days_before(rng, today, (30, 900))  # renewed since
    certificate(demo, offer, issued)
    contacted = days_before(rng, since, (2, 20))
    references(
        demo, offer, programme_type.references_required, contacted, ReferenceOutcome.POSITIVE
    )
    if programme_type.training_required:
        session = next(s for s in demo.sessions[key] if s.held_on < since)
        demo.later(Attendance(session=session, volunteer=offer.volunteer))


def partial_screening(demo: Demo, offer: Offer, since: date, rejected: bool) -> None:
    """VOG requested (and sometimes received), one reference heard, or a negative one."""
    rng, today = demo.rng, demo.today
    received = rng.random() < 0.5 and (today - since).days > 20
    certificate(
        demo, offer, since + timedelta(days=rng.randint(14, 20)) if received else None, since
    )
    needed = offer.programme.programme_type.references_required
    if needed:
        contacted = min(today, since + timedelta(days=rng.randint(2, 10)))
        outcome = ReferenceOutcome.NEGATIVE if rejected else ReferenceOutcome.POSITIVE
        references(demo, offer, 1, contacted, outcome)
        references(demo, offer, needed - 1, None, ReferenceOutcome.PENDING)


def certificate(
    demo: Demo, offer: Offer, issued: date | None, requested: date | None = None
) -> None:
    requested = requested or days_before(demo.rng, issued, (10, 28))
    Certificate.objects.create(volunteer=offer.volunteer, requested_on=requested, issued_on=issued)


def references(demo: Demo, offer: Offer, n: int, contacted: date | None, outcome: str) -> None:
    for _ in range(n):
        name = demo.people.name("nl")
        demo.later(
            Reference(
                volunteer=offer.volunteer,
                name=f"{name['first_name']} {name['last_name']}",
                relation=demo.rng.choice(RELATIONS),
                contacted_on=contacted,
                outcome=outcome,
            )
        )
