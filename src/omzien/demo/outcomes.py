"""Questionnaires in the demo: every programme uses the shipped instruments, and every family
past its intake answered them at intake, at the evaluations of its match and at closure.

Each family has a level at intake and an improvement of its own; the mean improvement differs
per programme, so the outcome report has something to tell. Closure questionnaires of a match
that is closing are still due, and the featured parent and young person have one left to fill
in on their own page.
"""

from dataclasses import dataclass, field
from datetime import date
from random import Random

from django.apps import apps
from django.db.models import Prefetch

from omzien.intake.models import Request
from omzien.matches.models import Match, MatchStatus, Moment, MomentKind
from omzien.outcomes import shipped
from omzien.outcomes.models import (
    Administration,
    AdministrationStatus,
    Answer,
    Goal,
    GoalScore,
    Instrument,
    Mode,
    Phase,
    ProgrammeInstrument,
    Respondent,
)
from omzien.outcomes.questionnaires import (
    AFTER_INTAKE,
    STARTED,
    closing_questionnaires,
    current_match,
)
from omzien.outcomes.recording import goal_scores, questionnaire_scores

from .context import Demo
from .programmes import HOME_VISITING, MENTORING, SUPPORT_FAMILY

GOALS, SUPPORT, SITUATION = "doelen-gas", "tevredenheid-steun", "situatie-gezin"
C, P, Y = Respondent.COORDINATOR, Respondent.PARENT, Respondent.YOUTH
# Which instrument, who answers, and whether it is asked at evaluations too.
USES = {
    SUPPORT_FAMILY: [(GOALS, C, True), (SUPPORT, P, True), (SITUATION, C, False)],
    HOME_VISITING: [(GOALS, C, True), (SUPPORT, P, True), (SITUATION, C, False)],
    MENTORING: [(GOALS, C, True), (SUPPORT, Y, True)],
}
# Mean improvement by closure, in answer points (questionnaires) and goal levels (GAS).
IMPROVEMENT = {SUPPORT_FAMILY: 0.8, HOME_VISITING: 0.5, MENTORING: 0.65}
# Per life domain, how much of that a family's situation follows: a volunteer helps most with
# the network and with parenting, hardly with money or housing.
DOMAINS = {"geld": 0.2, "wonen": 0.1, "werk": 0.3, "netwerk": 1.3, "opvoeden": 1.1,
           "gezondheid": 0.4}  # fmt: skip
SATISFACTION = {SUPPORT_FAMILY: 4.2, HOME_VISITING: 3.9, MENTORING: 4.0}
DAYS_PER_MONTH = 30.4
SKIPPED = 0.04  # a question left open
NOT_RETURNED = 0.15  # a parent's or young person's closure questionnaire that never came back
GOAL_TEXTS = [
    ("Meer rust in huis na schooltijd", "Drie middagen per week zonder ruzie"),
    ("Vaker samen naar buiten", "Eén keer per week samen iets buiten doen"),
    ("Mensen om ons heen die kunnen helpen", "Twee mensen die we kunnen bellen"),
    ("Grip op post en rekeningen", "Elke week samen de post openmaken"),
    ("Tijd voor mezelf", "Eén avond per week iets voor mezelf"),
    ("Een vaste plek op school", "Elke dag op tijd op school"),
]


@dataclass
class Rows:
    """Everything to write, in the order the foreign keys need."""

    administrations: list[Administration] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    levels: list[tuple[Administration, list[tuple[Goal, int]]]] = field(default_factory=list)


@dataclass
class Family:
    """One family's course: where it starts and how much it gains by closure."""

    key: str
    base: float
    gain: float
    domains: dict[str, float]
    satisfaction: float

    @classmethod
    def draw(cls, rng: Random, key: str) -> "Family":
        gain = rng.gauss(IMPROVEMENT[key], 0.6)
        domains = {d: rng.gauss(2.8, 0.7) for d in DOMAINS}
        return cls(key, rng.gauss(2.6, 0.5), gain, domains, rng.gauss(SATISFACTION[key], 0.5))


def create_outcomes(demo: Demo) -> None:
    # Normally there since the migrations; a flushed test database lacks them.
    shipped.load(apps)
    shipped.load_translations(apps)
    uses = configure(demo)
    versions = {
        i.slug: i.current_version()
        for i in Instrument.objects.filter(slug__in=[GOALS, SUPPORT, SITUATION]).prefetch_related(
            "versions__items__scale__points"
        )
    }
    featured = {draft.request.pk for draft, _offer in demo.featured.values()}
    keys = {programme.pk: key for key, programme in demo.programmes.items()}
    rows = Rows()
    for request in past_intake(demo):
        family = Family.draw(demo.rng, keys[request.programme_id])
        answer_request(demo, rows, request, family, uses[family.key], versions,
                       leave_open=request.pk in featured)  # fmt: skip
    write(rows)
    for match in Match.objects.filter(
        request__programme__in=demo.programmes.values(), status=MatchStatus.CLOSING
    ).select_related("request"):
        closing_questionnaires(match, demo.today)


