"""Ten years of families and young people asking for support, and what came of it: requests,
referrals, matches with their moments, contacts, questionnaires and closures, and the audit
trail of the coordinators who looked at them.

Written as it is made, a batch at a time, so that memory stays flat at any scale.
"""

import bisect
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from random import Random

from django.db.models import Model

from omzien.access.roles import Role
from omzien.intake.models import Referral, Request, RequestStatus
from omzien.matches.models import Contact, ContactKind, Match, MatchStatus, Moment, MomentKind
from omzien.outcomes.models import Administration, AdministrationStatus, Mode, Phase, Respondent
from omzien.people.models import Child, Household, Parent, Youth
from omzien.privacy.models import AuditAction, AuditEvent
from omzien.programmes.models import Serves
from omzien.vocabulary import SLOT_CODES, HouseholdType, Need, Theme

from .courses import Course, MatchCourse, matched_course, unmatched_course
from .people import Folk
from .programmes import Scheme, at
from .sizes import Sizes
from .writer import Writer

M = MatchStatus
FLUSH_AT = 100_000  # rows
REFERRED = 0.3
UNMATCHED_SHARE = 0.2
RUNNING = frozenset({M.ACTIVE, M.PAUSED, M.CLOSING})
HOURS = [Decimal("1.00"), Decimal("1.50"), Decimal("2.00"), Decimal("3.00")]
FIELDS: dict[type[Model], tuple[str, ...]] = {
    Household: ("id", "postcode", "postcode_area_id", "languages", "created_at", "household_type",
                "accepts_pets", "accepts_smoking"),
    Parent: ("id", "household_id", "first_name", "last_name", "email"),
    Child: ("household_id", "first_name", "date_of_birth"),
    Youth: ("id", "first_name", "last_name", "email", "postcode", "postcode_area_id", "languages",
            "created_at", "date_of_birth"),
    Request: ("id", "programme_id", "household_id", "youth_id", "status", "signed_up_at",
              "intake_on", "waiting_since", "needs", "themes", "availability"),
    Referral: ("request_id", "referrer_id", "referrer_organisation", "created_at"),
    Match: ("id", "request_id", "offer_id", "programme_id", "status", "score", "proposed_by_id", "proposed_at",
            "introduction_on", "started_on", "ended_on", "closure_reason", "ended_early"),
    Moment: ("match_id", "kind", "due_on", "done_on", "done_by_id", "lapsed_on"),
    Contact: ("match_id", "on", "kind", "by_id", "hours"),
    Administration: ("request_id", "match_id", "instrument_id", "instrument_version_id", "phase",
                     "round", "respondent", "status", "due_on", "answered_on", "entered_by_id",
                     "mode", "scores", "created_at"),
    AuditEvent: ("at", "user_id", "username", "role", "action", "url_name", "url_kwargs", "method",
                 "status_code", "object_type", "object_id", "household_id", "youth_id",
                 "volunteer_id"),
}  # fmt: skip


@dataclass
class Buffer:
    writer: Writer
    rows: dict[type[Model], list[tuple]] = field(default_factory=lambda: {m: [] for m in FIELDS})

    def add(self, model: type[Model], row: tuple) -> None:
        self.rows[model].append(row)

    def flush_if_full(self) -> None:
        if sum(len(rows) for rows in self.rows.values()) >= FLUSH_AT:
            self.flush()

    def flush(self) -> None:
        for model, rows in self.rows.items():  # parents before children
            if rows:
                self.writer.write(model, FIELDS[model], rows)
                rows.clear()


@dataclass
class Questionnaire:
    instrument: int
    version: int


@dataclass
class Subject:
    """A household or a young person, with the requests it makes over the years."""

    pk: int
    is_household: bool
    place: object
    area: int
    postcode: str
    courses: list[tuple[Scheme, Course, int]] = field(default_factory=list)  # with request pk
    parent: int = 0  # the first parent of a household


def stamp(rng: Random, day: date) -> datetime:
    return at(day) + timedelta(minutes=rng.randint(0, 480))


