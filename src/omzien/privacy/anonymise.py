"""Anonymising a person: names, contact data, free text and postcode detail go; dates of birth
keep their year; the rows that totals count (requests, matches, dates, PC4 area, outcomes) stay.

`FIELDS` says, per model, what becomes of each field that could name or describe someone.
Every text field of every personal-data model must be listed here or in `KEPT` (a test checks
that, so a new app's free text cannot slip past retention and erasure).
"""

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Substr, TruncYear
from django.utils import timezone

from omzien.accounts.models import User

from .models import Anonymisation, Consent
from .subjects import paths_to_subjects

BLANK = Value("")
PC4 = Substr("postcode", 1, 4)  # '1234 AB' -> '1234': the area the totals need
PERSON = {"first_name": BLANK, "last_name": BLANK, "email": BLANK, "phone": BLANK}

# What replaces each identifying field, by model label. Models of apps not installed are skipped.
FIELDS: dict[str, dict] = {
    "people.Household": {"postcode": PC4, "faith": BLANK},
    "people.Parent": PERSON,
    "people.Child": {"first_name": BLANK, "date_of_birth": TruncYear("date_of_birth")},
    "people.Youth": PERSON | {"postcode": PC4, "date_of_birth": TruncYear("date_of_birth")},
    "people.Volunteer": PERSON
    | {
        "postcode": PC4,
        "date_of_birth": TruncYear("date_of_birth"),
        "family_name": BLANK,
        "household_members": BLANK,
        "faith": BLANK,
    },
    "intake.Request": {"description": BLANK},
    "intake.RequestStatusChange": {"reason": BLANK},
    "intake.Offer": {"description": BLANK},
    "intake.OfferStatusChange": {"reason": BLANK},
    "matches.Match": {"closure_note": BLANK},
    "matches.MatchStatusChange": {"reason": BLANK},
    "matches.Contact": {"note": BLANK},
    "screening.Reference": {"name": BLANK, "relation": BLANK},
    "concerns.Concern": {"signs": BLANK},
    "concerns.ConcernStatusChange": {"reason": BLANK},
    "concerns.ConcernStep": {"note": BLANK},
    "concerns.ConcernAccess": {"reason": BLANK},
    "privacy.LegalHold": {"reason": BLANK},
    "outcomes.AdministrationStatusChange": {"reason": BLANK},
    "outcomes.Goal": {"description": BLANK, "expected": BLANK},
    "support_figures.YoungPersonInCare": {"first_name": BLANK, "last_name": BLANK},
    "support_figures.SupportFigure": PERSON | {"relation": BLANK, "motivation": BLANK},
    "support_figures.Tie": {"name": BLANK, "note": BLANK},
    "support_figures.FamilyGroupConference": {"place": BLANK, "question": BLANK},
    "support_figures.ConferenceStatusChange": {"reason": BLANK},
    "support_figures.Participant": {"name": BLANK, "relation": BLANK},
    "support_figures.Agreement": {"what": BLANK},
    "support_figures.OnwardReferral": {"note": BLANK},
}

# Text fields of personal-data models that name nobody: codes, choices and generated text.
KEPT: dict[str, set[str]] = {
    "people.Household": {"household_type", "languages"},
    "people.Youth": {"languages"},
    "people.Volunteer": {"kind", "languages"},
    "intake.Request": {"status", "needs", "themes", "availability"},
    "intake.RequestStatusChange": {"source", "target"},
    "intake.Offer": {"status", "offers", "availability"},
    "intake.OfferStatusChange": {"source", "target"},
    "intake.Referral": {"referrer_organisation", "idempotency_key"},
    "matches.Match": {"status", "closure_reason", "explanation"},
    "matches.MatchStatusChange": {"source", "target"},
    "matches.Moment": {"kind"},
    "matches.Contact": {"kind"},
    "matching.PlanRun": {"fairness"},  # tables per neighbourhood and household type
    "matching.PlanProposal": {"decision", "explanation"},  # the rules' codes and numbers, no names
    "matching.PairRule": {"kind"},
    "screening.Reference": {"outcome"},
    "privacy.Consent": {"purpose", "source"},
    "privacy.Anonymisation": {"reason"},
    "privacy.SubjectRequest": {"kind", "outcome", "explanation"},
    "concerns.Concern": {"status"},
    "concerns.ConcernStatusChange": {"source", "target"},
    "concerns.ConcernStep": {"decision"},
    "outcomes.Administration": {"phase", "respondent", "status", "mode", "scores"},
    "outcomes.AdministrationStatusChange": {"source", "target"},
    "support_figures.Placement": {"kind", "placed_by"},  # the placing organisation
    "support_figures.SupportFigure": {"kind", "status"},
    "support_figures.Tie": {"category", "strength"},
    "support_figures.FamilyGroupConference": {"status"},
    "support_figures.ConferenceStatusChange": {"source", "target"},
    "api.IdempotencyRecord": {"key", "fingerprint"},
}


def installed(label: str):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def rows_about(model, kind: str, ids):
    """All rows of `model` about these people, through every path the model has to them."""
    paths = paths_to_subjects(model).get(kind, [])
    if not paths:
        return model._base_manager.none()
    query = None
    for path in paths:
        part = model._base_manager.filter(**{f"{path}__in" if path else "pk__in": ids})
        query = part if query is None else query | part
    return query


def scrub_accounts(kind: str, ids) -> None:
    """A person's own log-in goes too: it holds their name and e-mail address."""
    owners = {
        "household": "people.Parent",
        "youth": "people.Youth",
        "volunteer": "people.Volunteer",
    }
    people = rows_about(apps.get_model(owners[kind]), kind, ids)
    accounts = User.objects.filter(pk__in=people.exclude(account=None).values("account"))
    for account in accounts:
        account.username = f"geanonimiseerd-{account.pk}"
        account.first_name = account.last_name = account.email = ""
        account.is_active = False
        account.password = make_password(None)
        account.save()
    people.update(account=None)


@transaction.atomic
def anonymise(kind: str, ids, *, reason: str, by=None) -> int:
    """Anonymise these people of one kind; returns how many were not anonymised before."""
    already = Anonymisation.objects.filter(**{f"{kind}__in": ids}).values_list(kind, flat=True)
    todo = sorted(set(ids) - set(already))
    if not todo:
        return 0
    scrub_accounts(kind, todo)
    for label, replacements in FIELDS.items():
        model = installed(label)
        if model is not None:
            rows_about(model, kind, todo).update(**replacements)
    # Nobody is left to have agreed to anything: the consents end with the person.
    Consent.objects.current().filter(**{f"{kind}__in": todo}).update(withdrawn_at=timezone.now())
    Anonymisation.objects.bulk_create(
        Anonymisation(**{f"{kind}_id": pk}, reason=reason, by=by) for pk in todo
    )
    return len(todo)
