"""Check-ins and evaluations, planned from the programme type's schedule when a match starts."""

from datetime import date, timedelta

from .models import Match, Moment, MomentKind


def plan_moments(match: Match, started_on: date) -> list[Moment]:
    """One moment per entry of the schedule, counted from the start of the match."""
    schedule = match.request.programme.programme_type.schedule
    return Moment.objects.bulk_create(
        Moment(
            match=match, kind=item["kind"], due_on=started_on + timedelta(days=item["after_days"])
        )
        for item in schedule
    )


def plan_closing_evaluation(match: Match, today: date) -> Moment:
    return Moment.objects.create(match=match, kind=MomentKind.CLOSING_EVALUATION, due_on=today)