class History:
    def __init__(self, writer: Writer, rng: Random, folk: Folk, schemes: list[Scheme],
                 questionnaire: Questionnaire, start: date, today: date):  # fmt: skip
        self.writer, self.rng, self.folk = writer, rng, folk
        self.questionnaire, self.start, self.today = questionnaire, start, today
        self.buffer = Buffer(writer)
        self.schemes: dict[tuple[int, bool], list[Scheme]] = {}
        for scheme in schemes:
            for place in scheme.places:
                key = (place.pk, scheme.kind.serves == Serves.HOUSEHOLDS)
                self.schemes.setdefault(key, []).append(scheme)
            scheme.offer_days = [offer[0] for offer in scheme.offers]
            scheme.room = sum(
                capacity for _d, _pk, capacity, status in scheme.offers if status == "available"
            )
        self.open_matches: Counter = Counter()  # by offer pk
        self.featured: dict[
            int, tuple[int, int, bool]
        ] = {}  # scheme: volunteer, person, household?

    def run(self, places: list, sizes: Sizes) -> None:
        rng = self.rng
        subjects = sizes.households + sizes.youth
        per_subject = Counter(rng.choices(range(subjects), k=sizes.requests - subjects))
        unmatched = set(rng.sample(range(sizes.requests), round(sizes.requests * UNMATCHED_SHARE)))
        matched = [r for r in range(sizes.requests) if r not in unmatched]
        matches = Counter(matched) + Counter(rng.choices(matched, k=sizes.matches - len(matched)))
        two_parents = set(rng.sample(range(sizes.households), sizes.households // 2))
        extra_children = Counter(
            rng.choices(range(sizes.households), k=sizes.parents - sizes.households)
        )
        weights = [p.households * p.share_with_children for p in places]
        homes = rng.choices(places, weights=weights, k=subjects)
        request_ids = iter(self.writer.ids(Request, sizes.requests))
        r = 0
        for n, place in enumerate(homes):
            is_household = n < sizes.households
            area, postcode = self.folk.address(rng, place)
            model = Household if is_household else Youth
            subject = Subject(self.writer.take(model), is_household, place, area, postcode)
            for _ in range(1 + per_subject[n]):
                scheme = rng.choice(self.schemes[(place.pk, is_household)])
                course = self.course(scheme, matches[r])
                subject.courses.append((scheme, course, next(request_ids)))
                r += 1
            created = min(c.signed_up for _, c, _ in subject.courses) - timedelta(rng.randint(0, 3))
            if is_household:
                self.household(subject, created, 1 + (n in two_parents), 1 + extra_children[n])
            else:
                self.youth(subject, created)
            for scheme, course, pk in subject.courses:
                self.request(subject, scheme, course, pk)
            self.buffer.flush_if_full()
        self.buffer.flush()

    def course(self, scheme: Scheme, matches: int) -> Course:
        if not matches:
            return unmatched_course(self.rng, self.start, self.today)
        course = matched_course(
            self.rng, scheme.kind, matches, scheme.room > 0, self.today, self.start
        )
        scheme.room -= course.status == RequestStatus.MATCHED
        return course

    def household(self, subject: Subject, created: date, parents: int, children: int) -> None:
        rng, folk = self.rng, self.folk
        first = folk.person(rng, family=True)
        kind = HouseholdType.TWO_PARENTS if parents == 2 else HouseholdType.SINGLE_PARENT
        self.buffer.add(
            Household,
            (subject.pk, subject.postcode, subject.area, first.languages, at(created), kind,
             rng.random() < 0.8, rng.random() < 0.1),
        )  # fmt: skip
        for p in range(parents):
            person = first if p == 0 else folk.person(rng, family=True, last=first.last)
            pk = self.writer.take(Parent)
            self.buffer.add(
                Parent, (pk, subject.pk, person.first, person.last, f"ouder{pk}@example.org")
            )
            if p == 0:
                subject.parent = pk
        oldest = self.today - timedelta(days=18 * 365)
        for _ in range(children):
            birth = max(created - timedelta(rng.randint(0, 11 * 365)), oldest)
            self.buffer.add(Child, (subject.pk, folk.child(rng, first.languages[0]), birth))

    def youth(self, subject: Subject, created: date) -> None:
        person = self.folk.person(self.rng, family=True)
        birth = created - timedelta(self.rng.randint(12 * 365 + 3, 21 * 365))
        self.buffer.add(
            Youth,
            (subject.pk, person.first, person.last, f"jongere{subject.pk}@example.org",
             subject.postcode, subject.area, person.languages, at(created), birth),
        )  # fmt: skip

    def request(self, subject: Subject, scheme: Scheme, course: Course, pk: int) -> None:
        rng = self.rng
        household, youth = (subject.pk, None) if subject.is_household else (None, subject.pk)
        signed = stamp(rng, course.signed_up)
        self.buffer.add(
            Request,
            (pk, scheme.pk, household, youth, course.status, signed, course.intake,
             course.waiting_since, rng.sample(Need.values, rng.randint(1, 3)),
             rng.sample(Theme.values, rng.randint(0, 2)), rng.sample(SLOT_CODES, rng.randint(3, 8))),
        )  # fmt: skip
        if rng.random() < REFERRED:
            self.buffer.add(
                Referral, (pk, scheme.referrer, f"Buurtteam {subject.place.name}", signed)
            )
        self.audit(
            scheme, signed, "matching:request_detail", "intake.request", pk, household, youth
        )
        base = min(5.0, max(1.0, rng.gauss(2.6, 0.5)))
        if (
            course.intake
            and course.intake <= self.today
            and course.status != RequestStatus.INTAKE_PLANNED
        ):
            self.administration(scheme, pk, None, Phase.INTAKE, 0, course.intake, base)
        for n, match in enumerate(course.matches):
            self.match(subject, scheme, pk, n, match, base)

    def offer_for(self, scheme: Scheme, match: MatchCourse) -> int:
        """An offer in use on the day of the proposal; for a match open today, one with room."""
        known = max(1, bisect.bisect_right(scheme.offer_days, match.proposed))
        if match.status in (M.CLOSED, M.DECLINED):
            return scheme.offers[self.rng.randrange(known)][1]
        offer = self.rng.choice(
            [o for o in scheme.offers[:known] if self.has_room(o)]
            or [o for o in scheme.offers if self.has_room(o)]
        )
        self.open_matches[offer[1]] += 1
        return offer[1]

    def has_room(self, offer) -> bool:
        _since, pk, capacity, status = offer
        return status == "available" and self.open_matches[pk] < capacity

    def match(
        self, subject, scheme: Scheme, request: int, n: int, match: MatchCourse, base: float
    ) -> None:
        rng, pk = self.rng, self.writer.take(Match)
        offer = self.offer_for(scheme, match)
        proposed = stamp(rng, match.proposed)
        self.buffer.add(
            Match,
            (pk, request, offer, scheme.pk, match.status, rng.randint(40, 95), scheme.coordinator, proposed,
             match.introduction, match.started, match.ended, match.reason, match.early),
        )  # fmt: skip
        household, youth = (subject.pk, None) if subject.is_household else (None, subject.pk)
        self.audit(scheme, proposed, "matches:match_detail", "matches.match", pk, household, youth)
        if match.status == M.ACTIVE and scheme.pk not in self.featured:
            person = subject.parent if subject.is_household else subject.pk
            self.featured[scheme.pk] = (offer, person, subject.is_household)
        if match.started is None:
            return
        self.moments(scheme, pk, match)
        self.contacts(scheme, pk, match)
        if match.status == M.CLOSED:
            closure = min(5.0, max(1.0, base + rng.gauss(0.6, 0.6)))
            self.administration(scheme, request, pk, Phase.CLOSURE, n, match.ended, closure)
        elif match.status == M.CLOSING:
            due = self.today - timedelta(rng.randint(0, 7))
            self.administration(scheme, request, pk, Phase.CLOSURE, n, due, None)

    def moments(self, scheme: Scheme, match: int, course: MatchCourse) -> None:
        rng, recent = self.rng, self.today - timedelta(14)
        for item in scheme.kind.schedule:
            due = course.started + timedelta(item["after_days"])
            done = lapsed = None
            if course.ended and due > course.ended:
                lapsed = course.ended
            elif due <= (course.ended or recent):
                done = min(due + timedelta(rng.randint(0, 5)), course.ended or self.today)
            row = (match, item["kind"], due, done, done and scheme.coordinator, lapsed)
            self.buffer.add(Moment, row)
        if course.ended:
            self.buffer.add(Moment, (match, MomentKind.CLOSING_EVALUATION, course.ended, course.ended,
                                     scheme.coordinator, None))  # fmt: skip
        elif course.status == M.CLOSING:
            due = self.today - timedelta(rng.randint(0, 7))
            self.buffer.add(Moment, (match, MomentKind.CLOSING_EVALUATION, due, None, None, None))

    def contacts(self, scheme: Scheme, match: int, course: MatchCourse) -> None:
        rng = self.rng
        span = ((course.ended or self.today) - course.started).days
        for _ in range(min(6, 1 + span // 60)):
            on = course.started + timedelta(rng.randint(0, span))
            kind = rng.choice(ContactKind.values)
            self.buffer.add(Contact, (match, on, kind, scheme.coordinator, rng.choice(HOURS)))

    def administration(self, scheme, request, match, phase, round_, on: date, level) -> None:
        q = self.questionnaire
        answered = level is not None
        self.buffer.add(
            Administration,
            (request, match, q.instrument, q.version, phase, round_, Respondent.COORDINATOR,
             AdministrationStatus.ANSWERED if answered else AdministrationStatus.DUE, on,
             on if answered else None, scheme.coordinator if answered else None,
             Mode.PAPER if answered else "", {"": round(level, 2)} if answered else {}, at(on)),
        )  # fmt: skip

    def audit(self, scheme, when, url_name, object_type, pk, household, youth) -> None:
        self.buffer.add(
            AuditEvent,
            (when, scheme.coordinator, f"coordinator-{scheme.pk}", Role.COORDINATOR,
             AuditAction.VIEW, url_name, {"pk": pk}, "GET", 200, object_type, pk, household, youth,
             None),
        )  # fmt: skip