def configure(demo: Demo) -> dict[str, list[ProgrammeInstrument]]:
    instruments = {i.slug: i for i in Instrument.objects.filter(owner__isnull=True)}
    uses = {
        key: [
            ProgrammeInstrument(
                programme=demo.programmes[key],
                instrument=instruments[slug],
                respondent=respondent,
                at_interim=interim,
            )
            for slug, respondent, interim in plan
        ]
        for key, plan in USES.items()
    }
    ProgrammeInstrument.objects.bulk_create([use for key in uses for use in uses[key]])
    return uses


def past_intake(demo: Demo):
    evaluations = Moment.objects.filter(kind=MomentKind.EVALUATION, done_on__isnull=False)
    started = Match.objects.filter(status__in=STARTED).prefetch_related(
        Prefetch("moments", evaluations.order_by("due_on"))
    )
    return (
        Request.objects.filter(programme__in=demo.programmes.values(), status__in=AFTER_INTAKE)
        .prefetch_related(Prefetch("matches", started))
        .order_by("pk")
    )


def answer_request(demo, rows, request, family, uses, versions, *, leave_open: bool) -> None:
    rng = demo.rng
    match = current_match(request)
    intake_on = request.intake_on or request.signed_up_at.date()
    moments = [(Phase.INTAKE, 0, intake_on, 0.0)]
    if match:
        months = demo.programmes[family.key].programme_type.expected_duration_months
        moments += interim_moments(match, months * DAYS_PER_MONTH)
        if match.status == MatchStatus.CLOSED and match.ended_on:
            moments.append((Phase.CLOSURE, 0, match.ended_on, 1.0))
    goals = None
    by = demo.coordinator(family.key)
    for use in uses:
        version = versions[use.instrument.slug]
        asked = [m for m in moments if m[0] in use.phases]
        if use.respondent != C:
            asked = answered_by_family(rng, asked, leave_open)
        for phase, n, on, progress in asked:
            row = Administration(
                request=request, match=match if phase != Phase.INTAKE else None,
                instrument=use.instrument, instrument_version=version, phase=phase,
                round=n, respondent=use.respondent, status=AdministrationStatus.ANSWERED,
                answered_on=on, entered_by=by, mode=Mode.PAPER,
            )  # fmt: skip
            rows.administrations.append(row)
            if version.is_goals:
                goals = goals or set_goals(rng, rows, request, intake_on)
                levels = [(g, goal_level(rng, start, family.gain, progress)) for g, start in goals]
                row.scores = goal_scores(version, levels)
                rows.levels.append((row, levels))
            else:
                answers = questionnaire(rng, row, family, progress)
                row.scores = questionnaire_scores(version, {a.item: a.value for a in answers})
                rows.answers.extend(answers)


def interim_moments(match: Match, expected_days: float) -> list[tuple[str, int, date, float]]:
    """Evaluations that were held, with how far along the match was then (1 at its planned end)."""
    return [
        (Phase.INTERIM, n, m.done_on, min(1.0, (m.done_on - match.started_on).days / expected_days))
        for n, m in enumerate(match.moments.all(), 1)
        if m.done_on and (match.ended_on is None or m.done_on <= match.ended_on)
    ]


def answered_by_family(rng: Random, asked: list, leave_open: bool) -> list:
    """Some closure questionnaires never come back; the featured family has one still to do."""
    kept = [m for m in asked if m[0] != Phase.CLOSURE or rng.random() > NOT_RETURNED]
    return kept[:-1] if leave_open and kept else kept


def set_goals(rng: Random, rows: Rows, request: Request, on: date) -> list[tuple[Goal, int]]:
    """Two to four goals, each with the level the family started from (mostly -1)."""
    goals = []
    for n, (text, expected) in enumerate(rng.sample(GOAL_TEXTS, rng.randint(2, 4)), 1):
        weight = rng.choice((1, 1, 1, 2))
        goal = Goal(request=request, position=n, description=text, expected=expected,
                    set_on=on, weight=weight)  # fmt: skip
        goals.append((goal, -2 if rng.random() < 0.2 else -1))
    rows.goals.extend(goal for goal, _start in goals)
    return goals


def goal_level(rng: Random, start: int, gain: float, progress: float) -> int:
    if progress == 0:
        return start
    return max(-2, min(2, round(start + progress * (1.6 * gain + 0.4) + rng.gauss(0, 0.6))))


def questionnaire(
    rng: Random, row: Administration, family: Family, progress: float
) -> list[Answer]:
    """Answers around the family's level; reversed items the other way round."""
    answers = []
    for item in row.instrument_version.items_for(row.phase):
        if rng.random() < SKIPPED:
            continue
        if item.code in DOMAINS:
            level = family.domains[item.code] + progress * family.gain * DOMAINS[item.code]
        elif item.after_start:
            level = family.satisfaction
        else:
            level = family.base + progress * family.gain
        spec = item.spec()
        value = max(spec.low, min(spec.high, round(level + rng.gauss(0, 0.6))))
        if item.reversed:
            value = spec.low + spec.high - value
        answers.append(Answer(administration=row, item=item, value=value))
    return answers


def write(rows: Rows) -> None:
    Administration.objects.bulk_create(rows.administrations)
    Goal.objects.bulk_create(rows.goals)
    Answer.objects.bulk_create(rows.answers)
    GoalScore.objects.bulk_create(
        GoalScore(administration=row, goal=goal, level=level)
        for row, levels in rows.levels
        for goal, level in levels
    )
