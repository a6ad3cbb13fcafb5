"""Single sign-on through an organisation's OpenID Connect provider (mozilla-django-oidc).

Only accounts that already exist may sign in this way, found by their e-mail address: the
provider says who someone is, Omzien's own account says what their role and scope are.
The second step (a code from an app) still applies to staff after signing in.
"""

from mozilla_django_oidc.auth import OIDCAuthenticationBackend


class ExistingAccountsOnly(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims):
        email = claims.get("email")
        if not email or claims.get("email_verified") is False:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email, is_active=True)

    def create_user(self, claims):
        return None  # an organisation admin creates accounts and chooses their role
