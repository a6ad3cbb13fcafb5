"""Check-ins and evaluations of the demo's running matches: most done on time, a few overdue."""

from datetime import date

from django.db.models import F

from omzien.matches.models import Match, MatchStatus, Moment
from omzien.matches.schedule import plan_moments

# Every this-many-th running match has let its past moments slide, so the morning page has work.
OVERDUE_EVERY = 3


def create_moments(matches: list[Match], today: date) -> None:
    running = [m for m in matches if m.status in RUNNING and m.started_on]
    for index, match in enumerate(
        sorted(running, key=lambda m: (m.started_on, m.request.signed_up_at))
    ):
        moments = plan_moments(match, match.started_on)
        if index % OVERDUE_EVERY:
            past = [m.pk for m in moments if m.due_on < today]
            Moment.objects.filter(pk__in=past).update(done_on=F("due_on"))


RUNNING = {MatchStatus.ACTIVE, MatchStatus.PAUSED, MatchStatus.CLOSING}
