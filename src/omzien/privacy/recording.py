"""Writing the audit trail: one row per request that touched personal data, and explicit rows.

While a view runs under `role_required`, a `Visit` watches which personal-data rows are loaded
and saved (Django's post_init and post_save signals, connected once for every personal-data
model). When the view is done, `finish` writes one row: the action follows from the method and
the answer, the object is the first loaded row whose id is in the URL, and the people it is
about follow from that object. A view that never touches personal data leaves no row; a refusal
(403, 404) always does. Views and services may say more with `note(request, ...)`.
"""

from contextvars import ContextVar
from dataclasses import dataclass
from ipaddress import ip_address

from django.db.models.signals import post_init, post_save

from omzien.access.clients import client_address

from .models import AuditAction, AuditEvent
from .subjects import is_personal, personal_models, subjects_of

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
REFUSED_STATUSES = frozenset({403, 404})

_current: ContextVar["Visit | None"] = ContextVar("omzien_audit_visit", default=None)


@dataclass
class Visit:
    """What one request did with personal data so far."""

    wanted: frozenset[int]  # integer ids in the URL
    touched: bool = False
    object: object = None
    created: object = None
    action: str = ""
    count: int | None = None
    subjects: dict | None = None  # people named by the view itself (a filter, an export)
    paused: bool = False


def _loaded(sender, instance, **kwargs) -> None:
    visit = _current.get()
    if visit is None or visit.paused or instance.pk is None:
        return
    visit.touched = True
    if visit.object is None and instance.pk in visit.wanted:
        visit.object = instance


def _saved(sender, instance, created, **kwargs) -> None:
    visit = _current.get()
    if visit is None or visit.paused:
        return
    visit.touched = True
    if created and visit.created is None:
        visit.created = instance


def connect_signals() -> None:
    """Called from the app's ready(): watch every personal-data model, and only those."""
    for model in personal_models():
        post_init.connect(_loaded, sender=model, dispatch_uid=f"audit-init-{model._meta.label}")
        post_save.connect(_saved, sender=model, dispatch_uid=f"audit-save-{model._meta.label}")


def url_ids(kwargs: dict) -> frozenset[int]:
    ids = set()
    for value in kwargs.values():
        if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
            ids.add(int(value))
    return frozenset(ids)


def start(kwargs: dict) -> tuple[Visit | None, object]:
    """Begin watching, unless an outer view already does (a view that calls another)."""
    if _current.get() is not None:
        return None, None
    visit = Visit(wanted=url_ids(kwargs))
    return visit, _current.set(visit)


def stop(token) -> None:
    _current.reset(token)


def note(
    request,
    *,
    action: str | None = None,
    obj=None,
    count: int | None = None,
    subjects: dict[str, int] | None = None,
) -> None:
    """Tell the running visit what it did, more precisely than the method says (an export)."""
    visit = _current.get()
    if visit is None:
        return
    visit.touched = True
    if action:
        visit.action = action
    if obj is not None:
        visit.object = obj
    if count is not None:
        visit.count = count
    if subjects:
        visit.subjects = subjects


def action_of(visit: Visit, method: str, status: int | None) -> str:
    if status in REFUSED_STATUSES:
        return AuditAction.REFUSED
    if visit.action:
        return visit.action
    if method in WRITE_METHODS:
        return (
            AuditAction.CREATE
            if visit.created is not None and not visit.wanted
            else AuditAction.CHANGE
        )
    return AuditAction.VIEW


def finish(request, visit: Visit, status: int | None) -> AuditEvent | None:
    """Write the row for this visit, if it touched personal data or was refused."""
    if not (visit.touched or visit.wanted or status in REFUSED_STATUSES):
        return None
    action = action_of(visit, request.method, status)
    obj = visit.object if visit.object is not None else visit.created
    if action == AuditAction.REFUSED:
        obj = None  # nothing was served, and nothing about the row is revealed
    match = getattr(request, "resolver_match", None)
    visit.paused = True  # following the object to its people is not itself a visit
    return record(
        request.user,
        action,
        obj=obj,
        subjects=visit.subjects,
        request=request,
        url_name=match.view_name if match else "",
        url_kwargs=dict(match.kwargs) if match else {},
        status_code=status,
        count=visit.count,
    )


def address_of(request) -> str | None:
    """The visitor's address as the sign-up rate limit finds it; None when it is not an address."""
    if request is None:
        return None
    try:
        return str(ip_address(client_address(request)))
    except ValueError:
        return None


def record(
    user,
    action: str,
    *,
    obj=None,
    subjects: dict[str, int] | None = None,
    request=None,
    url_name: str = "",
    url_kwargs: dict | None = None,
    status_code: int | None = None,
    count: int | None = None,
    object_type: str = "",
    object_id: int | None = None,
) -> AuditEvent:
    """Append one row; services call this directly for exports, erasures and nightly work."""
    people = dict(subjects or {})
    if obj is not None and is_personal(type(obj)):
        people = subjects_of(obj) | people
    authenticated = user is not None and user.is_authenticated
    return AuditEvent.objects.create(
        user=user if authenticated else None,
        username=user.get_username() if authenticated else "",
        role=getattr(user, "role", "") if authenticated else "",
        action=action,
        url_name=url_name,
        url_kwargs={k: str(v) for k, v in (url_kwargs or {}).items()},
        method=request.method if request is not None else "",
        status_code=status_code,
        object_type=obj._meta.label_lower if obj is not None else object_type,
        object_id=obj.pk if obj is not None else object_id,
        household_id=people.get("household"),
        youth_id=people.get("youth"),
        volunteer_id=people.get("volunteer"),
        ip_address=address_of(request),
        count=count,
    )
