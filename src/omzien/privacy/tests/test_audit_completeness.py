"""Audit completeness: a coordinator runs through every page of the project; every page that
shows personal data leaves exactly one audit row, and every refused attempt does too; no page
crashes, and no name, e-mail or postcode reaches the logs or a redirect address.

The pages come from the URL resolver, so a new app's pages are in this test without being
listed. A page "shows personal data" when its HTML holds a name, e-mail address or full
postcode of the world's people: judged from the answer, not from the audit code under test.
Pages with an id in the address are tried with the ids of every kind of personal-data row.
"""

import logging
import re

import pytest
from django.apps import apps
from django.urls import resolve, reverse

from omzien.privacy.models import AuditAction, AuditEvent
from omzien.testing import addresses, candidate_ids, patterns

pytestmark = pytest.mark.django_db

SECRETS = (
    "Alfa",
    "Bravo",
    "Charlie",
    "Delta",
    "Yilmaz",
    "sanne@example.org",
    "kees@example.org",
    "9801 AB",
)
# Pages that must be reached with personal data: the test is not vacuous if a world fixture breaks.
AT_LEAST = {
    "matches:match_detail",
    "matching:request_detail",
    "screening:offer_detail",
    "intake:waiting_list",
    "privacy:person",
}


@pytest.fixture
def open_concern(world):
    """A concern on the running match, when the concerns app is there: its pages count too."""
    try:
        concern = apps.get_model("concerns", "Concern")
    except LookupError:
        return None
    return concern.objects.create(
        match=world["match"], reported_by=world["coordinator"], signs="Blauwe plek"
    )


def test_every_page_with_personal_data_leaves_one_audit_row(client, world, open_concern, caplog):
    caplog.set_level(logging.DEBUG)
    coordinator = world["coordinator"]
    client.force_login(coordinator)
    ids = candidate_ids(coordinator)
    served, visits = set(), 0
    for name, kinds in patterns():
        urls = [reverse(name)] if kinds == {} else addresses(name, kinds, ids)
        for url in urls:
            before = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            response = client.get(url)
            new = list(AuditEvent.objects.filter(pk__gt=before))
            visits += 1
            assert len(new) <= 1, f"{url} wrote {len(new)} audit rows"
            body = response.content.decode(errors="replace")
            location = response.get("Location", "")
            assert not any(secret in location for secret in SECRETS), f"{url} -> {location}"
            guarded = hasattr(resolve(url).func, "allowed_roles")  # behind role_required
            if guarded and response.status_code in (403, 404):
                assert new and new[0].action == AuditAction.REFUSED, f"{url}: refusal not logged"
            if response.status_code == 200 and any(secret in body for secret in SECRETS):
                assert new, f"{url} ({name}) showed personal data without an audit row"
                assert new[0].user == coordinator and new[0].url_name == name
                numbers = {int(n) for n in re.findall(r"/(\d+)(?=[/.]|$)", url)}
                if numbers:
                    assert new[0].object_type, f"{url}: the row names no object"
                    assert new[0].object_id in numbers, f"{url}: the row names another object"
                served.add(name)
            if name in served:
                break
    assert served >= AT_LEAST, f"not reached with personal data: {AT_LEAST - served}"
    # Nothing of what the pages showed went into the logs.
    assert not [secret for secret in SECRETS if secret in caplog.text]
    assert visits > len(served)
