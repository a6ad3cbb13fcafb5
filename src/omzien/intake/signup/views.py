"""Public sign-up pages: no account needed, spam kept out by `protected` and `take_turn`."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render

from . import services
from .children import ChildFormSet, valid_with_children
from .forms import HouseholdForm, VolunteerForm, YouthForm
from .mail import mail_kind, send_confirmation
from .protection import HONEYPOT_FIELD, protected, take_turn, thanks_page


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
    return redirect(thanks_page(form.informal))


def answer(
    request: HttpRequest, kind: str, form, valid: bool, sign_up, template: str, context: dict
) -> HttpResponse:
    """A valid sign-up within the rate limit is stored; otherwise the form again, as typed.

    Over the limit the page keeps what was typed and names the organisation to reach instead.
    """
    if not valid:
        return render(request, template, context)
    if take_turn(request):
        return confirmed(kind, form, sign_up)
    organisation = form.cleaned_data["programme"].organisation
    return render(request, template, {**context, "too_many": organisation}, status=429)


def choose(request: HttpRequest) -> HttpResponse:
    return render(request, "intake/signup/choose.html")


def thanks(request: HttpRequest, informal: bool = False) -> HttpResponse:
    return render(request, "intake/signup/thanks.html", {"informal": informal})


@protected(HouseholdForm)
def household(request: HttpRequest) -> HttpResponse:
    data = posted(request)
    form, children = HouseholdForm(data), ChildFormSet(data, prefix="kind")
    valid = data is not None and valid_with_children(form, children)
    context = {"form": form, "children": children, "honeypot": HONEYPOT_FIELD}
    return answer(
        request,
        "household",
        form,
        valid,
        lambda: services.sign_up_household(form, children),
        "intake/signup/household.html",
        context,
    )


@protected(YouthForm)
def youth(request: HttpRequest) -> HttpResponse:
    form = YouthForm(posted(request))
    valid = form.is_bound and form.is_valid()
    context = {"form": form, "honeypot": HONEYPOT_FIELD}
    return answer(
        request,
        "youth",
        form,
        valid,
        lambda: services.sign_up_youth(form),
        "intake/signup/youth.html",
        context,
    )


@protected(VolunteerForm)
def volunteer(request: HttpRequest) -> HttpResponse:
    form = VolunteerForm(posted(request))
    valid = form.is_bound and form.is_valid()
    context = {"form": form, "honeypot": HONEYPOT_FIELD}
    return answer(
        request,
        "volunteer",
        form,
        valid,
        lambda: services.sign_up_volunteer(form),
        "intake/signup/volunteer.html",
        context,
    )
