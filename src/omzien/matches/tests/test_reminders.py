"""Reminder e-mails: overdue check-ins to the coordinators, expiring VOGs to the volunteer; once."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import formats, timezone
from django_tasks_db.management.commands import db_worker

from omzien import testing
from omzien.matches.models import MatchStatus, Reminder
from omzien.matches.reminders import send_reminders
from omzien.screening.models import Certificate

from .test_today import active_match

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    testing.geography()
    programme = testing.programme(name="Steungezinnen Noord")
    testing.coordinator(programme).__class__.objects.filter(role="coordinator").update(
        email="coordinator@example.org"
    )
    return programme


def run():
    return send_reminders.call()


def test_an_overdue_check_in_is_reminded_once_without_names(programme):
    match = active_match(programme, testing.geography()["near"], days_ago=20, last_name="Laat")

    assert run() == 1
    assert run() == 0  # the second night sends nothing new

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["coordinator@example.org"]
    assert f"/koppelingen/{match.pk}/" in message.body and "Steungezinnen Noord" in message.body
    assert "Laat" not in message.body and "Kees" not in message.body
    assert Reminder.objects.get().moment.match == match


def test_a_paused_match_and_a_moment_not_yet_due_are_not_reminded(programme):
    near = testing.geography()["near"]
    paused = active_match(programme, near, days_ago=20, last_name="Pauze")
    paused.status = MatchStatus.PAUSED
    paused.save()
    active_match(programme, near, days_ago=14, last_name="Vandaag")  # due today, not late yet

    assert run() == 0 and mail.outbox == []


def test_an_expiring_certificate_reaches_the_volunteer_and_the_coordinator_once(programme):
    match = active_match(programme, testing.geography()["near"], days_ago=5, last_name="Vog")
    Certificate.objects.filter(volunteer=match.offer.volunteer).update(
        valid_until=timezone.localdate() + timedelta(days=20)
    )

    assert run() == 1 and run() == 0

    to_volunteer, to_coordinators = mail.outbox
    assert to_volunteer.to == ["kees@example.org"] and "Beste Kees" in to_volunteer.body
    assert to_volunteer.subject == "Je VOG verloopt binnenkort"  # volunteers hear "je"
    assert "Je coördinator helpt je daarbij." in to_volunteer.body
    # Dates in Dutch words ("26 december 2026"), in both mails.
    until = formats.date_format(timezone.localdate() + timedelta(days=20))
    assert until in to_volunteer.body and until in to_coordinators.body
    assert to_coordinators.to == ["coordinator@example.org"]
    assert "Vog" not in to_coordinators.body


def test_a_failed_send_is_tried_again_the_next_night(programme, settings):
    active_match(programme, testing.geography()["near"], days_ago=20, last_name="Laat")
    # A real SMTP connection to a closed loopback port: the send fails.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2

    assert run() == 0 and not Reminder.objects.exists()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert run() == 1 and len(mail.outbox) == 1


def test_the_nightly_command_queues_the_work_and_the_worker_runs_it(programme, monkeypatch):
    active_match(programme, testing.geography()["near"], days_ago=20, last_name="Laat")
    # The real worker, in this process: it must not close the test's database connection
    # between tasks, as it does with stale connections in production.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    call_command("nightly", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert mail.outbox == []  # queued, not yet run
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    assert len(mail.outbox) == 1 and Reminder.objects.count() == 1
