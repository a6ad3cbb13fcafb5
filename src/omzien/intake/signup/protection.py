"""Spam protection without third parties: a per-client rate limit and a honeypot field.

The client is identified by a keyed hash of its address; the address itself is never
logged or stored, and the hash cannot be reversed without the secret key.
"""

import hashlib
import hmac
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from omzien.access.clients import client_address

# A field people never see; bots fill in every field they find.
HONEYPOT_FIELD = "website"

# Submissions per client per window; a family centre behind one address gets some room.
DEFAULT_LIMIT = 10
DEFAULT_WINDOW_SECONDS = 60 * 60


def client_key(request: HttpRequest) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256
    ).hexdigest()
    return f"omzien:signup-rate:{digest}"


def over_limit(request: HttpRequest) -> bool:
    """Count this submission; True when the client has sent too many in the current window."""
    limit = getattr(settings, "OMZIEN_SIGNUP_RATE_LIMIT", DEFAULT_LIMIT)
    window = getattr(settings, "OMZIEN_SIGNUP_RATE_WINDOW", DEFAULT_WINDOW_SECONDS)
    key = client_key(request)
    cache.add(key, 0, timeout=window)  # starts the window; a no-op while it runs
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: this is the first of a new window
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit


def is_bot(request: HttpRequest) -> bool:
    return bool(request.POST.get(HONEYPOT_FIELD, "").strip())


def protected(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Refuse posts over the rate limit with 429; answer the honeypot like a success."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "POST":
            if over_limit(request):
                return render(request, "intake/signup/too_many.html", status=429)
            if is_bot(request):
                # Neutral: the same page a person sees, and nothing is stored or sent.
                return redirect("signup:thanks")
        return view(request, *args, **kwargs)

    return wrapper
