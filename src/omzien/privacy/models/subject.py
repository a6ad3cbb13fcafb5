"""A row about exactly one person: a household, a young person or a volunteer."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

SUBJECT_KINDS = ("household", "youth", "volunteer")


class AboutSubject(models.Model):
    household = models.ForeignKey(
        "people.Household",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gezin"),
    )
    youth = models.ForeignKey(
        "people.Youth",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("jongere"),
    )
    volunteer = models.ForeignKey(
        "people.Volunteer",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vrijwilliger"),
    )

    class Meta:
        abstract = True


def one_subject(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(household__isnull=False, youth__isnull=True, volunteer__isnull=True)
        | Q(household__isnull=True, youth__isnull=False, volunteer__isnull=True)
        | Q(household__isnull=True, youth__isnull=True, volunteer__isnull=False),
        name=name,
    )


SUBJECT_LABELS = {
    "household": _("gezin"),
    "youth": _("jongere"),
    "volunteer": _("vrijwilliger"),
}


def pseudonym(kind: str, pk) -> str:
    """'gezin 219' (in English 'family 219'): a person by kind and number, without a name."""
    return pgettext("pseudonym of a person", "%(kind)s %(number)s") % {
        "kind": SUBJECT_LABELS[kind],
        "number": pk,
    }
