"""Twenty matches in every step of the match workflow, each with the request it serves.

A match's dates are drawn first (backwards from today), then the family's wait before it,
then a family and a volunteer who fit on the day of the proposal.
"""

from omzien.intake.models import Offer, RequestStatus
from omzien.matches.models import OPEN_MATCH_STATUSES, Match, MatchStatus
from omzien.vocabulary import ClosureReason

from .applicants import Applicant, fits
from .context import Demo
from .demand import applicant, request_path
from .programmes import HOME_VISITING, MENTORING, SUPPORT_FAMILY
from .timeline import Path, backwards, days_before, entered, log_rows, moment

M = MatchStatus
# Per programme, ended matches first, then the longest running: those need volunteers who
# have been available for long, and the later ones take whoever has room left.
PLAN = {
    SUPPORT_FAMILY: [M.CLOSED, M.DECLINED, M.PAUSED, M.ACTIVE, M.ACTIVE, M.AGREED,
                     M.INTRODUCTION_PLANNED, M.PROPOSED],
    HOME_VISITING: [M.CLOSED, M.DECLINED, M.CLOSING, M.ACTIVE, M.ACTIVE, M.INTRODUCTION_HELD,
                    M.PROPOSED],
    MENTORING: [M.CLOSED, M.ACTIVE, M.ACTIVE, M.AGREED, M.INTRODUCTION_PLANNED],
}  # fmt: skip
STEPS = [M.PROPOSED, M.INTRODUCTION_PLANNED, M.INTRODUCTION_HELD, M.AGREED, M.ACTIVE]
AFTER_START = {M.PAUSED: [M.PAUSED], M.CLOSING: [M.CLOSING], M.CLOSED: [M.CLOSING, M.CLOSED]}
GAPS = {
    M.INTRODUCTION_PLANNED: (2, 10),
    M.INTRODUCTION_HELD: (5, 14),
    M.AGREED: (1, 7),
    M.ACTIVE: (3, 14),
    M.PAUSED: (30, 300),
    M.CLOSED: (7, 30),
    M.DECLINED: (1, 7),
}
# How long a match runs before closing, by programme: two years, one year, a year or less.
DURATION = {SUPPORT_FAMILY: (400, 700), HOME_VISITING: (250, 365), MENTORING: (180, 365)}
IN_STATE = {
    M.PROPOSED: (1, 12),
    M.INTRODUCTION_PLANNED: (1, 10),
    M.INTRODUCTION_HELD: (1, 7),
    M.AGREED: (1, 10),
    M.ACTIVE: (30, 420),
    M.PAUSED: (5, 40),
    M.CLOSING: (3, 20),
    M.CLOSED: (10, 240),
    M.DECLINED: (5, 60),
}
WAITED = (14, 200)  # days on the waiting list before the proposal: less than the longest waiters
ATTEMPTS = 200
MATCH_REASONS = {
    M.PAUSED: "Tijdelijk gepauzeerd: de vrijwilliger is een paar weken weg.",
    M.CLOSING: "De afgesproken periode is bijna voorbij.",
    M.CLOSED: "Afgerond: de afgesproken periode is voorbij en de doelen zijn bereikt.",
    M.DECLINED: "Na de kennismaking klikte het niet.",
}
CLOSED_AS_PLANNED = {
    "closure_reason": ClosureReason.GOALS_REACHED,
    "ended_early": False,
    "specialist_care": False,
}
REQUEST_AFTER_MATCH = {M.CLOSED: RequestStatus.CLOSED, M.DECLINED: RequestStatus.WAITING}


def match_path(demo: Demo, key: str, status: str) -> Path:
    if status in STEPS:
        states = STEPS[: STEPS.index(status) + 1]
    elif status == M.DECLINED:
        states = [*STEPS[:3], M.DECLINED]  # after the introduction
    else:
        states = STEPS + AFTER_START[status]
    gaps = GAPS | {M.CLOSING: DURATION[key]}
    return backwards(demo.rng, states, days_before(demo.rng, demo.today, IN_STATE[status]), gaps)


def family_path(demo: Demo, path: Path, status: str) -> Path:
    """The request's way: intake and waiting before the proposal, then what the match did to it."""
    proposed = path[0][1]
    waiting = request_path(demo, RequestStatus.WAITING, days_before(demo.rng, proposed, WAITED))
    after = REQUEST_AFTER_MATCH.get(status)
    return [*waiting, (RequestStatus.MATCHED, proposed), *([(after, path[-1][1])] if after else [])]


def draw(demo: Demo, key: str, status: str) -> tuple[Path, Path, Applicant, Offer]:
    """The match's dates, its family's, and a family and volunteer who fit on the day of the
    proposal; drawn again until they do.

    The volunteer was available by then, has room today, and no earlier match of theirs still
    ran on that day: nobody ever has more families at once than their capacity.
    """
    for _ in range(ATTEMPTS):
        path = match_path(demo, key, status)
        family, proposed = family_path(demo, path, status), path[0][1]
        draft = applicant(demo, key, family[0][1])
        if fitting := [
            o
            for o in demo.free_offers(key)
            if max(o.available_since, demo.busy_until.get(o.pk, o.available_since)) < proposed
            and fits(draft, o, proposed)
        ]:
            return path, family, draft, demo.rng.choice(fitting)
    raise AssertionError(f"no volunteer of {key} fits a {status} match")


def create_match(demo: Demo, key: str, status: str) -> Match:
    rng, coordinator = demo.rng, demo.coordinator(key)
    path, family, draft, offer = draw(demo, key, status)
    request = draft.save(demo, family, coordinator)
    match = Match.objects.create(
        request=request,
        offer=offer,
        status=status,
        version=len(path),
        score=rng.randint(55, 95),
        proposed_by=coordinator,
        proposed_at=moment(rng, path[0][1]),
        started_on=entered(path, M.ACTIVE),
        ended_on=entered(path, M.CLOSED),
        # The reason its log gives: the agreed period is over and the goals are reached.
        **(CLOSED_AS_PLANNED if status == M.CLOSED else {}),
    )
    demo.later(*log_rows(rng, match, path, by=coordinator, reasons=MATCH_REASONS))
    if status in OPEN_MATCH_STATUSES:
        demo.open_matches[offer.pk] += 1
    else:
        demo.busy_until[offer.pk] = path[-1][1]
    if status == M.ACTIVE:
        demo.featured.setdefault(key, (draft, offer))
    return match


def create_matches(demo: Demo) -> None:
    for key, statuses in PLAN.items():
        for status in statuses:
            create_match(demo, key, status)
