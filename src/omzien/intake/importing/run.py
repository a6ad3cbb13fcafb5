"""One import: a dry run that reports on every row, or an import that is all or nothing."""

from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from omzien.programmes.models import Programme

from . import households, volunteers
from .memory import collector_paused
from .reading import Table
from .rows import CREATE, ERROR, SKIP, Context, Problem, RowCheck, RowResult

KINDS: dict[str, ModuleType] = {"households": households, "volunteers": volunteers}
CHUNK = 500  # rows between two progress updates while checking
SAVE_CHUNK = 5_000  # rows per insert round, each followed by a progress update

# Told the phase ("controleren", "opslaan"), the rows done and the rows in all.
Progress = Callable[[str, int, int], None]


def no_progress(phase: str, done: int, total: int) -> None:
    """For callers that do not show progress."""


@dataclass
class Report:
    label: str
    programme: str
    dry_run: bool
    ignored_columns: list[str] = field(default_factory=list)
    refusal: str = ""  # why nothing in this file can go into this programme
    rows: list[RowResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    saved: bool = False

    def count(self, outcome: str) -> int:
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def counts(self) -> dict[str, int]:
        return {outcome: self.count(outcome) for outcome in (CREATE, SKIP, ERROR)}

    @property
    def ok(self) -> bool:
        return not (self.refusal or self.problems)


def run(
    table: Table,
    programme: Programme,
    user: Any,
    *,
    dry_run: bool,
    progress: Progress = no_progress,
) -> Report:
    with collector_paused():
        return checked_and_loaded(table, programme, user, dry_run, progress)


def checked_and_loaded(
    table: Table, programme: Programme, user: Any, dry_run: bool, progress: Progress
) -> Report:
    kind = KINDS[table.layout.kind]
    report = Report(
        label=str(table.layout.label),
        programme=programme.name,
        dry_run=dry_run,
        ignored_columns=table.ignored_columns,
        refusal=kind.refusal(programme),
    )
    if report.refusal:
        return report
    context = Context(programme=programme, user=user, now=timezone.now())
    if dry_run:
        check_rows(table, kind, context, report, progress)
        return report
    with transaction.atomic():
        # Two imports into one programme at once would both miss each other's rows.
        Programme.objects.select_for_update().get(pk=programme.pk)
        planned = check_rows(table, kind, context, report, progress)
        if report.ok:
            write(planned, kind, context, progress)
            report.saved = True
    return report


def check_rows(
    table: Table, kind: ModuleType, context: Context, report: Report, progress: Progress
) -> list:
    """Check every row, fill the report, and return what would be created."""
    known = kind.existing(context.programme)
    first_rows: dict[tuple, int] = {}
    planned = []
    total = len(table.rows)
    for done, (number, cells) in enumerate(table.rows, start=1):
        row = RowCheck(number, cells)
        plan = kind.check(row, context)
        result = outcome(row, plan, known, first_rows)
        report.rows.append(result)
        if result.outcome == CREATE:
            planned.append(plan)
        elif result.outcome == ERROR:
            report.problems.extend(row.problems)
        for key in plan.keys:
            first_rows.setdefault(key, number)
        if done % CHUNK == 0 or done == total:
            progress(_("controleren"), done, total)
    return planned


def outcome(row: RowCheck, plan: Any, known: set[tuple], first_rows: dict[tuple, int]) -> RowResult:
    key = plan.keys[0] if plan.keys else None
    if key in known:
        return RowResult(row.number, plan.label, SKIP, [_("Al aanwezig, overgeslagen.")])
    if key in first_rows:
        note = _("Staat al in rij %(row)s van dit bestand, overgeslagen.") % {
            "row": first_rows[key]
        }
        return RowResult(row.number, plan.label, SKIP, [note])
    if row.problems:
        return RowResult(row.number, plan.label, ERROR, [p.detail for p in row.problems])
    return RowResult(row.number, plan.label, CREATE, [plan.summary])


def write(planned: list, kind: ModuleType, context: Context, progress: Progress) -> None:
    total = len(planned)
    for start in range(0, total, SAVE_CHUNK):
        kind.save(planned[start : start + SAVE_CHUNK], context)
        progress(_("opslaan"), min(start + SAVE_CHUNK, total), total)
