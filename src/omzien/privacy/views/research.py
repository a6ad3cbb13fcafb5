"""The researcher's page: what the export holds, and the download."""

from django.shortcuts import render
from django.utils import timezone

from omzien.accounts.models import Role
from omzien.privacy import recording, research
from omzien.privacy.access import role_required
from omzien.privacy.models import AuditAction
from omzien.privacy.spreadsheets import download


@role_required(Role.RESEARCHER)
def research_page(request):
    outcome = research.export(request.user)
    return render(
        request,
        "privacy/research.html",
        {"columns": research.COLUMNS, "description": research.description(outcome)},
    )


@role_required(Role.RESEARCHER)
def research_export(request, fmt: str):
    outcome = research.export(request.user)
    rows = outcome.rows
    recording.note(request, action=AuditAction.EXPORT, count=len(rows))
    names = [c.name for c in research.COLUMNS]
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    return download(
        fmt,
        f"onderzoek-{stamp}",
        names,
        ([row[name] for name in names] for row in rows),
        "onderzoek",
        about=research.description(outcome),
    )
