from django.shortcuts import render

from omzien.access.checks import STAFF_WITH_FILES, role_required
from omzien.access.roles import Role
from omzien.privacy.officer import is_privacy_officer, may_read_audit


@role_required(*STAFF_WITH_FILES, Role.SUPERUSER)
def overview(request):
    """The privacy tools this user may use, in one place."""
    return render(
        request,
        "privacy/overview.html",
        {
            "officer": is_privacy_officer(request.user),
            "audit": may_read_audit(request.user),
            "with_files": request.user.has_role(*STAFF_WITH_FILES),
        },
    )
