from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from omzien.accounts import passwords, two_factor
from omzien.web.forms import LoginForm

urlpatterns = [
    path("", include("omzien.web.urls")),
    path("", include("omzien.intake.urls")),
    path("", include("omzien.intake.signup.urls")),
    path("", include("omzien.intake.referrals.urls")),
    path("", include("omzien.intake.importing.urls")),
    path("", include("omzien.matching.urls")),
    path("", include("omzien.matches.urls")),
    path("", include("omzien.screening.urls")),
    path("", include("omzien.concerns.urls")),
    path("", include("omzien.outcomes.urls")),
    path("", include("omzien.insight.urls")),
    path("", include("omzien.support_figures.urls")),
    path("", include("omzien.privacy.urls")),
    path("api/v1/", include("omzien.api.urls")),
    path("inloggen/", two_factor.LoginView.as_view(authentication_form=LoginForm), name="login"),
    path("inloggen/code/", two_factor.verify, name="two_factor_verify"),
    path("inloggen/app-koppelen/", two_factor.setup, name="two_factor_setup"),
    path("inloggen/nieuw-wachtwoord/", passwords.new_password, name="new_password"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/", admin.site.urls),
]

if settings.OIDC_ENABLED:
    urlpatterns.append(path("sso/", include("mozilla_django_oidc.urls")))
