"""Reminder e-mails for overdue check-ins and expiring certificates, each sent once.

A background task (django-tasks, database queue) runs `send_reminders` every night; see
`omzien nightly`. A `Reminder` row is written in the same transaction as the e-mail goes out,
and its unique link to the moment or certificate makes a second run send nothing.
"""

import logging
from datetime import date, timedelta
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django_tasks import task

from omzien.accounts.models import User
from omzien.screening.models import Certificate

from .models import OPEN_MATCH_STATUSES, Match, Moment, Reminder

logger = logging.getLogger(__name__)
CERTIFICATE_WARNING = timedelta(days=60)


@task()
def send_reminders(today: str | None = None) -> int:
    """Send what is due and not sent before; returns how many reminders went out."""
    day = date.fromisoformat(today) if today else timezone.localdate()
    sent = sum(_remind_moment(moment) for moment in _overdue_moments(day))
    return sent + sum(_remind_certificate(c) for c in _expiring_certificates(day))


def _overdue_moments(day: date):
    return (
        Moment.objects.overdue(day)
        .filter(reminder__isnull=True)
        .select_related("match__request__programme")
    )


def _expiring_certificates(day: date):
    """The newest certificate of each volunteer in an open match, when it runs out soon."""
    matched = Match.objects.open().values("offer__volunteer")
    renewed = Certificate.objects.filter(valid_until__gt=day + CERTIFICATE_WARNING)
    return (
        Certificate.objects.filter(volunteer__in=matched, reminder__isnull=True)
        .exclude(volunteer__in=renewed.values("volunteer"))
        .expiring_between(day, day + CERTIFICATE_WARNING)
        .select_related("volunteer")
        .prefetch_related("volunteer__offers__programme", "volunteer__offers__matches")
    )


def _remind_moment(moment: Moment) -> int:
    programme = moment.match.request.programme
    body = render_to_string(
        "matches/email/overdue_moment.txt",
        {
            "kind": moment.get_kind_display(),
            "due": moment.due_on,
            "programme": programme.name,
            "link": _link("matches:match_detail", moment.match_id),
        },
    )
    to = User.objects.coordinators_of([programme]).mail_addresses()
    message = EmailMessage(_("Een contactmoment is te laat"), body, to=to)
    return _send_once(Reminder(moment=moment, recipients=len(to)), [message])


def _remind_certificate(certificate: Certificate) -> int:
    volunteer = certificate.volunteer
    # Only the programmes the volunteer is matched in now: other organisations' offers are theirs.
    offers = [
        o
        for o in volunteer.offers.all()
        if any(m.status in OPEN_MATCH_STATUSES for m in o.matches.all())
    ]
    programmes = [offer.programme for offer in offers]
    messages = []
    if volunteer.email:
        body = render_to_string(
            "matches/email/expiring_certificate.txt",
            {
                "first_name": volunteer.first_name,
                "until": certificate.valid_until,
                "programme": ", ".join(p.name for p in programmes),
            },
        )
        messages.append(EmailMessage(_("Je VOG verloopt binnenkort"), body, to=[volunteer.email]))
    if to := User.objects.coordinators_of(programmes).mail_addresses():
        notice = _("De VOG van een vrijwilliger in een koppeling verloopt op %(date)s.\n%(link)s")
        link = _link("screening:offer_detail", offers[0].pk)
        body = notice % {"date": formats.date_format(certificate.valid_until), "link": link}
        messages.append(EmailMessage(_("Een VOG verloopt binnenkort"), body, to=to))
    recipients = sum(len(m.to) for m in messages)
    return _send_once(Reminder(certificate=certificate, recipients=recipients), messages)


def _send_once(reminder: Reminder, messages: list[EmailMessage]) -> int:
    """Record and send together: a failed send leaves no record, so the next run tries again."""
    try:
        with transaction.atomic():
            reminder.save()
            for message in messages:
                message.send()
    except IntegrityError:
        return 0  # another worker sent it first
    except (SMTPException, OSError):
        logger.warning("Reminder e-mail could not be sent; it will be tried again.")
        return 0
    return 1


def _link(name: str, pk: int) -> str:
    return settings.OMZIEN_BASE_URL + reverse(name, args=[pk])
