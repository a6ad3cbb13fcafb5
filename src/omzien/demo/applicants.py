"""A household or young person with a request, built in memory first and saved when kept.

Drafts are cheap to throw away: the generator draws a family, checks it against the
volunteers, and only then writes it.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from omzien.accounts.models import User
from omzien.geo.models import distance_km
from omzien.intake.models import Offer, Referral, Request
from omzien.people.models import Child, Household, Parent, Youth
from omzien.privacy.models import Consent, ConsentSource, Purpose

from .accounts import REFERRER_ORGANISATION
from .context import Demo
from .timeline import Path, entered, log_rows, moment

DAYS_PER_YEAR = 365.25
REQUEST_REASONS = {
    "matched": "Koppeling voorgesteld",
    "referred_elsewhere": "Past beter bij het buurtteam; met toestemming van het gezin doorverwezen.",
    "withdrawn": "Heeft intussen zelf hulp gevonden.",
    ("matched", "waiting"): "De kennismaking leidde niet tot een koppeling; wacht weer.",
    ("matched", "closed"): "De koppeling is afgesloten.",
}


@dataclass(eq=False)
class Applicant:
    request: Request
    person: Household | Youth
    parents: list[Parent] = field(default_factory=list)
    children: list[Child] = field(default_factory=list)
    referrer: User | None = None

    def ages(self, today: date) -> list[float]:
        """Ages in years as the matcher counts them: every child, or the young person."""
        births = [c.date_of_birth for c in self.children] or [self.person.date_of_birth]
        return [(today - born).days / DAYS_PER_YEAR for born in births]

    def save(
        self, demo: Demo, path: Path, by: User | None, intake_on: date | None = None
    ) -> Request:
        """Write the family and its request as it stands at the end of `path`, with its log."""
        rng = demo.rng
        signed_up_at = moment(rng, path[0][1])
        self.person.created_at = signed_up_at
        self.person.save()
        for parent in self.parents:
            parent.household = self.person
        for child in self.children:
            child.household = self.person
            # A family signs up for a child who is born: move a baby drawn for today back.
            if child.date_of_birth > path[0][1]:
                child.date_of_birth = path[0][1] - timedelta(days=rng.randint(30, 300))
        request = self.request
        if isinstance(self.person, Household):
            request.household = self.person
        else:
            request.youth = self.person
        request.status, request.version = path[-1][0], len(path)
        request.signed_up_at = signed_up_at
        request.intake_on = intake_on or entered(path, "intake_held")
        request.waiting_since = entered(path, "waiting")
        request.save()
        demo.later(*self.parents, *self.children)
        demo.later(*log_rows(rng, request, path, by=by, reasons=REQUEST_REASONS))
        self.record_consent(demo, signed_up_at)
        return request

    def record_consent(self, demo: Demo, given_at) -> None:
        """Everyone consents to matching, some to research and e-mail; the referred also to
        feedback to their referrer."""
        rng = demo.rng
        subject = {"household" if isinstance(self.person, Household) else "youth": self.person}
        source = (
            ConsentSource.REFERRAL
            if self.referrer
            else rng.choice((ConsentSource.ONLINE_FORM, ConsentSource.CONVERSATION))
        )
        purposes = [Purpose.MATCHING]
        purposes += [Purpose.RESEARCH] if rng.random() < 0.55 else []
        purposes += [Purpose.CONTACT_BY_EMAIL] if rng.random() < 0.6 else []
        if self.referrer:
            purposes.append(Purpose.FEEDBACK_TO_REFERRER)
            demo.later(
                Referral(
                    request=self.request,
                    referrer=self.referrer,
                    referrer_organisation=REFERRER_ORGANISATION,
                    created_at=given_at,
                )
            )
        demo.later(
            *[
                Consent(
                    **subject,
                    purpose=p,
                    given_at=given_at,
                    source=source,
                    recorded_by=self.referrer,
                )
                for p in purposes
            ]
        )


def fits(applicant: Applicant, offer: Offer, today: date) -> bool:
    """The matcher's hard rules, in short: would it admit this pair?

    The demo's matches must be ones a coordinator could have made, and the longest waiting
    families must have candidates.
    """
    request, person, volunteer = applicant.request, applicant.person, offer.volunteer
    if offer.programme_id != request.programme_id:
        return False
    home, base = person.postcode_area, volunteer.postcode_area
    household = isinstance(person, Household)
    language_ok = (
        not request.needs_shared_language
        or not offer.programme.programme_type.language_rule
        or bool(set(person.languages) & set(volunteer.languages))
    )
    return (
        distance_km(home.lat, home.lon, base.lat, base.lon) <= volunteer.travel_radius_km
        and all(
            offer.min_child_age <= age < offer.max_child_age + 1 for age in applicant.ages(today)
        )
        and bool(set(request.availability) & set(offer.availability))
        and language_ok
        and (not volunteer.has_pets or not household or person.accepts_pets)
        and (not volunteer.smokes or (household and person.accepts_smoking))
    )
