"""The volunteer's file: status, screening checklist, and recording VOG, references and training."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from omzien.access.checks import STAFF_WITH_FILES, role_required
from omzien.intake.models import Offer
from omzien.intake.views import apply_transition, transition_form

from .forms import AttendanceForm, CertificateForm, ReferenceForm
from .models import Attendance, TrainingSession
from .rules import missing

FORMS = {"vog": CertificateForm, "referentie": ReferenceForm, "training": AttendanceForm}


def _visible_offer(request, pk: int) -> Offer:
    queryset = Offer.objects.visible_to(request.user).select_related(
        "programme__programme_type", "volunteer__postcode_area__neighbourhood"
    )
    return get_object_or_404(queryset, pk=pk)


@role_required(*STAFF_WITH_FILES)
def offer_detail(request, pk: int, forms=None):
    offer = _visible_offer(request, pk)
    volunteer = offer.volunteer
    forms = forms or {}
    context = {
        "offer": offer,
        "volunteer": volunteer,
        "missing": missing(offer),
        "certificates": volunteer.certificates.all(),
        "references": volunteer.references.all(),
        "attendances": volunteer.attendances.filter(
            session__programme=offer.programme
        ).select_related("session"),
        "history": offer.status_changes.select_related("by"),
        "transition_form": forms.get("stap") or transition_form(offer),
        "certificate_form": forms.get("vog") or CertificateForm(prefix="vog"),
        "reference_form": forms.get("referentie") or ReferenceForm(prefix="referentie"),
        "attendance_form": forms.get("training") or AttendanceForm(prefix="training"),
    }
    return render(request, "screening/offer_detail.html", context, status=400 if forms else 200)


@require_POST
@role_required(*STAFF_WITH_FILES)
def offer_transition(request, pk: int):
    offer = _visible_offer(request, pk)
    form = apply_transition(request, offer)
    if form is not None:
        return offer_detail(request, pk, forms={"stap": form})
    return redirect("screening:offer_detail", pk=pk)


@require_POST
@role_required(*STAFF_WITH_FILES)
def record(request, pk: str, kind: str):
    """Record a certificate of conduct, a reference or a training attended."""
    offer = _visible_offer(request, pk)
    form = FORMS[kind](request.POST, prefix=kind)
    if not form.is_valid():
        return offer_detail(request, pk, forms={kind: form})
    with transaction.atomic():
        if kind == "training":
            session, _created = TrainingSession.objects.get_or_create(
                programme=offer.programme,
                title=form.cleaned_data["title"],
                held_on=form.cleaned_data["held_on"],
            )
            Attendance.objects.update_or_create(
                session=session, volunteer=offer.volunteer, defaults={"attended": True}
            )
        elif kind == "vog":  # a double click records the same certificate once
            offer.volunteer.certificates.get_or_create(**form.cleaned_data)
        else:
            form.instance.volunteer = offer.volunteer
            form.save()
    messages.success(request, _("Opgeslagen."))
    return redirect("screening:offer_detail", pk=pk)
