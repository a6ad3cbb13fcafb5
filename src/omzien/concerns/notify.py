"""Tell a programme's coordinators that a concern came in, without saying anything about whom."""

import logging

from django.conf import settings
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from omzien.accounts.models import User

from .models import Concern

logger = logging.getLogger(__name__)


def notify_coordinators(request, concern: Concern) -> int:
    """One e-mail per coordinator: a new concern, log in to see it. Returns how many were sent."""
    link = request.build_absolute_uri(reverse("concerns:detail", args=[concern.pk]))
    body = render_to_string("concerns/email/new_concern.txt", {"link": link})
    subject = _("Nieuw zorgsignaal in Omzien")
    recipients = User.objects.coordinators_of([concern.match.request.programme_id]).mail_addresses()
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [email]) for email in recipients]
    try:
        return send_mass_mail(messages)
    except OSError:
        # The concern is saved and on every coordinator's morning page; a mail outage must not lose it.
        logger.exception("mail about concern %s not sent", concern.pk)
        return 0
