"""Two concerns for the demo coordinator: one open after two Meldcode steps, one closed after five.

Both sit in the programme the coordinator's morning page opens on, so the open one shows there.
"""

from datetime import date, timedelta

from omzien.concerns.models import (
    STATUS_AFTER,
    Concern,
    ConcernStatus,
    ConcernStatusChange,
    ConcernStep,
    Decision,
)
from omzien.matches.models import Match, MatchStatus
from omzien.programmes.selection import programmes_of

from .context import Demo
from .timeline import moment

OPEN_SIGNS = (
    "De vrijwilliger zag twee keer blauwe plekken op de arm van het kind. Het kind zei dat het "
    "gevallen was, maar wilde er verder niet over praten."
)
OPEN_NOTES = [
    "Signalen op een rij gezet met de vrijwilliger: blauwe plekken in drie weken tijd, het kind "
    "is stiller dan eerst.",
    "Overlegd met de aandachtsfunctionaris. Advies: eerst in gesprek met de moeder, daarna "
    "opnieuw wegen.",
]
CLOSED_SIGNS = (
    "Het kind komt vaak zonder eten bij het steungezin en vertelt dat er thuis veel ruzie is."
)
CLOSED_NOTES = [
    "Signalen op een rij: vaak honger, moe, vertelt over ruzie thuis.",
    "Veilig Thuis gebeld voor advies, zonder namen. Advies: met de moeder praten en hulp "
    "aanbieden.",
    "Gesprek met de moeder. Zij vertelt over geldzorgen en spanning. Zij staat open voor hulp.",
    "Geen acute onveiligheid. Wel zorgen over geld en spanning thuis.",
    "Met toestemming van de moeder aangemeld bij het buurtteam voor hulp bij schulden. Het "
    "steungezin gaat door.",
]
# The status before each step: reported, then after step 1, 2, 3 and 4.
SOURCES = [ConcernStatus.REPORTED, *(STATUS_AFTER[n] for n in range(1, 5))]
CLOSING_REASON = "Hulp loopt via het buurtteam. Over drie maanden vragen we na hoe het gaat."


def create_concerns(demo: Demo) -> None:
    coordinator = demo.users["coordinator"]
    programme = programmes_of(coordinator).first()
    longest, *_rest, latest = Match.objects.filter(
        request__programme=programme,
        status=MatchStatus.ACTIVE,
        request__household__isnull=False,
    ).order_by("started_on", "proposed_at")
    # The closed one on the longest-running match: five steps fit well inside its run.
    reported = max(longest.started_on, demo.today - timedelta(days=200))
    reported += timedelta(days=demo.rng.randint(1, 5))
    days = _steps_after(demo, reported, 6, (1, 4))
    closed = _concern(demo, longest, reported, CLOSED_SIGNS, days[:5], CLOSED_NOTES)
    _close(demo, closed, days[5])
    reported = demo.today - timedelta(days=demo.rng.randint(6, 12))
    _concern(
        demo, latest, reported, OPEN_SIGNS, _steps_after(demo, reported, 2, (1, 3)), OPEN_NOTES
    )


def _steps_after(demo: Demo, start: date, count: int, gap: tuple[int, int]) -> list[date]:
    days = [start]
    for _ in range(count):
        days.append(days[-1] + timedelta(days=demo.rng.randint(*gap)))
    return days[1:]


def _concern(demo, match, reported, signs, days, notes) -> Concern:
    coordinator = demo.users["coordinator"]
    concern = Concern.objects.create(
        match=match,
        child=match.request.household.children.first(),
        reported_by=coordinator,
        reported_on=reported,
        signs=signs,
        handler=coordinator,
        status=STATUS_AFTER[len(days)],
        version=len(days) + 1,
    )
    signed = [moment(demo.rng, day) for day in days]
    ConcernStep.objects.bulk_create(
        ConcernStep(
            concern=concern,
            step=step,
            on=at.date(),
            note=note,
            decision=Decision.HELP if step == 5 else "",
            signed_by=coordinator,
            signed_at=at,
        )
        for step, (at, note) in enumerate(zip(signed, notes, strict=True), start=1)
    )
    ConcernStatusChange.objects.bulk_create(
        ConcernStatusChange(
            concern=concern, source=source, target=STATUS_AFTER[n], by=coordinator, at=at
        )
        for n, (source, at) in enumerate(zip(SOURCES, signed, strict=False), start=1)
    )
    return concern


def _close(demo: Demo, concern: Concern, day: date) -> None:
    Concern.objects.filter(pk=concern.pk).update(
        status=ConcernStatus.CLOSED, version=concern.version + 1, closed_on=day
    )
    ConcernStatusChange.objects.create(
        concern=concern,
        source=ConcernStatus.DECIDED,
        target=ConcernStatus.CLOSED,
        by=demo.users["coordinator"],
        at=moment(demo.rng, day),
        reason=CLOSING_REASON,
    )
