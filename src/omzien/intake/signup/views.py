"""Public sign-up pages: no account needed, spam kept out by `protected`."""

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render

from . import services
from .children import ChildFormSet, valid_with_children
from .forms import HouseholdForm, VolunteerForm, YouthForm
from .mail import send_confirmation
from .protection import HONEYPOT_FIELD, protected


def posted(request: HttpRequest) -> QueryDict | None:
    return request.POST if request.method == "POST" else None


def confirmed(kind: str, form, created) -> HttpResponse:
    """Mail the confirmation, then the thank-you page: its URL carries nothing about anyone."""
    send_confirmation(
        kind, form.cleaned_data["email"], form.cleaned_data["first_name"], created.programme
    )
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
        return confirmed("household", form, services.sign_up_household(form, children))
    context = {"form": form, "children": children, "honeypot": HONEYPOT_FIELD}
    return render(request, "intake/signup/household.html", context)


@protected
def youth(request: HttpRequest) -> HttpResponse:
    form = YouthForm(posted(request))
    if form.is_bound and form.is_valid():
        return confirmed("youth", form, services.sign_up_youth(form))
    return render(request, "intake/signup/youth.html", {"form": form, "honeypot": HONEYPOT_FIELD})


@protected
def volunteer(request: HttpRequest) -> HttpResponse:
    form = VolunteerForm(posted(request))
    if form.is_bound and form.is_valid():
        return confirmed("volunteer", form, services.sign_up_volunteer(form))
    context = {"form": form, "honeypot": HONEYPOT_FIELD}
    return render(request, "intake/signup/volunteer.html", context)
