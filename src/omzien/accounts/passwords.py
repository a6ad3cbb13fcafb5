"""A password the admin set is for one log-in: the user chooses their own before anything else."""

from urllib.parse import urlencode

from django.contrib.auth import REDIRECT_FIELD_NAME, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.password_validation import (
    CommonPasswordValidator,
    MinimumLengthValidator,
    NumericPasswordValidator,
    UserAttributeSimilarityValidator,
)
from django.shortcuts import redirect, render, resolve_url
from django.utils.translation import gettext as _

from omzien.web.forms import NLDSFormMixin

from .two_factor import safe_next, second_step

# Pages that stay open before the new password: logging in and out, the second step, this one.
OPEN_PAGES = frozenset(
    {"login", "logout", "two_factor_verify", "two_factor_setup", "new_password", "set_language"}
)


# The password rules in neutral words: Django's Dutch says "uw", and every audience (je or u)
# chooses a password. Error messages that were neutral already stay Django's.
class MinimumLength(MinimumLengthValidator):
    def get_error_message(self) -> str:
        return _("Dit wachtwoord is te kort. Gebruik minstens %(min_length)d tekens.") % {
            "min_length": self.min_length
        }

    def get_help_text(self) -> str:
        return _("Minstens %(min_length)d tekens.") % {"min_length": self.min_length}


class NotLikePersonalDetails(UserAttributeSimilarityValidator):
    def get_help_text(self) -> str:
        return _("Niet te veel zoals de naam, de gebruikersnaam of het e-mailadres.")


class NotCommon(CommonPasswordValidator):
    def get_help_text(self) -> str:
        return _("Geen wachtwoord dat veel mensen gebruiken.")


class NotOnlyDigits(NumericPasswordValidator):
    def get_help_text(self) -> str:
        return _("Niet alleen cijfers.")


class NewPasswordMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        user = request.user
        if not getattr(user, "must_change_password", False):
            return None
        if request.resolver_match.view_name in OPEN_PAGES:
            return None
        next_page = urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
        return redirect(f"{resolve_url('new_password')}?{next_page}")


class NewPasswordForm(NLDSFormMixin, SetPasswordForm):
    pass


@login_required
def new_password(request):
    unverified = second_step(request)  # staff prove the second factor before choosing
    if unverified:
        return unverified
    form = NewPasswordForm(request.user, request.POST or None)
    if form.is_valid():
        user = form.save(commit=False)
        user.must_change_password = False
        user.save()
        update_session_auth_hash(request, user)
        return redirect(safe_next(request))
    return render(
        request,
        "accounts/new_password.html",
        {"form": form, "next": safe_next(request)},
        status=400 if form.errors else 200,
    )
