"""A referrer refers households and follows only the step each referral is in, never the file."""

from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from omzien.access.checks import role_required
from omzien.access.consent import Purpose, consent_model
from omzien.access.roles import Role
from omzien.intake.models import Referral
from omzien.intake.signup.children import ChildFormSet, valid_with_children
from omzien.intake.signup.mail import mail_kind, send_confirmation
from omzien.intake.signup.views import posted
from omzien.web.paging import page_of

from .forms import ReferralForm
from .services import refer_household


def referrals_of(user):
    """The user's own referrals, with whether the household still wants feedback to go out."""
    feedback = (
        consent_model()
        .objects.for_purpose(Purpose.FEEDBACK_TO_REFERRER)
        .filter(household=OuterRef("request__household"))
    )
    return (
        Referral.objects.visible_to(user)
        .select_related("request__programme")
        .annotate(feedback_allowed=Exists(feedback))
    )


@role_required(Role.REFERRER)
def referral_list(request: HttpRequest) -> HttpResponse:
    referrals = page_of(request, referrals_of(request.user))
    return render(request, "intake/referrals/list.html", {"referrals": referrals})


@role_required(Role.REFERRER)
def referral_detail(request: HttpRequest, pk: int) -> HttpResponse:
    referral = get_object_or_404(referrals_of(request.user), pk=pk)
    return render(request, "intake/referrals/detail.html", {"referral": referral})


@role_required(Role.REFERRER)
def referral_create(request: HttpRequest) -> HttpResponse:
    organisation = request.user.organisation.name if request.user.organisation else ""
    data = posted(request)
    form = ReferralForm(data, organisation=organisation)
    children = ChildFormSet(data, prefix="kind")
    if data is not None and valid_with_children(form, children):
        referral = refer_household(form, children, request.user)
        family = form.cleaned_data
        if family["email"]:
            send_confirmation(
                mail_kind("referral", form),
                family["email"],
                family["first_name"],
                family["programme"],
            )
        messages.success(
            request,
            _(
                "De verwijzing is ontvangen. Het nummer is %(number)s; noteer het in uw eigen dossier."
            )
            % {"number": referral.pk},
        )
        return redirect("referrals:list")
    return render(request, "intake/referrals/form.html", {"form": form, "children": children})
