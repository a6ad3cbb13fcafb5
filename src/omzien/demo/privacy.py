"""Privacy in the demo: the organisation's administrator is its privacy officer, each programme
has its retention period, and one file that expires soon is kept under a legal hold."""

from django.contrib.auth.models import Permission

from omzien.privacy.models import LegalHold, RetentionPolicy
from omzien.privacy.retention import warning_list

from .context import Demo
from .programmes import HOME_VISITING, MENTORING, SUPPORT_FAMILY

KEEP_MONTHS = {SUPPORT_FAMILY: 24, HOME_VISITING: 24, MENTORING: 18}
HOLD_REASON = "Er loopt een klacht over de afsluiting; bewaren tot die is afgehandeld."


def create_privacy(demo: Demo) -> None:
    officer = demo.users["beheerder"]
    officer.user_permissions.add(Permission.objects.get(codename="act_as_privacy_officer"))
    RetentionPolicy.objects.bulk_create(
        RetentionPolicy(programme=demo.programmes[key], keep_months=months)
        for key, months in KEEP_MONTHS.items()
    )
    soon = [w.expiry for w in warning_list(demo.today) if w.expiry.kind == "household"]
    if soon:
        LegalHold.objects.create(household_id=soon[0].pk, reason=HOLD_REASON, placed_by=officer)
