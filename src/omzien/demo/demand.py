"""Families and young people who ask for support, and their requests in every status.

Requests that are (or were) matched are made with their match, in matches.py.
"""

from datetime import date, timedelta

from omzien.geo.models import PostcodeArea
from omzien.intake.models import Offer, Request, RequestStatus
from omzien.people.models import Child, Household, Parent, Youth
from omzien.programmes.models import Serves
from omzien.vocabulary import HouseholdType, Theme

from .applicants import Applicant, fits
from .context import Demo
from .geography import MONEY_HOTSPOT
from .people import FAMILY_LANGUAGES, born
from .programmes import HOME_VISITING, MENTORING, NEEDS, SLOTS, SUPPORT_FAMILY
from .timeline import Path, backwards, days_before

S = RequestStatus
PLAN = {
    SUPPORT_FAMILY: {S.SIGNED_UP: 2, S.INTAKE_PLANNED: 2, S.INTAKE_HELD: 1, S.WAITING: 33,
                     S.REFERRED_ELSEWHERE: 1, S.WITHDRAWN: 1},
    HOME_VISITING: {S.SIGNED_UP: 2, S.INTAKE_PLANNED: 1, S.INTAKE_HELD: 1, S.WAITING: 25,
                    S.REFERRED_ELSEWHERE: 1, S.WITHDRAWN: 1},
    MENTORING: {S.SIGNED_UP: 1, S.INTAKE_PLANNED: 1, S.INTAKE_HELD: 1, S.WAITING: 8,
                S.REFERRED_ELSEWHERE: 1, S.WITHDRAWN: 1},
}  # fmt: skip
STEPS = [S.SIGNED_UP, S.INTAKE_PLANNED, S.INTAKE_HELD, S.WAITING]
GAPS = {
    S.INTAKE_PLANNED: (1, 10),
    S.INTAKE_HELD: (5, 21),
    S.WAITING: (1, 7),
    S.REFERRED_ELSEWHERE: (2, 20),
    S.WITHDRAWN: (3, 60),
}
IN_STATE = {
    S.SIGNED_UP: (0, 14),
    S.INTAKE_PLANNED: (1, 10),
    S.INTAKE_HELD: (1, 12),
    S.REFERRED_ELSEWHERE: (5, 300),
    S.WITHDRAWN: (5, 300),
}
# Ages (in years, from-to) of the children a programme serves, on the day of sign-up.
CHILD_AGES = {SUPPORT_FAMILY: (1, 13), HOME_VISITING: (0, 7)}
SIBLING_AGES = (0, 13)
YOUTH_AGES = (13.3, 24)  # 12 to 23, also on a sign-up day up to 400 days back
HOUSEHOLD_TYPES = [
    (HouseholdType.SINGLE_PARENT, 40),
    (HouseholdType.TWO_PARENTS, 50),
    (HouseholdType.OTHER, 10),
]
THEMES = [
    (Theme.PARENTING_LOAD, 22),
    (Theme.PARENT_MENTAL_HEALTH, 12),
    (Theme.DIVORCE, 10),
    (Theme.LONELINESS, 12),
    (Theme.CHILD_BEHAVIOUR, 12),
    (Theme.HEALTH, 8),
    (Theme.HOUSING, 8),
    (Theme.WORK, 6),
]
MONEY_SHARE = {True: 0.75, False: 0.12}  # in the hotspot neighbourhood, elsewhere
DESCRIPTIONS = {
    SUPPORT_FAMILY: [
        "Ik sta er alleen voor; een vast weekendadres voor mijn zoon zou ons lucht geven.",
        "Onze dochter heeft veel aandacht nodig; een middag per week ertussenuit helpt ons.",
        "We hebben geen familie in de buurt die kan oppassen.",
    ],
    HOME_VISITING: [
        "Sinds de geboorte van de tweeling lukt het ons niet meer om overzicht te houden.",
        "Ik ben net verhuisd en ken nog niemand in de buurt.",
        "Ik wil graag iemand om mee te praten over de opvoeding.",
    ],
    MENTORING: [
        "Ik wil graag iemand die met me meedenkt over school en werk.",
        "Thuis is het onrustig; ik zoek iemand buiten mijn familie om mee te praten.",
        "Ik woon sinds kort zelfstandig en wil hulp met geld en post.",
    ],
}
TOP_WAITERS = 3  # the longest waiting of each programme, who must have candidates
ATTEMPTS = 200
REFERRED_SHARE = 0.3


def themes(demo: Demo, area: PostcodeArea, languages: list[str]) -> list[str]:
    rng = demo.rng
    options, weights = zip(*THEMES, strict=True)
    chosen = list(dict.fromkeys(rng.choices(options, weights, k=rng.randint(1, 2))))
    if rng.random() < MONEY_SHARE[area.neighbourhood.code == MONEY_HOTSPOT]:
        chosen.append(Theme.MONEY)
    if "nl" not in languages and rng.random() < 0.7:
        chosen.append(Theme.NEWCOMER)
    return [str(theme) for theme in chosen]


