"""Monthly roll-ups: the raw counts of every closed month per programme and home area, so that
a dashboard sums a few rows per month and area instead of counting the matches again.

`rebuild` (the task worker, nightly, and `load_demo`) counts every closed month again from
scratch: a backdated change in any month, however old, shows the next morning. It is a
handful of grouped queries and one pass over the matches and the waits (about 2 minutes for
a million matches), simpler and safer than tracking which months a change touched.

The figures ask `split` which months of a period the roll-ups answer; the rest (the
month that is still running, or a month closed since the last rebuild) is counted live, so
figures are never stale. The counts are raw: every figure sums them with its live part and
publishes the sum through `access.suppression.publish`, exactly as a live count.
"""

import time
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date, timedelta

import numpy as np
from django.db import transaction
from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from omzien.intake.models import Request
from omzien.matches.models import OPEN_MATCH_STATUSES, Contact, Match, MatchStatus

from .models import Measure, MonthlyFigure, RollupBuild
from .periods import Month, first_of, last_of, shift
from .places import Level, area_of
from .running import running_on
from .waits import waits

BATCH = 5000


def home(prefix: str = ""):
    """The postcode area of the family's or young person's home, as `places.area_of` reads it."""
    return Coalesce(F(f"{prefix}household__postcode_area"), F(f"{prefix}youth__postcode_area"))


# Building


def rebuild(today=None) -> RollupBuild:
    """Count every month before `today`'s month again and replace the roll-ups at once."""
    started_at = time.monotonic()
    today = today or timezone.localdate()
    through = shift(first_of(today), -1)
    last_day = first_of(today) - timedelta(days=1)
    rows = [
        *_started(last_day),
        *_closed(last_day),
        *_active(through, last_day),
        *_waiting(through, last_day),
        *_hours(last_day),
    ]
    with transaction.atomic():
        MonthlyFigure.objects.all().delete()
        MonthlyFigure.objects.bulk_create(rows, batch_size=BATCH)
        return RollupBuild.objects.create(
            through=through, seconds=round(time.monotonic() - started_at, 2)
        )


def _row(measure, month, programme, area, count, days=None, hours=0) -> MonthlyFigure:
    return MonthlyFigure(
        month=month, measure=measure, programme_id=programme, postcode_area_id=area,
        days=days, count=count, hours=hours,
    )  # fmt: skip


def _started(last_day) -> list[MonthlyFigure]:
    """Matches started per month, by days from sign-up to start (time to match)."""
    counts = Counter()
    matches = Match.objects.filter(started_on__lte=last_day).annotate(area=home("request__"))
    fields = ("started_on", "request__signed_up_at", "programme", "area")
    for started_on, signed_up_at, programme, area in matches.values_list(*fields).iterator():
        waited = (started_on - timezone.localdate(signed_up_at)).days
        counts[first_of(started_on), programme, area, waited] += 1
    return [_row(Measure.STARTED, m, p, a, n, days=d) for (m, p, a, d), n in counts.items()]


