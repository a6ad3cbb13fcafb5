"""Retention for the privacy officer: what expires in the coming 30 days, and the periods."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from omzien.access.scoping import programme_ids
from omzien.privacy.forms import SLUG_OF_KIND, RetentionForm
from omzien.privacy.models import RetentionPolicy
from omzien.privacy.officer import officer_required
from omzien.privacy.retention import due, warning_list
from omzien.privacy.subjects import SUBJECT_MODELS
from omzien.programmes.models import Programme


def _visible_people(user, rows) -> list[tuple]:
    """The warning rows about people this officer may see, with the person."""
    wanted: dict[str, set[int]] = {}
    for row in rows:
        wanted.setdefault(row.expiry.kind, set()).add(row.expiry.pk)
    found = {}
    for kind, ids in wanted.items():
        people = SUBJECT_MODELS[kind].objects.visible_to(user).filter(pk__in=ids)
        if kind == "household":
            people = people.prefetch_related("parents")
        found.update({(kind, person.pk): person for person in people})
    return [
        (row, found[(row.expiry.kind, row.expiry.pk)], SLUG_OF_KIND[row.expiry.kind])
        for row in rows
        if (row.expiry.kind, row.expiry.pk) in found
    ]


def _programmes(user, refused: RetentionForm | None = None):
    """Each programme with its period form; a refused form stays, with its error at the field."""
    programmes = Programme.objects.filter(pk__in=programme_ids(user)).select_related(
        "retention_policy"
    )
    return [
        (
            p,
            refused
            if refused is not None and refused.instance.programme_id == p.pk
            else RetentionForm(
                instance=getattr(p, "retention_policy", None) or RetentionPolicy(programme=p),
                prefix=f"p{p.pk}",
            ),
        )
        for p in programmes
    ]


def _page(request, refused: RetentionForm | None = None):
    today = timezone.localdate()
    return render(
        request,
        "privacy/retention.html",
        {
            "due_now": _visible_people(request.user, due(today)),
            "expiring": _visible_people(request.user, warning_list(today)),
            "programmes": _programmes(request.user, refused),
        },
        status=200 if refused is None else 400,
    )


@officer_required()
def retention(request):
    return _page(request)


@require_POST
@officer_required()
def retention_policy(request, programme_pk: int):
    programme = get_object_or_404(
        Programme.objects.filter(pk__in=programme_ids(request.user)), pk=programme_pk
    )
    policy = RetentionPolicy.objects.filter(programme=programme).first() or RetentionPolicy(
        programme=programme
    )
    form = RetentionForm(request.POST, instance=policy, prefix=f"p{programme.pk}")
    if not form.is_valid():
        return _page(request, refused=form)
    form.save()
    messages.success(
        request, _("De bewaartermijn van %(programme)s is vastgelegd.") % {"programme": programme}
    )
    return redirect("privacy:retention")
