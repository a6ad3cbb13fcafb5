"""Two and a half years of history, so that two years of monthly figures mean something.

Per programme, matches start month after month (about six a month in all, fewer in summer).
Each has a family that signed up, waited and was proposed, and a volunteer from the
programme's pool of history volunteers. Most matches ran their planned course, a quarter
ended early; those still running today are active. After a match a volunteer often takes
another family, and otherwise says goodbye. Some families left the waiting list on their own.
Every match that ran, of the whole demo, gets a contact log with the volunteer's hours.

The numbers of matches, families and volunteers follow from the calendar, not from the seed.
History volunteers are never free today: they are in a running match or have stopped, so the
waiting list and its candidates stay as the rest of the demo made them.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from omzien.intake.models import Offer, OfferStatus, OfferStatusChange, RequestStatus
from omzien.matches.models import Contact, ContactKind, Match, MatchStatus
from omzien.people.models import Volunteer
from omzien.screening.models import add_months
from omzien.vocabulary import ClosureReason

from .applicants import Applicant, fits
from .context import Demo
from .demand import GAPS as REQUEST_GAPS
from .demand import STEPS as REQUEST_STEPS
from .demand import applicant, request_path
from .matches import DURATION, MATCH_REASONS
from .matches import GAPS as MATCH_GAPS
from .matches import STEPS as MATCH_STEPS
from .programmes import HOME_VISITING, MENTORING, SUPPORT_FAMILY
from .timeline import Path, backwards, log_rows, moment
from .volunteers import certificate, create_offer

M, R, C = MatchStatus, RequestStatus, ClosureReason
MONTHS = 30
RATE = {SUPPORT_FAMILY: 1.8, HOME_VISITING: 2.3, MENTORING: 1.5}  # matches started a month
POOL = {SUPPORT_FAMILY: 50, HOME_VISITING: 50, MENTORING: 34}  # history volunteers
SEASON = [1.2, 1.1, 1.1, 1.0, 1.0, 0.9, 0.6, 0.6, 1.2, 1.1, 1.1, 1.1]  # January to December
WAITED = {SUPPORT_FAMILY: (30, 240), HOME_VISITING: (14, 150), MENTORING: (14, 120)}
WITHDRAWN_A_MONTH = 0.4  # families per programme who leave the waiting list themselves
WITHDRAWN_AFTER = (30, 250)  # days they waited
EARLY = 0.25  # of the matches ends early
EARLY_REASONS = [(C.FAMILY_MOVED, 3), (C.VOLUNTEER_STOPPED, 3), (C.MISMATCH, 3), (C.SAFETY, 1),
                 (C.OTHER, 1)]  # fmt: skip
PLANNED_REASONS = [(C.GOALS_REACHED, 3), (C.PLANNED_END, 2)]
SPECIALIST_CARE = 0.12
AGES = {SUPPORT_FAMILY: (0, 12), HOME_VISITING: (0, 12), MENTORING: (12, 23)}
MIN_RADIUS_KM = 8
STAYS_ON = 0.75  # a volunteer who takes another family after a match
FIRST_COHORT = 0.5  # of the pool was screened before the history starts; the rest joins later
ATTEMPTS = 60
JOIN_AFTER = 4  # families drawn in vain before a new volunteer joins
JOINED_BEFORE = (30, 180)  # days a new volunteer was available before their first family
# Days between two entries in the contact log, and the hours one entry covers.
CONTACTS = {
    SUPPORT_FAMILY: ((10, 21), (3.0, 9.0)),
    HOME_VISITING: ((7, 14), (1.5, 4.0)),
    MENTORING: ((10, 21), (1.5, 5.0)),
}
QUIET_EVERY, QUIET_DAYS = 3, 50  # every third running match has logged nothing lately
NOTES = [
    "Samen naar de speeltuin geweest.",
    "Boodschappen gedaan en samen gekookt.",
    "Huiswerk gemaakt; het ging goed.",
    "Even bijgepraat over de week.",
    "Samen de post doorgenomen.",
    "Naar de bibliotheek geweest.",
]


@dataclass
class Past:
    """One programme's history in the making."""

    key: str
    pool: list["Helper"]
    # Families drawn for a match whom no free volunteer fitted: they wait on for a later one.
    backlog: list[tuple[Applicant, Path]] = field(default_factory=list)


@dataclass(eq=False)
class Helper:
    """A history volunteer and when they can take a family again."""

    offer: Offer
    free_from: date | None  # None while in a match, or after saying goodbye
    last_end: date | None = None
    running: bool = False


