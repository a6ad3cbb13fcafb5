"""The dashboard: its figures in order, and the same figures as plain data for the API.

`dashboard_figures(filters)` is what the API publishes: the dashboard's own suppressed
numbers, so that both always agree.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from omzien.access.suppression import threshold

from .figures.areas import by_area
from .figures.matches import active_trend, new_and_closed, time_to_match
from .figures.volunteers import volunteers_and_hours
from .figures.waiting import waiting_trend
from .places import level_for
from .scope import Filters
from .tables import COUNT, DAYS, HOURS, Column, Figure, Row

REACH_COLUMNS = ("households", "youth", "households_with_children", "per_thousand")


def reach(area_figure: Figure, level) -> Figure:
    """The reach columns of the per-area table."""
    columns = [c for c in area_figure.columns if c.key in REACH_COLUMNS]
    return Figure(
        key="reach",
        title=_("Bereik per %(level)s") % {"level": level.label},
        explanation=_(
            "Hoeveel gezinnen en jongeren een koppeling hadden die in de periode liep, naast "
            "het aantal huishoudens met kinderen dat daar woont (CBS), en het bereik per 1.000 "
            "van die huishoudens."
        ),
        columns=columns,
        rows=area_figure.rows,
        total=area_figure.total,
        empty=area_figure.empty,
        row_heading=level.label,
    )


def key_figures(waiting, timing, active, flows, volunteers, areas) -> Figure:
    last = waiting.rows[-1].values if waiting.rows else {}
    rows = [
        (_("Wachtend op de laatste dag"), last.get("waiting"), COUNT),
        (_("Mediaan dagen gewacht"), last.get("median_days"), DAYS),
        (_("Mediaan dagen van aanmelding tot match"), timing.total.values["median"], DAYS),
        (_("80e percentiel dagen tot match"), timing.total.values["p80"], DAYS),
        (_("Lopende koppelingen op de laatste dag"), active.rows[-1].values["active"], COUNT),
        (_("Nieuwe koppelingen"), flows.total.values["new"], COUNT),
        (_("Afgesloten koppelingen"), flows.total.values["closed"], COUNT),
        (_("Actieve vrijwilligers"), volunteers.total.values["volunteers"], COUNT),
        (_("Uren van vrijwilligers"), volunteers.total.values["hours"], HOURS),
        (_("Gezinnen bereikt"), areas.total.values["households"], COUNT),
        (_("Jongeren bereikt"), areas.total.values["youth"], COUNT),
    ]
    keys = [
        "waiting", "median_days_waited", "median_days_to_match", "p80_days_to_match",
        "active", "new", "closed", "volunteers", "hours", "households", "youth",
    ]  # fmt: skip
    return Figure(
        key="key_figures",
        title=_("Kerncijfers"),
        explanation=_("De belangrijkste cijfers van de gekozen periode in één overzicht."),
        columns=[Column("value", _("waarde"))],
        rows=[
            Row(key, label, {"value": value}, kind=kind)
            for key, (label, value, kind) in zip(keys, rows, strict=True)
        ],
        empty=all(f.empty for f in (waiting, timing, active, flows, volunteers, areas)),
        row_heading=_("cijfer"),
    )


def remembered(what: str, filters: Filters, level: str | None, make):
    """Published figures made at most once per OMZIEN_FIGURES_SECONDS for the same question.

    Counting a million matches costs about a second of a core: without this every analyst's
    reload and every monitor's poll counts them again. Only suppressed figures are kept, keyed
    by all they depend on: the question (period, programmes, place, level), the language, the
    day and the threshold. The running month's figures are therefore at most that old."""
    seconds = settings.OMZIEN_FIGURES_SECONDS
    if not seconds:
        return make()
    question = (
        what, filters.start, filters.end, sorted(filters.programmes),
        getattr(filters.municipality, "pk", None), getattr(filters.district, "pk", None), level,
        translation.get_language(), timezone.localdate(), threshold(),
    )  # fmt: skip
    key = "figures:" + hashlib.sha256(repr(question).encode()).hexdigest()
    return cache.get_or_set(key, make, seconds)


def dashboard(filters: Filters, level: str | None = None) -> list[Figure]:
    """Every figure of the dashboard, key figures first."""
    return remembered("dashboard", filters, level, lambda: made_dashboard(filters, level))


def made_dashboard(filters: Filters, level: str | None) -> list[Figure]:
    area_level = level_for(filters, level)
    waiting, timing = waiting_trend(filters), time_to_match(filters)
    active, flows = active_trend(filters), new_and_closed(filters)
    volunteers = volunteers_and_hours(filters)
    areas, _shapes = by_area(filters, area_level)
    summary = key_figures(waiting, timing, active, flows, volunteers, areas)
    return [summary, waiting, timing, active, flows, volunteers, reach(areas, area_level)]


def dashboard_figures(filters: Filters, level: str | None = None) -> dict:
    """The dashboard's figures as JSON-ready data.

    Returns {"start", "end" (ISO dates), "threshold" (counts from 1 up to this are hidden),
    "filters" (the choices in words), "empty" (nothing happened in the period),
    "figures": {key: Figure.as_dict()}}. In each row, a value of None is hidden by
    small-number suppression (listed in "suppressed") or has no source figure (listed in
    "unavailable"); it is never zero.
    """
    figures = dashboard(filters, level)
    return {
        "start": filters.start.isoformat(),
        "end": filters.end.isoformat(),
        "threshold": threshold(),
        "filters": {str(k): str(v) for k, v in filters.labels.items()},
        "empty": figures[0].empty,
        "figures": {figure.key: figure.as_dict() for figure in figures},
    }
