"""The course of one request through the workflow tables: its dates, its matches, its status.

A course is built from a provisional day and then moved as a whole, so that a finished one
ends before today and an open one reaches today in the state it was drawn in.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from random import Random

from omzien.intake.models import RequestStatus
from omzien.matches.models import AS_PLANNED
from omzien.vocabulary import ClosureReason, MatchStatus

from .programmes import Kind

M, R = MatchStatus, RequestStatus
EARLY_REASONS = [(ClosureReason.FAMILY_MOVED, 25), (ClosureReason.VOLUNTEER_STOPPED, 30),
                 (ClosureReason.MISMATCH, 25), (ClosureReason.SAFETY, 3), (ClosureReason.OTHER, 17)]  # fmt: skip
# The state of the match that runs today, for a request that has one.
OPEN_STATES = [(M.ACTIVE, 76), (M.PAUSED, 5), (M.CLOSING, 4), (M.AGREED, 4), (M.PROPOSED, 4),
               (M.INTRODUCTION_PLANNED, 4), (M.INTRODUCTION_HELD, 3)]  # fmt: skip
# Requests that never got a match: most ended long ago, some are on their way now.
UNMATCHED = [(R.WITHDRAWN, 35), (R.REFERRED_ELSEWHERE, 25), (R.WAITING, 25), (R.SIGNED_UP, 5),
             (R.INTAKE_PLANNED, 5), (R.INTAKE_HELD, 5)]  # fmt: skip
OPEN_SHARE = 0.08  # of requests with matches, the share whose last match runs today
DECLINED_SHARE = 0.6  # of the matches before the last, the share that never started


def days(n: int) -> timedelta:
    return timedelta(days=n)


@dataclass
class MatchCourse:
    status: str
    proposed: date
    introduction: date | None = None
    started: date | None = None
    ended: date | None = None
    reason: str = ""
    early: bool | None = None

    def free(self) -> date:
        """When the request may go on to a next match."""
        return self.ended or (self.introduction or self.proposed) + days(7)

    def moved(self, delta: timedelta) -> None:
        for name in ("proposed", "introduction", "started", "ended"):
            if (value := getattr(self, name)) is not None:
                setattr(self, name, value + delta)


@dataclass
class Course:
    status: str
    signed_up: date
    intake: date | None = None
    waiting_since: date | None = None
    matches: list[MatchCourse] = field(default_factory=list)

    def moved(self, delta: timedelta) -> None:
        self.signed_up += delta
        self.intake = self.intake and self.intake + delta
        self.waiting_since = self.waiting_since and self.waiting_since + delta
        for match in self.matches:
            match.moved(delta)

    def end(self) -> date:
        return self.matches[-1].free() if self.matches else self.waiting_since or self.signed_up


def finished_match(
    rng: Random, kind: Kind, proposed: date, declined: bool, last: bool
) -> MatchCourse:
    match = MatchCourse(M.DECLINED if declined else M.CLOSED, proposed)
    if kind.has_introduction and (not declined or rng.random() < 0.5):
        match.introduction = proposed + days(rng.randint(5, 21))
    if declined:
        return match
    match.started = (match.introduction or proposed) + days(rng.randint(5, 21))
    match.early = not last or rng.random() < 0.3
    if match.early:
        length = rng.randint(30, max(31, kind.expected_days * 2 // 3))
        match.reason = rng.choices(*zip(*EARLY_REASONS, strict=True))[0]
    else:
        length = round(kind.expected_days * rng.uniform(0.8, 1.2))
        match.reason = rng.choice(sorted(AS_PLANNED))
    match.ended = match.started + days(length)
    return match


def open_match(rng: Random, kind: Kind, today: date) -> MatchCourse:
    states = [(s, w) for s, w in OPEN_STATES if kind.has_introduction or not s.startswith("intro")]
    status = rng.choices(*zip(*states, strict=True))[0]
    match = MatchCourse(status, today)
    if status in (M.ACTIVE, M.PAUSED):
        match.started = today - days(rng.randint(1, kind.expected_days - 1))
    elif status == M.CLOSING:
        match.started = today - days(round(kind.expected_days * rng.uniform(0.9, 1.1)))
    elif status == M.INTRODUCTION_PLANNED:
        match.introduction = today + days(rng.randint(1, 14))
        match.proposed = today - days(rng.randint(1, 10))
        return match
    elif status == M.PROPOSED:
        match.proposed = today - days(rng.randint(0, 6))
        return match
    before = match.started or today - days(rng.randint(1, 10))
    if kind.has_introduction:
        match.introduction = before - days(rng.randint(5, 21))
        before = match.introduction
    match.proposed = before - days(rng.randint(5, 21))
    return match


def matched_course(
    rng: Random, kind: Kind, matches: int, may_open: bool, today: date, start: date
) -> Course:
    """A request with `matches` matches: the earlier ones declined or ended early, the last
    closed or, if `may_open` (a volunteer has room), sometimes still open today."""
    course = Course(R.CLOSED, start)
    course.intake = start + days(rng.randint(5, 20))
    course.waiting_since = course.intake + days(rng.randint(0, 14))
    is_open = rng.random() < OPEN_SHARE and may_open
    free = course.waiting_since + days(rng.randint(7, 120))
    for n in range(matches - is_open):
        last = n == matches - 1
        match = finished_match(rng, kind, free, not last and rng.random() < DECLINED_SHARE, last)
        course.matches.append(match)
        if not last:
            course.waiting_since = match.free()
        free = match.free() + days(rng.randint(7, 60))
    if is_open:
        course.status = R.MATCHED
        running = open_match(rng, kind, today)
        course.moved(running.proposed - free)
        course.matches.append(running)
    else:
        latest = (today - days(1) - course.end()).days
        earliest = (start - course.signed_up).days
        course.moved(days(rng.randint(min(earliest, latest), latest)))
    return course


def unmatched_course(rng: Random, start: date, today: date) -> Course:
    status = rng.choices(*zip(*UNMATCHED, strict=True))[0]
    if status in (R.WITHDRAWN, R.REFERRED_ELSEWHERE):
        signed = start + days(rng.randint(0, (today - start).days - 60))
        course = Course(status, signed, signed + days(rng.randint(5, 20)))
        if rng.random() < 0.5:
            course.waiting_since = course.intake + days(rng.randint(0, 14))
        return course
    if status == R.WAITING:
        signed = today - days(rng.randint(21, 400))
        intake = signed + days(rng.randint(5, 13))
        return Course(status, signed, intake, intake + days(rng.randint(0, 7)))
    if status == R.SIGNED_UP:
        return Course(status, today - days(rng.randint(0, 13)))
    if status == R.INTAKE_PLANNED:
        return Course(status, today - days(rng.randint(1, 20)), today + days(rng.randint(1, 14)))
    return Course(status, today - days(rng.randint(10, 40)), today - days(rng.randint(1, 9)))
