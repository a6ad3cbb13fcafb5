"""The demo's second factor: each staff account has an authenticator key derived from its name.

These keys are public (anyone can derive them), so they are a demo shortcut: `omzien demo_code`
refuses to run in production, and a deploy check fails while demo accounts exist there.
"""

import base64
import hashlib

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from omzien.accounts.models import User
from omzien.accounts.two_factor import needs_second_factor


def demo_key(username: str) -> str:
    return hashlib.sha1(f"omzien-demo-2026:{username}".encode()).hexdigest()


def create_devices(users) -> None:
    TOTPDevice.objects.bulk_create(
        TOTPDevice(user=user, name="demo", key=demo_key(user.username), confirmed=True)
        for user in users
        if needs_second_factor(user)
    )


def secrets() -> list[tuple[str, str]]:
    """(username, base32 key for an authenticator app) of each demo account with a device."""
    devices = TOTPDevice.objects.filter(name="demo").select_related("user").order_by("user_id")
    return [(d.user.username, base64.b32encode(d.bin_key).decode()) for d in devices]


def current_code(username: str) -> str:
    if settings.PRODUCTION:
        raise ImproperlyConfigured("Demo codes do not exist in production.")
    device = TOTPDevice.objects.get(user__username=username, key=demo_key(username))
    return f"{TOTP(device.bin_key).token():06d}"


def _demo_accounts_exist(usernames) -> bool:
    try:
        return User.objects.filter(username__in=usernames).exists()
    except DatabaseError:
        return False  # not migrated yet: no accounts at all


@checks.register(checks.Tags.security, deploy=True)
def no_demo_accounts_in_production(app_configs, **kwargs):
    from .accounts import USERNAMES

    if settings.PRODUCTION and _demo_accounts_exist(USERNAMES):
        return [
            checks.Error(
                "The demo accounts exist in this production database; remove them "
                "(omzien load_demo is for demonstrations only).",
                id="omzien.E001",
            )
        ]
    return []
