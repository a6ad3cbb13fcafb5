"""Demo accounts and the demo API token have public credentials, so production refuses them.

A copied demo database must not open a door: log-in, an existing session and an API call all
fail, as `omzien demo_code` does (and the deploy check omzien.E001 names the accounts). The
API asks the same backend about a key's account, so the demo key fails with its account.
"""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend

from .accounts import USERNAMES


def is_refused_account(user) -> bool:
    return settings.PRODUCTION and user.get_username() in USERNAMES


class NoDemoAccountsInProduction(ModelBackend):
    """Django's password log-in; `user_can_authenticate` also guards each session's user."""

    def user_can_authenticate(self, user) -> bool:
        return super().user_can_authenticate(user) and not is_refused_account(user)
