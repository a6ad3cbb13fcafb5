"""A data subject's request to erase: done by anonymising now, unless the law says keep it.

Refused, with the reason recorded and shown, while a concern about the child is open (the
Meldcode requires the file; GDPR art. 17(3)(b)), while a legal hold applies (art. 17(3)(e)),
or while the file is still open (close the request, offer or match first).
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from omzien.intake.models import Offer, Request
from omzien.matches.models import Match

from .anonymise import anonymise
from .models import RequestKind, RequestOutcome, SubjectRequest
from .models.retention import AnonymisationReason
from .retention import FINISHED, held, with_open_concern

OPEN_CONCERN = _(
    "Er loopt nog een zorgsignaal over dit gezin of deze koppeling. De meldcode verplicht ons "
    "de gegevens te bewaren tot het zorgsignaal is afgesloten (AVG artikel 17, lid 3b)."
)
LEGAL_HOLD = _(
    "Er geldt een bewaarplicht voor dit dossier, bijvoorbeeld voor een klacht of rechtszaak "
    "(AVG artikel 17, lid 3e). Hef die eerst op als dat kan."
)
STILL_OPEN = _(
    "Het dossier is nog niet afgesloten. Sluit eerst de aanmelding, het aanbod of de koppeling af."
)


def _file_open(kind: str, pk: int) -> bool:
    files = (
        Offer.objects.filter(volunteer_id=pk)
        if kind == "volunteer"
        else Request.objects.filter(**{f"{kind}_id": pk})
    )
    side = "offer__volunteer_id" if kind == "volunteer" else f"request__{kind}_id"
    return (
        files.exclude(status__in=FINISHED[kind]).exists()
        or Match.objects.open().filter(**{side: pk}).exists()
    )


def blockers(kind: str, pk: int) -> list[str]:
    """Why this person's data may not be erased now; empty when it may."""
    reasons = []
    if pk in with_open_concern(kind):
        reasons.append(str(OPEN_CONCERN))
    if pk in held(kind):
        reasons.append(str(LEGAL_HOLD))
    if _file_open(kind, pk):
        reasons.append(str(STILL_OPEN))
    return reasons


@transaction.atomic
def erase(kind: str, pk: int, *, by) -> SubjectRequest:
    """Erase (anonymise) now, or refuse and say why; either way the request is recorded."""
    reasons = blockers(kind, pk)
    if not reasons:
        anonymise(kind, [pk], reason=AnonymisationReason.ERASURE, by=by)
    return SubjectRequest.objects.create(
        **{f"{kind}_id": pk},
        kind=RequestKind.ERASE,
        handled_by=by,
        outcome=RequestOutcome.REFUSED if reasons else RequestOutcome.DONE,
        explanation="\n".join(reasons),
    )
