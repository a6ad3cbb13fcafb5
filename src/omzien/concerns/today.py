"""Open concerns for the coordinator's morning page."""

from .models import Concern


def open_concerns(user, programme):
    """Open concerns of `programme` the user may know of, oldest report first; `direct` says
    whether they open without giving a reason (only then does the page name the family)."""
    if programme is None:
        return Concern.objects.none()
    return (
        Concern.objects.visible_to(user)
        .filter(match__request__programme=programme)
        .open()
        .with_direct_access(user)
        .select_related(
            "handler",
            "child",
            "match__request__household",
            "match__request__youth",
            "match__offer__volunteer",
        )
        .prefetch_related("match__request__household__parents")
        .order_by("reported_on", "pk")
    )
