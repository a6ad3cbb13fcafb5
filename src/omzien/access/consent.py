"""Consent per purpose, as the apps that take it down at sign-up, import and referral see it.

The Consent model itself belongs to the privacy app, which builds on those apps (withdrawal
stops their files), so they reach it by label through `consent_model` rather than an import.
"""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _


class Purpose(models.TextChoices):
    MATCHING = "matching", _("zoeken naar een passende koppeling")
    FEEDBACK_TO_REFERRER = "feedback_to_referrer", _("terugkoppeling aan de verwijzer")
    RESEARCH = "research", _("onderzoek naar wat de steun oplevert")
    CONTACT_BY_EMAIL = "contact_by_email", _("contact per e-mail")


class ConsentSource(models.TextChoices):
    ONLINE_FORM = "online_form", _("online formulier")
    REFERRAL = "referral", _("via de verwijzer")
    PAPER = "paper", _("op papier")
    CONVERSATION = "conversation", _("in een gesprek")
    IMPORT = "import", _("overgenomen uit een bestand")


def consent_model():
    """The privacy app's Consent model."""
    return apps.get_model("privacy", "Consent")
