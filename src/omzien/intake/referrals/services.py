from django.db import transaction

from omzien.access.consent import ConsentSource
from omzien.intake.models import Referral
from omzien.intake.signup.children import BaseChildFormSet
from omzien.intake.signup.services import create_household_request

from .forms import ReferralForm


@transaction.atomic
def refer_household(form: ReferralForm, children: BaseChildFormSet, referrer) -> Referral:
    """The household as in a sign-up, its consents recorded by the referrer, and the referral."""
    request = create_household_request(
        form,
        children,
        purposes=form.consented_purposes(),
        source=ConsentSource.REFERRAL,
        by=referrer,
    )
    return Referral.objects.create(
        request=request,
        referrer=referrer,
        referrer_organisation=form.cleaned_data["referrer_organisation"],
    )
