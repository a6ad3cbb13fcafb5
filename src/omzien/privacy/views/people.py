"""A person's privacy page: consents given and withdrawn, legal hold, requests handled."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from omzien.access.checks import STAFF_WITH_FILES, role_required
from omzien.privacy import consents, people, recording
from omzien.privacy.forms import SLUG_OF_KIND, ConsentForm, LegalHoldForm, PersonSearchForm
from omzien.privacy.models import Anonymisation, AuditAction, Consent, LegalHold, SubjectRequest
from omzien.privacy.officer import is_privacy_officer, officer_required
from omzien.privacy.register import by_purpose


@role_required(*STAFF_WITH_FILES)
def search(request):
    form = PersonSearchForm(request.POST or None)
    found = people.search(request.user, form.cleaned_data["q"]) if form.is_valid() else None
    recording.note(request, action=AuditAction.VIEW)  # a search reads, even though it posts
    return render(request, "privacy/people.html", {"form": form, "found": found})


def _about(kind: str, pk: int) -> dict:
    return {f"{kind}_id": pk}


@role_required(*STAFF_WITH_FILES)
def person(request, kind: str, pk: int, consent_form=None, hold_form=None):
    kind, subject = people.person_or_404(request.user, kind, pk)
    about = _about(kind, subject.pk)
    officer = is_privacy_officer(request.user)
    return render(
        request,
        "privacy/person.html",
        {
            "kind": kind,
            "slug": SLUG_OF_KIND[kind],
            "person": subject,
            "consents": Consent.objects.visible_to(request.user)
            .filter(**about)
            .select_related("recorded_by"),
            "activities": by_purpose(),
            "consent_form": consent_form or ConsentForm(),
            "hold": LegalHold.objects.current().filter(**about).first(),
            "hold_form": hold_form or (LegalHoldForm() if officer else None),
            "requests": SubjectRequest.objects.filter(**about).select_related("handled_by"),
            "anonymised": Anonymisation.objects.filter(**about).first(),
            "officer": officer,
        },
        status=400 if consent_form or hold_form else 200,
    )


@require_POST
@role_required(*STAFF_WITH_FILES)
def consent_give(request, kind: str, pk: int):
    kind_name, subject = people.living_person_or_404(request.user, kind, pk)
    form = ConsentForm(request.POST)
    if not form.is_valid():
        return person(request, kind, pk, consent_form=form)
    consents.give(kind_name, subject.pk, form.cleaned_data["purpose"], by=request.user)
    messages.success(request, _("De toestemming is vastgelegd."))
    return redirect("privacy:person", kind=kind, pk=pk)


@require_POST
@role_required(*STAFF_WITH_FILES)
def consent_withdraw(request, kind: str, pk: int, consent_pk: int):
    kind_name, subject = people.living_person_or_404(request.user, kind, pk)
    consent = get_object_or_404(
        Consent.objects.visible_to(request.user).current(),
        pk=consent_pk,
        **_about(kind_name, subject.pk),
    )
    under_way = consents.withdraw(consent, by=request.user)
    messages.success(
        request,
        _("De toestemming is ingetrokken. Wat erop steunde, stopt nu: %(what)s.")
        % {"what": consent.get_purpose_display()},
    )
    if under_way:
        messages.warning(
            request,
            _(
                "Er loopt nog een koppeling. Bespreek met het gezin en de vrijwilliger hoe die verder "
                "gaat of sluit haar af: %(matches)s."
            )
            % {"matches": ", ".join(str(m) for m in under_way)},
        )
    return redirect("privacy:person", kind=kind, pk=pk)


@require_POST
@officer_required()
def hold_place(request, kind: str, pk: int):
    kind_name, subject = people.living_person_or_404(request.user, kind, pk)
    form = LegalHoldForm(request.POST)
    if LegalHold.objects.current().filter(**_about(kind_name, subject.pk)).exists():
        messages.info(request, _("Er geldt al een bewaarplicht."))
    elif not form.is_valid():
        return person(request, kind, pk, hold_form=form)
    else:
        form.instance.placed_by = request.user
        setattr(form.instance, kind_name, subject)
        form.save()
        messages.success(
            request, _("De bewaarplicht is vastgelegd. Dit dossier wordt niet geanonimiseerd.")
        )
    return redirect("privacy:person", kind=kind, pk=pk)


@require_POST
@officer_required()
def hold_lift(request, kind: str, pk: int):
    kind_name, subject = people.person_or_404(request.user, kind, pk)
    LegalHold.objects.current().filter(**_about(kind_name, subject.pk)).update(
        lifted_at=timezone.now(), lifted_by=request.user
    )
    messages.success(request, _("De bewaarplicht is opgeheven."))
    return redirect("privacy:person", kind=kind, pk=pk)
