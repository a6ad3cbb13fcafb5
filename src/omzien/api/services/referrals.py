"""Referrals through the API: the web's referral form and service, fed from JSON, made idempotent.

The JSON is checked for types by the serializer; the rules (known postcode, programme, consent,
a way to reach the family, the children's ages) are the form's, so a referral made here is the same
rows as one made on the website. A family already registered in the programme is referred all the
same, so that the answer never tells whether it was: the family's mail says so instead.
"""

import hashlib
import json

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from omzien.intake.models import Referral
from omzien.intake.referrals.forms import ReferralForm
from omzien.intake.referrals.services import refer_household
from omzien.intake.signup.children import ChildFormSet, valid_with_children
from omzien.intake.signup.mail import mail_kind, send_confirmation
from omzien.programmes.models import Programme

from ..models import ApiClient, IdempotencyRecord
from ..problems import Conflict, InvalidInput

CHILDREN_PREFIX = "kind"
# Form fields whose place in the JSON body differs from their name.
POINTERS = {
    "consent_matching": "#/consent/matching",
    "consent_feedback_to_referrer": "#/consent/feedback_to_referrer",
    "referrer_organisation": "#",
    "__all__": "#",
}


def form_data(client: ApiClient, data: dict) -> dict:
    """The JSON body as the referral form and its children's formset receive a post."""
    consent, children = data["consent"], data["children"]
    programme = Programme.objects.filter(slug=data["programme"]).values_list("pk", flat=True)
    fields = {
        key: value for key, value in data.items() if key not in ("consent", "children", "programme")
    }
    rows = {
        f"{CHILDREN_PREFIX}-{i}-{name}": str(value)
        for i, child in enumerate(children)
        for name, value in child.items()
    }
    return {
        **fields,
        # An unknown slug stays as it is, so that the form says the programme cannot be chosen.
        "programme": programme.first() or data["programme"],
        "referrer_organisation": client.organisation_name,
        "consent_matching": consent["matching"],
        "consent_feedback_to_referrer": consent["feedback_to_referrer"],
        f"{CHILDREN_PREFIX}-TOTAL_FORMS": str(len(children)),
        f"{CHILDREN_PREFIX}-INITIAL_FORMS": "0",
        **rows,
    }


def errors_of(form: ReferralForm, children) -> list[dict]:
    """The forms' errors as problem entries pointing into the JSON body."""
    entries = [
        (POINTERS.get(name, f"#/{name}"), error)
        for name, errors in form.errors.as_data().items()
        for error in errors
    ]
    for i, child in enumerate(children.forms):
        entries += [
            (f"#/children/{i}/{name}" if name != "__all__" else f"#/children/{i}", error)
            for name, errors in child.errors.as_data().items()
            for error in errors
        ]
    entries += [("#/children", error) for error in children.non_form_errors().as_data()]
    return [
        {"pointer": pointer, "detail": " ".join(error.messages), "code": error.code or "invalid"}
        for pointer, error in entries
    ]


def fingerprint(data: dict) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def replayed(client: ApiClient, key: str, data: dict) -> Referral | None:
    """The referral made earlier under this key, if the same body was sent then."""
    record = (
        IdempotencyRecord.objects.filter(client=client, key=key).select_related("referral").first()
    )
    if record is None:
        return None
    if record.fingerprint != fingerprint(data):
        raise Conflict(
            _(
                "Deze Idempotency-Key is al gebruikt voor een andere verwijzing. "
                "Gebruik voor elke nieuwe verwijzing een nieuwe sleutel."
            ),
            code="idempotency_key_reused",
        )
    return record.referral


def create_referral(client: ApiClient, data: dict, key: str) -> tuple[Referral, bool]:
    """The referral for this key: made now (True), or the one made by an earlier try (False)."""
    earlier = replayed(client, key, data)
    if earlier is not None:
        return earlier, False
    form = ReferralForm(form_data(client, data), organisation=client.organisation_name)
    children = ChildFormSet(form.data, prefix=CHILDREN_PREFIX)
    if not valid_with_children(form, children):
        raise InvalidInput(errors_of(form, children))
    try:
        with transaction.atomic():
            referral = refer_household(form, children, client.account)
            Referral.objects.filter(pk=referral.pk).update(idempotency_key=key)
            IdempotencyRecord.objects.create(
                client=client, key=key, fingerprint=fingerprint(data), referral=referral
            )
    except IntegrityError:
        # A retry that ran at the same moment stored the referral first.
        earlier = replayed(client, key, data)
        if earlier is None:
            raise
        return earlier, False
    family = form.cleaned_data
    if family["email"]:
        kind = mail_kind("referral", form)
        send_confirmation(kind, family["email"], family["first_name"], family["programme"])
    return referral, True
