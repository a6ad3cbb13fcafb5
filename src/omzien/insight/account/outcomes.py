"""The outcome report of the outcomes app as tables of the yearly account.

The statistics are the outcomes app's own (`outcome_report`); this only lays them out.
"""

from django.utils.translation import gettext_lazy as _

from omzien.outcomes.report import OutcomeReport

from ..tables import COUNT, DECIMAL, PERCENT, Column, Figure, Row

SCORE_COLUMNS = [
    Column("n", _("paren"), COUNT),
    Column("mean_before", _("gemiddeld bij intake"), DECIMAL),
    Column("mean_after", _("gemiddeld bij afsluiting"), DECIMAL),
    Column("mean_change", _("verandering"), DECIMAL),
    Column("ci_low", _("95%-interval van"), DECIMAL),
    Column("ci_high", _("95%-interval tot"), DECIMAL),
    Column("effect_size", _("effectgrootte (d_z)"), DECIMAL),
]
CHANGE_FIELDS = ("mean_before", "mean_after", "mean_change", "ci_low", "ci_high", "effect_size")


def rounded(value) -> float | None:
    return None if value is None else round(float(value), 2)


def changes(report: OutcomeReport) -> Figure:
    rows = []
    for row in report.changes:
        values = {"n": row.n} | {
            name: rounded(getattr(row.change, name, None)) if row.change else None
            for name in CHANGE_FIELDS
        }
        # A figure that could not be computed (too few pairs for an interval) is not hidden.
        absent = frozenset(
            name for name in CHANGE_FIELDS if row.n is not None and values[name] is None
        )
        label = f"{row.instrument} – {row.subscale}" if row.subscale else str(row.instrument)
        rows.append(Row(f"{row.instrument}:{row.subscale}", label, values, absent))
    return Figure(
        key="outcomes",
        title=_("Resultaten"),
        explanation=_(
            "Hoe de scores op de vragenlijsten veranderden van de intake tot de afsluiting, "
            "bij dezelfde gezinnen en jongeren (paren). De effectgrootte d_z is de gemiddelde "
            "verandering gedeeld door de spreiding ervan."
        ),
        columns=SCORE_COLUMNS,
        rows=rows,
        empty=not rows,
        row_heading=_("vragenlijst"),
    )


def closures(report: OutcomeReport) -> Figure:
    return Figure(
        key="closures",
        title=_("Afsluitingen"),
        explanation=_("Waarom de koppelingen die in het jaar eindigden, zijn afgesloten."),
        columns=[Column("closed", _("afgesloten"))],
        rows=[Row(code, label, {"closed": count}) for code, label, count in report.closures],
        total=Row("total", _("Totaal"), {"closed": report.closures_total}),
        empty=report.closures_total == 0,
        row_heading=_("reden"),
    )


def shares(report: OutcomeReport) -> Figure:
    def row(key, label, share) -> Row:
        percent = None if share.share is None else round(100 * share.share, 1)
        return Row(key, label, {"count": share.count, "total": share.total, "percent": percent})

    return Figure(
        key="closure_shares",
        title=_("Zoals gepland, en met specialistische hulp"),
        explanation=_(
            "Van de afgesloten koppelingen waarvan het bekend is: hoeveel liepen zoals gepland, "
            "en bij hoeveel startte tijdens de koppeling specialistische jeugdhulp."
        ),
        columns=[
            Column("count", _("aantal")),
            Column("total", _("van")),
            Column("percent", _("percentage"), PERCENT),
        ],
        rows=[
            row("as_planned", _("zoals gepland afgesloten"), report.as_planned),
            row("specialist_care", _("specialistische jeugdhulp gestart"), report.specialist_care),
        ],
        empty=report.closures_total == 0,
        row_heading=_("uitkomst"),
    )
