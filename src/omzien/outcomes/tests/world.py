"""Builders for outcome tests: programmes using the shipped instruments, requests that had
their intake, closed matches, and answers recorded the way the app records them."""

from datetime import date, timedelta

from django.utils import timezone

from omzien import testing
from omzien.intake.models import Request, RequestStatus
from omzien.matches.models import Match, MatchStatus
from omzien.outcomes.models import Instrument, Mode, ProgrammeInstrument, Respondent
from omzien.outcomes.questionnaires import find_slot, with_slot_data
from omzien.outcomes.recording import record

SITUATION, SUPPORT, GOALS = "situatie-gezin", "tevredenheid-steun", "doelen-gas"


def uses(programme, slug, respondent=Respondent.COORDINATOR, *, interim=False):
    return ProgrammeInstrument.objects.create(
        programme=programme,
        instrument=Instrument.objects.get(slug=slug),
        respondent=respondent,
        at_interim=interim,
    )


def programme(organisation=None):
    """A programme that asks the situation (coordinator) and support (parent) questionnaires."""
    made = testing.programme(organisation=organisation)
    uses(made, SITUATION)
    uses(made, SUPPORT, Respondent.PARENT, interim=True)
    return made


def after_intake(programme, area, *, last_name="Jansen") -> Request:
    request = testing.waiting_request(programme, area, last_name=last_name)
    Request.objects.filter(pk=request.pk).update(
        intake_on=timezone.localdate() - timedelta(days=400)
    )
    return request


def closed_match(programme, area, *, ended_on: date, last_name="Jansen", **fields) -> Match:
    request = after_intake(programme, area, last_name=last_name)
    offer = testing.available_offer(programme, area, last_name=last_name)
    Request.objects.filter(pk=request.pk).update(status=RequestStatus.CLOSED)
    return Match.objects.create(
        request=request,
        offer=offer,
        status=MatchStatus.CLOSED,
        started_on=ended_on - timedelta(days=300),
        ended_on=ended_on,
        **fields,
    )


def fresh(request: Request) -> Request:
    return with_slot_data(Request.objects.filter(pk=request.pk)).get()


def fill(request, slug, phase, answers: dict, *, on=None, by=None, round=0, replace=None):
    """Record answers by item code (or by goal, for goals) for one moment of a request."""
    slot = find_slot(fresh(request), slug, phase, round)
    assert slot is not None, (slug, phase, round)
    if slot.version.is_goals:
        values = answers
    else:
        items = {item.code: item for item in slot.version.items.all()}
        values = {items[code]: value for code, value in answers.items()}
    return record(
        slot,
        values,
        by=by,
        mode=Mode.PAPER,
        on=on or timezone.localdate(),
        replace_reason=replace,
    )


def situation(level: int) -> dict:
    return {code: level for code in ("geld", "wonen", "werk", "netwerk", "opvoeden", "gezondheid")}
