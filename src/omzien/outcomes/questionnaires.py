"""Which questionnaires a request has, which are open, and recording answers.

A moment "has come" for a request when its programme uses an instrument then and the step
has been reached: intake once the intake is held; an interim measurement at each evaluation
of the match that is due; closure once the match is closing or closed. A slot is open until
a questionnaire for it is answered. `closing_questionnaires` also writes the closure slots
down as due, so that they show as open work even if the programme's configuration changes.
"""

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Prefetch, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from omzien.intake.models import Request, RequestStatus
from omzien.matches.models import Match, MatchStatus, Moment, MomentKind

from .models import (
    Administration,
    AdministrationStatus,
    Instrument,
    InstrumentVersion,
    Phase,
    ProgrammeInstrument,
    Respondent,
    own_requests,
)
from .models.answers import RESPONDENT_OF_ROLE

AFTER_INTAKE = {
    RequestStatus.INTAKE_HELD,
    RequestStatus.WAITING,
    RequestStatus.MATCHED,
    RequestStatus.CLOSED,
}
ENDING = {MatchStatus.CLOSING, MatchStatus.CLOSED}
STARTED = {MatchStatus.ACTIVE, MatchStatus.PAUSED, *ENDING}


@dataclass
class Slot:
    """One instrument at one moment of one request, answered or not."""

    request: Request
    instrument: Instrument
    phase: str
    round: int
    respondent: str
    match: Match | None
    administration: Administration | None = None  # the live one: due or answered
    replaced: list[Administration] = field(default_factory=list)

    @property
    def key(self) -> tuple[int, str, int]:
        return self.instrument.pk, self.phase, self.round

    @property
    def is_open(self) -> bool:
        return self.administration is None or self.administration.status == AdministrationStatus.DUE

    def get_respondent_display(self) -> str:
        return Respondent(self.respondent).label

    @property
    def label(self) -> str:
        name = Phase(self.phase).label
        return f"{name} {self.round}" if self.round else name

    @property
    def own_url(self) -> str:
        """Where the parent, young person or volunteer fills it in on their own page."""
        return reverse("outcomes:own_answer", args=[self.request.pk, *self.url_args])

    @property
    def paper_url(self) -> str:
        """Where a coordinator types in the paper version."""
        return reverse("outcomes:enter_paper", args=[self.request.pk, *self.url_args])

    @property
    def url_args(self) -> tuple[str, str, int]:
        return self.instrument.slug, self.phase, self.round

    @cached_property
    def version(self) -> InstrumentVersion:
        """The version new answers use, with its items and scales: a due one keeps its own."""
        if self.administration and self.administration.status == AdministrationStatus.DUE:
            pk = self.administration.instrument_version_id
        else:
            pk = self.instrument.current_version().pk
        return InstrumentVersion.objects.prefetch_related("items__scale__points").get(pk=pk)


def with_slot_data(requests):
    """What `slots` reads, fetched in a fixed number of queries for any number of requests."""
    return requests.select_related("programme").prefetch_related(
        Prefetch(
            "programme__outcome_instruments",
            ProgrammeInstrument.objects.select_related("instrument").prefetch_related(
                "instrument__versions"
            ),
        ),
        Prefetch(
            "matches",
            Match.objects.filter(status__in=STARTED)
            .order_by("-started_on", "-pk")
            .prefetch_related(
                Prefetch("moments", Moment.objects.filter(kind=MomentKind.EVALUATION))
            ),
        ),
        Prefetch(
            "questionnaires",
            # With its match: a closure questionnaire's slot names the match it closed.
            Administration.objects.select_related(
                "instrument", "instrument_version", "match"
            ).order_by("-created_at", "-pk"),
        ),
    )


def current_match(request: Request) -> Match | None:
    """The most recent match that started (from `with_slot_data`)."""
    started = [m for m in request.matches.all() if m.status in STARTED and m.started_on]
    return max(started, key=lambda m: (m.started_on, m.pk), default=None)


def moments_come(request: Request, match: Match | None, today: date) -> list[tuple[str, int]]:
    come = [(Phase.INTAKE, 0)] if request.status in AFTER_INTAKE else []
    if match:
        evaluations = sorted(
            m.due_on for m in match.moments.all() if m.kind == MomentKind.EVALUATION
        )
        come += [(Phase.INTERIM, n) for n, due in enumerate(evaluations, 1) if due <= today]
        if match.status in ENDING:
            come.append((Phase.CLOSURE, 0))
    return come


