from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from omzien.access.checks import STAFF_WITH_FILES, role_required
from omzien.programmes.selection import selected_programme
from omzien.web.paging import page_of, querystring_without

from . import dashboard
from .closure import ClosureForm, ReopenForm
from .forms import ContactForm, MatchStepForm
from .models import Match, MatchStatus


@role_required(*STAFF_WITH_FILES)
def match_list(request):
    programmes, programme = selected_programme(request)
    matches = (
        Match.objects.visible_to(request.user)
        .filter(programme=programme)
        .select_related("request__household", "request__youth", "offer__volunteer", "proposed_by")
        .prefetch_related("request__household__parents")
    )
    status = request.GET.get("status")
    if status in MatchStatus.values:
        matches = matches.filter(status=status)
    return render(
        request,
        "matches/match_list.html",
        {
            "programmes": programmes,
            "programme": programme,
            "statuses": MatchStatus.choices,
            "status": status,
            "matches": page_of(request, matches),
            "query": querystring_without(request, "pagina"),
        },
    )


def _visible_match(request, pk: int) -> Match:
    queryset = Match.objects.visible_to(request.user).select_related(
        "request__programme", "request__household", "request__youth", "offer__volunteer"
    )
    return get_object_or_404(queryset.prefetch_related("request__household__parents"), pk=pk)


def _forms(match) -> dict:
    """The forms a match's page offers in its current state."""
    today = timezone.localdate()
    return {
        "form": MatchStepForm(match),
        "contact_form": ContactForm(match) if match.takes_contacts() else None,
        "closure_form": ClosureForm(match) if match.status == MatchStatus.CLOSING else None,
        "reopen_form": ReopenForm(match) if match.can_reopen(today) else None,
    }


@role_required(*STAFF_WITH_FILES)
def match_detail(request, pk: int, **bound):
    """The match's page; `bound` holds a form sent back with its errors."""
    match = _visible_match(request, pk)
    return render(
        request,
        "matches/match_detail.html",
        {
            "match": match,
            **_forms(match),
            **bound,
            "contacts": match.contacts.select_related("by"),
            "history": match.status_changes.select_related("by"),
            "moments": [(m, m.is_overdue(timezone.localdate())) for m in match.moments.all()],
        },
        status=400 if bound else 200,
    )


def _post_form(request, pk: int, form_class, name: str, message: str):
    """Save one of the match's forms, or show the page again with its errors."""
    match = _visible_match(request, pk)
    form = form_class(match, request.POST)
    if form.is_valid():
        try:
            form.save(by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, message % {"status": match.get_status_display()})
            return redirect("matches:match_detail", pk=pk)
    return match_detail(request, pk, **{name: form})


@require_POST
@role_required(*STAFF_WITH_FILES)
def match_step(request, pk: int):
    return _post_form(request, pk, MatchStepForm, "form", _("De stap is vastgelegd: %(status)s."))


@require_POST
@role_required(*STAFF_WITH_FILES)
def match_close(request, pk: int):
    return _post_form(request, pk, ClosureForm, "closure_form", _("De koppeling is afgesloten."))


@require_POST
@role_required(*STAFF_WITH_FILES)
def match_reopen(request, pk: int):
    return _post_form(request, pk, ReopenForm, "reopen_form", _("De koppeling loopt weer."))


@require_POST
@role_required(*STAFF_WITH_FILES)
def match_contact(request, pk: int):
    match = _visible_match(request, pk)
    form = ContactForm(match, request.POST)
    if not (match.takes_contacts() and form.is_valid()):
        return match_detail(request, pk, contact_form=form)
    form.save_for(request.user)
    messages.success(request, _("Het contact is vastgelegd."))
    return redirect("matches:match_detail", pk=pk)


# Rows per section of Vandaag: the most urgent come first, and a morning has room for no more.
TODAY_ROWS = 30


def _first_rows(queryset) -> dict:
    rows = list(queryset[: TODAY_ROWS + 1])
    return {"rows": rows[:TODAY_ROWS], "more": len(rows) > TODAY_ROWS}


@role_required(*STAFF_WITH_FILES)
def today_page(request):
    """What a coordinator opens every morning."""
    programmes, programme = selected_programme(request)
    today = timezone.localdate()
    sections = {}
    if programme:
        sections = {
            "overdue": dashboard.overdue(request.user, programme, today),
            "due": dashboard.due_this_week(request.user, programme, today),
            "quiet": dashboard.without_contact(request.user, programme, today),
            "trial": dashboard.trial_ending(request.user, programme, today),
            "certificates": dashboard.certificates_expiring(request.user, programme, today),
        }
    return render(
        request,
        "matches/today.html",
        {
            "programmes": programmes,
            "programme": programme,
            "limit": TODAY_ROWS,
            **{name: _first_rows(rows) for name, rows in sections.items()},
        },
    )