def _closed(last_day) -> list[MonthlyFigure]:
    rows = (
        Match.objects.filter(status=MatchStatus.CLOSED, ended_on__lte=last_day)
        .annotate(month=TruncMonth("ended_on"), area=home("request__"))
        .values("month", "programme", "area")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [_row(Measure.CLOSED, r["month"], r["programme"], r["area"], r["n"]) for r in rows]


def _active(through, last_day) -> list[MonthlyFigure]:
    """Matches running on each month's last day (`figures.matches.running_on`): from the month
    they started up to the month before they ended, or to `through` when still open."""
    rows = (
        Match.objects.filter(started_on__lte=last_day)
        .filter(Q(ended_on__isnull=False) | Q(status__in=OPEN_MATCH_STATUSES))
        .annotate(
            first=TruncMonth("started_on"), end=TruncMonth("ended_on"), area=home("request__")
        )
        .values("first", "end", "programme", "area")
        .annotate(n=Count("pk"))
        .order_by()
    )
    changes = defaultdict(Counter)  # per programme and area: +n from a month, -n from another
    for r in rows:
        key = (r["programme"], r["area"])
        changes[key][r["first"]] += r["n"]
        if r["end"] is not None:
            changes[key][r["end"]] -= r["n"]
    result = []
    for (programme, area), change in changes.items():
        month, running = min(change), 0
        while month <= through:
            running += change.get(month, 0)
            if running:
                result.append(_row(Measure.ACTIVE, month, programme, area, running))
            month = shift(month, 1)
    return result


def _waiting(through, last_day) -> list[MonthlyFigure]:
    """Per month: who waits on its last day, by days waited; and how many waits touch it."""
    requests = Request.objects.filter(waiting_since__isnull=False, waiting_since__lte=last_day)
    waiting, touching = Counter(), Counter()
    for since, until, programme, area in waits(
        requests, chunk_size=BATCH, of=F("programme"), area=home()
    ):
        month = first_of(date.fromordinal(since))
        while month <= through and month.toordinal() < until:
            end = last_of(month).toordinal()
            touching[month, programme, area] += 1
            if since <= end < until:
                waiting[month, programme, area, end - since] += 1
            month = shift(month, 1)
    return [_row(Measure.WAITS, m, p, a, n) for (m, p, a), n in touching.items()] + [
        _row(Measure.WAITING, m, p, a, n, days=d) for (m, p, a, d), n in waiting.items()
    ]


def _hours(last_day) -> list[MonthlyFigure]:
    rows = (
        Contact.objects.filter(on__lte=last_day)
        .annotate(month=TruncMonth("on"), area=home("match__request__"))
        .values("month", "match__programme", "area")
        .annotate(n=Count("pk"), hours=Sum("hours"))
        .order_by()
    )
    return [
        _row(
            Measure.HOURS,
            r["month"],
            r["match__programme"],
            r["area"],
            r["n"],
            hours=r["hours"] or 0,
        )
        for r in rows
    ]


# Reading


def split(filters) -> tuple[list[Month], object]:
    """The months of `filters` that the roll-ups answer (whole, closed months from the first
    on, up to the last one built), and the filters for the rest (None when nothing is left)."""
    build = RollupBuild.objects.order_by("-built_at", "-pk").values_list("through").first()
    months, current = filters.months, first_of(timezone.localdate())
    rolled = []
    for month in months:
        whole = month.start.day == 1 and month.end == last_of(month.start)
        if build is None or not whole or month.start > build[0] or month.start >= current:
            break
        rolled.append(month)
    rest = None if len(rolled) == len(months) else replace(filters, start=months[len(rolled)].start)
    return rolled, rest


def running(filters, rest, level: Level | None = None) -> dict | None:
    """Matches running at the end of each live month of `rest`, per month key (or, at
    `level`, per area at the end of `rest`): the roll-ups' count at the end of the month
    before, less those of them that ended since, plus those started since that still run.
    Two reads through the start and end dates instead of every match; None when the
    roll-ups do not hold the month before."""
    before = shift(rest.start, -1)
    if not _built_through(before):
        return None
    eve = last_of(before)
    months = rest.months[-1:] if level else rest.months
    base = counts(filters, Measure.ACTIVE, [Month(before, eve)], level)
    since = Q(started_on__lte=eve, ended_on__gt=eve, ended_on__lte=rest.end) | Q(
        started_on__gt=eve, started_on__lte=rest.end
    )
    changes = {}
    for m in months:
        changes[f"gone_{m.key}"] = Count("pk", filter=Q(started_on__lte=eve, ended_on__lte=m.end))
        changes[f"new_{m.key}"] = Count("pk", filter=Q(started_on__gt=eve) & running_on(m.end))
    matches = rest.matches().filter(since)
    if level is None:
        change = matches.aggregate(**changes)
        total = sum(base.values())
        return {m.key: total - change[f"gone_{m.key}"] + change[f"new_{m.key}"] for m in months}
    rows = matches.annotate(area=area_of("request__", level)).values("area")
    result = dict(base)
    key = months[0].key
    for row in rows.annotate(**changes).order_by():
        change = row[f"new_{key}"] - row[f"gone_{key}"]
        result[row["area"]] = result.get(row["area"], 0) + change
    return result


def _built_through(month) -> bool:
    build = RollupBuild.objects.order_by("-built_at", "-pk").values_list("through").first()
    return build is not None and build[0] >= month


def rows_of(filters, measure: str, months: list[Month]) -> QuerySet:
    """The roll-up rows of `measure` in `months`, for the programmes and place chosen."""
    if not months:
        return MonthlyFigure.objects.none()
    queryset = MonthlyFigure.objects.filter(
        measure=measure,
        month__range=(months[0].start, months[-1].start),
        programme__in=filters.programmes,
    )
    if filters.district is not None:
        return queryset.filter(postcode_area__neighbourhood__district=filters.district)
    if filters.municipality is not None:
        return queryset.filter(postcode_area__municipality=filters.municipality)
    return queryset


def counts(filters, measure: str, months: list[Month], level: Level | None = None) -> dict:
    """Summed counts per month key, or per area at `level`."""
    key = F(f"postcode_area__{level.path}") if level else F("month")
    rows = (
        rows_of(filters, measure, months)
        .annotate(key=key)
        .values("key")
        .annotate(n=Sum("count"))
        .order_by()
    )
    if level:
        return {r["key"]: r["n"] for r in rows}
    return {r["key"].strftime("%Y-%m"): r["n"] for r in rows}


def days(filters, measure: str, months: list[Month], level: Level | None = None) -> dict:
    """Days waited, one value per person (as the live figures have them), per month key or
    per area at `level`."""
    key = F(f"postcode_area__{level.path}") if level else F("month")
    rows = (
        rows_of(filters, measure, months)
        .annotate(key=key)
        .values("key", "days")
        .annotate(n=Sum("count"))
        .order_by()
    )
    grouped = defaultdict(lambda: ([], []))
    for r in rows:
        name = r["key"] if level else r["key"].strftime("%Y-%m")
        grouped[name][0].append(r["days"])
        grouped[name][1].append(r["n"])
    return {name: np.repeat(d, n) for name, (d, n) in grouped.items()}


def hours(filters, months: list[Month], level: Level | None = None) -> dict:
    """Hours logged per month key or per area; a key is present when any contact was logged."""
    key = F(f"postcode_area__{level.path}") if level else F("month")
    rows = (
        rows_of(filters, Measure.HOURS, months)
        .annotate(key=key)
        .values("key")
        .annotate(hours=Sum("hours"))
        .order_by()
    )
    if level:
        return {r["key"]: r["hours"] for r in rows}
    return {r["key"].strftime("%Y-%m"): r["hours"] for r in rows}
