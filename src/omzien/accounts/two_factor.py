"""Two-factor log-in for staff: after the password, a code from an authenticator app (TOTP).

django-otp keeps the devices and checks the codes; this module decides who needs a second
factor and sends them to set one up or to enter their code before any staff page opens.
"""

import base64
import io
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from omzien.web.forms import NLDSFormMixin

from .models import Role

# Volunteers, parents and young people see only their own page; every other role is staff.
OWN_DATA_ROLES = frozenset({Role.VOLUNTEER, Role.PARENT, Role.YOUTH})


def needs_second_factor(user) -> bool:
    return user.is_authenticated and user.role not in OWN_DATA_ROLES


class TwoFactorMiddleware:
    """A staff page (a view guarded by `role_required`, or the admin) needs a verified session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        guarded = hasattr(view, "allowed_roles") or request.resolver_match.app_name == "admin"
        return second_step(request) if guarded else None


def second_step(request):
    """For staff without a verified session: the way to link an app or enter its code."""
    user = request.user
    if needs_second_factor(user) and not user.is_verified():
        target = "two_factor_verify" if _device(user) else "two_factor_setup"
        next_page = urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
        return redirect(f"{resolve_url(target)}?{next_page}")
    return None


class LoginView(auth_views.LoginView):
    """The password first (or the organisation's own sign-on); staff go on to the second step."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"oidc_enabled": settings.OIDC_ENABLED}

    def get_success_url(self) -> str:
        target = super().get_success_url()
        user = self.request.user
        if needs_second_factor(user):
            step = "two_factor_verify" if _device(user) else "two_factor_setup"
            return f"{resolve_url(step)}?{urlencode({REDIRECT_FIELD_NAME: target})}"
        return target


def _device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


class CodeForm(NLDSFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Code uit de app"),
        max_length=6,
        min_length=6,
        help_text=_("Zes cijfers. De code verandert elke 30 seconden."),
        widget=forms.TextInput(
            # The only thing to do on the page: the cursor starts there (an error summary,
            # earlier on the page, takes the focus first when there is one).
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9]*",
                "autofocus": True,
            }
        ),
    )

    def __init__(self, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = self.cleaned_data["code"]
        if not (code.isdigit() and self.device.verify_token(code)):
            raise forms.ValidationError(
                _("Deze code klopt niet. Kijk in de app en probeer opnieuw.")
            )
        return code


def safe_next(request) -> str:
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    safe = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    return target if safe and target else resolve_url("web:home")


@login_required
def verify(request):
    device = _device(request.user)
    if device is None:
        return redirect("two_factor_setup")
    form = CodeForm(device, request.POST or None)
    if form.is_valid():
        _pass_second_step(request, device)
        return redirect(safe_next(request))
    return render(
        request,
        "accounts/two_factor_verify.html",
        {"form": form, "next": safe_next(request)},
        status=400 if form.errors else 200,
    )


@login_required
def setup(request):
    """Link an authenticator app: scan the QR code (or type the key), then enter one code."""
    if _device(request.user):
        return redirect("two_factor_verify")
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "app"}
    )
    form = CodeForm(device, request.POST or None)
    if form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        _pass_second_step(request, device)
        return redirect(safe_next(request))
    context = {
        "form": form,
        "next": safe_next(request),
        "qr": _qr_data_uri(device.config_url),
        "secret": base64.b32encode(device.bin_key).decode(),
    }
    return render(
        request, "accounts/two_factor_setup.html", context, status=400 if form.errors else 200
    )


def _pass_second_step(request, device) -> None:
    """A new session key once verified: a key seen before this step must not open staff pages."""
    otp_login(request, device)
    request.session.cycle_key()


def _qr_data_uri(data: str) -> str:
    """An SVG image as a data: URI: no inline markup, allowed by the Content-Security-Policy."""
    out = io.BytesIO()
    qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage).save(out)
    return "data:image/svg+xml;base64," + base64.b64encode(out.getvalue()).decode()
