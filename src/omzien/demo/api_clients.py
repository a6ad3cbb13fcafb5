"""One API client for the demo's neighbourhood team, with a fixed token that `make demo` prints.

The token is public (it is in this file), so it exists only outside production. The client
acts as the `verwijzer` account: referrals made through the API show up on that account's
"Mijn verwijzingen" page, and removing the demo removes the client with the account.
"""

from django.conf import settings
from django.urls import reverse

from omzien.api.models import ApiClient, Scope
from omzien.api.tokens import create_client

from .accounts import REFERRER_ORGANISATION
from .context import Demo

DEMO_TOKEN = "omz_demo20260001_alleen-voor-de-demo-nooit-in-productie"
CLIENT_NAME = "Regiesysteem"
SCOPES = [Scope.REFERRALS, Scope.SOCIAL_MAP]


def create_api_clients(demo: Demo) -> ApiClient | None:
    if settings.PRODUCTION:
        return None
    client, _token = create_client(
        name=CLIENT_NAME,
        organisation_name=REFERRER_ORGANISATION,
        account=demo.users["verwijzer"],
        scopes=SCOPES,
        raw=DEMO_TOKEN,
    )
    return client


def token_lines() -> list[str]:
    """What `make demo` prints about the API, if the demo client exists."""
    client = ApiClient.objects.filter(
        account__username="verwijzer", tokens__prefix=DEMO_TOKEN.split("_")[1]
    ).first()
    if client is None or settings.PRODUCTION:
        return []
    return [
        f"API ({settings.OMZIEN_BASE_URL}{reverse('api:reference')}): koppeling ‘{client}’, "
        f"doelen {', '.join(SCOPES)}",
        f"API-sleutel: {DEMO_TOKEN}",
    ]