def new_request(demo: Demo, key: str, area: PostcodeArea, languages: list[str]) -> Request:
    rng = demo.rng
    return Request(
        programme=demo.programmes[key],
        description=rng.choice(DESCRIPTIONS[key]),
        needs=demo.pick(NEEDS[key], 1, 3),
        themes=themes(demo, area, languages),
        availability=demo.pick(SLOTS[key], 3, 6),
        needs_shared_language=rng.random() < (0.8 if "nl" not in languages else 0.02),
    )


def household_applicant(demo: Demo, key: str, on: date) -> Applicant:
    """A family with its children as they were on `on`, the day they signed up."""
    rng, people = demo.rng, demo.people
    area, languages = people.home(), people.languages(FAMILY_LANGUAGES)
    options, weights = zip(*HOUSEHOLD_TYPES, strict=True)
    household_type = rng.choices(options, weights)[0]
    household = Household(
        household_type=household_type,
        accepts_pets=rng.random() > 0.15,
        accepts_smoking=rng.random() < 0.1,
        **people.located(area, languages),
    )
    first = people.contact(people.family_name(languages[0]))
    parents = [Parent(**first)]
    if household_type == HouseholdType.TWO_PARENTS:
        same_name = first["last_name"] if rng.random() < 0.6 else ""
        parents.append(
            Parent(**people.contact(people.name(languages[0], same_name), rng.random() < 0.5))
        )
    n = rng.choices((1, 2, 3, 4), (40, 35, 18, 7))[0]
    ages = [CHILD_AGES[key]] + [SIBLING_AGES] * (n - 1)
    children = [
        Child(first_name=people.child_name(languages[0]), date_of_birth=born(rng, on, *span))
        for span in ages
    ]
    referrer = demo.users["verwijzer"] if rng.random() < REFERRED_SHARE else None
    request = new_request(demo, key, area, languages)
    return Applicant(request, household, parents, children, referrer)


def youth_applicant(demo: Demo, key: str, on: date) -> Applicant:
    rng, people = demo.rng, demo.people
    area, languages = people.home(), people.languages(FAMILY_LANGUAGES)
    youth = Youth(
        **people.contact(people.name(languages[0])),
        date_of_birth=born(rng, on, *YOUTH_AGES),
        **people.located(area, languages),
    )
    return Applicant(new_request(demo, key, area, languages), youth)


def applicant(demo: Demo, key: str, on: date) -> Applicant:
    serves_youth = demo.programmes[key].programme_type.serves == Serves.YOUTH
    return (youth_applicant if serves_youth else household_applicant)(demo, key, on)


def request_path(demo: Demo, status: str, last: date | None = None) -> Path:
    """The way to `status` (one of STEPS, or an exit from one of them), ending on `last`."""
    rng = demo.rng
    if status in STEPS:
        states = STEPS[: STEPS.index(status) + 1]
    else:
        states = [*STEPS[: rng.randint(1, len(STEPS))], status]
    last = last or days_before(rng, demo.today, IN_STATE[status])
    return backwards(rng, states, last, GAPS)


def create_requests(demo: Demo) -> None:
    """Every programme's requests that are not (yet) matched, the waiting list among them."""
    for key, plan in PLAN.items():
        for status, n in plan.items():
            if status == S.WAITING:
                create_waiting_list(demo, key, n)
                continue
            for _ in range(n):
                path = request_path(demo, status)
                planned = status == S.INTAKE_PLANNED
                intake_on = (
                    demo.today + timedelta(days=demo.rng.randint(1, 14)) if planned else None
                )
                applicant(demo, key, path[0][1]).save(demo, path, demo.coordinator(key), intake_on)


def waiting_days(demo: Demo, n: int) -> list[int]:
    """Days on the waiting list, longest first: most wait weeks or months, a few over 300 days."""
    rng = demo.rng
    long = [rng.randint(300, 400) for _ in range(max(1, n // 8))]
    rest = [1 + int(399 * rng.random() ** 1.5) for _ in range(n - len(long))]
    return sorted(long + rest, reverse=True)


def create_waiting_list(demo: Demo, key: str, n: int) -> None:
    """Waiting families, longest first. The longest waiting have a volunteer who fits, so that
    a coordinator's first look at the list leads somewhere; others may have nobody, as in life."""
    free = demo.free_offers(key)
    for rank, waited in enumerate(waiting_days(demo, n)):
        top = rank < TOP_WAITERS
        draft = fitting_applicant(demo, key, free) if top else applicant(demo, key, demo.today)
        since = demo.today - timedelta(days=waited)
        draft.save(demo, request_path(demo, S.WAITING, since), demo.coordinator(key))


def fitting_applicant(demo: Demo, key: str, offers: list[Offer]) -> Applicant:
    for _ in range(ATTEMPTS):
        draft = applicant(demo, key, demo.today)
        if any(fits(draft, offer, demo.today) for offer in offers):
            return draft
    raise AssertionError(f"no waiting family of {key} fits a free volunteer")
