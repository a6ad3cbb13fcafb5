"""Who opens a concern: need-to-know, and 'break the glass' for the other coordinators.

The handler and the reporter open a concern directly, and so does any coordinator of the
programme while nobody has taken it up (the report is addressed to all of them). Any other
coordinator of the programme sees that it exists, and opens it only after giving a reason,
which is logged as a ConcernAccess.

A given reason holds for this visit only: for GRANT_FOR, in this session. That way recording a
step (every step reloads the page) does not ask again, while a later look asks again and is
logged again; logging out ends it at once.
"""

from datetime import datetime, timedelta

from django.shortcuts import get_object_or_404
from django.utils import timezone

from .models import Concern, ConcernAccess

SESSION_KEY = "concerns_opened"
GRANT_FOR = timedelta(hours=1)


def visible_concern(request, pk: int) -> Concern:
    """The concern if the user may know it exists, with `direct` set; 404 otherwise."""
    queryset = Concern.objects.visible_to(request.user).with_direct_access(request.user)
    return get_object_or_404(
        queryset.select_related(
            "match__request__programme",
            "match__request__household",
            "match__request__youth",
            "match__offer__volunteer",
            "child",
            "handler",
            "reported_by",
        ).prefetch_related("match__request__household__parents"),
        pk=pk,
    )


def reason_given(request, concern: Concern) -> bool:
    stamp = request.session.get(SESSION_KEY, {}).get(str(concern.pk))
    return stamp is not None and timezone.now() - datetime.fromisoformat(stamp) < GRANT_FOR


def may_open(request, concern: Concern) -> bool:
    return concern.direct or reason_given(request, concern)


def break_the_glass(request, concern: Concern, reason: str) -> ConcernAccess:
    """Log who opened the concern and why, and let them in for this visit."""
    access = ConcernAccess.objects.create(concern=concern, user=request.user, reason=reason)
    granted = request.session.get(SESSION_KEY, {})
    granted[str(concern.pk)] = access.at.isoformat()
    request.session[SESSION_KEY] = granted
    return access
