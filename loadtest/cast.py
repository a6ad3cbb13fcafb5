"""Who takes part in the load test, written as JSON for the locustfile (`scripts/loadtest.sh`
runs this after loading the data, with DATABASE_URL set).

With the demo loaded: its well-known accounts. With the national dataset (`load_demo
--scale`): the coordinators of the programmes with the longest waiting lists, volunteers,
parents and young people with a running match, the referrers with the most referrals and the
analysts of the biggest municipalities. Either way two API clients are issued here: a
neighbourhood team's system (referrals) and a municipality's monitor (aggregates).
"""

import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "omzien.conf.settings")
django.setup()

from django.db.models import Count, Q  # noqa: E402

from omzien.accounts.models import Role, User  # noqa: E402
from omzien.api.models import ApiClient, Scope  # noqa: E402
from omzien.api.tokens import create_client, issue_token  # noqa: E402
from omzien.intake.models import RequestStatus  # noqa: E402
from omzien.programmes.models import Programme  # noqa: E402

OWN_DATA = (Role.VOLUNTEER, Role.PARENT, Role.YOUTH)
DEMO = {
    "coordinators": ["coordinator", "coordinator2"],
    "participants": ["vrijwilliger", "ouder"],
    "referrers": ["verwijzer"],
    "analysts": ["analist"],
}


def national() -> dict[str, list[str]]:
    busiest = Programme.objects.annotate(
        waiting=Count("requests", filter=Q(requests__status=RequestStatus.WAITING))
    ).order_by("-waiting", "pk")[:8]
    names = lambda users: list(users.values_list("username", flat=True))  # noqa: E731
    return {
        "coordinators": names(
            User.objects.filter(role=Role.COORDINATOR, programmes__in=busiest).distinct()
        ),
        "participants": names(User.objects.filter(role__in=OWN_DATA).order_by("pk")[:6]),
        "referrers": names(
            User.objects.filter(role=Role.REFERRER)
            .annotate(referred=Count("referrals"))
            .order_by("-referred", "pk")[:3]
        ),
        "analysts": names(
            User.objects.filter(role=Role.ANALYST, municipality__isnull=False).order_by(
                "-municipality__households", "pk"
            )[:3]
        ),
    }


def issue(name: str, username: str, scope: Scope) -> str:
    """A token for the account's client system; an account has at most one client."""
    client = ApiClient.objects.filter(account__username=username).first()
    if client:
        return issue_token(client, [scope])[1]
    account = User.objects.get(username=username)
    return create_client(name=name, organisation_name="Load test", account=account, scopes=[scope])[
        1
    ]


def main() -> None:
    cast = DEMO if User.objects.filter(username="coordinator").exists() else national()
    cast["tokens"] = {
        "referrals": issue("Regiesysteem (load test)", cast["referrers"][0], Scope.REFERRALS),
        "aggregates": issue("Monitor (load test)", cast["analysts"][0], Scope.AGGREGATES),
    }
    json.dump(cast, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
