"""Is a volunteer's screening complete and current for a programme? And if not, why not."""

from datetime import date

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from omzien.intake.models import Offer

from .models import Certificate, ReferenceOutcome


def missing(offer: Offer, today: date | None = None) -> list[str]:
    """What the programme still requires of this volunteer, in plain Dutch; empty when complete."""
    today = today or timezone.localdate()
    programme_type = offer.programme.programme_type
    volunteer = offer.volunteer
    gaps = []
    if programme_type.requires_vog:
        latest = Certificate.objects.filter(volunteer=volunteer, issued_on__isnull=False).first()
        if latest is None:
            gaps.append(_("Er is nog geen VOG ontvangen."))
        elif latest.valid_until < today:
            gaps.append(
                _("De VOG is verlopen op %(date)s.")
                % {"date": formats.date_format(latest.valid_until)}
            )
    needed = programme_type.references_required
    positive = volunteer.references.filter(outcome=ReferenceOutcome.POSITIVE).count()
    if positive < needed:
        gaps.append(
            _("Nog %(n)s van de %(total)s referenties nodig.")
            % {"n": needed - positive, "total": needed}
        )
    if (
        programme_type.training_required
        and not volunteer.attendances.filter(
            attended=True, session__programme=offer.programme
        ).exists()
    ):
        gaps.append(_("De training is nog niet gevolgd."))
    return gaps


def is_complete(offer: Offer, today: date | None = None) -> bool:
    return not missing(offer, today)