def create_history(demo: Demo) -> None:
    start = month_start(demo.today, -MONTHS)
    for key, rate in RATE.items():
        past = Past(key, volunteer_pool(demo, key, start))
        for day in spread(demo, monthly(rate, demo.today, SEASON)):
            past_match(demo, past, day)
        retire(demo, past)
        for day in spread(demo, monthly(WITHDRAWN_A_MONTH, demo.today)):
            left_the_list(demo, past, day)
    demo.flush()
    contact_log(demo)


def month_start(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def monthly(rate: float, today: date, season=None) -> list[tuple[date, int]]:
    """How many in each of the MONTHS months before this one: `rate` a month on average, by
    the calendar alone."""
    counts, carry = [], 0.0
    for back in range(MONTHS, 0, -1):
        first = month_start(today, -back)
        carry += rate * (season[first.month - 1] if season else 1)
        counts.append((first, int(carry)))
        carry -= int(carry)
    return counts


def spread(demo: Demo, counts: list[tuple[date, int]]) -> list[date]:
    """Days within each month, in order."""
    days = []
    for first, n in counts:
        length = (month_start(first, 1) - first).days
        days += [first + timedelta(days=demo.rng.randrange(length)) for _ in range(n)]
    return sorted(days)


def volunteer_pool(demo: Demo, key: str, start: date) -> list[Helper]:
    """The volunteers screened before `start`; the others join when they are needed."""
    return [
        joined(demo, key, start - timedelta(days=demo.rng.randint(20, 120)))
        for _ in range(round(POOL[key] * FIRST_COHORT))
    ]


def joined(demo: Demo, key: str, since: date) -> Helper:
    """A volunteer available from about `since`, for any child the programme serves and
    willing to cross town: the many matches of the past needed the flexible ones."""
    offer = create_offer(demo, key, OfferStatus.AVAILABLE, since - timedelta(days=10))
    offer.min_child_age, offer.max_child_age = AGES[key]
    volunteer = offer.volunteer
    volunteer.travel_radius_km = max(volunteer.travel_radius_km, MIN_RADIUS_KM)
    return Helper(offer, offer.available_since)


def ending(demo: Demo, key: str, start: date) -> tuple[date, str, bool]:
    """When and why the match ends, and whether that was early."""
    rng = demo.rng
    days = rng.randint(*DURATION[key])
    early = rng.random() < EARLY
    if early:
        days = round(days * rng.uniform(0.15, 0.75))
    options, weights = zip(*(EARLY_REASONS if early else PLANNED_REASONS), strict=True)
    return start + timedelta(days=days), rng.choices(options, weights)[0], early


def past_match(demo: Demo, past: Past, start: date) -> None:
    rng, coordinator = demo.rng, demo.coordinator(past.key)
    path = backwards(rng, MATCH_STEPS, start, MATCH_GAPS)
    proposed = path[0][1]
    end, reason, early = ending(demo, past.key, start)
    closed = end < demo.today - timedelta(days=2)
    if closed:
        closing = end - timedelta(days=rng.randint(1, min(20, (end - start).days - 1)))
        path += [(M.CLOSING, closing), (M.CLOSED, end)]
    draft, waited, helper = fitting_pair(demo, past, proposed)
    family = [*waited, (R.MATCHED, proposed), *([(R.CLOSED, end)] if closed else [])]
    request = draft.save(demo, family, coordinator)
    match = Match.objects.create(
        request=request,
        offer=helper.offer,
        status=path[-1][0],
        version=len(path),
        score=rng.randint(55, 95),
        proposed_by=coordinator,
        proposed_at=moment(rng, proposed),
        started_on=start,
        ended_on=end if closed else None,
        closure_reason=reason if closed else "",
        ended_early=early if closed else None,
        specialist_care=(rng.random() < SPECIALIST_CARE) if closed else None,
    )
    reasons = MATCH_REASONS | {M.CLOSED: C(reason).label}
    demo.later(*log_rows(rng, match, path, by=coordinator, reasons=reasons))
    helper.running, helper.last_end = not closed, end if closed else None
    stays = closed and rng.random() < STAYS_ON
    helper.free_from = end + timedelta(days=rng.randint(14, 90)) if stays else None


def fitting_pair(demo: Demo, past: Past, proposed: date) -> tuple[Applicant, Path, Helper]:
    """A family with its way to the waiting list, and a volunteer of the pool free on the day
    of the proposal who fits it. Families who waited longest go first; when no one fits, a new
    volunteer joins the pool now and then."""
    rng, key = demo.rng, past.key
    free = [h for h in past.pool if h.free_from and h.free_from < proposed]

    def fitting(draft: Applicant) -> list[Helper]:
        return [h for h in free if fits(draft, h.offer, proposed)]

    for draft, waited in past.backlog:
        if waited[-1][1] < proposed and (helpers := fitting(draft)):
            past.backlog.remove((draft, waited))
            return draft, waited, min(helpers, key=lambda h: h.free_from)
    for attempt in range(1, ATTEMPTS + 1):
        waited = request_path(demo, R.WAITING, proposed - timedelta(days=rng.randint(*WAITED[key])))
        draft = applicant(demo, key, waited[0][1])
        if helpers := fitting(draft):
            return draft, waited, min(helpers, key=lambda h: h.free_from)  # who waited longest
        past.backlog.append((draft, waited))
        if attempt % JOIN_AFTER == 0 and len(past.pool) < POOL[key]:
            since = proposed - timedelta(days=rng.randint(*JOINED_BEFORE))
            past.pool.append(joined(demo, key, since))
            free.append(past.pool[-1])
    raise AssertionError(f"no history volunteer of {key} is free for a family on {proposed}")


def retire(demo: Demo, past: Past) -> None:
    """Everyone not in a running match has said goodbye; nobody has room for a family. Those
    still in a match have renewed their certificate of conduct when it ran out. The pool is
    filled up with volunteers who stopped before a family came their way."""
    rng, key, pool = demo.rng, past.key, past.pool
    coordinator = demo.coordinator(key)
    while len(pool) < POOL[key]:
        pool.append(joined(demo, key, demo.today - timedelta(days=rng.randint(150, 600))))
    months = demo.programmes[key].programme_type.vog_validity_months
    for helper in pool:
        offer = helper.offer
        offer.capacity = 1
        if helper.running:
            if add_months(offer.available_since, months) < demo.today + timedelta(days=90):
                certificate(demo, offer, demo.today - timedelta(days=rng.randint(30, 300)))
            continue
        earliest = helper.last_end or offer.available_since
        day = min(earliest + timedelta(days=rng.randint(1, 120)), demo.today - timedelta(days=1))
        offer.status, offer.version = OfferStatus.WITHDRAWN, offer.version + 1
        reason = "Afscheid na de koppeling" if helper.last_end else "Gestopt voor een koppeling"
        demo.later(
            OfferStatusChange(
                offer=offer,
                source=OfferStatus.AVAILABLE,
                target=OfferStatus.WITHDRAWN,
                at=moment(rng, max(day, earliest + timedelta(days=1))),
                by=coordinator,
                reason=reason,
            )
        )
    fields = ["capacity", "status", "version", "min_child_age", "max_child_age"]
    Offer.objects.bulk_update([h.offer for h in pool], fields)
    Volunteer.objects.bulk_update([h.offer.volunteer for h in pool], ["travel_radius_km"])


def left_the_list(demo: Demo, past: Past, day: date) -> None:
    """A family that waited a while and then withdrew its request: one nobody fitted, if any."""
    since = day - timedelta(days=WITHDRAWN_AFTER[0])
    waited = next(((d, w) for d, w in past.backlog if w[-1][1] < since), None)
    if waited:
        past.backlog.remove(waited)
        draft, path = waited[0], [*waited[1], (R.WITHDRAWN, day)]
    else:
        gaps = REQUEST_GAPS | {R.WITHDRAWN: WITHDRAWN_AFTER}
        path = backwards(demo.rng, [*REQUEST_STEPS, R.WITHDRAWN], day, gaps)
        draft = applicant(demo, past.key, path[0][1])
    draft.save(demo, path, demo.coordinator(past.key))


def contact_log(demo: Demo) -> None:
    """Entries with hours for every match that ran, up to its end or today."""
    keys = {programme.pk: key for key, programme in demo.programmes.items()}
    matches = Match.objects.filter(
        request__programme__in=demo.programmes.values(), started_on__isnull=False
    ).order_by("started_on", "pk")
    rng, running = demo.rng, 0
    for match_id, programme, started, ended in matches.values_list(
        "pk", "request__programme", "started_on", "ended_on"
    ):
        gaps, hours = CONTACTS[keys[programme]]
        last = ended or demo.today
        if ended is None:
            running += 1
            if running % QUIET_EVERY == 0:
                last = demo.today - timedelta(days=QUIET_DAYS)
        day = started + timedelta(days=rng.randint(3, 10))
        while day <= last:
            demo.later(
                Contact(
                    match_id=match_id,
                    on=day,
                    kind=ContactKind.VISIT if rng.random() < 0.8 else ContactKind.CALL,
                    note=rng.choice(NOTES),
                    hours=Decimal(round(rng.uniform(*hours) * 2) / 2).quantize(Decimal("0.1")),
                )
            )
            day += timedelta(days=rng.randint(*gaps))
    demo.flush()
