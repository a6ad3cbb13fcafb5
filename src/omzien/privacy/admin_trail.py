"""Every change made in Django's admin is a row in the audit trail, like a change anywhere else.

The admin's own log (LogEntry) can be removed and names rows by their text; this trail is
append-only and names them by number. A change that went through answers with a redirect; a
form with errors (200) changed nothing and leaves no row.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model

from .models import AuditAction
from .recording import WRITE_METHODS, record

ACTIONS = {"add": AuditAction.CREATE, "delete": AuditAction.DELETE}


class AdminTrailMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        done = request.method in WRITE_METHODS and response.status_code == 302
        if done and match and match.app_name == "admin":
            record_admin_change(request, match)
        return response


def model_and_step(url_name: str) -> tuple[type | None, str]:
    """'accounts_user_change' -> (User, 'change'); (None, '') off the models."""
    if url_name == "auth_user_password_change":  # Django names it so, whatever the user model
        return get_user_model(), "password_change"
    for model in admin.site._registry:
        prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
        if url_name.startswith(prefix):
            return model, url_name.removeprefix(prefix)
    return None, ""


def record_admin_change(request, match) -> None:
    model, step = model_and_step(match.url_name or "")
    if model is None:
        return  # the admin's log-in and log-out pages
    selected = request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME)
    if step == "changelist" and request.POST.get("action") == "delete_selected":
        step = "delete"
    object_id = match.kwargs.get("object_id") or match.kwargs.get("id")
    record(
        request.user,
        ACTIONS.get(step, AuditAction.CHANGE),
        request=request,
        url_name=match.view_name,
        url_kwargs=match.kwargs,
        status_code=302,
        count=len(selected) or None,
        object_type=model._meta.label_lower,
        object_id=int(object_id) if object_id and str(object_id).isdigit() else None,
    )
