"""The Django side of matching: load pools into the engine, store what a person decides."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from omzien.intake.models import Offer, Request, RequestStatus
from omzien.matches.models import Match

from . import engine, wording
from .pool import load_pool


def open_match_of(help_request: Request) -> Match | None:
    return help_request.matches.open().select_related("offer__volunteer").first()


def candidate_offers(user, programme):
    return Offer.objects.visible_to(user).filter(programme=programme).available()


@dataclass(frozen=True)
class Candidate:
    offer: Offer
    score: int
    explanation: engine.Explanation


@dataclass(frozen=True)
class CandidateList:
    candidates: list[Candidate]
    reason: str  # the engine's code for why nobody fits (see wording.reason)


def suggestions_for_request(user, help_request: Request, k: int = 10) -> CandidateList:
    """The best-fitting volunteers for one request, each with its explanation."""
    offers = {
        o.pk: o for o in candidate_offers(user, help_request.programme).select_related("volunteer")
    }
    pool = load_pool(help_request.programme, [help_request], offers.values())
    found = engine.suggest_for_request(pool, help_request.pk, k=k)
    return CandidateList(
        [Candidate(offers[s.offer_id], round(s.score), s.explanation) for s in found.candidates],
        found.reason,
    )


def propose(user, help_request: Request, offer_id) -> Match:
    """A coordinator proposes a match; it is stored only if every hard rule still holds."""
    try:
        offer_pk = int(offer_id)
    except (TypeError, ValueError):
        raise ValidationError(_("Kies een vrijwilliger om voor te stellen.")) from None
    with transaction.atomic():
        locked = Request.objects.select_for_update().get(pk=help_request.pk)
        if locked.status != RequestStatus.WAITING:
            raise ValidationError(_("Dit gezin wacht niet meer op een koppeling."))
        # Lock the volunteer so that two proposals at once cannot exceed their capacity.
        if not Offer.objects.select_for_update().filter(pk=offer_pk).exists():
            raise ValidationError(_("Deze vrijwilliger is niet (meer) beschikbaar."))
        offer = candidate_offers(user, locked.programme).filter(pk=offer_pk).first()
        if offer is None:
            raise ValidationError(_("Deze vrijwilliger is niet (meer) beschikbaar."))
        pool = load_pool(locked.programme, [locked], [offer])
        explanation = engine.explain(pool, locked.pk, offer.pk)
        if not explanation.admissible:
            raise ValidationError(
                _("Deze koppeling past niet bij de regels: %(why)s")
                % {"why": wording.failed_rules(explanation)}
            )
        locked.transition(RequestStatus.MATCHED, by=user, reason=_("Koppeling voorgesteld"))
        return Match.objects.create(
            request=locked,
            offer=offer,
            score=round(explanation.score),
            explanation=explanation.as_dict(),
            proposed_by=user,
        )
