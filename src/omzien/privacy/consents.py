"""Giving and withdrawing consent. Withdrawal stops the processing that relied on it at once.

Matching relies on the `matching` consent: when it is withdrawn, every request or offer of the
person that is still on its way to a match (signed up, intake, screening, waiting, available)
is withdrawn through its workflow, which takes it off the waiting list and out of every pool
and plan. A match already under way is not ended by the system: the coordinator talks to the
people first; the page says which matches that concerns. Research, feedback to the referrer and
e-mail read the current consent wherever they are used, so withdrawal stops them at once.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from omzien.intake.models import Offer, OfferStatus, Request, RequestStatus
from omzien.matches.models import Match

from .models import Consent, ConsentSource, Purpose

REASON = _("De toestemming om te koppelen is ingetrokken.")


def current_consents(kind: str, pk: int) -> dict[str, Consent]:
    return {c.purpose: c for c in Consent.objects.current().filter(**{f"{kind}_id": pk})}


@transaction.atomic
def give(kind: str, pk: int, purpose: str, *, by, source=ConsentSource.CONVERSATION) -> Consent:
    existing = current_consents(kind, pk).get(purpose)
    return existing or Consent.objects.create(
        **{f"{kind}_id": pk}, purpose=purpose, source=source, recorded_by=by
    )


def _stop_matching(kind: str, pk: int, by) -> list[Match]:
    if kind == "volunteer":
        files, withdrawn = Offer.objects.filter(volunteer_id=pk), OfferStatus.WITHDRAWN
    else:
        files, withdrawn = Request.objects.filter(**{f"{kind}_id": pk}), RequestStatus.WITHDRAWN
    for file in files.select_for_update():
        if withdrawn in file.workflow.allowed(file.status):
            file.transition(withdrawn, by=by, reason=str(REASON))
    side = "offer__volunteer_id" if kind == "volunteer" else f"request__{kind}_id"
    return list(Match.objects.open().filter(**{side: pk}))


@transaction.atomic
def withdraw(consent: Consent, *, by) -> list[Match]:
    """Withdraw `consent` now; returns the matches under way that a coordinator should look at."""
    consent.withdraw()
    if consent.purpose != Purpose.MATCHING:
        return []
    kind = consent.subject_kind
    return _stop_matching(kind, getattr(consent, f"{kind}_id"), by)
