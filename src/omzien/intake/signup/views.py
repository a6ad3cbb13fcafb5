"""Public sign-up pages: no account needed, spam kept out by `protected`."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render

from . import services
from .children import ChildFormSet, valid_with_children
from .forms import HouseholdForm, VolunteerForm, YouthForm
from .mail import mail_kind, send_confirmation
from .protection import HONEYPOT_FIELD, protected


def posted(request: HttpRequest) -> QueryDict | None:
    return request.POST if request.method == "POST" else None


def confirmed(kind: str, form, sign_up: Callable[[], object]) -> HttpResponse:
    """Store the sign-up and mail the confirmation, then the thank-you page.

    An address with an open registration in the programme gets the same page and a mail that
    it was registered already; nothing is stored, so an anonymous form changes no one's data.
    """
    data = form.cleaned_data
    if not form.already_registered:
        sign_up()
    send_confirmation(mail_kind(kind, form), data["email"], data["first_name"], data["programme"])
    return redirect("signup:thanks")


def choose(request: HttpRequest) -> HttpResponse:
    return render(request, "intake/signup/choose.html")


def thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "intake/signup/thanks.html")


@protected
def household(request: HttpRequest) -> HttpResponse:
    data = posted(request)
    form, children = HouseholdForm(data), ChildFormSet(data, prefix="kind")
    if data is not None and valid_with_children(form, children):
        return confirmed("household", form, lambda: services.sign_up_household(form, children))
    context = {"form": form, "children": children, "honeypot": HONEYPOT_FIELD}
    return render(request, "intake/signup/household.html", context)


@protected
def youth(request: HttpRequest) -> HttpResponse:
    form = YouthForm(posted(request))
    if form.is_bound and form.is_valid():
        return confirmed("youth", form, lambda: services.sign_up_youth(form))
    return render(request, "intake/signup/youth.html", {"form": form, "honeypot": HONEYPOT_FIELD})


@protected
def volunteer(request: HttpRequest) -> HttpResponse:
    form = VolunteerForm(posted(request))
    if form.is_bound and form.is_valid():
        return confirmed("volunteer", form, lambda: services.sign_up_volunteer(form))
    context = {"form": form, "honeypot": HONEYPOT_FIELD}
    return render(request, "intake/signup/volunteer.html", context)
