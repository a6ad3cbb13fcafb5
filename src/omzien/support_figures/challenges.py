"""Challenges started from a theme the insight pages flag, and the figures that follow them.

The figures come from `omzien.insight.themes` (already suppressed) for the challenge's
neighbourhood and theme, over a window as long as the one it was started from.
"""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from omzien.insight.scope import scope_of
from omzien.insight.themes import flagged_themes, theme_table
from omzien.vocabulary import Theme

from .models import Challenge, ChallengeFigure

DEFAULT_WINDOW = timedelta(days=364)  # a year up to today


def year_to(today: date) -> tuple[date, date]:
    return today - DEFAULT_WINDOW, today


def programme_ids_of(user) -> list[int]:
    return [p.pk for p in scope_of(user).programmes]


def flagged(municipality, user, start: date | None = None, end: date | None = None):
    """The flagged themes of the last year, as the user's insight pages count them."""
    if start is None or end is None:
        start, end = year_to(timezone.localdate())
    return flagged_themes(municipality, start, end, programme_ids_of(user))


def _parse(municipalities, data) -> tuple:
    municipality = next((m for m in municipalities if m.code == data.get("municipality")), None)
    start, end = parse_date(data.get("start") or ""), parse_date(data.get("end") or "")
    if municipality is None or data.get("theme") not in Theme.values or not (start and end):
        raise ValidationError(_("Dit thema kunnen we niet vinden. Kies het opnieuw."))
    if start > end or end > timezone.localdate():
        raise ValidationError(_("Deze periode klopt niet. Kies het thema opnieuw."))
    return municipality, data["neighbourhood"], Theme(data["theme"]), start, end


def start_from_theme(user, municipalities, data) -> tuple[Challenge, bool]:
    """A challenge for a flagged (neighbourhood, theme), carrying the figures that flagged it.

    The row is looked up again, never taken from the form; an open challenge on the same
    theme and neighbourhood is returned instead of a second one.
    """
    municipality, code, theme, start, end = _parse(municipalities, data)
    programmes = programme_ids_of(user)
    rows = flagged_themes(municipality, start, end, programmes)
    row = next((r for r in rows if r.neighbourhood.code == code and r.theme == theme), None)
    if row is None:
        raise ValidationError(_("Dit thema valt in deze periode niet (meer) op in deze buurt."))
    existing = Challenge.objects.filter(
        neighbourhood=row.neighbourhood, theme=theme, closed_on__isnull=True
    ).first()
    if existing:
        return existing, False
    with transaction.atomic():
        challenge = Challenge.objects.create(
            municipality=municipality,
            neighbourhood=row.neighbourhood,
            theme=theme,
            title=_("%(theme)s in %(place)s")
            % {"theme": theme.label, "place": row.neighbourhood.name},
            description=_("Dit thema kwam in %(place)s %(ratio)s keer zo vaak voor als verwacht.")
            % {"place": row.neighbourhood.name, "ratio": f"{row.ratio:.1f}".replace(".", ",")},
            created_by=user,
        )
        challenge.programmes.set(programmes)
        ChallengeFigure.objects.create(
            challenge=challenge,
            period_start=start,
            period_end=end,
            count=row.count,
            expected=row.expected,
            ratio=row.ratio,
        )
    return challenge, True


def figures_for(challenge: Challenge, start: date, end: date) -> dict:
    """Count, expected count and ratio of the theme in the neighbourhood; hidden with the count."""
    programmes = list(challenge.programmes.values_list("pk", flat=True))
    table = theme_table(challenge.municipality, start, end, programmes)
    key = (challenge.neighbourhood_id, challenge.theme)
    count = table["cells"].get(key)
    pair = table["pairs"].get(key, {}) if count is not None else {}
    expected, ratio = pair.get("expected"), pair.get("ratio")
    return {
        "count": count,
        "expected": None if expected is None else round(expected, 1),
        "ratio": None if ratio is None else round(ratio, 2),
    }


def record_latest(challenge: Challenge, today: date | None = None) -> ChallengeFigure | None:
    """The figures of the window up to today, as long as the first one; None without a theme."""
    if not (challenge.theme and challenge.neighbourhood_id):
        return None
    today = today or timezone.localdate()
    first = challenge.figures.first()
    window = (first.period_end - first.period_start) if first else DEFAULT_WINDOW
    start = today - window
    figure, _created = ChallengeFigure.objects.update_or_create(
        challenge=challenge,
        period_start=start,
        period_end=today,
        defaults=figures_for(challenge, start, today),
    )
    return figure
