"""The research export: one row per request of a household or young person who consented to
research, pseudonymised and k-anonymous.

- A new random key per export: the same person gets a different pseudonym in every export, and
  the key is never stored, so nobody can link two exports or go back from a pseudonym.
- No names, contact data, free text, dates of birth, volunteers or exact dates of the match;
  durations in days.
- The quasi-identifiers (what an outsider may know of a family: programme type, area, household
  type, the children's ages, when they signed up) are generalised as little as possible so that
  every published combination is shared by at least the suppression threshold of people; rows
  still standing alone are withheld (`k_anonymity`). The export's description says how.
- The research scope: everyone with a current research consent, within the researcher's
  municipality when their account has one.
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.db.models import Prefetch, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from omzien.accounts.models import Role
from omzien.insight.suppression import threshold
from omzien.intake.models import Request
from omzien.matches.models import Match

from .k_anonymity import Ladder, Outcome, Step, anonymise
from .models import Consent, Purpose


@dataclass(frozen=True)
class Column:
    name: str
    label: object
    quasi_identifier: bool = False


COLUMNS = [
    Column("person", _("pseudoniem")),
    Column("kind", _("gezin of jongere"), quasi_identifier=True),
    Column("programme_type", _("soort programma"), quasi_identifier=True),
    Column("area", _("gebied (postcode, wijk of gemeente)"), quasi_identifier=True),
    Column("household_type", _("samenstelling gezin"), quasi_identifier=True),
    Column(
        "children_ages", _("leeftijd kinderen of jongere bij aanmelding"), quasi_identifier=True
    ),
    Column("signed_up", _("aangemeld (maand, kwartaal of jaar)"), quasi_identifier=True),
    Column("status", _("status hulpvraag")),
    Column("days_waited", _("dagen gewacht tot de koppeling")),
    Column("match_days", _("duur koppeling (dagen)")),
    Column("closure_reason", _("reden van afsluiten")),
    Column("ended_early", _("eerder gestopt")),
    Column("specialist_care", _("specialistische jeugdhulp gestart")),
    Column("volunteer_hours", _("uren vrijwilliger")),
]


def pseudonymiser(key: bytes | None = None):
    key = key or secrets.token_bytes(32)

    def pseudonym(kind: str, pk: int) -> str:
        return hmac.new(key, f"{kind}:{pk}".encode(), hashlib.sha256).hexdigest()[:16]

    return pseudonym


def consenting(kind: str):
    return (
        Consent.objects.for_purpose(Purpose.RESEARCH)
        .filter(**{f"{kind}__isnull": False})
        .values(kind)
    )


def requests_for(user):
    """The research scope: requests of people with a current research consent."""
    if not user.has_role(Role.RESEARCHER):
        return Request.objects.none()
    requests = Request.objects.filter(
        household__in=consenting("household")
    ) | Request.objects.filter(youth__in=consenting("youth"))
    if user.municipality_id:
        requests = requests.filter(
            Q(household__postcode_area__municipality=user.municipality_id)
            | Q(youth__postcode_area__municipality=user.municipality_id)
        )
    matches = (
        Match.objects.exclude(started_on=None)
        .select_related("offer")
        .annotate(hours=Sum("contacts__hours"))
    )
    return requests.select_related(
        "programme__programme_type",
        "household__postcode_area__municipality",
        "household__postcode_area__neighbourhood__district",
        "youth__postcode_area__municipality",
        "youth__postcode_area__neighbourhood__district",
    ).prefetch_related(
        "household__children", Prefetch("matches", queryset=matches.order_by("started_on"))
    )


@dataclass(frozen=True)
class Place:
    pc4: str
    district: str
    municipality: str


def _place(area) -> Place:
    municipality = area.municipality.code if area.municipality_id else ""
    hood = area.neighbourhood
    # Without a known district the municipality is the finest area that is safe to give.
    district = hood.district.code if hood else municipality
    return Place(area.pc4, district, municipality)


def _band(age: int, edges: tuple[int, ...]) -> str:
    """The age band of `age`, with bands starting at each edge: (0, 4, 12) gives 4-11."""
    start = max(edge for edge in edges if edge <= max(age, 0))
    later = [edge for edge in edges if edge > start]
    return f"{start}-{later[0] - 1}" if later else f"{start}+"


def _bands(edges: tuple[int, ...]):
    return lambda ages: ";".join(_band(age, edges) for age in ages)


def _count(ages) -> str:
    return str(len(ages)) if len(ages) < 3 else "3+"


def _nothing(_value) -> str:
    return ""


NOT_GIVEN = Step(_("niet gegeven"), _nothing)
LADDERS = (
    Ladder("kind", [Step(_("gezin of jongere"), str)]),
    Ladder("programme_type", [Step(_("soort programma"), str), NOT_GIVEN]),
    Ladder(
        "area",
        [
            Step(_("postcodegebied (vier cijfers)"), lambda p: p.pc4),
            Step(_("wijk (wijkcode van het CBS)"), lambda p: p.district),
            Step(_("gemeente (gemeentecode van het CBS)"), lambda p: p.municipality),
            NOT_GIVEN,
        ],
    ),
    Ladder("household_type", [Step(_("samenstelling gezin"), str), NOT_GIVEN]),
    Ladder(
        "children_ages",
        [
            Step(_("leeftijdsgroep per kind: 0-3, 4-11, 12-17 of 18+"), _bands((0, 4, 12, 18))),
            Step(_("leeftijdsgroep per kind: 0-11 of 12+"), _bands((0, 12))),
            Step(_("alleen het aantal kinderen: 1, 2 of 3+"), _count),
            NOT_GIVEN,
        ],
    ),
    Ladder(
        "signed_up",
        [
            Step(_("per maand (2025-03)"), lambda day: f"{day:%Y-%m}"),
            Step(
                _("per kwartaal (2025-Q1)"), lambda day: f"{day.year}-Q{(day.month - 1) // 3 + 1}"
            ),
            Step(_("per jaar (2025)"), lambda day: str(day.year)),
            NOT_GIVEN,
        ],
    ),
)


def _row(request, pseudonym) -> dict:
    person = request.household or request.youth
    kind = "household" if request.household_id else "youth"
    signed_up = timezone.localdate(request.signed_up_at)
    births = (
        [c.date_of_birth for c in request.household.children.all()]
        if request.household_id
        else [request.youth.date_of_birth]
    )
    match = next(iter(request.matches.all()), None)
    row = {
        "person": pseudonym(kind, person.pk),
        "kind": kind,
        "programme_type": request.programme.programme_type.slug,
        "area": _place(person.postcode_area),
        "household_type": request.household.household_type if request.household_id else "",
        "children_ages": tuple(sorted(signed_up.year - born.year for born in births)),
        "status": request.status,
        "signed_up": signed_up,
        "days_waited": "",
    }
    row.update(_match_columns(match, request))
    return row


def _match_columns(match, request) -> dict:
    if match is None:
        return dict.fromkeys(
            (
                "match_days",
                "closure_reason",
                "ended_early",
                "specialist_care",
                "volunteer_hours",
            ),
            "",
        )
    waited = (match.started_on - request.waiting_since).days if request.waiting_since else ""
    return {
        "days_waited": waited,
        "match_days": (match.ended_on - match.started_on).days if match.ended_on else "",
        "closure_reason": match.closure_reason,
        "ended_early": "" if match.ended_early is None else int(match.ended_early),
        "specialist_care": "" if match.specialist_care is None else int(match.specialist_care),
        "volunteer_hours": match.hours or 0,
    }


def collect_rows(user) -> list[dict]:
    """The rows before anonymisation: quasi-identifiers still at their most precise."""
    pseudonym = pseudonymiser()
    return [_row(r, pseudonym) for r in requests_for(user).order_by("?")]


def export(user) -> Outcome:
    return anonymise(collect_rows(user), LADDERS, threshold(), person=lambda row: row["person"])


def description(outcome: Outcome) -> list[str]:
    """What the export says about itself: how it was generalised and how many rows it left out."""
    labels = {c.name: c.label for c in COLUMNS}
    lines = [
        _(
            "Om niemand herkenbaar te maken, zijn sommige kolommen grover gemaakt. Elke "
            "combinatie van de kolommen hieronder komt bij minstens %(k)s mensen voor."
        )
        % {"k": outcome.k}
    ]
    lines += [f"{labels[column]}: {step.label}" for column, step in outcome.steps()]
    lines.append(
        ngettext(
            "Weggelaten: %(count)s rij (die hoorde daarna nog bij een groep van minder dan "
            "%(k)s mensen).",
            "Weggelaten: %(count)s rijen (die hoorden daarna nog bij een groep van minder dan "
            "%(k)s mensen).",
            outcome.withheld,
        )
        % {"count": outcome.withheld, "k": outcome.k}
    )
    return [str(line) for line in lines]
