"""The light screening each kind of support figure asks for, and who may not be one.

The kind sets the base rule; a programme the figure comes from can ask for more (its
programme type's VOG rule). A figure's own professional is never their support figure: the
point is someone beside the professional care.
"""

from dataclasses import dataclass, replace

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from omzien.screening.models import add_months

from .models.figures import SupportFigure, SupportFigureKind

K = SupportFigureKind


@dataclass(frozen=True)
class ScreeningRule:
    conversation: bool  # a conversation with the professional before confirming
    certificate: bool  # a certificate of conduct (VOG)
    certificate_max_age_months: int | None = None  # how old the VOG may be on the start date
    needs_programme: bool = False


# Family is family: no screening. A guardian holds authority, so their VOG must be recent.
KIND_RULES = {
    K.CHOSEN_MENTOR: ScreeningRule(conversation=True, certificate=False),
    K.CITIZEN_GUARDIAN: ScreeningRule(
        conversation=True, certificate=True, certificate_max_age_months=6
    ),
    K.PROGRAMME_MENTOR: ScreeningRule(conversation=True, certificate=False, needs_programme=True),
    K.FAMILY_MEMBER: ScreeningRule(conversation=False, certificate=False),
}


def rule_for(kind: str, programme=None) -> ScreeningRule:
    """The kind's rule, made stricter where the programme asks for a VOG."""
    rule = KIND_RULES[kind]
    if programme is not None and programme.programme_type.requires_vog:
        months = programme.programme_type.vog_validity_months
        if rule.certificate_max_age_months is not None:
            months = min(months, rule.certificate_max_age_months)
        rule = replace(rule, certificate=True, certificate_max_age_months=months)
    return rule


def screening_errors(figure: SupportFigure) -> dict[str, str]:
    """What is missing or wrong in the screening, per field, in plain Dutch."""
    rule = rule_for(figure.kind, figure.programme)
    errors = {}
    if rule.needs_programme and figure.programme is None:
        errors["programme"] = _("Kies het programma waar deze mentor vandaan komt.")
    if rule.conversation and figure.conversation_on is None:
        errors["conversation_on"] = _(
            "Voor deze soort steunfiguur is eerst een kennismakingsgesprek nodig."
        )
    issued, start = figure.certificate_issued_on, figure.started_on or timezone.localdate()
    if issued and issued > timezone.localdate():
        errors["certificate_issued_on"] = _("De datum van de VOG kan niet in de toekomst liggen.")
    elif rule.certificate and issued is None:
        errors["certificate_issued_on"] = _("Voor deze steunfiguur is een VOG nodig.")
    elif rule.certificate and add_months(issued, rule.certificate_max_age_months) < start:
        errors["certificate_issued_on"] = _(
            "De VOG is van %(date)s. Voor deze steunfiguur mag de VOG niet ouder zijn dan "
            "%(months)s maanden op de startdatum. Vraag een nieuwe VOG aan."
        ) % {"date": date_format(issued), "months": rule.certificate_max_age_months}
    return errors


def professional_errors(figure: SupportFigure) -> dict[str, str]:
    """Refuse the young person's own professional as their support figure."""
    email = figure.email.strip().lower()
    name = f"{figure.first_name} {figure.last_name}".strip().lower()
    for professional in figure.young_person.professionals.all():
        same_email = email and email == professional.email.strip().lower()
        same_name = name == professional.get_full_name().strip().lower()
        if same_email or same_name:
            field = "email" if same_email else "last_name"
            return {
                field: _(
                    "%(name)s is de jeugdprofessional van deze jongere. Een steunfiguur staat "
                    "naast de hulpverlening; kies iemand anders."
                )
                % {"name": professional.get_full_name() or professional.username}
            }
    return {}


def check_support_figure(figure: SupportFigure) -> None:
    """Raise a ValidationError per field when this figure may not be confirmed as it is."""
    errors = professional_errors(figure) | screening_errors(figure)
    if errors:
        raise ValidationError(errors)
