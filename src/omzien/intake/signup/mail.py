"""The confirmation e-mail after a sign-up or referral.

It names only the first name and the programme: e-mail is not a safe place for the rest.
"""

import logging
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from omzien.programmes.models import Programme

logger = logging.getLogger(__name__)

SUBJECTS = {
    "household": _("Uw aanmelding is binnen"),
    "youth": _("Je aanmelding is binnen"),
    "volunteer": _("Bedankt voor je aanmelding als vrijwilliger"),
    "referral": _("U bent aangemeld voor steun"),
    # Instead of the confirmation when the address already had an open registration.
    "already": _("U bent al aangemeld"),
    "already_je": _("Je bent al aangemeld"),
}


def mail_kind(kind: str, form) -> str:
    """The confirmation of `kind`, or the note that this address was registered already."""
    if not form.already_registered:
        return kind
    return "already_je" if form.informal else "already"


def send_confirmation(kind: str, to: str, first_name: str, programme: Programme) -> bool:
    """Send after the registration is stored; a mail failure must not undo the registration."""
    body = render_to_string(
        f"intake/signup/email/{kind}.txt",
        {
            "first_name": first_name,
            "programme": programme.name,
            "organisation": programme.organisation.name,
            "organisation_email": programme.organisation.email,
        },
    )
    try:
        send_mail(str(SUBJECTS[kind]), body, settings.DEFAULT_FROM_EMAIL, [to])
    except (SMTPException, OSError):
        # The address stays out of the log; the coordinator sees the sign-up anyway.
        logger.warning("Confirmation e-mail (%s) could not be sent.", kind)
        return False
    return True
