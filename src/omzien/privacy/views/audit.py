"""The privacy officer's audit trail: search by person, user, action and period; export."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.privacy import people, recording, trail_text
from omzien.privacy.forms import KIND_OF_SLUG, AuditFilterForm, PersonSearchForm
from omzien.privacy.models import AuditAction, AuditEvent
from omzien.privacy.officer import officer_required
from omzien.privacy.spreadsheets import download
from omzien.web.paging import page_of, querystring_without

COLUMNS = [
    "at",
    "username",
    "role",
    "action",
    "url_name",
    "method",
    "status_code",
    "object_type",
    "object_id",
    "household_id",
    "youth_id",
    "volunteer_id",
    "ip_address",
    "count",
]


def filtered(request) -> tuple[AuditFilterForm, object, dict]:
    """The officer's rows, narrowed by the filter; and the person filtered on, if any."""
    form = AuditFilterForm(request.GET or None)
    events = AuditEvent.objects.visible_to_officer(request.user)
    person = {}
    if form.is_bound and form.is_valid():
        events = form.apply(events)
        if form.cleaned_data.get("nummer"):
            person = {KIND_OF_SLUG[form.cleaned_data["soort"]]: form.cleaned_data["nummer"]}
    elif form.is_bound:
        events = events.none()
    return form, events, person


@officer_required(audit=True)
def audit_trail(request):
    form, events, person = filtered(request)
    search = PersonSearchForm(request.POST or None)
    found = people.search(request.user, search.cleaned_data["q"]) if search.is_valid() else None
    recording.note(request, action=AuditAction.VIEW, subjects=person)
    page = page_of(request, events)
    page.object_list = trail_text.described(request.user, page.object_list)
    return render(
        request,
        "privacy/audit.html",
        {
            "form": form,
            "search": search,
            "found": found,
            "events": page,
            "query": querystring_without(request, "pagina"),
        },
    )


def export_row(event) -> tuple:
    """The raw columns for analysis, and the sentence the page shows for reading."""
    at = timezone.localtime(event.at).strftime("%Y-%m-%d %H:%M:%S")
    return (at, *(getattr(event, name) for name in COLUMNS[1:]), trail_text.sentence(event))


@officer_required(audit=True)
def audit_export(request, fmt: str):
    _form, events, person = filtered(request)
    rows = [export_row(event) for event in events.only(*COLUMNS)]
    recording.note(request, action=AuditAction.EXPORT, count=len(rows), subjects=person)
    headers = [AuditEvent._meta.get_field(name).verbose_name for name in COLUMNS]
    headers.append(_("wat er gebeurde"))
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    return download(fmt, f"audittrail-{stamp}", headers, rows, "audittrail")
