"""The research export: one row per request of a household or young person who consented to
research, pseudonymised and with small numbers suppressed.

- A new random key per export: the same person gets a different pseudonym in every export, and
  the key is never stored, so nobody can link two exports or go back from a pseudonym.
- No names, contact data, free text, exact dates of birth (birth years only) or postcodes below
  four digits; event dates are given as year and month, durations in days.
- Quasi-identifiers (municipality, PC4 area, programme type, household type) whose value fewer
  people share than the suppression threshold are blanked, through `insight.suppression`.
- The research scope: everyone with a current research consent, within the researcher's
  municipality when their account has one.
"""

import hashlib
import hmac
import secrets
from collections import Counter
from dataclasses import dataclass

from django.db.models import Prefetch, Q, Sum
from django.utils.translation import gettext_lazy as _

from omzien.accounts.models import Role
from omzien.insight.suppression import hidden
from omzien.intake.models import Request
from omzien.matches.models import Match

from .models import Consent, Purpose


@dataclass(frozen=True)
class Column:
    name: str
    label: object
    quasi_identifier: bool = False


COLUMNS = [
    Column("person", _("pseudoniem")),
    Column("kind", _("gezin of jongere")),
    Column("programme_type", _("soort programma"), quasi_identifier=True),
    Column("municipality", _("gemeentecode"), quasi_identifier=True),
    Column("pc4", _("postcodegebied (vier cijfers)"), quasi_identifier=True),
    Column("household_type", _("samenstelling gezin"), quasi_identifier=True),
    Column("birth_years", _("geboortejaren kinderen of jongere")),
    Column("status", _("status hulpvraag")),
    Column("signed_up", _("aangemeld (jaar-maand)")),
    Column("days_waited", _("dagen gewacht tot de koppeling")),
    Column("volunteer", _("pseudoniem vrijwilliger (als die toestemming gaf)")),
    Column("match_started", _("koppeling gestart (jaar-maand)")),
    Column("match_ended", _("koppeling geëindigd (jaar-maand)")),
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
        "youth__postcode_area__municipality",
    ).prefetch_related(
        "household__children", Prefetch("matches", queryset=matches.order_by("started_on"))
    )


def _month(day) -> str:
    return f"{day:%Y-%m}" if day else ""


def _row(request, pseudonym, volunteers_consenting: set[int]) -> dict:
    person = request.household or request.youth
    kind = "household" if request.household_id else "youth"
    births = (
        sorted(c.date_of_birth.year for c in request.household.children.all())
        if request.household_id
        else [request.youth.date_of_birth.year]
    )
    match = next(iter(request.matches.all()), None)
    row = {
        "person": pseudonym(kind, person.pk),
        "kind": kind,
        "programme_type": request.programme.programme_type.slug,
        "municipality": person.postcode_area.municipality.code
        if person.postcode_area.municipality_id
        else "",
        "pc4": person.postcode_area.pc4,
        "household_type": request.household.household_type if request.household_id else "",
        "birth_years": ";".join(str(y) for y in births),
        "status": request.status,
        "signed_up": _month(request.signed_up_at),
        "days_waited": "",
    }
    row.update(_match_columns(match, request, pseudonym, volunteers_consenting))
    return row


def _match_columns(match, request, pseudonym, volunteers_consenting) -> dict:
    if match is None:
        return dict.fromkeys(
            (
                "volunteer",
                "match_started",
                "match_ended",
                "match_days",
                "closure_reason",
                "ended_early",
                "specialist_care",
                "volunteer_hours",
            ),
            "",
        )
    volunteer = match.offer.volunteer_id
    waited = (match.started_on - request.waiting_since).days if request.waiting_since else ""
    return {
        "volunteer": pseudonym("volunteer", volunteer)
        if volunteer in volunteers_consenting
        else "",
        "days_waited": waited,
        "match_started": _month(match.started_on),
        "match_ended": _month(match.ended_on),
        "match_days": (match.ended_on - match.started_on).days if match.ended_on else "",
        "closure_reason": match.closure_reason,
        "ended_early": "" if match.ended_early is None else int(match.ended_early),
        "specialist_care": "" if match.specialist_care is None else int(match.specialist_care),
        "volunteer_hours": match.hours or 0,
    }


def suppress_small_groups(rows: list[dict]) -> list[dict]:
    """Blank each quasi-identifier value that fewer people share than the threshold."""
    for column in (c.name for c in COLUMNS if c.quasi_identifier):
        people = Counter()
        seen = set()
        for row in rows:
            if (row["person"], row[column]) not in seen:
                seen.add((row["person"], row[column]))
                people[row[column]] += 1
        # Rows carry no label for a blanked value, so no total per value can be subtracted from:
        # hiding the small groups themselves is enough.
        for row in rows:
            if hidden(people[row[column]]):
                row[column] = ""
    return rows


def export_rows(user) -> list[dict]:
    pseudonym = pseudonymiser()
    volunteers = set(consenting("volunteer").values_list("volunteer", flat=True))
    rows = [_row(r, pseudonym, volunteers) for r in requests_for(user).order_by("?")]
    return suppress_small_groups(rows)
