"""The outcome report: what the support changed, per instrument and subscale, and how matches
ended. Aggregates only; every count leaves through `suppression.publish`, as the cell of what
it counts, the programmes, the municipality and the period.

Call `outcome_report(programmes, municipality=None, start=None, end=None)`. The insight
app's yearly account and the API use the same function, so every screen shows one truth.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date

from django.db.models import Q
from django.utils.translation import gettext as _

from omzien.access.suppression import cell, publish, threshold
from omzien.matches.models import AS_PLANNED, Match, MatchStatus
from omzien.vocabulary import ClosureReason

from .models import Administration, Instrument, Item, Phase
from .scoring import TOTAL
from .statistics import PairedChange, paired_change

UNKNOWN = "unknown"


@dataclass(frozen=True)
class ChangeRow:
    """The paired change from intake to closure of one instrument's subscale (or total)."""

    instrument: str
    subscale: str  # the subscale's name; "" for the total score (for goals: the T-score)
    n: int | None  # the number of pairs; None when suppressed (never shown as zero)
    change: PairedChange | None  # None when suppressed

    @property
    def suppressed(self) -> bool:
        return self.n is None


@dataclass(frozen=True)
class Share:
    """`count` of `total`, and their ratio; each None when suppressed."""

    count: int | None
    total: int | None
    share: float | None

    @property
    def percent(self) -> int | None:
        return None if self.share is None else round(self.share * 100)


@dataclass(frozen=True)
class OutcomeReport:
    start: date | None
    end: date | None
    threshold: int  # counts from 1 up to (not including) this are suppressed
    changes: list[ChangeRow]
    closures: list[tuple[str, str, int | None]]  # (reason code, label, count)
    closures_total: int | None
    as_planned: Share  # closures that ended as planned
    specialist_care: Share  # closures during which specialist youth care started

    @property
    def is_empty(self) -> bool:
        """Nothing at all in this period: no pairs and no closures."""
        return not self.changes and self.closures_total == 0


def outcome_report(programmes, municipality=None, start=None, end=None) -> OutcomeReport:
    """The report for `programmes` (Programme objects or ids), optionally for the families
    living in one `municipality`, for closures from `start` to `end` (both included)."""
    ids = [getattr(p, "pk", p) for p in programmes]
    place = municipality.code if municipality else "*"

    def published(measure: str, count: int) -> int | None:
        return publish(count, cell(measure, ids, place, start, end))

    return OutcomeReport(
        start,
        end,
        threshold(),
        changes(ids, municipality, start, end, published),
        *closures(ids, municipality, start, end, published),
    )


def lives_in(municipality, prefix: str = "") -> Q:
    if municipality is None:
        return Q()
    return Q(**{f"{prefix}household__postcode_area__municipality": municipality}) | Q(
        **{f"{prefix}youth__postcode_area__municipality": municipality}
    )


def between(field: str, start, end) -> Q:
    q = Q()
    if start:
        q &= Q(**{f"{field}__gte": start})
    if end:
        q &= Q(**{f"{field}__lte": end})
    return q


def changes(ids, municipality, start, end, published) -> list[ChangeRow]:
    """Pairs: a closure answered in the period and the intake of the same request; each row's
    number of pairs is published as its own cell, and the change is hidden with it."""
    answered = Administration.objects.answered().filter(
        lives_in(municipality, "request__"), request__programme__in=ids
    )
    closing = answered.filter(between("answered_on", start, end), phase=Phase.CLOSURE, round=0)
    intake = answered.filter(phase=Phase.INTAKE, request__in=closing.values("request")).values_list(
        "request_id", "instrument_id", "scores"
    )
    before = {(request, instrument): scores for request, instrument, scores in intake}
    values: dict[tuple[int, str], tuple[list, list]] = defaultdict(lambda: ([], []))
    for request, instrument, scores in closing.values_list("request_id", "instrument_id", "scores"):
        first = before.get((request, instrument))
        for subscale, after in scores.items():
            pair = values[(instrument, subscale)]
            pair[0].append(None if first is None else first.get(subscale))
            pair[1].append(after)
    computed = {key: paired_change(*pair) for key, pair in values.items()}
    # A subscale asked only after the start (satisfaction with the volunteer) has no pairs.
    computed = {key: change for key, change in computed.items() if change.n}
    shown = {
        key: published(f"pairs/{key[0]}/{key[1]}", change.n) for key, change in computed.items()
    }
    instruments, order = ordered(computed)
    versions = {pk: instrument.current_version() for pk, instrument in instruments.items()}
    return [
        ChangeRow(
            str(instruments[key[0]]),
            versions[key[0]].subscale_name(key[1]) if versions[key[0]] else key[1],
            shown[key],
            # The change carries its published n: the exact one would undo the rounding.
            None if shown[key] is None else replace(computed[key], n=shown[key]),
        )
        for key in order
    ]


def ordered(keys) -> tuple[dict[int, Instrument], list[tuple[int, str]]]:
    """The instruments, and the rows by instrument name; within one instrument the total
    first, then the subscales in the order of their items."""
    instruments = {i for i, _ in keys}
    found = Instrument.objects.filter(pk__in=instruments).prefetch_related("versions")
    by_pk = {i.pk: i for i in found}
    names = {pk: i.display_name for pk, i in by_pk.items()}
    position: dict[tuple[int, str], int] = {}
    items = Item.objects.filter(version__instrument__in=instruments).order_by(
        "version__number", "position"
    )
    for key in items.values_list("version__instrument_id", "subscale"):
        position.setdefault(key, len(position))
    return by_pk, sorted(
        keys, key=lambda k: (names[k[0]], k[1] != TOTAL, position.get(k, len(position)), k[1])
    )


def closures(ids, municipality, start, end, published) -> tuple:
    """Closures by reason, the share that ended as planned and the share with specialist care.
    The total is the dashboard's cell of matches closed, so both show the same number."""
    ended = Match.objects.filter(
        lives_in(municipality, "request__"),
        between("ended_on", start, end),
        status=MatchStatus.CLOSED,
        request__programme__in=ids,
    ).values_list("closure_reason", "ended_early", "specialist_care")
    reasons, planned, care = Counter(), Counter(), Counter()
    for reason, early, specialist in ended:
        reasons[reason or UNKNOWN] += 1
        if early is None and reason:
            early = reason not in AS_PLANNED
        if early is not None:
            planned["planned" if not early else "early"] += 1
        if specialist is not None:
            care["yes" if specialist else "no"] += 1
    labels = [(code, str(label)) for code, label in ClosureReason.choices]
    labels.append((UNKNOWN, _("niet vastgelegd")))
    rows = [
        (code, label, published(f"closed/{code}", reasons[code]))
        for code, label in labels
        if reasons[code]
    ]
    return (
        rows,
        published("closed", sum(reasons.values())),
        share(planned, "planned", "early", published),
        share(care, "yes", "no", published),
    )


def share(counter: Counter, yes: str, no: str, published) -> Share:
    """`yes` of those known to be `yes` or `no`, each count published as its own cell."""
    total = published(f"closed/{yes}_or_{no}", counter[yes] + counter[no])
    count = published(f"closed/{yes}", counter[yes])
    if count is not None and total is not None:
        count = min(count, total)  # rounded apart, the part could come out above the whole
    ratio = count / total if count is not None and total else None
    return Share(count, total, ratio)
