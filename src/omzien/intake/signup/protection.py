"""Spam protection without third parties: a per-client rate limit and a honeypot field.

Only accepted sign-ups count: someone who mistypes a field is never locked out by it.
The counts live in the database, so the limit holds across every app server.

The client is identified by a keyed hash of its address; the address itself is never
logged or stored, and the hash cannot be reversed without the secret key.
"""

import hashlib
import hmac
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from omzien.access.clients import client_address
from omzien.web import ratelimit

# A field people never see; bots fill in every field they find.
HONEYPOT_FIELD = "website"

# Accepted sign-ups per client per window; a family centre behind one address gets some room.
DEFAULT_LIMIT = 10
DEFAULT_WINDOW_SECONDS = 60 * 60


def client_key(request: HttpRequest) -> str:
    return hmac.new(
        settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256
    ).hexdigest()


def take_turn(request: HttpRequest) -> bool:
    """Count one accepted sign-up; False, and nothing counted, when the client is at its limit."""
    return ratelimit.take_turn(
        f"signup:{client_key(request)}",
        getattr(settings, "OMZIEN_SIGNUP_RATE_LIMIT", DEFAULT_LIMIT),
        getattr(settings, "OMZIEN_SIGNUP_RATE_WINDOW", DEFAULT_WINDOW_SECONDS),
    )


def is_bot(request: HttpRequest) -> bool:
    return bool(request.POST.get(HONEYPOT_FIELD, "").strip())


def thanks_page(informal: bool) -> str:
    return "signup:thanks_informal" if informal else "signup:thanks"


def protected(form_class) -> Callable:
    """Answer the honeypot like a success; the view itself counts what it accepts (take_turn)."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method == "POST" and is_bot(request):
                # Neutral: the same page a person sees, and nothing is stored, sent or counted.
                return redirect(thanks_page(form_class.informal))
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
