"""Store a sign-up: every row of one registration in one transaction, or none of them."""

from django.db import transaction

from omzien.access.consent import ConsentSource, consent_model
from omzien.intake.models import Offer, Request
from omzien.people.models import Child, Household, Parent, Volunteer, VolunteerKind, Youth

from .children import BaseChildFormSet
from .forms import HouseholdForm, VolunteerForm, YouthForm


def record_consents(subject: dict, purposes, source: str, by=None) -> None:
    Consent = consent_model()
    Consent.objects.bulk_create(
        Consent(**subject, purpose=purpose, source=source, recorded_by=by) for purpose in purposes
    )


def located(data: dict, form) -> dict:
    return {
        "postcode": data["postcode"],
        "postcode_area": form.postcode_area,
        "languages": data["languages"],
    }


def contact(data: dict) -> dict:
    return {field: data[field] for field in ("first_name", "last_name", "email", "phone")}


def request_fields(data: dict) -> dict:
    return {
        "programme": data["programme"],
        "description": data["description"],
        "needs": data["needs"],
        "availability": data["availability"],
        "needs_shared_language": data["needs_shared_language"],
    }


@transaction.atomic
def create_household_request(
    form: HouseholdForm, children: BaseChildFormSet, *, purposes, source: str, by=None
) -> Request:
    """The household, its parents and children, its request (signed up) and its consents."""
    data = form.cleaned_data
    household = Household.objects.create(
        **located(data, form),
        household_type=data["household_type"],
        accepts_pets=data["accepts_pets"],
        accepts_smoking=data["accepts_smoking"],
    )
    parents = [Parent(household=household, **contact(data))]
    if data["partner_first_name"]:
        parents.append(
            Parent(
                household=household,
                first_name=data["partner_first_name"],
                last_name=data["partner_last_name"],
            )
        )
    Parent.objects.bulk_create(parents)
    Child.objects.bulk_create(Child(household=household, **child) for child in children.children())
    record_consents({"household": household}, purposes, source, by)
    return Request.objects.create(household=household, **request_fields(data))


def sign_up_household(form: HouseholdForm, children: BaseChildFormSet) -> Request:
    return create_household_request(
        form, children, purposes=form.consented_purposes(), source=ConsentSource.ONLINE_FORM
    )


@transaction.atomic
def sign_up_youth(form: YouthForm) -> Request:
    data = form.cleaned_data
    youth = Youth.objects.create(
        **contact(data), **located(data, form), date_of_birth=data["date_of_birth"]
    )
    record_consents({"youth": youth}, form.consented_purposes(), ConsentSource.ONLINE_FORM)
    return Request.objects.create(youth=youth, **request_fields(data))


@transaction.atomic
def sign_up_volunteer(form: VolunteerForm) -> Offer:
    data = form.cleaned_data
    family = data["kind"] == VolunteerKind.FAMILY
    # Always a new volunteer: an anonymous form must never change someone's existing profile.
    volunteer = Volunteer.objects.create(
        **contact(data),
        **located(data, form),
        kind=data["kind"],
        family_name=data["family_name"] if family else "",
        household_members=data["household_members"] if family else "",
        date_of_birth=data["date_of_birth"],
        travel_radius_km=data["travel_radius_km"],
        has_pets=data["has_pets"],
        smokes=data["smokes"],
    )
    record_consents({"volunteer": volunteer}, form.consented_purposes(), ConsentSource.ONLINE_FORM)
    return Offer.objects.create(
        volunteer=volunteer,
        programme=data["programme"],
        description=data["description"],
        offers=data["offers"],
        availability=data["availability"],
        min_child_age=data["min_child_age"],
        max_child_age=data["max_child_age"],
    )
