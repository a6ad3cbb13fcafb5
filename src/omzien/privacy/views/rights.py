"""A data subject's rights, handled by the privacy officer (export, erase) or staff (correct)."""

import json

from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from omzien.access.checks import STAFF_WITH_FILES, role_required
from omzien.privacy import dossier, erasure, people, recording
from omzien.privacy.forms import (
    ChildFormSet,
    EraseForm,
    HouseholdForm,
    ParentFormSet,
    VolunteerForm,
    YouthForm,
    fingerprint,
    refuse_if_changed,
)
from omzien.privacy.models import AuditAction, RequestKind, RequestOutcome, SubjectRequest
from omzien.privacy.officer import officer_required
from omzien.privacy.subject_pdf import dossier_pdf
from omzien.workflow import StaleObject


def _handled(kind: str, subject, request_kind: str, by) -> None:
    SubjectRequest.objects.create(
        **{kind: subject}, kind=request_kind, handled_by=by, outcome=RequestOutcome.DONE
    )


@officer_required()
def export(request, kind: str, pk: int, fmt: str):
    """Everything held about this person, as JSON for machines or PDF for people."""
    kind_name, subject = people.person_or_404(request.user, kind, pk)
    recording.note(request, action=AuditAction.EXPORT, obj=subject)
    _handled(kind_name, subject, RequestKind.EXPORT, request.user)
    if fmt == "json":
        body = json.dumps(
            dossier.as_json(kind_name, subject.pk, request.user),
            cls=DjangoJSONEncoder,
            indent=2,
            ensure_ascii=False,
        )
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        response = HttpResponse(
            dossier_pdf(kind_name, subject, request.user), content_type="application/pdf"
        )
    response["Content-Disposition"] = f'attachment; filename="gegevens-{kind}-{subject.pk}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response


def _correction_forms(kind: str, subject, data=None) -> dict:
    """The person's own fields; for a household also its parents and children."""
    if kind != "household":
        form = YouthForm if kind == "youth" else VolunteerForm
        return {"form": form(data, instance=subject, prefix="persoon")}
    return {
        "form": HouseholdForm(data, instance=subject, prefix="gezin"),
        "parents": ParentFormSet(data, queryset=subject.parents.all(), prefix="ouder"),
        "children": ChildFormSet(data, queryset=subject.children.all(), prefix="kind"),
    }


@role_required(*STAFF_WITH_FILES)
def correct(request, kind: str, pk: int):
    """Correct names, contact data, date of birth and postcode, as the person asks.

    The page carries a fingerprint of the values it showed: a save on values that someone
    else changed meanwhile is refused, rather than silently undoing their correction.
    """
    kind_name, subject = people.living_person_or_404(request.user, kind, pk)
    posted = request.method == "POST"
    forms = _correction_forms(kind_name, subject, request.POST if posted else None)
    seen = request.POST.get("fingerprint", "") if posted else fingerprint(forms.values())
    if posted and all(f.is_valid() for f in forms.values()):
        try:
            with transaction.atomic():
                refuse_if_changed(forms.values(), seen)
                for form in forms.values():
                    form.save()
                _handled(kind_name, subject, RequestKind.CORRECT, request.user)
        except StaleObject as error:
            forms["form"].add_error(None, error)
        else:
            messages.success(request, _("De gegevens zijn verbeterd."))
            return redirect("privacy:person", kind=kind, pk=pk)
    return render(
        request,
        "privacy/correct.html",
        {"person": subject, "slug": kind, "fingerprint": seen, **forms},
        status=400 if posted else 200,
    )


@officer_required()
def erase(request, kind: str, pk: int):
    """Erase on request: anonymise now, or refuse and explain (an open concern, a legal hold)."""
    kind_name, subject = people.living_person_or_404(request.user, kind, pk)
    form = EraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        handled = erasure.erase(kind_name, subject.pk, by=request.user)
        if handled.outcome == RequestOutcome.DONE:
            recording.note(request, action=AuditAction.ERASE, obj=subject)
            messages.success(request, _("De gegevens zijn gewist. De totalen blijven kloppen."))
            return redirect("privacy:person", kind=kind, pk=pk)
        recording.note(request, action=AuditAction.REFUSED, subjects={kind_name: subject.pk})
        return render(
            request,
            "privacy/erase.html",
            {
                "person": subject,
                "slug": kind,
                "form": form,
                "refused": handled.explanation.splitlines(),
            },
        )
    return render(
        request,
        "privacy/erase.html",
        {
            "person": subject,
            "slug": kind,
            "form": form,
            "blockers": erasure.blockers(kind_name, subject.pk),
        },
        status=400 if request.method == "POST" else 200,
    )
