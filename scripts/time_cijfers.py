"""Time Cijfers (`/cijfers/`) and the API's aggregates (`/api/v1/aggregates/`) in-process, with
Django's test client: per page one warm-up, then the median of ten.

    .venv/bin/python scripts/time_cijfers.py [USERNAME ...]

Without names: the analyst of the municipality with the most matches and the organisation
admin with the most programmes (on the national set), or `analist` (on the demo); then the
dashboard's figures over every programme and place (no account sees that many; it is what
`dashboard_figures` costs over all matches).
"""

import os
import statistics
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "omzien.conf.settings")
django.setup()

from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from omzien.accounts.models import Role, User  # noqa: E402
from omzien.api.models import ApiClient, Scope  # noqa: E402
from omzien.api.tokens import create_client  # noqa: E402
from omzien.insight.scope import Filters  # noqa: E402
from omzien.matches.models import Match  # noqa: E402
from omzien.programmes.models import Programme  # noqa: E402

RUNS = 10


def widest() -> list[User]:
    if User.objects.filter(username="analist").exists():
        return [User.objects.get(username="analist")]
    analysed = User.objects.filter(role=Role.ANALYST).values("municipality")
    busiest = (
        Match.objects.filter(request__household__postcode_area__municipality__in=analysed)
        .values("request__household__postcode_area__municipality")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("request__household__postcode_area__municipality", flat=True)
        .first()
    )
    organisation = (
        Programme.objects.values("organisation")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("organisation", flat=True)
        .first()
    )
    return [
        User.objects.get(role=Role.ANALYST, municipality=busiest),
        User.objects.get(role=Role.ORG_ADMIN, organisation=organisation),
    ]


def timed(get) -> tuple[float, float]:
    get()  # warm-up
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        response = get()
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return statistics.median(times), max(times)


def logged_in(user) -> Client:
    """A client past both steps of the log-in: the user's confirmed authenticator device."""
    client = Client()
    client.force_login(user)
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, confirmed=True, defaults={"name": "tijdmeting"}
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def main(names: list[str]) -> None:
    users = [User.objects.get(username=n) for n in names] if names else widest()
    for user in users:
        client = logged_in(user)
        ApiClient.objects.filter(account=user).delete()  # one client per account
        _c, token = create_client(
            name="Tijdmeting", organisation_name="Meting", account=user, scopes=[Scope.AGGREGATES]
        )
        headers = {"Authorization": f"Bearer {token}", "Accept-Encoding": "identity"}
        api = Client()
        pages = {
            "Cijfers": lambda c=client: c.get(reverse("insight:dashboard")),
            "API cijfers": lambda a=api, h=headers: a.get(reverse("api:aggregates"), headers=h),
        }
        matches = Match.objects.filter(request__programme__in=_programmes(user)).count()
        for page, get in pages.items():
            median, worst = timed(get)
            print(
                f"{user.username:24} {matches:>9,} matches  {page:12} median {median:7.1f} ms  max {worst:7.1f} ms"
            )


def everything() -> None:
    from omzien.insight.dashboard import dashboard_figures
    from omzien.insight.forms import filters_for

    analyst = User.objects.filter(role=Role.ANALYST).first()
    _form, chosen = filters_for(analyst, {})
    programmes = frozenset(Programme.objects.values_list("pk", flat=True))
    median, worst = timed(
        lambda: dashboard_figures(Filters(chosen.start, chosen.end, programmes)) and Ok
    )
    print(
        f"{'every programme':24} {Match.objects.count():>9,} matches  {'figures':12} median {median:7.1f} ms  max {worst:7.1f} ms"
    )


class Ok:
    status_code = 200


def _programmes(user) -> list[int]:
    from omzien.insight.scope import scope_of

    return [p.pk for p in scope_of(user).programmes]


if __name__ == "__main__":
    with override_settings(ALLOWED_HOSTS=["testserver"]):
        main(sys.argv[1:])
        if not sys.argv[1:]:
            everything()
