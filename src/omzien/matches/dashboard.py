"""The coordinator's morning page: which matches need attention before they break."""

from datetime import date, timedelta

from django.db.models import F, Max
from django.db.models.functions import Coalesce

from omzien.intake.worklists import expiring_certificates

from .models import Match, MatchStatus, Moment

WEEK = timedelta(days=7)
TRIAL_WARNING = timedelta(days=14)


def overdue(user, programme, today: date):
    return _moments(user, programme).overdue(today)


def due_this_week(user, programme, today: date):
    return _moments(user, programme).due_between(today, today + WEEK)


def _moments(user, programme):
    return (
        Moment.objects.visible_to(user)
        .filter(match__programme=programme)
        .select_related(
            "match__request__household", "match__request__youth", "match__offer__volunteer"
        )
        .prefetch_related("match__request__household__parents")
    )


def _active(user, programme):
    return (
        Match.objects.visible_to(user)
        .filter(programme=programme, status=MatchStatus.ACTIVE)
        .select_related("request__household", "request__youth", "offer__volunteer")
        .prefetch_related("request__household__parents")
    )


def without_contact(user, programme, today: date):
    """Active matches whose last contact (or start) is longer ago than the programme allows."""
    limit = today - timedelta(days=programme.programme_type.max_days_without_contact)
    return (
        _active(user, programme)
        .annotate(last_contact=Coalesce(Max("contacts__on"), F("started_on")))
        .filter(last_contact__lt=limit)
        .order_by("last_contact")
    )


def trial_ending(user, programme, today: date):
    """Active matches whose trial period ends within two weeks: time for the trial evaluation."""
    trial = timedelta(days=programme.programme_type.trial_period_days)
    # The trial ends in [today, today + 2 weeks] exactly when the start lies that far back.
    return (
        _active(user, programme)
        .filter(started_on__gte=today - trial, started_on__lte=today + TRIAL_WARNING - trial)
        .order_by("started_on")
    )


def certificates_expiring(user, programme, today: date):
    """Expiring certificates of volunteers who are in a match right now."""
    matched = (
        Match.objects.visible_to(user).filter(programme=programme).open().values("offer__volunteer")
    )
    return expiring_certificates(user, programme, today, today + timedelta(days=60)).filter(
        volunteer__in=matched
    )