def slots(request: Request, today: date | None = None) -> list[Slot]:
    """Every questionnaire of the request whose moment has come, and any on record."""
    today = today or timezone.localdate()
    match = current_match(request)
    come = moments_come(request, match, today)
    found: dict[tuple, Slot] = {}
    for use in request.programme.outcome_instruments.all():
        if use.instrument.current_version() is None:
            continue  # an instrument still being entered has nothing to ask
        for phase, n in come:
            if phase in use.phases:
                during = None if phase == Phase.INTAKE else match
                slot = Slot(request, use.instrument, phase, n, use.respondent, during)
                found[slot.key] = slot
    for row in request.questionnaires.all():
        key = (row.instrument_id, row.phase, row.round)
        if key not in found:
            found[key] = Slot(
                request, row.instrument, row.phase, row.round, row.respondent, row.match
            )
        if row.status in (AdministrationStatus.DUE, AdministrationStatus.ANSWERED):
            found[key].administration = row
        elif row.status == AdministrationStatus.SUPERSEDED:
            found[key].replaced.append(row)
    order = {phase: i for i, phase in enumerate(Phase.values)}
    return sorted(found.values(), key=lambda s: (order[s.phase], s.round, s.instrument.name))


def find_slot(request: Request, slug: str, phase: str, round: int) -> Slot | None:
    return next(
        (
            s
            for s in slots(request)
            if (s.instrument.slug, s.phase, s.round) == (slug, phase, round)
        ),
        None,
    )


def requests_of(user):
    """The requests whose questionnaires this parent, young person or volunteer may answer."""
    if user.role == "volunteer":
        # Only where the family's latest match is theirs (and not a declined proposal): never
        # the questionnaires of a volunteer who came before or after them.
        latest = Match.objects.filter(request=OuterRef("pk")).order_by("-proposed_at", "-pk")
        own = Match.objects.own_of(user).exclude(status=MatchStatus.DECLINED)
        # The requests of their matches first, so the latest match is looked up for those only.
        return (
            Request.objects.filter(pk__in=own.values("request"))
            .annotate(latest_match=Subquery(latest.values("pk")[:1]))
            .filter(latest_match__in=own.values("pk"))
        )
    return own_requests(user)


def open_questionnaires(user, today: date | None = None) -> list[Slot]:
    """What a parent, young person or volunteer can fill in on their own page now."""
    respondent = RESPONDENT_OF_ROLE.get(getattr(user, "role", None))
    if respondent is None or not user.is_authenticated or not user.is_active:
        return []
    return [
        slot
        for request in with_slot_data(requests_of(user))
        for slot in slots(request, today)
        if slot.respondent == respondent and slot.is_open
    ]


def questionnaires_due_at_closing(sender, match, **kwargs) -> None:
    """Receiver of `matches.signals.match_closing`."""
    closing_questionnaires(match)


@transaction.atomic
def closing_questionnaires(match: Match, today: date | None = None) -> list[Administration]:
    """Mark the programme's closure questionnaires as due; idempotent. Call when closing."""
    today = today or timezone.localdate()
    uses = ProgrammeInstrument.objects.filter(
        programme=match.request.programme_id, at_closure=True
    ).select_related("instrument")
    taken = set(
        Administration.objects.filter(request=match.request_id, phase=Phase.CLOSURE, round=0)
        .live()
        .values_list("instrument_id", flat=True)
    )
    made = []
    for use in uses:
        version = use.instrument.current_version()
        if use.instrument_id in taken or version is None:
            continue
        made.append(
            Administration.objects.create(
                request_id=match.request_id,
                match=match,
                instrument=use.instrument,
                instrument_version=version,
                phase=Phase.CLOSURE,
                respondent=use.respondent,
                due_on=today,
            )
        )
    return made


def already_answered() -> ValidationError:
    return ValidationError(
        _("Deze vragenlijst is voor dit moment al ingevuld."), code="already_answered"
    )


def save_slot(slot: Slot, scores: dict, *, by, mode: str, on: date, replace_reason: str | None):
    """The administration that holds the new answers: the due one, a new one, or a
    replacement of the answered one (which stays on record as superseded)."""
    live = (
        Administration.objects.select_for_update()
        .filter(request=slot.request, instrument=slot.instrument, phase=slot.phase)
        .filter(round=slot.round)
        .live()
        .first()
    )
    answered = {"answered_on": on, "entered_by": by, "mode": mode, "scores": scores}
    if live and live.status == AdministrationStatus.DUE:
        live.transition(AdministrationStatus.ANSWERED, by=by, **answered)
        return live
    if live:
        if replace_reason is None:
            raise already_answered()
        live.transition(AdministrationStatus.SUPERSEDED, by=by, reason=replace_reason)
    try:
        with transaction.atomic():
            return Administration.objects.create(
                request=slot.request,
                match=slot.match,
                instrument=slot.instrument,
                instrument_version=slot.version,
                phase=slot.phase,
                round=slot.round,
                respondent=slot.respondent,
                status=AdministrationStatus.ANSWERED,
                replaces=live,
                **answered,
            )
    except IntegrityError as error:  # someone else saved the same moment just now
        raise already_answered() from error
