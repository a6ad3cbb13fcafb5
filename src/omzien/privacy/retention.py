"""Retention: when a person's data expires, what expires soon, and what stops it.

A person's data expires `keep_months` (per programme, default 24) after their file closed:
every request (household, youth) or offer (volunteer) is finished, and the last match ended.
A current legal hold or an open concern stops the anonymisation of that one file.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.apps import apps
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from omzien.intake.models import Offer, OfferStatus, Request, RequestStatus
from omzien.screening.models import add_months

from .models import Anonymisation, LegalHold, RetentionPolicy
from .models.retention import DEFAULT_KEEP_MONTHS
from .subjects import SUBJECT_MODELS

FINISHED = {
    "household": {RequestStatus.CLOSED, RequestStatus.REFERRED_ELSEWHERE, RequestStatus.WITHDRAWN},
    "volunteer": {OfferStatus.NOT_SUITABLE, OfferStatus.WITHDRAWN},
}
FINISHED["youth"] = FINISHED["household"]
WARN_DAYS = 30


@dataclass(frozen=True)
class Expiry:
    kind: str
    pk: int
    expires_on: date


def keep_months() -> dict[int, int]:
    return dict(RetentionPolicy.objects.values_list("programme_id", "keep_months"))


def _files(kind: str):
    """Per request or offer: its person, status, programme and the last date anything happened."""
    model = Offer if kind == "volunteer" else Request
    return (
        model.objects.filter(**{f"{kind}__isnull": False})
        .values_list(kind, "status", "programme_id", "signed_up_at")
        .annotate(last_match=Max("matches__ended_on"), last_change=Max("status_changes__at"))
        .order_by()
    )


def _closed_on(signed_up_at, last_match, last_change) -> date:
    days = [timezone.localdate(signed_up_at), last_match]
    if last_change is not None:
        days.append(timezone.localdate(last_change))
    return max(d for d in days if d is not None)


def expiries(kind: str) -> list[Expiry]:
    """When each person of this kind whose whole file is finished expires (not yet anonymised)."""
    months = keep_months()
    latest: dict[int, date] = {}
    open_files: set[int] = set()
    for pk, status, programme, signed_up_at, last_match, last_change in _files(kind):
        if status not in FINISHED[kind]:
            open_files.add(pk)
            continue
        closed = _closed_on(signed_up_at, last_match, last_change)
        expires = add_months(closed, months.get(programme, DEFAULT_KEEP_MONTHS))
        latest[pk] = max(latest.get(pk, expires), expires)
    done = set(
        Anonymisation.objects.filter(**{f"{kind}__isnull": False}).values_list(kind, flat=True)
    )
    return [
        Expiry(kind, pk, day)
        for pk, day in sorted(latest.items(), key=lambda item: (item[1], item[0]))
        if pk not in open_files and pk not in done
    ]


def held(kind: str) -> set[int]:
    return set(
        LegalHold.objects.current()
        .filter(**{f"{kind}__isnull": False})
        .values_list(kind, flat=True)
    )


def with_open_concern(kind: str) -> set[int]:
    """People in a match with a concern that is still open (when the concerns app is installed)."""
    try:
        concern = apps.get_model("concerns", "Concern")
    except LookupError:
        return set()
    path = "match__offer__volunteer" if kind == "volunteer" else f"match__request__{kind}"
    return set(concern.objects.open().exclude(**{path: None}).values_list(path, flat=True))


@dataclass(frozen=True)
class Due:
    expiry: Expiry
    stopped_by: str  # why it will not be anonymised, or '' when it will


def due(today: date, within_days: int = 0) -> list[Due]:
    """Everyone whose data expires on or before `today + within_days`, with what stops it."""
    until = today + timedelta(days=within_days)
    rows = []
    for kind in SUBJECT_MODELS:
        hold, concern = held(kind), with_open_concern(kind)
        for expiry in expiries(kind):
            if expiry.expires_on > until:
                break
            stopped = (
                _("bewaarplicht")
                if expiry.pk in hold
                else _("open zorgsignaal")
                if expiry.pk in concern
                else ""
            )
            rows.append(Due(expiry, stopped))
    return sorted(rows, key=lambda d: (d.expiry.expires_on, d.expiry.kind, d.expiry.pk))


def warning_list(today: date) -> list[Due]:
    """What expires in the coming 30 days, so that a hold can still be placed."""
    return [d for d in due(today, WARN_DAYS) if d.expiry.expires_on > today]
