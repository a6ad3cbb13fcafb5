"""The volunteer's, parent's and young person's own page: their match, and nothing of anyone else.

Everything here comes through `visible_to(user)`, which for these roles means their own
matches (through the person their account is linked to) and the contacts they logged.
"""

import logging
from smtplib import SMTPException

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.mail import EmailMessage
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from omzien.access.checks import role_required
from omzien.access.roles import INFORMAL
from omzien.accounts.models import Role, User
from omzien.web.forms import NLDSFormMixin

from .forms import ContactForm
from .models import Contact, ContactKind, Match, Moment

OWN_ROLES = (Role.VOLUNTEER, Role.PARENT, Role.YOUTH)
logger = logging.getLogger(__name__)


class OwnContactForm(ContactForm):
    """A volunteer logs a contact with the family, with the hours it took."""

    def __init__(self, match, *args, **kwargs):
        super().__init__(match, *args, **kwargs)
        del self.fields["moment"]  # ticking off planned moments is the coordinator's work


class MessageForm(NLDSFormMixin, forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Wat wilt u aan de coördinator laten weten?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if user.role in INFORMAL:
            self.fields["note"].label = gettext_lazy("Wat wil je aan de coördinator laten weten?")


def _own_matches(user):
    return (
        Match.objects.visible_to(user)
        .select_related("request__programme", "request__youth", "offer__volunteer", "proposed_by")
        .prefetch_related("request__household__parents", "request__household__children")
    )


@role_required(*OWN_ROLES)
def own_page(request, contact_form=None, message_form=None, form_match=None):
    today = timezone.localdate()
    # The coming moments of all matches in one query, not one per match.
    coming = Moment.objects.open().filter(due_on__gte=today).order_by("due_on", "pk")
    matches = list(
        _own_matches(request.user).open().prefetch_related(Prefetch("moments", coming, "coming"))
    )
    contacts = Contact.objects.visible_to(request.user).select_related("match")
    cards = [
        {
            "match": match,
            "next_moment": next(iter(match.coming), None),
            "contact_form": (contact_form if match == form_match else None)
            or (OwnContactForm(match) if _logs_contacts(request.user, match) else None),
            "message_form": (message_form if match == form_match else None)
            or MessageForm(request.user),
        }
        for match in matches
    ]
    return render(
        request,
        "matches/own_page.html",
        {
            "cards": cards,
            "contacts": contacts,
            "hours": contacts.hours(),
            "is_volunteer": request.user.role == Role.VOLUNTEER,
            "informal": request.user.role in INFORMAL,
        },
        status=400 if form_match else 200,
    )


def _logs_contacts(user, match) -> bool:
    return user.role == Role.VOLUNTEER and match.takes_contacts()


@require_POST
@role_required(Role.VOLUNTEER)
def own_contact(request, pk: int):
    match = get_object_or_404(_own_matches(request.user).open(), pk=pk)
    form = OwnContactForm(match, request.POST)
    if not (match.takes_contacts() and form.is_valid()):
        return own_page(request, contact_form=form, form_match=match)
    form.save_for(request.user)
    # Volunteers are spoken to with "je", like everywhere on their page.
    messages.success(request, _("Dank je wel. Het contact staat in je overzicht."))
    return redirect("matches:own_page")


@require_POST
@role_required(*OWN_ROLES)
def own_message(request, pk: int):
    match = get_object_or_404(_own_matches(request.user).open(), pk=pk)
    form = MessageForm(request.user, request.POST)
    if not form.is_valid():
        return own_page(request, message_form=form, form_match=match)
    Contact.objects.create(
        match=match,
        on=timezone.localdate(),
        kind=ContactKind.MESSAGE,
        by=request.user,
        note=form.cleaned_data["note"],
    )
    _tell_coordinators(match)
    if request.user.role in INFORMAL:
        messages.success(request, _("Je bericht is doorgegeven aan de coördinator."))
    else:
        messages.success(request, _("Uw bericht is doorgegeven aan de coördinator."))
    return redirect("matches:own_page")


def _tell_coordinators(match: Match) -> None:
    """A nameless notice with a link; the message itself stays in Omzien."""
    to = User.objects.coordinators_of([match.request.programme_id]).mail_addresses()
    link = settings.OMZIEN_BASE_URL + reverse("matches:match_detail", args=[match.pk])
    body = _("Er is een nieuw bericht bij een koppeling. Log in om het te lezen:\n%(link)s") % {
        "link": link
    }
    try:
        EmailMessage(_("Nieuw bericht bij een koppeling"), body, to=to).send()
    except (SMTPException, OSError):
        logger.warning("Message notice could not be sent; the message is stored.")
