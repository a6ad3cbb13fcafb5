"""Dates of birth that can be true, checked alike on the forms, the import and the API."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_AGE = 110  # older than the oldest person in the Netherlands has ever been
MAX_CHILD_AGE = 18


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def not_in_future(value: date, today: date | None = None) -> None:
    if value > (today or timezone.localdate()):
        raise ValidationError(_("Een geboortedatum kan niet in de toekomst liggen."), code="future")


def birth_date(value: date) -> None:
    """A date of birth of someone alive: not in the future and not more than 110 years ago."""
    today = timezone.localdate()  # once: an import checks a birth date per row
    not_in_future(value, today)
    if age_on(value, today) > MAX_AGE:
        raise ValidationError(
            _("Controleer de geboortedatum: zo oud is niemand. Vul een jaar na %(year)s in.")
            % {"year": today.year - MAX_AGE - 1},
            code="too_old",
        )


def child_birth_date(value: date) -> None:
    """A child's date of birth: not in the future, and the child is 18 or younger."""
    today = timezone.localdate()
    not_in_future(value, today)
    if age_on(value, today) > MAX_CHILD_AGE:
        raise ValidationError(
            _("Controleer de geboortedatum: een kind is %(max)s jaar of jonger.")
            % {"max": MAX_CHILD_AGE},
            code="too_old",
        )
